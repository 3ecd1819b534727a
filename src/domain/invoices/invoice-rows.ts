import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import type { InvoiceDraft } from './invoice-draft';

/** An invoice as the billing run's batches write it: a draft, and where it stands. */
export interface InvoiceRow {
  id: string;
  customerId: string;
  subscriptionId: string;
  billingKey: string;
  draft: InvoiceDraft;
  status: 'DRAFT' | 'OPEN';
  finalizedAt: Date | null;
  dueAt: Date | null;
  createdAt: Date;
}

/**
 * Invoices and their lines in two statements, each taking its rows as one jsonb parameter (as
 * recordUsage does: bind values parsed natively, not thousands of literals). Numbers come
 * after, from numberInvoices, so that the series lock is held for the shortest time.
 */
export async function insertInvoiceRows(em: EntityManager, rows: readonly InvoiceRow[]): Promise<void> {
  if (rows.length === 0) return;
  await boundRows(
    em,
    `insert into invoice (id, customer_id, subscription_id, billing_key, status, currency, period_start, period_end,
                          subtotal, tax, total, amount_due, notes, finalized_at, due_at, created_at)
     select i.id, i.customer_id, i.subscription_id, i.billing_key, i.status::invoice_status, i.currency, i.period_start, i.period_end,
            i.subtotal, i.tax, i.total, i.total, i.notes, i.finalized_at, i.due_at, i.created_at
       from jsonb_to_recordset(?::jsonb) as i(id uuid, customer_id uuid, subscription_id uuid, billing_key text, status text, currency text,
            period_start timestamptz, period_end timestamptz, subtotal numeric, tax numeric, total numeric, notes jsonb,
            finalized_at timestamptz, due_at timestamptz, created_at timestamptz)`,
    [
      JSON.stringify(
        rows.map((r) => ({
          id: r.id, customer_id: r.customerId, subscription_id: r.subscriptionId, billing_key: r.billingKey, status: r.status,
          currency: r.draft.currency, period_start: r.draft.periodStart, period_end: r.draft.periodEnd,
          subtotal: r.draft.subtotal.toFixed(), tax: r.draft.tax.toFixed(), total: r.draft.total.toFixed(), notes: r.draft.notes,
          finalized_at: r.finalizedAt, due_at: r.dueAt, created_at: r.createdAt,
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
 * Numbers for invoices finalized together, in the order given: the series counter moves by
 * their count in one upsert (which locks the series row until the commit, as takeInvoiceNumber
 * does for one), so the batch takes a consecutive run and a rollback returns all of it. Returns
 * the numbers, in the same order.
 */
export async function numberInvoices(em: EntityManager, invoiceIds: readonly string[], year: number, series: string): Promise<string[]> {
  if (invoiceIds.length === 0) return [];
  const n = invoiceIds.length;
  const [{ last }] = await boundRows<{ last: number }>(
    em,
    'insert into invoice_number (series, year, last) values (?, ?, ?) on conflict (series, year) do update set last = invoice_number.last + ? returning last',
    [series, year, n, n],
  );
  const first = last - n + 1;
  await boundRows(
    em,
    // Six digits at least, more past 999999 (lpad alone would cut them), as takeInvoiceNumber.
    `update invoice set number = ? || lpad(x.seq::text, greatest(6, length(x.seq::text)), '0')
       from (select id, ?::int + ord - 1 as seq from unnest(?::uuid[]) with ordinality as u(id, ord)) as x
      where invoice.id = x.id`,
    [`${series}-${year}-`, first, [...invoiceIds]],
  );
  return invoiceIds.map((_, i) => `${series}-${year}-${String(first + i).padStart(6, '0')}`);
}
