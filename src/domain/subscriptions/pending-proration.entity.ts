import { Entity, Index, ManyToOne, PrimaryKey, Property, Rel } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { DecimalType } from '../../db/decimal.type';
import type { Decimal } from '../../pricing/decimal';
import { Price } from '../catalog/price.entity';
import { Customer } from '../customers/customer.entity';
import { Subscription } from './subscription.entity';

/**
 * A proration line waiting for the subscription's next invoice (CREATE_PRORATIONS): a credit for
 * the unused part of an old item (negative) or a charge for the rest of the period of a new one.
 */
@Entity({ tableName: 'pending_proration' })
@Index({ properties: ['subscription'] })
@Index({ properties: ['customer'] })
export class PendingProration {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Subscription, { fieldName: 'subscription_id', deleteRule: 'cascade' })
  subscription!: Rel<Subscription>;

  @ManyToOne(() => Customer, { fieldName: 'customer_id' })
  customer!: Rel<Customer>;

  @ManyToOne(() => Price, { fieldName: 'price_id' })
  price!: Rel<Price>;

  @Property({ type: 'text' })
  priceCode!: string;

  @Property({ type: 'text' })
  description!: string;

  @Property({ type: DecimalType })
  quantity!: Decimal;

  /** Rounded once to the currency's minor unit; negative for credits. */
  @Property({ type: DecimalType })
  amount!: Decimal;

  @Property({ type: 'timestamptz' })
  periodStart!: Date;

  @Property({ type: 'timestamptz' })
  periodEnd!: Date;

  @Property({ type: 'jsonb' })
  steps!: string[];

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}
