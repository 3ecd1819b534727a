import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { emitEvents } from '../events/emit-event';
import { orderEvent } from './order-events';
import { Order, OrderStatus } from './order.entity';

/**
 * A subscription that ends takes its SCHEDULED orders with it: they become CANCELED
 * (`order.canceled`, reason SUBSCRIPTION_CANCELED) in the cancelation's transaction, so no order
 * waits for a delivery that will never be placed. Placed orders are left to the warehouse. The
 * rows are locked; nothing was reserved for a scheduled order, so no stock moves.
 */
export async function cancelScheduledOrders(em: EntityManager, subscriptionId: string, now: Date): Promise<void> {
  const orders = await em.find(
    Order,
    { subscription: subscriptionId, status: OrderStatus.SCHEDULED },
    { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } },
  );
  if (orders.length === 0) return;
  await em.populate(orders, ['customer', 'location', 'subscription', 'lines']);
  for (const order of orders) {
    order.status = OrderStatus.CANCELED;
    order.version++;
    order.updatedAt = now;
  }
  await em.flush();
  await emitEvents(
    em,
    orders.map((o) => orderEvent('canceled', o, o.lines.getItems(), now, { reason: 'SUBSCRIPTION_CANCELED' })),
  );
}
