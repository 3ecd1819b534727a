import fc from 'fast-check';
import { Decimal, addInterval, periodContaining, prorate, prorationFraction, roundMoney } from '../../src/pricing';
import { d, issuesOf } from './fixtures';

const utc = (iso: string): Date => new Date(`${iso}Z`);
const iso = (date: Date): string => date.toISOString().replace('.000Z', '');

describe('addInterval: monthly periods clamped to the month end, the anchor kept', () => {
  it('Jan 31 → Feb 28 → Mar 31 (PRICING.md)', () => {
    const anchor = utc('2027-01-31T09:30:00');
    expect([0, 1, 2, 3, 4].map((n) => iso(addInterval(anchor, 'MONTH', 1, n)))).toEqual([
      '2027-01-31T09:30:00',
      '2027-02-28T09:30:00',
      '2027-03-31T09:30:00',
      '2027-04-30T09:30:00',
      '2027-05-31T09:30:00',
    ]);
  });

  it.each([
    ['2028-01-31T00:00:00', 'MONTH', 1, 1, '2028-02-29T00:00:00'], // leap year
    ['2026-01-15T00:00:00', 'MONTH', 1, -1, '2025-12-15T00:00:00'],
    ['2026-11-30T00:00:00', 'QUARTER', 1, 1, '2027-02-28T00:00:00'],
    ['2026-11-30T00:00:00', 'QUARTER', 1, 2, '2027-05-30T00:00:00'],
    ['2028-02-29T12:00:00', 'YEAR', 1, 1, '2029-02-28T12:00:00'],
    ['2028-02-29T12:00:00', 'YEAR', 1, 4, '2032-02-29T12:00:00'],
    ['2026-08-31T00:00:00', 'MONTH', 6, 1, '2027-02-28T00:00:00'],
    ['2026-05-31T23:59:59', 'MONTH', 2, 3, '2026-11-30T23:59:59'],
  ] as const)('%s + %s×%i × %i = %s', (anchor, interval, count, n, expected) => {
    expect(iso(addInterval(utc(anchor), interval, count, n))).toBe(expected);
  });

  it.each([
    ['ONE_TIME', 1, 'interval'],
    ['MONTH', 0, 'intervalCount'],
    ['MONTH', 1.5, 'intervalCount'],
  ] as const)('rejects %s every %s', (interval, count, path) => {
    expect(issuesOf(() => addInterval(utc('2026-01-01T00:00:00'), interval, count, 1))[0].path).toBe(path);
  });
});

describe('periodContaining', () => {
  const anchor = utc('2027-01-31T00:00:00');

  it.each([
    ['2027-01-31T00:00:00', '2027-01-31T00:00:00', '2027-02-28T00:00:00', 0],
    ['2027-02-27T23:59:59', '2027-01-31T00:00:00', '2027-02-28T00:00:00', 0],
    ['2027-02-28T00:00:00', '2027-02-28T00:00:00', '2027-03-31T00:00:00', 1], // half-open
    ['2027-03-30T00:00:00', '2027-02-28T00:00:00', '2027-03-31T00:00:00', 1],
    ['2028-02-29T10:00:00', '2028-02-29T00:00:00', '2028-03-31T00:00:00', 13],
    ['2027-01-30T00:00:00', '2026-12-31T00:00:00', '2027-01-31T00:00:00', -1],
  ])('at %s: [%s, %s) #%i', (at, start, end, index) => {
    const period = periodContaining(anchor, 'MONTH', 1, utc(at));
    expect([iso(period.start), iso(period.end), period.index]).toEqual([start, end, index]);
  });

  it('always returns a period that contains the instant, of the schedule of addInterval', () => {
    const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }).map((t) => new Date(t));
    fc.assert(
      fc.property(
        instant,
        instant,
        fc.constantFrom('MONTH' as const, 'QUARTER' as const, 'YEAR' as const),
        fc.integer({ min: 1, max: 12 }),
        (a, at, interval, count) => {
          const period = periodContaining(a, interval, count, at);
          expect(period.start.getTime()).toBeLessThanOrEqual(at.getTime());
          expect(at.getTime()).toBeLessThan(period.end.getTime());
          expect(period.start.getTime()).toBe(addInterval(a, interval, count, period.index).getTime());
          expect(period.end.getTime()).toBe(addInterval(a, interval, count, period.index + 1).getTime());
        },
      ),
    );
  });
});

describe('proration by seconds', () => {
  const start = utc('2027-04-01T00:00:00');
  const end = utc('2027-05-01T00:00:00'); // 30 days

  it.each([
    ['2027-04-01T00:00:00', '1'],
    ['2027-04-16T00:00:00', '0.5'],
    ['2027-04-25T00:00:00', '0.2'],
    ['2027-05-01T00:00:00', '0'],
    ['2027-04-01T00:00:01', '0.999999614197530864197530864197530864197530864197530864197531'],
  ])('from %s the fraction is %s', (from, fraction) => {
    expect(prorationFraction(start, end, utc(from)).toFixed()).toBe(fraction);
  });

  it('credits the unused part of the old item and charges the new one (PRICING.md)', () => {
    const from = utc('2027-04-21T00:00:00'); // 10 of 30 days left
    const credit = prorate(d('-300'), start, end, from);
    const charge = prorate(d('450'), start, end, from);
    expect([credit.toFixed(), charge.toFixed()]).toEqual(['-100', '150']);
  });

  it('multiplies before it divides, so a third of 0.015 rounds like the exact 0.005', () => {
    const thirdLeft = utc('2027-04-21T00:00:00');
    expect(roundMoney(prorate(d('0.015'), start, end, thirdLeft), 'EUR').toFixed(2)).toBe('0.01');
  });

  it.each([
    [utc('2027-05-01T00:00:00'), utc('2027-04-01T00:00:00'), utc('2027-04-10T00:00:00'), 'periodEnd'],
    [start, end, utc('2027-05-02T00:00:00'), 'from'],
    [start, end, new Date(Number.NaN), 'from'],
  ])('rejects a bad period or instant (%#)', (periodStart, periodEnd, from, path) => {
    expect(issuesOf(() => prorationFraction(periodStart, periodEnd, from))[0].path).toBe(path);
  });

  // A partition of the period: cuts at random instants (to the millisecond).
  const partitioned = fc
    .record({
      start: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
      length: fc.integer({ min: 1, max: 366 * 86_400_000 }),
      cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 }),
      price: fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 18n }), fc.integer({ min: 0, max: 12 })),
    })
    .map(({ start: s, length, cuts, price: [units, scale] }) => {
      const points = [...new Set(cuts.map((c) => s + Math.floor(c * length)))].filter((t) => t > s && t < s + length).sort((a, b) => a - b);
      const bounds = [s, ...points, s + length].map((t) => new Date(t));
      return { bounds, price: new Decimal(units.toString()).div(new Decimal(10).pow(scale)) };
    });

  it('the prorations of a partitioned period sum back to the price, before rounding', () => {
    fc.assert(
      fc.property(partitioned, ({ bounds, price }) => {
        const first = bounds[0];
        const last = bounds[bounds.length - 1];
        const parts = bounds.slice(1).map((to, i) => prorate(price, first, last, bounds[i], to));
        const sum = parts.reduce((a, b) => a.plus(b), new Decimal(0));
        // Exact when every part terminates; otherwise each part is the nearest 60-digit value,
        // so the sum is within n × 10^-60 of the price (relatively) and equal at 40 decimals.
        expect(sum.toDecimalPlaces(40).eq(price)).toBe(true);
        expect(sum.minus(price).abs().lte(price.times(parts.length).times('1e-58'))).toBe(true);
        if (parts.every((p) => p.precision() < 55)) expect(sum.eq(price)).toBe(true);
      }),
    );
  });

  it('sums exactly when the parts terminate: a 30-day month cut into days', () => {
    const days = Array.from({ length: 31 }, (_, i) => new Date(start.getTime() + i * 86_400_000));
    const parts = days.slice(1).map((to, i) => prorate(d('99.99'), start, end, days[i], to));
    expect(parts[0].toFixed()).toBe('3.333');
    expect(parts.reduce((a, b) => a.plus(b), new Decimal(0)).toFixed()).toBe('99.99');
  });
});
