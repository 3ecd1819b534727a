import { type PriceSnapshot, type PricedLine, priceLine, validatePriceReferences } from '../../src/pricing';
import { EXAMPLE_TIERS, catalogOf, contract, d, issuesOf, makePrice } from './fixtures';

const AT = new Date('2026-06-15T12:00:00Z');
const api = makePrice('api', 'graduated', { tiers: EXAMPLE_TIERS });
const seats = makePrice('seats', 'per_unit', { unitAmount: '10' });
const resolve = catalogOf(api, seats);

function price(p: PriceSnapshot, quantity: string, options: Partial<Parameters<typeof priceLine>[0]> = {}): PricedLine {
  return priceLine({ price: p, quantity: d(quantity), currency: 'EUR', contracts: [], at: AT, resolvePrice: resolve, ...options });
}

describe('bundles priced through the engine', () => {
  const suite = makePrice('suite', 'bundle', {
    components: [
      { priceCode: 'api', quantity: '6' },
      { priceCode: 'seats', quantity: '3' },
    ],
    discountPercent: '10',
  });
  const withSuite = catalogOf(api, seats, suite);

  it('prices components by their own rules at quantity × q, then the bundle discount, then the contract discount', () => {
    const deal = contract('ACME-2026', [{ priceCode: 'suite', kind: 'bundle', item: { discountPercent: '5' } }]);
    const line = price(suite, '10', { resolvePrice: withSuite, contracts: [deal] });
    expect(line.amount.toFixed(2)).toBe('461.70'); // (240 + 300) × 0.9 × 0.95
    expect(line.steps).toEqual([
      'bundle component api (6 × 10): graduated: 10 × 5.00 + 40 × 4.00 + 10 × 3.00 = 240.00',
      'bundle component seats (3 × 10): per_unit: 30 × 10.00 = 300.00',
      'bundle: components sum to 540.00',
      'bundle: −10% = 486.00',
      'contract ACME-2026: −5% = 461.70',
      'rounded half-up to 2 decimals: 461.70',
    ]);
  });

  it('prices components at their catalog price, not the contract price of the component', () => {
    const deal = contract('DEAL', [{ priceCode: 'seats', kind: 'per_unit', item: { discountPercent: '50' } }]);
    expect(price(suite, '1', { resolvePrice: withSuite, contracts: [deal] }).amount.toFixed()).toBe('54');
  });

  it('rounds the bundle line once, not per component', () => {
    const thirds = makePrice('thirds', 'per_unit', { unitAmount: '0.004' });
    const pack = makePrice('pack', 'bundle', {
      components: [
        { priceCode: 'thirds', quantity: 1 },
        { priceCode: 'seats', quantity: '0.0001' },
      ],
    });
    const line = price(pack, '1', { resolvePrice: catalogOf(thirds, seats, pack) });
    expect(line.unroundedAmount.toFixed()).toBe('0.005');
    expect(line.amount.toFixed(2)).toBe('0.01'); // per-component rounding would give 0.00
  });

  it.each([
    [
      'a cycle',
      () => {
        const a = makePrice('a', 'bundle', { components: [{ priceCode: 'b', quantity: 1 }] });
        const b = makePrice('b', 'bundle', { components: [{ priceCode: 'a', quantity: 1 }] });
        return { p: a, resolvePrice: catalogOf(a, b) };
      },
      /price reference cycle: a → b → a/,
    ],
    [
      'itself',
      () => {
        const a = makePrice('a', 'bundle', { components: [{ priceCode: 'a', quantity: 1 }] });
        return { p: a, resolvePrice: catalogOf(a) };
      },
      /cycle: a → a/,
    ],
    [
      'an unknown component',
      () => {
        const a = makePrice('a', 'bundle', { components: [{ priceCode: 'ghost', quantity: 1 }] });
        return { p: a, resolvePrice: catalogOf(a) };
      },
      /refers to unknown price 'ghost'/,
    ],
    [
      'a component in another currency',
      () => {
        const usd = makePrice('usd', 'flat', { amount: 1 }, 'USD');
        const a = makePrice('a', 'bundle', { components: [{ priceCode: 'usd', quantity: 1 }] });
        return { p: a, resolvePrice: catalogOf(a, usd) };
      },
      /in USD, not EUR/,
    ],
    [
      'nesting deeper than 8',
      () => {
        const chain = Array.from({ length: 10 }, (_, i) =>
          makePrice(`n${i}`, 'bundle', { components: [{ priceCode: `n${i + 1}`, quantity: 1 }] }),
        );
        return { p: chain[0], resolvePrice: catalogOf(...chain, makePrice('n10', 'flat', { amount: 1 })) };
      },
      /deeper than 8/,
    ],
  ])('reports %s at priceCode', (_, setup, message) => {
    const { p, resolvePrice } = setup();
    expect(issuesOf(() => price(p, '1', { resolvePrice }))).toEqual([{ path: 'priceCode', message: expect.stringMatching(message) }]);
  });

  it('validatePriceReferences reports the same problems when the price is created', () => {
    const a = makePrice('a', 'bundle', {
      components: [
        { priceCode: 'seats', quantity: 1 },
        { priceCode: 'a2', quantity: 1 },
      ],
    });
    const a2 = makePrice('a2', 'bundle', { components: [{ priceCode: 'a', quantity: 1 }] });
    expect(issuesOf(() => validatePriceReferences(a, catalogOf(a, a2, seats)))).toEqual([
      { path: 'rule.config.references[1]', message: expect.stringMatching(/cycle: a → a2 → a/) },
    ]);
    expect(issuesOf(() => validatePriceReferences(a, catalogOf(seats)))[0].message).toMatch(/unknown price 'a2'/);
    expect(() => validatePriceReferences(suite, withSuite)).not.toThrow();
    expect(() => validatePriceReferences(seats, withSuite)).not.toThrow();
  });
});
