import { Entity, Index, ManyToOne, PrimaryKey, Property, Rel, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { DecimalType } from '../../db/decimal.type';
import type { Decimal } from '../../pricing/decimal';
import { Subscription } from '../subscriptions/subscription.entity';

/**
 * A level of a subscription's usage of one metric that marketing wants to hear of: once per
 * billing period, the first time the period's aggregated usage reaches it, `usage.threshold_crossed`.
 */
@Entity({ tableName: 'usage_threshold' })
@Unique({ properties: ['subscription', 'metric', 'threshold'] })
@Index({ properties: ['customerId'] })
export class UsageThreshold {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Subscription, { fieldName: 'subscription_id', deleteRule: 'cascade' })
  subscription!: Rel<Subscription>;

  /** The subscription's customer, kept here so that scoping needs no join. */
  @Property({ type: 'uuid' })
  customerId!: string;

  @Property({ type: 'text' })
  metric!: string;

  @Property({ type: DecimalType })
  threshold!: Decimal;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}
