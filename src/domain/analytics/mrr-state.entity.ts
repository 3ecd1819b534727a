import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { DecimalType } from '../../db/decimal.type';
import type { Decimal } from '../../pricing/decimal';

/** An item as the revenue projection keeps it: the price version sold and the quantity. */
export interface MrrItem {
  priceCode: string;
  priceVersion: number;
  quantity: string;
}

/** A delivery schedule as the projection keeps it (issue 17): how often, and the goods with their versions. */
export interface MrrDelivery {
  every: number;
  unit: 'DAY' | 'WEEK' | 'MONTH';
  items: (MrrItem & { sku: string })[];
}

/**
 * The revenue projection's own view of each subscription, as of the last event it applied: what
 * a contract's arrival re-prices, and what the next movement is measured from. Rebuilt with the
 * ledger from the outbox (revenue-projection.ts), never written by anything else.
 */
@Entity({ tableName: 'mrr_subscription_state' })
export class MrrSubscriptionState {
  @PrimaryKey({ type: 'uuid' })
  subscriptionId!: string;

  @Property({ type: 'uuid', index: true })
  customerId!: string;

  @Property({ type: 'string', length: 3 })
  currency!: string;

  @Property({ type: 'text' })
  status!: string;

  @Property({ type: 'text' })
  interval!: string;

  @Property({ type: 'integer' })
  intervalCount!: number;

  @Property({ type: 'jsonb' })
  items!: MrrItem[];

  /** The subscription's monthly share, exact to the ledger's scale (mrr-figures.ts), rounded only within a figure. */
  @Property({ type: DecimalType })
  mrr!: Decimal;

  @Property({ type: 'jsonb', nullable: true })
  delivery?: MrrDelivery | null;

  /** The goods' part of `mrr`, exact as `mrr` is: what the next movement of goods is measured from. */
  @Property({ type: DecimalType, default: '0' })
  goodsMrr!: Decimal;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;
}
