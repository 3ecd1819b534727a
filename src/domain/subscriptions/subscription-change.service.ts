import { emitEvent } from '../events/emit-event';
import { Price } from '../catalog/price.entity';
import { collectNowFor } from '../payments/collect-now';
import { subscriptionEvent } from '../events/event-payloads';
import { invoiceProrationsNow } from '../invoices/proration-invoice';
import type { ServiceContext } from '../shared/service-context';
import { clockForCustomer } from '../test-clocks/customer-clock';
import { ProrationBehavior } from './proration-behavior';
import { planChange } from './subscription-change-plan';
import type { ItemInput } from './subscription-items';
import { lockSubscription, recordEvent, storeProrations, touch } from './subscription-store';
import { SubscriptionItem } from './subscription-item.entity';
import { assertAllowed } from './subscription-transitions';
import type { Subscription } from './subscription.entity';

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
    const changed = await this.ctx.em.transactional(async (em) => {
      const sub = await lockSubscription(em, this.ctx.actor, input.id, input.expectedVersion, {
        action: 'change',
        items: input.items,
        behavior,
      });
      assertAllowed('change', sub.status);
      const now = (await clockForCustomer(em, sub.customer.id, this.ctx.clock)).now();
      const plan = await planChange(em, sub, input.items, behavior, now);
      if (!plan) return sub;
      const { removed, added, pricer } = plan;
      storeProrations(em, sub, plan.prorations, now);

      const before = sub.items.getItems().map((i) => ({ priceCode: i.priceCode, quantity: i.quantity.toFixed() }));
      for (const r of removed) sub.items.remove(r);
      touch(sub, now);
      // Removals are flushed first: a new row for a code must not meet the old one in the unique index.
      await em.flush();
      for (const a of added) {
        sub.items.add(
          em.create(SubscriptionItem, {
            subscription: sub,
            customer: sub.customer,
            price: a.price.id,
            priceCode: a.price.code,
            quantity: a.quantity,
          }),
        );
      }
      // Loaded into the identity map, so the new items' price references carry their version into the history and the event.
      if (added.length > 0) await em.find(Price, { id: { $in: added.map((a) => a.price.id) } });
      recordEvent(em, sub, 'changed', this.ctx.actor, now, { before, prorationBehavior: behavior });
      await em.flush();
      await emitEvent(em, subscriptionEvent('updated', sub, now));
      if (behavior === ProrationBehavior.ALWAYS_INVOICE && pricer) await invoiceProrationsNow(em, sub, pricer, now);
      return sub;
    });
    return behavior === ProrationBehavior.ALWAYS_INVOICE ? collectNowFor(this.ctx, changed) : changed;
  }
}
