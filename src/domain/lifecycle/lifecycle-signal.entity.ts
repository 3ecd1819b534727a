import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/**
 * One lifecycle signal emitted (README, Segments and lifecycle signals): the row is written in
 * the transaction that writes its event, and its key, (type, subject, reference instant), is
 * unique, so a signal instance is emitted exactly once however often or concurrently the jobs
 * run. The reference instant names the instance: the trial end, the renewal, the end of the usage
 * period, the card's expiry, the quote's validUntil. A new one (another year, another period, a
 * changed expiry) is another signal.
 */
@Entity({ tableName: 'lifecycle_signal' })
@Unique({ properties: ['type', 'subjectId', 'referenceAt'] })
@Index({ properties: ['customerId'] })
export class LifecycleSignal {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The event type it emitted: `subscription.trial_ending`, `usage.threshold_crossed`, … */
  @Property({ type: 'text' })
  type!: string;

  /** The subscription, usage threshold, payment method or quote it is about. */
  @Property({ type: 'uuid' })
  subjectId!: string;

  @Property({ type: 'timestamptz' })
  referenceAt!: Date;

  @Property({ type: 'uuid', nullable: true })
  customerId: string | null = null;

  /** Its own instant, which dates the event (occurredAt). */
  @Property({ type: 'timestamptz' })
  dueAt!: Date;

  /** When the job that emitted it ran (its clock): later than dueAt when runs are far apart. */
  @Property({ type: 'timestamptz' })
  emittedAt!: Date;
}
