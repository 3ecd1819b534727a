import { minorUnits, roundMoney } from '../../pricing';
import { Decimal, ZERO } from '../../pricing/decimal';

/**
 * How the revenue ledger keeps MRR exact enough to round once per figure (CONTRACT.md: "summed
 * unrounded and rounded once per figure").
 *
 * A subscription's monthly share is a line amount (at most 12 decimals) divided by its months per
 * period (1 to 432), so its exact value can be a repeating decimal. The ledger stores it to
 * LEDGER_SCALE decimals. A figure is a sum of such values; its exact value has a denominator
 * dividing lcm(1..432's periods) × 10^12, so when it is not exactly half a minor unit from a
 * rounding boundary it is more than 1e-18 away from it, while a billion stored values carry an
 * error below 1e-21. Snapping the sum to SNAP_SCALE decimals first therefore restores exact
 * half-way values, and rounding half-up after that is the rounding of the exact sum.
 */
export const LEDGER_SCALE = 30;
const SNAP_SCALE = 20;

/** A monthly share as the ledger stores it. */
export function ledgerAmount(exact: Decimal): Decimal {
  const stored = exact.toDecimalPlaces(LEDGER_SCALE, Decimal.ROUND_HALF_EVEN);
  return stored.isZero() ? ZERO : stored;
}

/** A sum of ledger amounts as the one figure shown: rounded once, half-up, to the currency's minor unit. */
export function mrrFigure(sum: Decimal, currency: string): Decimal {
  return roundMoney(sum.toDecimalPlaces(SNAP_SCALE, Decimal.ROUND_HALF_UP), currency);
}

/** The exact sums of one period's MRR bridge; contraction and churn as the (positive) MRR they took away. */
export interface ExactBridge {
  start: Decimal;
  newMrr: Decimal;
  expansionMrr: Decimal;
  reactivationMrr: Decimal;
  contractionMrr: Decimal;
  churnedMrr: Decimal;
}

export type RoundedBridge = ExactBridge & { end: Decimal };

/** start + new + expansion + reactivation − contraction − churn. */
export function bridgeEnd(b: ExactBridge): Decimal {
  return b.start.plus(b.newMrr).plus(b.expansionMrr).plus(b.reactivationMrr).minus(b.contractionMrr).minus(b.churnedMrr);
}

const PARTS = ['newMrr', 'expansionMrr', 'reactivationMrr', 'contractionMrr', 'churnedMrr'] as const;
const SIGN: Readonly<Record<(typeof PARTS)[number], 1 | -1>> = {
  newMrr: 1,
  expansionMrr: 1,
  reactivationMrr: 1,
  contractionMrr: -1,
  churnedMrr: -1,
};

/**
 * A bridge whose rounded figures add up: start and end are each their exact value rounded once
 * (so a period's end is the next one's start), and each movement is its exact sum rounded once,
 * to the nearer minor unit unless the five roundings together would leave the bridge a unit or
 * two off; then those units go to the movements whose roundings lost the most (the largest
 * remainder method), each still rounded to one of its two neighbouring units. That is always
 * possible: end − start lies within a unit of the exact sum of the movements.
 */
export function roundBridge(exact: ExactBridge, currency: string): RoundedBridge {
  const unit = new Decimal(1).div(new Decimal(10).pow(minorUnits(currency)));
  const signed = (k: (typeof PARTS)[number], v: Decimal) => (SIGN[k] === 1 ? v : v.negated());
  const start = mrrFigure(exact.start, currency);
  const rounded = new Map(PARTS.map((k) => [k, mrrFigure(signed(k, exact[k]), currency)]));
  const endFigure = mrrFigure(bridgeEnd(exact), currency);
  let gap = endFigure
    .minus(start)
    .minus([...rounded.values()].reduce((a, b) => a.plus(b), ZERO))
    .div(unit)
    .toNumber();
  // What each signed movement lost to its rounding (exact − rounded), largest first when units are missing.
  const order = PARTS.map((k) => ({ k, lost: signed(k, exact[k]).minus(rounded.get(k)!) })).sort((a, b) =>
    gap > 0 ? b.lost.comparedTo(a.lost) : a.lost.comparedTo(b.lost),
  );
  for (const { k, lost } of order) {
    if (gap === 0) break;
    // Only a movement whose exact value lies strictly between units can move to its other neighbour.
    if (gap > 0 && lost.gt(0)) {
      rounded.set(k, rounded.get(k)!.plus(unit));
      gap -= 1;
    }
    if (gap < 0 && lost.lt(0)) {
      rounded.set(k, rounded.get(k)!.minus(unit));
      gap += 1;
    }
  }
  if (gap !== 0) throw new Error(`MRR bridge could not be rounded to whole ${currency} minor units`);
  const figure = (k: (typeof PARTS)[number]) => {
    const v = signed(k, rounded.get(k)!);
    return v.isZero() ? ZERO : v;
  };
  return {
    start,
    newMrr: figure('newMrr'),
    expansionMrr: figure('expansionMrr'),
    reactivationMrr: figure('reactivationMrr'),
    contractionMrr: figure('contractionMrr'),
    churnedMrr: figure('churnedMrr'),
    end: endFigure,
  };
}
