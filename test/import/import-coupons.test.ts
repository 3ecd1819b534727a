import { ManualClock } from '../../src/domain/shared/clock';
import type { ImportReport } from '../../src/import/stripe-import';
import { addInterval } from '../../src/pricing';
import { startTestApp, TestApp } from '../support/app';
import { must } from '../support/catalog';
import { readableEvents } from '../support/events';
import { importDump, reasonFor, subscriptionByStripeId, upcomingOf } from './import-support';
import { customer, DAY, price, product, removeDumps, subscription, T0, taxRate, writeDump } from './stripe-builders';

// Stripe coupons and discounts imported into a database and read back over GraphQL as clients
// see them: the coupons, each discount on its customer or subscription from Stripe's start, the
// next invoice discounted as Stripe discounts it, MRR with the recurring ones (a clean
// reconciliation against revenueMetrics), customer metadata; and what cannot come over, refused
// with its reason.

const clock = new ManualClock(new Date((T0 + DAY) * 1000));
let t: TestApp;
let report: ImportReport;

const anchor = Date.UTC(2026, 9, 31, 9, 30) / 1000;
const monthly = { start: anchor, end: Date.UTC(2026, 10, 30, 9, 30) / 1000, anchor };
const seat = price('price_seat', { unit_amount: 2000, unit_amount_decimal: '2000' });
const euro = price('price_eur', { currency: 'eur' });
const coupon = (id: string, terms: Record<string, unknown>) => ({
  id,
  object: 'coupon',
  amount_off: null,
  applies_to: null,
  created: T0 - 100 * DAY,
  currency: null,
  duration: 'forever',
  duration_in_months: null,
  livemode: false,
  max_redemptions: null,
  metadata: {},
  name: null,
  percent_off: null,
  redeem_by: null,
  times_redeemed: 1,
  valid: true,
  ...terms,
});
const coupons = {
  loyal: coupon('LOYAL15', {
    percent_off: 15,
    name: 'Loyalty',
    max_redemptions: 100,
    times_redeemed: 7,
    redeem_by: T0 - DAY,
    valid: false,
  }),
  welcome: coupon('WELCOME20', { percent_off: 20, duration: 'once' }),
  half: coupon('HALF3M', { percent_off: 50, duration: 'repeating', duration_in_months: 3 }),
  usd: coupon('USD10', { amount_off: 1000, currency: 'usd' }),
  eur: coupon('EUR5', { amount_off: 500, currency: 'eur' }),
  seats: coupon('SEATS25', { percent_off: 25, applies_to: { products: ['prod_Test0000001'] } }),
};
const start = (days: number) => T0 - days * DAY;
const halfEnd = Math.floor(addInterval(new Date(start(10) * 1000), 'MONTH', 1, 3).getTime() / 1000);
function discount(
  id: string,
  c: Record<string, unknown>,
  owner: { customer: string; subscription?: string },
  begins: number,
  extra: Record<string, unknown> = {},
) {
  return {
    id,
    object: 'discount',
    checkout_session: null,
    coupon: c,
    customer: owner.customer,
    end: c.duration === 'repeating' ? halfEnd : null,
    invoice: null,
    invoice_item: null,
    promotion_code: null,
    start: begins,
    subscription: owner.subscription ?? null,
    subscription_item: null,
    ...extra,
  };
}
const own = (id: string, c: Record<string, unknown>, sub: string, cus: string, begins = start(2)) => {
  const d = discount(id, c, { customer: cus, subscription: sub }, begins);
  return { discount: d, discounts: [id] };
};

beforeAll(async () => {
  t = await startTestApp({ clock });
  const dir = writeDump({
    products: [product()],
    prices: [seat, euro],
    coupons: Object.values(coupons),
    customers: [
      customer('cus_loyal', {
        metadata: { crm_id: '0015g00000A1', segment: 'enterprise' },
        discount: discount('di_loyal', coupons.loyal, { customer: 'cus_loyal' }, start(5)),
      }),
      customer('cus_plain'),
      customer('cus_taxed'),
      customer('cus_eur', { currency: 'eur' }),
    ],
    subscriptions: [
      subscription('sub_loyal', 'cus_loyal', [[seat, 2]], monthly),
      subscription('sub_welcome', 'cus_plain', [[seat, 1]], monthly, own('di_welcome', coupons.welcome, 'sub_welcome', 'cus_plain')),
      subscription('sub_half', 'cus_plain', [[seat, 3]], monthly, own('di_half', coupons.half, 'sub_half', 'cus_plain', start(10))),
      subscription('sub_usd', 'cus_taxed', [[seat, 1]], monthly, {
        ...own('di_usd', coupons.usd, 'sub_usd', 'cus_taxed'),
        default_tax_rates: [taxRate(19)],
      }),
      subscription('sub_eur', 'cus_eur', [[euro, 1]], monthly, own('di_eur', coupons.eur, 'sub_eur', 'cus_eur')),
      // Its own discount takes precedence over its customer's, in Stripe as in Tariff.
      subscription('sub_seats', 'cus_loyal', [[seat, 1]], monthly, own('di_seats', coupons.seats, 'sub_seats', 'cus_loyal')),
    ],
  });
  report = await importDump(t, clock, dir);
}, 120_000);
afterAll(async () => {
  await t.close();
  removeDumps();
});

it('imports every coupon, discount and subscription, with a clean reconciliation: MRR from revenueMetrics counts the recurring discounts', () => {
  expect(report.rejected).toEqual([]);
  expect(report.reconciliation!.differences).toEqual([]);
  expect(report.counts.coupon).toMatchObject({ read: 6, imported: 6 });
  // 40 × 0.85 + 20 (once: not recurring) + 60 × 0.5 (repeating, running) + (20 − 10) + 20 × 0.75; EUR: 10 − 5.
  expect(report.reconciliation!.currencies.map((c) => [c.currency, c.stripeMrr, c.tariffMrr])).toEqual([
    ['EUR', '5.00', '5.00'],
    ['USD', '109.00', '109.00'],
  ]);
});

it("coupons keep their terms, limits and Stripe's count of redemptions; a redeem_by already past stays", async () => {
  const q =
    'query($c: String!) { coupon(code: $c) { code name percentOff amountOff currency duration durationInMonths appliesToPriceCodes maxRedemptions timesRedeemed redeemBy } }';
  expect((await must(t, q, { c: 'LOYAL15' })).coupon).toEqual({
    code: 'LOYAL15',
    name: 'Loyalty',
    percentOff: '15',
    amountOff: null,
    currency: null,
    duration: 'FOREVER',
    durationInMonths: null,
    appliesToPriceCodes: null,
    maxRedemptions: 100,
    timesRedeemed: 7,
    redeemBy: new Date(start(1) * 1000).toISOString(),
  });
  expect((await must(t, q, { c: 'HALF3M' })).coupon).toMatchObject({ duration: 'REPEATING', durationInMonths: 3 });
  expect((await must(t, q, { c: 'USD10' })).coupon).toMatchObject({ amountOff: '10.00', currency: 'USD' });
  // Every price of the product, in every currency.
  expect((await must(t, q, { c: 'SEATS25' })).coupon).toMatchObject({ appliesToPriceCodes: ['price_eur', 'price_seat'] });
});

it("puts each discount on its customer or subscription from Stripe's start, a repeating one ending where Stripe ends it", async () => {
  const c = await must(
    t,
    'query { customerByExternalId(system: "STRIPE", id: "cus_loyal") { metadata discount { coupon { code } startsAt endsAt subscription { id } } } }',
  );
  expect(c.customerByExternalId).toEqual({
    metadata: { crm_id: '0015g00000A1', segment: 'enterprise' },
    discount: { coupon: { code: 'LOYAL15' }, startsAt: new Date(start(5) * 1000).toISOString(), endsAt: null, subscription: null },
  });
  const s = await must(
    t,
    'query { subscriptionByExternalId(system: "STRIPE", id: "sub_half") { discount { coupon { code } startsAt endsAt } } }',
  );
  expect(s.subscriptionByExternalId.discount).toEqual({
    coupon: { code: 'HALF3M' },
    startsAt: new Date(start(10) * 1000).toISOString(),
    endsAt: new Date(halfEnd * 1000).toISOString(),
  });
});

it.each([
  ['sub_loyal', '34.00'], // the customer's 15 %
  ['sub_welcome', '16.00'], // once, not used yet
  ['sub_half', '30.00'],
  ['sub_usd', '11.90'], // 20.00 − 10.00, 19 % on what is left
  ['sub_eur', '5.00'],
  ['sub_seats', '15.00'], // its own 25 %, not its customer's 15 %
])('%s: the next invoice is discounted as Stripe would discount it', async (id, total) => {
  expect(await upcomingOf(t, await subscriptionByStripeId(t, id))).toEqual({ at: '2026-11-30T09:30:00.000Z', total });
});

it('emits coupon.imported and coupon.discount_imported, never coupon.created or coupon.redeemed', async () => {
  const types = (await readableEvents(t, ['coupon.*'], 'type')).map((e: { type: string }) => e.type);
  expect([
    types.filter((x: string) => x === 'coupon.imported').length,
    types.filter((x: string) => x === 'coupon.discount_imported').length,
    types.length,
  ]).toEqual([6, 6, 12]);
});

it('a second run changes nothing', async () => {
  clock.advanceSeconds(60);
  const before = await t.app.db.orm.em
    .fork()
    .execute('select id, coupon_id, customer_id, subscription_id, starts_at from coupon_redemption order by id');
  const again = await importDump(t, clock, report.dir);
  expect([again.ok, again.counts.coupon.existing, again.counts.coupon.imported, again.drifted]).toEqual([true, 6, 0, []]);
  expect(
    await t.app.db.orm.em
      .fork()
      .execute('select id, coupon_id, customer_id, subscription_id, starts_at from coupon_redemption order by id'),
  ).toEqual(before);
});

describe('what cannot come over', () => {
  it('is refused with the record id and the reason, and nothing of it is written', async () => {
    const dir = writeDump({
      products: [product()],
      prices: [seat],
      coupons: [coupons.loyal, coupons.eur, coupon('BROKEN', { percent_off: 150 }), { id: 'RETIRED', object: 'coupon', deleted: true }],
      customers: [
        customer('cus_x_currency', { discount: discount('di_x1', coupons.eur, { customer: 'cus_x_currency' }, start(3)) }),
        customer('cus_x_deleted', {
          discount: discount('di_x2', coupon('RETIRED', { percent_off: 5 }), { customer: 'cus_x_deleted' }, start(3)),
        }),
        customer('cus_x_promo', {
          discount: discount('di_x3', coupons.loyal, { customer: 'cus_x_promo' }, start(3), { promotion_code: 'promo_1' }),
        }),
        customer('cus_x_broken', {
          discount: discount('di_x4', coupon('BROKEN', { percent_off: 150 }), { customer: 'cus_x_broken' }, start(3)),
        }),
        customer('cus_x_ok'),
      ],
      subscriptions: [
        subscription('sub_x_stacked', 'cus_x_ok', [[seat, 1]], monthly, {
          discounts: [
            discount('di_x5', coupons.loyal, { customer: 'cus_x_ok', subscription: 'sub_x_stacked' }, start(2)),
            discount('di_x6', coupons.loyal, { customer: 'cus_x_ok', subscription: 'sub_x_stacked' }, start(2)),
          ],
        }),
      ],
    });
    const redemptions = async () =>
      Number((await t.app.db.orm.em.fork().execute<{ n: string }[]>('select count(*) as n from coupon_redemption'))[0].n);
    const before = await redemptions();
    const refused = await importDump(t, clock, dir);
    expect(reasonFor(refused, 'BROKEN')).toMatch(/percent_off: 150 is not more than 0 and at most 100/);
    expect(refused.skipped).toContainEqual(expect.objectContaining({ kind: 'coupon', id: 'RETIRED', reason: 'deleted in Stripe' }));
    expect(reasonFor(refused, 'cus_x_currency')).toMatch(/discount.coupon: 'EUR5' takes EUR off; the customer pays in USD/);
    expect(reasonFor(refused, 'cus_x_deleted')).toMatch(/discount.coupon: 'RETIRED' is not imported \(deleted in Stripe\)/);
    expect(reasonFor(refused, 'cus_x_promo')).toMatch(/discount.promotion_code: 'promo_1' is not in the dump/);
    expect(reasonFor(refused, 'cus_x_broken')).toMatch(/'BROKEN' is not imported \(percent_off: 150/);
    expect(reasonFor(refused, 'sub_x_stacked')).toMatch(/discounts: 2 discounts stacked/);
    expect(refused.counts.customer).toMatchObject({ imported: 1, rejected: 4 });
    expect(await redemptions()).toBe(before);
  });
});

describe('where Tariff bills a discount a minor unit apart from Stripe (README, Migrating from Stripe)', () => {
  it('imports the subscription, and the reconciliation lists its next invoice', async () => {
    const odd = price('price_odd', { unit_amount: 1999, unit_amount_decimal: '1999' });
    const one = price('price_one', { unit_amount: 1200, unit_amount_decimal: '1200' });
    const three = price('price_three', { unit_amount: 1200, unit_amount_decimal: '1200' });
    const dir = writeDump({
      products: [product()],
      prices: [odd, one, three],
      coupons: [coupons.usd, coupon('HALF', { percent_off: 50 })],
      customers: [customer('cus_y_half'), customer('cus_y_shared')],
      subscriptions: [
        // 19.99 − 50 %: Stripe takes 10.00 off (9.995 rounded), Tariff bills 10.00 (9.995 rounded).
        subscription(
          'sub_y_half',
          'cus_y_half',
          [[odd, 1]],
          monthly,
          own('di_y1', coupon('HALF', { percent_off: 50 }), 'sub_y_half', 'cus_y_half'),
        ),
        // 10.00 off 12.00 + 36.00 at 19 %: Stripe taxes 9.50 and 28.50 (45.23 in all), Tariff 48.00 and −10.00 apart (45.22).
        subscription(
          'sub_y_shared',
          'cus_y_shared',
          [
            [one, 1],
            [three, 3],
          ],
          monthly,
          { ...own('di_y2', coupons.usd, 'sub_y_shared', 'cus_y_shared'), default_tax_rates: [taxRate(19)] },
        ),
      ],
    });
    const r = await importDump(t, clock, dir);
    expect(r.rejected).toEqual([]);
    const listed = r.reconciliation!.differences.filter((d) => d.what === 'next_invoice').map((d) => [d.id, d.stripe, d.tariff]);
    expect(listed).toEqual([
      ['sub_y_half', '2026-11-30T09:30:00.000Z 9.99', '2026-11-30T09:30:00.000Z 10.00'],
      ['sub_y_shared', '2026-11-30T09:30:00.000Z 45.23', '2026-11-30T09:30:00.000Z 45.22'],
    ]);
    expect(r.ok).toBe(false);
  });
});

describe('many records naming the same coupons', () => {
  it('import whole, one transaction each and several at once (on PostgreSQL), their events numbered in commit order', async () => {
    const n = 120;
    const ids = Array.from({ length: n }, (_, i) => `cus_z_${String(i).padStart(3, '0')}`);
    const dir = writeDump({
      products: [product()],
      prices: [seat],
      coupons: [coupons.loyal, coupons.welcome],
      customers: ids.map((id, i) =>
        customer(id, { discount: discount(`di_z_${i}`, i % 2 ? coupons.loyal : coupons.welcome, { customer: id }, start(3)) }),
      ),
      subscriptions: ids.map((id, i) =>
        subscription(`sub_z_${i}`, id, [[seat, 1]], monthly, i % 3 ? {} : own(`di_zs_${i}`, coupons.loyal, `sub_z_${i}`, id)),
      ),
    });
    const r = await importDump(t, clock, dir, { batchSize: 1 });
    expect([r.rejected, r.counts.customer.imported, r.counts.subscription.imported]).toEqual([[], n, n]);
    const [row] = await t.app.db.orm.em
      .fork()
      .execute<{ n: string }[]>(
        "select count(*) as n from coupon_redemption r join customer c on c.id = r.customer_id where c.email like 'cus_z_%'",
      );
    expect(Number(row.n)).toBe(n + n / 3);
  }, 120_000);
});
