import type { DomainEventOf } from '../events/event-types';
import type { DeliveryUnit } from './delivery';
import type { DeliverySchedule } from './delivery-schedule.entity';

/** `delivery_schedule.updated`: the schedule after the change, and its location and frequency before it. */
export function deliveryScheduleEvent(
  schedule: DeliverySchedule,
  previous: { locationId: string; every: number; unit: DeliveryUnit },
  at: Date,
): DomainEventOf<'delivery_schedule.updated'> {
  return {
    type: 'delivery_schedule.updated',
    aggregateType: 'delivery_schedule',
    aggregateId: schedule.subscription.id,
    customerId: schedule.customer.id,
    at,
    payload: {
      subscriptionId: schedule.subscription.id,
      customerId: schedule.customer.id,
      locationId: schedule.location.id,
      every: schedule.every,
      unit: schedule.unit,
      billOn: schedule.billOn,
      anchorAt: schedule.anchorAt.toISOString(),
      anchorIndex: schedule.anchorIndex,
      previous,
    },
  };
}
