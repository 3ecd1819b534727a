import { CouponDuration } from '../../domain/coupons/coupon.entity';
import { repeatingEnd } from '../../domain/coupons/coupon-effect';
import { ImportRejection } from '../import-rejection';
import { stableId } from './stable-id';
import { StripeCoupon, StripeCustomer, StripeDiscount, StripeSubscription, toDate } from '../stripe/stripe-objects';

/** The one discount of a Stripe customer or subscription, as the dump states it. */
export interface MappedDiscount {
  id: string;
  couponStripeId: string;
  /** Stripe's `start`: a repeating discount ends `duration_in_months` after it, in Stripe and in Tariff. */
  startsAt: Date;
  /** Stripe's `end` (repeating only): checked against the start and the coupon's months. */
  endsAt: Date | null;
}

/** What the discount is checked against: the imported coupon, and the customer's currency. */
export interface CouponForDiscount {
  id: string;
  code: string;
  currency: string | null;
  duration: CouponDuration;
  durationInMonths: number | null;
}

/** A discount ready to write: its redemption row, for the customer or for one subscription. */
export interface ResolvedDiscount extends MappedDiscount {
  coupon: CouponForDiscount;
}

/** The coupon a discount names: embedded (`coupon`), or `source.coupon` (API 2025-09-30 on). */
export function couponOfDiscount(discount: StripeDiscount): string | StripeCoupon | null {
  return discount.coupon ?? discount.source?.coupon ?? null;
}

const couponIdOf = (c: string | StripeCoupon): string => (typeof c === 'string' ? c : c.id);

function mapDiscount(discount: StripeDiscount, field: string, ownerKey: string): MappedDiscount {
  if (discount.promotion_code) {
    throw new ImportRejection(
      `${field}.promotion_code: '${discount.promotion_code}' is not in the dump (no promotion codes are exported); remove the discount or apply its coupon directly in Stripe first`,
    );
  }
  if (discount.subscription_item)
    throw new ImportRejection(`${field}.subscription_item: a discount on one item; Tariff discounts a whole subscription or customer`);
  const coupon = couponOfDiscount(discount);
  if (coupon === null) throw new ImportRejection(`${field}.coupon: missing (neither coupon nor source.coupon)`);
  return {
    id: stableId('coupon_redemption', discount.id ?? ownerKey),
    couponStripeId: couponIdOf(coupon),
    startsAt: toDate(discount.start),
    endsAt: discount.end ? toDate(discount.end) : null,
  };
}

export function customerDiscount(customer: StripeCustomer): MappedDiscount | null {
  return customer.discount ? mapDiscount(customer.discount, 'discount', `customer:${customer.id}`) : null;
}

/**
 * A subscription's one discount: `discounts` (ids, or objects when expanded) since 2023, with
 * `discount` the same one spelled out; before, `discount` alone. Several at once stack in
 * Stripe; a Tariff invoice has one coupon, so they are refused.
 */
export function subscriptionDiscount(sub: StripeSubscription): MappedDiscount | null {
  const perItem = sub.items.data.findIndex((i) => Array.isArray(i.discounts) && i.discounts.length > 0);
  if (perItem >= 0)
    throw new ImportRejection(`items[${perItem}].discounts: a discount on one item; Tariff discounts a whole subscription or customer`);
  const list = sub.discounts ?? [];
  if (list.length > 1)
    throw new ImportRejection(
      `discounts: ${list.length} discounts stacked; a Tariff invoice takes one coupon, so remove all but one in Stripe first`,
    );
  const ownerKey = `subscription:${sub.id}`;
  if (list.length === 0) return sub.discount ? mapDiscount(sub.discount, 'discount', ownerKey) : null;
  const only = list[0];
  if (typeof only !== 'string') return mapDiscount(only, 'discounts[0]', ownerKey);
  if (sub.discount && sub.discount.id === only) return mapDiscount(sub.discount, 'discount', ownerKey);
  throw new ImportRejection(`discounts[0]: '${only}' is not expanded; export subscriptions with expand[]=data.discounts`);
}

/**
 * The discount against its imported coupon and the customer's currency. `reasonOf` says why a
 * coupon is not imported (deleted in Stripe, refused) when the run knows.
 */
export function resolveDiscount(
  discount: MappedDiscount,
  field: string,
  coupons: ReadonlyMap<string, CouponForDiscount>,
  currency: string,
  reasonOf: (stripeId: string) => string | undefined,
): ResolvedDiscount {
  const coupon = coupons.get(discount.couponStripeId);
  if (!coupon) {
    throw new ImportRejection(
      `${field}.coupon: '${discount.couponStripeId}' is not imported (${reasonOf(discount.couponStripeId) ?? 'not in coupons.jsonl'})`,
    );
  }
  if (coupon.currency !== null && coupon.currency !== currency) {
    throw new ImportRejection(`${field}.coupon: '${coupon.code}' takes ${coupon.currency} off; the customer pays in ${currency}`);
  }
  if (coupon.duration === CouponDuration.REPEATING) {
    const end = repeatingEnd({ duration: coupon.duration, startsAt: discount.startsAt, durationInMonths: coupon.durationInMonths })!;
    if (discount.endsAt === null || discount.endsAt.getTime() !== end.getTime()) {
      throw new ImportRejection(
        `${field}.end: ${discount.endsAt?.toISOString() ?? 'null'} is not ${coupon.durationInMonths} months after its start ${discount.startsAt.toISOString()} (${end.toISOString()}); Tariff ends a repeating discount there`,
      );
    }
  }
  return { ...discount, coupon };
}
