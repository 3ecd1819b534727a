import type { EntityManager } from '@mikro-orm/postgresql';
import { ZERO, type Decimal } from '../../pricing/decimal';
import { BillingInterval, PriceStatus } from '../catalog/price.entity';
import { CatalogPrice, loadPriceClosure } from '../catalog/price-snapshot';
import { InvalidInputError } from '../errors';
import { requireAtMost } from '../shared/validate';

export const MAX_ITEMS = 20;

export interface ItemInput {
  priceCode: string;
  quantity: Decimal;
}

export interface ResolvedItem {
  price: CatalogPrice;
  quantity: Decimal;
}

/**
 * Validates a subscription's item list against the current catalog: known, active, recurring
 * prices in the customer's currency, all on one billing cycle, each code once, quantities ≥ 0.
 */
export async function resolveItems(
  em: EntityManager,
  items: readonly ItemInput[],
  currency: string,
  cycle?: { interval: BillingInterval; intervalCount: number },
): Promise<ResolvedItem[]> {
  // Checked before the query too: an oversized list costs nothing.
  requireAtMost(items, MAX_ITEMS, 'input.items');
  return checkItems(
    items,
    await loadPriceClosure(
      em,
      items.map((i) => i.priceCode),
    ),
    currency,
    { cycle },
  );
}

/**
 * resolveItems' rules over prices already loaded, for callers that hold the catalog (the Stripe
 * import checks each subscription against it without a query). `allowArchived`: a subscription
 * that exists elsewhere keeps a price that is no longer sold, as one sold here would.
 */
export function checkItems(
  items: readonly ItemInput[],
  prices: ReadonlyMap<string, CatalogPrice>,
  currency: string,
  options: { cycle?: { interval: BillingInterval; intervalCount: number }; allowArchived?: boolean } = {},
): ResolvedItem[] {
  requireAtMost(items, MAX_ITEMS, 'input.items');
  if (items.length === 0) throw new InvalidInputError('input.items', 'a subscription needs at least one item');
  const { cycle } = options;
  const seen = new Set<string>();
  const resolved = items.map((item, i) => {
    const field = `input.items[${i}]`;
    const price = prices.get(item.priceCode);
    if (!price) throw new InvalidInputError(`${field}.priceCode`, `unknown price '${item.priceCode}'`);
    if (price.status === PriceStatus.ARCHIVED && !options.allowArchived)
      throw new InvalidInputError(`${field}.priceCode`, `price '${item.priceCode}' is archived`);
    if (seen.has(item.priceCode)) throw new InvalidInputError(`${field}.priceCode`, `price '${item.priceCode}' is listed twice`);
    seen.add(item.priceCode);
    if (price.interval === BillingInterval.ONE_TIME)
      throw new InvalidInputError(`${field}.priceCode`, `price '${item.priceCode}' is ONE_TIME; a subscription bills recurring prices`);
    if (price.currency !== currency)
      throw new InvalidInputError(
        `${field}.priceCode`,
        `price '${item.priceCode}' is in ${price.currency}, the customer pays in ${currency}`,
      );
    if (item.quantity.lt(ZERO)) throw new InvalidInputError(`${field}.quantity`, 'quantity must be zero or more');
    return { price, quantity: item.quantity };
  });
  const first = cycle ?? resolved[0].price;
  resolved.forEach((r, i) => {
    if (r.price.interval !== first.interval || r.price.intervalCount !== first.intervalCount) {
      throw new InvalidInputError(
        `input.items[${i}].priceCode`,
        `price '${r.price.code}' bills every ${r.price.intervalCount} ${r.price.interval}; the subscription bills every ${first.intervalCount} ${first.interval}`,
      );
    }
  });
  return resolved;
}
