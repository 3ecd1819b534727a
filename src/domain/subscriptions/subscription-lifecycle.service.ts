import { periodContaining } from '../../pricing';
import { invoiceOutOfCycle } from '../invoices/out-of-cycle-invoice';
import type { ServiceContext } from '../shared/service-context';
import { emitEvent } from '../events/emit-event';
import { subscriptionEvent } from '../events/event-payloads';
import { clockForCustomer } from '../test-clocks/customer-clock';
import { ItemPricer, PricedItem, ProrationDraft } from './subscription-pricing';
import { lockSubscription, recordEvent, storeProrations, touch } from './subscription-store';
import { assertAllowed } from './subscription-transitions';
import { Subscription, SubscriptionStatus } from './subscription.entity';

export enum ProrationBehavior {
  CREATE_PRORATIONS = 'CREATE_PRORATIONS',
  ALWAYS_INVOICE = 'ALWAYS_INVOICE',
  NONE = 'NONE',
}

function pricedItems(sub: Subscription): PricedItem[] {
  return sub.items.getItems().map((i) => ({ price: i.price, quantity: i.quantity }));
}

/** Whether the current period was billed in advance: trials and not-yet-started ones were not. */
function periodWasBilled(sub: Subscription): boolean {
  return sub.status !== SubscriptionStatus.TRIALING && sub.status !== SubscriptionStatus.INCOMPLETE;
}

/**
 * Pause, resume and cancel. Paused time is not paid for: the billing cycle keeps its anchor,
 * periods that start while paused are not invoiced, and resuming credits the paused part of
 * the period that was billed before the pause and charges the rest of the period it resumes
 * in (when that is a later one), both as pending prorations for the next invoice; the usage of
 * the period it paused in, up to the pause, is then invoiced at once.
 */
export class SubscriptionLifecycleService {
  constructor(private readonly ctx: ServiceContext) {}

  async pause(id: string): Promise<Subscription> {
    return this.ctx.em.transactional(async (em) => {
      const sub = await lockSubscription(em, this.ctx.actor, id);
      assertAllowed('pause', sub.status);
      const now = (await clockForCustomer(em, sub.customer.id, this.ctx.clock)).now();
      touch(sub, now);
      recordEvent(em, sub, 'paused', this.ctx.actor, now);
      sub.status = SubscriptionStatus.PAUSED;
      sub.pausedAt = now;
      await em.flush();
      await emitEvent(em, subscriptionEvent('paused', sub, now));
      return sub;
    });
  }

  async resume(id: string): Promise<Subscription> {
    return this.ctx.em.transactional(async (em) => {
      const sub = await lockSubscription(em, this.ctx.actor, id);
      assertAllowed('resume', sub.status);
      const now = (await clockForCustomer(em, sub.customer.id, this.ctx.clock)).now();
      const pausedAt = sub.pausedAt ?? now;
      const items = pricedItems(sub);
      const pricer = await ItemPricer.forCustomer(em, sub.customer.id, items.map((i) => i.price));
      const billed = { start: sub.currentPeriodStart, end: sub.currentPeriodEnd };
      const drafts: (ProrationDraft | null)[] = [];
      if (now.getTime() < billed.end.getTime()) {
        drafts.push(...items.map((item) => pricer.prorate('credit', item, billed, pausedAt, now)));
      } else {
        // No period end will bill the usage of the period it paused in: bill it now.
        await invoiceOutOfCycle(em, sub, items, { start: billed.start, end: pausedAt }, now, `${sub.id}:usage:${billed.start.toISOString()}`, { prorations: false });
        drafts.push(...items.map((item) => pricer.prorate('credit', item, billed, pausedAt)));
        const current = periodContaining(sub.billingAnchor, sub.interval, sub.intervalCount, now);
        drafts.push(...items.map((item) => pricer.prorate('charge', item, current, now)));
        sub.currentPeriodStart = current.start;
        sub.currentPeriodEnd = current.end;
      }
      storeProrations(em, sub, drafts, now);
      touch(sub, now);
      recordEvent(em, sub, 'resumed', this.ctx.actor, now, { pausedAt: pausedAt.toISOString() });
      sub.status = SubscriptionStatus.ACTIVE;
      sub.pausedAt = null;
      await em.flush();
      await emitEvent(em, subscriptionEvent('resumed', sub, now));
      return sub;
    });
  }

  /**
   * Now: CANCELED at once, with a credit for the unused rest of a billed period unless NONE, and
   * a final invoice at once (invoiceOutOfCycle) of the usage until the service stopped and every
   * pending proration, that credit included, whatever the behavior: a canceled subscription has
   * no next invoice to carry them. At period end: it stays as it is and the billing run ends it
   * when the period closes.
   */
  async cancel(id: string, atPeriodEnd: boolean, behavior: ProrationBehavior = ProrationBehavior.CREATE_PRORATIONS): Promise<Subscription> {
    return this.ctx.em.transactional(async (em) => {
      const sub = await lockSubscription(em, this.ctx.actor, id);
      const now = (await clockForCustomer(em, sub.customer.id, this.ctx.clock)).now();
      if (atPeriodEnd) {
        assertAllowed('cancel_at_period_end', sub.status);
        touch(sub, now);
        recordEvent(em, sub, 'cancel_scheduled', this.ctx.actor, now, { at: sub.currentPeriodEnd.toISOString() });
        sub.cancelAtPeriodEnd = true;
        await em.flush();
        await emitEvent(em, subscriptionEvent('cancel_scheduled', sub, now));
        return sub;
      }
      assertAllowed('cancel_now', sub.status);
      // The service stopped now, or when it was paused; a trial or a future start used nothing billable.
      const stopped = !periodWasBilled(sub) ? null : sub.status === SubscriptionStatus.PAUSED && sub.pausedAt ? sub.pausedAt : now;
      const items = pricedItems(sub);
      if (behavior !== ProrationBehavior.NONE && stopped && stopped.getTime() < sub.currentPeriodEnd.getTime()) {
        const pricer = await ItemPricer.forCustomer(em, sub.customer.id, items.map((i) => i.price));
        const billed = { start: sub.currentPeriodStart, end: sub.currentPeriodEnd };
        storeProrations(em, sub, items.map((item) => pricer.prorate('credit', item, billed, stopped)), now);
      }
      touch(sub, now);
      recordEvent(em, sub, 'canceled', this.ctx.actor, now, { prorationBehavior: behavior });
      sub.status = SubscriptionStatus.CANCELED;
      sub.canceledAt = now;
      sub.cancelAtPeriodEnd = false;
      await em.flush();
      await emitEvent(em, subscriptionEvent('canceled', sub, now));
      const usage = stopped ? { start: sub.currentPeriodStart, end: stopped } : null;
      await invoiceOutOfCycle(em, sub, items, usage, now, `${sub.id}:canceled`, { prorations: true });
      return sub;
    });
  }
}
