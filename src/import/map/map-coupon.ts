import { CouponDuration } from '../../domain/coupons/coupon.entity';
import { requireCleanText } from '../../domain/external-ids/external-id-input';
import { requireCode } from '../../domain/shared/validate';
import { Decimal, HUNDRED, ZERO } from '../../pricing/decimal';
import { ImportRejection } from '../import-rejection';
import { stableId } from './stable-id';
import { moneyFromStripe, tariffCurrency } from '../stripe/stripe-money';
import { StripeCoupon, toDate } from '../stripe/stripe-objects';

/** A Stripe coupon as Tariff's coupon, by createCoupon's rules except one: a `redeem_by` already past is kept (its discounts run on). */
export interface MappedCoupon {
  stripeId: string;
  id: string;
  /** The Stripe id, as products get theirs. */
  code: string;
  name: string | null;
  percentOff: Decimal | null;
  amountOff: Decimal | null;
  currency: string | null;
  duration: CouponDuration;
  durationInMonths: number | null;
  appliesToPriceCodes: string[] | null;
  maxRedemptions: number | null;
  /** Stripe's count: imported discounts are among them, and are not counted again. */
  timesRedeemed: number;
  redeemBy: Date | null;
  createdAt: Date | null;
}

const DURATION: Readonly<Record<string, CouponDuration>> = {
  once: CouponDuration.ONCE,
  repeating: CouponDuration.REPEATING,
  forever: CouponDuration.FOREVER,
};
/** createCoupon's limits (coupon.service.ts). */
const MAX_PRICE_CODES = 100;
const MAX_DURATION_MONTHS = 1200;

/** The stable id of an imported coupon: an imported coupon is the one whose id is this of its code. */
export const couponId = (stripeId: string): string => stableId('coupon', stripeId);

/**
 * `priceCodesOf` gives the imported price codes of a Stripe product (all its prices, archived
 * ones included: subscriptions keep them), or null when the product is not imported.
 */
export function mapCoupon(coupon: StripeCoupon, priceCodesOf: (productId: string) => string[] | null): MappedCoupon {
  const code = requireCode(coupon.id, 'id');
  const duration = DURATION[coupon.duration ?? ''];
  if (duration === undefined) throw new ImportRejection(`duration: '${coupon.duration ?? ''}' is not once, repeating or forever`);
  let durationInMonths: number | null = null;
  if (duration === CouponDuration.REPEATING) {
    const months = coupon.duration_in_months ?? null;
    if (months === null || months < 1 || months > MAX_DURATION_MONTHS)
      throw new ImportRejection(`duration_in_months: a repeating coupon lasts 1 to ${MAX_DURATION_MONTHS} months, got ${months}`);
    durationInMonths = months;
  }
  const percent = coupon.percent_off ?? null;
  const amount = coupon.amount_off ?? null;
  if ((percent === null) === (amount === null))
    throw new ImportRejection('percent_off: a coupon has percent_off or amount_off, exactly one');
  let percentOff: Decimal | null = null;
  let amountOff: Decimal | null = null;
  let currency: string | null = null;
  if (percent !== null) {
    percentOff = new Decimal(String(percent));
    if (percentOff.lte(ZERO) || percentOff.gt(HUNDRED))
      throw new ImportRejection(`percent_off: ${percent} is not more than 0 and at most 100`);
  } else {
    if (coupon.currency === null) throw new ImportRejection('currency: an amount_off coupon needs its currency');
    currency = tariffCurrency(coupon.currency, 'currency');
    amountOff = moneyFromStripe(amount!, currency, 'amount_off');
    if (amountOff.lte(ZERO)) throw new ImportRejection(`amount_off: ${amount} is not more than 0`);
  }
  return {
    stripeId: coupon.id,
    id: couponId(coupon.id),
    code,
    name: coupon.name === null ? null : requireCleanText(coupon.name, 'name'),
    percentOff,
    amountOff,
    currency,
    duration,
    durationInMonths,
    appliesToPriceCodes: appliesTo(coupon, priceCodesOf),
    maxRedemptions: limitOf(coupon.max_redemptions ?? null),
    timesRedeemed: coupon.times_redeemed ?? 0,
    redeemBy: coupon.redeem_by ? toDate(coupon.redeem_by) : null,
    createdAt: coupon.created === undefined ? null : toDate(coupon.created),
  };
}

function appliesTo(coupon: StripeCoupon, priceCodesOf: (productId: string) => string[] | null): string[] | null {
  const products = coupon.applies_to?.products ?? null;
  if (products === null || products.length === 0) return null;
  const codes = new Set<string>();
  products.forEach((product, i) => {
    const found = priceCodesOf(product);
    if (found === null)
      throw new ImportRejection(
        `applies_to.products[${i}]: product '${product}' is not imported (not in products.jsonl, or refused there)`,
      );
    found.forEach((c) => codes.add(c));
  });
  if (codes.size === 0)
    throw new ImportRejection(
      `applies_to.products: no imported price belongs to ${products.join(', ')}; the coupon would discount nothing`,
    );
  if (codes.size > MAX_PRICE_CODES)
    throw new ImportRejection(`applies_to.products: ${codes.size} prices; a Tariff coupon names at most ${MAX_PRICE_CODES}`);
  return [...codes].sort();
}

function limitOf(value: number | null): number | null {
  if (value === null) return null;
  if (value < 1) throw new ImportRejection(`max_redemptions: ${value} is not at least 1`);
  return value;
}
