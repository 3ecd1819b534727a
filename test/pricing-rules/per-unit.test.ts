import { perUnit } from '../../pricing-rules/per-unit';
import { issuesOf } from '../pricing/fixtures';
import { ctxFor, q } from './helpers';

describe('per_unit', () => {
  it.each([
    ['0.000125', '1000000', '125', 'per_unit: 1000000 × 0.000125 = 125.00'],
    ['0.000125', '3', '0.000375', 'per_unit: 3 × 0.000125 = 0.000375'],
    ['12.50', '0', '0', 'per_unit: 0 × 12.50 = 0.00'],
    ['12.50', '2.5', '31.25', 'per_unit: 2.5 × 12.50 = 31.25'],
    ['0.000000000001', '1000000000000000', '1000', 'per_unit: 1000000000000000 × 0.000000000001 = 1000.00'],
    [
      '999999.999999999999',
      '999999999999',
      '999999999998999999.000000000001',
      'per_unit: 999999999999 × 999999.999999999999 = 999999999998999999.000000000001',
    ],
  ])('%s × %s = %s', (unitAmount, quantity, amount, step) => {
    const result = perUnit.price(perUnit.parseConfig({ unitAmount }), q(quantity), ctxFor());
    expect(result.amount.toFixed()).toBe(amount);
    expect(result.steps).toEqual([step]);
  });

  it('shows JPY amounts without decimals', () => {
    expect(perUnit.price(perUnit.parseConfig({ unitAmount: 120 }), q(3), ctxFor(0)).steps).toEqual(['per_unit: 3 × 120 = 360']);
  });

  it.each([
    [{ unitAmount: '-0.01' }, 'unitAmount', /zero or more/],
    [{ unitAmount: '0.1234567890123' }, 'unitAmount', /12 decimals/],
    [{ amount: '1' }, 'unitAmount', /required/],
  ])('rejects %j', (json, path, message) => {
    expect(issuesOf(() => perUnit.parseConfig(json))).toContainEqual({ path, message: expect.stringMatching(message) });
  });
});
