import { Entity, ManyToOne, PrimaryKey, Property, Rel, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { DecimalType } from '../../db/decimal.type';
import type { Decimal } from '../../pricing/decimal';
import { Price } from '../catalog/price.entity';
import { Subscription } from '../subscriptions/subscription.entity';

/**
 * A PHYSICAL item of a subscription: what each of its orders carries. Apart from
 * subscription_item, whose rows the period invoices bill, so goods are never billed per period.
 */
@Entity({ tableName: 'delivery_item' })
@Unique({ properties: ['subscription', 'priceCode'] })
export class DeliveryItem {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Subscription, { fieldName: 'subscription_id', deleteRule: 'cascade' })
  subscription!: Rel<Subscription>;

  /** The exact version it was sold at, as a subscription item's. */
  @ManyToOne(() => Price, { fieldName: 'price_id' })
  price!: Rel<Price>;

  @Property({ type: 'text' })
  priceCode!: string;

  @Property({ type: 'text' })
  sku!: string;

  @Property({ type: DecimalType })
  quantity!: Decimal;
}
