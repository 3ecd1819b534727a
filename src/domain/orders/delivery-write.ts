import type { EntityManager } from '@mikro-orm/postgresql';
import type { Subscription } from '../subscriptions/subscription.entity';
import { DeliveryItem } from './delivery-item.entity';
import { DeliverySchedule } from './delivery-schedule.entity';
import type { ResolvedDelivery } from './delivery-input';
import { scheduleOrder } from './order-schedule';

/**
 * A new subscription's delivery schedule and goods, in the subscription's transaction; its first
 * order is scheduled by `scheduleFirstOrder` after `subscription.created`, which carries these rows.
 */
export async function openDelivery(em: EntityManager, sub: Subscription, delivery: ResolvedDelivery, now: Date): Promise<DeliverySchedule> {
  const schedule = em.create(DeliverySchedule, {
    subscription: sub,
    customer: sub.customer,
    location: delivery.location,
    every: delivery.every,
    unit: delivery.unit,
    firstDeliveryAt: delivery.firstDeliveryAt,
    anchorAt: delivery.firstDeliveryAt,
    anchorIndex: 0,
    billOn: delivery.billOn,
    createdAt: now,
    updatedAt: now,
  });
  for (const item of delivery.items) {
    em.create(DeliveryItem, {
      subscription: sub,
      price: item.price.id,
      priceCode: item.price.code,
      sku: item.sku,
      quantity: item.quantity,
    });
  }
  await em.flush();
  return schedule;
}

/** The first order, SCHEDULED. */
export async function scheduleFirstOrder(em: EntityManager, sub: Subscription, schedule: DeliverySchedule, now: Date): Promise<void> {
  await scheduleOrder(em, schedule, 0, sub.purchaseOrderNumber, now);
}
