import { volume } from '../../pricing-rules/volume';
import { EXAMPLE_TIERS, issuesOf } from '../pricing/fixtures';
import { ctxFor, q } from './helpers';

describe('volume', () => {
  const config = volume.parseConfig({ tiers: EXAMPLE_TIERS });

  it.each([
    ['60', '180', 'volume: 60 × 3.00 (tier 3: above 50) = 180.00'], // PRICING.md
    ['0', '0', 'volume: 0 units = 0.00'],
    ['10', '50', 'volume: 10 × 5.00 (tier 1: 0 < q ≤ 10) = 50.00'],
    ['11', '44', 'volume: 11 × 4.00 (tier 2: 10 < q ≤ 50) = 44.00'],
    ['50', '200', 'volume: 50 × 4.00 (tier 2: 10 < q ≤ 50) = 200.00'],
    ['50.5', '151.5', 'volume: 50.5 × 3.00 (tier 3: above 50) = 151.50'],
  ])('q=%s → %s', (quantity, amount, step) => {
    const result = volume.price(config, q(quantity), ctxFor());
    expect(result.amount.toFixed()).toBe(amount);
    expect(result.steps).toEqual([step]);
  });

  it('adds the flat amount of the tier that contains q, and nothing at q = 0', () => {
    const withFlat = volume.parseConfig({
      tiers: [
        { upTo: 100, unitAmount: '2.5', flatAmount: '10' },
        { upTo: null, unitAmount: '2' },
      ],
    });
    expect(volume.price(withFlat, q(100), ctxFor()).amount.toFixed()).toBe('260');
    expect(volume.price(withFlat, q(100), ctxFor()).steps).toEqual(['volume: 100 × 2.50 + 10.00 flat (tier 1: 0 < q ≤ 100) = 260.00']);
    expect(volume.price(withFlat, q(101), ctxFor()).amount.toFixed()).toBe('202');
    expect(volume.price(withFlat, q(0), ctxFor()).amount.toFixed()).toBe('0');
  });

  it('reports paths relative to the config', () => {
    expect(issuesOf(() => volume.parseConfig({ tiers: [{ upTo: 5, unitAmount: 1 }] }))[0]).toEqual({
      path: 'tiers[0].upTo',
      message: 'the last tier must have upTo: null (no ceiling)',
    });
  });
});
