import { graduated } from '../../pricing-rules/graduated';
import { EXAMPLE_TIERS, issuesOf } from '../pricing/fixtures';
import { ctxFor, q } from './helpers';

describe('graduated', () => {
  const config = graduated.parseConfig({ tiers: EXAMPLE_TIERS });

  it.each([
    ['60', '240', 'graduated: 10 × 5.00 + 40 × 4.00 + 10 × 3.00 = 240.00'], // PRICING.md
    ['0', '0', 'graduated: 0 units = 0.00'],
    ['10', '50', 'graduated: 10 × 5.00 = 50.00'],
    ['11', '54', 'graduated: 10 × 5.00 + 1 × 4.00 = 54.00'],
    ['50', '210', 'graduated: 10 × 5.00 + 40 × 4.00 = 210.00'],
    ['0.25', '1.25', 'graduated: 0.25 × 5.00 = 1.25'],
    ['50.001', '210.003', 'graduated: 10 × 5.00 + 40 × 4.00 + 0.001 × 3.00 = 210.003'],
  ])('q=%s → %s', (quantity, amount, step) => {
    const result = graduated.price(config, q(quantity), ctxFor());
    expect(result.amount.toFixed()).toBe(amount);
    expect(result.steps).toEqual([step]);
  });

  it('prices per-call tiers with 12-decimal unit amounts', () => {
    const calls = graduated.parseConfig({
      tiers: [
        { upTo: 1000000, unitAmount: '0' },
        { upTo: 10000000, unitAmount: '0.000125' },
        { upTo: null, unitAmount: '0.000000100001' },
      ],
    });
    expect(graduated.price(calls, q('12000000'), ctxFor()).amount.toFixed()).toBe('1125.200002');
  });

  it('reports paths relative to the config', () => {
    expect(
      issuesOf(() =>
        graduated.parseConfig({
          tiers: [
            { upTo: 5, unitAmount: 1 },
            { upTo: 2, unitAmount: 1 },
            { upTo: null, unitAmount: 1 },
          ],
        }),
      )[0].path,
    ).toBe('tiers[1].upTo');
  });
});
