import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, Opt, PrimaryKey, Property, Rel } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { BillingInterval } from '../catalog/price.entity';
import { Customer } from '../customers/customer.entity';
import { Location } from '../customers/location.entity';
import { SubscriptionItem } from './subscription-item.entity';

/**
 * INCOMPLETE: created with a future start, waiting for it. TRIALING: in its free trial.
 * ACTIVE, PAST_DUE (a payment failed; set by dunning), PAUSED (no invoices), CANCELED (final).
 */
export enum SubscriptionStatus {
  INCOMPLETE = 'INCOMPLETE',
  TRIALING = 'TRIALING',
  ACTIVE = 'ACTIVE',
  PAST_DUE = 'PAST_DUE',
  PAUSED = 'PAUSED',
  CANCELED = 'CANCELED',
}

export enum CollectionMethod {
  CHARGE_AUTOMATICALLY = 'CHARGE_AUTOMATICALLY',
  SEND_INVOICE = 'SEND_INVOICE',
}

@Entity({ tableName: 'subscription' })
@Index({ properties: ['customer', 'createdAt', 'id'] })
@Index({ properties: ['createdAt', 'id'] })
@Index({ properties: ['status', 'currentPeriodEnd'] })
export class Subscription {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Customer, { fieldName: 'customer_id' })
  customer!: Rel<Customer>;

  /** Where it is used or delivered: one of its customer's locations; consolidated invoice lines name it. */
  @ManyToOne(() => Location, { fieldName: 'location_id', nullable: true })
  location: Rel<Location> | null = null;

  @Enum({ items: () => SubscriptionStatus, nativeEnumName: 'subscription_status' })
  status!: SubscriptionStatus;

  /**
   * Every change bumps it (under the row lock: `touch` in subscription-store.ts); a change that
   * names an `expectedVersion` other than this one is refused (CONTRACT.md).
   */
  @Property({ type: 'integer', default: 1 })
  version: number & Opt = 1;

  @Property({ type: 'string', length: 3 })
  currency!: string;

  /** All items bill on one cycle: this one. */
  @Enum({ items: () => BillingInterval, nativeEnumName: 'billing_interval' })
  interval!: BillingInterval;

  @Property({ type: 'integer' })
  intervalCount!: number;

  @Enum({ items: () => CollectionMethod, nativeEnumName: 'collection_method' })
  collectionMethod!: CollectionMethod;

  /** Periods run from the anchor by whole intervals, clamped to month ends (PRICING.md). */
  @Property({ type: 'timestamptz' })
  billingAnchor!: Date;

  @Property({ type: 'timestamptz' })
  startsAt!: Date;

  @Property({ type: 'timestamptz' })
  currentPeriodStart!: Date;

  @Property({ type: 'timestamptz' })
  currentPeriodEnd!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  trialEnd: Date | null = null;

  @Property({ type: 'boolean' })
  cancelAtPeriodEnd: boolean & Opt = false;

  @Property({ type: 'timestamptz', nullable: true })
  pausedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  canceledAt: Date | null = null;

  /** The buyer's purchase order this subscription is bought under; its invoices carry it (purchase-order.ts). */
  @Property({ type: 'text', nullable: true })
  purchaseOrderNumber: string | null = null;

  @OneToMany(() => SubscriptionItem, (x) => x.subscription, { orphanRemoval: true, orderBy: { priceCode: 'asc' } })
  items = new Collection<SubscriptionItem>(this);

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;
}
