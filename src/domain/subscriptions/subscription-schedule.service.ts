import { nextPurchaseOrderNumber, parsePurchaseOrderNumber } from '../customers/purchase-order';
import { assertCreditAvailable, holdCredit } from '../customers/credit-limit';
import { ConflictError, NotFoundError } from '../errors';
import { draftNextInvoice } from '../invoices/next-invoice';
import { emitEvent } from '../events/emit-event';
import { subscriptionEvent } from '../events/event-payloads';
import type { ServiceContext } from '../shared/service-context';
import { clockForCustomer } from '../test-clocks/customer-clock';
import { assertMetricsUnclaimed } from './metered-metrics';
import { ItemInput, resolveItems } from './subscription-items';
import { lockSubscription, recordEvent, touch } from './subscription-store';
import { ScheduledChange, ScheduledChangeStatus } from './scheduled-change.entity';
import { assertAllowed } from './subscription-transitions';

export interface ScheduleChangeInput {
  id: string;
  expectedVersion?: number | null;
  items: readonly ItemInput[];
  /** Sets or replaces the subscription's number now (the invoices the change affects carry it); absent or null keeps it. */
  purchaseOrderNumber?: string | null;
}

/**
 * Changes that wait for the period end: the usual downgrade, which the customer has paid for
 * until then. The billing run applies a pending change when it closes the period, without
 * prorations (the boundary is where the new terms start anyway). One pending change at a time.
 */
export class SubscriptionScheduleService {
  constructor(private readonly ctx: ServiceContext) {}

  async schedule(input: ScheduleChangeInput): Promise<ScheduledChange> {
    const givenNumber = parsePurchaseOrderNumber(input.purchaseOrderNumber);
    return this.ctx.em.transactional(async (em) => {
      const sub = await lockSubscription(em, this.ctx.actor, input.id, input.expectedVersion);
      assertAllowed('change', sub.status);
      const purchaseOrderNumber = await nextPurchaseOrderNumber(em, sub, givenNumber);
      const credit = await holdCredit(em, sub.customer.id);
      if (sub.cancelAtPeriodEnd) throw new ConflictError('the subscription ends at its period end; there is no next period to change');
      const pending = await em.findOne(ScheduledChange, { subscription: sub.id, status: ScheduledChangeStatus.PENDING });
      if (pending) throw new ConflictError(`a change is already scheduled for ${pending.effectiveAt.toISOString()}; cancel it first`);
      const items = await resolveItems(em, input.items, sub.currency, sub);
      await assertMetricsUnclaimed(
        em,
        sub.customer.id,
        items.map((i) => i.price),
        sub.id,
      );
      const now = (await clockForCustomer(em, sub.customer.id, this.ctx.clock)).now();
      // The change takes effect at the next boundary: it commits the customer to what it adds to that invoice.
      const nextBefore = credit ? await draftNextInvoice(em, sub) : null;
      const change = em.create(ScheduledChange, {
        subscription: sub,
        customer: sub.customer,
        items: items.map((i) => ({ priceCode: i.price.code, priceId: i.price.id, quantity: i.quantity.toFixed() })),
        effectiveAt: sub.currentPeriodEnd,
        status: ScheduledChangeStatus.PENDING,
        createdAt: now,
      });
      const renumbered = purchaseOrderNumber !== sub.purchaseOrderNumber;
      sub.purchaseOrderNumber = purchaseOrderNumber;
      touch(sub, now);
      recordEvent(em, sub, 'change_scheduled', this.ctx.actor, now, {
        effectiveAt: change.effectiveAt.toISOString(),
        to: change.items,
        ...(renumbered ? { purchaseOrderNumber } : {}),
      });
      await em.flush();
      await emitEvent(em, subscriptionEvent('change_scheduled', sub, now, { scheduledChange: change }));
      if (nextBefore) assertCreditAvailable(credit, 'scheduleChange', (await draftNextInvoice(em, sub)).total.minus(nextBefore.total));
      return change;
    });
  }

  async cancel(subscriptionId: string): Promise<ScheduledChange> {
    return this.ctx.em.transactional(async (em) => {
      const sub = await lockSubscription(em, this.ctx.actor, subscriptionId);
      const pending = await em.findOne(ScheduledChange, { subscription: sub.id, status: ScheduledChangeStatus.PENDING });
      if (!pending) throw new NotFoundError('scheduled change of subscription', subscriptionId, 'subscriptionId');
      const now = (await clockForCustomer(em, sub.customer.id, this.ctx.clock)).now();
      pending.status = ScheduledChangeStatus.CANCELED;
      pending.resolvedAt = now;
      touch(sub, now);
      recordEvent(em, sub, 'scheduled_change_canceled', this.ctx.actor, now);
      await em.flush();
      await emitEvent(em, subscriptionEvent('scheduled_change_canceled', sub, now, { scheduledChange: pending }));
      return pending;
    });
  }
}
