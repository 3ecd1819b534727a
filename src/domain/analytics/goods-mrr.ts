import { Decimal, ZERO } from '../../pricing/decimal';
import type { CatalogPrice } from '../catalog/price-snapshot';
import { priceWith } from '../orders/order-pricing';
import type { ItemPricer } from '../subscriptions/subscription-pricing';
import { ledgerAmount } from './mrr-figures';

/** Subscriptions that count, as for services (subscription-mrr.ts): a trial and a pause count 0. */
const COUNTED = new Set(['ACTIVE', 'PAST_DUE']);

/**
 * Days in a month for deliveries counted in days or weeks: a twelfth of the mean Gregorian year
 * (365.2425 days, the calendar that MONTH and YEAR periods follow), so that 12 × MRR, the ARR, is
 * exactly what a year of deliveries brings on average. docs/analytics.md, Goods and services.
 */
export const DAYS_PER_MONTH = new Decimal('365.2425').div(12);

const DAYS_PER_UNIT: Readonly<Record<'DAY' | 'WEEK', number>> = { DAY: 1, WEEK: 7 };

/**
 * How many deliveries a month holds, exactly: every N months → 1 / N (as a price of N months is
 * divided by N), every N weeks → 30.436875 / 7N, every N days → 30.436875 / N.
 */
export function deliveriesPerMonth(every: number, unit: 'DAY' | 'WEEK' | 'MONTH'): Decimal {
  if (unit === 'MONTH') return new Decimal(1).div(every);
  return DAYS_PER_MONTH.div(DAYS_PER_UNIT[unit] * every);
}

export interface GoodsInput {
  status: string;
  every: number;
  unit: 'DAY' | 'WEEK' | 'MONTH';
  items: readonly { price: CatalogPrice; quantity: Decimal }[];
}

/**
 * A subscription's goods' monthly share at `at`, exact to the ledger's scale: one delivery priced
 * as its order would be (priceWith: each line by the engine at the schedule's quantity, the
 * customer's contracts in force at `at`, each line rounded once, tax and coupons excluded, as
 * orders carry no coupons), times the deliveries a month holds. What one order is changed to
 * (updateOrderLines, a skip) is that order's, not the schedule's, so it does not move MRR.
 */
export function goodsMrr(pricer: ItemPricer | null, input: GoodsInput | null, at: Date): Decimal {
  if (input === null || !COUNTED.has(input.status) || input.items.length === 0) return ZERO;
  const delivery = priceWith(pricer, input.items, at);
  return ledgerAmount(delivery.subtotal.times(deliveriesPerMonth(input.every, input.unit)));
}
