import { roundToScale } from './currency';
import { Decimal, HUNDRED, ZERO, formatAmount } from './decimal';
import { PricingInputError } from './errors';

/**
 * A coupon as a document is priced with it (README, Coupons): `percentOff` is a step of every
 * line it applies to, after the contract discount and before the line's one rounding;
 * `amountOff` is a negative line of its own. Which coupon is in force for a document (duration,
 * redemption, precedence) is decided before the engine is called.
 */
export interface CouponTerms {
  readonly code: string;
  /** 0..100; null for an amount-off coupon. */
  readonly percentOff: Decimal | null;
  /** In `currency`, at most its minor unit; null for a percent-off coupon. */
  readonly amountOff: Decimal | null;
  readonly currency: string | null;
  /** null: every price. */
  readonly appliesToPriceCodes: readonly string[] | null;
}

/** The negative line an amount-off coupon adds to a document. */
export interface DiscountLineAmounts {
  readonly couponCode: string;
  /** ≤ 0, at the minor unit. */
  readonly amount: Decimal;
  /** ≤ 0, at the minor unit. */
  readonly tax: Decimal;
  readonly steps: string[];
}

/** A line as the amount-off cap sees it; `priceCode` null for a line no price made (a true-up). */
export interface CappedLine {
  readonly priceCode: string | null;
  readonly amount: Decimal;
  readonly tax: Decimal;
}

export function couponApplies(coupon: CouponTerms, priceCode: string): boolean {
  return coupon.appliesToPriceCodes === null || coupon.appliesToPriceCodes.includes(priceCode);
}

// (100 − p) / 100 is exact for p with at most 12 decimals; cached per coupon's Decimal.
const kept = new WeakMap<Decimal, Decimal>();
function keptFraction(percent: Decimal): Decimal {
  let fraction = kept.get(percent);
  if (fraction === undefined) {
    fraction = HUNDRED.minus(percent).div(HUNDRED);
    kept.set(percent, fraction);
  }
  return fraction;
}

/**
 * Takes each percent-off coupon that applies to `priceCode` off the unrounded line amount and
 * explains it, as the contract discount does: `coupon SUMMER20: −20% = 80.00`.
 */
export function applyPercentOff(
  coupons: readonly CouponTerms[],
  priceCode: string,
  amount: Decimal,
  steps: string[],
  minorUnits: number,
): Decimal {
  let out = amount;
  for (const coupon of coupons) {
    if (coupon.percentOff === null || !couponApplies(coupon, priceCode)) continue;
    out = out.times(keptFraction(coupon.percentOff));
    steps.push(`coupon ${coupon.code}: −${coupon.percentOff.toFixed()}% = ${formatAmount(out, minorUnits)}`);
  }
  return out;
}

const positive = (d: Decimal): Decimal => (d.gt(ZERO) ? d : ZERO);

/**
 * The line an amount-off coupon adds, or null when it takes nothing. It takes at most the
 * subtotal of the document's `lines` it applies to (a true-up only for a coupon on every price),
 * and at most what the whole invoice bills before it (`lines` and `others`: prorations,
 * adjustments, earlier discounts), so the total never goes below zero because of it. Its tax is
 * the tax of its amount, rounded as any line's, but never more than the tax of the lines it
 * discounts, nor than the invoice's tax.
 */
export function amountOffLine(
  coupon: CouponTerms,
  lines: readonly CappedLine[],
  others: readonly CappedLine[],
  ratePercent: Decimal,
  currency: string,
  minorUnits: number,
): DiscountLineAmounts | null {
  if (coupon.amountOff === null) return null;
  if (coupon.currency !== currency) {
    throw PricingInputError.at('', `coupon ${coupon.code} takes ${coupon.currency} off; the document is in ${currency}`);
  }
  const eligibleLines = lines.filter((l) =>
    l.priceCode === null ? coupon.appliesToPriceCodes === null : couponApplies(coupon, l.priceCode),
  );
  const sum = (lines: readonly CappedLine[], pick: (l: CappedLine) => Decimal) => lines.reduce((s, l) => s.plus(pick(l)), ZERO);
  const eligibleAmount = sum(eligibleLines, (l) => l.amount);
  const all = [...lines, ...others];
  const subtotal = sum(all, (l) => l.amount);
  const tax = sum(all, (l) => l.tax);
  // With a negative tax total (credits), the room left is what subtotal and tax leave together.
  const room = positive(tax.lt(ZERO) ? subtotal.plus(tax) : subtotal);
  const amount = Decimal.min(coupon.amountOff, positive(eligibleAmount), room);
  if (amount.lte(ZERO)) return null;
  const fullTax = roundToScale(amount.times(ratePercent).div(HUNDRED), minorUnits);
  const taxOff = Decimal.min(fullTax, positive(sum(eligibleLines, (l) => l.tax)), positive(tax));
  const off = formatAmount(amount, minorUnits);
  const steps = [`coupon ${coupon.code}: ${formatAmount(coupon.amountOff, minorUnits)} ${currency} off`];
  if (!amount.eq(coupon.amountOff)) steps.push(`capped at what the invoice bills for the lines it applies to: −${off}`);
  else steps.push(`= −${off}`);
  return { couponCode: coupon.code, amount: amount.negated(), tax: taxOff.isZero() ? ZERO : taxOff.negated(), steps };
}
