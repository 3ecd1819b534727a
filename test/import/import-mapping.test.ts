import { ManualClock } from '../../src/domain/shared/clock';
import type { ImportReport } from '../../src/import/stripe-import';
import { startTestApp, TestApp } from '../support/app';
import { must } from '../support/catalog';
import { importDump, reasonFor, subscriptionByStripeId, upcomingOf } from './import-support';
import {
  customer,
  DAY,
  invoice,
  line,
  metered,
  price,
  product,
  removeDumps,
  subscription,
  T0,
  taxRate,
  writeDump,
} from './stripe-builders';

// A small dump with one of each mapping, imported into a database and read back over GraphQL as
// clients see it: prices by kind, customers' tax, subscriptions' status, cycle and items, their
// next invoice to the cent, open invoices; and the records refused, each with its reason.

const clock = new ManualClock(new Date((T0 + DAY) * 1000));
let t: TestApp;
let report: ImportReport;

const tiers = [
  { up_to: 10, unit_amount: 500, unit_amount_decimal: '500', flat_amount: null, flat_amount_decimal: null },
  { up_to: 50, unit_amount: 400, unit_amount_decimal: '400', flat_amount: 1000, flat_amount_decimal: '1000' },
  { up_to: 'inf', unit_amount: 300, unit_amount_decimal: '300', flat_amount: null, flat_amount_decimal: null },
];
const seat = price('price_seat', { unit_amount: 2000, unit_amount_decimal: '2000', lookup_key: 'seat_monthly' });
const graduated = price('price_grad', {
  billing_scheme: 'tiered',
  tiers_mode: 'graduated',
  unit_amount: null,
  unit_amount_decimal: null,
  tiers,
});
const api = metered('price_api', { lookup_key: 'api_calls' });
const yearlyVolume = price('price_vol_y', {
  billing_scheme: 'tiered',
  tiers_mode: 'volume',
  unit_amount: null,
  unit_amount_decimal: null,
  tiers: tiers.map((t) => ({ ...t, up_to: t.up_to === 'inf' ? null : t.up_to })),
  recurring: { interval: 'year', interval_count: 1, usage_type: 'licensed' },
});
const quarterlyPack = price('price_pack_q', {
  unit_amount: 900,
  unit_amount_decimal: '900',
  transform_quantity: { divide_by: 1000, round: 'up' },
  recurring: { interval: 'month', interval_count: 3, usage_type: 'licensed' },
});
const euro = price('price_eur', { currency: 'eur' });
const refusedPrices = [
  price('price_flatrate', { billing_scheme: 'flat_rate' }),
  price('price_notiersmode', { billing_scheme: 'tiered', tiers_mode: null, tiers }),
];

// Monthly, anchored on Oct 31 09:30: the current period ends Nov 30 09:30 (clamped), the next Dec 31.
const anchor = Date.UTC(2026, 9, 31, 9, 30) / 1000;
const monthly = { start: anchor, end: Date.UTC(2026, 10, 30, 9, 30) / 1000, anchor };
const trialEnd = Date.UTC(2026, 11, 5) / 1000;
const quarter = { start: Date.UTC(2026, 9, 1) / 1000, end: Date.UTC(2027, 0, 1) / 1000, anchor: Date.UTC(2026, 0, 1) / 1000 };

beforeAll(async () => {
  t = await startTestApp({ clock });
  const dir = writeDump({
    products: [product()],
    prices: [seat, graduated, api, yearlyVolume, quarterlyPack, euro, ...refusedPrices, 'not json {'],
    coupons: [{ id: 'SUMMER', object: 'coupon', percent_off: 20, duration: 'once' }],
    customers: [
      customer('cus_taxed'),
      customer('cus_exempt', { tax_exempt: 'exempt' }),
      customer('cus_reverse', { tax_exempt: 'reverse', currency: null }),
      customer('cus_pastdue'),
      customer('cus_noemail', { email: null }),
      { id: 'cus_deleted', object: 'customer', deleted: true },
    ],
    subscriptions: [
      subscription(
        'sub_taxed',
        'cus_taxed',
        [
          [seat, 3],
          [graduated, 60],
          [api, null],
        ],
        monthly,
        { default_tax_rates: [taxRate(19)] },
      ),
      subscription('sub_old', 'cus_taxed', [[seat, 1]], monthly, {
        status: 'canceled',
        canceled_at: T0 - 10 * DAY,
        ended_at: T0 - 10 * DAY,
        default_tax_rates: [taxRate(19)],
      }),
      subscription(
        'sub_trial',
        'cus_exempt',
        [[yearlyVolume, 60]],
        { start: T0 - 9 * DAY, end: trialEnd, anchor: trialEnd },
        { status: 'trialing', trial_start: T0 - 9 * DAY, trial_end: trialEnd },
      ),
      subscription('sub_ending', 'cus_reverse', [[quarterlyPack, 2001]], quarter, {
        cancel_at_period_end: true,
        cancel_at: quarter.end,
        canceled_at: T0,
      }),
      subscription('sub_pastdue', 'cus_pastdue', [[seat, 2]], monthly, { status: 'past_due' }),
      subscription('sub_euro', 'cus_pastdue', [[euro, 1]], monthly),
      subscription('sub_unknownprice', 'cus_pastdue', [[price('price_nowhere'), 1]], monthly),
      subscription('sub_orphan', 'cus_noemail', [[seat, 1]], monthly),
    ],
    invoices: [
      invoice('in_open_0001', 'cus_pastdue', [line('il_1', 4000, { price: { id: 'price_seat' }, quantity: 2, type: 'subscription' })], {
        subscription: 'sub_pastdue',
        amount_paid: 1000,
        amount_remaining: 3000,
      }),
      invoice('in_paid_0002', 'cus_pastdue', [line('il_2', 4000)], { status: 'paid', amount_paid: 4000, amount_remaining: 0 }),
      invoice('in_draft_0003', 'cus_pastdue', [line('il_3', 4000)], { status: 'draft', number: null }),
    ],
  });
  report = await importDump(t, clock, dir);
}, 120_000);
afterAll(async () => {
  await t.close();
  removeDumps();
});

const priceQuery =
  'query($code: String!) { price(code: $code) { code currency interval intervalCount status rule { kind config } externalIds { system id } } }';

describe('prices', () => {
  it.each([
    [
      'seat_monthly',
      {
        interval: 'MONTH',
        intervalCount: 1,
        status: 'ACTIVE',
        rule: { kind: 'per_unit', config: { unitAmount: '20' } },
        externalIds: [{ system: 'STRIPE', id: 'price_seat' }],
      },
    ],
    [
      'price_grad',
      {
        rule: {
          kind: 'graduated',
          config: {
            tiers: [
              { upTo: '10', unitAmount: '5' },
              { upTo: '50', unitAmount: '4', flatAmount: '10' },
              { upTo: null, unitAmount: '3' },
            ],
          },
        },
      },
    ],
    [
      'api_calls',
      {
        rule: {
          kind: 'usage',
          config: { metric: 'api_calls', aggregation: 'sum', pricing: { kind: 'per_unit', config: { unitAmount: '0.005' } } },
        },
      },
    ],
    [
      'price_vol_y',
      {
        interval: 'YEAR',
        rule: {
          kind: 'volume',
          config: {
            tiers: [
              { upTo: '10', unitAmount: '5' },
              { upTo: '50', unitAmount: '4', flatAmount: '10' },
              { upTo: null, unitAmount: '3' },
            ],
          },
        },
      },
    ],
    [
      'price_pack_q',
      { interval: 'QUARTER', intervalCount: 1, rule: { kind: 'package', config: { packageSize: '1000', packageAmount: '9' } } },
    ],
  ])('%s', async (code, expected) => {
    expect((await must(t, priceQuery, { code })).price).toMatchObject(expected);
  });

  it('refuses what cannot be mapped, with the record id and the reason, and writes nothing of it', async () => {
    expect(reasonFor(report, 'price_flatrate')).toMatch(/billing_scheme: 'flat_rate' is not supported/);
    expect(reasonFor(report, 'price_notiersmode')).toMatch(/tiers_mode: missing/);
    expect(report.rejected).toContainEqual(
      expect.objectContaining({ kind: 'price', file: 'prices.jsonl', line: 9, id: null, reason: expect.stringMatching(/^not JSON/) }),
    );
    expect((await must(t, priceQuery, { code: 'price_flatrate' })).price).toBeNull();
  });
});

describe('customers', () => {
  const query = 'query($id: String!) { customerByExternalId(system: "STRIPE", id: $id) { name email currency taxStatus taxRate } }';
  it.each([
    ['cus_taxed', { currency: 'USD', taxStatus: 'TAXABLE', taxRate: '19' }],
    ['cus_exempt', { taxStatus: 'EXEMPT', taxRate: null }],
    // No currency of its own in Stripe: its subscription's.
    ['cus_reverse', { currency: 'USD', taxStatus: 'REVERSE_CHARGE' }],
  ])('%s', async (id, expected) => {
    expect((await must(t, query, { id })).customerByExternalId).toMatchObject({
      name: `Customer ${id}`,
      email: `${id}@example.com`,
      ...expected,
    });
  });

  it('refuses one without an email, and its subscription with it; skips deleted ones; imports coupons (import-coupons.test.ts)', async () => {
    expect(reasonFor(report, 'cus_noemail')).toMatch(/email: missing/);
    expect(reasonFor(report, 'sub_orphan')).toMatch(/customer: 'cus_noemail' is not imported \(email: missing/);
    expect(report.skipped).toContainEqual(expect.objectContaining({ id: 'cus_deleted', reason: 'deleted in Stripe' }));
    expect(report.counts.coupon).toMatchObject({ read: 1, imported: 1, rejected: 0 });
  });
});

describe('subscriptions', () => {
  it('keep status, current period, anchor, items and quantities; the next invoice comes on the same day for the same amount', async () => {
    const sub = await subscriptionByStripeId(t, 'sub_taxed');
    expect(sub).toMatchObject({
      status: 'ACTIVE',
      currentPeriodStart: '2026-10-31T09:30:00.000Z',
      currentPeriodEnd: '2026-11-30T09:30:00.000Z',
      cancelAtPeriodEnd: false,
      items: [
        { priceCode: 'api_calls', quantity: '0' },
        { priceCode: 'price_grad', quantity: '60' },
        { priceCode: 'seat_monthly', quantity: '3' },
      ],
      externalIds: [{ system: 'STRIPE', id: 'sub_taxed' }],
    });
    // 3 × 20.00 + (10 × 5.00 + 40 × 4.00 + 10.00 + 10 × 3.00) = 310.00, and 19 % per line: 11.40 + 47.50.
    expect(await upcomingOf(t, sub)).toEqual({ at: '2026-11-30T09:30:00.000Z', total: '368.90' });
  });

  it('a trial: invoiced at its end for the first year, at the volume tier', async () => {
    const sub = await subscriptionByStripeId(t, 'sub_trial');
    expect(sub).toMatchObject({ status: 'TRIALING', trialEnd: '2026-12-05T00:00:00.000Z', currentPeriodEnd: '2026-12-05T00:00:00.000Z' });
    expect(await upcomingOf(t, sub)).toEqual({ at: '2026-12-05T00:00:00.000Z', total: '180.00' });
  });

  it('set to cancel at period end: nothing more to bill but the usage of its last period', async () => {
    const sub = await subscriptionByStripeId(t, 'sub_ending');
    expect(sub).toMatchObject({
      status: 'ACTIVE',
      cancelAtPeriodEnd: true,
      currentPeriodEnd: '2027-01-01T00:00:00.000Z',
      items: [{ priceCode: 'price_pack_q', quantity: '2001' }],
    });
    expect(await upcomingOf(t, sub)).toEqual({ at: '2027-01-01T00:00:00.000Z', total: '0.00' });
  });

  it('past due and canceled ones keep their status', async () => {
    expect((await subscriptionByStripeId(t, 'sub_pastdue')).status).toBe('PAST_DUE');
    expect((await subscriptionByStripeId(t, 'sub_old')).status).toBe('CANCELED');
  });

  it('refuses a currency mismatch and an unknown price', () => {
    expect(reasonFor(report, 'sub_euro')).toMatch(/currency: the subscription is in EUR, its customer pays in USD/);
    expect(reasonFor(report, 'sub_unknownprice')).toMatch(/unknown price 'price_nowhere'/);
  });
});

describe('invoices', () => {
  it('an open one comes over under its Stripe number, owing what Stripe says is still owed', async () => {
    const data = await must(
      t,
      'query { invoiceByExternalId(system: "STRIPE", id: "in_open_0001") { number status total amountDue amountPaid amountRemaining subscription { id } lines { priceCode quantity amount } } }',
    );
    const sub = await subscriptionByStripeId(t, 'sub_pastdue');
    expect(data.invoiceByExternalId).toEqual({
      number: 'TEST0001-0001',
      status: 'OPEN',
      total: '40.00',
      amountDue: '40.00',
      amountPaid: '10.00',
      amountRemaining: '30.00',
      subscription: { id: sub.id },
      lines: [{ priceCode: 'seat_monthly', quantity: '2', amount: '40.00' }],
    });
  });

  it('paid ones stay in Stripe; a draft is refused', () => {
    expect(report.skipped).toContainEqual(expect.objectContaining({ id: 'in_paid_0002', reason: expect.stringMatching(/^paid/) }));
    expect(reasonFor(report, 'in_draft_0003')).toMatch(/status: draft/);
  });
});

describe('reconciliation', () => {
  it('lists what did not come over, so the run is not clean', () => {
    const r = report.reconciliation!;
    expect(report.ok).toBe(false);
    expect(r.clean).toBe(false);
    expect(r.customers).toEqual({ stripe: 5, tariff: 4 });
    expect(r.subscriptions).toEqual({ stripe: 8, tariff: 5 });
    expect(r.differences).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ what: 'missing', id: 'cus_noemail', note: expect.stringMatching(/email: missing/) }),
        expect.objectContaining({ what: 'missing', id: 'sub_euro' }),
        expect.objectContaining({ what: 'mrr', currency: 'EUR' }),
      ]),
    );
    // Everything imported agrees with Stripe to the cent.
    expect(r.differences.filter((d) => d.what === 'next_invoice')).toEqual([]);
    expect(r.nextInvoices).toEqual({ compared: 5, matching: 5 });
  });
});

describe('subscriptions by external id', () => {
  const query = 'query($id: String!) { subscriptionByExternalId(system: "STRIPE", id: $id) { id } }';
  const keyFor = async (customerId: string) =>
    (
      await must(t, 'mutation($c: ID!) { createApiKey(input: { role: CUSTOMER, customerId: $c, name: "portal" }) { secret } }', {
        c: customerId,
      })
    ).createApiKey.secret;

  it("a CUSTOMER key finds its own customer's, and null for another's", async () => {
    const taxed = await subscriptionByStripeId(t, 'sub_taxed');
    const other = await subscriptionByStripeId(t, 'sub_trial');
    const key = await keyFor(taxed.customer.id);
    expect((await must(t, query, { id: 'sub_taxed' }, key)).subscriptionByExternalId).toEqual({ id: taxed.id });
    expect((await must(t, query, { id: 'sub_trial' }, key)).subscriptionByExternalId).toBeNull();
    expect(other.id).not.toBe(taxed.id);
  });

  it("setExternalId links another system's id to a subscription, once", async () => {
    const sub = await subscriptionByStripeId(t, 'sub_pastdue');
    const link = 'mutation($r: ID!) { setExternalId(kind: SUBSCRIPTION, recordId: $r, system: "CRM", id: "C-77") { kind recordId } }';
    expect((await must(t, link, { r: sub.id })).setExternalId).toEqual({ kind: 'SUBSCRIPTION', recordId: sub.id });
    await must(t, link, { r: sub.id });
    expect((await subscriptionByStripeId(t, 'sub_pastdue')).externalIds).toEqual([
      { system: 'CRM', id: 'C-77' },
      { system: 'STRIPE', id: 'sub_pastdue' },
    ]);
  });
});
