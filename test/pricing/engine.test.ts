import fc from 'fast-check';
import { Decimal, type PriceSnapshot, type PricedLine, parseContractItem, parseRule, priceLine } from '../../src/pricing';
import { EXAMPLE_TIERS, catalogOf, contract, d, issuesOf, makePrice } from './fixtures';

const AT = new Date('2026-06-15T12:00:00Z');
const api = makePrice('api', 'graduated', { tiers: EXAMPLE_TIERS });
const seats = makePrice('seats', 'per_unit', { unitAmount: '10' });
const calls = makePrice('calls', 'per_unit', { unitAmount: '0.000125' });
const resolve = catalogOf(api, seats, calls);

function price(p: PriceSnapshot, quantity: string, options: Partial<Parameters<typeof priceLine>[0]> = {}): PricedLine {
  return priceLine({ price: p, quantity: d(quantity), currency: 'EUR', contracts: [], at: AT, resolvePrice: resolve, ...options });
}

describe('priceLine: PRICING.md worked examples through the engine', () => {
  it.each([
    ['graduated', '60', '240', ['graduated: 10 × 5.00 + 40 × 4.00 + 10 × 3.00 = 240.00', 'rounded half-up to 2 decimals: 240.00']],
    ['volume', '60', '180', ['volume: 60 × 3.00 (tier 3: above 50) = 180.00', 'rounded half-up to 2 decimals: 180.00']],
    ['graduated', '10', '50', ['graduated: 10 × 5.00 = 50.00', 'rounded half-up to 2 decimals: 50.00']],
    ['volume', '10', '50', ['volume: 10 × 5.00 (tier 1: 0 < q ≤ 10) = 50.00', 'rounded half-up to 2 decimals: 50.00']],
    ['graduated', '0', '0', ['graduated: 0 units = 0.00', 'rounded half-up to 2 decimals: 0.00']],
  ])('%s q=%s → %s', (kind, quantity, amount, steps) => {
    const line = price(makePrice('p', kind, { tiers: EXAMPLE_TIERS }), quantity);
    expect(line.amount.toFixed()).toBe(amount);
    expect(line.steps).toEqual(steps);
    expect(line.contractCode).toBeUndefined();
  });

  it('prices 1,000,000 API calls at 0.000125', () => {
    expect(price(calls, '1000000').amount.toFixed(2)).toBe('125.00');
  });

  it.each(['flat', 'per_unit', 'graduated', 'volume', 'package', 'usage', 'bundle'])('prices quantity 0 to 0 for %s', (kind) => {
    const configs: Record<string, unknown> = {
      flat: { amount: '99' },
      per_unit: { unitAmount: '1' },
      graduated: { tiers: [{ upTo: null, unitAmount: 1, flatAmount: 5 }] },
      volume: { tiers: [{ upTo: null, unitAmount: 1, flatAmount: 5 }] },
      package: { packageSize: 10, packageAmount: 3 },
      usage: {
        metric: 'm',
        aggregation: 'sum',
        pricing: { kind: 'volume', config: { tiers: [{ upTo: null, unitAmount: 1, flatAmount: 5 }] } },
      },
      bundle: { components: [{ priceCode: 'seats', quantity: 2 }], fixedAmount: '7' },
    };
    const line = price(makePrice('p', kind, configs[kind]), '0');
    expect(line.amount.isZero()).toBe(true);
    expect(line.unroundedAmount.isZero()).toBe(true);
  });
});

describe('rounding once, at the end of the line', () => {
  it.each([
    ['EUR', '0.125', '1', '0.13', 'rounded half-up to 2 decimals: 0.13'],
    ['EUR', '0.000125', '3', '0.00', 'rounded half-up to 2 decimals: 0.00'],
    ['EUR', '0.000125', '40', '0.01', 'rounded half-up to 2 decimals: 0.01'], // exactly 0.005
    ['JPY', '2.5', '1', '3', 'rounded half-up to 0 decimals: 3'],
    ['JPY', '0.5', '5', '3', 'rounded half-up to 0 decimals: 3'],
    ['KWD', '0.0005', '1', '0.001', 'rounded half-up to 3 decimals: 0.001'],
    ['KWD', '1.2345', '1', '1.235', 'rounded half-up to 3 decimals: 1.235'],
  ])('%s: %s × %s → %s', (currency, unitAmount, quantity, amount, step) => {
    const p = makePrice('p', 'per_unit', { unitAmount }, currency);
    const line = priceLine({ price: p, quantity: d(quantity), currency, contracts: [], at: AT, resolvePrice: resolve });
    expect(line.amount.toFixed(Number(step.match(/(\d) decimals/)?.[1]))).toBe(amount);
    expect(line.steps[line.steps.length - 1]).toBe(step);
  });

  it('never rounds per tier: 3 tiers of a third of a cent add up before rounding', () => {
    const p = makePrice('p', 'graduated', {
      tiers: [
        { upTo: 1, unitAmount: '0.003' },
        { upTo: 2, unitAmount: '0.003' },
        { upTo: null, unitAmount: '0.003' },
      ],
    });
    expect(price(p, '3').amount.toFixed(2)).toBe('0.01'); // per-tier rounding would give 0.00
  });

  it('keeps large amounts exact', () => {
    const p = makePrice('p', 'per_unit', { unitAmount: '0.000000000001' });
    expect(price(p, '999999999999999999').amount.toFixed(2)).toBe('1000000.00');
    expect(price(p, '999999999999999999').unroundedAmount.toFixed()).toBe('999999.999999999999');
  });
});

describe('contracts', () => {
  const acme = contract('ACME-2026', [{ priceCode: 'api', kind: 'graduated', item: { discountPercent: '10' } }], {
    startsAt: new Date('2026-01-01T00:00:00Z'),
    endsAt: new Date('2027-01-01T00:00:00Z'),
  });

  it('applies the discount after the rule (PRICING.md example)', () => {
    const line = price(api, '60', { contracts: [acme] });
    expect(line.amount.toFixed(2)).toBe('216.00');
    expect(line.contractCode).toBe('ACME-2026');
    expect(line.steps).toEqual([
      'graduated: 10 × 5.00 + 40 × 4.00 + 10 × 3.00 = 240.00',
      'contract ACME-2026: −10% = 216.00',
      'rounded half-up to 2 decimals: 216.00',
    ]);
  });

  it('applies an override of the same kind, then the discount, then rounds', () => {
    const deal = contract('DEAL', [
      { priceCode: 'calls', kind: 'per_unit', item: { override: { unitAmount: '0.0001' }, discountPercent: '33.333333333333' } },
    ]);
    const line = price(calls, '1234567', { contracts: [deal] });
    expect(line.unroundedAmount.toFixed()).toBe('82.304466666667078189');
    expect(line.amount.toFixed(2)).toBe('82.30');
    expect(line.steps).toEqual([
      'contract DEAL: contract per_unit price replaces the catalog price',
      'per_unit: 1234567 × 0.0001 = 123.4567',
      'contract DEAL: −33.333333333333% = 82.304466666667078189',
      'rounded half-up to 2 decimals: 82.30',
    ]);
  });

  it.each([
    ['before it starts', '2025-12-31T23:59:59.999Z', '240'],
    ['at its first instant', '2026-01-01T00:00:00Z', '216'],
    ['at its last instant', '2026-12-31T23:59:59.999Z', '216'],
    ['at its end (exclusive)', '2027-01-01T00:00:00Z', '240'],
  ])('is in force over [startsAt, endsAt): %s', (_, at, amount) => {
    expect(price(api, '60', { contracts: [acme], at: new Date(at) }).amount.toFixed()).toBe(amount);
  });

  it('ignores contracts that do not cover the price', () => {
    const line = price(seats, '2', { contracts: [acme] });
    expect(line.amount.toFixed()).toBe('20');
    expect(line.contractCode).toBeUndefined();
  });

  it('lets the contract that started last win', () => {
    const renewal = contract('ACME-RENEWAL', [{ priceCode: 'api', kind: 'graduated', item: { discountPercent: '20' } }], {
      startsAt: new Date('2026-03-01T00:00:00Z'),
    });
    for (const contracts of [
      [acme, renewal],
      [renewal, acme],
    ]) {
      const line = price(api, '60', { contracts });
      expect([line.contractCode, line.amount.toFixed()]).toEqual(['ACME-RENEWAL', '192']);
    }
  });

  it('reports two contracts that cover a price from the same instant', () => {
    const twin = contract('TWIN', [{ priceCode: 'api', kind: 'graduated', item: {} }], { startsAt: new Date('2026-01-01T00:00:00Z') });
    expect(issuesOf(() => price(api, '60', { contracts: [acme, twin] }))[0]).toEqual({
      path: 'contracts',
      message: "contracts ACME-2026 and TWIN both price 'api' from the same instant",
    });
  });

  it('reports a contract that lists a price twice', () => {
    const twice = contract('TWICE', [
      { priceCode: 'api', kind: 'graduated', item: {} },
      { priceCode: 'api', kind: 'graduated', item: { discountPercent: '5' } },
    ]);
    expect(issuesOf(() => price(api, '60', { contracts: [twice] }))[0].message).toBe("contract TWICE lists 'api' twice");
  });

  it('reports an override parsed for a kind the price no longer has', () => {
    const deal = contract('DEAL', [
      { priceCode: 'api', kind: 'graduated', item: { override: { tiers: [{ upTo: null, unitAmount: '1' }] } } },
    ]);
    const apiNowPerUnit = makePrice('api', 'per_unit', { unitAmount: '2' });
    expect(price(api, '60', { contracts: [deal] }).amount.toFixed()).toBe('60');
    expect(issuesOf(() => price(apiNowPerUnit, '60', { contracts: [deal] }))).toEqual([
      { path: 'contracts', message: "contract DEAL overrides 'api' with a graduated config, but the price is now per_unit" },
    ]);
  });

  it('a contract discount of 0 changes nothing', () => {
    const zero = contract('ZERO', [{ priceCode: 'api', kind: 'graduated', item: { discountPercent: '0' } }]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (n) => {
        const quantity = new Decimal(n).div(1000).toFixed();
        const plain = price(api, quantity);
        const discounted = price(api, quantity, { contracts: [zero] });
        expect(discounted.amount.eq(plain.amount)).toBe(true);
        expect(discounted.unroundedAmount.eq(plain.unroundedAmount)).toBe(true);
      }),
    );
  });
});

describe('input errors', () => {
  it.each([
    ['a negative quantity', () => price(seats, '-1'), 'quantity', /zero or more/],
    [
      'a price in another currency',
      () => price(makePrice('usd', 'flat', { amount: 1 }, 'USD'), '1'),
      'priceCode',
      /in USD, the document is in EUR/,
    ],
    ['an unknown currency', () => price(seats, '1', { currency: 'EURO' }), 'currency', /unknown currency 'EURO'/],
  ])('%s', (_, fn, path, message) => {
    expect(issuesOf(fn)).toEqual([{ path, message: expect.stringMatching(message) }]);
  });

  it('parseRule reports config issues at rule.config.<field> and unknown kinds at rule.kind', () => {
    expect(
      issuesOf(() =>
        parseRule('graduated', {
          tiers: [
            { upTo: 10, unitAmount: 5 },
            { upTo: 10, unitAmount: 4 },
            { upTo: null, unitAmount: 3 },
          ],
        }),
      ),
    ).toEqual([{ path: 'rule.config.tiers[1].upTo', message: 'duplicate bound: tier 0 already ends at 10' }]);
    expect(issuesOf(() => parseRule('stairstep', {}))[0].path).toBe('rule.kind');
    expect(
      issuesOf(() => parseRule('bundle', { components: [{ priceCode: 'a', quantity: 1 }], fixedAmount: 1, discountPercent: 1 }))[0].path,
    ).toBe('rule.config.fixedAmount');
  });

  it('parseContractItem validates the override with the rule of the price kind', () => {
    expect(issuesOf(() => parseContractItem('volume', { override: { tiers: [] } }))[0]).toEqual({
      path: 'override.tiers',
      message: 'must contain at least one tier',
    });
  });

  it('refuses a config that did not come from parseRule for its kind (a bug, not bad input)', () => {
    const raw = { ...seats, rule: { kind: 'per_unit', config: { unitAmount: '10' } } };
    expect(() => price(raw, '1')).toThrow(/not produced by parseRule/);
    const relabelled = { ...api, rule: { kind: 'volume', config: api.rule.config } };
    expect(() => price(relabelled, '1')).toThrow(/not produced by parseRule for kind 'volume'/);
    const rawOverride = { ...contract('C', []), items: [{ priceCode: 'seats', override: { unitAmount: '1' } }] };
    expect(() => price(seats, '1', { contracts: [rawOverride] })).toThrow(/not produced by parseContractItem/);
  });

  it('re-homes a quantity built by another decimal.js constructor', async () => {
    const { default: DecimalJs } = await import('decimal.js');
    const p = makePrice('p', 'per_unit', { unitAmount: '3' });
    const line = priceLine({
      price: p,
      quantity: new DecimalJs('123456789012345678.123') as unknown as Decimal,
      currency: 'EUR',
      contracts: [],
      at: AT,
      resolvePrice: resolve,
    });
    expect(line.unroundedAmount.toFixed()).toBe('370370367037037034.369');
  });
});
