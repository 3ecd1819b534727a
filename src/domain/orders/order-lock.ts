import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import { authorizeCustomer, withCreator } from '../auth/actor';
import { ConflictError, NotFoundError } from '../errors';
import { readSellerSettings } from '../settings/seller-settings.service';
import { isId } from '../shared/ids';
import type { ServiceContext } from '../shared/service-context';
import { clockForCustomer } from '../test-clocks/customer-clock';
import { Order, OrderStatus } from './order.entity';

export const DAY_MS = 86_400_000;

/** A SCHEDULED order locked for a customer control, with the customer's clock and the seller's cut-off. */
export interface LockedOrder {
  order: Order;
  now: Date;
  leadDays: number;
}

/** Whether an order dated `scheduledFor` is frozen at `now`: `leadDays` before its date the warehouse plans with it. */
export function isFrozen(scheduledFor: Date, now: Date, leadDays: number): boolean {
  return now.getTime() >= scheduledFor.getTime() - leadDays * DAY_MS;
}

/**
 * The frame every control on one order shares, in the caller's transaction: the order's row
 * locked (FOR UPDATE: a concurrent control or billing run waits, or skips it), its customer
 * authorized, and the order refused unless SCHEDULED and not yet frozen (CONFLICT, reasons
 * ORDER_NOT_SCHEDULED and ORDER_FROZEN). The caller has checked `orders:write` already.
 * The order's delivery schedule is locked before the order, in the order updateSubscriptionDelivery
 * takes them (the schedule, then its orders), so the two wait for each other instead of deadlocking,
 * and a control's new next order is never missed by a delivery change.
 */
export async function lockScheduledOrder(ctx: ServiceContext, em: EntityManager, id: string): Promise<LockedOrder> {
  await lockScheduleOf(em, id);
  const order = isId(id) ? await em.findOne(Order, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
  if (!order) throw new NotFoundError('order', id, 'id');
  authorizeCustomer(ctx.actor, 'orders:write', await withCreator(ctx.actor, order.customer));
  if (order.status !== OrderStatus.SCHEDULED) {
    throw new ConflictError(`order ${order.number} is ${order.status}: only a SCHEDULED order can be changed`, {
      details: { reason: 'ORDER_NOT_SCHEDULED', status: order.status },
    });
  }
  const now = (await clockForCustomer(em, order.customer.id, ctx.clock)).now();
  const { orderLeadDays } = await readSellerSettings(em);
  if (isFrozen(order.scheduledFor, now, orderLeadDays)) {
    throw new ConflictError(
      `order ${order.number} is frozen: it can be changed until ${orderLeadDays} day(s) before ${order.scheduledFor.toISOString()}`,
      { details: { reason: 'ORDER_FROZEN' } },
    );
  }
  return { order, now, leadDays: orderLeadDays };
}

/** The delivery schedule of this order's subscription, locked; an unknown id or an order without one locks nothing. */
async function lockScheduleOf(em: EntityManager, orderId: string): Promise<void> {
  if (!isId(orderId)) return;
  await boundRows(
    em,
    `select d.subscription_id from delivery_schedule d join customer_order o on o.subscription_id = d.subscription_id
      where o.id = ? for update of d`,
    [orderId],
  );
}
