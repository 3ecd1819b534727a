import type { EntityManager } from '@mikro-orm/postgresql';
import { Decimal, meterOf, roundMoney, ZERO, type UsageAggregation } from '../../pricing';
import { authorize, authorizeCustomer } from '../auth/actor';
import { toSnapshot } from '../catalog/price-snapshot';
import { InvalidInputError, NotFoundError } from '../errors';
import { isId } from '../shared/ids';
import type { ServiceContext } from '../shared/service-context';
import type { SubscriptionItem } from '../subscriptions/subscription-item.entity';
import { ItemPricer } from '../subscriptions/subscription-pricing';
import { Subscription } from '../subscriptions/subscription.entity';

export interface UsageSummaryInput {
  subscriptionId: string;
  metric: string;
  /** Needed only when several items of the subscription meter the same metric. */
  priceCode?: string | null;
  /** Default: the subscription's current period, [currentPeriodStart, currentPeriodEnd). */
  from?: Date | null;
  to?: Date | null;
}

export interface UsageSummary {
  subscriptionId: string;
  priceCode: string;
  metric: string;
  aggregation: UsageAggregation;
  from: Date;
  to: Date;
  quantity: Decimal;
  /** Rounded once, to the currency's minor unit (PRICING.md). */
  amount: Decimal;
  currency: string;
  steps: string[];
}

export interface UsageWindow {
  customerId: string;
  metric: string;
  aggregation: UsageAggregation;
  /** Half-open, like billing periods: [from, to). */
  from: Date;
  to: Date;
}

/**
 * Each aggregation in SQL, so that a period of millions of events is one indexed query, not a
 * download. They agree with the pure `aggregateUsage` (test/graphql/usage.test.ts checks it):
 * no events is 0; unique_count ignores events without a key (count(distinct) skips nulls); `last`
 * is the value at the latest timestamp and, on a tie, the largest value — not the last received,
 * so the quantity never depends on the order events arrived in (pricing/usage-aggregation.ts).
 * A scalar subquery over the events `where` selects, so the billing run can measure a batch of
 * windows in one statement with the very same expressions.
 */
export function usageAggregateSql(aggregation: UsageAggregation, where: string): string {
  const over = `from usage_event where ${where}`;
  switch (aggregation) {
    case 'sum':
      return `(select coalesce(sum(value), 0) ${over})`;
    case 'count':
      return `(select count(*) ${over})`;
    case 'max':
      return `(select coalesce(max(value), 0) ${over})`;
    case 'unique_count':
      return `(select count(distinct unique_key) ${over})`;
    case 'last':
      return `coalesce((select value ${over} order by "timestamp" desc, value desc limit 1), 0)`;
  }
}

const WINDOW = 'customer_id = ? and metric = ? and "timestamp" >= ? and "timestamp" < ?';

/** A customer's usage of one metric over a window, aggregated as its price says: for summaries and the billing run. */
export async function aggregateStoredUsage(em: EntityManager, w: UsageWindow): Promise<Decimal> {
  const rows = await em.execute<{ quantity: string }[]>(`select ${usageAggregateSql(w.aggregation, WINDOW)}::text as quantity`, [
    w.customerId,
    w.metric,
    w.from,
    w.to,
  ]);
  return rows.length === 0 ? ZERO : new Decimal(rows[0].quantity);
}

/** The item whose price meters `metric`; a price code settles it when several do. */
function meteredItem(sub: Subscription, metric: string, priceCode: string | null | undefined): SubscriptionItem {
  const metering = sub.items.getItems().filter((item) => meterOf(toSnapshot(item.price))?.metric === metric);
  if (metering.length === 0) {
    throw new InvalidInputError('metric', `subscription ${sub.id} has no usage price metering '${metric}'`);
  }
  if (priceCode !== null && priceCode !== undefined) {
    const named = metering.find((item) => item.priceCode === priceCode);
    if (!named) throw new InvalidInputError('priceCode', `no item of subscription ${sub.id} with price '${priceCode}' meters '${metric}'`);
    return named;
  }
  if (metering.length > 1) {
    const codes = metering.map((item) => item.priceCode).join(', ');
    throw new InvalidInputError('priceCode', `several items meter '${metric}' (${codes}): name one with priceCode`);
  }
  return metering[0];
}

/**
 * What a subscription's usage of a metric comes to over a window (its current period by
 * default), priced as the invoice at the period end will price it: the item's price version and
 * the contracts in force at that boundary, `to` (next-invoice.ts prices a boundary's whole
 * invoice at the boundary; the two must agree, or the summary would promise another amount).
 */
export async function summarizeUsage(ctx: ServiceContext, input: UsageSummaryInput): Promise<UsageSummary> {
  const { em, actor } = ctx;
  authorize(actor, 'usage:read');
  const sub = isId(input.subscriptionId)
    ? await em.findOne(Subscription, { id: input.subscriptionId }, { populate: ['items', 'items.price'] })
    : null;
  if (!sub) throw new NotFoundError('subscription', input.subscriptionId, 'subscriptionId');
  authorizeCustomer(actor, 'usage:read', sub.customer.id);
  const item = meteredItem(sub, input.metric, input.priceCode);
  const { aggregation } = meterOf(toSnapshot(item.price))!;
  const from = input.from ?? sub.currentPeriodStart;
  const to = input.to ?? sub.currentPeriodEnd;
  if (to.getTime() <= from.getTime()) {
    throw new InvalidInputError(
      input.to ? 'to' : 'from',
      `the window [${from.toISOString()}, ${to.toISOString()}) is empty: to must be after from`,
    );
  }
  const quantity = await aggregateStoredUsage(em, { customerId: sub.customer.id, metric: input.metric, aggregation, from, to });
  const pricer = await ItemPricer.forCustomer(em, sub.customer.id, [item.price], sub.id);
  const priced = pricer.fullPeriod({ price: item.price, quantity }, to);
  const currency = pricer.customer.currency;
  return {
    subscriptionId: sub.id,
    priceCode: item.priceCode,
    metric: input.metric,
    aggregation,
    from,
    to,
    quantity,
    amount: roundMoney(priced.amount, currency),
    currency,
    steps: [...priced.steps],
  };
}
