import { ZERO, type Decimal } from '../../pricing/decimal';
import { ProductKind } from '../catalog/product-kind';
import { ExactBridge, RoundedBridge, roundBridge } from './mrr-figures';

/** One product kind's part of a period's MRR and bridge (RevenuePeriod.byKind). */
export interface KindPart {
  kind: ProductKind;
  startMrr: Decimal;
  mrr: Decimal;
  arr: Decimal;
  newMrr: Decimal;
  expansionMrr: Decimal;
  reactivationMrr: Decimal;
  contractionMrr: Decimal;
  churnedMrr: Decimal;
}

export const NO_MOVES: Omit<ExactBridge, 'start'> = {
  newMrr: ZERO,
  expansionMrr: ZERO,
  reactivationMrr: ZERO,
  contractionMrr: ZERO,
  churnedMrr: ZERO,
};

type Figure = keyof RoundedBridge;

/**
 * The period's rounded bridge split into goods and services so that, figure by figure, the parts
 * add up to the whole to the minor unit and each part's own bridge adds up: goods are their exact
 * bridge rounded as any bridge is (roundBridge), services are the whole less goods. Services'
 * start and end are then within a minor unit of their exact values (both roundings are within half
 * a unit), a services movement within two (docs/analytics.md, Goods and services).
 */
export function splitByKind(total: RoundedBridge, goods: ExactBridge, currency: string): KindPart[] {
  const g = roundBridge(goods, currency);
  const rest = (f: Figure) => zeroed(total[f].minus(g[f]));
  const s: RoundedBridge = {
    start: rest('start'),
    newMrr: rest('newMrr'),
    expansionMrr: rest('expansionMrr'),
    reactivationMrr: rest('reactivationMrr'),
    contractionMrr: rest('contractionMrr'),
    churnedMrr: rest('churnedMrr'),
    end: rest('end'),
  };
  return [part(ProductKind.SERVICE, s), part(ProductKind.PHYSICAL, g)];
}

function part(kind: ProductKind, b: RoundedBridge): KindPart {
  return {
    kind,
    startMrr: b.start,
    mrr: b.end,
    arr: b.end.times(12),
    newMrr: b.newMrr,
    expansionMrr: b.expansionMrr,
    reactivationMrr: b.reactivationMrr,
    contractionMrr: b.contractionMrr,
    churnedMrr: b.churnedMrr,
  };
}

/** −0 prints as "-0.00": a difference of equal figures is shown as 0. */
function zeroed(d: Decimal): Decimal {
  return d.isZero() ? ZERO : d;
}
