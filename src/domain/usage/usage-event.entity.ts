import { Entity, Index, Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { DecimalType } from '../../db/decimal.type';
import type { Decimal } from '../../pricing/decimal';

/**
 * One metered event as the customer's system sent it. Unique per (customer, event id), so a
 * resent event counts once; written with plain multi-row inserts (recordUsage), never one by one.
 * customer_id is a plain column, not a foreign key: the hot insert path checks customers itself.
 */
@Entity({ tableName: 'usage_event' })
@Unique({ properties: ['customerId', 'eventId'] })
@Index({ properties: ['customerId', 'metric', 'timestamp'] })
@Index({
  name: 'usage_event_late_pending_index',
  expression: 'create index "usage_event_late_pending_index" on "usage_event" ("customer_id", "metric") where "late_pending"',
})
export class UsageEvent {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  customerId!: string;

  /** The sender's id for the event. */
  @Property({ type: 'text' })
  eventId!: string;

  @Property({ type: 'text' })
  metric!: string;

  @Property({ type: DecimalType })
  value!: Decimal;

  /** When the usage happened: it decides the billing period, whenever it arrives. */
  @Property({ type: 'timestamptz' })
  timestamp!: Date;

  /** What `unique_count` counts. */
  @Property({ type: 'text', nullable: true })
  uniqueKey: string | null = null;

  @Property({ type: 'timestamptz' })
  receivedAt!: Date;

  /**
   * Arrived after its period was invoiced (usage-watermark.entity.ts): the next invoice of the
   * subscription that meters it carries an adjustment line for that period, then clears this.
   */
  @Property({ type: 'boolean', default: false })
  latePending: boolean & Opt = false;
}
