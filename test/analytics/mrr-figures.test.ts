import fc from 'fast-check';
import { ledgerAmount, mrrFigure, roundBridge } from '../../src/domain/analytics/mrr-figures';
import { Decimal } from '../../src/pricing/decimal';

// The ledger stores monthly shares to 30 decimals and rounds each figure once (CONTRACT.md).
describe('mrrFigure', () => {
  it('rounds the exact sum, not the stored digits: 1/3 + 1/3 − 1/6 of a cent is half a cent and rounds up', () => {
    const third = ledgerAmount(new Decimal('0.01').div(3));
    const sixth = ledgerAmount(new Decimal('0.01').div(6));
    const stored = third.plus(third).minus(sixth);
    expect(stored.toFixed()).toBe(`0.004${'9'.repeat(27)}`);
    expect(mrrFigure(stored, 'EUR').toFixed()).toBe('0.01');
  });

  it.each([
    ['EUR', '100', 12, '8.33'],
    ['JPY', '1000', 12, '83'],
    ['KWD', '1', 3, '0.333'],
    ['EUR', '0.05', 2, '0.03'], // exactly half a cent: half-up
  ])('%s %s over %d months is %s', (currency, amount, months, figure) => {
    expect(mrrFigure(ledgerAmount(new Decimal(amount).div(months)), currency).toFixed()).toBe(figure);
  });
});

describe('roundBridge', () => {
  // Monthly shares as the ledger holds them: a line amount in cents over an interval's months.
  const share = fc
    .record({ cents: fc.integer({ min: 0, max: 10_000_000 }), months: fc.constantFrom(1, 3, 6, 7, 12, 24, 36, 432) })
    .map(({ cents, months }) => ledgerAmount(new Decimal(cents).div(100).div(months)));
  const sum = (xs: Decimal[]) => xs.reduce((a, b) => a.plus(b), new Decimal(0));
  const bridge = fc
    .record({
      start: fc.array(share, { maxLength: 6 }),
      newMrr: fc.array(share, { maxLength: 6 }),
      expansionMrr: fc.array(share, { maxLength: 6 }),
      reactivationMrr: fc.array(share, { maxLength: 6 }),
      contractionMrr: fc.array(share, { maxLength: 6 }),
      churnedMrr: fc.array(share, { maxLength: 6 }),
    })
    .map((b) => {
      const start = sum([...b.start, ...b.contractionMrr, ...b.churnedMrr]); // nothing leaves that was not there
      return {
        start,
        newMrr: sum(b.newMrr),
        expansionMrr: sum(b.expansionMrr),
        reactivationMrr: sum(b.reactivationMrr),
        contractionMrr: sum(b.contractionMrr),
        churnedMrr: sum(b.churnedMrr),
      };
    });

  it('adds up to the cent, rounds start and end once, and keeps each movement within a cent of its exact value', () => {
    fc.assert(
      fc.property(bridge, (exact) => {
        const r = roundBridge(exact, 'EUR');
        const end = exact.start
          .plus(exact.newMrr)
          .plus(exact.expansionMrr)
          .plus(exact.reactivationMrr)
          .minus(exact.contractionMrr)
          .minus(exact.churnedMrr);
        expect(r.start.toFixed(2)).toBe(mrrFigure(exact.start, 'EUR').toFixed(2));
        expect(r.end.toFixed(2)).toBe(mrrFigure(end, 'EUR').toFixed(2));
        expect(
          r.start.plus(r.newMrr).plus(r.expansionMrr).plus(r.reactivationMrr).minus(r.contractionMrr).minus(r.churnedMrr).eq(r.end),
        ).toBe(true);
        for (const k of ['newMrr', 'expansionMrr', 'reactivationMrr', 'contractionMrr', 'churnedMrr'] as const) {
          expect(r[k].minus(exact[k]).abs().lt('0.01')).toBe(true);
          expect(r[k].decimalPlaces()).toBeLessThanOrEqual(2);
          if (exact[k].isZero()) expect(r[k].isZero()).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('gives a lost cent to the movement whose rounding lost the most', () => {
    // 8.3333… + 8.3343… = 16.6676… → 16.67, but alone each rounds to 8.33: the cent goes to the second, which lost more.
    const third = ledgerAmount(new Decimal(100).div(12));
    const r = roundBridge(
      {
        start: new Decimal(0),
        newMrr: third,
        expansionMrr: third.plus('0.000001'),
        reactivationMrr: new Decimal(0),
        contractionMrr: new Decimal(0),
        churnedMrr: new Decimal(0),
      },
      'EUR',
    );
    expect([r.newMrr.toFixed(2), r.expansionMrr.toFixed(2), r.end.toFixed(2)]).toEqual(['8.33', '8.34', '16.67']);
  });
});
