import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Rel } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Customer } from '../customers/customer.entity';
import { Subscription } from './subscription.entity';

export enum ScheduledChangeStatus {
  PENDING = 'PENDING',
  APPLIED = 'APPLIED',
  CANCELED = 'CANCELED',
}

/** A change that takes effect at a later instant, usually the period end (the common downgrade). */
@Entity({ tableName: 'scheduled_change' })
@Index({ properties: ['subscription', 'status'] })
@Index({ properties: ['status', 'effectiveAt'] })
@Index({ properties: ['customer'] })
export class ScheduledChange {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Subscription, { fieldName: 'subscription_id', deleteRule: 'cascade' })
  subscription!: Rel<Subscription>;

  @ManyToOne(() => Customer, { fieldName: 'customer_id' })
  customer!: Rel<Customer>;

  /** The whole item list to switch to: [{ priceCode, priceId, quantity }]. */
  @Property({ type: 'jsonb' })
  items!: { priceCode: string; priceId: string; quantity: string }[];

  @Property({ type: 'timestamptz' })
  effectiveAt!: Date;

  @Enum({ items: () => ScheduledChangeStatus, nativeEnumName: 'scheduled_change_status' })
  status!: ScheduledChangeStatus;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null = null;
}
