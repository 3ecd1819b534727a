import { addInterval, amountOffLine, applyPercentOff, type CouponTerms, minorUnits, roundToScale } from '../../pricing';
import { type Decimal, ZERO } from '../../pricing/decimal';
import { CouponDuration } from './coupon.entity';

/**
 * A redemption as pricing sees it (discount-terms.ts loads them): the coupon's terms and when,
 * for whom, it discounts. Pure data, so the rules below need no database.
 */
export interface DiscountTerms {
  readonly id: string;
  /** null: the customer's discount, for every one of its subscriptions. */
  readonly subscriptionId: string | null;
  readonly coupon: CouponTerms;
  readonly duration: CouponDuration;
  readonly durationInMonths: number | null;
  readonly startsAt: Date;
  readonly endedAt: Date | null;
  /** ONCE: the instant of the invoice that used it up, and that invoice's subscription. */
  readonly consumedAt: Date | null;
  readonly consumedBySubscriptionId: string | null;
}

/** When a REPEATING discount's months are over (months added as billing periods add them); null for the others. */
export function repeatingEnd(d: Pick<DiscountTerms, 'duration' | 'startsAt' | 'durationInMonths'>): Date | null {
  return d.duration === CouponDuration.REPEATING ? addInterval(d.startsAt, 'MONTH', 1, d.durationInMonths ?? 0) : null;
}

/**
 * Whether the discount covers what `subscriptionId` bills at `at` (README, Coupons): from its
 * start until it ends; REPEATING for `durationInMonths` from its start; ONCE until an invoice
 * uses it up, and from then only for that invoice's instant (the period it billed, whose
 * prorations must mirror it).
 */
export function discountCovers(d: DiscountTerms, subscriptionId: string, at: Date): boolean {
  const t = at.getTime();
  if (t < d.startsAt.getTime() || (d.endedAt !== null && t >= d.endedAt.getTime())) return false;
  switch (d.duration) {
    case CouponDuration.FOREVER:
      return true;
    case CouponDuration.REPEATING:
      return t < repeatingEnd(d)!.getTime();
    case CouponDuration.ONCE:
      return d.consumedAt === null || (d.consumedAt.getTime() === t && d.consumedBySubscriptionId === subscriptionId);
  }
}

/**
 * The one discount in force for a subscription at `at`: its own, else its customer's (a
 * subscription's discount takes precedence, as Stripe's does); the latest started when a
 * replacement overlaps. `recurringOnly` leaves ONCE discounts out (MRR counts recurring ones).
 */
export function discountInForce(
  discounts: readonly DiscountTerms[],
  subscriptionId: string,
  at: Date,
  options: { recurringOnly?: boolean } = {},
): DiscountTerms | null {
  let own: DiscountTerms | null = null;
  let customer: DiscountTerms | null = null;
  for (const d of discounts) {
    if (options.recurringOnly && d.duration === CouponDuration.ONCE) continue;
    if (d.subscriptionId !== null && d.subscriptionId !== subscriptionId) continue;
    if (!discountCovers(d, subscriptionId, at)) continue;
    if (d.subscriptionId === null) {
      if (customer === null || d.startsAt.getTime() >= customer.startsAt.getTime()) customer = d;
    } else if (own === null || d.startsAt.getTime() >= own.startsAt.getTime()) {
      own = d;
    }
  }
  return own ?? customer;
}

/** A recurring line of a subscription, priced for a whole period without coupons (contracts applied), not yet rounded. */
export interface RecurringLine {
  readonly priceCode: string;
  readonly amount: Decimal;
}

export interface MonthlyAmounts {
  /** Each line after its percent off and its one rounding (as the invoice's line), per month, unrounded. */
  readonly lines: readonly { readonly priceCode: string; readonly monthly: Decimal }[];
  /** An amount-off coupon's share per month (≤ 0), capped at the lines it applies to. */
  readonly amountOffMonthly: Decimal;
  /** Σ lines + amountOffMonthly: the subscription's MRR before its one rounding. */
  readonly monthly: Decimal;
  /** The recurring coupon counted, if any. */
  readonly couponCode: string | null;
}

const MONTHS: Readonly<Record<string, number>> = { MONTH: 1, QUARTER: 3, YEAR: 12 };

/**
 * For MRR (CONTRACT.md: "recurring coupons included"): a subscription's recurring lines at `at`
 * after the recurring discount in force then (REPEATING or FOREVER; a ONCE coupon is not
 * recurring revenue), normalized to a month. The same rules as an invoice, from the same
 * functions: percent off per line (applyPercentOff) before the line's one rounding, amount off
 * capped at the lines it applies to (amountOffLine), here per period and then divided into months.
 */
export function discountedMonthlyAmounts(input: {
  subscriptionId: string;
  currency: string;
  interval: string;
  intervalCount: number;
  lines: readonly RecurringLine[];
  discounts: readonly DiscountTerms[];
  at: Date;
}): MonthlyAmounts {
  const perMonth = MONTHS[input.interval];
  if (perMonth === undefined) throw new Error(`interval ${input.interval} has no monthly share`);
  const months = perMonth * input.intervalCount;
  const minor = minorUnits(input.currency);
  const discount = discountInForce(input.discounts, input.subscriptionId, input.at, { recurringOnly: true });
  const coupons = discount ? [discount.coupon] : [];
  const discounted = input.lines.map((l) => ({
    priceCode: l.priceCode,
    amount: roundToScale(applyPercentOff(coupons, l.priceCode, l.amount, [], minor), minor),
  }));
  const off =
    discount?.coupon.amountOff != null
      ? (amountOffLine(
          discount.coupon,
          discounted.map((l) => ({ ...l, tax: ZERO })),
          [],
          ZERO,
          input.currency,
          minor,
        )?.amount ?? ZERO)
      : ZERO;
  const lines = discounted.map((l) => ({ priceCode: l.priceCode, monthly: l.amount.div(months) }));
  const amountOffMonthly = off.div(months);
  const monthly = lines.reduce((sum, l) => sum.plus(l.monthly), amountOffMonthly);
  return { lines, amountOffMonthly, monthly, couponCode: discount?.coupon.code ?? null };
}
