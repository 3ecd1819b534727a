import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import { Decimal, type UsageAggregation } from '../../pricing';
import type { UsageWindow } from '../usage/usage-summary';

export interface UsageCrossing {
  /** The timestamp of the event with which the window's aggregate first reached the threshold. */
  at: Date;
  /** The aggregate at that instant (at least the threshold). */
  usage: Decimal;
}

const WINDOW = 'customer_id = ? and metric = ? and "timestamp" >= ? and "timestamp" < ?';

/**
 * The first instant at which a window's usage, aggregated as its price aggregates it
 * (usage-summary.ts), reaches `threshold`: the aggregate "as of t" counts every event with a
 * timestamp at or before t, ties included (a window function's default RANGE frame). Usage
 * values are never negative, so each aggregate only grows through the window, and the
 * instant is well defined for all five: the running sum or count; for max and last the first
 * event that large (last at a timestamp is the largest value there, so before any larger one
 * the last value is below); for unique_count the running count of keys by their first use.
 * Events timestamped later cannot move an earlier crossing, so the answer for an instant never
 * changes once that instant has passed, whatever arrives later.
 */
function crossingSql(aggregation: UsageAggregation): string {
  switch (aggregation) {
    case 'sum':
    case 'count': {
      const running = aggregation === 'sum' ? 'sum(value)' : 'count(*)';
      return `select ts as at, run::text as usage
                from (select "timestamp" as ts, ${running} over (order by "timestamp") as run from usage_event where ${WINDOW}) x
               where run >= ?::numeric order by ts limit 1`;
    }
    case 'max':
    case 'last':
      return `select "timestamp" as at, value::text as usage from usage_event where ${WINDOW} and value >= ?::numeric order by "timestamp", value desc limit 1`;
    case 'unique_count':
      return `select first_at as at, run::text as usage
                from (select first_at, count(*) over (order by first_at) as run
                        from (select min("timestamp") as first_at from usage_event where ${WINDOW} and unique_key is not null group by unique_key) k) x
               where run >= ?::numeric order by first_at limit 1`;
  }
}

export async function usageCrossing(em: EntityManager, window: UsageWindow, threshold: Decimal): Promise<UsageCrossing | null> {
  const rows = await boundRows<{ at: Date; usage: string }>(em, crossingSql(window.aggregation), [
    window.customerId,
    window.metric,
    window.from.toISOString(),
    window.to.toISOString(),
    threshold.toFixed(),
  ]);
  return rows.length === 0 ? null : { at: new Date(rows[0].at), usage: new Decimal(rows[0].usage) };
}
