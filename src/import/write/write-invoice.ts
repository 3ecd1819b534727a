import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import type { CatalogPrice } from '../../domain/catalog/price-snapshot';
import { toSnapshot } from '../../domain/catalog/price-snapshot';
import { emitEvents } from '../../domain/events/emit-event';
import { invoiceEvent } from '../../domain/events/event-payloads';
import { InvoiceLineKind } from '../../domain/invoices/invoice-line.entity';
import { InvoiceRows, newInvoiceFacts, writeInvoices as writeInvoiceRows } from '../../domain/invoices/invoice-writer';
import { InvoiceStatus } from '../../domain/invoices/invoice.entity';
import { collectionTerms } from '../../domain/payments/collection-terms';
import type { PaymentTerms } from '../../domain/payments/payment-terms';
import { isMetered } from '../../pricing';
import { importTransaction } from './import-transaction';
import type { MappedInvoice } from '../map/map-invoice';
import { stableId } from '../map/stable-id';
import { STRIPE } from '../stripe/stripe-system';

export interface InvoiceToWrite {
  invoice: MappedInvoice;
  customerId: string;
  /** The customer's, for an invoice Stripe gave no due date (payment-terms.ts). */
  terms: PaymentTerms;
  /** The imported subscription it bills, when there is one. */
  subscriptionId: string | null;
}

/**
 * Open invoices in one transaction, each whole, as issued invoices: OPEN under Stripe's number (the
 * customer holds it under that number), dated and due as in Stripe (Stripe's due date is on the
 * document; one Stripe left without, charged automatically, is due after the customer's terms from
 * its finalization, as any Tariff invoice), owing what Stripe says is still owed. They are not finalized again (no number taken, no `invoice.finalized`): their event
 * is `invoice.imported`. Collection takes over as for any invoice (collection-terms.ts): a sent one
 * is chased from its due date; one to charge waits for a payment method, which a dump cannot
 * carry. Returns the Stripe ids written.
 */
export async function writeInvoices(
  em: EntityManager,
  invoices: readonly InvoiceToWrite[],
  prices: ReadonlyMap<string, CatalogPrice>,
  now: Date,
): Promise<Set<string>> {
  const rows = invoices.map((w) => rowsOf(w, prices));
  return importTransaction(em, async (tx) => {
    // Stable ids: an invoice imported before is left as it is, with its lines.
    const written = new Set(await writeInvoiceRows(tx, rows, { skipExisting: true }));
    const fresh = invoices.filter((w) => written.has(w.invoice.id));
    await boundRows(
      tx,
      `insert into invoice_external_id (id, invoice_id, customer_id, system, external_id)
       select x.id, x.invoice_id, x.customer_id, ?, x.external_id
         from jsonb_to_recordset(?::jsonb) as x(id uuid, invoice_id uuid, customer_id uuid, external_id text)`,
      [
        STRIPE,
        JSON.stringify(
          fresh.map((w) => ({
            id: stableId('invoice_external_id', w.invoice.stripeId),
            invoice_id: w.invoice.id,
            customer_id: w.customerId,
            external_id: w.invoice.stripeId,
          })),
        ),
      ],
    );
    await emitEvents(
      tx,
      rows
        .filter(({ invoice }) => written.has(invoice.id))
        .map(({ invoice }) => ({ ...invoiceEvent('created', invoice, now), type: 'invoice.imported' as const, newAggregate: true })),
    );
    return new Set(fresh.map((w) => w.invoice.stripeId));
  });
}

/** The Stripe invoice as Tariff's rows, its prices resolved (a metered price's line is USAGE). */
function rowsOf(
  { invoice: inv, customerId, terms: customerTerms, subscriptionId }: InvoiceToWrite,
  prices: ReadonlyMap<string, CatalogPrice>,
): InvoiceRows {
  const remaining = inv.amountDue.minus(inv.amountPaid);
  const terms = collectionTerms(inv.collectionMethod, { ...customerTerms, defaultProvider: null }, remaining, inv.finalizedAt);
  const dueAt = inv.dueAt ?? terms.dueAt;
  const invoice = newInvoiceFacts({
    id: inv.id,
    customerId,
    subscriptionId,
    status: InvoiceStatus.OPEN,
    number: inv.number,
    currency: inv.currency,
    periodStart: inv.periodStart,
    periodEnd: inv.periodEnd,
    subtotal: inv.subtotal,
    tax: inv.tax,
    total: inv.total,
    amountCredited: inv.amountCredited,
    amountDue: inv.amountDue,
    amountPaid: inv.amountPaid,
    notes: [`Imported from Stripe (${inv.stripeId}), issued there as ${inv.number}`],
    finalizedAt: inv.finalizedAt,
    dueAt,
    createdAt: inv.createdAt,
    collectionMethod: terms.collectionMethod,
    nextCollectionAt: terms.nextCollectionAt === null ? null : dueAt,
  });
  const lines = inv.lines.map((l) => {
    const price = l.priceStripeId ? (prices.get(l.priceStripeId) ?? null) : null;
    const usage = l.kind === InvoiceLineKind.RECURRING && price !== null && isMetered(toSnapshot(price));
    return {
      id: l.id,
      kind: usage ? InvoiceLineKind.USAGE : l.kind,
      description: l.description,
      priceId: price?.id ?? null,
      priceCode: price?.code ?? null,
      quantity: l.quantity,
      amount: l.amount,
      tax: l.tax,
      // Stripe's tax rates are not mapped to EN 16931 categories: the e-invoice derives them (e-invoice-facts.ts).
      taxCategory: null,
      taxRate: null,
      periodStart: l.periodStart,
      periodEnd: l.periodEnd,
      proration: l.proration,
      steps: l.steps,
      // Stripe has no purchase order field; what a seller kept in custom fields is not guessed at.
      purchaseOrderNumber: null,
    };
  });
  return { invoice, lines };
}
