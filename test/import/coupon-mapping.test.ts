import { CouponDuration } from '../../src/domain/coupons/coupon.entity';
import { rejectionReason } from '../../src/import/import-rejection';
import { couponId, mapCoupon } from '../../src/import/map/map-coupon';
import { CouponForDiscount, MappedDiscount, resolveDiscount, subscriptionDiscount } from '../../src/import/map/map-discount';
import { stripeMrr, stripeMrrFigure, stripeNextInvoice } from '../../src/import/stripe/stripe-billing';
import { discountLines, stripeDiscountTerms } from '../../src/import/stripe/stripe-discount';
import {
  parseStripe,
  stripeCouponSchema,
  StripeCoupon,
  stripeCustomerSchema,
  stripeDiscountSchema,
  StripePrice,
  stripePriceSchema,
  stripeSubscriptionSchema,
} from '../../src/import/stripe/stripe-objects';
import { Decimal } from '../../src/pricing/decimal';
import { customer, DAY, price, subscription, T0, taxRate } from './stripe-builders';

// Stripe coupons as Tariff coupons, Stripe discounts as Tariff discounts (and each refusal with
// its reason), and Stripe's side of a discount as the reconciliation computes it from the dump.

function refusal(fn: () => unknown): string {
  try {
    return `mapped to ${JSON.stringify(fn())}`;
  } catch (err) {
    const reason = rejectionReason(err);
    if (reason === null) throw err;
    return reason;
  }
}

const coupon = (id: string, terms: Record<string, unknown>) => ({
  id,
  object: 'coupon',
  amount_off: null,
  applies_to: null,
  created: T0 - 100 * DAY,
  currency: null,
  duration: 'once',
  duration_in_months: null,
  livemode: false,
  max_redemptions: null,
  metadata: {},
  name: null,
  percent_off: null,
  redeem_by: null,
  times_redeemed: 0,
  valid: true,
  ...terms,
});
const products = new Map([
  ['prod_seats', ['seats_m', 'seats_y']],
  ['prod_empty', []],
]);
const map = (c: Record<string, unknown>) => mapCoupon(stripeCouponSchema.parse(c), (p) => products.get(p) ?? null);

describe('coupons', () => {
  it.each([
    [
      'percent off, once',
      coupon('WELCOME20', { percent_off: 20, name: 'Welcome' }),
      { code: 'WELCOME20', name: 'Welcome', percentOff: '20', amountOff: null, currency: null, duration: 'ONCE', durationInMonths: null },
    ],
    [
      'percent off with decimals, repeating',
      coupon('Q3', { percent_off: 12.5, duration: 'repeating', duration_in_months: 3 }),
      { percentOff: '12.5', duration: 'REPEATING', durationInMonths: 3 },
    ],
    [
      'amount off in minor units, forever',
      coupon('P50', { amount_off: 5000, currency: 'usd', duration: 'forever' }),
      { amountOff: '50', currency: 'USD', duration: 'FOREVER' },
    ],
    ['amount off in a zero-decimal currency', coupon('Y500', { amount_off: 500, currency: 'jpy' }), { amountOff: '500', currency: 'JPY' }],
    [
      'applies_to.products → the price codes of those products',
      coupon('SEATS', { percent_off: 25, applies_to: { products: ['prod_seats'] } }),
      { appliesToPriceCodes: ['seats_m', 'seats_y'] },
    ],
    [
      'limits, counts and a redeem_by already past (its discounts run on)',
      coupon('OLD', { percent_off: 5, max_redemptions: 100, times_redeemed: 40, redeem_by: T0 - DAY, valid: false }),
      { maxRedemptions: 100, timesRedeemed: 40, redeemBy: new Date((T0 - DAY) * 1000) },
    ],
  ])('%s', (_name, stripe, expected) => {
    const m = map(stripe);
    expect({ ...m, percentOff: m.percentOff?.toFixed() ?? null, amountOff: m.amountOff?.toFixed() ?? null }).toMatchObject({
      id: couponId(String(stripe.id)),
      ...expected,
    });
  });

  it.each([
    ['an id that is not a code', coupon('summer sale!', { percent_off: 10 }), /id: a code is 1 to 100 letters/],
    ['both percent_off and amount_off', coupon('BOTH', { percent_off: 10, amount_off: 100, currency: 'usd' }), /exactly one/],
    ['neither', coupon('NONE', {}), /exactly one/],
    ['more than 100 %', coupon('TOOMUCH', { percent_off: 120 }), /percent_off: 120 is not more than 0 and at most 100/],
    ['an unknown duration', coupon('ODD', { percent_off: 10, duration: 'weekly' }), /duration: 'weekly' is not once, repeating or forever/],
    [
      'repeating without months',
      coupon('REP', { percent_off: 10, duration: 'repeating' }),
      /duration_in_months: a repeating coupon lasts 1 to 1200 months/,
    ],
    [
      'an amount finer than the currency',
      coupon('ISK', { amount_off: 150, currency: 'isk' }),
      /amount_off: 150 is not a whole amount of ISK/,
    ],
    ['an unknown currency', coupon('XYZ', { amount_off: 150, currency: 'xyz' }), /currency: unknown currency 'xyz'/],
    [
      'a product not imported',
      coupon('GONE', { percent_off: 10, applies_to: { products: ['prod_gone'] } }),
      /applies_to.products\[0\]: product 'prod_gone' is not imported/,
    ],
    [
      'products without an imported price',
      coupon('EMPTY', { percent_off: 10, applies_to: { products: ['prod_empty'] } }),
      /no imported price belongs to prod_empty/,
    ],
    ['max_redemptions 0', coupon('ZERO', { percent_off: 10, max_redemptions: 0 }), /max_redemptions: 0 is not at least 1/],
  ])('refuses %s', (_name, stripe, reason) => {
    expect(refusal(() => map(stripe))).toMatch(reason);
  });
});

describe('discounts', () => {
  const period = { start: T0 - 10 * DAY, end: T0 + 20 * DAY };
  const seat = price('price_seat');
  const discount = (extra: Record<string, unknown> = {}) => ({
    id: 'di_1',
    object: 'discount',
    checkout_session: null,
    coupon: coupon('TEN', { percent_off: 10, duration: 'forever' }),
    customer: 'cus_a',
    end: null,
    invoice: null,
    invoice_item: null,
    promotion_code: null,
    start: T0 - 2 * DAY,
    subscription: 'sub_a',
    subscription_item: null,
    ...extra,
  });
  const ofSub = (extra: Record<string, unknown>, items?: (i: Record<string, unknown>) => Record<string, unknown>) => {
    const s = subscription('sub_a', 'cus_a', [[seat, 1]], period, extra);
    if (items) s.items.data = s.items.data.map(items);
    return subscriptionDiscount(stripeSubscriptionSchema.parse(s));
  };

  it.each([
    [
      'through a promotion code (not in the dump)',
      ofSub.bind(null, { discount: discount({ promotion_code: 'promo_1' }) }),
      /discount.promotion_code: 'promo_1' is not in the dump/,
    ],
    ['on one item', ofSub.bind(null, {}, (i) => ({ ...i, discounts: ['di_9'] })), /items\[0\].discounts: a discount on one item/],
    [
      'on one item, named by the discount',
      ofSub.bind(null, { discount: discount({ subscription_item: 'si_1' }) }),
      /discount.subscription_item: a discount on one item/,
    ],
    ['without a coupon', ofSub.bind(null, { discount: discount({ coupon: null }) }), /discount.coupon: missing/],
  ])('refuses a discount %s', (_name, fn, reason) => {
    expect(refusal(fn)).toMatch(reason);
  });

  it('refuses a discount without its start, naming the field', () => {
    expect(
      refusal(() =>
        parseStripe(stripeCustomerSchema, customer('cus_a', { discount: { id: 'di_1', object: 'discount', coupon: 'TEN' } }), 'customer'),
      ),
    ).toMatch(/not a Stripe customer object: discount.start/);
  });

  it('reads the coupon from source.coupon (API versions since 2025-09-30)', () => {
    const { coupon: _c, ...rest } = discount();
    expect(ofSub({ discounts: [{ ...rest, source: { coupon: 'TEN', type: 'coupon' } }] })).toMatchObject({ couponStripeId: 'TEN' });
  });

  const start = new Date(Date.UTC(2026, 0, 31, 10));
  const mappedDiscount = (endsAt: Date | null): MappedDiscount => ({ id: 'x', couponStripeId: 'C', startsAt: start, endsAt });
  const coupons = (c: Partial<CouponForDiscount>) =>
    new Map([['C', { id: 'cid', code: 'C', currency: null, duration: CouponDuration.FOREVER, durationInMonths: null, ...c }]]);
  const resolve = (d: MappedDiscount, c: Partial<CouponForDiscount>, currency = 'USD', reasons = new Map<string, string>()) =>
    resolveDiscount(d, 'discount', coupons(c), currency, (id) => reasons.get(id));

  it('keeps a repeating discount whose end is its months after its start (clamped to the month end, as Stripe and Tariff add months)', () => {
    const end = new Date(Date.UTC(2026, 1, 28, 10));
    expect(resolve(mappedDiscount(end), { duration: CouponDuration.REPEATING, durationInMonths: 1 })).toMatchObject({
      startsAt: start,
      endsAt: end,
      coupon: { id: 'cid' },
    });
  });

  it.each([
    [
      'a coupon not imported, with why',
      () => resolve({ ...mappedDiscount(null), couponStripeId: 'OLD' }, {}, 'USD', new Map([['OLD', 'deleted in Stripe']])),
      /discount.coupon: 'OLD' is not imported \(deleted in Stripe\)/,
    ],
    [
      'a coupon not in the dump',
      () => resolve({ ...mappedDiscount(null), couponStripeId: 'NOWHERE' }, {}),
      /'NOWHERE' is not imported \(not in coupons.jsonl\)/,
    ],
    [
      "an amount off in another currency than the customer's",
      () => resolve(mappedDiscount(null), { currency: 'EUR' }, 'USD'),
      /takes EUR off; the customer pays in USD/,
    ],
    [
      'a repeating discount whose end is not its months after its start',
      () => resolve(mappedDiscount(new Date(Date.UTC(2026, 2, 3, 10))), { duration: CouponDuration.REPEATING, durationInMonths: 1 }),
      /discount.end: .* is not 1 months after its start/,
    ],
  ])('refuses %s', (_name, fn, reason) => {
    expect(refusal(fn)).toMatch(reason);
  });
});

describe("Stripe's side: a discount on the next invoice and in MRR", () => {
  const seat = stripePriceSchema.parse(price('price_seat', { unit_amount: 1999, unit_amount_decimal: '1999', product: 'prod_seats' }));
  const base = stripePriceSchema.parse(price('price_base', { unit_amount: 5000, unit_amount_decimal: '5000', product: 'prod_base' }));
  const yearly = stripePriceSchema.parse(
    price('price_year', {
      unit_amount: 120000,
      unit_amount_decimal: '120000',
      product: 'prod_base',
      recurring: { interval: 'year', interval_count: 1, usage_type: 'licensed' },
    }),
  );
  const prices = new Map<string, StripePrice>([
    [seat.id, seat],
    [base.id, base],
    [yearly.id, yearly],
  ]);
  const period = { start: T0 - 10 * DAY, end: T0 + 20 * DAY };
  const sub = (items: [StripePrice, number][], extra: Record<string, unknown> = {}) =>
    stripeSubscriptionSchema.parse(subscription('sub_a', 'cus_a', items, period, extra));
  const terms = (c: Record<string, unknown>, start = T0 - DAY, end: number | null = null) =>
    stripeDiscountTerms(
      stripeDiscountSchema.parse({ object: 'discount', coupon: coupon('C', c), start, end }),
      new Map<string, StripeCoupon>(),
    )!;
  type Terms = ReturnType<typeof terms>;
  const next = (s: ReturnType<typeof sub>, own: Terms | null, customer: Terms | null = null) =>
    stripeNextInvoice(s, prices, 'none', { own, customer }).total!.toFixed(2);
  const mrr = (s: ReturnType<typeof sub>, own: Terms | null, customer: Terms | null = null) =>
    stripeMrr(s, prices, { own, customer }, T0)!.toFixed();

  it('percent off: each line loses its own rounded share, then tax per line', () => {
    // 3 × 19.99 = 59.97 → −9.00 (8.9955 rounded) = 50.97, + 19 % = 9.68 → 60.65; 50.00 → −7.50 → 42.50 + 8.08 → 50.58.
    expect(
      next(
        sub(
          [
            [seat, 3],
            [base, 1],
          ],
          { default_tax_rates: [taxRate(19)] },
        ),
        terms({ percent_off: 15, duration: 'forever' }),
      ),
    ).toBe('111.23');
  });

  it('amount off: capped at the lines it applies to, shared in proportion, tax on what is left', () => {
    // 30.00 off 59.97 + 50.00: 16.36 and 13.64 (rounded down, the unit to the larger remainder); tax 19 % on 43.61 and 36.36.
    expect(
      discountLines(
        [
          { amount: new Decimal(5997), product: 'a' },
          { amount: new Decimal(5000), product: 'b' },
        ],
        terms({ amount_off: 3000, currency: 'usd' }),
        'usd',
      ).map(String),
    ).toEqual(['4361', '3636']);
    expect(
      next(
        sub(
          [
            [seat, 3],
            [base, 1],
          ],
          { default_tax_rates: [taxRate(19)] },
        ),
        terms({ amount_off: 3000, currency: 'usd' }),
      ),
    ).toBe('95.17');
    // More than the lines it applies to: it takes them to zero, no further.
    expect(
      next(
        sub([
          [seat, 1],
          [base, 1],
        ]),
        terms({ amount_off: 9000, currency: 'usd', applies_to: { products: ['prod_seats'] } }),
      ),
    ).toBe('50.00');
  });

  it('applies_to: only the lines of those products', () => {
    expect(
      next(
        sub([
          [seat, 1],
          [base, 1],
        ]),
        terms({ percent_off: 50, applies_to: { products: ['prod_base'] } }),
      ),
    ).toBe('44.99');
  });

  it.each([
    ['once: the next invoice, not MRR', { percent_off: 20, duration: 'once' }, null, '40.00', '50'],
    ['forever: both', { percent_off: 20, duration: 'forever' }, null, '40.00', '40'],
    [
      'repeating, running past the next invoice: both',
      { percent_off: 20, duration: 'repeating', duration_in_months: 3 },
      T0 + 60 * DAY,
      '40.00',
      '40',
    ],
    [
      'repeating, over before the next invoice: MRR until then only',
      { percent_off: 20, duration: 'repeating', duration_in_months: 1 },
      T0 + 10 * DAY,
      '50.00',
      '40',
    ],
    ['repeating, over already: neither', { percent_off: 20, duration: 'repeating', duration_in_months: 1 }, T0 - DAY / 2, '50.00', '50'],
  ])('%s', (_name, c, end, invoiceTotal, monthly) => {
    const d = terms(c, T0 - 30 * DAY + 1, end);
    const s = sub([[base, 1]]);
    expect([next(s, d), mrr(s, d)]).toEqual([invoiceTotal, monthly]);
  });

  it('a discount starting after the next invoice discounts neither', () => {
    const d = terms({ percent_off: 20, duration: 'forever' }, T0 + 25 * DAY);
    expect([next(sub([[base, 1]]), d), mrr(sub([[base, 1]]), d)]).toEqual(['50.00', '50']);
  });

  it("its own discount takes precedence over its customer's; in MRR, its customer's recurring one counts while its own once discount waits", () => {
    const customerForever = terms({ percent_off: 10, duration: 'forever' });
    const ownOnce = terms({ percent_off: 20, duration: 'once' });
    const ownEnded = terms({ percent_off: 50, duration: 'repeating', duration_in_months: 1 }, T0 - 40 * DAY, T0 - DAY);
    const s = sub([[base, 1]]);
    expect([next(s, ownOnce, customerForever), mrr(s, ownOnce, customerForever)]).toEqual(['40.00', '45']);
    expect([next(s, ownEnded, customerForever), mrr(s, ownEnded, customerForever)]).toEqual(['45.00', '45']);
  });

  it('MRR: an amount off a yearly subscription is a twelfth a month; a trial counts nothing', () => {
    const d = terms({ amount_off: 12000, currency: 'usd', duration: 'forever' });
    expect(mrr(sub([[yearly, 1]]), d)).toBe('90');
    expect(mrr(sub([[base, 1]], { status: 'trialing', trial_end: period.end }), d)).toBe('0');
  });
});

describe("Stripe's side: a currency's MRR, rounded once from the exact sum", () => {
  it.each([
    [
      'a month and a year',
      [
        [1, 4900],
        [12, 1200],
      ],
      'usd',
      '50',
    ],
    [
      'a third and a sixth of a cent make exactly half a cent, which rounds up',
      [
        [3, 1],
        [6, 1],
      ],
      'usd',
      '0.01',
    ],
    ['five twelfths of a cent round down', [[12, 5]], 'usd', '0'],
    ['a hundred thousand thirds of a cent', [[3, 100_000]], 'usd', '333.33'],
    [
      'yen: whole yen',
      [
        [12, 6],
        [1, 1000],
      ],
      'jpy',
      '1001',
    ],
  ])('%s', (_name, parts, currency, figure) => {
    expect(stripeMrrFigure(new Map((parts as [number, number][]).map(([m, a]) => [m, new Decimal(a)])), currency).toFixed()).toBe(figure);
  });
});
