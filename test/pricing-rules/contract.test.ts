import fc from 'fast-check';
import { parseContractItem, priceUnderContract } from '../../pricing-rules/contract';
import { graduated } from '../../pricing-rules/graduated';
import { perUnit } from '../../pricing-rules/per-unit';
import { Decimal } from '../../src/pricing';
import { EXAMPLE_TIERS, issuesOf } from '../pricing/fixtures';
import { ctxFor, q } from './helpers';

const catalog = graduated.parseConfig({ tiers: EXAMPLE_TIERS });

describe('contract layer', () => {
  it('takes the discount off the rule amount (PRICING.md: "contract ACME-2026: −10%")', () => {
    const item = parseContractItem({ discountPercent: '10' }, 'graduated');
    const result = priceUnderContract('ACME-2026', item, graduated, catalog, q(60), ctxFor());
    expect(result.amount.toFixed()).toBe('216');
    expect(result.steps).toEqual(['graduated: 10 × 5.00 + 40 × 4.00 + 10 × 3.00 = 240.00', 'contract ACME-2026: −10% = 216.00']);
  });

  it('replaces the config with the override, then discounts', () => {
    const item = parseContractItem({ override: { tiers: [{ upTo: null, unitAmount: '2' }] }, discountPercent: '12.5' }, 'graduated');
    const result = priceUnderContract('ACME-2026', item, graduated, catalog, q(60), ctxFor());
    expect(result.amount.toFixed()).toBe('105');
    expect(result.steps).toEqual([
      'contract ACME-2026: contract graduated price replaces the catalog price',
      'graduated: 60 × 2.00 = 120.00',
      'contract ACME-2026: −12.5% = 105.00',
    ]);
  });

  it('leaves the amount alone for an item with neither field (it only marks coverage)', () => {
    const result = priceUnderContract('C', parseContractItem({}, 'graduated'), graduated, catalog, q(60), ctxFor());
    expect(result.amount.toFixed()).toBe('240');
    expect(result.steps).toHaveLength(1);
  });

  it('a discount of 0 changes nothing', () => {
    const zero = parseContractItem({ discountPercent: '0' }, 'per_unit');
    const config = perUnit.parseConfig({ unitAmount: '0.000125' });
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 18n }), fc.integer({ min: 0, max: 12 }), (units, scale) => {
        const quantity = new Decimal(units.toString()).div(new Decimal(10).pow(scale));
        const plain = perUnit.price(config, quantity, ctxFor());
        expect(priceUnderContract('C', zero, perUnit, config, quantity, ctxFor()).amount.eq(plain.amount)).toBe(true);
      }),
    );
  });

  it.each([
    [{ override: { tiers: [{ upTo: 5, unitAmount: 1 }] } }, 'override.tiers[0].upTo', /last tier/],
    [{ override: { unitAmount: 1 } }, 'override.tiers', /list of tiers|required|expected array/],
    [{ override: { tiers: EXAMPLE_TIERS, extra: true } }, 'override', /extra/],
    [{ discountPercent: '-1' }, 'discountPercent', /between 0 and 100/],
    [{ discountPercent: '101' }, 'discountPercent', /between 0 and 100/],
    [{ discountPercent: '10.0000000000001' }, 'discountPercent', /12 decimals/],
    [{ discount: '10' }, '', /discount/],
  ])('rejects %j at %s (override validated by the price kind)', (json, path, message) => {
    expect(issuesOf(() => parseContractItem(json, 'graduated'))).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it('validates an override against the kind of the price, not any kind', () => {
    expect(issuesOf(() => parseContractItem({ override: { unitAmount: '1' } }, 'graduated'))[0].path).toMatch(/^override/);
    expect(parseContractItem({ override: { unitAmount: '1' } }, 'per_unit').override).toBeDefined();
  });

  it('accepts 12-decimal percentages and treats null fields as absent', () => {
    expect(parseContractItem({ discountPercent: '33.333333333333' }, 'graduated').discountPercent?.toFixed()).toBe('33.333333333333');
    expect(parseContractItem({ override: null, discountPercent: null }, 'graduated')).toEqual({});
  });
});
