import { discountCovers, discountedMonthlyAmounts, discountInForce, DiscountTerms } from '../../src/domain/coupons/coupon-effect';
import { CouponDuration } from '../../src/domain/coupons/coupon.entity';
import type { CouponTerms } from '../../src/pricing';
import { d } from './fixtures';

// The rules that decide which coupon prices what a subscription bills at an instant
// (coupon-effect.ts), and the monthly amounts MRR takes from them.
const SUB = 'sub-1';
const iso = (s: string) => new Date(s);
const percent = (code: string, p: string, appliesTo: string[] | null = null): CouponTerms => ({
  code,
  percentOff: d(p),
  amountOff: null,
  currency: null,
  appliesToPriceCodes: appliesTo,
});
const amount = (code: string, a: string, appliesTo: string[] | null = null): CouponTerms => ({
  code,
  percentOff: null,
  amountOff: d(a),
  currency: 'EUR',
  appliesToPriceCodes: appliesTo,
});

function discount(overrides: Partial<DiscountTerms> & Pick<DiscountTerms, 'duration'>): DiscountTerms {
  return {
    id: 'd-1',
    subscriptionId: SUB,
    coupon: percent('TEN', '10'),
    durationInMonths: null,
    startsAt: iso('2026-01-31T00:00:00Z'),
    endedAt: null,
    consumedAt: null,
    consumedBySubscriptionId: null,
    ...overrides,
  };
}

describe('discountCovers', () => {
  it.each([
    ['FOREVER before its start', discount({ duration: CouponDuration.FOREVER }), '2026-01-30T23:59:59Z', false],
    ['FOREVER from its start', discount({ duration: CouponDuration.FOREVER }), '2026-01-31T00:00:00Z', true],
    ['FOREVER years on', discount({ duration: CouponDuration.FOREVER }), '2036-01-31T00:00:00Z', true],
    [
      'a removed one, before its end',
      discount({ duration: CouponDuration.FOREVER, endedAt: iso('2026-03-01T00:00:00Z') }),
      '2026-02-28T23:59:59Z',
      true,
    ],
    [
      'a removed one, from its end',
      discount({ duration: CouponDuration.FOREVER, endedAt: iso('2026-03-01T00:00:00Z') }),
      '2026-03-01T00:00:00Z',
      false,
    ],
    // Months clamp as billing periods do: Jan 31 + 1 month = Feb 28.
    [
      'REPEATING 1 month, on its last instant',
      discount({ duration: CouponDuration.REPEATING, durationInMonths: 1 }),
      '2026-02-27T23:59:59Z',
      true,
    ],
    [
      'REPEATING 1 month, at its end (Feb 28)',
      discount({ duration: CouponDuration.REPEATING, durationInMonths: 1 }),
      '2026-02-28T00:00:00Z',
      false,
    ],
    [
      'REPEATING 3 months, before its end',
      discount({ duration: CouponDuration.REPEATING, durationInMonths: 3 }),
      '2026-04-29T23:59:59Z',
      true,
    ],
    [
      'REPEATING 3 months, at its end (Apr 30)',
      discount({ duration: CouponDuration.REPEATING, durationInMonths: 3 }),
      '2026-04-30T00:00:00Z',
      false,
    ],
    ['ONCE, not used yet', discount({ duration: CouponDuration.ONCE }), '2026-06-01T00:00:00Z', true],
    [
      'ONCE, at the invoice that used it',
      discount({ duration: CouponDuration.ONCE, consumedAt: iso('2026-02-01T00:00:00Z'), consumedBySubscriptionId: SUB }),
      '2026-02-01T00:00:00Z',
      true,
    ],
    [
      'ONCE, used, at the next invoice',
      discount({ duration: CouponDuration.ONCE, consumedAt: iso('2026-02-01T00:00:00Z'), consumedBySubscriptionId: SUB }),
      '2026-03-01T00:00:00Z',
      false,
    ],
    [
      'ONCE, used by another subscription at the same instant',
      discount({
        subscriptionId: null,
        duration: CouponDuration.ONCE,
        consumedAt: iso('2026-02-01T00:00:00Z'),
        consumedBySubscriptionId: 'sub-2',
      }),
      '2026-02-01T00:00:00Z',
      false,
    ],
  ])('%s', (_, terms, at, covers) => {
    expect(discountCovers(terms, SUB, iso(at))).toBe(covers);
  });
});

describe('discountInForce', () => {
  const customer = discount({
    id: 'customer',
    subscriptionId: null,
    duration: CouponDuration.FOREVER,
    startsAt: iso('2026-01-01T00:00:00Z'),
  });
  const own = discount({ id: 'own', duration: CouponDuration.REPEATING, durationInMonths: 1, startsAt: iso('2026-02-01T00:00:00Z') });
  const elsewhere = discount({
    id: 'elsewhere',
    subscriptionId: 'sub-2',
    duration: CouponDuration.FOREVER,
    startsAt: iso('2026-01-01T00:00:00Z'),
  });
  const all = [customer, own, elsewhere];

  it.each([
    ['only the customer’s yet', '2026-01-15T00:00:00Z', 'customer'],
    ['the subscription’s own takes precedence', '2026-02-01T00:00:00Z', 'own'],
    ['the customer’s again once the own one is over', '2026-03-01T00:00:00Z', 'customer'],
    ['nothing before any starts', '2025-12-31T00:00:00Z', null],
  ])('%s', (_, at, id) => {
    expect(discountInForce(all, SUB, iso(at))?.id ?? null).toBe(id);
  });

  it('a replacement starts where the one it replaced ended', () => {
    const first = discount({
      id: 'first',
      duration: CouponDuration.FOREVER,
      startsAt: iso('2026-01-01T00:00:00Z'),
      endedAt: iso('2026-02-10T00:00:00Z'),
    });
    const second = discount({ id: 'second', duration: CouponDuration.FOREVER, startsAt: iso('2026-02-10T00:00:00Z') });
    expect([iso('2026-02-09T23:59:59Z'), iso('2026-02-10T00:00:00Z')].map((at) => discountInForce([first, second], SUB, at)?.id)).toEqual([
      'first',
      'second',
    ]);
  });

  it('for MRR, a ONCE discount is left out, and the customer’s recurring one counts', () => {
    const once = discount({ id: 'once', duration: CouponDuration.ONCE, startsAt: iso('2026-02-01T00:00:00Z') });
    expect(discountInForce([customer, once], SUB, iso('2026-02-15T00:00:00Z'))?.id).toBe('once');
    expect(discountInForce([customer, once], SUB, iso('2026-02-15T00:00:00Z'), { recurringOnly: true })?.id).toBe('customer');
  });
});

describe('discountedMonthlyAmounts (MRR)', () => {
  const at = iso('2026-03-01T00:00:00Z');
  const lines = [
    { priceCode: 'seat', amount: d('1200') },
    { priceCode: 'support', amount: d('600') },
  ];
  const base = { subscriptionId: SUB, currency: 'EUR', interval: 'YEAR', intervalCount: 1, lines, at };

  it('takes percent off per line and normalizes a yearly period to a month', () => {
    const result = discountedMonthlyAmounts({
      ...base,
      discounts: [discount({ duration: CouponDuration.FOREVER, coupon: percent('SEAT25', '25', ['seat']) })],
    });
    expect(result.lines.map((l) => [l.priceCode, l.monthly.toFixed()])).toEqual([
      ['seat', '75'],
      ['support', '50'],
    ]);
    expect([result.amountOffMonthly.toFixed(), result.monthly.toFixed(), result.couponCode]).toEqual(['0', '125', 'SEAT25']);
  });

  it('takes an amount off per period, capped at the lines it applies to, as a share per month', () => {
    const result = discountedMonthlyAmounts({
      ...base,
      interval: 'QUARTER',
      discounts: [discount({ duration: CouponDuration.REPEATING, durationInMonths: 12, coupon: amount('OFF', '900', ['support']) })],
    });
    // A quarter: 600 of the 900 off (the support line's all), a third of it per month.
    expect([result.amountOffMonthly.toFixed(), result.monthly.toFixed()]).toEqual(['-200', '400']);
  });

  it('counts no ONCE coupon and none that is over', () => {
    const once = discount({ duration: CouponDuration.ONCE, coupon: percent('ONCE50', '50') });
    const over = discount({ id: 'over', duration: CouponDuration.REPEATING, durationInMonths: 1, coupon: percent('OVER', '50') });
    for (const discounts of [[once], [over], []]) {
      const result = discountedMonthlyAmounts({ ...base, interval: 'MONTH', discounts });
      expect([result.monthly.toFixed(), result.couponCode]).toEqual(['1800', null]);
    }
  });

  it('refuses an interval with no monthly share', () => {
    expect(() => discountedMonthlyAmounts({ ...base, interval: 'ONE_TIME', discounts: [] })).toThrow(/ONE_TIME/);
  });
});
