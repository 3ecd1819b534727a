import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import { projectRevenue } from '../analytics/revenue-projection';
import { ConflictError } from '../errors';

/** The aggregates that emit events; `type` is always `<aggregateType>.<verb>` (CONTRACT.md, Webhooks). */
export type AggregateType = 'customer' | 'contract' | 'quote' | 'subscription' | 'invoice' | 'credit_note' | 'payment' | 'payment_method' | 'webhook_endpoint'
  // A usage threshold's crossings (lifecycle signals): the aggregate is the threshold.
  | 'usage'
  // A coupon's creation and redemptions (README, Coupons).
  | 'coupon';

/** One state change of note, as the change's transaction records it (payloads: event-payloads.ts). */
export interface DomainEventInput {
  aggregateType: AggregateType;
  aggregateId: string;
  type: `${AggregateType}.${string}`;
  /** The customer the change concerns: what a CUSTOMER key may read. */
  customerId: string | null;
  payload: Record<string, unknown>;
  /** When it happened, on the clock the change ran on (a test clock's, for its customers). */
  at: Date;
  /** Created in this transaction, so it has no earlier events to look up (the batch path's invoices). */
  newAggregate?: boolean;
}

/** A lost race on an aggregate's next sequence number clears up on the next statement: a few tries suffice. */
const MAX_TRIES = 5;

/**
 * Writes one event inside the caller's transaction, numbered after the aggregate's last one, and
 * applies it to the projections kept in step with the outbox (the revenue ledger).
 * The caller should hold the aggregate's row lock (or have created it in this transaction); when
 * it does not, a concurrent writer that takes the same number first makes the insert do nothing
 * (ON CONFLICT waits for that writer to commit), and the next try reads its number and goes on.
 */
export async function emitEvent(em: EntityManager, event: DomainEventInput): Promise<void> {
  for (let tries = 1; ; tries++) {
    if ((await insertEvents(em, [event])) === 1) return projectRevenue(em, [event]);
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
  if (events.length === 0) return;
  if (events.length === 1) return emitEvent(em, events[0]);
  if ((await insertEvents(em, events)) !== events.length) throw lostRace(events.map((e) => e.aggregateId).join(', '));
  await projectRevenue(em, events);
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
