import { ArrayType, Entity, Enum, Index, Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { DecimalType } from '../../db/decimal.type';
import type { Decimal } from '../../pricing/decimal';

/** How long a redeemed coupon keeps discounting (README, Coupons). */
export enum CouponDuration {
  /** The first invoice after it is applied. */
  ONCE = 'ONCE',
  /** Invoices whose period starts within `durationInMonths` of applying it. */
  REPEATING = 'REPEATING',
  FOREVER = 'FOREVER',
}

/**
 * A discount the seller offers: percent off, or an amount off in one currency. Never edited once
 * made (a sent quote and every redemption rely on its terms); `timesRedeemed` only counts, under
 * the row lock, the redemptions `maxRedemptions` limits.
 */
@Entity({ tableName: 'coupon' })
@Unique({ properties: ['code'] })
@Index({ properties: ['createdAt', 'id'] })
export class Coupon {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  code!: string;

  @Property({ type: 'text', nullable: true })
  name: string | null = null;

  @Property({ type: DecimalType, nullable: true })
  percentOff: Decimal | null = null;

  @Property({ type: DecimalType, nullable: true })
  amountOff: Decimal | null = null;

  /** The currency of `amountOff`; null for a percent-off coupon. */
  @Property({ type: 'string', length: 3, nullable: true })
  currency: string | null = null;

  @Enum({ items: () => CouponDuration, nativeEnumName: 'coupon_duration' })
  duration!: CouponDuration;

  @Property({ type: 'integer', nullable: true })
  durationInMonths: number | null = null;

  /** null: it applies to every price. */
  @Property({ type: ArrayType<string>, columnType: 'text[]', nullable: true })
  appliesToPriceCodes: string[] | null = null;

  @Property({ type: 'integer', nullable: true })
  maxRedemptions: number | null = null;

  @Property({ type: 'integer' })
  timesRedeemed: number & Opt = 0;

  /** After it, the coupon can no longer be redeemed; redemptions made before keep their course. */
  @Property({ type: 'timestamptz', nullable: true })
  redeemBy: Date | null = null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}
