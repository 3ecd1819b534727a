import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, Opt, PrimaryKey, Property, Rel, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { DecimalType } from '../../db/decimal.type';
import { ZERO, type Decimal } from '../../pricing/decimal';
import type { VatCategory } from '../customers/customer-tax';
import { Customer } from '../customers/customer.entity';
import { Location } from '../customers/location.entity';
import { Subscription } from '../subscriptions/subscription.entity';
import { OrderLine } from './order-line.entity';

/**
 * CONTRACT.md: SCHEDULED → PLACED → (BACKORDERED) → PARTIALLY_SHIPPED → SHIPPED → DELIVERED;
 * SCHEDULED → SKIPPED; PLACED → CANCELED while nothing shipped.
 */
export enum OrderStatus {
  SCHEDULED = 'SCHEDULED',
  PLACED = 'PLACED',
  BACKORDERED = 'BACKORDERED',
  PARTIALLY_SHIPPED = 'PARTIALLY_SHIPPED',
  SHIPPED = 'SHIPPED',
  DELIVERED = 'DELIVERED',
  SKIPPED = 'SKIPPED',
  CANCELED = 'CANCELED',
}

/** Why a due order was not placed: it stays SCHEDULED, out of the billing run's way, until someone acts. */
export enum OrderHoldReason {
  CREDIT_LIMIT = 'CREDIT_LIMIT',
}

/** One delivery of a subscription's goods (order-placement.ts places it when its date comes). */
@Entity({ tableName: 'customer_order' })
@Index({ properties: ['customer', 'createdAt', 'id'] })
@Index({ properties: ['createdAt', 'id'] })
@Index({ properties: ['status', 'scheduledFor'] })
// creditExposure (customers/credit-exposure.ts) reads a customer's placed orders still to ship.
@Index({
  name: 'customer_order_open_customer_index',
  expression: `create index "customer_order_open_customer_index" on "customer_order" ("customer_id") where "status" in ('PLACED', 'BACKORDERED', 'PARTIALLY_SHIPPED')`,
})
// Exactly once: a subscription's n-th delivery has one order, whatever replays or races.
@Unique({ properties: ['subscription', 'deliveryIndex'] })
export class Order {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** ORD-<year>-NNNNNN, taken from the gapless series when the order is scheduled (order-schedule.ts). */
  @Property({ type: 'text', unique: true })
  number!: string;

  @Enum({ items: () => OrderStatus, nativeEnumName: 'order_status' })
  status!: OrderStatus;

  @ManyToOne(() => Customer, { fieldName: 'customer_id' })
  customer!: Rel<Customer>;

  @ManyToOne(() => Subscription, { fieldName: 'subscription_id', nullable: true })
  subscription: Rel<Subscription> | null = null;

  /** Which delivery of the subscription's schedule this is (0 the first): its date before any reschedule. */
  @Property({ type: 'integer', nullable: true })
  deliveryIndex: number | null = null;

  @ManyToOne(() => Location, { fieldName: 'location_id' })
  location!: Rel<Location>;

  /** The delivery date: placed when it comes. */
  @Property({ type: 'timestamptz' })
  scheduledFor!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  placedAt: Date | null = null;

  /** When the carrier delivered it (markOrderDelivered). */
  @Property({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  holdReason: OrderHoldReason | null = null;

  @Property({ type: 'text', nullable: true })
  purchaseOrderNumber: string | null = null;

  @Property({ type: 'string', length: 3 })
  currency!: string;

  /** Until it is placed: what it would come to at today's prices and stock-free quantities. */
  @Property({ type: DecimalType })
  subtotal!: Decimal;

  @Property({ type: DecimalType })
  tax!: Decimal;

  @Property({ type: DecimalType })
  total!: Decimal;

  /**
   * What canceled quantities took off `total` (tax included), which stays what the order was placed
   * for: the order will bill `total − canceledTotal` in all (order-line-cancel.ts).
   */
  @Property({ type: DecimalType, default: 0 })
  canceledTotal: Decimal & Opt = ZERO;

  /** The VAT treatment the order was placed under (order-tax.ts), which its invoices' lines keep; null: placed before it was stored. */
  @Property({ type: 'text', nullable: true })
  taxCategory: VatCategory | null = null;

  @Property({ type: DecimalType, nullable: true })
  taxRate: Decimal | null = null;

  @OneToMany(() => OrderLine, (l) => l.order, { orderBy: { position: 'asc' } })
  lines = new Collection<OrderLine>(this);

  @Property({ type: 'integer', default: 1 })
  version: number & Opt = 1;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;
}
