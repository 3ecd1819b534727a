import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { DecimalType } from '../../db/decimal.type';
import type { Decimal } from '../../pricing/decimal';

/** An item as the revenue projection keeps it: the price version sold and the quantity. */
export interface MrrItem {
  priceCode: string;
  priceVersion: number;
  quantity: string;
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

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;
}
