import { isMetered } from '../../pricing';
import { Decimal, ZERO } from '../../pricing/decimal';
import { toSnapshot, CatalogPrice } from '../catalog/price-snapshot';
import { discountedMonthlyAmounts, type DiscountTerms } from '../coupons/coupon-effect';
import type { ItemPricer } from '../subscriptions/subscription-pricing';
import { ledgerAmount } from './mrr-figures';

/** Subscriptions that count: a trial counts 0 until it converts, a paused one 0 (CONTRACT.md). */
const COUNTED = new Set(['ACTIVE', 'PAST_DUE']);

export interface MrrInput {
  subscriptionId: string;
  status: string;
  interval: string;
  intervalCount: number;
  items: readonly { price: CatalogPrice; quantity: Decimal }[];
}

/**
 * A subscription's monthly share of MRR at `at`, exact to the ledger's scale (mrr-figures.ts):
 * its recurring, non-usage items priced as the next invoice would price them (a whole period,
 * contracts in force at `at`, the recurring coupon in force then, each line rounded once, tax
 * excluded), each normalized to a month and summed unrounded. It is rounded only as part of a
 * figure (CONTRACT.md: "rounded once per figure"). One-time and metered prices are not recurring
 * revenue: usage revenue is reported beside MRR, not in it.
 */
export function subscriptionMrr(pricer: ItemPricer, input: MrrInput, at: Date, discounts: readonly DiscountTerms[] = []): Decimal {
  if (!COUNTED.has(input.status) || input.interval === 'ONE_TIME') return ZERO;
  const lines = input.items
    .filter((item) => item.price.interval !== 'ONE_TIME' && !isMetered(toSnapshot(item.price)))
    .map((item) => ({ priceCode: item.price.code, amount: pricer.fullPeriod(item, at, null).amount }));
  if (lines.length === 0) return ZERO;
  const { monthly } = discountedMonthlyAmounts({
    subscriptionId: input.subscriptionId,
    currency: pricer.customer.currency,
    interval: input.interval,
    intervalCount: input.intervalCount,
    lines,
    discounts,
    at,
  });
  return ledgerAmount(monthly);
}
