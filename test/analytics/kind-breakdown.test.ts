import fc from 'fast-check';
import { DAYS_PER_MONTH } from '../../src/domain/analytics/goods-mrr';
import { splitByKind } from '../../src/domain/analytics/kind-breakdown';
import { bridgeEnd, ExactBridge, ledgerAmount, mrrFigure, roundBridge } from '../../src/domain/analytics/mrr-figures';
import { Decimal } from '../../src/pricing/decimal';

// RevenuePeriod.byKind: goods + services = every figure, to the minor unit (docs/analytics.md, Goods and services).
const PARTS = ['start', 'newMrr', 'expansionMrr', 'reactivationMrr', 'contractionMrr', 'churnedMrr'] as const;
const SHOWN = {
  start: 'startMrr',
  newMrr: 'newMrr',
  expansionMrr: 'expansionMrr',
  reactivationMrr: 'reactivationMrr',
  contractionMrr: 'contractionMrr',
  churnedMrr: 'churnedMrr',
} as const;

// Services' shares: an amount over an interval's months. Goods' shares: a delivery's amount times the deliveries in a month.
const serviceShare = fc
  .record({ cents: fc.integer({ min: 0, max: 10_000_000 }), months: fc.constantFrom(1, 3, 12, 36) })
  .map(({ cents, months }) => ledgerAmount(new Decimal(cents).div(100).div(months)));
const goodsShare = fc
  .record({ cents: fc.integer({ min: 0, max: 10_000_000 }), every: fc.integer({ min: 1, max: 365 }), unit: fc.constantFrom(1, 7, 0) })
  .map(({ cents, every, unit }) =>
    ledgerAmount(new Decimal(cents).div(100).times(unit === 0 ? new Decimal(1).div(every) : DAYS_PER_MONTH.div(unit * every))),
  );
const sum = (xs: Decimal[]) => xs.reduce((a, b) => a.plus(b), new Decimal(0));
const bridgeOf = (share: fc.Arbitrary<Decimal>) =>
  fc.record(
    Object.fromEntries(PARTS.map((p) => [p, fc.array(share, { maxLength: 5 }).map(sum)])) as Record<
      (typeof PARTS)[number],
      fc.Arbitrary<Decimal>
    >,
  );

describe('splitByKind', () => {
  it('gives parts that add up to each rounded figure, each a bridge that adds up, goods rounded as any bridge', () => {
    fc.assert(
      fc.property(bridgeOf(serviceShare), bridgeOf(goodsShare), fc.constantFrom('EUR', 'JPY', 'KWD'), (services, goods, currency) => {
        const total = Object.fromEntries(PARTS.map((p) => [p, services[p].plus(goods[p])])) as unknown as ExactBridge;
        const shown = roundBridge(total, currency);
        const [s, g] = splitByKind(shown, goods, currency);
        expect([s.kind, g.kind]).toEqual(['SERVICE', 'PHYSICAL']);
        for (const p of PARTS) expect(s[SHOWN[p]].plus(g[SHOWN[p]]).eq(shown[p])).toBe(true);
        expect(s.mrr.plus(g.mrr).eq(shown.end)).toBe(true);
        for (const part of [s, g]) {
          const end = part.startMrr
            .plus(part.newMrr)
            .plus(part.expansionMrr)
            .plus(part.reactivationMrr)
            .minus(part.contractionMrr)
            .minus(part.churnedMrr);
          expect(end.eq(part.mrr)).toBe(true);
          expect(part.arr.eq(part.mrr.times(12))).toBe(true);
        }
        // Goods are their own exact figures rounded once; services' start and end within a minor unit of theirs.
        expect(g.startMrr.eq(mrrFigure(goods.start, currency))).toBe(true);
        expect(g.mrr.eq(mrrFigure(bridgeEnd(goods), currency))).toBe(true);
        const unit = new Decimal(10).pow(-({ EUR: 2, JPY: 0, KWD: 3 } as const)[currency]);
        expect(s.startMrr.minus(services.start).abs().lte(unit)).toBe(true);
        expect(s.mrr.minus(bridgeEnd(services)).abs().lte(unit)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
