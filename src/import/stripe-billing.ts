import { Decimal, ZERO } from '../pricing/decimal';
import type { StripePrice, StripeSubscription } from './stripe-objects';
import { stripeAmount, stripeExponent } from './stripe-money';
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
    amount = amount.plus(units.times(amountOf(tier.unit_amount_decimal, tier.unit_amount))).plus(amountOf(tier.flat_amount_decimal, tier.flat_amount));
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
 */
export function stripeNextInvoice(sub: StripeSubscription, prices: ReadonlyMap<string, StripePrice>, taxExempt: string): StripeNextInvoice {
  const periodEnd = sub.current_period_end ?? sub.items.data[0]?.current_period_end;
  if (!['active', 'trialing', 'past_due'].includes(sub.status) || periodEnd === undefined) return { at: null, total: ZERO };
  const trialing = sub.status === 'trialing';
  const ending = !trialing && (sub.cancel_at_period_end === true || (sub.cancel_at !== null && sub.cancel_at !== undefined));
  const rate = exclusiveRate(sub, taxExempt);
  let totalMinor = ZERO;
  const at = trialing && sub.trial_end ? toDate(sub.trial_end) : toDate(periodEnd);
  for (const item of sub.items.data) {
    const price = prices.get(item.price.id);
    if (!price) return { at, total: null };
    const metered = isMeteredPrice(price);
    if (metered && trialing) continue;
    if (!metered && ending) continue;
    totalMinor = totalMinor.plus(withTax(stripeLineAmount(price, metered ? 0 : (item.quantity ?? 0)), rate));
  }
  return { at, total: totalMinor.div(new Decimal(10).pow(stripeExponent(sub.currency))) };
}

/**
 * What the subscription adds to MRR, unrounded, in the major unit (CONTRACT.md, as Stripe counts
 * it): active and past-due subscriptions only (a trial counts 0 until it converts), licensed
 * items as their invoice lines price them, tax and usage excluded, each normalized to a month; one
 * set to cancel at its period end counts until it ends. Null when a price is not in the dump.
 */
export function stripeMrr(sub: StripeSubscription, prices: ReadonlyMap<string, StripePrice>): Decimal | null {
  if (sub.status !== 'active' && sub.status !== 'past_due') return ZERO;
  let mrr = ZERO;
  for (const item of sub.items.data) {
    const price = prices.get(item.price.id);
    if (!price) return null;
    const months = monthsOf(price);
    if (isMeteredPrice(price) || months === null) continue;
    mrr = mrr.plus(stripeLineAmount(price, item.quantity ?? 0).div(months));
  }
  return mrr.div(new Decimal(10).pow(stripeExponent(sub.currency)));
}
