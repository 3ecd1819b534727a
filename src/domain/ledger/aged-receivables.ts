import { Decimal, ZERO } from '../../pricing/decimal';

export const AGING_BUCKETS = ['current', 'days1To30', 'days31To60', 'days61To90', 'days90Plus'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

const DAY_MS = 86_400_000;

/** The bucket of an amount due at `dueAt`, seen at `asOf`: whole days past due, not yet due is CURRENT. */
export function agingBucket(dueAt: Date, asOf: Date): AgingBucket {
  const late = Math.floor((asOf.getTime() - dueAt.getTime()) / DAY_MS);
  if (late < 1) return 'current';
  if (late <= 30) return 'days1To30';
  if (late <= 60) return 'days31To60';
  if (late <= 90) return 'days61To90';
  return 'days90Plus';
}

export interface OpenReceivable {
  customerId: string;
  customerName: string;
  currency: string;
  dueAt: Date;
  amountRemaining: Decimal;
}

export interface AgedReceivablesRow extends Record<AgingBucket, Decimal> {
  /** Null on a currency's total row. */
  customerId: string | null;
  customerName: string | null;
  currency: string;
  total: Decimal;
}

const emptyRow = (customerId: string | null, customerName: string | null, currency: string): AgedReceivablesRow => ({
  customerId,
  customerName,
  currency,
  current: ZERO,
  days1To30: ZERO,
  days31To60: ZERO,
  days61To90: ZERO,
  days90Plus: ZERO,
  total: ZERO,
});

/** Per customer and currency, and per currency in total; rows by currency, then name. Amounts never convert. */
export function ageReceivables(
  open: readonly OpenReceivable[],
  asOf: Date,
): { customers: AgedReceivablesRow[]; totals: AgedReceivablesRow[] } {
  const customers = new Map<string, AgedReceivablesRow>();
  const totals = new Map<string, AgedReceivablesRow>();
  for (const r of open) {
    if (r.amountRemaining.lte(0)) continue;
    const bucket = agingBucket(r.dueAt, asOf);
    const key = `${r.currency}:${r.customerId}`;
    const row = customers.get(key) ?? emptyRow(r.customerId, r.customerName, r.currency);
    const total = totals.get(r.currency) ?? emptyRow(null, null, r.currency);
    for (const x of [row, total]) {
      x[bucket] = x[bucket].plus(r.amountRemaining);
      x.total = x.total.plus(r.amountRemaining);
    }
    customers.set(key, row);
    totals.set(r.currency, total);
  }
  const byName = (a: AgedReceivablesRow, b: AgedReceivablesRow) =>
    a.currency.localeCompare(b.currency) ||
    (a.customerName ?? '').localeCompare(b.customerName ?? '') ||
    (a.customerId ?? '').localeCompare(b.customerId ?? '');
  return { customers: [...customers.values()].sort(byName), totals: [...totals.values()].sort(byName) };
}
