import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { DomainEventInput } from '../events/emit-event';
import { invoiceEvent } from '../events/event-payloads';
import type { CollectionTerms } from '../payments/collection-terms';
import type { CollectionMethod } from '../subscriptions/subscription.entity';
import type { DraftLine, InvoiceDraft } from './invoice-draft';
import { addressedToPayers } from './consolidated-invoice';
import { INVOICE_SERIES, takeInvoiceNumbers } from './invoice-number';
import { InvoiceFacts, InvoiceLineFacts, InvoiceRows, newInvoiceFacts, writeInvoices } from './invoice-writer';
import { InvoiceStatus } from './invoice.entity';
import { eInvoiceBlocker, isEInvoiced } from '../e-invoices/e-invoice-readiness';
import { readSellerSettings } from '../settings/seller-settings.service';
import { invoicedCustomers, withLineTaxCategories } from './invoice-line-tax';

/** Whose invoice a draft becomes, the key that makes it once, and the purchase order it bills under. */
export interface InvoiceOrigin {
  customerId: string;
  subscriptionId: string | null;
  billingKey: string | null;
  /** The invoice's number (its subscription's), and each line's unless the line carries its own. */
  purchaseOrderNumber: string | null;
}

/** A draft to store now, finalized in the same step unless the customer reviews drafts (CONTRACT.md). */
export interface DraftToIssue {
  draft: InvoiceDraft;
  origin: InvoiceOrigin;
  /** How it is collected once finalized (collection-terms.ts). */
  terms: CollectionTerms;
  finalize: boolean;
}

export interface IssuedInvoice {
  /** As stored. */
  invoice: InvoiceFacts;
  /** created, then finalized and paid when it was: to emit in this order. */
  events: DomainEventInput[];
}

/** `purchaseOrderNumber`: the line's own when it has one (a consolidated invoice's), else the invoice's. */
export function draftLineFacts(l: DraftLine, id: string, purchaseOrderNumber: string | null): InvoiceLineFacts {
  return {
    id,
    kind: l.kind,
    description: l.description,
    priceId: l.price?.id ?? null,
    priceCode: l.priceCode,
    quantity: l.quantity,
    amount: l.amount,
    tax: l.tax,
    // Set as the invoice is issued, from its consumers as the tax was computed (invoice-line-tax.ts), unless the line was taxed otherwise.
    taxCategory: l.taxTreatment?.taxCategory ?? null,
    taxRate: l.taxTreatment?.taxRate ?? null,
    periodStart: l.periodStart,
    periodEnd: l.periodEnd,
    proration: l.proration,
    steps: l.steps,
    purchaseOrderNumber: l.purchaseOrderNumber !== undefined ? l.purchaseOrderNumber : purchaseOrderNumber,
    ...(l.consumer ?? {}),
  };
}

/** A draft as a DRAFT invoice's rows: nothing paid or credited, no number, not due. */
export function draftedInvoice(
  draft: InvoiceDraft,
  origin: InvoiceOrigin,
  collectionMethod: CollectionMethod,
  now: Date,
  ids: { invoice: string; line: (position: number) => string } = { invoice: randomUUID(), line: () => randomUUID() },
): InvoiceRows {
  const invoice = newInvoiceFacts({
    id: ids.invoice,
    ...origin,
    status: InvoiceStatus.DRAFT,
    currency: draft.currency,
    periodStart: draft.periodStart,
    periodEnd: draft.periodEnd,
    subtotal: draft.subtotal,
    tax: draft.tax,
    total: draft.total,
    amountDue: draft.total,
    notes: [...draft.notes],
    collectionMethod,
    createdAt: now,
  });
  return { invoice, lines: draft.lines.map((l, i) => draftLineFacts(l, ids.line(i), origin.purchaseOrderNumber)) };
}

/**
 * DRAFT → OPEN: numbered, dated, due, its collection scheduled (collection-terms.ts); the charge
 * itself is made after the commit, by the collection run, never inside this transaction.
 */
export function finalizedFacts(draft: InvoiceFacts, number: string, terms: CollectionTerms, now: Date): InvoiceFacts {
  return {
    ...draft,
    status: InvoiceStatus.OPEN,
    number,
    finalizedAt: now,
    collectionMethod: terms.collectionMethod,
    dueAt: terms.dueAt,
    nextCollectionAt: terms.nextCollectionAt,
  };
}

/** Nothing to pay makes a finalized invoice PAID at once, as Stripe does for zero totals. */
export function paidOnFinalization(open: InvoiceFacts, terms: CollectionTerms, now: Date): InvoiceFacts | null {
  return terms.paidOnFinalization ? { ...open, status: InvoiceStatus.PAID, paidAt: now } : null;
}

/** The events of finalizing: finalized, then paid when nothing was to be paid. */
export function finalizationEvents(open: InvoiceFacts, paid: InvoiceFacts | null, now: Date): DomainEventInput[] {
  return [invoiceEvent('finalized', open, now), ...(paid ? [invoiceEvent('paid', paid, now)] : [])];
}

/**
 * Stores drafts as invoices in one write, each finalized as it is stored unless its customer
 * reviews drafts, or the seller e-invoices and the invoice could not be a valid e-invoice
 * (e-invoice-readiness.ts): that one stays a DRAFT, with `invoice.finalization_blocked` naming
 * what to fix, and the run goes on (finalizeInvoice finalizes it once fixed). The numbers of all of them are taken first (one lock of the series, held until
 * the commit), so each row is written once, as it stays. Inside the caller's transaction; a
 * billing key already taken fails the write, and with it the caller's whole unit. The events are
 * returned for the caller to emit where its own order puts them (all of them on new aggregates).
 */
export async function issueInvoices(em: EntityManager, given: readonly DraftToIssue[], now: Date): Promise<IssuedInvoice[]> {
  // A group member's invoice is its payer's (consolidated-invoice.ts).
  const drafts = await addressedToPayers(em, given, now);
  const customers = await invoicedCustomers(
    em,
    drafts.flatMap((d) => [d.origin.customerId, ...d.draft.lines.flatMap((l) => (l.consumer ? [l.consumer.customerId] : []))]),
  );
  const seller = await readSellerSettings(em);
  const prepared = drafts.map((d) => {
    const drafted = draftedInvoice(d.draft, d.origin, d.terms.collectionMethod, now);
    const rows = { invoice: drafted.invoice, lines: withLineTaxCategories(drafted.lines, d.origin.customerId, customers) };
    const buyer = customers.get(d.origin.customerId);
    const blocked =
      d.finalize && isEInvoiced(seller) && buyer
        ? eInvoiceBlocker({ seller, buyer, currency: rows.invoice.currency, categories: rows.lines.map((l) => l.taxCategory) })
        : null;
    return { ...d, rows, blocked, finalize: d.finalize && !blocked };
  });
  const numbers = await takeInvoiceNumbers(em, prepared.filter((d) => d.finalize).length, now.getUTCFullYear(), INVOICE_SERIES);
  let next = 0;
  const issued = prepared.map(({ rows, terms, finalize, blocked }) => {
    const open = finalize ? finalizedFacts(rows.invoice, numbers[next++], terms, now) : null;
    const paid = open && paidOnFinalization(open, terms, now);
    const events = [
      invoiceEvent('created', rows.invoice, now),
      ...(open ? finalizationEvents(open, paid, now) : []),
      ...(blocked
        ? [
            invoiceEvent('finalization_blocked', rows.invoice, now, {
              reason: String(blocked.details?.reason),
              field: blocked.field!,
              message: blocked.message,
            }),
          ]
        : []),
    ];
    return {
      rows: { invoice: paid ?? open ?? rows.invoice, lines: rows.lines },
      events: events.map((e) => ({ ...e, newAggregate: true })),
    };
  });
  await writeInvoices(
    em,
    issued.map((i) => i.rows),
  );
  return issued.map(({ rows, events }) => ({ invoice: rows.invoice, events }));
}
