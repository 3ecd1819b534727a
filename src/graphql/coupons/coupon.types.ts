import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CouponDuration } from '../../domain/coupons/coupon.entity';
import type { Decimal } from '../../pricing/decimal';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { CurrencyScalar } from '../scalars/standard';
import { Connection } from '../shared/connection';

registerEnumType(CouponDuration, {
  name: 'CouponDuration',
  description:
    'ONCE: the first invoice after it is applied; REPEATING: invoices whose period starts within durationInMonths of applying it; FOREVER',
});

/** The amounts and the relations are resolved in coupon.resolver.ts. */
@ObjectType('Coupon', { description: 'A discount: percent off every line it applies to, or an amount off the invoice (README, Coupons)' })
export class CouponType {
  @Field(() => ID)
  id!: string;

  @Field()
  code!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Percent, e.g. "20"' })
  percentOff!: Decimal | null;

  @Field(() => CurrencyScalar, { nullable: true, description: 'The currency of amountOff' })
  currency!: string | null;

  @Field(() => CouponDuration)
  duration!: CouponDuration;

  @Field(() => Int, { nullable: true, description: 'REPEATING only' })
  durationInMonths!: number | null;

  @Field(() => [String], { nullable: true, description: 'The prices it applies to; null: every price' })
  appliesToPriceCodes!: string[] | null;

  @Field(() => Int, { nullable: true })
  maxRedemptions!: number | null;

  @Field(() => Int)
  timesRedeemed!: number;

  @Field(() => Date, { nullable: true, description: 'After it, the coupon can no longer be redeemed' })
  redeemBy!: Date | null;

  @Field()
  createdAt!: Date;
}

export const CouponConnection = Connection('Coupon', CouponType);

@ObjectType('PromotionCode', { description: 'A customer-facing code for a coupon, with limits of its own (case-insensitive)' })
export class PromotionCodeType {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Upper-cased' })
  code!: string;

  @Field(() => Int, { nullable: true })
  maxRedemptions!: number | null;

  @Field(() => Int)
  timesRedeemed!: number;

  @Field(() => Date, { nullable: true })
  expiresAt!: Date | null;

  @Field()
  createdAt!: Date;
}

@ObjectType('Discount', { description: 'A redeemed coupon: what it discounts, from when, until when' })
export class DiscountType {
  @Field(() => ID)
  id!: string;

  @Field(() => Date, { nullable: true, description: 'From when invoices are discounted; null while a sent quote holds it' })
  startsAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was removed or replaced' })
  endedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'ONCE: the instant of the invoice that used it up' })
  consumedAt!: Date | null;

  @Field()
  createdAt!: Date;
}

@ObjectType('QuoteDiscount', { description: "An amount-off coupon's line on a sent quote (percent off shows in the lines' steps)" })
export class QuoteDiscountType {
  @Field()
  couponCode!: string;

  @Field(() => DecimalScalar, { description: 'Negative' })
  amount!: string;

  @Field(() => DecimalScalar)
  tax!: string;

  @Field(() => [String])
  steps!: string[];
}

@InputType('CreateCouponInput')
export class CreateCouponInput {
  @Field()
  code!: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Greater than 0, at most 100; or amountOff' })
  percentOff?: Decimal | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'With its currency, at most its minor unit; or percentOff' })
  amountOff?: Decimal | null;

  @Field(() => CurrencyScalar, { nullable: true })
  currency?: string | null;

  @Field(() => CouponDuration)
  duration!: CouponDuration;

  @Field(() => Int, { nullable: true, description: 'REPEATING: 1 to 1200' })
  durationInMonths?: number | null;

  @Field(() => [String], { nullable: true, description: 'Default: every price' })
  appliesToPriceCodes?: string[] | null;

  @Field(() => Int, { nullable: true })
  maxRedemptions?: number | null;

  @Field(() => Date, { nullable: true })
  redeemBy?: Date | null;
}

@InputType('CreatePromotionCodeInput')
export class CreatePromotionCodeInput {
  @Field({ description: 'Stored upper-cased' })
  code!: string;

  @Field()
  couponCode!: string;

  @Field(() => Int, { nullable: true })
  maxRedemptions?: number | null;

  @Field(() => Date, { nullable: true })
  expiresAt?: Date | null;

  @Field(() => ID, { nullable: true, description: 'Only this customer may redeem it' })
  customerId?: string | null;
}

@InputType('ApplyCouponInput', { description: 'subscriptionId or customerId; couponCode or promotionCode' })
export class ApplyCouponInput {
  @Field(() => ID, { nullable: true, description: "The subscription's own discount" })
  subscriptionId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The customer’s discount, for all its subscriptions (a subscription’s own one takes precedence)',
  })
  customerId?: string | null;

  @Field(() => String, { nullable: true })
  couponCode?: string | null;

  @Field(() => String, { nullable: true })
  promotionCode?: string | null;
}
