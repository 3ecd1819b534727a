import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { meterOf } from '../../pricing';
import type { CatalogPrice } from '../catalog/price-snapshot';
import { toSnapshot } from '../catalog/price-snapshot';
import { Customer } from '../customers/customer.entity';
import { ConflictError } from '../errors';
import { Subscription, SubscriptionStatus } from './subscription.entity';

/**
 * Usage is recorded per customer and metric (recordUsage names no subscription), so two live
 * subscriptions of one customer metering the same metric would both bill every event. One of
 * them must own the metric. The customer row is locked so two concurrent subscribes cannot
 * both pass; items of one subscription may share a metric (two prices on one usage, by design).
 */
export async function assertMetricsUnclaimed(
  em: EntityManager,
  customerId: string,
  prices: readonly CatalogPrice[],
  subscriptionId: string | null,
): Promise<void> {
  const metrics = new Set(prices.flatMap((p) => meterOf(toSnapshot(p))?.metric ?? []));
  if (metrics.size === 0) return;
  await em.findOneOrFail(Customer, { id: customerId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  const others = await em.find(
    Subscription,
    { customer: customerId, status: { $ne: SubscriptionStatus.CANCELED }, ...(subscriptionId ? { id: { $ne: subscriptionId } } : {}) },
    { populate: ['items', 'items.price'] },
  );
  for (const other of others) {
    for (const item of other.items) {
      const metric = meterOf(toSnapshot(item.price))?.metric;
      if (metric !== undefined && metrics.has(metric)) {
        throw new ConflictError(
          `subscription ${other.id} of this customer already meters '${metric}': usage is recorded per customer, so one live subscription bills a metric`,
        );
      }
    }
  }
}
