import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import { emitEvent } from '../events/emit-event';
import { webhookEndpointDisabledEvent } from '../events/system-events';

export type DisableReason = 'FAILING' | 'MANUAL';

/**
 * Disables an enabled endpoint and writes `webhook_endpoint.disabled` to the outbox in the
 * caller's transaction, so the event exists if and only if the endpoint was disabled; other
 * endpoints subscribed to it tell the operator. False when it was not enabled.
 */
export async function disableEndpoint(em: EntityManager, endpointId: string, now: Date, reason: DisableReason): Promise<boolean> {
  const [endpoint] = await boundRows<{ id: string; url: string; event_types: string[]; failing_since: Date | null }>(
    em,
    `update webhook_endpoint set status = 'DISABLED', disabled_at = ? where id = ? and status = 'ENABLED'
     returning id, url, event_types, failing_since`,
    [now, endpointId],
  );
  if (!endpoint) return false;
  const payload = {
    id: endpoint.id,
    url: endpoint.url,
    eventTypes: endpoint.event_types,
    status: 'DISABLED' as const,
    reason,
    disabledAt: now.toISOString(),
    failingSince: endpoint.failing_since ? new Date(endpoint.failing_since).toISOString() : null,
  };
  // The endpoint row is locked by the update above: the aggregate's next number is this transaction's.
  await emitEvent(em, webhookEndpointDisabledEvent(payload, now));
  return true;
}
