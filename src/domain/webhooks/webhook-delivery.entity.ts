import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, Opt, PrimaryKey, Property, Rel, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { DomainEvent } from '../events/domain-event.entity';
import { WebhookAttempt } from './webhook-attempt.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';

export enum WebhookDeliveryStatus {
  /** Waiting for its next attempt (or behind an earlier event of its aggregate). */
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  /** Given up: every attempt failed for 3 days. */
  FAILED = 'FAILED',
}

/**
 * One event for one endpoint. Unique per (endpoint, event), so fanning an event out twice makes
 * one delivery. The event's aggregate and sequence are copied here: the claim query keeps an
 * aggregate's deliveries in order without reading the outbox for each.
 */
@Entity({ tableName: 'webhook_delivery' })
@Unique({ properties: ['endpoint', 'event'] })
@Index({ properties: ['endpoint', 'createdAt', 'id'] })
@Index({ properties: ['endpoint', 'aggregateId', 'aggregateSeq'] })
@Index({
  name: 'webhook_delivery_due_index',
  expression: `create index "webhook_delivery_due_index" on "webhook_delivery" ("next_attempt_at") where "status" = 'PENDING'`,
})
export class WebhookDelivery {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => WebhookEndpoint, { fieldName: 'endpoint_id' })
  endpoint!: Rel<WebhookEndpoint>;

  @ManyToOne(() => DomainEvent, { fieldName: 'event_id' })
  event!: Rel<DomainEvent>;

  @Property({ type: 'text' })
  eventType!: string;

  @Property({ type: 'uuid' })
  aggregateId!: string;

  @Property({ type: 'integer' })
  aggregateSeq!: number;

  @Enum({ items: () => WebhookDeliveryStatus, nativeEnumName: 'webhook_delivery_status' })
  status!: WebhookDeliveryStatus;

  @Property({ type: 'integer', default: 0 })
  attemptCount: number & Opt = 0;

  /** When it may be tried next; pushed ahead while a worker has it in flight (the lease). Null once done. */
  @Property({ type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null = null;

  @Property({ type: 'integer', nullable: true })
  lastStatusCode: number | null = null;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  /** The fan-out: retries stop 3 days after it. */
  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null = null;

  @OneToMany(() => WebhookAttempt, (a) => a.delivery, { orderBy: { attemptedAt: 'asc', id: 'asc' } })
  attempts = new Collection<WebhookAttempt>(this);
}
