import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import type { CollectionMethod } from '../subscriptions/subscription.entity';
import type { InvoiceDraft } from './invoice-draft';

/** An invoice as the billing run's batches write it: a draft, and where it stands. */
export interface InvoiceRow {
  id: string;
  customerId: string;
  subscriptionId: string;
  billingKey: string;
  draft: InvoiceDraft;
  /** PAID only when finalized with nothing to pay. */
  status: 'DRAFT' | 'OPEN' | 'PAID';
  /** Set when finalized: takeInvoiceNumbers. */
  number: string | null;
  finalizedAt: Date | null;
  dueAt: Date | null;
  createdAt: Date;
  collectionMethod: CollectionMethod;
  nextCollectionAt: Date | null;
  paidAt: Date | null;
}

/**
 * Invoices and their lines in two statements, each taking its rows as one jsonb parameter (as
 * recordUsage does: bind values parsed natively, not thousands of literals).
 */
export async function insertInvoiceRows(em: EntityManager, rows: readonly InvoiceRow[]): Promise<void> {
  if (rows.length === 0) return;
  await boundRows(
    em,
    `insert into invoice (id, customer_id, subscription_id, billing_key, status, number, currency, period_start, period_end,
                          subtotal, tax, total, amount_due, notes, finalized_at, due_at, created_at, collection_method, next_collection_at, paid_at)
     select i.id, i.customer_id, i.subscription_id, i.billing_key, i.status::invoice_status, i.number, i.currency, i.period_start, i.period_end,
            i.subtotal, i.tax, i.total, i.total, i.notes, i.finalized_at, i.due_at, i.created_at, i.collection_method::collection_method,
            i.next_collection_at, i.paid_at
       from jsonb_to_recordset(?::jsonb) as i(id uuid, customer_id uuid, subscription_id uuid, billing_key text, status text, number text, currency text,
            period_start timestamptz, period_end timestamptz, subtotal numeric, tax numeric, total numeric, notes jsonb,
            finalized_at timestamptz, due_at timestamptz, created_at timestamptz, collection_method text, next_collection_at timestamptz, paid_at timestamptz)`,
    [
      JSON.stringify(
        rows.map((r) => ({
          id: r.id, customer_id: r.customerId, subscription_id: r.subscriptionId, billing_key: r.billingKey, status: r.status, number: r.number,
          currency: r.draft.currency, period_start: r.draft.periodStart, period_end: r.draft.periodEnd,
          subtotal: r.draft.subtotal.toFixed(), tax: r.draft.tax.toFixed(), total: r.draft.total.toFixed(), notes: r.draft.notes,
          finalized_at: r.finalizedAt, due_at: r.dueAt, created_at: r.createdAt,
          collection_method: r.collectionMethod, next_collection_at: r.nextCollectionAt, paid_at: r.paidAt,
        })),
      ),
    ],
  );
  const lines = rows.flatMap((r) =>
    r.draft.lines.map((l, position) => ({
      invoice_id: r.id, customer_id: r.customerId, position, kind: l.kind, description: l.description, price_id: l.price?.id ?? null,
      price_code: l.priceCode, quantity: l.quantity.toFixed(), amount: l.amount.toFixed(), tax: l.tax.toFixed(),
      period_start: l.periodStart, period_end: l.periodEnd, proration: l.proration, steps: l.steps,
    })),
  );
  if (lines.length === 0) return;
  await boundRows(
    em,
    `insert into invoice_line (id, invoice_id, customer_id, position, kind, description, price_id, price_code, quantity, amount, tax,
                               period_start, period_end, proration, steps)
     select gen_random_uuid(), l.invoice_id, l.customer_id, l.position, l.kind, l.description, l.price_id, l.price_code, l.quantity, l.amount, l.tax,
            l.period_start, l.period_end, l.proration, l.steps
       from jsonb_to_recordset(?::jsonb) as l(invoice_id uuid, customer_id uuid, position int, kind text, description text, price_id uuid,
            price_code text, quantity numeric, amount numeric, tax numeric, period_start timestamptz, period_end timestamptz,
            proration boolean, steps jsonb)`,
    [JSON.stringify(lines)],
  );
}

/**
 * `count` consecutive numbers of the year's series for invoices finalized together: the counter
 * moves by the count in one upsert, which locks the series row until the commit (as
 * takeInvoiceNumber does for one), so a rollback returns the whole run and the series keeps no
 * gap. The batch takes them before it writes its invoices, so each row is written once, numbered
 * (setting them after was a second write of every invoice and its unique index); concurrent
 * batches then queue on the series row for their write phase, which on one PostgreSQL is the
 * part they could not overlap much anyway.
 */
export async function takeInvoiceNumbers(em: EntityManager, count: number, year: number, series: string): Promise<string[]> {
  if (count === 0) return [];
  const [{ last }] = await boundRows<{ last: number }>(
    em,
    'insert into invoice_number (series, year, last) values (?, ?, ?) on conflict (series, year) do update set last = invoice_number.last + ? returning last',
    [series, year, count, count],
  );
  const first = last - count + 1;
  return Array.from({ length: count }, (_, i) => `${series}-${year}-${String(first + i).padStart(6, '0')}`);
}
