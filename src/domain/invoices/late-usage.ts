import type { EntityManager } from '@mikro-orm/postgresql';
import { Decimal, formatAmount, lineTax, meterOf, minorUnits, roundMoney, type UsageAggregation } from '../../pricing';
import { toSnapshot } from '../catalog/price-snapshot';
import { Price } from '../catalog/price.entity';
import { taxOf } from '../customers/customer-tax';
import type { ItemPricer } from '../subscriptions/subscription-pricing';
import { aggregateStoredUsage } from '../usage/usage-summary';
import type { DraftLine, Period } from './invoice-draft';
import { InvoiceLineKind } from './invoice-line.entity';

/** A usage period already invoiced that late events fall in: its price version and metric. */
export interface LatePeriod {
  price: Price;
  metric: string;
  aggregation: UsageAggregation;
  period: Period;
}

export interface LateUsage {
  periods: LatePeriod[];
  /** Late events are waiting, billable or not (one in a trial is never billed): the boundary clears them. */
  pending: boolean;
}

interface Row {
  metric: string;
  price_id: string | null;
  period_start: Date | null;
  period_end: Date | null;
}

/**
 * The customer's invoiced usage periods that late events fall in, whichever of its
 * subscriptions billed them: the next invoice of any of them carries the adjustment, so usage
 * a canceled subscription was billed for is not lost either. Cheap when nothing is late: the
 * partial index on late_pending holds only late events.
 */
export async function findLateUsage(em: EntityManager, customerId: string): Promise<LateUsage> {
  const rows = await em.execute<Row[]>(
    `select distinct e.metric, l.price_id, l.period_start, l.period_end
       from usage_event e
       left join invoice_line l on l.customer_id = e.customer_id and l.kind = 'USAGE' and l.price_id is not null
                               and e."timestamp" >= l.period_start and e."timestamp" < l.period_end
      where e.customer_id = ? and e.late_pending
      order by l.period_start, l.price_id`,
    [customerId],
  );
  if (rows.length === 0) return { periods: [], pending: false };
  const ids = [...new Set(rows.flatMap((r) => (r.price_id ? [r.price_id] : [])))];
  const prices = new Map((ids.length ? await em.find(Price, { id: { $in: ids } }) : []).map((p) => [p.id, p]));
  const periods: LatePeriod[] = [];
  for (const row of rows) {
    const price = row.price_id ? prices.get(row.price_id) : undefined;
    const meter = price ? meterOf(toSnapshot(price)) : null;
    // A line of another metric over the same dates is not this event's period.
    if (!price || !meter || meter.metric !== row.metric) continue;
    periods.push({
      price,
      metric: meter.metric,
      aggregation: meter.aggregation,
      period: { start: new Date(row.period_start!), end: new Date(row.period_end!) },
    });
  }
  return { periods, pending: true };
}

/**
 * One adjustment line per late period: the period's usage measured again, priced as its invoice
 * priced it (same price version, contracts in force at the period's end, rounded once), less
 * what the customer's invoices already billed for it (the usage line and earlier adjustments).
 * Quantity and amount are the differences, so a period's lines always sum to its true usage.
 */
export async function draftLateUsageLines(
  em: EntityManager,
  pricer: ItemPricer,
  customerId: string,
  periods: readonly LatePeriod[],
): Promise<DraftLine[]> {
  const { currency } = pricer.customer;
  const digits = minorUnits(currency);
  const tax = taxOf(pricer.customer);
  const lines: DraftLine[] = [];
  for (const late of periods) {
    const { price, period } = late;
    const quantity = await aggregateStoredUsage(em, {
      customerId,
      metric: late.metric,
      aggregation: late.aggregation,
      from: period.start,
      to: period.end,
    });
    const [billed] = await em.execute<{ quantity: string; amount: string }[]>(
      `select coalesce(sum(quantity), 0)::text as quantity, coalesce(sum(amount), 0)::text as amount from invoice_line
        where customer_id = ? and price_id = ? and period_start = ? and period_end = ? and kind in ('USAGE', 'ADJUSTMENT')`,
      [customerId, price.id, period.start, period.end],
    );
    const billedQuantity = new Decimal(billed.quantity);
    const billedAmount = new Decimal(billed.amount);
    const priced = pricer.fullPeriod({ price, quantity }, period.end);
    const total = roundMoney(priced.amount, currency);
    const amount = total.minus(billedAmount);
    const delta = quantity.minus(billedQuantity);
    if (delta.isZero() && amount.isZero()) continue;
    const span = `${period.start.toISOString()} → ${period.end.toISOString()}`;
    lines.push({
      kind: InvoiceLineKind.ADJUSTMENT,
      description: `Late usage of ${late.metric} for ${span}: ${billedQuantity.toFixed()} → ${quantity.toFixed()}`,
      price,
      priceCode: price.code,
      quantity: delta,
      amount,
      tax: lineTax(amount, tax, currency),
      periodStart: period.start,
      periodEnd: period.end,
      proration: false,
      steps: [
        ...priced.steps,
        `usage for the period now ${quantity.toFixed()}: ${formatAmount(total, digits)}`,
        `already billed: ${billedQuantity.toFixed()} for ${formatAmount(billedAmount, digits)}`,
        `adjustment = ${formatAmount(total, digits)} − ${formatAmount(billedAmount, digits)} = ${formatAmount(amount, digits)}`,
      ],
    });
  }
  return lines;
}
