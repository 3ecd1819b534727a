import type { EntityManager } from '@mikro-orm/postgresql';
import { StockPolicy } from '../catalog/product-kind';
import { emitEvent } from '../events/emit-event';
import { scheduleDate } from './delivery';
import { DeliveryItem } from './delivery-item.entity';
import type { DeliverySchedule } from './delivery-schedule.entity';
import { OrderLine } from './order-line.entity';
import { takeOrderNumbers } from './order-number';
import { priceOrder } from './order-pricing';
import { Order, OrderStatus } from './order.entity';
import { orderEvent } from './order-events';
import { orderTaxes } from './order-tax';

/**
 * Writes the `index`-th order of a delivery schedule as SCHEDULED (visible ahead, the customer
 * may still change it), priced at today's catalog as an estimate; placement prices it again.
 * The unique (subscription, deliveryIndex) key makes a second one for the same delivery fail.
 */
export async function scheduleOrder(
  em: EntityManager,
  schedule: DeliverySchedule,
  index: number,
  purchaseOrderNumber: string | null,
  now: Date,
): Promise<Order> {
  const items = await em.find(
    DeliveryItem,
    { subscription: schedule.subscription.id },
    { populate: ['price', 'price.product'], orderBy: { priceCode: 'asc' } },
  );
  const scheduledFor = scheduleDate(schedule, index);
  const taxes = await orderTaxes(em, [{ customerId: schedule.customer.id, locationId: schedule.location.id }]);
  const priced = await priceOrder(em, schedule.customer.id, items, scheduledFor, taxes(schedule.customer.id, schedule.location.id));
  const [number] = await takeOrderNumbers(em, 1, now.getUTCFullYear());
  const order = em.create(Order, {
    number,
    status: OrderStatus.SCHEDULED,
    customer: schedule.customer,
    subscription: schedule.subscription,
    deliveryIndex: index,
    location: schedule.location,
    scheduledFor,
    purchaseOrderNumber,
    currency: schedule.customer.currency,
    subtotal: priced.subtotal,
    tax: priced.tax,
    total: priced.total,
    createdAt: now,
    updatedAt: now,
  });
  const lines = items.map((item, position) =>
    em.create(OrderLine, {
      order,
      position,
      price: item.price,
      priceCode: item.priceCode,
      sku: item.sku,
      stockPolicy: item.price.product.stockPolicy ?? StockPolicy.BACKORDER,
      quantityOrdered: item.quantity,
      quantity: item.quantity,
      amount: priced.lines[position].amount,
      tax: priced.lines[position].tax,
      steps: priced.lines[position].steps,
    }),
  );
  await em.flush();
  await emitEvent(em, orderEvent('scheduled', order, lines, now));
  return order;
}
