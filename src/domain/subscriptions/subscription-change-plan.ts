import type { EntityManager } from '@mikro-orm/postgresql';
import { assertMetricsUnclaimed } from './metered-metrics';
import { ItemInput, resolveItems } from './subscription-items';
import { ProrationBehavior } from './proration-behavior';
import { ItemPricer, PricedItem, ProrationDraft } from './subscription-pricing';
import type { SubscriptionItem } from './subscription-item.entity';
import { Subscription, SubscriptionStatus } from './subscription.entity';

/** What a change does to a subscription, computed before anything is written. */
export interface ChangePlan {
  removed: SubscriptionItem[];
  added: PricedItem[];
  /** Set when the change prorates (a billed period and a behavior other than NONE). */
  pricer: ItemPricer | null;
  /** The credits and charges the change makes, in the order they are stored. */
  prorations: ProrationDraft[];
}

/**
 * The one computation of a change, shared by changeSubscription and its preview so that the preview
 * shows to the cent what the change does. Reads only. Null when the items are what the subscription
 * already has. An item whose quantity stays keeps its price version: a change never moves an item
 * to a newer version of its price by accident.
 */
export async function planChange(
  em: EntityManager,
  sub: Subscription,
  items: readonly ItemInput[],
  behavior: ProrationBehavior,
  now: Date,
): Promise<ChangePlan | null> {
  const wanted = await resolveItems(em, items, sub.currency, sub);
  await assertMetricsUnclaimed(
    em,
    sub.customer.id,
    wanted.map((i) => i.price),
    sub.id,
  );
  const current = new Map(sub.items.getItems().map((i) => [i.priceCode, i]));

  const removed: SubscriptionItem[] = [];
  const added: PricedItem[] = [];
  for (const item of wanted) {
    const old = current.get(item.price.code);
    current.delete(item.price.code);
    // Kept as it is: same quantity, and the item stays on the version it was sold at.
    if (old && old.quantity.eq(item.quantity)) continue;
    const price = old ? old.price : item.price;
    if (old) removed.push(old);
    added.push({ price, quantity: item.quantity });
  }
  removed.push(...current.values());
  if (removed.length === 0 && added.length === 0) return null;

  const billed = sub.status === SubscriptionStatus.ACTIVE || sub.status === SubscriptionStatus.PAST_DUE;
  if (behavior === ProrationBehavior.NONE || !billed) return { removed, added, pricer: null, prorations: [] };
  const pricer = await ItemPricer.forCustomer(em, sub.customer.id, [...removed.map((r) => r.price), ...added.map((a) => a.price)], sub.id);
  const period = { start: sub.currentPeriodStart, end: sub.currentPeriodEnd };
  const drafts: (ProrationDraft | null)[] = [
    ...removed.map((r) => pricer.prorate('credit', { price: r.price, quantity: r.quantity }, period, now)),
    ...added.map((a) => pricer.prorate('charge', a, period, now)),
  ];
  return { removed, added, pricer, prorations: drafts.filter((d): d is ProrationDraft => d !== null) };
}
