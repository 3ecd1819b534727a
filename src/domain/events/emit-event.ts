import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import { ConflictError } from '../errors';
import { withDeliveryFacts } from './delivery-facts';
import type { DomainEventInput } from './event-types';
import { runProjectors, wiredProjectors } from './projectors';

export type { AggregateType, DomainEventInput } from './event-types';

/** A lost race on an aggregate's next sequence number clears up on the next statement: a few tries suffice. */
const MAX_TRIES = 5;

/**
 * Writes one event inside the caller's transaction, numbered after the aggregate's last one, and
 * runs the projectors wired at the entry point (projectors.ts) over it in that transaction.
 * The caller should hold the aggregate's row lock (or have created it in this transaction); when
 * it does not, a concurrent writer that takes the same number first makes the insert do nothing
 * (ON CONFLICT waits for that writer to commit), and the next try reads its number and goes on.
 */
export async function emitEvent(em: EntityManager, event: DomainEventInput): Promise<void> {
  // Before writing: an unwired entry point must not commit events its projections never saw.
  wiredProjectors();
  await withDeliveryFacts(em, [event]);
  for (let tries = 1; ; tries++) {
    if ((await insertEvents(em, [event])) === 1) return runProjectors(em, [event]);
    if (tries >= MAX_TRIES) throw lostRace(event.aggregateId);
  }
}

/**
 * Many events in one statement (the billing run's batch path). The caller must hold the row lock
 * of every aggregate named, or have created it in this transaction: a statement cannot retry
 * some of its rows, so a lost race fails it as CONFLICT and the caller's transaction rolls back.
 * An aggregate's events are numbered in the order given.
 */
export async function emitEvents(em: EntityManager, events: readonly DomainEventInput[]): Promise<void> {
  wiredProjectors();
  if (events.length === 0) return;
  if (events.length === 1) return emitEvent(em, events[0]);
  await withDeliveryFacts(em, events);
  if ((await insertEvents(em, events)) !== events.length) throw lostRace(events.map((e) => e.aggregateId).join(', '));
  await runProjectors(em, events);
}

/**
 * How many of the events were written. A row is left out when another transaction took its
 * sequence number first (the unique key), or when the aggregate's last event came from a
 * transaction with a higher id than this one: `events` lists by transaction id first
 * (event.service.ts), so writing after it would show the aggregate's events out of order.
 * The writing transaction's id is taken before `position`'s sequence value (the materialized
 * `tx` row is read before the insert projects its defaults): a transaction holding a position
 * always has an id that a reader's snapshot counts as running.
 */
async function insertEvents(em: EntityManager, events: readonly DomainEventInput[]): Promise<number> {
  if (!em.isInTransaction()) throw new Error('domain events are written in the transaction of their change');
  const rows = events.map((e, ord) => ({
    ord,
    aggregate_type: e.aggregateType,
    aggregate_id: e.aggregateId,
    type: e.type,
    customer_id: e.customerId,
    payload: e.payload,
    occurred_at: e.at.toISOString(),
    new_aggregate: e.newAggregate === true,
  }));
  const inserted = await boundRows<{ aggregate_seq: number }>(
    em,
    `with tx as materialized (select pg_current_xact_id() as id),
          ev as (
            select e.*, coalesce(last.aggregate_seq, 0) + row_number() over (partition by e.aggregate_id order by e.ord) as seq, last.tx_id as last_tx
              from jsonb_to_recordset(?::jsonb) as e(ord int, aggregate_type text, aggregate_id uuid, type text, customer_id uuid, payload jsonb, occurred_at timestamptz, new_aggregate boolean)
              left join lateral (
                select d.aggregate_seq, d.tx_id from domain_event d where not e.new_aggregate and d.aggregate_id = e.aggregate_id order by d.aggregate_seq desc limit 1
              ) last on true
          )
     insert into domain_event (id, tx_id, aggregate_type, aggregate_id, aggregate_seq, type, customer_id, payload, occurred_at)
     select gen_random_uuid(), tx.id, ev.aggregate_type, ev.aggregate_id, ev.seq, ev.type, ev.customer_id, ev.payload, ev.occurred_at
       from ev cross join tx
      where ev.last_tx is null or ev.last_tx <= tx.id
      order by ev.ord
     on conflict (aggregate_id, aggregate_seq) do nothing
     returning aggregate_seq`,
    [JSON.stringify(rows)],
  );
  return inserted.length;
}

function lostRace(aggregateIds: string): ConflictError {
  return new ConflictError(`${aggregateIds} changed concurrently; retry`);
}
