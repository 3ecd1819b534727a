import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { CouponRedemption } from '../../domain/coupons/coupon-redemption.entity';
import { Coupon } from '../../domain/coupons/coupon.entity';
import type { PromotionCode } from '../../domain/coupons/promotion-code.entity';
import type { Customer } from '../../domain/customers/customer.entity';
import type { Subscription } from '../../domain/subscriptions/subscription.entity';
import { repeatingEnd } from '../../domain/coupons/coupon-effect';
import { formatMoney } from '../../pricing/currency';
import type { Context } from '../context';
import { CustomerType } from '../customers/customer.types';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { toConnection } from '../shared/connection';
import { SubscriptionType } from '../subscriptions/subscription.types';
import {
  ApplyCouponInput,
  CouponConnection,
  CouponType,
  CreateCouponInput,
  CreatePromotionCodeInput,
  DiscountType,
  PromotionCodeType,
} from './coupon.types';

@ArgsType()
class CouponsArgs {
  @Field(() => Int, { nullable: true })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;
}

@Resolver(() => CouponType)
export class CouponResolver {
  @Mutation(() => CouponType, { description: 'ADMIN' })
  createCoupon(@Arg('input', () => CreateCouponInput) input: CreateCouponInput, @Ctx() ctx: Context) {
    return ctx.services.coupons.create(input);
  }

  @Query(() => CouponType, { nullable: true })
  coupon(@Arg('code') code: string, @Ctx() ctx: Context) {
    return ctx.services.coupons.get(code);
  }

  @Query(() => CouponConnection, { description: 'Oldest first' })
  async coupons(@Args(() => CouponsArgs) args: CouponsArgs, @Ctx() ctx: Context) {
    return toConnection(await ctx.services.coupons.list(args));
  }

  @FieldResolver(() => DecimalScalar, { nullable: true, description: 'At the currency’s minor unit' })
  amountOff(@Root() coupon: Coupon): string | null {
    return coupon.amountOff === null ? null : formatMoney(coupon.amountOff, coupon.currency!);
  }
}

@Resolver(() => PromotionCodeType)
export class PromotionCodeResolver {
  @Mutation(() => PromotionCodeType, { description: 'ADMIN' })
  createPromotionCode(@Arg('input', () => CreatePromotionCodeInput) input: CreatePromotionCodeInput, @Ctx() ctx: Context) {
    return ctx.services.coupons.createPromotionCode(input);
  }

  @Query(() => PromotionCodeType, { nullable: true, description: 'In any case' })
  promotionCode(@Arg('code') code: string, @Ctx() ctx: Context) {
    return ctx.services.coupons.getPromotionCode(code);
  }

  @FieldResolver(() => CouponType)
  async coupon(@Root() promotion: PromotionCode, @Ctx() ctx: Context): Promise<Coupon> {
    return (await ctx.loaders.coupon.load(promotion.coupon.id))!;
  }

  @FieldResolver(() => CustomerType, { nullable: true, description: 'Set: only this customer may redeem it' })
  async customer(@Root() promotion: PromotionCode, @Ctx() ctx: Context): Promise<Customer | null> {
    return promotion.customer ? ctx.loaders.customer.load(promotion.customer.id) : null;
  }
}

@Resolver(() => DiscountType)
export class DiscountResolver {
  @Mutation(() => DiscountType, {
    description: 'Redeems a coupon for a subscription or a customer; it replaces the discount there was. From the next invoice on.',
  })
  applyCoupon(@Arg('input', () => ApplyCouponInput) input: ApplyCouponInput, @Ctx() ctx: Context) {
    return ctx.services.discounts.apply(input);
  }

  @Mutation(() => DiscountType, { description: 'Ends a discount now: invoices from now on are not discounted' })
  removeDiscount(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.discounts.remove(id);
  }

  @FieldResolver(() => CouponType)
  async coupon(@Root() discount: CouponRedemption, @Ctx() ctx: Context): Promise<Coupon> {
    return (await ctx.loaders.coupon.load(discount.coupon.id))!;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The promotion code it was redeemed with' })
  async promotionCode(@Root() discount: CouponRedemption, @Ctx() ctx: Context): Promise<string | null> {
    if (!discount.promotionCode) return null;
    if (!discount.promotionCode.code) await ctx.em.populate(discount, ['promotionCode']);
    return discount.promotionCode.code;
  }

  @FieldResolver(() => CustomerType)
  async customer(@Root() discount: CouponRedemption, @Ctx() ctx: Context): Promise<Customer> {
    return (await ctx.loaders.customer.load(discount.customer.id))!;
  }

  @FieldResolver(() => SubscriptionType, { nullable: true, description: "null: the customer's discount, for all its subscriptions" })
  subscription(@Root() discount: CouponRedemption, @Ctx() ctx: Context): Promise<Subscription | null> | null {
    return discount.subscription ? ctx.loaders.subscription.load(discount.subscription.id) : null;
  }

  @FieldResolver(() => Date, { nullable: true, description: 'REPEATING: when its months are over' })
  async endsAt(@Root() discount: CouponRedemption, @Ctx() ctx: Context): Promise<Date | null> {
    const coupon = (await ctx.loaders.coupon.load(discount.coupon.id))!;
    return discount.startsAt === null
      ? null
      : repeatingEnd({ duration: coupon.duration, startsAt: discount.startsAt, durationInMonths: coupon.durationInMonths });
  }
}

@Resolver(() => SubscriptionType)
export class SubscriptionDiscountResolver {
  @FieldResolver(() => DiscountType, {
    nullable: true,
    description: 'Its own discount, not ended (its customer’s may apply too: Customer.discount)',
  })
  discount(@Root() sub: Subscription, @Ctx() ctx: Context): Promise<CouponRedemption | null> {
    return ctx.services.discounts.ofSubscription(sub.id, sub.customer, ctx.loaders.discountsBySubscription);
  }
}

@Resolver(() => CustomerType)
export class CustomerDiscountResolver {
  @FieldResolver(() => DiscountType, { nullable: true, description: 'The discount for all its subscriptions, not ended' })
  discount(@Root() customer: Customer, @Ctx() ctx: Context): Promise<CouponRedemption | null> {
    return ctx.services.discounts.ofCustomer(customer, ctx.loaders.discountsByCustomer);
  }
}
