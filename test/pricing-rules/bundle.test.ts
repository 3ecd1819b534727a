import { bundle } from '../../pricing-rules/bundle';
import { Decimal, type RuleResult } from '../../src/pricing';
import { issuesOf } from '../pricing/fixtures';
import { ctxFor, q } from './helpers';

// Components priced at a unit price per code, standing in for the engine.
const unitPrices: Record<string, string> = { seats: '10', support: '0.5' };
const calls: [string, string][] = [];
const component = (code: string, quantity: Decimal): RuleResult => {
  calls.push([code, quantity.toFixed()]);
  const amount = quantity.times(unitPrices[code]);
  return { amount, steps: [`per_unit: ${quantity.toFixed()} × ${unitPrices[code]} = ${amount.toFixed()}`] };
};
const components = [
  { priceCode: 'seats', quantity: '3' },
  { priceCode: 'support', quantity: '1.5' },
];

beforeEach(() => {
  calls.length = 0;
});

describe('bundle', () => {
  it('sums its components priced at quantity × q', () => {
    const result = bundle.price(bundle.parseConfig({ components }), q(2), ctxFor(2, component));
    expect(calls).toEqual([
      ['seats', '6'],
      ['support', '3'],
    ]);
    expect(result.amount.toFixed()).toBe('61.5');
    expect(result.steps).toEqual([
      'bundle component seats (3 × 2): per_unit: 6 × 10 = 60',
      'bundle component support (1.5 × 2): per_unit: 3 × 0.5 = 1.5',
      'bundle: components sum to 61.50',
    ]);
  });

  it.each([
    [{ discountPercent: '10' }, '2', '55.35', 'bundle: −10% = 55.35'],
    [{ discountPercent: '12.5' }, '1', '26.90625', 'bundle: −12.5% = 26.90625'],
    [{ discountPercent: '100' }, '1', '0', 'bundle: −100% = 0.00'],
    [{ fixedAmount: '25' }, '2', '50', 'bundle: fixed 2 × 25.00 = 50.00 replaces 61.50'],
    [{ fixedAmount: '25', discountPercent: null }, '0', '0', 'bundle: fixed 0 × 25.00 = 0.00 replaces 0.00'],
  ])('%j at q=%s → %s', (extra, quantity, amount, lastStep) => {
    const result = bundle.price(bundle.parseConfig({ components, ...extra }), q(quantity), ctxFor(2, component));
    expect(result.amount.toFixed()).toBe(amount);
    expect(result.steps[result.steps.length - 1]).toBe(lastStep);
  });

  it('references its component codes', () => {
    expect(bundle.references?.(bundle.parseConfig({ components }))).toEqual(['seats', 'support']);
  });

  it.each([
    [{ components, fixedAmount: '10', discountPercent: '5' }, 'fixedAmount', /not both/],
    [{ components: [] }, 'components', /at least one component/],
    [{ components: [{ priceCode: 'seats', quantity: '0' }] }, 'components[0].quantity', /greater than zero/],
    [{ components: [{ priceCode: '', quantity: '1' }] }, 'components[0].priceCode', /empty/],
    [
      {
        components: [
          { priceCode: 'a', quantity: 1 },
          { priceCode: 'a', quantity: 2 },
        ],
      },
      'components[1].priceCode',
      /duplicate/,
    ],
    [{ components, discountPercent: '100.5' }, 'discountPercent', /between 0 and 100/],
    [{ components, fixedAmount: '-1' }, 'fixedAmount', /zero or more/],
  ])('rejects %j at %s', (json, path, message) => {
    expect(issuesOf(() => bundle.parseConfig(json))).toContainEqual({ path, message: expect.stringMatching(message) });
  });
});
