import fc from 'fast-check';
import { Decimal, parseRule } from '../../src/pricing';
import { priceGraduated, priceVolume, tierFor, tiersSchema, type Tier } from '../../src/pricing/tiers';
import { parseWith } from '../../src/pricing/validation';
import { EXAMPLE_TIERS, d, issuesOf } from './fixtures';

const tiers = (json: unknown): readonly Tier[] => parseWith(tiersSchema, json);

describe('tier validation (rejected when the price is created)', () => {
  it.each([
    ['empty', [], 'rule.config.tiers', /at least one tier/],
    ['not a list', 'tiers', 'rule.config.tiers', /list of tiers/],
    [
      'unsorted',
      [
        { upTo: 50, unitAmount: 4 },
        { upTo: 10, unitAmount: 5 },
        { upTo: null, unitAmount: 3 },
      ],
      'rule.config.tiers[1].upTo',
      /sorted/,
    ],
    [
      'duplicate bound',
      [
        { upTo: 10, unitAmount: 5 },
        { upTo: '10', unitAmount: 4 },
        { upTo: null, unitAmount: 3 },
      ],
      'rule.config.tiers[1].upTo',
      /duplicate bound/,
    ],
    [
      'last tier with a ceiling',
      [
        { upTo: 10, unitAmount: 5 },
        { upTo: 50, unitAmount: 4 },
      ],
      'rule.config.tiers[1].upTo',
      /last tier must have upTo: null/,
    ],
    [
      'open tier before the last',
      [
        { upTo: null, unitAmount: 5 },
        { upTo: null, unitAmount: 4 },
      ],
      'rule.config.tiers[0].upTo',
      /only the last tier/,
    ],
    ['missing upTo', [{ unitAmount: 5 }], 'rule.config.tiers[0].upTo', /null means no ceiling/],
    [
      'zero bound',
      [
        { upTo: 0, unitAmount: 5 },
        { upTo: null, unitAmount: 4 },
      ],
      'rule.config.tiers[0].upTo',
      /greater than zero/,
    ],
    ['negative unit amount', [{ upTo: null, unitAmount: '-1' }], 'rule.config.tiers[0].unitAmount', /zero or more/],
    ['negative flat amount', [{ upTo: null, unitAmount: '1', flatAmount: '-0.01' }], 'rule.config.tiers[0].flatAmount', /zero or more/],
    ['13 decimals', [{ upTo: null, unitAmount: '0.0000000000001' }], 'rule.config.tiers[0].unitAmount', /at most 12 decimals/],
    ['float noise', [{ upTo: null, unitAmount: 0.1 + 0.2 }], 'rule.config.tiers[0].unitAmount', /at most 12 decimals/],
    [
      'exponent',
      [
        { upTo: '1e3', unitAmount: 1 },
        { upTo: null, unitAmount: 1 },
      ],
      'rule.config.tiers[0].upTo',
      /plain decimal/,
    ],
    ['boolean amount', [{ upTo: null, unitAmount: true }], 'rule.config.tiers[0].unitAmount', /decimal string/],
    ['unknown key', [{ upTo: null, unitAmount: 1, unit_amount: 1 }], 'rule.config.tiers[0]', /unit_amount/],
  ])('%s', (_, json, path, message) => {
    for (const kind of ['graduated', 'volume']) {
      const issues = issuesOf(() => parseRule(kind, { tiers: json }));
      expect(issues).toContainEqual({ path, message: expect.stringMatching(message) });
    }
  });

  it('reports a missing tiers field', () => {
    expect(issuesOf(() => parseRule('graduated', {}))[0].path).toBe('rule.config.tiers');
  });

  it('accepts JSON numbers, strings, fractional bounds and 12-decimal prices', () => {
    const parsed = tiers([
      { upTo: 0.5, unitAmount: '0.000000000001', flatAmount: 2 },
      { upTo: '10.25', unitAmount: 4 },
      { upTo: null, unitAmount: '3' },
    ]);
    expect(
      parsed.map((t) => [t.from.toFixed(), t.upTo?.toFixed() ?? null, t.unitAmount.toFixed(), t.flatAmount?.toFixed() ?? null]),
    ).toEqual([
      ['0', '0.5', '0.000000000001', '2'],
      ['0.5', '10.25', '4', null],
      ['10.25', null, '3', null],
    ]);
  });
});

describe('tier arithmetic', () => {
  const example = tiers(EXAMPLE_TIERS);

  it.each([
    ['0', '0', '0 units = 0.00'],
    ['1', '5', '1 × 5.00 = 5.00'],
    ['10', '50', '10 × 5.00 = 50.00'],
    ['10.5', '52', '10 × 5.00 + 0.5 × 4.00 = 52.00'],
    ['50', '210', '10 × 5.00 + 40 × 4.00 = 210.00'],
    ['60', '240', '10 × 5.00 + 40 × 4.00 + 10 × 3.00 = 240.00'],
  ])('graduated q=%s → %s', (q, amount, explanation) => {
    const result = priceGraduated(example, d(q), 2);
    expect(result.amount.toFixed()).toBe(amount);
    expect(result.explanation).toBe(explanation);
  });

  it.each([
    ['0', '0', 1],
    ['10', '50', 1],
    ['10.000000000001', '40.000000000004', 2],
    ['50', '200', 2],
    ['60', '180', 3],
  ])('volume q=%s → %s (tier %i)', (q, amount, tierNumber) => {
    expect(priceVolume(example, d(q), 2).amount.toFixed()).toBe(amount);
    if (q !== '0') expect(tierFor(example, d(q)).index + 1).toBe(tierNumber);
  });

  it('charges a tier flat amount once, when units fall in the tier', () => {
    const withFlat = tiers([
      { upTo: 10, unitAmount: 0, flatAmount: 20 },
      { upTo: null, unitAmount: 1, flatAmount: 5 },
    ]);
    expect(priceGraduated(withFlat, d(0), 2).amount.toFixed()).toBe('0');
    expect(priceGraduated(withFlat, d(3), 2).amount.toFixed()).toBe('20');
    expect(priceGraduated(withFlat, d(12), 2).amount.toFixed()).toBe('27');
    expect(priceGraduated(withFlat, d(12), 2).explanation).toBe('10 × 0.00 + 20.00 flat + 2 × 1.00 + 5.00 flat = 27.00');
    expect(priceVolume(withFlat, d(12), 2).amount.toFixed()).toBe('17');
  });

  const tierLists = fc
    .uniqueArray(fc.integer({ min: 1, max: 10_000 }), { minLength: 0, maxLength: 5 })
    .chain((bounds) =>
      fc.tuple(
        fc.constant([...bounds].sort((a, b) => a - b)),
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: bounds.length + 1, maxLength: bounds.length + 1 }),
        fc.array(fc.option(fc.integer({ min: 0, max: 10_000 })), { minLength: bounds.length + 1, maxLength: bounds.length + 1 }),
      ),
    )
    .map(([bounds, units, flats]) =>
      tiers(
        units.map((unit, i) => ({
          upTo: i < bounds.length ? String(bounds[i]) : null,
          unitAmount: new Decimal(unit).div(1000).toFixed(),
          ...(flats[i] === null ? {} : { flatAmount: new Decimal(flats[i] as number).div(100).toFixed() }),
        })),
      ),
    );
  const quantity = fc.integer({ min: 0, max: 2_000_000 }).map((n) => new Decimal(n).div(100));

  it('graduated is non-decreasing in quantity', () => {
    fc.assert(
      fc.property(tierLists, quantity, quantity, (list, a, b) => {
        const [lo, hi] = a.lte(b) ? [a, b] : [b, a];
        expect(priceGraduated(list, lo, 2).amount.lte(priceGraduated(list, hi, 2).amount)).toBe(true);
      }),
    );
  });

  it('volume equals graduated when there is a single tier', () => {
    const single = fc
      .tuple(fc.integer({ min: 0, max: 10_000_000 }), fc.option(fc.integer({ min: 0, max: 10_000 })))
      .map(([unit, flat]) =>
        tiers([
          { upTo: null, unitAmount: new Decimal(unit).div(1_000_000).toFixed(), ...(flat === null ? {} : { flatAmount: String(flat) }) },
        ]),
      );
    fc.assert(
      fc.property(single, quantity, (list, q) => {
        expect(priceVolume(list, q, 2).amount.eq(priceGraduated(list, q, 2).amount)).toBe(true);
      }),
    );
  });

  it('graduated adds up tier by tier: the sum of units priced equals the quantity', () => {
    fc.assert(
      fc.property(tierLists, quantity, (list, q) => {
        const ones = list.map((t) => ({ ...t, unitAmount: new Decimal(1), flatAmount: null }));
        expect(priceGraduated(ones, q, 2).amount.eq(q)).toBe(true);
      }),
    );
  });
});
