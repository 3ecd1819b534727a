import { usage } from '../../pricing-rules/usage';
import { meterOf, parseRule } from '../../src/pricing/engine';
import { EXAMPLE_TIERS, issuesOf } from '../pricing/fixtures';
import { ctxFor, q } from './helpers';

describe('usage', () => {
  it.each([
    ['per_unit', { unitAmount: '0.000125' }, '1000000', '125', 'per_unit: 1000000 × 0.000125 = 125.00'],
    ['graduated', { tiers: EXAMPLE_TIERS }, '60', '240', 'graduated: 10 × 5.00 + 40 × 4.00 + 10 × 3.00 = 240.00'],
    ['volume', { tiers: EXAMPLE_TIERS }, '60', '180', 'volume: 60 × 3.00 (tier 3: above 50) = 180.00'],
    ['package', { packageSize: 1000, packageAmount: '2' }, '2500', '6', 'package: ceil(2500 / 1000) = 3 × 2.00 = 6.00'],
  ])('prices the aggregated quantity by its nested %s rule', (kind, config, quantity, amount, nestedStep) => {
    const parsed = usage.parseConfig({ metric: 'api_calls', aggregation: 'sum', pricing: { kind, config } });
    const result = usage.price(parsed, q(quantity), ctxFor());
    expect(result.amount.toFixed()).toBe(amount);
    expect(result.steps).toEqual([`usage: ${quantity} api_calls (sum over the period)`, nestedStep]);
  });

  it('prices zero usage to zero', () => {
    const parsed = usage.parseConfig({
      metric: 'gb',
      aggregation: 'max',
      pricing: { kind: 'volume', config: { tiers: [{ upTo: null, unitAmount: 1, flatAmount: 5 }] } },
    });
    expect(usage.price(parsed, q(0), ctxFor()).amount.toFixed()).toBe('0');
  });

  it.each([
    [{ metric: '', aggregation: 'sum', pricing: { kind: 'per_unit', config: { unitAmount: 1 } } }, 'metric', /empty/],
    [
      { metric: 'x', aggregation: 'avg', pricing: { kind: 'per_unit', config: { unitAmount: 1 } } },
      'aggregation',
      /sum, count, max, unique_count, last/,
    ],
    [
      { metric: 'x', aggregation: 'sum', pricing: { kind: 'flat', config: { amount: 1 } } },
      'pricing.kind',
      /per_unit, graduated, volume, package/,
    ],
    [{ metric: 'x', aggregation: 'sum', pricing: { kind: 'bundle', config: {} } }, 'pricing.kind', /per_unit/],
    [
      { metric: 'x', aggregation: 'sum', pricing: { kind: 'graduated', config: { tiers: [] } } },
      'pricing.config.tiers',
      /at least one tier/,
    ],
    [
      { metric: 'x', aggregation: 'sum', pricing: { kind: 'per_unit', config: { unitAmount: '-2' } } },
      'pricing.config.unitAmount',
      /zero or more/,
    ],
    [{ metric: 'x', aggregation: 'sum' }, 'pricing', /expected object/],
  ])('rejects %j at %s', (json, path, message) => {
    expect(issuesOf(() => usage.parseConfig(json))).toContainEqual({ path, message: expect.stringMatching(message) });
  });
});

describe('meterOf', () => {
  it('names the metric and aggregation of a usage price, and nothing for others', () => {
    const metered = {
      rule: parseRule('usage', {
        metric: 'api_calls',
        aggregation: 'unique_count',
        pricing: { kind: 'per_unit', config: { unitAmount: '1' } },
      }),
    };
    expect(meterOf(metered)).toEqual({ metric: 'api_calls', aggregation: 'unique_count' });
    expect(meterOf({ rule: parseRule('per_unit', { unitAmount: '1' }) })).toBeNull();
  });
});
