import type { EntityManager } from '@mikro-orm/postgresql';
import { consumeOnceDiscounts } from '../coupons/discount-terms';
import { Customer } from '../customers/customer.entity';
import { Price } from '../catalog/price.entity';
import { emitEvent } from '../events/emit-event';
import { invoiceEvent, invoiceFacts } from '../events/event-payloads';
import type { PendingProration } from '../subscriptions/pending-proration.entity';
import { collectionTerms, paymentSetupOf } from '../payments/collection-terms';
import { CollectionMethod, Subscription } from '../subscriptions/subscription.entity';
import type { InvoiceDraft } from './invoice-draft';
import { InvoiceLine } from './invoice-line.entity';
import { Invoice, InvoiceStatus } from './invoice.entity';

export const INVOICE_SERIES = 'INV';

export interface StoreInvoiceOptions {
  /** The pending prorations the draft bills: removed in the same transaction, so they are billed once. */
  consumedProrations?: readonly PendingProration[];
}

/**
 * Writes a draft as an invoice with its lines, inside the caller's transaction, and finalizes it
 * there unless the customer reviews drafts (CONTRACT.md). A `billingKey` that is already taken
 * makes the flush fail with a unique violation: the caller's whole unit rolls back, so a boundary
 * is billed at most once whatever ran before. The number is taken last, so the row lock on the
 * series (which every finalization waits for) is held only until the commit that follows.
 */
export async function storeInvoice(
  em: EntityManager,
  sub: Subscription,
  draft: InvoiceDraft,
  billingKey: string | null,
  now: Date,
  options: StoreInvoiceOptions = {},
): Promise<Invoice> {
  const customer = await em.findOneOrFail(Customer, { id: sub.customer.id });
  const invoice = em.create(Invoice, {
    customer,
    subscription: sub,
    billingKey,
    status: InvoiceStatus.DRAFT,
    currency: draft.currency,
    periodStart: draft.periodStart,
    periodEnd: draft.periodEnd,
    subtotal: draft.subtotal,
    tax: draft.tax,
    total: draft.total,
    // Nothing is paid or credited yet.
    amountDue: draft.total,
    notes: [...draft.notes],
    createdAt: now,
  });
  draft.lines.forEach((line, position) => {
    invoice.lines.add(
      em.create(InvoiceLine, {
        invoice,
        customer,
        position,
        kind: line.kind,
        description: line.description,
        price: line.price ? em.getReference(Price, line.price.id) : null,
        priceCode: line.priceCode,
        quantity: line.quantity,
        amount: line.amount,
        tax: line.tax,
        periodStart: line.periodStart,
        periodEnd: line.periodEnd,
        proration: line.proration,
        steps: [...line.steps],
      }),
    );
  });
  for (const p of options.consumedProrations ?? []) em.remove(p);
  await em.flush();
  await consumeOnceDiscounts(em, draft.onceUses);
  await emitEvent(em, invoiceEvent('created', invoiceFacts(invoice), now));
  if (!customer.invoiceDrafts) await finalizeInvoice(em, invoice, sub.collectionMethod, now);
  return invoice;
}

/**
 * DRAFT → OPEN: numbered, dated, due, and its collection scheduled (collection-terms.ts): the
 * charge itself is made after the commit, by the collection run, never inside this transaction.
 * Nothing to pay makes it PAID at once. Call inside the transaction that should own the number:
 * if it rolls back, the number goes back too, so the series has no gaps (CONTRACT.md).
 */
export async function finalizeInvoice(em: EntityManager, invoice: Invoice, collection: CollectionMethod, now: Date): Promise<void> {
  if (invoice.status !== InvoiceStatus.DRAFT) throw new Error(`invoice ${invoice.id} is ${invoice.status}, not DRAFT`);
  const terms = collectionTerms(collection, await paymentSetupOf(em, invoice.customer.id), invoice.amountDue, now);
  invoice.number = await takeInvoiceNumber(em, now.getUTCFullYear());
  invoice.status = InvoiceStatus.OPEN;
  invoice.finalizedAt = now;
  invoice.collectionMethod = terms.collectionMethod;
  invoice.dueAt = terms.dueAt;
  invoice.nextCollectionAt = terms.nextCollectionAt;
  await em.flush();
  await emitEvent(em, invoiceEvent('finalized', invoiceFacts(invoice), now));
  if (terms.paidOnFinalization) {
    invoice.status = InvoiceStatus.PAID;
    invoice.paidAt = now;
    await em.flush();
    await emitEvent(em, invoiceEvent('paid', invoiceFacts(invoice), now));
  }
}

/**
 * The next number of the year's series, e.g. `INV-2027-000042`. The upsert locks the series row
 * until the transaction ends: concurrent finalizations queue on it, and each sees the last
 * committed number, so numbers are consecutive in commit order and a rollback leaves no gap.
 */
export async function takeInvoiceNumber(em: EntityManager, year: number, series = INVOICE_SERIES): Promise<string> {
  const rows = await em.execute<{ last: number }[]>(
    'insert into invoice_number (series, year, last) values (?, ?, 1) on conflict (series, year) do update set last = invoice_number.last + 1 returning last',
    [series, year],
  );
  return `${series}-${year}-${String(rows[0].last).padStart(6, '0')}`;
}
