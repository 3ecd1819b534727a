/**
 * The catalog of generated Stripe dumps (stripe-fixtures.ts): every price kind the import maps,
 * in each currency, shaped as the API returns products, prices (tiers expanded) and billing
 * meters. Made-up amounts, no real data.
 */

export type Json = Record<string, unknown>;

export type Cycle = { interval: 'month' | 'year'; count: number };
export const MONTHLY: Cycle = { interval: 'month', count: 1 };
export const QUARTERLY: Cycle = { interval: 'month', count: 3 };
export const SEMIANNUAL: Cycle = { interval: 'month', count: 6 };
export const YEARLY: Cycle = { interval: 'year', count: 1 };

/** A price template: amounts in minor units of a 2-decimal currency, scaled per currency. */
interface PriceSpec {
  key: string;
  product: string;
  cycle: Cycle | null;
  usage?: 'legacy' | 'meter';
  perUnit?: string;
  package?: { divideBy: number; unit: string };
  tiers?: { mode: 'graduated' | 'volume'; list: { upTo: number | 'inf' | null; unit?: string; flat?: string }[] };
  inactive?: boolean;
  lookupKey?: boolean;
}

export const PRODUCTS: readonly { id: string; name: string }[] = [
  { id: 'prod_TfPlatform01', name: 'Platform' },
  { id: 'prod_TfSeats00002', name: 'Seats' },
  { id: 'prod_TfStorage003', name: 'Storage' },
  { id: 'prod_TfApiCalls04', name: 'API calls' },
  { id: 'prod_TfMessages05', name: 'Messages' },
  { id: 'prod_TfSupport006', name: 'Priority support' },
  { id: 'prod_TfEvents0007', name: 'Events' },
  { id: 'prod_TfOnboard008', name: 'Onboarding' },
  { id: 'prod_TfLegacy0009', name: 'Starter (legacy)' },
];

const P = (name: string) => PRODUCTS.find((p) => p.name === name)!.id;

export const PRICE_SPECS: readonly PriceSpec[] = [
  { key: 'platform_m', product: P('Platform'), cycle: MONTHLY, perUnit: '4900', lookupKey: true },
  { key: 'seats_m', product: P('Seats'), cycle: MONTHLY, perUnit: '1200', lookupKey: true },
  {
    key: 'seats_grad_m',
    product: P('Seats'),
    cycle: MONTHLY,
    tiers: {
      mode: 'graduated',
      list: [
        { upTo: 5, unit: '1500' },
        { upTo: 20, unit: '1200' },
        { upTo: null, unit: '900' },
      ],
    },
  },
  {
    key: 'storage_vol_m',
    product: P('Storage'),
    cycle: MONTHLY,
    tiers: {
      mode: 'volume',
      list: [
        { upTo: 100, unit: '50' },
        { upTo: 1000, unit: '40' },
        { upTo: 'inf', unit: '30', flat: '5000' },
      ],
    },
  },
  { key: 'messages_pkg_m', product: P('Messages'), cycle: MONTHLY, package: { divideBy: 1000, unit: '900' } },
  {
    key: 'support_m',
    product: P('Priority support'),
    cycle: MONTHLY,
    tiers: {
      mode: 'graduated',
      list: [
        { upTo: 10, unit: '0', flat: '9900' },
        { upTo: 'inf', unit: '800' },
      ],
    },
  },
  { key: 'api_m', product: P('API calls'), cycle: MONTHLY, usage: 'legacy', perUnit: '0.2' },
  {
    key: 'api_tiered_m',
    product: P('API calls'),
    cycle: MONTHLY,
    usage: 'legacy',
    tiers: {
      mode: 'graduated',
      list: [
        { upTo: 10000, unit: '0' },
        { upTo: null, unit: '0.1' },
      ],
    },
  },
  { key: 'events_m', product: P('Events'), cycle: MONTHLY, usage: 'meter', perUnit: '0.05' },
  { key: 'starter_m', product: P('Starter (legacy)'), cycle: MONTHLY, perUnit: '2900', inactive: true },
  { key: 'platform_q', product: P('Platform'), cycle: QUARTERLY, perUnit: '13900' },
  { key: 'seats_q', product: P('Seats'), cycle: QUARTERLY, perUnit: '3300' },
  { key: 'platform_6m', product: P('Platform'), cycle: SEMIANNUAL, perUnit: '26900' },
  { key: 'platform_y', product: P('Platform'), cycle: YEARLY, perUnit: '49000', lookupKey: true },
  { key: 'seats_y', product: P('Seats'), cycle: YEARLY, perUnit: '12000' },
  {
    key: 'seats_grad_y',
    product: P('Seats'),
    cycle: YEARLY,
    tiers: {
      mode: 'graduated',
      list: [
        { upTo: 10, unit: '15000' },
        { upTo: null, unit: '11000' },
      ],
    },
  },
  { key: 'api_y', product: P('API calls'), cycle: YEARLY, usage: 'legacy', perUnit: '0.15' },
  { key: 'onboarding', product: P('Onboarding'), cycle: null, perUnit: '50000' },
];

/** How many times the 2-decimal amounts each currency's prices are (JPY is zero-decimal at Stripe). */
export const CURRENCY_SCALE: Readonly<Record<string, number>> = { usd: 1, eur: 1, gbp: 1, jpy: 1.5 };

export const METER = {
  id: 'mtr_TfEvents000000001',
  object: 'billing.meter',
  created: 1_700_000_000,
  customer_mapping: { event_payload_key: 'stripe_customer_id', type: 'by_id' },
  default_aggregation: { formula: 'sum' },
  display_name: 'Events',
  event_name: 'events',
  event_time_window: null,
  livemode: false,
  status: 'active',
  status_transitions: { deactivated_at: null },
  updated: 1_700_000_000,
  value_settings: { event_payload_key: 'value' },
};

export function priceId(key: string, currency: string): string {
  return `price_Tf${key.replace(/_/g, '')}${currency}`;
}

function scaled(amount: string, currency: string): string {
  const scale = CURRENCY_SCALE[currency];
  if (scale === 1) return amount;
  // Zero-decimal at Stripe: a whole number of yen, never a fraction of one.
  return String(Math.max(1, Math.round(Number(amount) * scale)));
}

/** A Stripe price object with its tiers expanded, as `GET /v1/prices?expand[]=data.tiers` lists it. */
export function priceObject(spec: PriceSpec, currency: string, created: number): Json {
  const amount = (a: string | undefined) => (a === undefined ? null : scaled(a, currency));
  const integer = (a: string | null) => (a !== null && /^\d+$/.test(a) ? Number(a) : null);
  const unit = amount(spec.perUnit ?? spec.package?.unit);
  const metered = spec.usage !== undefined;
  return {
    id: priceId(spec.key, currency),
    object: 'price',
    active: !spec.inactive,
    billing_scheme: spec.tiers ? 'tiered' : 'per_unit',
    created,
    currency,
    custom_unit_amount: null,
    livemode: false,
    lookup_key: spec.lookupKey ? `${spec.key}_${currency}` : null,
    metadata: {},
    nickname: null,
    product: spec.product,
    recurring: spec.cycle && {
      aggregate_usage: spec.usage === 'legacy' ? 'sum' : null,
      interval: spec.cycle.interval,
      interval_count: spec.cycle.count,
      meter: spec.usage === 'meter' ? METER.id : null,
      trial_period_days: null,
      usage_type: metered ? 'metered' : 'licensed',
    },
    tax_behavior: 'exclusive',
    tiers_mode: spec.tiers?.mode ?? null,
    ...(spec.tiers
      ? {
          tiers: spec.tiers.list.map((t) => {
            const u = amount(t.unit) ?? '0';
            const f = amount(t.flat);
            return { flat_amount: integer(f), flat_amount_decimal: f, unit_amount: integer(u), unit_amount_decimal: u, up_to: t.upTo };
          }),
        }
      : {}),
    transform_quantity: spec.package ? { divide_by: spec.package.divideBy, round: 'up' } : null,
    type: spec.cycle ? 'recurring' : 'one_time',
    unit_amount: integer(unit),
    unit_amount_decimal: unit,
  };
}

export function productObject(p: { id: string; name: string }, created: number): Json {
  return {
    id: p.id,
    object: 'product',
    active: true,
    attributes: [],
    created,
    default_price: null,
    description: null,
    images: [],
    livemode: false,
    marketing_features: [],
    metadata: {},
    name: p.name,
    package_dimensions: null,
    shippable: null,
    statement_descriptor: null,
    tax_code: null,
    type: 'service',
    unit_label: null,
    updated: created,
    url: null,
  };
}

/** A coupon as `GET /v1/coupons?expand[]=data.applies_to` lists it. */
export function couponObjects(created: number, redeemBy: number): Json[] {
  const coupon = (id: string, name: string, terms: Json) => ({
    id,
    object: 'coupon',
    amount_off: null,
    applies_to: null,
    created,
    currency: null,
    duration: 'once',
    duration_in_months: null,
    livemode: false,
    max_redemptions: null,
    metadata: {},
    name,
    percent_off: null,
    redeem_by: null,
    times_redeemed: 0,
    valid: true,
    ...terms,
  });
  return [
    coupon('TFWELCOME20', 'Welcome 20 %', { percent_off: 20, duration: 'once' }),
    coupon('TFANNUAL3M', 'Three months 10 % off', { percent_off: 10, duration: 'repeating', duration_in_months: 3 }),
    coupon('TFPARTNER50', 'Partner 50 USD off', { amount_off: 5000, currency: 'usd', duration: 'forever' }),
    coupon('TFLOYAL15', 'Loyalty 15 %', { percent_off: 15, duration: 'forever', max_redemptions: 100_000, times_redeemed: 0 }),
    coupon('TFHALF6M', 'Half off for six months', {
      percent_off: 50,
      duration: 'repeating',
      duration_in_months: 6,
      redeem_by: redeemBy,
      valid: false,
    }),
    coupon('TFSEATS25', '25 % off seats', { percent_off: 25, duration: 'forever', applies_to: { products: [P('Seats')] } }),
    coupon('TFEUR20ONCE', '20 EUR off the next invoice', { amount_off: 2000, currency: 'eur', duration: 'once' }),
    coupon('TFGBP10R', '10 GBP off for a year', { amount_off: 1000, currency: 'gbp', duration: 'repeating', duration_in_months: 12 }),
    { id: 'TFRETIRED', object: 'coupon', deleted: true },
  ];
}

/** Which coupons a customer or subscription in `currency` may carry (amount off only in its own currency). */
export function couponsFor(currency: string): string[] {
  const amountOff: Record<string, string[]> = { usd: ['TFPARTNER50'], eur: ['TFEUR20ONCE'], gbp: ['TFGBP10R'], jpy: [] };
  return ['TFWELCOME20', 'TFANNUAL3M', 'TFLOYAL15', 'TFHALF6M', 'TFSEATS25', ...amountOff[currency]];
}
