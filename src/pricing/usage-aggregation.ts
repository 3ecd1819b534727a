import { Decimal, ZERO, toEngineDecimal } from './decimal';
import { PricingInputError } from './errors';

export const usageAggregations = ['sum', 'count', 'max', 'unique_count', 'last'] as const;
export type UsageAggregation = (typeof usageAggregations)[number];

export interface UsageEvent {
  readonly value: Decimal;
  readonly uniqueKey?: string | null;
  readonly timestamp: Date;
}

/**
 * The quantity a `usage` price is billed for, from the events of one period (the caller
 * selects the period and de-duplicates events by id).
 * - sum: Σ values; count: number of events; max: largest value (0 without events);
 * - unique_count: distinct uniqueKey values (events without one are not counted);
 * - last: value of the latest event (0 without events). Events at the same instant are
 *   ordered by value, largest last, so the result never depends on the order events arrive.
 */
export function aggregateUsage(aggregation: UsageAggregation, events: readonly UsageEvent[]): Decimal {
  switch (aggregation) {
    case 'sum':
      return events.reduce((total, event) => total.plus(event.value), ZERO);
    case 'count':
      return new Decimal(events.length);
    case 'max':
      return toEngineDecimal(
        events.reduce<Decimal | null>((best, e) => (best === null || e.value.gt(best) ? e.value : best), null) ?? ZERO,
      );
    case 'unique_count': {
      const keys = new Set<string>();
      for (const event of events) if (event.uniqueKey !== undefined && event.uniqueKey !== null) keys.add(event.uniqueKey);
      return new Decimal(keys.size);
    }
    case 'last': {
      let latest: UsageEvent | null = null;
      for (const event of events) {
        const t = event.timestamp.getTime();
        const lt = latest === null ? -Infinity : latest.timestamp.getTime();
        if (latest === null || t > lt || (t === lt && event.value.gt(latest.value))) latest = event;
      }
      return latest === null ? ZERO : toEngineDecimal(latest.value);
    }
    default:
      throw PricingInputError.at('aggregation', `unknown aggregation '${String(aggregation)}'; known: ${usageAggregations.join(', ')}`);
  }
}
