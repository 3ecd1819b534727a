import fc from 'fast-check';
import {
  amountOffLine,
  type CouponTerms,
  Decimal,
  type DocumentInput,
  minorUnits,
  type PriceSnapshot,
  priceDocument,
  priceLine,
  ZERO,
} from '../../src/pricing';
import { catalogOf, contract, d, makePrice } from './fixtures';

// README, Coupons (in PRICING.md's terms): percent off is a step of each line it applies to,
// after the contract discount (and a bundle's own) and before the line's one rounding; amount
// off is a negative line of its own, at most the lines it applies to and never taking the
// invoice below zero, taxed as any line.
const AT = new Date('2026-06-15T00:00:00Z');
const seats = makePrice('seats', 'per_unit', { unitAmount: '12.50' });
const api = makePrice('api', 'graduated', {
  tiers: [
    { upTo: 10, unitAmount: 5 },
    { upTo: 50, unitAmount: 4 },
    { upTo: null, unitAmount: 3 },
  ],
});
const team = makePrice('team', 'bundle', { components: [{ priceCode: 'seats', quantity: '5' }], discountPercent: '10' });
const resolvePrice = catalogOf(seats, api, team);

const percent = (code: string, p: string, appliesTo: string[] | null = null): CouponTerms => ({
  code,
  percentOff: d(p),
  amountOff: null,
  currency: null,
  appliesToPriceCodes: appliesTo,
});
const amount = (code: string, a: string, currency = 'EUR', appliesTo: string[] | null = null): CouponTerms => ({
  code,
  percentOff: null,
  amountOff: d(a),
  currency,
  appliesToPriceCodes: appliesTo,
});

const doc = (overrides: Partial<DocumentInput> = {}) =>
  priceDocument({
    currency: 'EUR',
    lines: [
      { price: api, quantity: d(60) },
      { price: seats, quantity: d(3) },
    ],
    contracts: [],
    at: AT,
    tax: { status: 'TAXABLE', ratePercent: d('20') },
    resolvePrice,
    ...overrides,
  });
const summary = (result: ReturnType<typeof doc>) => result.lines.map((l) => [l.kind, l.priceCode, l.amount.toFixed(2), l.tax.toFixed(2)]);
const totals = (result: ReturnType<typeof doc>) => [result.subtotal.toFixed(2), result.tax.toFixed(2), result.total.toFixed(2)];

describe('percent off', () => {
  it('is the step after the contract discount and the bundle’s own, before the one rounding', () => {
    const acme = contract('ACME', [{ priceCode: 'team', kind: 'bundle', item: { discountPercent: '5' } }]);
    const line = priceLine({
      price: team,
      quantity: d(1),
      currency: 'EUR',
      contracts: [acme],
      at: AT,
      resolvePrice,
      coupons: [percent('TEAM15', '15')],
    });
    expect(line.steps).toEqual([
      'bundle component seats (5 × 1): per_unit: 5 × 12.50 = 62.50',
      'bundle: components sum to 62.50',
      'bundle: −10% = 56.25',
      'contract ACME: −5% = 53.4375',
      'coupon TEAM15: −15% = 45.421875',
      'rounded half-up to 2 decimals: 45.42',
    ]);
    expect([line.amount.toFixed(), line.unroundedAmount.toFixed()]).toEqual(['45.42', '45.421875']);
  });

  it('applies to the prices it names only', () => {
    const result = doc({ coupons: [percent('API50', '50', ['api'])] });
    expect(summary(result)).toEqual([
      ['charge', 'api', '120.00', '24.00'],
      ['charge', 'seats', '37.50', '7.50'],
    ]);
    expect(result.lines[1].steps.some((s) => s.startsWith('coupon'))).toBe(false);
    expect(totals(result)).toEqual(['157.50', '31.50', '189.00']);
  });

  it.each([
    // 10 % off x, rounded once; rounding x first and then taking 10 % off would give the last column.
    ['EUR', '0.335', '0.30', '0.31'],
    ['JPY', '1.5', '1', '2'],
    ['KWD', '0.0015', '0.001', '0.002'],
  ])('rounds once per line, at its end (%s)', (currency, unitAmount, rounded, roundedTwice) => {
    const price = makePrice('unit', 'per_unit', { unitAmount }, currency);
    const line = priceLine({
      price,
      quantity: d(1),
      currency,
      contracts: [],
      at: AT,
      resolvePrice: () => undefined,
      coupons: [percent('TEN', '10')],
    });
    expect(line.amount.toFixed(minorUnits(currency))).toBe(rounded);
    expect(line.amount.toFixed(minorUnits(currency))).not.toBe(roundedTwice);
    expect(line.steps.at(-2)).toBe(`coupon TEN: −10% = ${d(unitAmount).times('0.9').toFixed()}`);
  });
});

describe('amount off', () => {
  it('is a negative line after the others, taxed as any line', () => {
    const result = doc({ coupons: [amount('TEN-OFF', '10')] });
    expect(summary(result)).toEqual([
      ['charge', 'api', '240.00', '48.00'],
      ['charge', 'seats', '37.50', '7.50'],
      ['discount', null, '-10.00', '-2.00'],
    ]);
    expect(result.lines[2]).toMatchObject({ couponCode: 'TEN-OFF', steps: ['coupon TEN-OFF: 10.00 EUR off', '= −10.00'] });
    expect(totals(result)).toEqual(['267.50', '53.50', '321.00']);
  });

  it.each([
    ['the lines it applies to', amount('BIG', '100', 'EUR', ['seats']), ['-37.50', '-7.50'], ['240.00', '48.00', '288.00']],
    ['the whole document', amount('HUGE', '1000'), ['-277.50', '-55.50'], ['0.00', '0.00', '0.00']],
  ])('is capped at %s', (_, coupon, [off, tax], expected) => {
    const result = doc({ coupons: [coupon] });
    expect([result.lines[2].amount.toFixed(2), result.lines[2].tax.toFixed(2)]).toEqual([off, tax]);
    expect(totals(result)).toEqual(expected);
  });

  it('never takes more tax than the lines it discounts carry (rounded per line, two 0.03 lines at 10 % carry none)', () => {
    const cheap = makePrice('cheap', 'per_unit', { unitAmount: '0.03' });
    const result = doc({
      lines: [
        { price: cheap, quantity: d(1) },
        { price: cheap, quantity: d(1) },
      ],
      tax: { status: 'TAXABLE', ratePercent: d(10) },
      resolvePrice: catalogOf(cheap),
      coupons: [amount('ALL', '5')],
    });
    // −0.06 alone would carry −0.01 of tax and leave the invoice at −0.01.
    expect(summary(result).at(-1)).toEqual(['discount', null, '-0.06', '0.00']);
    expect(totals(result)).toEqual(['0.00', '0.00', '0.00']);
  });

  it('leaves room for credits the invoice carries besides (prorations), and takes nothing from an invoice already below zero', () => {
    const credit = { amount: d('-200.00'), tax: d('-40.00') };
    const partly = doc({ coupons: [amount('FIFTY', '100')], otherLines: [credit] });
    expect(summary(partly).at(-1)).toEqual(['discount', null, '-77.50', '-15.50']);
    expect(partly.total.plus(credit.amount).plus(credit.tax).toFixed(2)).toBe('0.00');
    const under = doc({ coupons: [amount('FIFTY', '100')], otherLines: [{ amount: d('-300.00'), tax: d('-60.00') }] });
    expect(under.lines.some((l) => l.kind === 'discount')).toBe(false);
  });

  it('must be in the document’s currency', () => {
    expect(() => doc({ coupons: [amount('YEN', '100', 'JPY')] })).toThrow(/coupons: coupon YEN takes JPY off; the document is in EUR/);
  });

  it('with nothing to take adds no line', () => {
    expect(amountOffLine(amount('X', '5'), [], [], d(20), 'EUR', 2)).toBeNull();
  });
});

// Random documents in three minor units: every line at the minor unit, sums of rounded lines,
// the discount within its caps, and a 0 % coupon that changes nothing but a step.
const currencies = ['EUR', 'JPY', 'KWD'] as const;
const decimalOf = (maxUnits: number, scale: number) => fc.integer({ min: 0, max: maxUnits }).map((n) => new Decimal(n).div(10 ** scale));

function scenario(currency: string) {
  const minor = minorUnits(currency);
  const price = fc.oneof(
    decimalOf(10 ** (minor + 4), minor + 2).map((u) => ['per_unit', { unitAmount: u.toFixed() }] as const),
    decimalOf(10 ** (minor + 3), minor).map((a) => ['flat', { amount: a.toFixed() }] as const),
    fc.tuple(decimalOf(10 ** (minor + 3), minor + 1), decimalOf(10 ** (minor + 3), minor + 3)).map(
      ([a, b]) =>
        [
          'graduated',
          {
            tiers: [
              { upTo: '10', unitAmount: a.toFixed() },
              { upTo: null, unitAmount: b.toFixed() },
            ],
          },
        ] as const,
    ),
  );
  const coupon = fc.oneof(
    decimalOf(100_000, 3).map((p) => ({ percentOff: p, amountOff: null, currency: null })),
    decimalOf(10 ** (minor + 4), minor).map((a) => ({ percentOff: null, amountOff: a, currency })),
  );
  return fc.record({
    lines: fc.array(fc.record({ price, quantity: decimalOf(100_000, 2), restricted: fc.boolean() }), { minLength: 1, maxLength: 6 }),
    coupons: fc.array(fc.record({ terms: coupon, onlyRestricted: fc.boolean() }), { maxLength: 2 }),
    rate: fc.oneof(fc.constant(null), decimalOf(3000, 2)),
    credit: fc.oneof(fc.constant(null), decimalOf(10 ** (minor + 4), minor)),
  });
}

type Scenario = ReturnType<typeof scenario> extends fc.Arbitrary<infer T> ? T : never;

function build(currency: string, s: Scenario): DocumentInput {
  const prices: PriceSnapshot[] = s.lines.map((l, i) => makePrice(`p${i}`, l.price[0], l.price[1], currency));
  const restricted = prices.filter((_, i) => s.lines[i].restricted).map((p) => p.code);
  const coupons: CouponTerms[] = s.coupons.map((c, i) => ({
    code: `C${i}`,
    ...c.terms,
    appliesToPriceCodes: c.onlyRestricted ? restricted : null,
  }));
  const rate = s.rate;
  const credit = s.credit === null ? null : s.credit.negated();
  return {
    currency,
    lines: prices.map((price, i) => ({ price, quantity: s.lines[i].quantity })),
    contracts: [],
    at: AT,
    tax: rate === null ? { status: 'EXEMPT' } : { status: 'TAXABLE', ratePercent: rate },
    resolvePrice: catalogOf(...prices),
    coupons,
    otherLines:
      credit === null
        ? []
        : [
            {
              amount: credit,
              tax: rate === null ? ZERO : credit.times(rate).div(100).toDecimalPlaces(minorUnits(currency), Decimal.ROUND_HALF_UP),
            },
          ],
  };
}

describe.each(currencies)('documents with coupons add up to the minor unit (%s)', (currency) => {
  const minor = minorUnits(currency);

  it('every line and sum at the minor unit; subtotal, tax and total are sums of lines; discounts within their caps', () => {
    fc.assert(
      fc.property(scenario(currency), (s) => {
        const input = build(currency, s);
        const result = priceDocument(input);
        const sum = (pick: (l: (typeof result.lines)[number]) => Decimal) => result.lines.reduce((acc, l) => acc.plus(pick(l)), ZERO);
        for (const line of result.lines) {
          expect(line.amount.decimalPlaces()).toBeLessThanOrEqual(minor);
          expect(line.tax.decimalPlaces()).toBeLessThanOrEqual(minor);
        }
        expect(result.subtotal.eq(sum((l) => l.amount))).toBe(true);
        expect(result.tax.eq(sum((l) => l.tax))).toBe(true);
        expect(result.total.eq(result.subtotal.plus(result.tax))).toBe(true);
        const charges = result.lines.filter((l) => l.kind !== 'discount');
        const discounts = result.lines.filter((l) => l.kind === 'discount');
        for (const line of discounts) {
          expect(line.amount.lte(ZERO) && line.tax.lte(ZERO)).toBe(true);
          const coupon = input.coupons!.find((c) => c.code === (line as { couponCode: string }).couponCode)!;
          const eligible = charges.filter((l) =>
            l.priceCode === null
              ? coupon.appliesToPriceCodes === null
              : coupon.appliesToPriceCodes === null || coupon.appliesToPriceCodes.includes(l.priceCode),
          );
          expect(
            line.amount.negated().lte(
              Decimal.min(
                coupon.amountOff!,
                eligible.reduce((a, l) => a.plus(l.amount), ZERO),
              ),
            ),
          ).toBe(true);
        }
        // Never below zero because of a discount: with the credit beside it, the invoice's total
        // is at least what it was without the discounts, or zero.
        const other = input.otherLines!.reduce((a, l) => a.plus(l.amount).plus(l.tax), ZERO);
        const before = charges.reduce((a, l) => a.plus(l.amount).plus(l.tax), ZERO).plus(other);
        const after = result.total.plus(other);
        expect(after.gte(Decimal.min(before, ZERO))).toBe(true);
        if (input.otherLines!.length === 0) expect(result.total.gte(ZERO)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a 0 % coupon is neutral: the same amounts and taxes, one step more per line', () => {
    fc.assert(
      fc.property(scenario(currency), (s) => {
        const input = { ...build(currency, s), otherLines: [] };
        const without = priceDocument({ ...input, coupons: [] });
        const zero = priceDocument({ ...input, coupons: [percent('ZERO', '0')] });
        expect(zero.lines.map((l) => [l.amount.toFixed(), l.tax.toFixed()])).toEqual(
          without.lines.map((l) => [l.amount.toFixed(), l.tax.toFixed()]),
        );
        expect([zero.subtotal.toFixed(), zero.tax.toFixed(), zero.total.toFixed()]).toEqual([
          without.subtotal.toFixed(),
          without.tax.toFixed(),
          without.total.toFixed(),
        ]);
        zero.lines.forEach((l, i) => expect(l.steps.length).toBe(without.lines[i].steps.length + 1));
      }),
      { numRuns: 200 },
    );
  });
});
