import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import { Decimal } from '../../pricing/decimal';
import { decodeCursor, encodeCursor, Page, PageArgs, pageSize } from '../shared/pagination';
import type { InvoiceLineKind } from './invoice-line.entity';

/**
 * One line a customer consumed that its payer was invoiced for (a company-group member billed to
 * its parent): the line, and of the payer's invoice only its number, date and currency. Neither
 * the invoice's id, totals, status, other lines nor its documents: those are the payer's.
 */
export interface ConsumedLine {
  id: string;
  invoiceNumber: string;
  issuedAt: Date;
  currency: string;
  kind: InvoiceLineKind;
  description: string;
  priceCode: string | null;
  quantity: Decimal;
  amount: Decimal;
  tax: Decimal;
  periodStart: Date | null;
  periodEnd: Date | null;
  subscriptionId: string | null;
  locationId: string | null;
  /** The invoice's creation, the cursor's first key. */
  invoiceCreatedAt: Date;
}

interface Row {
  id: string;
  number: string;
  issued_at: Date;
  currency: string;
  kind: InvoiceLineKind;
  description: string;
  price_code: string | null;
  quantity: string;
  amount: string;
  tax: string;
  period_start: Date | null;
  period_end: Date | null;
  subscription_id: string | null;
  location_id: string | null;
  created_at: Date;
}

/**
 * The lines `customerId` consumed on other customers' issued invoices (not DRAFT, not VOID),
 * oldest invoice first and in each invoice in its order; keyset pages after a line's cursor.
 * Uses the index on invoice_line.customer_id. The caller authorizes.
 */
export async function consumedLines(em: EntityManager, customerId: string, args: PageArgs): Promise<Page<ConsumedLine>> {
  const size = pageSize(args.first);
  const after = args.after ? decodeCursor(args.after).id : null;
  const rows = await boundRows<Row>(
    em,
    `select l.id, i.number, coalesce(i.finalized_at, i.created_at) as issued_at, i.currency, l.kind, l.description, l.price_code, l.quantity, l.amount, l.tax,
            l.period_start, l.period_end, l.subscription_id, l.location_id, i.created_at
       from invoice_line l join invoice i on i.id = l.invoice_id
      where l.customer_id = ? and i.customer_id <> l.customer_id and i.status not in ('DRAFT', 'VOID')
        ${after ? 'and (i.created_at, i.id, l.position) > (select i2.created_at, i2.id, l2.position from invoice_line l2 join invoice i2 on i2.id = l2.invoice_id where l2.id = ?)' : ''}
      order by i.created_at, i.id, l.position
      limit ?`,
    [customerId, ...(after ? [after] : []), size + 1],
  );
  const nodes = rows.slice(0, size).map((r): ConsumedLine => ({
    id: r.id,
    invoiceNumber: r.number,
    issuedAt: new Date(r.issued_at),
    currency: r.currency,
    kind: r.kind,
    description: r.description,
    priceCode: r.price_code,
    quantity: new Decimal(r.quantity),
    amount: new Decimal(r.amount),
    tax: new Decimal(r.tax),
    periodStart: r.period_start && new Date(r.period_start),
    periodEnd: r.period_end && new Date(r.period_end),
    subscriptionId: r.subscription_id,
    locationId: r.location_id,
    invoiceCreatedAt: new Date(r.created_at),
  }));
  return {
    nodes,
    hasNextPage: rows.length > size,
    cursorOf: (line) => encodeCursor({ createdAt: line.invoiceCreatedAt, id: line.id }),
  };
}
