import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Coupon } from '../../domain/coupons/coupon.entity';
import type { Quote } from '../../domain/quotes/quote.entity';
import { formatMoney } from '../../pricing/currency';
import type { Context } from '../context';
import { QuoteType } from '../quotes/quote.types';
import { CouponType, QuoteDiscountType } from './coupon.types';

/** A quote's coupon: chosen while DRAFT, priced and redeemed when sent (README, Coupons). */
@Resolver(() => QuoteType)
export class QuoteCouponResolver {
  @FieldResolver(() => CouponType, { nullable: true })
  coupon(@Root() quote: Quote, @Ctx() ctx: Context): Promise<Coupon | null> | null {
    return quote.coupon ? ctx.loaders.coupon.load(quote.coupon.id) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The promotion code the coupon was chosen with' })
  async promotionCode(@Root() quote: Quote, @Ctx() ctx: Context): Promise<string | null> {
    if (!quote.promotionCode) return null;
    if (!quote.promotionCode.code) await ctx.em.populate(quote, ['promotionCode']);
    return quote.promotionCode.code;
  }

  @FieldResolver(() => QuoteDiscountType, { nullable: true, description: "An amount-off coupon's line, frozen when sent" })
  async discount(@Root() quote: Quote, @Ctx() ctx: Context): Promise<QuoteDiscountType | null> {
    if (quote.discountAmount === null || !quote.coupon) return null;
    const coupon = (await ctx.loaders.coupon.load(quote.coupon.id))!;
    return {
      couponCode: coupon.code,
      amount: formatMoney(quote.discountAmount, quote.currency),
      tax: formatMoney(quote.discountTax!, quote.currency),
      steps: quote.discountSteps ?? [],
    };
  }
}
