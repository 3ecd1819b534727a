import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Late usage, exactly once. recordUsage holds a shared per-customer advisory lock while it
 * inserts and marks an event late when its timestamp is before the customer's watermark for the
 * metric; a boundary that bills usage holds the same lock exclusively while it aggregates,
 * raises the watermark and clears the late marks it settles. So every event is either inside
 * the aggregate a boundary bills (committed before the boundary took the lock) or marked late
 * against a watermark that boundary raised (inserted after it committed): never both, never
 * neither, whatever the clocks say. Transaction-scoped: the locks go with the commit.
 */
const lockKey = (column: string) => `hashtextextended('usage:' || ${column}, 0)`;

/**
 * Taken by recordUsage for the customers of a batch in one statement, in sorted order (unnest
 * yields the array in order), so that batches waiting on a boundary cannot deadlock each other.
 */
export async function shareUsageLocks(em: EntityManager, customerIds: readonly string[]): Promise<void> {
  const sorted = [...new Set(customerIds)].sort();
  await em.execute(`select count(pg_advisory_xact_lock_shared(${lockKey('c')})) from unnest(array[?]::text[]) as c`, [sorted]);
}

/** Taken by a boundary before it measures the customer's usage. */
export async function lockUsage(em: EntityManager, customerId: string): Promise<void> {
  await em.execute(`select pg_advisory_xact_lock(${lockKey('?::text')})`, [customerId]);
}

/** After a boundary billed `metrics` through `through`: later-arriving events before it are late. */
export async function raiseWatermarks(em: EntityManager, customerId: string, metrics: readonly string[], through: Date): Promise<void> {
  if (metrics.length === 0) return;
  await em.execute(
    `insert into usage_watermark (customer_id, metric, billed_through)
     select ?, m, ? from unnest(array[?]::text[]) as m
     on conflict (customer_id, metric) do update set billed_through = greatest(usage_watermark.billed_through, excluded.billed_through)`,
    [customerId, through, [...new Set(metrics)]],
  );
}

/** The late events a boundary's adjustment lines accounted for (all of the customer's, under the lock). */
export async function settleLateUsage(em: EntityManager, customerId: string): Promise<void> {
  await em.execute('update usage_event set late_pending = false where customer_id = ? and late_pending', [customerId]);
}
