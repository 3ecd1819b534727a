import { Decimal } from './decimal';
import { PricingInputError } from './errors';
import type { BillingInterval } from './engine';

const MONTHS: Readonly<Record<Exclude<BillingInterval, 'ONE_TIME'>, number>> = { MONTH: 1, QUARTER: 3, YEAR: 12 };

function millis(date: Date, path: string): number {
  const t = date.getTime();
  if (!Number.isFinite(t)) throw PricingInputError.at(path, 'must be a valid date');
  return t;
}

/** Instants are whole milliseconds, so seconds = ms / 1000 is an exact Decimal. */
function seconds(ms: number): Decimal {
  return new Decimal(ms).div(1000);
}

function checkPeriod(periodStart: Date, periodEnd: Date): { start: number; end: number } {
  const start = millis(periodStart, 'periodStart');
  const end = millis(periodEnd, 'periodEnd');
  if (end <= start) throw PricingInputError.at('periodEnd', 'must be after periodStart');
  return { start, end };
}

function checkInside(instant: Date, start: number, end: number, path: string): number {
  const t = millis(instant, path);
  if (t < start || t > end) throw PricingInputError.at(path, 'must lie within the period');
  return t;
}

/**
 * PRICING.md: `remaining / period_length`, both in seconds, over the half-open period
 * [periodStart, periodEnd). The division is carried to 60 significant digits; when the ratio
 * does not terminate (a third of a month) that is as exact as a decimal gets. To price, prefer
 * `prorate`, which multiplies before it divides and so rounds the amount correctly.
 */
export function prorationFraction(periodStart: Date, periodEnd: Date, from: Date): Decimal {
  const { start, end } = checkPeriod(periodStart, periodEnd);
  const t = checkInside(from, start, end, 'from');
  return seconds(end - t).div(seconds(end - start));
}

/**
 * `amount × seconds(to − from) / seconds(period)`, unrounded: the part of `amount` earned over
 * [from, to) (by default the rest of the period). Multiplying first leaves a single division,
 * so the result is exact whenever it terminates within 60 digits and is otherwise the nearest
 * 60-digit value. The parts of a partitioned period therefore add back to `amount` exactly
 * when every part terminates, and otherwise to within n × 10⁻⁶⁰ of it relatively (n parts):
 * a proration never creates or loses a minor unit before the line is rounded.
 */
export function prorate(amount: Decimal, periodStart: Date, periodEnd: Date, from: Date, to: Date = periodEnd): Decimal {
  const { start, end } = checkPeriod(periodStart, periodEnd);
  const a = checkInside(from, start, end, 'from');
  const b = checkInside(to, start, end, 'to');
  if (b < a) throw PricingInputError.at('to', 'must not be before from');
  return new Decimal(amount).times(seconds(b - a)).div(seconds(end - start));
}

function monthsPerPeriod(interval: BillingInterval, count: number): number {
  if (interval === 'ONE_TIME') throw PricingInputError.at('interval', 'a ONE_TIME price has no billing periods');
  if (!(interval in MONTHS)) throw PricingInputError.at('interval', 'must be MONTH, QUARTER, YEAR or ONE_TIME');
  if (!Number.isInteger(count) || count < 1) throw PricingInputError.at('intervalCount', 'must be a whole number of at least 1');
  return MONTHS[interval] * count;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

function shiftMonths(anchor: Date, months: number): Date {
  const total = anchor.getUTCFullYear() * 12 + anchor.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  // Always measured from the anchor, never from the previous boundary, so a clamped month
  // does not shorten the ones after it: Jan 31 → Feb 28 → Mar 31.
  const day = Math.min(anchor.getUTCDate(), daysInMonth(year, month));
  const at = new Date(
    Date.UTC(year, month, day, anchor.getUTCHours(), anchor.getUTCMinutes(), anchor.getUTCSeconds(), anchor.getUTCMilliseconds()),
  );
  // Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear does not.
  at.setUTCFullYear(year, month, day);
  return at;
}

/** The boundary `n` periods after `anchor` (n may be negative), in UTC. */
export function addInterval(anchor: Date, interval: BillingInterval, count: number, n: number): Date {
  millis(anchor, 'anchor');
  if (!Number.isInteger(n)) throw PricingInputError.at('n', 'must be a whole number');
  return shiftMonths(anchor, monthsPerPeriod(interval, count) * n);
}

export interface BillingPeriod {
  readonly start: Date;
  readonly end: Date;
  /** 0 for the period starting at the anchor. */
  readonly index: number;
}

/** The half-open period [start, end) of the anchor's schedule that contains `at`. */
export function periodContaining(anchor: Date, interval: BillingInterval, count: number, at: Date): BillingPeriod {
  millis(anchor, 'anchor');
  const t = millis(at, 'at');
  const step = monthsPerPeriod(interval, count);
  const monthsApart = (at.getUTCFullYear() - anchor.getUTCFullYear()) * 12 + (at.getUTCMonth() - anchor.getUTCMonth());
  let index = Math.floor(monthsApart / step);
  while (shiftMonths(anchor, index * step).getTime() > t) index--;
  while (shiftMonths(anchor, (index + 1) * step).getTime() <= t) index++;
  return { start: shiftMonths(anchor, index * step), end: shiftMonths(anchor, (index + 1) * step), index };
}
