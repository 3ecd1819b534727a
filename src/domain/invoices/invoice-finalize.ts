import type { EntityManager } from '@mikro-orm/postgresql';
import { consumeOnceDiscounts } from '../coupons/discount-terms';
import { Customer } from '../customers/customer.entity';
import { emitEvents } from '../events/emit-event';
import { collectionTerms, paymentSetupOf } from '../payments/collection-terms';
import { applyCreditBalance } from '../payments/credit-balance';
import type { PendingProration } from '../subscriptions/pending-proration.entity';
import type { CollectionMethod, Subscription } from '../subscriptions/subscription.entity';
import type { InvoiceDraft } from './invoice-draft';
import { finalizationEvents, finalizedFacts, issueInvoices, paidOnFinalization } from './invoice-issue';
import { INVOICE_SERIES, takeInvoiceNumber } from './invoice-number';
import { InvoiceFacts, invoiceFacts } from './invoice-writer';
import { Invoice, InvoiceStatus } from './invoice.entity';
import { boundRows } from '../../db/bound-query';
import type { VatCategory } from '../customers/customer-tax';
import { eInvoiceBlocker, isEInvoiced } from '../e-invoices/e-invoice-readiness';
import { readSellerSettings } from '../settings/seller-settings.service';
import { invoicedCustomers } from './invoice-line-tax';

export interface StoreInvoiceOptions {
  /** The pending prorations the draft bills: removed in the same transaction, so they are billed once. */
  consumedProrations?: readonly PendingProration[];
}

/**
 * Stores one subscription's draft as an invoice with its lines, inside the caller's transaction,
 * finalized there unless the customer reviews drafts (CONTRACT.md): the batch's issueInvoices for
 * one. A `billingKey` that is already taken makes the write fail with a unique violation: the
 * caller's whole unit rolls back, so a boundary is billed at most once whatever ran before.
 */
export async function storeInvoice(
  em: EntityManager,
  sub: Subscription,
  draft: InvoiceDraft,
  billingKey: string | null,
  now: Date,
  options: StoreInvoiceOptions = {},
): Promise<InvoiceFacts> {
  const customer = await em.findOneOrFail(Customer, { id: sub.customer.id });
  const terms = collectionTerms(sub.collectionMethod, await paymentSetupOf(em, customer.id), draft.total, now);
  for (const p of options.consumedProrations ?? []) em.remove(p);
  await em.flush();
  await consumeOnceDiscounts(em, draft.onceUses);
  const origin = { customerId: customer.id, subscriptionId: sub.id, billingKey, purchaseOrderNumber: sub.purchaseOrderNumber };
  const [issued] = await issueInvoices(em, [{ draft, origin, terms, finalize: !customer.invoiceDrafts }], now);
  await emitEvents(em, issued.events);
  // A credit balance (an earlier overpayment) pays what it can of the new invoice at once.
  const credited = await applyCreditBalance(em, issued.invoice.id, now);
  return credited ? invoiceFacts(credited) : issued.invoice;
}

/**
 * A stored DRAFT → OPEN, exactly as a billing run finalizes as it stores (issueInvoices): the
 * next number, the collection terms of `collection` as of now, `invoice.finalized` (and
 * `invoice.paid` when nothing is owed). The caller holds the invoice's row lock, and the number is
 * taken in its transaction: if it rolls back, the number goes back too.
 */
export async function finalizeDraft(em: EntityManager, invoice: Invoice, collection: CollectionMethod, now: Date): Promise<void> {
  if (invoice.status !== InvoiceStatus.DRAFT) throw new Error(`invoice ${invoice.id} is ${invoice.status}, not DRAFT`);
  await assertEInvoiceable(em, invoice);
  const terms = collectionTerms(collection, await paymentSetupOf(em, invoice.customer.id), invoice.amountDue, now);
  const open = finalizedFacts(invoiceFacts(invoice), await takeInvoiceNumber(em, now.getUTCFullYear(), INVOICE_SERIES), terms, now);
  const paid = paidOnFinalization(open, terms, now);
  const stored = paid ?? open;
  Object.assign(invoice, {
    status: stored.status,
    number: stored.number,
    finalizedAt: stored.finalizedAt,
    collectionMethod: stored.collectionMethod,
    dueAt: stored.dueAt,
    nextCollectionAt: stored.nextCollectionAt,
    paidAt: stored.paidAt,
  } satisfies Partial<Invoice>);
  await em.flush();
  // The row is locked by the caller: the events of an existing aggregate, numbered after its own.
  await emitEvents(em, finalizationEvents(open, paid, now));
  await applyCreditBalance(em, invoice.id, now);
}

/**
 * When the seller e-invoices (e-invoice-readiness.ts), a draft that could not be a valid e-invoice
 * is not finalized: CONFLICT naming the missing setting or customer field, nothing written.
 */
async function assertEInvoiceable(em: EntityManager, invoice: Invoice): Promise<void> {
  const seller = await readSellerSettings(em);
  if (!isEInvoiced(seller)) return;
  const buyer = (await invoicedCustomers(em, [invoice.customer.id])).get(invoice.customer.id)!;
  const lines = await boundRows<{ tax_category: VatCategory | null }>(em, `select tax_category from invoice_line where invoice_id = ?`, [
    invoice.id,
  ]);
  const blocked = eInvoiceBlocker({ seller, buyer, currency: invoice.currency, categories: lines.map((l) => l.tax_category) });
  if (blocked) throw blocked;
}
