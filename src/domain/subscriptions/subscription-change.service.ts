import { nextPurchaseOrderNumber, parsePurchaseOrderNumber } from '../customers/purchase-order';
import { assertCreditAvailable, holdCredit } from '../customers/credit-limit';
import { emitEvent } from '../events/emit-event';
import { draftNextInvoice } from '../invoices/next-invoice';
import { ZERO } from '../../pricing/decimal';
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
  /** Sets or replaces the subscription's number; absent or null keeps it. */
  purchaseOrderNumber?: string | null;
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
    const givenNumber = parsePurchaseOrderNumber(input.purchaseOrderNumber);
    const changed = await this.ctx.em.transactional(async (em) => {
      const sub = await lockSubscription(em, this.ctx.actor, input.id, input.expectedVersion, {
        action: 'change',
        items: input.items,
        behavior,
      });
      assertAllowed('change', sub.status);
      const purchaseOrderNumber = await nextPurchaseOrderNumber(em, sub, givenNumber);
      const credit = await holdCredit(em, sub.customer.id);
      const now = (await clockForCustomer(em, sub.customer.id, this.ctx.clock)).now();
      const plan = await planChange(em, sub, input.items, behavior, now);
      // A new purchase order number alone is a change too (of what the next invoices carry).
      const renumbered = purchaseOrderNumber !== sub.purchaseOrderNumber;
      if (!plan && !renumbered) return sub;
      const { removed, added, pricer } = plan ?? { removed: [], added: [], pricer: null };
      const invoicesNow = behavior === ProrationBehavior.ALWAYS_INVOICE && pricer !== null;
      // Otherwise the change commits the customer to what it adds to the next invoice.
      const nextBefore = credit && plan && !invoicesNow ? await draftNextInvoice(em, sub) : null;
      if (plan) storeProrations(em, sub, plan.prorations, now);

      const before = sub.items.getItems().map((i) => ({ priceCode: i.priceCode, quantity: i.quantity.toFixed() }));
      for (const r of removed) sub.items.remove(r);
      sub.purchaseOrderNumber = purchaseOrderNumber;
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
      recordEvent(em, sub, 'changed', this.ctx.actor, now, {
        before,
        prorationBehavior: behavior,
        ...(renumbered ? { purchaseOrderNumber } : {}),
      });
      await em.flush();
      await emitEvent(em, subscriptionEvent('updated', sub, now));
      if (invoicesNow) {
        const invoice = await invoiceProrationsNow(em, sub, pricer, now);
        assertCreditAvailable(credit, 'changeSubscription', invoice?.total ?? ZERO);
      } else if (nextBefore) {
        const nextAfter = await draftNextInvoice(em, sub);
        assertCreditAvailable(credit, 'changeSubscription', nextAfter.total.minus(nextBefore.total));
      }
      return sub;
    });
    return behavior === ProrationBehavior.ALWAYS_INVOICE ? collectNowFor(this.ctx, changed) : changed;
  }
}
