import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import { matchesEventType } from './event-types';

interface EndpointRow {
  id: string;
  event_types: string[];
  cursor_tx_id: string;
  cursor_position: string;
}

interface OutboxRow {
  id: string;
  tx_id: string;
  position: string;
  type: string;
  aggregate_id: string;
  aggregate_seq: number;
}

/**
 * Which outbox events an endpoint has not been handed yet, in the order it takes them.
 *
 * Positions come from a sequence when a row is inserted, but transactions commit in any order:
 * one can insert position 10, another 11 and commit first. A cursor on position alone, read
 * while 10 is still uncommitted (invisible), would move past it for good. So only events whose
 * writing transaction is older than every transaction still running are read
 * (`tx_id < pg_snapshot_xmin(pg_current_snapshot())`, the rule of the outbox's own reader): those
 * are final, committed or rolled back. And the cursor orders by that transaction id first,
 * position second: a transaction can take its id before another and insert its event after it
 * (its first write was elsewhere), so the xmin rule alone still lets a late commit land behind a
 * position cursor, but never behind a (tx_id, position) one, since every transaction that can
 * still commit has an id at or above the horizon.
 */
export const UNSEEN = `(e.tx_id, e.position) > (?::xid8, ?::bigint) and e.tx_id < pg_snapshot_xmin(pg_current_snapshot())`;

/**
 * Turns new outbox events into PENDING deliveries for every enabled endpoint whose event types
 * match, and moves each endpoint's cursor past what it read (matching or not). One transaction
 * per endpoint and batch, holding the endpoint row: a second worker skips an endpoint being
 * fanned out, and the unique (endpoint, event) key would refuse a duplicate anyway.
 * Returns how many deliveries were created.
 */
export async function fanOutEvents(fork: () => EntityManager, now: Date, batchSize: number): Promise<number> {
  const endpoints = await boundRows<{ id: string }>(fork(), `select id from webhook_endpoint where status = 'ENABLED' order by id`);
  let created = 0;
  for (const { id } of endpoints) {
    for (;;) {
      const batch = await fork().transactional((em) => fanOutBatch(em, id, now, batchSize));
      created += batch.created;
      if (!batch.more) break;
    }
  }
  return created;
}

async function fanOutBatch(
  em: EntityManager,
  endpointId: string,
  now: Date,
  batchSize: number,
): Promise<{ created: number; more: boolean }> {
  const [endpoint] = await boundRows<EndpointRow>(
    em,
    `select id, event_types, cursor_tx_id::text as cursor_tx_id, cursor_position::text as cursor_position
       from webhook_endpoint where id = ? and status = 'ENABLED' for update skip locked`,
    [endpointId],
  );
  if (!endpoint) return { created: 0, more: false };
  const events = await boundRows<OutboxRow>(
    em,
    `select e.id, e.tx_id::text as tx_id, e.position::text as position, e.type, e.aggregate_id, e.aggregate_seq
       from domain_event e where ${UNSEEN}
      order by e.tx_id, e.position limit ?`,
    [endpoint.cursor_tx_id, endpoint.cursor_position, batchSize],
  );
  if (events.length === 0) return { created: 0, more: false };
  const matching = events.filter((e) => matchesEventType(endpoint.event_types, e.type));
  let created = 0;
  if (matching.length > 0) {
    const rows = matching.map((e) => ({
      event_id: e.id,
      event_type: e.type,
      aggregate_id: e.aggregate_id,
      aggregate_seq: e.aggregate_seq,
    }));
    const inserted = await boundRows(
      em,
      `insert into webhook_delivery (id, endpoint_id, event_id, event_type, aggregate_id, aggregate_seq, status, attempt_count, next_attempt_at, created_at)
       select gen_random_uuid(), ?::uuid, r.event_id, r.event_type, r.aggregate_id, r.aggregate_seq, 'PENDING', 0, ?::timestamptz, ?::timestamptz
         from jsonb_to_recordset(?::jsonb) as r(event_id uuid, event_type text, aggregate_id uuid, aggregate_seq int)
       on conflict (endpoint_id, event_id) do nothing
       returning id`,
      [endpointId, now, now, JSON.stringify(rows)],
    );
    created = inserted.length;
  }
  const last = events[events.length - 1];
  await boundRows(em, `update webhook_endpoint set cursor_tx_id = ?::xid8, cursor_position = ? where id = ?`, [
    last.tx_id,
    last.position,
    endpointId,
  ]);
  return { created, more: events.length === batchSize };
}

/**
 * A delivery waits while an earlier event of its aggregate is still ahead of its endpoint's
 * cursor (delivery-queue.ts). The outbox's writer numbers an aggregate's events in transaction
 * order (emit-event.ts), so the fan-out meets them in sequence; this holds for rows written any
 * other way too (an import, a hand-made fix).
 */
export const EARLIER_EVENT_NOT_FANNED_OUT = `exists (select 1 from domain_event e
  where e.aggregate_id = d.aggregate_id and e.aggregate_seq < d.aggregate_seq
    and (e.tx_id, e.position) > (ep.cursor_tx_id, ep.cursor_position))`;
