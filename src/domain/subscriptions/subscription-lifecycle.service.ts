import { periodContaining } from '../../pricing';
import { collectNowFor } from '../payments/collect-now';
import { invoiceOutOfCycle } from '../invoices/out-of-cycle-invoice';
import { cancelNow, pricedItems } from './subscription-cancel';
import type { ServiceContext } from '../shared/service-context';
import { emitEvent } from '../events/emit-event';
import { subscriptionEvent } from '../events/event-payloads';
import { clockForCustomer } from '../test-clocks/customer-clock';
import { ItemPricer, ProrationDraft } from './subscription-pricing';
import { lockSubscription, recordEvent, storeProrations, touch } from './subscription-store';
import { assertAllowed } from './subscription-transitions';
import { Subscription, SubscriptionStatus } from './subscription.entity';
import { ProrationBehavior } from './proration-behavior';

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
      const sub = await lockSubscription(em, this.ctx.actor, id, null, { action: 'pause' });
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
    const resumed = await this.ctx.em.transactional(async (em) => {
      const sub = await lockSubscription(em, this.ctx.actor, id, null, { action: 'resume' });
      assertAllowed('resume', sub.status);
      const now = (await clockForCustomer(em, sub.customer.id, this.ctx.clock)).now();
      const pausedAt = sub.pausedAt ?? now;
      const items = pricedItems(sub);
      const pricer = await ItemPricer.forCustomer(
        em,
        sub.customer.id,
        items.map((i) => i.price),
        sub.id,
      );
      const billed = { start: sub.currentPeriodStart, end: sub.currentPeriodEnd };
      const drafts: (ProrationDraft | null)[] = [];
      if (now.getTime() < billed.end.getTime()) {
        drafts.push(...items.map((item) => pricer.prorate('credit', item, billed, pausedAt, now)));
      } else {
        // No period end will bill the usage of the period it paused in: bill it now.
        await invoiceOutOfCycle(
          em,
          sub,
          items,
          { start: billed.start, end: pausedAt },
          now,
          `${sub.id}:usage:${billed.start.toISOString()}`,
          { prorations: false },
        );
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
    return collectNowFor(this.ctx, resumed);
  }

  /**
   * Now: CANCELED at once, with a credit for the unused rest of a billed period unless NONE, and
   * a final invoice at once (invoiceOutOfCycle) of the usage until the service stopped and every
   * pending proration, that credit included, whatever the behavior: a canceled subscription has
   * no next invoice to carry them. At period end: it stays as it is and the billing run ends it
   * when the period closes.
   */
  async cancel(id: string, atPeriodEnd: boolean, behavior: ProrationBehavior = ProrationBehavior.CREATE_PRORATIONS): Promise<Subscription> {
    const canceled = await this.ctx.em.transactional(async (em) => {
      const sub = await lockSubscription(em, this.ctx.actor, id, null, { action: 'cancel', atPeriodEnd });
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
      await cancelNow(em, sub, this.ctx.actor, now, {
        creditUnusedTime: behavior !== ProrationBehavior.NONE,
        detail: { prorationBehavior: behavior },
      });
      return sub;
    });
    // A cancellation now leaves a final invoice to collect; one at period end has none yet.
    return atPeriodEnd ? canceled : collectNowFor(this.ctx, canceled);
  }
}
