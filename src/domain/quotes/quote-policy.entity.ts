import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { DecimalType } from '../../db/decimal.type';
import type { Decimal } from '../../pricing/decimal';

/**
 * The seller's one quote policy (id 'default', as the seller's settings): how far a quote may go
 * before a manager approves it. A null limit is no limit; no row at all is no policy.
 */
@Entity({ tableName: 'quote_policy' })
export class QuotePolicy {
  @PrimaryKey({ type: 'text' })
  id: string = 'default';

  /** The largest discount a line may have against its list price, in percent (10 = 10 %). */
  @Property({ type: DecimalType, nullable: true })
  maxDiscountPercent: Decimal | null = null;

  /** The largest total (tax included, as `Quote.total`) a quote may have, in the quote's currency. */
  @Property({ type: DecimalType, nullable: true })
  maxTotal: Decimal | null = null;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;

  @Property({ type: 'text', nullable: true })
  updatedByKeyId: string | null = null;
}
