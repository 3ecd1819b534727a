import { roundMoney } from '../../pricing/currency';
import { Decimal, ZERO } from '../../pricing/decimal';

const DAY_MS = 86_400_000;

/** A signed net amount (before tax) earned over a service period, issued on a document at `issuedAt`. */
export interface RevenueItem {
  currency: string;
  amount: Decimal;
  periodStart: Date | null;
  periodEnd: Date | null;
  issuedAt: Date;
}

/** The UTC day an instant falls in, as its start. */
export function dayOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);
}

/** Whether the item is deferred and recognized over its period (else it is revenue when issued). */
export function hasServicePeriod(item: RevenueItem): boolean {
  return item.periodStart !== null && item.periodEnd !== null && item.periodEnd.getTime() > item.periodStart.getTime();
}

/**
 * The item's revenue, day by day: each UTC day of its service period earns the share of the
 * amount its part of the period is (a partial first or last day earns its part), rounded so that
 * the shares add up to the amount exactly: day k earns round(amount × elapsed_k / length) −
 * round(amount × elapsed_(k−1) / length). A day before the document was issued (usage billed
 * in arrears, a credit note for days already served) is recognized on the day it was issued:
 * what was recognized for a closed day never changes, so a period's export stays the same.
 * Returns [recognition day (start, UTC), amount] pairs, one per day, in order, zero shares left out.
 */
export function recognitionSchedule(item: RevenueItem): [Date, Decimal][] {
  if (!hasServicePeriod(item)) return [];
  const start = item.periodStart!.getTime();
  const end = item.periodEnd!.getTime();
  const length = new Decimal(end - start);
  const issued = dayOf(item.issuedAt).getTime();
  const byDay = new Map<number, Decimal>();
  let before = ZERO;
  for (let day = dayOf(item.periodStart!).getTime(); day < end; day += DAY_MS) {
    const upTo = Math.min(day + DAY_MS, end);
    const cumulative = roundMoney(item.amount.times(upTo - start).dividedBy(length), item.currency);
    const share = cumulative.minus(before);
    before = cumulative;
    if (share.isZero()) continue;
    const on = Math.max(day, issued);
    byDay.set(on, (byDay.get(on) ?? ZERO).plus(share));
  }
  return [...byDay.entries()].filter(([, a]) => !a.isZero()).map(([day, a]) => [new Date(day), a]);
}

/** What of the item is recognized before `at`: the shares of recognition days that start before it (no period: all of it once issued). */
export function recognizedBefore(item: RevenueItem, at: Date): Decimal {
  if (!hasServicePeriod(item)) return item.issuedAt.getTime() < at.getTime() ? item.amount : ZERO;
  return recognitionSchedule(item)
    .filter(([day]) => day.getTime() < at.getTime())
    .reduce((sum, [, a]) => sum.plus(a), ZERO);
}
