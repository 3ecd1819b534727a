import type { ClaimedDelivery } from './delivery-queue';

/**
 * The JSON body of a delivery: at least `{ id, type, createdAt, data }` (CONTRACT.md). `id` is the
 * event's, the same on every attempt, so a receiver dedupes by it; `aggregate.sequence` numbers
 * the aggregate's events, so a receiver can also tell a gap (an event given up) from an end.
 */
export function deliveryBody(event: ClaimedDelivery['event']): string {
  return JSON.stringify({
    id: event.id,
    type: event.type,
    createdAt: event.occurredAt.toISOString(),
    aggregate: { type: event.aggregateType, id: event.aggregateId, sequence: event.aggregateSeq },
    customerId: event.customerId,
    data: event.payload,
  });
}
