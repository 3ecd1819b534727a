import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/**
 * The outbox: one row per state change of note, written in the transaction of the change, so
 * an event exists if and only if its change committed. A reader only sees events whose
 * transaction ended before every transaction still running began (`tx_id` against the
 * snapshot's xmin) and goes by (`tx_id`, `position`), so a cursor never skips an event that
 * commits late with a lower position (event.service.ts says why position alone is not enough).
 * `aggregateSeq` numbers an aggregate's events 1, 2, 3…
 */
@Entity({ tableName: 'domain_event' })
@Unique({ properties: ['aggregateId', 'aggregateSeq'] })
@Index({ properties: ['customerId', 'position'] })
// Readers take finished transactions in (tx_id, position) order: see the class comment.
@Index({ properties: ['txId', 'position'] })
export class DomainEvent {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /**
   * Assigned by the database (a sequence, so unique without an index of its own, which every
   * event write would pay for; readers go through (tx_id, position)); with `txId`, the cursor.
   */
  @Property({ type: 'bigint', autoincrement: true })
  position!: string;

  /** The writing transaction (`pg_current_xact_id()`), assigned by the database. */
  @Property({ columnType: 'xid8', defaultRaw: 'pg_current_xact_id()', hidden: true })
  txId!: string;

  /** `customer`, `contract`, `quote`, `subscription`, `invoice`, `payment`, `credit_note`, … */
  @Property({ type: 'text' })
  aggregateType!: string;

  @Property({ type: 'uuid' })
  aggregateId!: string;

  @Property({ type: 'integer' })
  aggregateSeq!: number;

  /** `<aggregate>.<verb>` in lower case: `invoice.finalized` (CONTRACT.md). */
  @Property({ type: 'text' })
  type!: string;

  /** The customer the event concerns, when there is one: CUSTOMER keys read their own only. */
  @Property({ type: 'uuid', nullable: true })
  customerId: string | null = null;

  @Property({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Property({ type: 'timestamptz' })
  occurredAt!: Date;
}

/** An event as plain SQL reads its columns (the events reader, the webhook worker). */
export interface DomainEventRow {
  type: string;
  aggregate_type: string;
  aggregate_id: string;
  aggregate_seq: number;
  customer_id: string | null;
  occurred_at: Date;
  payload: Record<string, unknown>;
}
