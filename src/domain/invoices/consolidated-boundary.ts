import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../auth/actor';
import { consumeOnceDiscounts } from '../coupons/discount-terms';
import { billedThrough } from '../customers/customer-hierarchy';
import { Customer } from '../customers/customer.entity';
import { emitEvents } from '../events/emit-event';
import { collectionTerms, paymentSetupOf } from '../payments/collection-terms';
import { Subscription } from '../subscriptions/subscription.entity';
import { dueFilter, nextBoundary, OpenedBoundary, openBoundary, settleBoundary } from './close-boundary';
import { consolidatedBillingKey, consolidatedCollection, Consumer, consumerLabel, consumersOf, mergeDrafts } from './consolidated-invoice';
import { issueInvoices } from './invoice-issue';
import type { InvoiceFacts } from './invoice-writer';

export interface GroupBoundaryClosed {
  /** The instant closed: the earliest boundary due among the payer's group. */
  at: Date;
  /** The subscriptions whose boundary at that instant this step closed. */
  subscriptionIds: string[];
  /** The one invoice of the payer for that instant; null when nothing was billed (trials that begin). */
  invoice: InvoiceFacts | null;
}

/**
 * One step of a company group's billing, in the caller's transaction: the earliest boundary due
 * at or before `at` among the subscriptions billed through `payerId` (its own, and its members'
 * billed to it), every one of them due at that instant closed together, their drafts on ONE
 * invoice of the payer (CONTRACT.md: one invoice per paying customer and billing instant). A
 * catch-up is several steps, one instant each, in order.
 *
 * Exactly once: the payer's row lock makes group steps take turns; each subscription is locked and
 * re-checked as due as closeBoundary does (one another worker holds is left to it, and bills at
 * that instant on an invoice of its own set, with its own key); the billing key names the payer,
 * the instant and the set of periods billed, so the same periods cannot be invoiced twice.
 */
export async function closeGroupBoundary(
  em: EntityManager,
  payerId: string,
  at: Date,
  now: Date,
  actor: Actor,
): Promise<GroupBoundaryClosed | null> {
  const payer = await em.findOne(Customer, { id: payerId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!payer) return null;
  const members = await billedThrough(em, payerId);
  const due = await em.find(Subscription, { $and: [dueFilter(at), { customer: { $in: members } }] }, { orderBy: { id: 'asc' } });
  const boundaries = due.map((s) => nextBoundary(s)!.getTime());
  if (boundaries.length === 0) return null;
  const instant = new Date(Math.min(...boundaries));
  const atInstant = due.filter((s) => nextBoundary(s)!.getTime() === instant.getTime());

  const opened: OpenedBoundary[] = [];
  const closedIds: string[] = [];
  for (const s of atInstant) {
    const result = await openBoundary(em, s.id, instant, now, actor);
    if (!result) continue;
    closedIds.push(s.id);
    if (!('plan' in result)) continue;
    opened.push(result);
    // A customer's ONCE coupon goes to the first of its subscriptions' drafts: the next plan must see it used.
    await consumeOnceDiscounts(em, result.plan.draft.onceUses);
  }
  if (opened.length === 0) return closedIds.length > 0 ? { at: instant, subscriptionIds: closedIds, invoice: null } : null;

  const invoice = await storeConsolidated(em, payer, instant, opened, now);
  for (const o of opened) await settleBoundary(em, o);
  return { at: instant, subscriptionIds: closedIds, invoice };
}

/** storeInvoice for a group: the payer's own lines first, then each member's (by name), as one invoice. */
async function storeConsolidated(
  em: EntityManager,
  payer: Customer,
  at: Date,
  opened: readonly OpenedBoundary[],
  now: Date,
): Promise<InvoiceFacts> {
  const consumers = await consumersOf(
    em,
    opened.map((o) => o.subscription.id),
  );
  const parts = opened
    .map((o) => {
      const c = consumers.get(o.subscription.id)!;
      const consumer: Consumer = { ...c, label: consumerLabel(c, payer.id) };
      return {
        draft: o.plan.draft,
        consumer,
        sortKey: `${c.customerId === payer.id ? 0 : 1}|${c.name}|${c.customerId}|${o.subscription.id}`,
      };
    })
    .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
  const draft = mergeDrafts(parts);
  for (const o of opened) for (const p of o.plan.prorations) em.remove(p);
  await em.flush();
  const terms = collectionTerms(
    consolidatedCollection(opened.map((o) => o.subscription.collectionMethod)),
    await paymentSetupOf(em, payer.id),
    draft.total,
    now,
  );
  const origin = {
    customerId: payer.id,
    // One subscription billed: the invoice is that subscription's (its dunning moves it); several: the lines name theirs.
    subscriptionId: opened.length === 1 ? opened[0].subscription.id : null,
    billingKey: consolidatedBillingKey(
      payer.id,
      at,
      opened.map((o) => o.billingKey),
    ),
    // The number every part is bought under, when they share one; otherwise none, and each line names its own.
    purchaseOrderNumber: sharedNumber(opened.map((o) => o.subscription.purchaseOrderNumber)),
  };
  const [issued] = await issueInvoices(em, [{ draft, origin, terms, finalize: !payer.invoiceDrafts }], now);
  await emitEvents(em, issued.events);
  return issued.invoice;
}

function sharedNumber(numbers: readonly (string | null)[]): string | null {
  return numbers.every((n) => n === numbers[0]) ? numbers[0] : null;
}
