import { Entity, Index, ManyToOne, PrimaryKey, Property, Rel } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Customer } from '../customers/customer.entity';
import { Subscription } from './subscription.entity';

/** The history of a subscription: one row per change, with who made it and the items after it. */
@Entity({ tableName: 'subscription_event' })
@Index({ properties: ['subscription', 'at'] })
@Index({ properties: ['customer'] })
export class SubscriptionEvent {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Subscription, { fieldName: 'subscription_id', deleteRule: 'cascade' })
  subscription!: Rel<Subscription>;

  @ManyToOne(() => Customer, { fieldName: 'customer_id' })
  customer!: Rel<Customer>;

  /** created, changed, paused, resumed, canceled, cancel_scheduled, ... */
  @Property({ type: 'text' })
  type!: string;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'timestamptz' })
  at!: Date;

  /** The API key's name, or the job that acted. */
  @Property({ type: 'text' })
  actor!: string;

  @Property({ type: 'jsonb' })
  data!: Record<string, unknown>;
}
