import type { EntityManager } from '@mikro-orm/postgresql';
import { boundQuery } from '../../db/bound-query';

/**
 * Late usage, exactly once. recordUsage holds a shared per-customer advisory lock while it
 * inserts and marks an event late when its timestamp is before the customer's watermark for the
 * metric; a boundary that bills usage holds the same lock exclusively while it aggregates,
 * raises the watermark and clears the late marks it settles. So every event is either inside
 * the aggregate a boundary bills (committed before the boundary took the lock) or marked late
 * against a watermark that boundary raised (inserted after it committed): never both, never
 * neither, whatever the clocks say. Transaction-scoped: the locks go with the commit.
 */
/** One statement for all the customers, in sorted order (unnest yields the array in order), so lockers cannot deadlock. */
async function lockCustomers(em: EntityManager, lock: 'pg_advisory_xact_lock', customerIds: readonly string[]): Promise<void> {
  const sorted = [...new Set(customerIds)].sort();
  if (sorted.length === 0) return;
  await boundQuery(em, `select count(${lock}(hashtextextended('usage:' || c, 0))) from unnest(?::text[]) as c`, [sorted]);
}

/**
 * recordUsage's first statement: shareUsageLocks, and which of the (valid uuid, lower-case)
 * customer ids do not exist, in one round trip instead of two (bench:usage). Locking an unknown
 * customer is harmless: the batch is then refused and its transaction rolls back.
 */
export async function shareUsageLocksOfKnown(em: EntityManager, customerIds: readonly string[]): Promise<Set<string>> {
  const sorted = [...new Set(customerIds)].sort();
  if (sorted.length === 0) return new Set();
  const { rows } = await boundQuery<{ unknown: string[] }>(
    em,
    `select (select count(pg_advisory_xact_lock_shared(hashtextextended('usage:' || c, 0))) from unnest(?::text[]) as c) as locked,
            array(select c::text from unnest(?::uuid[]) as c where not exists (select 1 from customer k where k.id = c)) as unknown`,
    [sorted, sorted],
  );
  return new Set(rows[0].unknown);
}

/** Taken by a boundary (or a batch of them) before it measures the customers' usage. */
export function lockUsage(em: EntityManager, customerIds: readonly string[]): Promise<void> {
  return lockCustomers(em, 'pg_advisory_xact_lock', customerIds);
}

export interface Watermark {
  customerId: string;
  metric: string;
  /** The end of the period whose usage was just billed. */
  through: Date;
}

/** After boundaries billed usage: later-arriving events before the mark are late. */
export async function raiseWatermarks(em: EntityManager, marks: readonly Watermark[]): Promise<void> {
  if (marks.length === 0) return;
  await boundQuery(
    em,
    `insert into usage_watermark (customer_id, metric, billed_through)
     select w.customer_id, w.metric, max(w.through) from jsonb_to_recordset(?::jsonb) as w(customer_id uuid, metric text, through timestamptz)
      group by w.customer_id, w.metric
     on conflict (customer_id, metric) do update set billed_through = greatest(usage_watermark.billed_through, excluded.billed_through)`,
    [JSON.stringify(marks.map((m) => ({ customer_id: m.customerId, metric: m.metric, through: m.through })))],
  );
}

/** The late events a boundary's adjustment lines accounted for (all of the customer's, under the lock). */
export async function settleLateUsage(em: EntityManager, customerId: string): Promise<void> {
  await em.execute('update usage_event set late_pending = false where customer_id = ? and late_pending', [customerId]);
}
