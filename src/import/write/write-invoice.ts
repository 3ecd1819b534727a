import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import type { CatalogPrice } from '../../domain/catalog/price-snapshot';
import { toSnapshot } from '../../domain/catalog/price-snapshot';
import { emitEvents } from '../../domain/events/emit-event';
import { invoiceEvent, InvoiceFacts } from '../../domain/events/event-payloads';
import { InvoiceLineKind } from '../../domain/invoices/invoice-line.entity';
import { collectionTerms } from '../../domain/payments/collection-terms';
import { isMetered } from '../../pricing';
import { importTransaction } from './import-transaction';
import type { MappedInvoice } from '../map/map-invoice';
import { stableId } from '../map/stable-id';
import { STRIPE } from '../stripe/stripe-system';

export interface InvoiceToWrite {
  invoice: MappedInvoice;
  customerId: string;
  paymentTermsDays: number;
  /** The imported subscription it bills, when there is one. */
  subscriptionId: string | null;
}

/**
 * Open invoices in one transaction, each whole, as issued invoices: OPEN under Stripe's number (the
 * customer holds it under that number), dated and due as in Stripe, owing what Stripe says is
 * still owed. They are not finalized again (no number taken, no `invoice.finalized`): their event
 * is `invoice.imported`. Collection takes over as for any invoice (collection-terms.ts): a sent one
 * is chased from its due date; one to charge waits for a payment method, which a dump cannot
 * carry. Returns the Stripe ids written.
 */
export async function writeInvoices(em: EntityManager, invoices: readonly InvoiceToWrite[], prices: ReadonlyMap<string, CatalogPrice>, now: Date): Promise<Set<string>> {
  const rows = invoices.map(({ invoice: inv, customerId, paymentTermsDays, subscriptionId }) => {
    const remaining = inv.amountDue.minus(inv.amountPaid);
    const terms = collectionTerms(inv.collectionMethod, { paymentTermsDays, defaultProvider: null }, remaining, inv.finalizedAt);
    return {
      id: inv.id, stripe_id: inv.stripeId, xid: stableId('invoice_external_id', inv.stripeId), customer_id: customerId, subscription_id: subscriptionId,
      number: inv.number, currency: inv.currency, period_start: inv.periodStart, period_end: inv.periodEnd, subtotal: inv.subtotal.toFixed(), tax: inv.tax.toFixed(),
      total: inv.total.toFixed(), amount_credited: inv.amountCredited.toFixed(), amount_due: inv.amountDue.toFixed(), amount_paid: inv.amountPaid.toFixed(),
      notes: [`Imported from Stripe (${inv.stripeId}), issued there as ${inv.number}`], finalized_at: inv.finalizedAt, due_at: inv.dueAt, created_at: inv.createdAt,
      collection_method: terms.collectionMethod, next_collection_at: terms.nextCollectionAt === null ? null : inv.dueAt,
    };
  });
  const lines = invoices.flatMap(({ invoice: inv }) =>
    inv.lines.map((l, position) => {
      const price = l.priceStripeId ? prices.get(l.priceStripeId) ?? null : null;
      const usage = l.kind === InvoiceLineKind.RECURRING && price !== null && isMetered(toSnapshot(price));
      return {
        id: l.id, invoice_id: inv.id, position, kind: usage ? InvoiceLineKind.USAGE : l.kind, description: l.description, price_id: price?.id ?? null,
        price_code: price?.code ?? null, quantity: l.quantity.toFixed(), amount: l.amount.toFixed(), tax: l.tax.toFixed(), period_start: l.periodStart,
        period_end: l.periodEnd, proration: l.proration, steps: l.steps,
      };
    }),
  );
  return importTransaction(em, async (tx) => {
    const created = await boundRows<{ stripe_id: string }>(
      tx,
      `with fresh as materialized (
              select x.* from jsonb_to_recordset(?::jsonb) as x(id uuid, stripe_id text, xid uuid, customer_id uuid, subscription_id uuid, number text, currency text,
                   period_start timestamptz, period_end timestamptz, subtotal numeric, tax numeric, total numeric, amount_credited numeric, amount_due numeric,
                   amount_paid numeric, notes jsonb, finalized_at timestamptz, due_at timestamptz, created_at timestamptz, collection_method text, next_collection_at timestamptz)
               where not exists (select 1 from invoice_external_id e where e.system = ? and e.external_id = x.stripe_id)),
            i as (insert into invoice (id, customer_id, subscription_id, billing_key, status, number, currency, period_start, period_end, subtotal, tax, total,
                                       amount_credited, amount_due, amount_paid, notes, finalized_at, due_at, created_at, collection_method, next_collection_at)
                  select id, customer_id, subscription_id, null, 'OPEN', number, currency, period_start, period_end, subtotal, tax, total,
                         amount_credited, amount_due, amount_paid, notes, finalized_at, due_at, created_at, collection_method::collection_method, next_collection_at
                    from fresh returning id),
            l as (insert into invoice_line (id, invoice_id, customer_id, position, kind, description, price_id, price_code, quantity, amount, tax,
                                            period_start, period_end, proration, steps)
                  select x.id, f.id, f.customer_id, x.position, x.kind, x.description, x.price_id, x.price_code, x.quantity, x.amount, x.tax,
                         x.period_start, x.period_end, x.proration, x.steps
                    from jsonb_to_recordset(?::jsonb) as x(id uuid, invoice_id uuid, position int, kind text, description text, price_id uuid, price_code text,
                         quantity numeric, amount numeric, tax numeric, period_start timestamptz, period_end timestamptz, proration boolean, steps jsonb)
                    join fresh f on f.id = x.invoice_id returning 1),
            e as (insert into invoice_external_id (id, invoice_id, customer_id, system, external_id) select xid, id, customer_id, ?, stripe_id from fresh returning 1)
       select f.stripe_id from fresh f join i on i.id = f.id`,
      [JSON.stringify(rows), STRIPE, JSON.stringify(lines), STRIPE],
    );
    const ids = new Set(created.map((r) => r.stripe_id));
    await emitEvents(
      tx,
      invoices
        .filter(({ invoice }) => ids.has(invoice.stripeId))
        .map((w) => ({ ...invoiceEvent('created', factsOf(w), now), type: 'invoice.imported' as const, newAggregate: true })),
    );
    return ids;
  });
}

function factsOf({ invoice: inv, customerId, subscriptionId }: InvoiceToWrite): InvoiceFacts {
  return {
    id: inv.id, number: inv.number, status: 'OPEN', customerId, subscriptionId, currency: inv.currency, periodStart: inv.periodStart, periodEnd: inv.periodEnd,
    subtotal: inv.subtotal, tax: inv.tax, total: inv.total, amountDue: inv.amountDue, amountCredited: inv.amountCredited, amountPaid: inv.amountPaid,
    createdAt: inv.createdAt, finalizedAt: inv.finalizedAt, dueAt: inv.dueAt, paidAt: null, voidedAt: null,
  };
}
