import type { CatalogPrice } from '../../src/domain/catalog/price-snapshot';
import { PriceStatus } from '../../src/domain/catalog/price.entity';
import { rejectionReason } from '../../src/import/import-rejection';
import { CustomerFacts, emptyFacts, mapCustomer } from '../../src/import/map/map-customer';
import { mapInvoice, invoiceDisposition } from '../../src/import/map/map-invoice';
import { mapPrice } from '../../src/import/map/map-price';
import { mapSubscription, resolveSubscription } from '../../src/import/map/map-subscription';
import { stableId } from '../../src/import/map/stable-id';
import { stripeLineAmount } from '../../src/import/stripe/stripe-billing';
import {
  parseStripe,
  stripeCustomerSchema,
  stripeInvoiceSchema,
  StripeMeter,
  stripeMeterSchema,
  stripePriceSchema,
  stripeSubscriptionSchema,
} from '../../src/import/stripe/stripe-objects';
import { customer, DAY, invoice, line, metered, price, subscription, T0 } from './stripe-builders';

// Each mapping of issue 9 with a Stripe-shaped object, and each refusal with its reason. The
// import of these objects into a database, read back over GraphQL, is import-mapping.test.ts.

const meters = new Map<string, StripeMeter>([
  [
    'mtr_1',
    stripeMeterSchema.parse({
      id: 'mtr_1',
      object: 'billing.meter',
      event_name: 'api_requests',
      default_aggregation: { formula: 'count' },
    }),
  ],
]);
const mapped = (p: Record<string, unknown>) => mapPrice(parseStripe(stripePriceSchema, p, 'price'), meters);

/** The reason a mapping refuses, or a failure naming what it returned. */
function refusal(fn: () => unknown): string {
  try {
    const result = fn();
    return `mapped to ${JSON.stringify(result)}`;
  } catch (err) {
    const reason = rejectionReason(err);
    if (reason === null) throw err;
    return reason;
  }
}

describe('prices', () => {
  it.each([
    [
      'per_unit, integer minor units',
      price('price_a', { unit_amount: 1250, unit_amount_decimal: '1250' }),
      { kind: 'per_unit', config: { unitAmount: '12.5' } },
    ],
    [
      'per_unit, unit_amount_decimal (a fraction of a cent)',
      price('price_b', { unit_amount: null, unit_amount_decimal: '0.125' }),
      { kind: 'per_unit', config: { unitAmount: '0.00125' } },
    ],
    [
      'per_unit in a zero-decimal currency',
      price('price_c', { currency: 'jpy', unit_amount: 500, unit_amount_decimal: '500' }),
      { kind: 'per_unit', config: { unitAmount: '500' } },
    ],
    [
      'per_unit in a three-decimal currency',
      price('price_d', { currency: 'kwd', unit_amount: 1250, unit_amount_decimal: '1250' }),
      { kind: 'per_unit', config: { unitAmount: '1.25' } },
    ],
    [
      'tiered graduated, up_to "inf", flat amounts',
      price('price_e', {
        billing_scheme: 'tiered',
        tiers_mode: 'graduated',
        unit_amount: null,
        unit_amount_decimal: null,
        tiers: [
          { up_to: 10, unit_amount: 500, unit_amount_decimal: '500', flat_amount: 1000, flat_amount_decimal: '1000' },
          { up_to: 'inf', unit_amount: null, unit_amount_decimal: '399.5', flat_amount: null, flat_amount_decimal: null },
        ],
      }),
      {
        kind: 'graduated',
        config: {
          tiers: [
            { upTo: '10', unitAmount: '5', flatAmount: '10' },
            { upTo: null, unitAmount: '3.995' },
          ],
        },
      },
    ],
    [
      'tiered volume, last up_to null (as the API returns it)',
      price('price_f', {
        billing_scheme: 'tiered',
        tiers_mode: 'volume',
        unit_amount: null,
        unit_amount_decimal: null,
        tiers: [
          { up_to: 100, unit_amount: 50, unit_amount_decimal: '50', flat_amount: null, flat_amount_decimal: null },
          { up_to: null, unit_amount: 30, unit_amount_decimal: '30', flat_amount: 5000, flat_amount_decimal: '5000' },
        ],
      }),
      {
        kind: 'volume',
        config: {
          tiers: [
            { upTo: '100', unitAmount: '0.5' },
            { upTo: null, unitAmount: '0.3', flatAmount: '50' },
          ],
        },
      },
    ],
    [
      'transform_quantity rounding up → package',
      price('price_g', { unit_amount: 900, unit_amount_decimal: '900', transform_quantity: { divide_by: 1000, round: 'up' } }),
      { kind: 'package', config: { packageSize: '1000', packageAmount: '9' } },
    ],
    [
      'metered, usage records summed → usage over per_unit, the price code naming the metric',
      metered('price_h', { lookup_key: 'api_calls' }),
      {
        kind: 'usage',
        config: { metric: 'api_calls', aggregation: 'sum', pricing: { kind: 'per_unit', config: { unitAmount: '0.005' } } },
      },
    ],
    [
      'metered, max',
      metered('price_i', {}, { aggregate_usage: 'max' }),
      { kind: 'usage', config: { metric: 'price_i', aggregation: 'max', pricing: { kind: 'per_unit', config: { unitAmount: '0.005' } } } },
    ],
    [
      'metered, last_during_period → last',
      metered('price_j', {}, { aggregate_usage: 'last_during_period' }),
      { kind: 'usage', config: { metric: 'price_j', aggregation: 'last', pricing: { kind: 'per_unit', config: { unitAmount: '0.005' } } } },
    ],
    [
      'metered by a billing meter: its event name and formula',
      metered('price_k', {}, { aggregate_usage: null, meter: 'mtr_1' }),
      {
        kind: 'usage',
        config: { metric: 'api_requests', aggregation: 'count', pricing: { kind: 'per_unit', config: { unitAmount: '0.005' } } },
      },
    ],
    [
      'metered and tiered',
      metered('price_l', {
        billing_scheme: 'tiered',
        tiers_mode: 'graduated',
        unit_amount_decimal: null,
        tiers: [
          { up_to: 1000, unit_amount: 0, unit_amount_decimal: '0' },
          { up_to: 'inf', unit_amount_decimal: '0.1' },
        ],
      }),
      {
        kind: 'usage',
        config: {
          metric: 'price_l',
          aggregation: 'sum',
          pricing: {
            kind: 'graduated',
            config: {
              tiers: [
                { upTo: '1000', unitAmount: '0' },
                { upTo: null, unitAmount: '0.001' },
              ],
            },
          },
        },
      },
    ],
  ])('%s', (_name, stripe, rule) => {
    expect(mapped(stripe).rule).toEqual(rule);
  });

  it.each([
    ['month', 1, 'MONTH', 1],
    ['month', 3, 'QUARTER', 1],
    ['month', 6, 'MONTH', 6],
    ['month', 12, 'YEAR', 1],
    ['year', 1, 'YEAR', 1],
  ])('recurring.interval %s × %i → %s × %i', (interval, count, expected, expectedCount) => {
    const p = mapped(price('price_m', { recurring: { interval, interval_count: count, usage_type: 'licensed' } }));
    expect([p.interval, p.intervalCount]).toEqual([expected, expectedCount]);
  });

  it('keeps the lookup key as the code when it is a valid code, the Stripe id otherwise; one-time prices; archived ones', () => {
    expect(mapped(price('price_n', { lookup_key: 'pro_monthly' })).code).toBe('pro_monthly');
    expect(mapped(price('price_o', { lookup_key: 'pro monthly!' })).code).toBe('price_o');
    expect(mapped(price('price_p', { type: 'one_time', recurring: null }))).toMatchObject({ interval: 'ONE_TIME', intervalCount: 1 });
    expect(mapped(price('price_q', { active: false })).archived).toBe(true);
  });

  it.each([
    ['an unsupported billing_scheme', price('price_r', { billing_scheme: 'flat_rate' }), /billing_scheme: 'flat_rate' is not supported/],
    [
      'tiered without tiers_mode',
      price('price_s', { billing_scheme: 'tiered', tiers_mode: null, tiers: [{ up_to: null, unit_amount: 1 }] }),
      /tiers_mode: missing/,
    ],
    [
      'an unknown tiers_mode',
      price('price_t', { billing_scheme: 'tiered', tiers_mode: 'stairstep', tiers: [{ up_to: null, unit_amount: 1 }] }),
      /tiers_mode: 'stairstep' is not supported/,
    ],
    [
      'tiers not expanded',
      price('price_u', { billing_scheme: 'tiered', tiers_mode: 'volume' }),
      /tiers: missing; export prices with expand\[\]=data.tiers/,
    ],
    [
      'transform_quantity rounding down',
      price('price_v', { transform_quantity: { divide_by: 10, round: 'down' } }),
      /transform_quantity.round: 'down' is not supported/,
    ],
    [
      'a weekly interval',
      price('price_w', { recurring: { interval: 'week', interval_count: 1, usage_type: 'licensed' } }),
      /recurring.interval: 'week' is not supported/,
    ],
    [
      'a daily interval',
      price('price_x', { recurring: { interval: 'day', interval_count: 7, usage_type: 'licensed' } }),
      /recurring.interval: 'day' is not supported/,
    ],
    [
      'a price the customer chooses',
      price('price_y', { custom_unit_amount: { minimum: 500, maximum: null, preset: null } }),
      /custom_unit_amount/,
    ],
    ['an inclusive price', price('price_z', { tax_behavior: 'inclusive' }), /tax_behavior: inclusive prices are not supported/],
    ['last_ever usage', metered('price_aa', {}, { aggregate_usage: 'last_ever' }), /aggregate_usage: 'last_ever'/],
    [
      'a billing meter not in the dump',
      metered('price_ab', {}, { aggregate_usage: null, meter: 'mtr_unknown' }),
      /billing meter 'mtr_unknown' is not in meters.jsonl/,
    ],
    ['an unknown currency', price('price_ac', { currency: 'xyz' }), /currency: unknown currency 'xyz'/],
    [
      'a per_unit price without an amount',
      price('price_ad', { unit_amount: null, unit_amount_decimal: null }),
      /unit_amount: a per_unit price needs/,
    ],
  ])('refuses %s', (_name, stripe, reason) => {
    expect(refusal(() => mapped(stripe))).toMatch(reason);
  });

  it('refuses what is not a Stripe price object, naming the field', () => {
    expect(refusal(() => mapped({ ...price('price_ae'), object: 'plan', currency: 12 }))).toMatch(/currency/);
  });
});

describe('customers', () => {
  const facts = (over: Partial<CustomerFacts> = {}): CustomerFacts => ({ ...emptyFacts(), ...over });
  const map = (c: Record<string, unknown>, f = facts()) => mapCustomer(stripeCustomerSchema.parse(c), f);

  it.each([
    ['none, its subscriptions taxed at 19 %', 'none', facts({ taxPercentages: [19, 19] }), { taxStatus: 'TAXABLE', taxRate: '19' }],
    [
      'none, no tax rate on its subscriptions (Stripe charged none)',
      'none',
      facts({ taxPercentages: [null] }),
      { taxStatus: 'EXEMPT', taxRate: null },
    ],
    ['exempt', 'exempt', facts({ taxPercentages: [20] }), { taxStatus: 'EXEMPT', taxRate: null }],
    ['reverse', 'reverse', facts(), { taxStatus: 'REVERSE_CHARGE', taxRate: null }],
  ])('tax_exempt %s', (_name, taxExempt, f, expected) => {
    const c = map(customer('cus_a', { tax_exempt: taxExempt }), f);
    expect({ taxStatus: c.taxStatus, taxRate: c.taxRate?.toFixed() ?? null }).toEqual(expected);
  });

  it("keeps its metadata and its discount, from the discount's start", () => {
    const c = map(
      customer('cus_n', {
        metadata: { crm_id: '0015g00000X', segment: 'smb' },
        discount: {
          id: 'di_9',
          object: 'discount',
          coupon: { id: 'LOYAL', object: 'coupon' },
          customer: 'cus_n',
          start: T0 - 3 * DAY,
          end: null,
          subscription: null,
        },
      }),
    );
    expect(c.metadata).toEqual({ crm_id: '0015g00000X', segment: 'smb' });
    expect(c.discount).toEqual({
      id: stableId('coupon_redemption', 'di_9'),
      couponStripeId: 'LOYAL',
      startsAt: new Date((T0 - 3 * DAY) * 1000),
      endsAt: null,
    });
  });

  it('takes the currency from its subscriptions when Stripe has none, and the payment terms of its sent invoices', () => {
    const c = map(customer('cus_b', { currency: null, name: null }), facts({ currencies: new Set(['EUR']), daysUntilDue: new Set([14]) }));
    expect(c).toMatchObject({ currency: 'EUR', paymentTermsDays: 14, name: 'cus_b@example.com', email: 'cus_b@example.com' });
  });

  it.each([
    ['no email', customer('cus_c', { email: null }), facts(), /email: missing/],
    ['a malformed email', customer('cus_d', { email: 'not an address' }), facts(), /email: 'not an address' is not an email address/],
    ['a balance carried to the next invoice', customer('cus_e', { balance: -1500 }), facts(), /balance: -1500/],
    [
      'a discount through a promotion code (not in the dump)',
      customer('cus_f', { discount: { id: 'di_1', object: 'discount', coupon: 'X', promotion_code: 'promo_1', start: T0 } }),
      facts(),
      /discount.promotion_code: 'promo_1' is not in the dump/,
    ],
    [
      "metadata beyond Tariff's (and Stripe's) 50 keys",
      customer('cus_f3', { metadata: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])) }),
      facts(),
      /metadata: at most 50 keys/,
    ],
    ['a test clock', customer('cus_g', { test_clock: 'clock_1' }), facts(), /test_clock/],
    ['subscriptions taxed at different rates', customer('cus_h'), facts({ taxPercentages: [19, 7] }), /different tax \(19, 7\)/],
    ['a subscription taxed and one not', customer('cus_i'), facts({ taxPercentages: [19, null] }), /different tax/],
    ['Stripe Tax', customer('cus_j'), facts({ taxProblem: 'tax: subscription sub_1 uses Stripe Tax (automatic_tax)' }), /automatic_tax/],
    ['no currency anywhere', customer('cus_k', { currency: null }), facts(), /currency: unset, and no subscription/],
    [
      'subscriptions in several currencies and none of its own',
      customer('cus_l', { currency: null }),
      facts({ currencies: new Set(['EUR', 'USD']) }),
      /several \(EUR, USD\)/,
    ],
    ['different payment terms', customer('cus_m'), facts({ daysUntilDue: new Set([14, 30]) }), /days_until_due: .*different terms/],
  ])('refuses %s', (_name, c, f, reason) => {
    expect(refusal(() => map(c, f))).toMatch(reason);
  });
});

describe('subscriptions', () => {
  const now = new Date((T0 + 1 * DAY) * 1000);
  const monthly = price('price_month', { unit_amount: 2000, unit_amount_decimal: '2000' });
  const yearly = price('price_year', { recurring: { interval: 'year', interval_count: 1, usage_type: 'licensed' } });
  const api = metered('price_api');
  const catalog = new Map<string, CatalogPrice>(
    [monthly, yearly, api, price('price_eur', { currency: 'eur' }), price('price_old', { active: false })].map((p) => {
      const m = mapped(p);
      return [
        p.id,
        {
          id: stableId('price', p.id),
          code: m.code,
          version: 1,
          currency: m.currency,
          interval: m.interval,
          intervalCount: m.intervalCount,
          ruleKind: m.rule.kind,
          ruleConfig: m.rule.config,
          status: m.archived ? PriceStatus.ARCHIVED : PriceStatus.ACTIVE,
        },
      ];
    }),
  );
  const owner = { id: '11111111-1111-4111-8111-111111111111', currency: 'USD' };
  // Anchored on Oct 31: periods end on the 30th in November, the 31st in December.
  const anchor = Date.UTC(2026, 9, 31, 9, 30) / 1000;
  const period = { start: Date.UTC(2026, 9, 31, 9, 30) / 1000, end: Date.UTC(2026, 10, 30, 9, 30) / 1000, anchor };
  const resolve = (s: Record<string, unknown>) =>
    resolveSubscription(mapSubscription(stripeSubscriptionSchema.parse(s), now), catalog, owner);
  const discountOn = (id: string) => ({
    id,
    object: 'discount',
    coupon: { id: 'TEN', object: 'coupon', percent_off: 10, duration: 'forever' },
    customer: 'cus_a',
    start: T0 - DAY,
    end: null,
    subscription: 'sub_x',
  });

  it('keeps status, current period, anchor, items and quantities', () => {
    const s = resolve(
      subscription(
        'sub_a',
        'cus_a',
        [
          [monthly, 3],
          [api, null],
        ],
        period,
      ),
    );
    expect(s).toMatchObject({
      status: 'ACTIVE',
      interval: 'MONTH',
      intervalCount: 1,
      cancelAtPeriodEnd: false,
      trialEnd: null,
      billingAnchor: new Date(anchor * 1000),
      currentPeriodStart: new Date(period.start * 1000),
      currentPeriodEnd: new Date(period.end * 1000),
    });
    expect(s.prices.map((p) => [p.price.code, p.quantity.toFixed()])).toEqual([
      ['price_month', '3'],
      ['price_api', '0'],
    ]);
  });

  it('reads the current period from the items (API versions since 2025-03-31)', () => {
    const s = subscription('sub_b', 'cus_a', [[monthly, 1]], period);
    const { current_period_start: start, current_period_end: end, ...basil } = s;
    basil.items.data = basil.items.data.map((i: Record<string, unknown>) => ({
      ...i,
      current_period_start: start,
      current_period_end: end,
    }));
    expect(resolve(basil).currentPeriodEnd).toEqual(new Date(period.end * 1000));
  });

  it.each([
    [
      'trialing',
      { status: 'trialing', trial_start: T0 - 5 * DAY, trial_end: period.end },
      { status: 'TRIALING', trialEnd: new Date(period.end * 1000) },
    ],
    ['past_due', { status: 'past_due' }, { status: 'PAST_DUE' }],
    [
      'cancel_at_period_end',
      { cancel_at_period_end: true, cancel_at: period.end, canceled_at: T0 },
      { status: 'ACTIVE', cancelAtPeriodEnd: true, canceledAt: null },
    ],
    ['cancel_at on the period end alone (newer API versions)', { cancel_at: period.end }, { cancelAtPeriodEnd: true }],
    [
      'canceled',
      { status: 'canceled', canceled_at: T0 - 3 * DAY, ended_at: T0 - 3 * DAY },
      { status: 'CANCELED', canceledAt: new Date((T0 - 3 * DAY) * 1000), cancelAtPeriodEnd: false },
    ],
    ['send_invoice', { collection_method: 'send_invoice', days_until_due: 30 }, { collectionMethod: 'SEND_INVOICE' }],
  ])('%s', (_name, extra, expected) => {
    expect(resolve(subscription('sub_c', 'cus_a', [[monthly, 1]], period, extra))).toMatchObject(expected);
  });

  it.each([
    ['discount, as API versions before 2023 give it', { discount: discountOn('di_a') }],
    ['discounts: its id, and discount spelled out', { discount: discountOn('di_a'), discounts: ['di_a'] }],
    ['discounts expanded', { discounts: [discountOn('di_a')] }],
  ])('keeps its discount: %s', (_name, extra) => {
    expect(resolve(subscription('sub_x', 'cus_a', [[monthly, 1]], period, extra)).discount).toEqual({
      id: stableId('coupon_redemption', 'di_a'),
      couponStripeId: 'TEN',
      startsAt: new Date((T0 - DAY) * 1000),
      endsAt: null,
    });
  });

  it("leaves a canceled subscription's discount behind", () => {
    expect(
      resolve(
        subscription('sub_y', 'cus_a', [[monthly, 1]], period, { status: 'canceled', ended_at: T0 - DAY, discounts: ['di_b', 'di_c'] }),
      ).discount,
    ).toBeNull();
  });

  it('keeps an item on a price no longer sold', () => {
    expect(resolve(subscription('sub_d', 'cus_a', [[price('price_old', { active: false }), 1]], period)).prices[0].price.status).toBe(
      'ARCHIVED',
    );
  });

  const ended = { start: T0 - 30 * DAY, end: T0, anchor: T0 - 30 * DAY };
  it.each([
    [
      "a currency other than its customer's",
      subscription('sub_e', 'cus_a', [[price('price_eur', { currency: 'eur' }), 1]], period),
      /currency: the subscription is in EUR, its customer pays in USD/,
    ],
    [
      'an unknown price',
      subscription('sub_f', 'cus_a', [[price('price_gone'), 1]], period),
      /items\[0\].price: unknown price 'price_gone'/,
    ],
    [
      'items on different cycles',
      subscription(
        'sub_g',
        'cus_a',
        [
          [monthly, 1],
          [yearly, 1],
        ],
        period,
      ),
      /bills every 1 YEAR; the subscription bills every 1 MONTH/,
    ],
    ['unpaid', subscription('sub_h', 'cus_a', [[monthly, 1]], period, { status: 'unpaid' }), /unpaid/],
    ['paused', subscription('sub_i', 'cus_a', [[monthly, 1]], period, { status: 'paused' }), /paused/],
    ['incomplete', subscription('sub_j', 'cus_a', [[monthly, 1]], period, { status: 'incomplete' }), /incomplete/],
    ['incomplete_expired', subscription('sub_k', 'cus_a', [[monthly, 1]], period, { status: 'incomplete_expired' }), /never started/],
    [
      'two discounts stacked',
      subscription('sub_l', 'cus_a', [[monthly, 1]], period, { discounts: [discountOn('di_1'), discountOn('di_2')] }),
      /discounts: 2 discounts stacked/,
    ],
    [
      'a discount id not expanded',
      subscription('sub_m', 'cus_a', [[monthly, 1]], period, { discounts: ['di_1'] }),
      /discounts\[0\]: 'di_1' is not expanded/,
    ],
    [
      'a schedule',
      subscription('sub_n', 'cus_a', [[monthly, 1]], period, { schedule: 'sub_sched_1' }),
      /schedule: a subscription schedule/,
    ],
    [
      'paused collection',
      subscription('sub_o', 'cus_a', [[monthly, 1]], period, { pause_collection: { behavior: 'void', resumes_at: null } }),
      /pause_collection/,
    ],
    ['a pending update', subscription('sub_p', 'cus_a', [[monthly, 1]], period, { pending_update: { expires_at: T0 } }), /pending_update/],
    [
      'a period that ended before the import',
      subscription('sub_q', 'cus_a', [[monthly, 1]], ended),
      /current_period_end: .* is past; .* export again/,
    ],
    [
      'cancel_at mid-period',
      subscription('sub_r', 'cus_a', [[monthly, 1]], period, { cancel_at: period.end - 5 * DAY }),
      /cancel_at: .* is not the end of the current period/,
    ],
    [
      "a period end off the anchor's cycle",
      subscription('sub_s', 'cus_a', [[monthly, 1]], { ...period, anchor: anchor + 2 * DAY }),
      /is not on the cycle anchored at/,
    ],
    [
      'a trial that does not end with the period',
      subscription('sub_t', 'cus_a', [[monthly, 1]], period, { status: 'trialing', trial_end: period.end - DAY }),
      /trial_end/,
    ],
    [
      'a truncated item list',
      { ...subscription('sub_u', 'cus_a', [[monthly, 1]], period), items: { object: 'list', data: [], has_more: true } },
      /items: the list is truncated/,
    ],
    ['a licensed item without a quantity', subscription('sub_v', 'cus_a', [[monthly, null]], period), /items\[0\].quantity: missing/],
    [
      'the same price twice',
      subscription(
        'sub_w',
        'cus_a',
        [
          [monthly, 1],
          [monthly, 2],
        ],
        period,
      ),
      /listed twice/,
    ],
  ])('refuses %s', (_name, s, reason) => {
    expect(refusal(() => resolve(s))).toMatch(reason);
  });
});

describe('open invoices', () => {
  const open = (lines: Record<string, unknown>[], extra: Record<string, unknown> = {}) => invoice('in_0001', 'cus_a', lines, extra);
  const map = (i: Record<string, unknown>) => {
    const parsed = stripeInvoiceSchema.parse(i);
    invoiceDisposition(parsed);
    return mapInvoice(parsed);
  };

  it('come over with their lines, tax, totals and what is still owed', () => {
    const taxed = line('il_1', 10000, { price: { id: 'price_month' }, tax_amounts: [{ amount: 1900, inclusive: false }] });
    const i = map(open([taxed, line('il_2', -2500, { proration: true })], { amount_paid: 5000, amount_remaining: 4400 }));
    expect({
      number: i.number,
      subtotal: i.subtotal.toFixed(),
      tax: i.tax.toFixed(),
      total: i.total.toFixed(),
      due: i.amountDue.toFixed(),
      paid: i.amountPaid.toFixed(),
      lines: i.lines.map((l) => [l.kind, l.priceStripeId, l.amount.toFixed(), l.tax.toFixed()]),
    }).toEqual({
      number: 'TEST0001-0001',
      subtotal: '75',
      tax: '19',
      total: '94',
      due: '94',
      paid: '50',
      lines: [
        ['RECURRING', 'price_month', '100', '19'],
        ['PRORATION', null, '-25', '0'],
      ],
    });
  });

  it('reads the subscription and price from where newer API versions put them', () => {
    const basil = line('il_3', 500, {
      price: undefined,
      pricing: { price_details: { price: 'price_month', product: 'prod_1' } },
      tax_amounts: undefined,
      taxes: [{ amount: 50, tax_behavior: 'exclusive' }],
    });
    const i = map(
      open([basil], {
        subscription: undefined,
        parent: { subscription_details: { subscription: 'sub_a' } },
        amount_due: 550,
        amount_remaining: 550,
        total: 550,
      }),
    );
    expect([i.subscriptionStripeId, i.lines[0].priceStripeId, i.tax.toFixed()]).toEqual(['sub_a', 'price_month', '0.5']);
  });

  it.each([
    ['paid', 'history'],
    ['void', 'history'],
    ['uncollectible', 'history'],
    ['open', 'import'],
  ])('%s → %s', (status, disposition) => {
    expect(invoiceDisposition(stripeInvoiceSchema.parse(open([line('il_4', 100)], { status })))).toBe(disposition);
  });

  it.each([
    ['a draft', open([line('il_5', 100)], { status: 'draft' }), /status: draft/],
    [
      'lines that do not add up to the total',
      open([line('il_6', 100)], { total: 150, amount_due: 150, amount_remaining: 150 }),
      /lines: they come to 1.00 with tax, the invoice's total is 1.50/,
    ],
    [
      'a truncated line list',
      { ...open([line('il_7', 100)]), lines: { object: 'list', data: [line('il_7', 100)], has_more: true } },
      /lines: the list is truncated/,
    ],
    [
      'a debit balance carried in',
      open([line('il_8', 100)], { amount_due: 300, amount_remaining: 300 }),
      /amount_due: 3.00 is more than the total, 1.00/,
    ],
    [
      'inclusive tax',
      open([line('il_9', 100, { tax_amounts: [{ amount: 10, inclusive: true }] })], { total: 110, amount_due: 110, amount_remaining: 110 }),
      /inclusive tax/,
    ],
    ['no number', open([line('il_10', 100)], { number: null }), /number/],
    [
      'an amount finer than the currency',
      open([line('il_11', 150)], { currency: 'isk', total: 150, amount_due: 150, amount_remaining: 150 }),
      /not a whole amount of ISK/,
    ],
  ])('refuse %s', (_name, i, reason) => {
    expect(refusal(() => map(i))).toMatch(reason);
  });
});

describe("Stripe's side: an item's invoice line", () => {
  const tiered = (mode: string, tiers: unknown[]) =>
    stripePriceSchema.parse(price('price_t', { billing_scheme: 'tiered', tiers_mode: mode, tiers }));
  const tiers = [
    { up_to: 10, unit_amount: 500 },
    { up_to: 50, unit_amount: 400 },
    { up_to: 'inf', unit_amount: 300 },
  ];

  it.each([
    ['per unit', stripePriceSchema.parse(price('price_u', { unit_amount: 1250, unit_amount_decimal: '1250' })), 3, '3750'],
    [
      'per unit, a fraction of a cent rounded half up',
      stripePriceSchema.parse(price('price_v', { unit_amount: null, unit_amount_decimal: '0.5' })),
      3,
      '2',
    ],
    [
      'transform_quantity',
      stripePriceSchema.parse(
        price('price_w', { unit_amount: 900, unit_amount_decimal: '900', transform_quantity: { divide_by: 1000, round: 'up' } }),
      ),
      2001,
      '2700',
    ],
    ["graduated (PRICING.md's example: 240.00)", tiered('graduated', tiers), 60, '24000'],
    ["volume (PRICING.md's example: 180.00)", tiered('volume', tiers), 60, '18000'],
    [
      "graduated at 0 charges the first tier's flat fee",
      tiered('graduated', [
        { up_to: 5, unit_amount: 0, flat_amount: 900 },
        { up_to: 'inf', unit_amount: 100 },
      ]),
      0,
      '900',
    ],
  ])('%s', (_name, p, quantity, amount) => {
    expect(stripeLineAmount(p, quantity).toFixed()).toBe(amount);
  });
});
