import { Decimal, ZERO } from '../../pricing/decimal';
import type { StripePrice, StripeSubscription } from './stripe-objects';
import { discountLines, majorUnits, stripeDiscountAt, StripeDiscounts, StripeLine } from './stripe-discount';
import { stripeAmount } from './stripe-money';
import { toDate } from './stripe-objects';

/**
 * Stripe's side of the reconciliation, computed from the source objects alone by Stripe's rules
 * (its API reference and billing guides), never through Tariff's engine: two independent sums
 * that must agree. In Stripe's minor units, as Stripe invoices:
 * - a subscription item makes one invoice line, rounded to a whole minor unit (half up); a
 *   tiered price's line adds up its tiers (the tier breakdown is how the line is shown);
 * - a quantity of 0 still falls in the first tier, whose flat fee Stripe charges (Tariff prices
 *   0 to 0: PRICING.md), so such an item differs, and the reconciliation says so;
 * - `transform_quantity` divides the quantity first and rounds it up (or down);
 * - a discount comes off the lines before their tax (stripe-discount.ts);
 * - an exclusive tax rate taxes each line, rounded per line;
 * - the dump carries no usage, so metered items are billed at a usage of 0 on both sides.
 */

export interface StripeNextInvoice {
  /** When Stripe invoices next: the trial's end or the current period's end; null when never. */
  at: Date | null;
  /** Its total, tax included, in the currency's major unit; null when a price is not in the dump. */
  total: Decimal | null;
}

const ROUND_HALF_UP = Decimal.ROUND_HALF_UP;

function minor(value: Decimal): Decimal {
  return value.toDecimalPlaces(0, ROUND_HALF_UP);
}

function amountOf(decimal: string | null | undefined, integer: number | null | undefined): Decimal {
  const raw = stripeAmount(decimal, integer);
  return raw === null ? ZERO : new Decimal(String(raw));
}

function isMeteredPrice(price: StripePrice): boolean {
  return price.recurring?.usage_type === 'metered';
}

/** The invoice line (minor units, rounded) an item of this price and quantity makes. */
export function stripeLineAmount(price: StripePrice, quantity: number): Decimal {
  const q = new Decimal(quantity);
  if ((price.billing_scheme ?? 'per_unit') === 'per_unit') {
    const unit = amountOf(price.unit_amount_decimal, price.unit_amount);
    const t = price.transform_quantity;
    const units = t ? (t.round === 'down' ? q.div(t.divide_by).floor() : q.div(t.divide_by).ceil()) : q;
    return minor(units.times(unit));
  }
  const tiers = price.tiers ?? [];
  const upTo = (i: number) => {
    const u = tiers[i].up_to;
    return u === 'inf' || u === null || u === undefined ? null : new Decimal(u);
  };
  if (price.tiers_mode === 'volume') {
    let i = tiers.findIndex((_, k) => upTo(k) === null || q.lte(upTo(k)!));
    if (i < 0) i = tiers.length - 1;
    const tier = tiers[i];
    return minor(q.times(amountOf(tier.unit_amount_decimal, tier.unit_amount)).plus(amountOf(tier.flat_amount_decimal, tier.flat_amount)));
  }
  let amount = ZERO;
  let from = ZERO;
  for (let i = 0; i < tiers.length; i++) {
    const top = upTo(i);
    const units = Decimal.max(ZERO, Decimal.min(q, top ?? q).minus(from));
    if (units.isZero() && i > 0) break;
    const tier = tiers[i];
    amount = amount
      .plus(units.times(amountOf(tier.unit_amount_decimal, tier.unit_amount)))
      .plus(amountOf(tier.flat_amount_decimal, tier.flat_amount));
    if (top === null || q.lte(top)) break;
    from = top;
  }
  return minor(amount);
}

function monthsOf(price: StripePrice): number | null {
  const r = price.recurring;
  if (!r) return null;
  const count = r.interval_count ?? 1;
  if (r.interval === 'month') return count;
  if (r.interval === 'year') return 12 * count;
  return null;
}

function exclusiveRate(sub: StripeSubscription, taxExempt: string): Decimal {
  if (taxExempt !== 'none') return ZERO;
  const rate = (sub.default_tax_rates ?? []).find((r) => !r.inclusive);
  return rate ? new Decimal(String(rate.percentage)) : ZERO;
}

/** A line and its tax (per line, rounded), as Stripe adds them to an invoice. */
function withTax(line: Decimal, rate: Decimal): Decimal {
  return line.plus(minor(line.times(rate).div(100)));
}

/**
 * The next invoice Stripe would make: at the trial's end the first period's licensed items in
 * advance; at the period end the next period's licensed items in advance with the period's usage
 * in arrears; a subscription set to cancel then gets only the usage. Canceled or paused: none.
 * The discount in force then (the subscription's own, else its customer's: stripe-discount.ts)
 * comes off the lines before their tax.
 */
export function stripeNextInvoice(
  sub: StripeSubscription,
  prices: ReadonlyMap<string, StripePrice>,
  taxExempt: string,
  discounts: StripeDiscounts | null = null,
): StripeNextInvoice {
  const periodEnd = sub.current_period_end ?? sub.items.data[0]?.current_period_end;
  if (!['active', 'trialing', 'past_due'].includes(sub.status) || periodEnd === undefined) return { at: null, total: ZERO };
  const trialing = sub.status === 'trialing';
  const ending = !trialing && (sub.cancel_at_period_end === true || (sub.cancel_at !== null && sub.cancel_at !== undefined));
  const rate = exclusiveRate(sub, taxExempt);
  const atSeconds = trialing && sub.trial_end ? sub.trial_end : periodEnd;
  const at = toDate(atSeconds);
  const lines: StripeLine[] = [];
  for (const item of sub.items.data) {
    const price = prices.get(item.price.id);
    if (!price) return { at, total: null };
    const metered = isMeteredPrice(price);
    if (metered && trialing) continue;
    if (!metered && ending) continue;
    lines.push({ amount: stripeLineAmount(price, metered ? 0 : (item.quantity ?? 0)), product: price.product });
  }
  const discount = stripeDiscountAt(discounts, atSeconds);
  const nets = discount ? discountLines(lines, discount, sub.currency) : lines.map((l) => l.amount);
  const totalMinor = nets.reduce((sum, net) => sum.plus(withTax(net, rate)), ZERO);
  return { at, total: majorUnits(totalMinor, sub.currency) };
}

/**
 * A subscription's MRR as an exact fraction: its lines' amounts (whole minor units) per number of
 * months they bill for. A month's share of a quarterly or yearly line is a repeating decimal;
 * kept as a fraction, a currency's total is rounded once, exactly (stripeMrrFigure).
 */
export type StripeMrrShare = Map<number, Decimal>;

/**
 * What the subscription adds to MRR at `now` (seconds) (CONTRACT.md, as Stripe counts it): active
 * and past-due subscriptions only (a trial counts 0 until it converts), licensed items as their
 * invoice lines price them after the recurring discount in force (forever, or repeating until its
 * end; a once discount is not recurring revenue: the customer's recurring one counts while it
 * waits, stripeDiscountAt), tax and usage excluded, each normalized to a month; one set to cancel
 * at its period end counts until it ends. Null when a price is not in the dump.
 */
export function stripeMrrShare(
  sub: StripeSubscription,
  prices: ReadonlyMap<string, StripePrice>,
  discounts: StripeDiscounts | null = null,
  now = 0,
): StripeMrrShare | null {
  const share: StripeMrrShare = new Map();
  if (sub.status !== 'active' && sub.status !== 'past_due') return share;
  const lines: (StripeLine & { months: number })[] = [];
  for (const item of sub.items.data) {
    const price = prices.get(item.price.id);
    if (!price) return null;
    const months = monthsOf(price);
    if (isMeteredPrice(price) || months === null) continue;
    lines.push({ amount: stripeLineAmount(price, item.quantity ?? 0), product: price.product, months });
  }
  const discount = stripeDiscountAt(discounts, now, true);
  const nets = discount ? discountLines(lines, discount, sub.currency) : lines.map((l) => l.amount);
  nets.forEach((net, i) => share.set(lines[i].months, (share.get(lines[i].months) ?? ZERO).plus(net)));
  return share;
}

/** The share in the major unit, unrounded (to show; totals go through stripeMrrFigure). */
export function stripeMrr(
  sub: StripeSubscription,
  prices: ReadonlyMap<string, StripePrice>,
  discounts: StripeDiscounts | null = null,
  now = 0,
): Decimal | null {
  const share = stripeMrrShare(sub, prices, discounts, now);
  if (share === null) return null;
  const minorUnits = [...share].reduce((sum, [months, amount]) => sum.plus(amount.div(months)), ZERO);
  return majorUnits(minorUnits, sub.currency);
}

/** Adds a subscription's share to a currency's. */
export function addShare(total: StripeMrrShare, share: StripeMrrShare): void {
  for (const [months, amount] of share) total.set(months, (total.get(months) ?? ZERO).plus(amount));
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * A currency's MRR rounded once, half up, to a whole minor unit of Stripe's, from the exact sum:
 * every amount is brought over the least common multiple of the months, whole numbers all along,
 * so a total that is exactly half a unit rounds up however many repeating decimals made it.
 */
export function stripeMrrFigure(total: StripeMrrShare, currency: string): Decimal {
  const months = [...total.keys()];
  const common = months.reduce((l, m) => (l * m) / gcd(l, m), 1);
  const numerator = [...total].reduce((sum, [m, amount]) => sum.plus(amount.times(common / m)), ZERO);
  const denominator = new Decimal(common);
  let units = numerator.divToInt(denominator);
  const rest = numerator.minus(units.times(denominator));
  if (rest.times(2).abs().gte(denominator)) units = units.plus(rest.isNegative() ? -1 : 1);
  return majorUnits(units, currency);
}
