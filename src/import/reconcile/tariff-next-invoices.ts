import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import { CatalogPrice, catalogPriceOf, loadPriceClosure, PriceRow, toSnapshot } from '../../domain/catalog/price-snapshot';
import type { BillingInterval } from '../../domain/catalog/price.entity';
import { pricingCustomers } from '../../domain/contracts/contract-terms';
import { discountTermsFor } from '../../domain/coupons/discount-terms';
import { draftSubscriptionInvoice, Period } from '../../domain/invoices/invoice-draft';
import { ItemPricer, PricedItem } from '../../domain/subscriptions/subscription-pricing';
import { SubscriptionStatus } from '../../domain/subscriptions/subscription.entity';
import { usageAggregateSql } from '../../domain/usage/usage-summary';
import { meterOf, periodContaining, priceReferences } from '../../pricing';
import { Decimal, ZERO } from '../../pricing/decimal';
import { TariffNextInvoice, tariffNextInvoice } from './tariff-next-invoice';

interface SubRow {
  id: string;
  customer_id: string;
  status: SubscriptionStatus;
  currency: string;
  interval: BillingInterval;
  interval_count: number;
  billing_anchor: Date;
  starts_at: Date;
  current_period_start: Date;
  current_period_end: Date;
  trial_end: Date | null;
  cancel_at_period_end: boolean;
}

/**
 * tariffNextInvoice for a page of subscriptions in a handful of queries, as the billing run's
 * batches draft renewals: what upcomingInvoice's planNextBoundary does, for the plain case (no
 * scheduled change, pending proration or late usage waiting), through the same
 * draftSubscriptionInvoice with the same pricer; every other subscription goes through
 * tariffNextInvoice itself. test/import/reconcile.test.ts holds each result to upcomingInvoice's.
 */
export async function tariffNextInvoices(em: EntityManager, ids: readonly string[]): Promise<TariffNextInvoice[]> {
  if (ids.length === 0) return [];
  const subs = await boundRows<SubRow>(
    em,
    `select id, customer_id, status, currency, interval, interval_count, billing_anchor, starts_at, current_period_start, current_period_end, trial_end, cancel_at_period_end
       from subscription where id = any(?::uuid[])`,
    [[...ids]],
  );
  const blocked = new Set(
    (
      await boundRows<{ id: string }>(
        em,
        `select subscription_id as id from scheduled_change where subscription_id = any(?::uuid[]) and status = 'PENDING'
         union select subscription_id from pending_proration where subscription_id = any(?::uuid[])
         union select s.id from subscription s where s.id = any(?::uuid[]) and exists (select 1 from usage_event e where e.customer_id = s.customer_id and e.late_pending)`,
        [[...ids], [...ids], [...ids]],
      )
    ).map((r) => r.id),
  );
  const out: TariffNextInvoice[] = [];
  const plain: SubRow[] = [];
  for (const sub of subs) {
    if (sub.status === SubscriptionStatus.PAUSED || sub.status === SubscriptionStatus.CANCELED) {
      out.push({ subscriptionId: sub.id, status: sub.status, currency: sub.currency, at: null, total: null });
    } else if (blocked.has(sub.id)) {
      out.push(await tariffNextInvoice(em, sub.id));
    } else {
      plain.push(sub);
    }
  }
  if (plain.length === 0) return out;
  const items = await itemsOf(
    em,
    plain.map((s) => s.id),
  );
  const customerIds = plain.map((s) => s.customer_id);
  const customers = await pricingCustomers(em, customerIds);
  const discounts = await discountTermsFor(em, customerIds);
  const refs = [...items.values()].flat().flatMap((i) => priceReferences(toSnapshot(i.price)));
  const components = refs.length > 0 ? await loadPriceClosure(em, refs) : new Map<string, CatalogPrice>();
  const usage = await measureUsage(em, plain, items);
  for (const sub of plain) {
    const current = items.get(sub.id) ?? [];
    const pricer = ItemPricer.of(customers.get(sub.customer_id)!, components, sub.id, discounts.get(sub.customer_id) ?? []);
    const starting = sub.status === SubscriptionStatus.TRIALING || sub.status === SubscriptionStatus.INCOMPLETE;
    const boundary = new Date(starting ? (sub.trial_end ?? sub.starts_at) : sub.current_period_end);
    const period = periodContaining(new Date(sub.billing_anchor), sub.interval, sub.interval_count, boundary);
    const thisPeriod: Period = { start: new Date(sub.current_period_start), end: new Date(sub.current_period_end) };
    const measure = async (metric: string) => usage.get(`${sub.id}|${metric}`) ?? ZERO;
    const draft = await draftSubscriptionInvoice({
      pricer,
      at: boundary,
      recurring: sub.cancel_at_period_end ? null : { items: current, period },
      // Trials bill no usage for the time before they start.
      usage: starting ? null : { items: current, period: thisPeriod },
      prorations: [],
      adjustments: [],
      measure,
    });
    out.push({ subscriptionId: sub.id, status: sub.status, currency: sub.currency, at: boundary, total: draft.total });
  }
  return out;
}

async function itemsOf(em: EntityManager, ids: readonly string[]): Promise<Map<string, PricedItem[]>> {
  const rows = await boundRows<PriceRow & { subscription_id: string; quantity: string }>(
    em,
    `select si.subscription_id, si.quantity::text as quantity, p.id, p.code, p.version, p.currency, p.interval, p.interval_count, p.rule_kind, p.rule_config, p.status
       from subscription_item si join price p on p.id = si.price_id
      where si.subscription_id = any(?::uuid[])
      order by si.subscription_id, si.price_code`,
    [[...ids]],
  );
  const items = new Map<string, PricedItem[]>();
  for (const row of rows) {
    const list = items.get(row.subscription_id) ?? [];
    list.push({ price: catalogPriceOf(row), quantity: new Decimal(row.quantity) });
    items.set(row.subscription_id, list);
  }
  return items;
}

/** The current period's usage of every metered item, one statement per aggregation, keyed `<subscription>|<metric>`. */
async function measureUsage(
  em: EntityManager,
  subs: readonly SubRow[],
  items: ReadonlyMap<string, PricedItem[]>,
): Promise<Map<string, Decimal>> {
  const windows = new Map<string, { key: string; customer_id: string; metric: string; from: string; to: string }[]>();
  for (const sub of subs) {
    for (const item of items.get(sub.id) ?? []) {
      const meter = meterOf(toSnapshot(item.price));
      if (!meter) continue;
      const list = windows.get(meter.aggregation) ?? [];
      list.push({
        key: `${sub.id}|${meter.metric}`,
        customer_id: sub.customer_id,
        metric: meter.metric,
        from: new Date(sub.current_period_start).toISOString(),
        to: new Date(sub.current_period_end).toISOString(),
      });
      windows.set(meter.aggregation, list);
    }
  }
  const measured = new Map<string, Decimal>();
  for (const [aggregation, list] of windows) {
    const where = `customer_id = w.customer_id and metric = w.metric and "timestamp" >= w."from" and "timestamp" < w."to"`;
    const rows = await boundRows<{ key: string; quantity: string }>(
      em,
      `select w.key, ${usageAggregateSql(aggregation as Parameters<typeof usageAggregateSql>[0], where)}::text as quantity
         from jsonb_to_recordset(?::jsonb) as w(key text, customer_id uuid, metric text, "from" timestamptz, "to" timestamptz)`,
      [JSON.stringify(list)],
    );
    rows.forEach((r) => measured.set(r.key, new Decimal(r.quantity)));
  }
  return measured;
}
