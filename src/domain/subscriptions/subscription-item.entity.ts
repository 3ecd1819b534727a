import { Entity, Index, ManyToOne, PrimaryKey, Property, Rel, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { DecimalType } from '../../db/decimal.type';
import type { Decimal } from '../../pricing/decimal';
import { Price } from '../catalog/price.entity';
import { Customer } from '../customers/customer.entity';
import { Subscription } from './subscription.entity';

/** A price and a quantity on a subscription, at the price version it was sold with. */
@Entity({ tableName: 'subscription_item' })
@Unique({ properties: ['subscription', 'priceCode'] })
@Index({ properties: ['customer'] })
@Index({ properties: ['price'] })
export class SubscriptionItem {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Subscription, { fieldName: 'subscription_id', deleteRule: 'cascade' })
  subscription!: Rel<Subscription>;

  @ManyToOne(() => Customer, { fieldName: 'customer_id' })
  customer!: Rel<Customer>;

  /** The exact version: catalog changes never reach a subscription silently. */
  @ManyToOne(() => Price, { fieldName: 'price_id' })
  price!: Rel<Price>;

  @Property({ type: 'text' })
  priceCode!: string;

  @Property({ type: DecimalType })
  quantity!: Decimal;
}
