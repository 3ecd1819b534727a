import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { authorize, authorizeCustomer, withCreator } from '../auth/actor';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors';
import { emitEvent } from '../events/emit-event';
import { subscriptionEvent } from '../events/event-payloads';
import { touch } from '../subscriptions/subscription-store';
import { readSellerSettings } from '../settings/seller-settings.service';
import { isId } from '../shared/ids';
import type { ServiceContext } from '../shared/service-context';
import { Subscription, SubscriptionStatus } from '../subscriptions/subscription.entity';
import { locationOf } from '../subscriptions/subscription.service';
import { clockForCustomer } from '../test-clocks/customer-clock';
import { deliveryDate, DeliveryUnit } from './delivery';
import { deliveryScheduleEvent } from './delivery-events';
import { DeliverySchedule } from './delivery-schedule.entity';
import { DAY_MS, isFrozen } from './order-lock';
import { orderEvent } from './order-events';
import { Order, OrderStatus } from './order.entity';

/** updateSubscriptionDelivery's input: each field optional, at least one given. */
export interface DeliveryChangeInput {
  locationId?: string | null;
  every?: number | null;
  unit?: DeliveryUnit | null;
}

const MAX_EVERY = 365;

/**
 * A subscription's ship-to location and delivery frequency, changed by the customer (issue 17).
 *
 * What follows the change: the subscription's SCHEDULED orders not yet frozen (`orderLeadDays`)
 * and not held; frozen, held and placed orders keep their date and location. A new location
 * goes on those orders as it is. A new frequency re-dates them: the new cadence counts from the
 * last delivery that stays (placed, frozen or skipped), and its first date after the cut-off is
 * the next order's; with none behind it (the first delivery is still open) the next order keeps
 * its date. The schedule is re-anchored there (anchorAt, anchorIndex), so the billing run
 * schedules every later delivery on the new cadence, and there is still exactly one next order.
 */
export class DeliveryChangeService {
  constructor(private readonly ctx: ServiceContext) {}

  async update(subscriptionId: string, input: DeliveryChangeInput): Promise<Subscription> {
    authorize(this.ctx.actor, 'orders:write');
    if (input.locationId == null && input.every == null && input.unit == null) {
      throw new InvalidInputError('input', 'give at least one of locationId, every, unit');
    }
    if (input.every != null && (!Number.isInteger(input.every) || input.every < 1 || input.every > MAX_EVERY)) {
      throw new InvalidInputError('input.every', `every must be a whole number from 1 to ${MAX_EVERY}`);
    }
    return this.ctx.em.transactional(async (em) => {
      // The schedule's row first: two changes of one subscription go one after the other.
      const schedule = isId(subscriptionId)
        ? await em.findOne(DeliverySchedule, { subscription: subscriptionId }, { lockMode: LockMode.PESSIMISTIC_WRITE })
        : null;
      if (!schedule) throw new NotFoundError('subscription with a delivery schedule', subscriptionId, 'subscriptionId');
      await em.populate(schedule, ['customer', 'location', 'subscription']);
      authorizeCustomer(this.ctx.actor, 'orders:write', await withCreator(this.ctx.actor, schedule.customer));
      const sub = schedule.subscription;
      if (sub.status === SubscriptionStatus.CANCELED) {
        throw new ConflictError(`subscription ${sub.id} is CANCELED`, {
          details: { reason: 'SUBSCRIPTION_NOT_ACTIVE', status: sub.status },
        });
      }
      const location =
        input.locationId != null ? await locationOf(em, this.ctx.actor, schedule.customer, input.locationId, 'input.locationId') : null;
      const now = (await clockForCustomer(em, schedule.customer.id, this.ctx.clock)).now();
      const { orderLeadDays } = await readSellerSettings(em);
      // The orders a billing run may be placing are locked: it holds them (we wait), or skips them from here on.
      // Read again once locked: a run that held one has committed by then, with the next order it scheduled,
      // which the first statement's snapshot could not see (READ COMMITTED).
      const openWhere = { subscription: sub.id, status: OrderStatus.SCHEDULED };
      await em.find(Order, openWhere, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const open = await em.find(Order, openWhere, {
        lockMode: LockMode.PESSIMISTIC_WRITE,
        refresh: true,
        orderBy: { deliveryIndex: 'asc' },
      });
      const changeable = open.filter(
        (o) => o.holdReason === null && o.deliveryIndex !== null && !isFrozen(o.scheduledFor, now, orderLeadDays),
      );
      const before = { locationId: schedule.location.id, every: schedule.every, unit: schedule.unit };
      const every = input.every ?? schedule.every;
      const unit = input.unit ?? schedule.unit;
      const redate = every !== schedule.every || unit !== schedule.unit;
      schedule.every = every;
      schedule.unit = unit;
      if (location) schedule.location = location;
      if (redate) await this.reanchor(em, schedule, changeable, now, orderLeadDays);
      schedule.updatedAt = now;
      const touched: { order: Order; moved: boolean }[] = [];
      for (const order of changeable) {
        const date = redate
          ? deliveryDate(schedule.anchorAt, every, unit, order.deliveryIndex! - schedule.anchorIndex)
          : order.scheduledFor;
        const moved = date.getTime() !== order.scheduledFor.getTime();
        const relocated = location !== null && order.location.id !== location.id;
        if (!moved && !relocated) continue;
        order.scheduledFor = date;
        if (location) order.location = location;
        order.version++;
        order.updatedAt = now;
        touched.push({ order, moved });
      }
      await em.flush();
      for (const { order, moved } of touched) {
        await em.populate(order, ['lines']);
        await emitEvent(em, orderEvent(moved ? 'rescheduled' : 'updated', order, order.lines.getItems(), now));
      }
      await emitEvent(em, deliveryScheduleEvent(schedule, before, now));
      if (redate) {
        // A new frequency is a new recurring value of the goods (MRR, docs/analytics.md): the
        // revenue projection reads it from subscription events, which carry the delivery.
        await em.populate(sub, ['items', 'items.price']);
        touch(sub, now);
        await em.flush();
        await emitEvent(em, subscriptionEvent('updated', sub, now));
      }
      return sub;
    });
  }

  /**
   * Moves the schedule's anchor for a new cadence: onto the next changeable order, dated on the
   * new cadence from the last delivery that stays; or, with nothing left to change, onto the last
   * order there is, so that the next one the billing run schedules follows the new cadence.
   */
  private async reanchor(
    em: EntityManager,
    schedule: DeliverySchedule,
    changeable: readonly Order[],
    now: Date,
    leadDays: number,
  ): Promise<void> {
    const first = changeable[0];
    const kept = await em.findOne(
      Order,
      { subscription: schedule.subscription.id, deliveryIndex: first ? { $lt: first.deliveryIndex! } : { $ne: null } },
      { orderBy: { deliveryIndex: 'desc' } },
    );
    if (!first) {
      if (kept) [schedule.anchorAt, schedule.anchorIndex] = [kept.scheduledFor, kept.deliveryIndex!];
      return;
    }
    let date = first.scheduledFor;
    if (kept) {
      // The first date of the new cadence after the cut-off: earlier ones would be frozen (or past) at once.
      const cutoff = now.getTime() + leadDays * DAY_MS;
      let m = 1;
      do date = deliveryDate(kept.scheduledFor, schedule.every, schedule.unit, m++);
      while (date.getTime() <= cutoff);
    }
    schedule.anchorAt = date;
    schedule.anchorIndex = first.deliveryIndex!;
  }
}
