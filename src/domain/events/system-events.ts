import type { DomainEventOf, EventPayload } from './event-types';

/** A usage threshold crossed in a window (lifecycle signals): the aggregate is the threshold. */
export function usageThresholdCrossedEvent(
  crossing: EventPayload<'usage.threshold_crossed'>,
  at: Date,
): DomainEventOf<'usage.threshold_crossed'> {
  return {
    aggregateType: 'usage',
    aggregateId: crossing.id,
    type: 'usage.threshold_crossed',
    customerId: crossing.customerId,
    payload: { ...crossing },
    at,
  };
}

/** An endpoint disabled (failing too long, or by hand): other endpoints subscribed to it tell the operator. */
export function webhookEndpointDisabledEvent(
  endpoint: EventPayload<'webhook_endpoint.disabled'>,
  at: Date,
): DomainEventOf<'webhook_endpoint.disabled'> {
  return {
    aggregateType: 'webhook_endpoint',
    aggregateId: endpoint.id,
    type: 'webhook_endpoint.disabled',
    customerId: null,
    payload: endpoint,
    at,
  };
}
