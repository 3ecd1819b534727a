import { BillingInterval } from '../../domain/catalog/price.entity';
import { ImportRejection } from '../import-rejection';
import { StripeMeter, StripePrice, StripeTier, toDate } from '../stripe/stripe-objects';
import { fromStripeMinor, stripeAmount, tariffCurrency } from '../stripe/stripe-money';

/** A Stripe price as Tariff's createPrice takes it, with where it came from. */
export interface MappedPrice {
  stripeId: string;
  code: string;
  productStripeId: string;
  currency: string;
  interval: BillingInterval;
  intervalCount: number;
  rule: { kind: string; config: Record<string, unknown> };
  /** Not sold any more (`active: false`): imported archived, kept by the subscriptions on it. */
  archived: boolean;
  createdAt: Date | null;
  /** The metric a metered price bills, for the claim check across a customer's subscriptions. */
  metric: string | null;
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

/**
 * The mapping of issue 9: `per_unit` → per_unit; `tiered` + `tiers_mode` graduated/volume →
 * graduated/volume (`up_to: "inf"` or null → null; amounts in minor units → Decimal);
 * `transform_quantity` (rounding up) → package; `usage_type: metered` → usage over the rule;
 * `interval`/`interval_count` → the billing interval. The rule's own parseConfig validates the
 * result when the price is created, as for any createPrice.
 */
export function mapPrice(price: StripePrice, meters: ReadonlyMap<string, StripeMeter>): MappedPrice {
  if (price.custom_unit_amount !== null && price.custom_unit_amount !== undefined) {
    throw new ImportRejection('custom_unit_amount: a price the customer chooses has no equivalent in Tariff');
  }
  if (price.tax_behavior === 'inclusive')
    throw new ImportRejection('tax_behavior: inclusive prices are not supported (Tariff prices are net of tax)');
  const currency = tariffCurrency(price.currency, 'currency');
  // Integrations look prices up by lookup key; without a usable one the Stripe id is the code.
  const code = price.lookup_key && CODE.test(price.lookup_key) ? price.lookup_key : price.id;
  const { interval, intervalCount } = intervalOf(price);
  const pricing = pricingRule(price, currency);
  const recurring = price.recurring;
  let rule = pricing;
  let metric: string | null = null;
  if (recurring?.usage_type === 'metered') {
    const meter = meterOf(price, code, meters);
    metric = meter.metric;
    rule = { kind: 'usage', config: { metric: meter.metric, aggregation: meter.aggregation, pricing } };
  } else if (recurring && recurring.usage_type !== undefined && recurring.usage_type !== 'licensed') {
    throw new ImportRejection(`recurring.usage_type: '${recurring.usage_type}' is not supported`);
  }
  return {
    stripeId: price.id,
    code,
    productStripeId: price.product,
    currency,
    interval,
    intervalCount,
    rule,
    archived: price.active === false,
    createdAt: price.created === undefined ? null : toDate(price.created),
    metric,
  };
}

function intervalOf(price: StripePrice): { interval: BillingInterval; intervalCount: number } {
  const recurring = price.recurring;
  if (price.type === 'one_time' || (price.type === undefined && !recurring))
    return { interval: BillingInterval.ONE_TIME, intervalCount: 1 };
  if (!recurring) throw new ImportRejection('recurring: a recurring price needs its recurring terms');
  const count = recurring.interval_count ?? 1;
  if (recurring.interval === 'year') return { interval: BillingInterval.YEAR, intervalCount: count };
  if (recurring.interval === 'month') {
    if (count === 3) return { interval: BillingInterval.QUARTER, intervalCount: 1 };
    if (count === 12) return { interval: BillingInterval.YEAR, intervalCount: 1 };
    return { interval: BillingInterval.MONTH, intervalCount: count };
  }
  throw new ImportRejection(`recurring.interval: '${recurring.interval}' is not supported (Tariff bills by months, quarters and years)`);
}

/** The rule that prices a quantity (for a metered price: the usage's nested pricing). */
function pricingRule(price: StripePrice, currency: string): { kind: string; config: Record<string, unknown> } {
  const scheme = price.billing_scheme ?? 'per_unit';
  const amount = (decimal: string | null | undefined, integer: number | null | undefined): string | null => {
    const raw = stripeAmount(decimal, integer);
    return raw === null ? null : fromStripeMinor(raw, currency).toFixed();
  };
  if (scheme === 'per_unit') {
    const unit = amount(price.unit_amount_decimal, price.unit_amount);
    if (unit === null) throw new ImportRejection('unit_amount: a per_unit price needs unit_amount or unit_amount_decimal');
    const transform = price.transform_quantity;
    if (!transform) return { kind: 'per_unit', config: { unitAmount: unit } };
    if (transform.round !== 'up') {
      throw new ImportRejection(
        `transform_quantity.round: '${transform.round}' is not supported (Tariff's package counts a started package as whole, as round: up does)`,
      );
    }
    return { kind: 'package', config: { packageSize: String(transform.divide_by), packageAmount: unit } };
  }
  if (scheme !== 'tiered') throw new ImportRejection(`billing_scheme: '${scheme}' is not supported (per_unit or tiered)`);
  if (price.transform_quantity) throw new ImportRejection('transform_quantity: not allowed with tiered pricing');
  if (!price.tiers_mode) throw new ImportRejection('tiers_mode: missing; a tiered price is graduated or volume');
  if (price.tiers_mode !== 'graduated' && price.tiers_mode !== 'volume') {
    throw new ImportRejection(`tiers_mode: '${price.tiers_mode}' is not supported (graduated or volume)`);
  }
  if (!price.tiers || price.tiers.length === 0) {
    throw new ImportRejection('tiers: missing; export prices with expand[]=data.tiers');
  }
  const tiers = price.tiers.map((tier: StripeTier) => {
    const flat = amount(tier.flat_amount_decimal, tier.flat_amount);
    return {
      upTo: tier.up_to === 'inf' || tier.up_to === null || tier.up_to === undefined ? null : String(tier.up_to),
      unitAmount: amount(tier.unit_amount_decimal, tier.unit_amount) ?? '0',
      ...(flat === null ? {} : { flatAmount: flat }),
    };
  });
  return { kind: price.tiers_mode, config: { tiers } };
}

/** What a metered price's usage is called and how a period's events add up. */
function meterOf(price: StripePrice, code: string, meters: ReadonlyMap<string, StripeMeter>): { metric: string; aggregation: string } {
  const recurring = price.recurring!;
  if (recurring.meter) {
    const meter = meters.get(recurring.meter);
    if (!meter)
      throw new ImportRejection(
        `recurring.meter: billing meter '${recurring.meter}' is not in meters.jsonl, so its aggregation is unknown`,
      );
    const formula = meter.default_aggregation.formula;
    if (formula !== 'sum' && formula !== 'count' && formula !== 'last') {
      throw new ImportRejection(`recurring.meter: meter '${meter.id}' aggregates by '${formula}', which Tariff does not know`);
    }
    return { metric: meter.event_name, aggregation: formula };
  }
  // Usage records (the legacy metered API) are reported per price: the price code names the metric.
  switch (recurring.aggregate_usage ?? 'sum') {
    case 'sum':
      return { metric: code, aggregation: 'sum' };
    case 'max':
      return { metric: code, aggregation: 'max' };
    case 'last_during_period':
      return { metric: code, aggregation: 'last' };
    case 'last_ever':
      throw new ImportRejection("recurring.aggregate_usage: 'last_ever' carries usage across periods; Tariff aggregates within the period");
    default:
      throw new ImportRejection(`recurring.aggregate_usage: '${recurring.aggregate_usage}' is not supported`);
  }
}
