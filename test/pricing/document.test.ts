import fc from 'fast-check';
import { Decimal, type DocumentInput, REVERSE_CHARGE_NOTE, lineTax, priceDocument } from '../../src/pricing';
import { EXAMPLE_TIERS, catalogOf, contract, d, issuesOf, makePrice } from './fixtures';

const AT = new Date('2026-06-15T00:00:00Z');
const api = makePrice('api', 'graduated', { tiers: EXAMPLE_TIERS });
const seats = makePrice('seats', 'per_unit', { unitAmount: '10' });
const calls = makePrice('calls', 'per_unit', { unitAmount: '0.000125' });
const resolvePrice = catalogOf(api, seats, calls);

const doc = (overrides: Partial<DocumentInput> = {}) =>
  priceDocument({
    currency: 'EUR',
    lines: [
      { price: api, quantity: d(60) },
      { price: seats, quantity: d(2) },
    ],
    contracts: [],
    at: AT,
    tax: { status: 'TAXABLE', ratePercent: d('20.00') },
    resolvePrice,
    ...overrides,
  });

describe('priceDocument', () => {
  it('adds rounded lines and per-line taxes', () => {
    const result = doc();
    expect(result.lines.map((l) => [l.kind, l.priceCode, l.amount.toFixed(2), l.tax.toFixed(2)])).toEqual([
      ['charge', 'api', '240.00', '48.00'],
      ['charge', 'seats', '20.00', '4.00'],
    ]);
    expect([result.subtotal.toFixed(2), result.tax.toFixed(2), result.total.toFixed(2)]).toEqual(['260.00', '52.00', '312.00']);
    expect(result.notes).toEqual([]);
  });

  it('computes tax from the rounded line amount and rounds it per line', () => {
    // 3 lines of 0.005 unrounded: each rounds to 0.01, its 20 % tax of 0.002 rounds to 0.00.
    const lines = Array.from({ length: 3 }, () => ({ price: calls, quantity: d(40) }));
    const result = doc({ lines });
    expect(result.lines.map((l) => [l.amount.toFixed(2), l.tax.toFixed(2)])).toEqual([
      ['0.01', '0.00'],
      ['0.01', '0.00'],
      ['0.01', '0.00'],
    ]);
    expect([result.subtotal.toFixed(2), result.tax.toFixed(2), result.total.toFixed(2)]).toEqual(['0.03', '0.00', '0.03']);
  });

  it.each([
    ['19.6', '240.00', '47.04'],
    ['7.7', '20.00', '1.54'],
    ['8.125', '20.00', '1.63'], // 1.625 → half up
  ])('taxes at %s %%', (rate, amount, tax) => {
    const result = doc({
      lines: [{ price: amount === '20.00' ? seats : api, quantity: d(amount === '20.00' ? 2 : 60) }],
      tax: { status: 'TAXABLE', ratePercent: d(rate) },
    });
    expect([result.lines[0].amount.toFixed(2), result.lines[0].tax.toFixed(2)]).toEqual([amount, tax]);
  });

  it('reverse charge: no tax, and the legal mention', () => {
    const result = doc({ tax: { status: 'REVERSE_CHARGE' } });
    expect(result.tax.isZero()).toBe(true);
    expect(result.total.eq(result.subtotal)).toBe(true);
    expect(result.notes).toEqual([REVERSE_CHARGE_NOTE]);
    expect(REVERSE_CHARGE_NOTE).toBe('Reverse charge: VAT to be accounted for by the recipient (Art. 196 Directive 2006/112/EC)');
  });

  it('exempt: no tax, no mention', () => {
    const result = doc({ tax: { status: 'EXEMPT', ratePercent: d(20) } });
    expect([result.tax.toFixed(2), result.total.toFixed(2), result.notes.length]).toEqual(['0.00', '260.00', 0]);
  });

  it('rounds JPY documents to whole yen', () => {
    const yen = makePrice('yen', 'per_unit', { unitAmount: '2.5' }, 'JPY');
    const result = doc({
      currency: 'JPY',
      lines: [
        { price: yen, quantity: d(1) },
        { price: yen, quantity: d(3) },
      ],
      tax: { status: 'TAXABLE', ratePercent: d(10) },
    });
    expect(result.lines.map((l) => [l.amount.toFixed(), l.tax.toFixed()])).toEqual([
      ['3', '0'],
      ['8', '1'],
    ]);
    expect(result.total.toFixed()).toBe('12');
  });

  describe('minimum commitment', () => {
    const acme = contract(
      'ACME-2026',
      [
        { priceCode: 'api', kind: 'graduated', item: { discountPercent: '10' } },
        { priceCode: 'seats', kind: 'per_unit', item: {} },
      ],
      { minimumCommitment: '1000' },
    );

    it('adds a true-up line for the difference when the covered lines fall short', () => {
      const result = doc({
        contracts: [acme],
        applyMinimumCommitments: true,
        lines: [
          { price: api, quantity: d(60) },
          { price: seats, quantity: d(2) },
          { price: calls, quantity: d(8000000) },
        ],
      });
      const trueUp = result.lines[3];
      expect(trueUp).toMatchObject({ kind: 'minimum_commitment', priceCode: null, contractCode: 'ACME-2026' });
      expect([trueUp.amount.toFixed(2), trueUp.tax.toFixed(2)]).toEqual(['764.00', '152.80']); // 1000 − (216 + 20); calls are not covered
      expect(trueUp.steps).toEqual(['minimum commitment ACME-2026: 1000.00 − 236.00 covered = 764.00']);
      expect(result.subtotal.toFixed(2)).toBe('2000.00');
    });

    it('adds nothing when the commitment is met, when not asked, or when the contract is not in force', () => {
      expect(doc({ contracts: [acme], applyMinimumCommitments: true, lines: [{ price: api, quantity: d(500) }] }).lines).toHaveLength(1);
      expect(doc({ contracts: [acme] }).lines).toHaveLength(2);
      expect(doc({ contracts: [acme], applyMinimumCommitments: true, at: new Date('2025-06-01T00:00:00Z') }).lines).toHaveLength(2);
    });
  });

  it.each([
    [
      'a negative quantity',
      {
        lines: [
          { price: seats, quantity: d(1) },
          { price: seats, quantity: d(1) },
          { price: seats, quantity: d(1) },
          { price: seats, quantity: d(-1) },
        ],
      },
      'lines[3].quantity',
    ],
    [
      'a price in another currency',
      { lines: [{ price: makePrice('usd', 'flat', { amount: 1 }, 'USD'), quantity: d(1) }] },
      'lines[0].priceCode',
    ],
    ['an unknown currency', { currency: 'ABC' }, 'currency'],
    ['a taxable customer without a rate', { tax: { status: 'TAXABLE' as const } }, 'tax.ratePercent'],
    ['a rate above 100 %', { tax: { status: 'TAXABLE' as const, ratePercent: d(120) } }, 'tax.ratePercent'],
  ])('reports %s at %s', (_, overrides, path) => {
    expect(issuesOf(() => doc(overrides))[0].path).toBe(path);
  });

  it('adds up to the minor unit by construction: total = subtotal + tax, subtotal = Σ rounded lines', () => {
    const prices = [
      api,
      seats,
      calls,
      makePrice('vol', 'volume', { tiers: EXAMPLE_TIERS }),
      makePrice('pk', 'package', { packageSize: '3', packageAmount: '0.333' }),
    ];
    const line = fc.record({
      price: fc.constantFrom(...prices),
      quantity: fc.integer({ min: 0, max: 10_000_000 }).map((n) => new Decimal(n).div(1000)),
    });
    const rate = fc.integer({ min: 0, max: 30_000 }).map((n) => new Decimal(n).div(1000));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), rate, fc.constantFrom('EUR', 'JPY', 'KWD'), (lines, ratePercent, currency) => {
        const priced = lines.map((l) => ({ price: { ...l.price, currency }, quantity: l.quantity }));
        const result = doc({ currency, lines: priced, tax: { status: 'TAXABLE', ratePercent } });
        const scale = { EUR: 2, JPY: 0, KWD: 3 }[currency] ?? 2;
        const sum = (xs: Decimal[]) => xs.reduce((a, b) => a.plus(b), new Decimal(0));
        expect(result.total.eq(result.subtotal.plus(result.tax))).toBe(true);
        expect(result.subtotal.eq(sum(result.lines.map((l) => l.amount)))).toBe(true);
        expect(result.tax.eq(sum(result.lines.map((l) => l.tax)))).toBe(true);
        for (const l of result.lines) {
          expect(l.amount.decimalPlaces()).toBeLessThanOrEqual(scale);
          expect(l.tax.decimalPlaces()).toBeLessThanOrEqual(scale);
        }
      }),
    );
  });
});

describe('lineTax', () => {
  it.each([
    ['-15.48', 'TAXABLE', '20', 'EUR', '-3.10'], // −3.096 rounds half-up away from zero
    ['30.97', 'TAXABLE', '19', 'EUR', '5.88'], // 5.8843
    ['100', 'TAXABLE', '7.5', 'JPY', '8'], // 7.5 → 8
    ['99.99', 'EXEMPT', undefined, 'EUR', '0'],
    ['99.99', 'REVERSE_CHARGE', undefined, 'EUR', '0'],
  ])('taxes %s at %s %s%% in %s as %s', (amount, status, rate, currency, expected) => {
    const tax = { status: status as 'TAXABLE', ...(rate ? { ratePercent: new Decimal(rate) } : {}) };
    expect(lineTax(new Decimal(amount), tax, currency).eq(new Decimal(expected))).toBe(true);
  });
});
