import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import { Decimal } from '../../pricing/decimal';
import type { CreditMovementFact, CreditNoteFact, InvoiceFact, LedgerFacts, PaymentFact, WriteOffFact } from './journal';

const d = (v: string | null) => new Decimal(v ?? '0');
const at = (v: Date | string) => new Date(v);
const atOrNull = (v: Date | string | null) => (v === null ? null : new Date(v));

/**
 * The stored facts the journal is computed from, for entries dated before `to`. Revenue
 * recognition reaches back: an invoice finalized before `from` still earns within [from, to), so
 * invoices and credit notes are read when issued before `to` and either issued from `from` on or
 * serving a period that ends after `from`. Read on the caller's connection (boundRows).
 */
export async function loadLedgerFacts(em: EntityManager, from: Date, to: Date): Promise<LedgerFacts> {
  const invoiceRows = await boundRows<{
    id: string;
    number: string;
    customer_name: string;
    currency: string;
    finalized_at: Date;
    voided_at: Date | null;
    lines: {
      amount: string;
      tax: string;
      period_start: string | null;
      period_end: string | null;
      credited_amount: string;
      credited_tax: string;
    }[];
  }>(
    em,
    `select i.id, i.number, c.name as customer_name, i.currency, i.finalized_at, i.voided_at,
            coalesce((select jsonb_agg(jsonb_build_object(
                'amount', l.amount::text, 'tax', l.tax::text, 'period_start', l.period_start, 'period_end', l.period_end,
                'credited_amount', coalesce((select sum(cl.amount) from credit_note_line cl where cl.invoice_line_id = l.id), 0)::text,
                'credited_tax', coalesce((select sum(cl.tax) from credit_note_line cl where cl.invoice_line_id = l.id), 0)::text)
              order by l.position) from invoice_line l where l.invoice_id = i.id), '[]'::jsonb) as lines
       from invoice i join customer c on c.id = i.customer_id
      where i.finalized_at is not null and i.number is not null and i.finalized_at < ?
        and (i.finalized_at >= ? or (i.voided_at is not null and i.voided_at >= ?)
             or exists (select 1 from invoice_line l where l.invoice_id = i.id and l.period_end > ?))
      order by i.finalized_at, i.id`,
    [to, from, from, from],
  );
  const invoices: InvoiceFact[] = invoiceRows.map((r) => ({
    id: r.id,
    number: r.number,
    customerName: r.customer_name,
    currency: r.currency,
    finalizedAt: at(r.finalized_at),
    voidedAt: atOrNull(r.voided_at),
    lines: r.lines.map((l) => ({
      amount: d(l.amount),
      tax: d(l.tax),
      periodStart: atOrNull(l.period_start),
      periodEnd: atOrNull(l.period_end),
      creditedAmount: d(l.credited_amount),
      creditedTax: d(l.credited_tax),
    })),
  }));

  const noteRows = await boundRows<{
    id: string;
    number: string;
    invoice_number: string;
    customer_name: string;
    currency: string;
    created_at: Date;
    lines: { amount: string; tax: string; period_start: string | null; period_end: string | null }[];
  }>(
    em,
    `select n.id, n.number, i.number as invoice_number, c.name as customer_name, n.currency, n.created_at,
            coalesce((select jsonb_agg(jsonb_build_object('amount', cl.amount::text, 'tax', cl.tax::text,
                'period_start', l.period_start, 'period_end', l.period_end) order by cl.position)
               from credit_note_line cl join invoice_line l on l.id = cl.invoice_line_id where cl.credit_note_id = n.id), '[]'::jsonb) as lines
       from credit_note n join invoice i on i.id = n.invoice_id join customer c on c.id = n.customer_id
      where n.created_at < ?
        and (n.created_at >= ? or exists (select 1 from credit_note_line cl join invoice_line l on l.id = cl.invoice_line_id
                                          where cl.credit_note_id = n.id and l.period_end > ?))
      order by n.created_at, n.id`,
    [to, from, from],
  );
  const creditNotes: CreditNoteFact[] = noteRows.map((r) => ({
    id: r.id,
    number: r.number,
    invoiceNumber: r.invoice_number,
    customerName: r.customer_name,
    currency: r.currency,
    createdAt: at(r.created_at),
    lines: r.lines.map((l) => ({
      amount: d(l.amount),
      tax: d(l.tax),
      periodStart: atOrNull(l.period_start),
      periodEnd: atOrNull(l.period_end),
    })),
  }));

  // A payment counts when it succeeded (at its settlement), or when it succeeded and was returned
  // later (a direct debit: its payment.succeeded event says when it was settled, settled_at when returned).
  // Payments of written-off invoices are read in full: a recovery is measured against the write-off.
  const paymentRows = await boundRows<{
    id: string;
    invoice_id: string;
    invoice_number: string;
    customer_name: string;
    amount: string;
    currency: string;
    outcome: string;
    settled_at: Date;
    succeeded_at: Date | null;
    from_credit: boolean;
    by_transfer_file: boolean;
  }>(
    em,
    `select a.id, a.invoice_id, i.number as invoice_number, c.name as customer_name, a.amount::text, a.currency, a.outcome, a.settled_at,
            (select min(e.occurred_at) from domain_event e where e.aggregate_id = a.id and e.type = 'payment.succeeded') as succeeded_at,
            (a.kind = 'MANUAL' and a.provider_reference like 'credit:%') as from_credit,
            exists (select 1 from refund r where r.refund_payment_id = a.id and r.method = 'CREDIT_TRANSFER') as by_transfer_file
       from payment_attempt a join invoice i on i.id = a.invoice_id join customer c on c.id = i.customer_id
      where a.kind in ('CHARGE', 'MANUAL', 'DIRECT_DEBIT', 'REFUND') and a.settled_at is not null and a.settled_at < ?
        and (a.outcome = 'succeeded' or (a.outcome = 'failed' and a.kind = 'DIRECT_DEBIT'))
      order by a.settled_at, a.id`,
    [to],
  );
  const payments: PaymentFact[] = [];
  for (const r of paymentRows) {
    const returned = r.outcome === 'failed';
    if (returned && r.succeeded_at === null) continue; // rejected before settlement: no money moved
    payments.push({
      id: r.id,
      invoiceId: r.invoice_id,
      invoiceNumber: r.invoice_number,
      customerName: r.customer_name,
      amount: d(r.amount),
      currency: r.currency,
      at: returned ? at(r.succeeded_at!) : at(r.settled_at),
      fromCredit: r.from_credit,
      byTransferFile: r.by_transfer_file,
      returnedAt: returned ? at(r.settled_at) : null,
    });
  }

  const creditRows = await boundRows<{ id: string; customer_name: string; amount: string; currency: string; reason: string; at: Date }>(
    em,
    `select b.id, c.name as customer_name, b.amount::text, b.currency, b.reason, b.at
       from credit_balance_entry b join customer c on c.id = b.customer_id
      where b.reason <> 'applied' and b.at >= ? and b.at < ? order by b.at, b.id`,
    [from, to],
  );
  const creditMovements: CreditMovementFact[] = creditRows.map((r) => ({
    id: r.id,
    customerName: r.customer_name,
    amount: d(r.amount),
    currency: r.currency,
    reason: r.reason,
    at: at(r.at),
  }));

  const writeOffRows = await boundRows<{
    id: string;
    invoice_id: string;
    invoice_number: string;
    customer_name: string;
    amount: string;
    currency: string;
    at: Date;
  }>(
    em,
    `select e.id, i.id as invoice_id, i.number as invoice_number, c.name as customer_name,
            ((e.payload->>'amountDue')::numeric - (e.payload->>'amountPaid')::numeric)::text as amount, i.currency, e.occurred_at as at
       from domain_event e join invoice i on i.id = e.aggregate_id join customer c on c.id = i.customer_id
      where e.type = 'invoice.marked_uncollectible' and e.occurred_at < ? order by e.occurred_at, e.id`,
    [to],
  );
  const writeOffs: WriteOffFact[] = writeOffRows
    .map((r) => ({
      id: r.id,
      invoiceId: r.invoice_id,
      invoiceNumber: r.invoice_number,
      customerName: r.customer_name,
      amount: d(r.amount),
      currency: r.currency,
      at: at(r.at),
    }))
    .filter((w) => w.amount.gt(0));

  return { invoices, creditNotes, payments, creditMovements, writeOffs };
}
