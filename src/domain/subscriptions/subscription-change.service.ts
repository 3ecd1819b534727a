import { emitEvent } from '../events/emit-event';
import { subscriptionEvent } from '../events/event-payloads';
import { invoiceProrationsNow } from '../invoices/proration-invoice';
import type { ServiceContext } from '../shared/service-context';
import { clockForCustomer } from '../test-clocks/customer-clock';
import { ProrationBehavior } from './subscription-lifecycle.service';
import { ItemPricer, PricedItem, ProrationDraft } from './subscription-pricing';
import { assertMetricsUnclaimed } from './metered-metrics';
import { ItemInput, resolveItems } from './subscription-items';
import { lockSubscription, recordEvent, storeProrations, touch } from './subscription-store';
import { SubscriptionItem } from './subscription-item.entity';
import { assertAllowed } from './subscription-transitions';
import { Subscription, SubscriptionStatus } from './subscription.entity';

export interface ChangeSubscriptionInput {
  id: string;
  expectedVersion?: number | null;
  /** The whole new item list: items left out are removed. */
  items: readonly ItemInput[];
  prorationBehavior?: ProrationBehavior | null;
}

/**
 * Upgrades, downgrades, quantity changes, added and removed items. An item whose price version
 * and quantity stay the same is untouched; any other difference is, per PRICING.md, a credit
 * for the unused part of the old item and a charge for the rest of the period of the new one.
 * Items kept at their price keep their version: a change never moves an item to a newer
 * version of its price by accident.
 */
export class SubscriptionChangeService {
  constructor(private readonly ctx: ServiceContext) {}

  async change(input: ChangeSubscriptionInput): Promise<Subscription> {
    const behavior = input.prorationBehavior ?? ProrationBehavior.CREATE_PRORATIONS;
    return this.ctx.em.transactional(async (em) => {
      const sub = await lockSubscription(em, this.ctx.actor, input.id, input.expectedVersion);
      assertAllowed('change', sub.status);
      const now = (await clockForCustomer(em, sub.customer.id, this.ctx.clock)).now();
      const wanted = await resolveItems(em, input.items, sub.currency, sub);
      await assertMetricsUnclaimed(em, sub.customer.id, wanted.map((i) => i.price), sub.id);
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
      if (removed.length === 0 && added.length === 0) return sub;

      const billed = sub.status === SubscriptionStatus.ACTIVE || sub.status === SubscriptionStatus.PAST_DUE;
      let pricer: ItemPricer | null = null;
      if (behavior !== ProrationBehavior.NONE && billed) {
        const p = await ItemPricer.forCustomer(em, sub.customer.id, [...removed.map((r) => r.price), ...added.map((a) => a.price)]);
        pricer = p;
        const period = { start: sub.currentPeriodStart, end: sub.currentPeriodEnd };
        const drafts: (ProrationDraft | null)[] = [
          ...removed.map((r) => p.prorate('credit', { price: r.price, quantity: r.quantity }, period, now)),
          ...added.map((a) => p.prorate('charge', a, period, now)),
        ];
        storeProrations(em, sub, drafts, now);
      }

      const before = sub.items.getItems().map((i) => ({ priceCode: i.priceCode, quantity: i.quantity.toFixed() }));
      for (const r of removed) sub.items.remove(r);
      touch(sub, now);
      // Removals are flushed first: a new row for a code must not meet the old one in the unique index.
      await em.flush();
      for (const a of added) {
        sub.items.add(em.create(SubscriptionItem, { subscription: sub, customer: sub.customer, price: a.price.id, priceCode: a.price.code, quantity: a.quantity }));
      }
      recordEvent(em, sub, 'changed', this.ctx.actor, now, { before, prorationBehavior: behavior });
      await em.flush();
      await emitEvent(em, subscriptionEvent('updated', sub, now));
      if (behavior === ProrationBehavior.ALWAYS_INVOICE && pricer) await invoiceProrationsNow(em, sub, pricer, now);
      return sub;
    });
  }
}
