import { addInterval } from '../../pricing';
import { InvalidInputError } from '../errors';

export enum MetricsInterval {
  MONTH = 'MONTH',
  WEEK = 'WEEK',
  DAY = 'DAY',
}

export interface MetricPeriod {
  index: number;
  start: Date;
  end: Date;
}

/** Enough for 3 years of days or 20 of weeks; a dashboard asking for more wants a coarser interval. */
export const MAX_PERIODS = 1100;
const DAY_MS = 86_400_000;

/**
 * [from, to) cut into periods from `from`: calendar months from its day (clamped to month ends, as
 * billing periods are), weeks of 7 days, or days. The last one ends at `to`.
 */
export function metricPeriods(from: Date, to: Date, interval: MetricsInterval): MetricPeriod[] {
  if (to.getTime() <= from.getTime()) throw new InvalidInputError('to', 'to must be after from');
  const periods: MetricPeriod[] = [];
  for (let start = from, i = 0; start.getTime() < to.getTime(); i++) {
    if (i >= MAX_PERIODS)
      throw new InvalidInputError('interval', `at most ${MAX_PERIODS} periods; choose a longer interval or a shorter range`);
    const next = stepFrom(from, interval, i + 1);
    const end = next.getTime() < to.getTime() ? next : to;
    periods.push({ index: i, start, end });
    start = end;
  }
  return periods;
}

function stepFrom(from: Date, interval: MetricsInterval, n: number): Date {
  if (interval === MetricsInterval.MONTH) return addInterval(from, 'MONTH', 1, n);
  return new Date(from.getTime() + n * (interval === MetricsInterval.WEEK ? 7 : 1) * DAY_MS);
}
