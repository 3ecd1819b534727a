import { Decimal, ZERO } from '../../pricing/decimal';
import { couponOfDiscount } from '../map/map-discount';
import { stripeExponent } from './stripe-money';
import type { StripeCoupon, StripeDiscount } from './stripe-objects';

/**
 * A Stripe discount as Stripe's side of the reconciliation applies it, from the dump alone (its
 * API reference and billing guides), never through Tariff's coupon code:
 * - it discounts an invoice made at `t` when `start ≤ t` and, for a repeating one, `t < end`;
 *   a once discount still on the object has not been used (Stripe removes it when it is);
 * - percent off takes from each line it applies to its own amount off, rounded to a minor unit;
 * - amount off takes at most the lines it applies to, shared among them in proportion to their
 *   amounts (the shares rounded down, the units left to the largest remainders);
 * - tax is then charged per line on what is left of it.
 */
export interface StripeDiscountTerms {
  couponId: string;
  percentOff: Decimal | null;
  /** In Stripe's minor units of `currency`. */
  amountOff: Decimal | null;
  currency: string | null;
  duration: string;
  /** Products it applies to; null: all. */
  products: ReadonlySet<string> | null;
  start: number;
  end: number | null;
}

/** The terms of a discount, its coupon embedded or found in coupons.jsonl; null when neither has it. */
export function stripeDiscountTerms(discount: StripeDiscount, coupons: ReadonlyMap<string, StripeCoupon>): StripeDiscountTerms | null {
  const named = couponOfDiscount(discount);
  if (named === null) return null;
  const coupon = typeof named === 'string' ? coupons.get(named) : named;
  if (!coupon || coupon.deleted) return null;
  const products = coupon.applies_to?.products;
  return {
    couponId: coupon.id,
    percentOff: coupon.percent_off == null ? null : new Decimal(String(coupon.percent_off)),
    amountOff: coupon.amount_off == null ? null : new Decimal(coupon.amount_off),
    currency: coupon.currency?.toUpperCase() ?? null,
    duration: coupon.duration ?? 'once',
    products: products && products.length > 0 ? new Set(products) : null,
    start: discount.start,
    end: discount.end ?? null,
  };
}

/** Whether Stripe applies the discount to an invoice made at `t` (seconds); `recurringOnly` for MRR (forever and repeating). */
export function stripeDiscountCovers(d: StripeDiscountTerms, t: number, recurringOnly = false): boolean {
  if (recurringOnly && d.duration === 'once') return false;
  return d.start <= t && (d.end === null || t < d.end);
}

/** A subscription's discounts: its own, which takes precedence, and its customer's. */
export interface StripeDiscounts {
  own: StripeDiscountTerms | null;
  customer: StripeDiscountTerms | null;
}

/**
 * The discount in force at `t`: the subscription's own, else its customer's (an own discount
 * that has ended is gone from Stripe, and the customer's applies again). For MRR, only recurring
 * ones: while an unused once discount of its own waits for the next invoice, what recurs after
 * it is the customer's (as Tariff's discountInForce counts it).
 */
export function stripeDiscountAt(discounts: StripeDiscounts | null, t: number, recurringOnly = false): StripeDiscountTerms | null {
  if (discounts === null) return null;
  for (const d of [discounts.own, discounts.customer]) if (d && stripeDiscountCovers(d, t, recurringOnly)) return d;
  return null;
}

export interface StripeLine {
  /** Minor units, rounded (the invoice line). */
  amount: Decimal;
  product: string;
}

/** Each line's amount after the discount, in minor units. */
export function discountLines(lines: readonly StripeLine[], d: StripeDiscountTerms, currency: string): Decimal[] {
  const applies = (l: StripeLine) => d.products === null || d.products.has(l.product);
  if (d.percentOff !== null) {
    const p = d.percentOff;
    return lines.map((l) => (applies(l) ? l.amount.minus(l.amount.times(p).div(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP)) : l.amount));
  }
  if (d.amountOff === null || (d.currency !== null && d.currency !== currency.toUpperCase())) return lines.map((l) => l.amount);
  const eligible = lines.map((l, i) => ({ i, amount: applies(l) && l.amount.gt(0) ? l.amount : ZERO }));
  const total = eligible.reduce((s, e) => s.plus(e.amount), ZERO);
  if (total.isZero()) return lines.map((l) => l.amount);
  const off = Decimal.min(d.amountOff, total);
  const shares = eligible.map((e) => {
    const exact = off.times(e.amount).div(total);
    return { i: e.i, share: exact.floor(), rest: exact.minus(exact.floor()) };
  });
  let left = off.minus(shares.reduce((s, x) => s.plus(x.share), ZERO)).toNumber();
  for (const x of [...shares].sort((a, b) => b.rest.comparedTo(a.rest) || a.i - b.i)) {
    if (left <= 0) break;
    x.share = x.share.plus(1);
    left--;
  }
  const byLine = new Map(shares.map((x) => [x.i, x.share]));
  return lines.map((l, i) => l.amount.minus(byLine.get(i) ?? ZERO));
}

/** A major-unit amount of Stripe's minor units. */
export function majorUnits(minor: Decimal, currency: string): Decimal {
  return minor.div(new Decimal(10).pow(stripeExponent(currency)));
}
