import { Entity, Index, ManyToOne, PrimaryKey, Property, Rel } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { WebhookDelivery } from './webhook-delivery.entity';

/** One POST of a delivery and how it ended: the receiver's status code, or why there was none. */
@Entity({ tableName: 'webhook_attempt' })
@Index({ properties: ['delivery', 'attemptedAt'] })
export class WebhookAttempt {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => WebhookDelivery, { fieldName: 'delivery_id', deleteRule: 'cascade' })
  delivery!: Rel<WebhookDelivery>;

  /** When the POST started. */
  @Property({ type: 'timestamptz' })
  attemptedAt!: Date;

  @Property({ type: 'integer', nullable: true })
  statusCode: number | null = null;

  /** Why it failed: `HTTP 500`, a connection error, a timeout. Null on success. */
  @Property({ type: 'text', nullable: true })
  error: string | null = null;

  @Property({ type: 'integer' })
  durationMs!: number;
}
