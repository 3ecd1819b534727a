import type { DomainEventRow } from '../events/domain-event.entity';
import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import { disableEndpoint } from './endpoint-disable';
import { EARLIER_EVENT_NOT_FANNED_OUT } from './fan-out';
import { DISABLE_AFTER_MS, nextAttemptAfterFailure } from './retry-schedule';
import type { PostOutcome } from './webhook-post';

/** A delivery a worker holds: what to post, where, and with which key. */
export interface ClaimedDelivery {
  id: string;
  endpointId: string;
  url: string;
  secret: string;
  createdAt: Date;
  attemptCount: number;
  event: {
    id: string;
    type: string;
    aggregateType: string;
    aggregateId: string;
    aggregateSeq: number;
    customerId: string | null;
    occurredAt: Date;
    payload: Record<string, unknown>;
  };
}

interface ClaimRow extends DomainEventRow {
  id: string;
  endpoint_id: string;
  url: string;
  secret: string;
  created_at: Date;
  attempt_count: number;
  event_id: string;
}

/**
 * Takes up to `limit` due deliveries of enabled endpoints and leases them: their next attempt is
 * pushed to `leaseUntil` in the same statement, which commits at once, so no transaction stays
 * open while they are posted. A worker that dies holding them leaves them to whoever comes after
 * the lease (at least once). Rows another worker is claiming are skipped (SKIP LOCKED).
 *
 * Per-aggregate order: a delivery is not due while an earlier event of its aggregate is still
 * PENDING for the same endpoint (failing, or in flight under a lease), nor while such an event has
 * not been fanned out to it yet. So at most one event per aggregate and endpoint is in flight,
 * and they arrive in sequence order. A given-up (FAILED) one no longer holds the rest back.
 */
export async function claimDueDeliveries(
  em: EntityManager,
  args: { now: Date; leaseUntil: Date; limit: number; exclude: readonly string[] },
): Promise<ClaimedDelivery[]> {
  const rows = await boundRows<ClaimRow>(
    em,
    `with due as (
       select d.id
         from webhook_delivery d join webhook_endpoint ep on ep.id = d.endpoint_id
        where d.status = 'PENDING' and d.next_attempt_at <= ? and ep.status = 'ENABLED'
          and d.id <> all(?::uuid[])
          and not exists (select 1 from webhook_delivery p
                           where p.endpoint_id = d.endpoint_id and p.aggregate_id = d.aggregate_id
                             and p.aggregate_seq < d.aggregate_seq and p.status = 'PENDING')
          and not ${EARLIER_EVENT_NOT_FANNED_OUT}
        order by d.next_attempt_at
        limit ?
          for update of d skip locked)
     update webhook_delivery w set next_attempt_at = ?
       from due, webhook_endpoint ep, domain_event e
      where w.id = due.id and ep.id = w.endpoint_id and e.id = w.event_id
     returning w.id, w.endpoint_id, ep.url, ep.secret, w.created_at, w.attempt_count,
               e.id as event_id, e.type, e.aggregate_type, e.aggregate_id, e.aggregate_seq, e.customer_id, e.occurred_at, e.payload`,
    [args.now, [...args.exclude], args.limit, args.leaseUntil],
  );
  return rows.map((r) => ({
    id: r.id,
    endpointId: r.endpoint_id,
    url: r.url,
    secret: r.secret,
    createdAt: new Date(r.created_at),
    attemptCount: r.attempt_count,
    event: {
      id: r.event_id,
      type: r.type,
      aggregateType: r.aggregate_type,
      aggregateId: r.aggregate_id,
      aggregateSeq: r.aggregate_seq,
      customerId: r.customer_id,
      occurredAt: new Date(r.occurred_at),
      payload: r.payload,
    },
  }));
}

/** Hands a claimed delivery back without an attempt (the worker is stopping): due again at once. */
export async function releaseDelivery(em: EntityManager, id: string, now: Date): Promise<void> {
  await boundRows(em, `update webhook_delivery set next_attempt_at = ? where id = ? and status = 'PENDING'`, [now, id]);
}

export interface AttemptRecord {
  /** The delivery's new status. */
  status: 'SUCCEEDED' | 'PENDING' | 'FAILED';
  /** Set when this attempt made its endpoint DISABLED. */
  endpointDisabled: boolean;
}

/**
 * Writes one attempt and its consequences in one transaction: the attempt row, the delivery
 * (SUCCEEDED only now, after the 2xx; or its next attempt by the backoff, or FAILED 3 days after
 * its fan-out), and the endpoint's failing streak, which disables it after 3 days of failures.
 * A crash before this commits loses the record, not the delivery: the lease runs out and it is
 * posted again, which is why every payload carries the event id.
 */
export async function recordAttempt(
  em: EntityManager,
  claim: ClaimedDelivery,
  outcome: PostOutcome,
  args: { attemptedAt: Date; now: Date; durationMs: number; retryBaseMs: number; random: () => number },
): Promise<AttemptRecord> {
  return em.transactional(async (tx) => {
    const [current] = await boundRows<{ status: string; attempt_count: number; created_at: Date }>(
      tx,
      `select status, attempt_count, created_at from webhook_delivery where id = ? for update`,
      [claim.id],
    );
    await boundRows(
      tx,
      `insert into webhook_attempt (id, delivery_id, attempted_at, status_code, error, duration_ms) values (gen_random_uuid(), ?, ?, ?, ?, ?)`,
      [claim.id, args.attemptedAt, outcome.statusCode, outcome.error, Math.max(0, Math.round(args.durationMs))],
    );
    const attempts = current.attempt_count + 1;
    if (outcome.error === null) {
      await boundRows(
        tx,
        `update webhook_delivery set status = 'SUCCEEDED', attempt_count = ?, next_attempt_at = null, last_status_code = ?, last_error = null,
                delivered_at = coalesce(delivered_at, ?) where id = ?`,
        [attempts, outcome.statusCode, args.now, claim.id],
      );
      await boundRows(tx, `update webhook_endpoint set failing_since = null where id = ? and failing_since is not null`, [
        claim.endpointId,
      ]);
      return { status: 'SUCCEEDED', endpointDisabled: false };
    }
    // Another worker may have finished it after this one's lease ran out: the attempt is history only.
    if (current.status !== 'PENDING') {
      await boundRows(tx, `update webhook_delivery set attempt_count = ? where id = ?`, [attempts, claim.id]);
      return { status: current.status as AttemptRecord['status'], endpointDisabled: false };
    }
    const next = nextAttemptAfterFailure({
      createdAt: new Date(current.created_at),
      now: args.now,
      failedAttempts: attempts,
      baseMs: args.retryBaseMs,
      random: args.random,
    });
    await boundRows(
      tx,
      `update webhook_delivery set status = ?, attempt_count = ?, next_attempt_at = ?, last_status_code = ?, last_error = ? where id = ?`,
      [next ? 'PENDING' : 'FAILED', attempts, next, outcome.statusCode, outcome.error, claim.id],
    );
    const [endpoint] = await boundRows<{ status: string; failing_since: Date | null }>(
      tx,
      `update webhook_endpoint set failing_since = coalesce(failing_since, ?) where id = ? returning status, failing_since`,
      [args.attemptedAt, claim.endpointId],
    );
    let endpointDisabled = false;
    if (endpoint.status === 'ENABLED' && args.now.getTime() - new Date(endpoint.failing_since!).getTime() >= DISABLE_AFTER_MS) {
      endpointDisabled = await disableEndpoint(tx, claim.endpointId, args.now, 'FAILING');
    }
    return { status: next ? 'PENDING' : 'FAILED', endpointDisabled };
  });
}
