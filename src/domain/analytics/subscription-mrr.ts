import { isMetered, roundMoney } from '../../pricing';
import { Decimal, ZERO } from '../../pricing/decimal';
import { toSnapshot, CatalogPrice } from '../catalog/price-snapshot';
import type { ItemPricer } from '../subscriptions/subscription-pricing';

/** Months in one interval: MRR normalizes a yearly price to 1/12 and a quarterly one to 1/3 (CONTRACT.md). */
const MONTHS: Readonly<Record<string, number>> = { MONTH: 1, QUARTER: 3, YEAR: 12 };

/** Subscriptions that count: a trial counts 0 until it converts, a paused one 0 (CONTRACT.md). */
const COUNTED = new Set(['ACTIVE', 'PAST_DUE']);

export interface MrrInput {
  status: string;
  interval: string;
  intervalCount: number;
  items: readonly { price: CatalogPrice; quantity: Decimal }[];
}

/**
 * A subscription's MRR at `at`: its recurring, non-usage items priced as the next invoice would
 * price them (a whole period, contracts in force at `at`, tax excluded), each normalized to a
 * month, summed unrounded and rounded once to the currency's minor unit. One-time and metered
 * prices are not recurring revenue: usage revenue is reported beside MRR, not in it.
 */
export function subscriptionMrr(pricer: ItemPricer, input: MrrInput, at: Date): Decimal {
  const months = MONTHS[input.interval];
  if (!COUNTED.has(input.status) || !months) return ZERO;
  let sum = ZERO;
  for (const item of input.items) {
    if (item.price.interval === 'ONE_TIME' || isMetered(toSnapshot(item.price))) continue;
    sum = sum.plus(pricer.fullPeriod(item, at).amount);
  }
  return roundMoney(sum.div(months * input.intervalCount), pricer.customer.currency);
}
