import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../auth/actor';
import { emitEvent } from '../events/emit-event';
import { subscriptionEvent } from '../events/event-payloads';
import { invoiceOutOfCycle } from '../invoices/out-of-cycle-invoice';
import { cancelScheduledOrders } from '../orders/order-cancel';
import { ItemPricer, PricedItem } from './subscription-pricing';
import { recordEvent, storeProrations, touch } from './subscription-store';
import { Subscription, SubscriptionStatus } from './subscription.entity';

export function pricedItems(sub: Subscription): PricedItem[] {
  return sub.items.getItems().map((i) => ({ price: i.price, quantity: i.quantity }));
}

/** Whether the current period was billed in advance: trials and not-yet-started ones were not. */
export function periodWasBilled(sub: Subscription): boolean {
  return sub.status !== SubscriptionStatus.TRIALING && sub.status !== SubscriptionStatus.INCOMPLETE;
}

export interface CancelNowOptions {
  /** Credit the unused rest of a billed period (proration behavior other than NONE). */
  creditUnusedTime: boolean;
  /** Recorded in the history: the proration behavior asked for, or why dunning canceled it. */
  detail: Record<string, unknown>;
}

/**
 * CANCELED at once, on a subscription the caller has locked and may cancel: the credit for the
 * unused rest (when asked), then a final invoice at once (invoiceOutOfCycle) of the usage until
 * the service stopped and every pending proration: a canceled subscription has no next invoice
 * to carry them. Shared by cancelSubscription and dunning's final action.
 */
export async function cancelNow(em: EntityManager, sub: Subscription, actor: Actor, now: Date, options: CancelNowOptions): Promise<void> {
  // The service stopped now, or when it was paused; a trial or a future start used nothing billable.
  const stopped = !periodWasBilled(sub) ? null : sub.status === SubscriptionStatus.PAUSED && sub.pausedAt ? sub.pausedAt : now;
  const items = pricedItems(sub);
  if (options.creditUnusedTime && stopped && stopped.getTime() < sub.currentPeriodEnd.getTime()) {
    const pricer = await ItemPricer.forCustomer(
      em,
      sub.customer.id,
      items.map((i) => i.price),
      sub.id,
    );
    const billed = { start: sub.currentPeriodStart, end: sub.currentPeriodEnd };
    storeProrations(
      em,
      sub,
      items.map((item) => pricer.prorate('credit', item, billed, stopped)),
      now,
    );
  }
  touch(sub, now);
  recordEvent(em, sub, 'canceled', actor, now, options.detail);
  sub.status = SubscriptionStatus.CANCELED;
  sub.canceledAt = now;
  sub.cancelAtPeriodEnd = false;
  await em.flush();
  const reason = typeof options.detail.reason === 'string' ? options.detail.reason : undefined;
  await emitEvent(em, subscriptionEvent('canceled', sub, now, { reason }));
  await cancelScheduledOrders(em, sub.id, now);
  const usage = stopped ? { start: sub.currentPeriodStart, end: stopped } : null;
  await invoiceOutOfCycle(em, sub, items, usage, now, `${sub.id}:canceled`, { prorations: true });
}
