import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import { Decimal, meterOf, periodContaining, priceReferences } from '../../pricing';
import type { Actor } from '../auth/actor';
import { CatalogPrice, catalogPriceOf, loadPriceClosure, PriceRow, toSnapshot } from '../catalog/price-snapshot';
import { BillingInterval } from '../catalog/price.entity';
import { pricingCustomers } from '../contracts/contract-terms';
import type { DiscountTerms } from '../coupons/coupon-effect';
import { consumeOnceDiscounts, discountTermsFor, OnceUse } from '../coupons/discount-terms';
import { emitEvents } from '../events/emit-event';
import { SubscriptionFacts, subscriptionFactsEvent } from '../events/event-payloads';
import type { CollectionMethod } from '../subscriptions/subscription.entity';
import { ItemPricer, PricedItem } from '../subscriptions/subscription-pricing';
import { lockUsage, raiseWatermarks } from '../usage/usage-ledger';
import { usageAggregateSql } from '../usage/usage-summary';
import { draftSubscriptionInvoice, InvoiceDraft, Period } from './invoice-draft';
import { collectionTerms } from '../payments/collection-terms';
import { billsNothing } from './empty-period';
import { issueInvoices } from './invoice-issue';

export interface RenewalBatchResult {
  /** Subscriptions whose boundary this batch closed (one invoice each, unless `invoiced` is false: billsNothing). */
  closed: { id: string; stillDue: boolean; invoiced: boolean }[];
  /** The page's other subscriptions (not plain, no longer due, or held by another run): closeBoundary's. */
  handBack: string[];
}

interface SubRow {
  id: string;
  customer_id: string;
  status: string;
  version: number;
  currency: string;
  interval: BillingInterval;
  interval_count: number;
  collection_method: CollectionMethod;
  billing_anchor: Date;
  starts_at: Date;
  current_period_start: Date;
  current_period_end: Date;
  trial_end: Date | null;
  paused_at: Date | null;
  canceled_at: Date | null;
  purchase_order_number: string | null;
  invoice_drafts: boolean;
  payment_terms_days: number;
  payment_terms_end_of_month: boolean;
  /** The provider of the customer's default payment method (collection-terms.ts). */
  default_provider: string | null;
}

interface ItemRow extends PriceRow {
  subscription_id: string;
  quantity: string;
}

interface Renewal {
  sub: SubRow;
  items: PricedItem[];
  thisPeriod: Period;
  nextPeriod: Period;
  billingKey: string;
  draft?: InvoiceDraft;
}

/**
 * The billing run's fast path: the plain renewals of a batch of subscriptions closed in ONE
 * transaction with a handful of set-based statements, where closeBoundary takes a dozen round
 * trips and an ORM flush per subscription. "Plain" is the common case: ACTIVE or PAST_DUE, not
 * ending, no scheduled change due, no pending prorations, no late usage waiting. Everything else
 * is handed back for closeBoundary, which knows every case; the invoices are the same either way
 * (draftSubscriptionInvoice makes both, and test/jobs/billing-batch.test.ts compares them).
 * Exactly once rests on the same ground as closeBoundary: the rows are locked (SKIP LOCKED) and
 * re-checked as due under the lock, and a billing key already taken fails the whole batch,
 * which the caller then retries one subscription at a time.
 */
export async function closeRenewalBatch(
  em: EntityManager,
  ids: readonly string[],
  at: Date,
  now: Date,
  actor: Actor,
): Promise<RenewalBatchResult> {
  if (ids.length === 0) return { closed: [], handBack: [] };
  // Locked and re-checked as due in one statement; rows another worker holds are its own.
  const subs = await boundRows<SubRow>(
    em,
    `select s.id, s.customer_id, s.status, s.version, s.currency, s.interval, s.interval_count, s.collection_method, s.billing_anchor,
            s.starts_at, s.current_period_start, s.current_period_end, s.trial_end, s.paused_at, s.canceled_at, s.purchase_order_number,
            cu.invoice_drafts, cu.payment_terms_days, cu.payment_terms_end_of_month,
            (select pm.provider from payment_method pm where pm.customer_id = s.customer_id and pm.is_default and pm.detached_at is null) as default_provider
       from subscription s join customer cu on cu.id = s.customer_id
      where s.id = any(?::uuid[]) and s.status in ('ACTIVE', 'PAST_DUE') and s.current_period_end <= ?
        and not s.cancel_at_period_end
      order by s.id
        for update of s skip locked`,
    [[...ids], at],
  );
  const locked = subs.map((s) => s.id);
  const notPlain = new Set<string>();
  if (locked.length > 0) {
    const blockers = await boundRows<{ id: string }>(
      em,
      `select subscription_id as id from scheduled_change where subscription_id = any(?::uuid[]) and status = 'PENDING'
       union select subscription_id from pending_proration where subscription_id = any(?::uuid[])
       union select s.id from subscription s where s.id = any(?::uuid[]) and exists (select 1 from usage_event e where e.customer_id = s.customer_id and e.late_pending)`,
      [locked, locked, locked],
    );
    blockers.forEach((b) => notPlain.add(b.id));
  }
  const plain = subs.filter((s) => !notPlain.has(s.id));
  // The rest were not plain, no longer due, or held by another run: closeBoundary sorts them out.
  const plainIds = new Set(plain.map((s) => s.id));
  const handBack = ids.filter((id) => !plainIds.has(id));
  if (plain.length === 0) return { closed: [], handBack };

  const renewals = await loadRenewals(em, plain);
  // usage-ledger.ts: measured under the customers' usage locks.
  await lockUsage(
    em,
    renewals.filter((r) => meteredMetrics(r).length > 0).map((r) => r.sub.customer_id),
  );
  const measured = await measureUsage(em, renewals);
  const customers = await pricingCustomers(
    em,
    renewals.map((r) => r.sub.customer_id),
  );
  const components = await loadComponents(em, renewals);
  const discounts = await discountTermsFor(
    em,
    renewals.map((r) => r.sub.customer_id),
  );
  for (const r of renewals) {
    const pricer = ItemPricer.of(customers.get(r.sub.customer_id)!, components, r.sub.id, discounts.get(r.sub.customer_id) ?? []);
    r.draft = await draftSubscriptionInvoice({
      pricer,
      at: r.thisPeriod.end,
      recurring: { items: r.items, period: r.nextPeriod },
      usage: { items: r.items, period: r.thisPeriod },
      prorations: [],
      measure: async (metric) => measured.get(`${r.sub.id}|${metric}`)!,
    });
    // A customer's ONCE coupon goes to the first of its invoices, here as one at a time.
    for (const use of r.draft.onceUses) discounts.set(r.sub.customer_id, usedUp(discounts.get(r.sub.customer_id) ?? [], use));
  }
  await writeRenewals(em, renewals, now, actor);
  return {
    closed: renewals.map((r) => ({ id: r.sub.id, stillDue: r.nextPeriod.end.getTime() <= at.getTime(), invoiced: !skipsInvoice(r) })),
    handBack,
  };
}

function usedUp(list: readonly DiscountTerms[], use: OnceUse): DiscountTerms[] {
  return list.map((d) => (d.id === use.discountId ? { ...d, consumedAt: use.at, consumedBySubscriptionId: use.subscriptionId } : d));
}

async function loadRenewals(em: EntityManager, subs: readonly SubRow[]): Promise<Renewal[]> {
  const rows = await boundRows<ItemRow>(
    em,
    `select si.subscription_id, si.quantity::text as quantity, p.id, p.code, p.version, p.currency, p.interval, p.interval_count, p.rule_kind, p.rule_config, p.status
       from subscription_item si join price p on p.id = si.price_id
      where si.subscription_id = any(?::uuid[])
      order by si.subscription_id, si.price_code`,
    [subs.map((s) => s.id)],
  );
  const items = new Map<string, PricedItem[]>();
  for (const row of rows) {
    const price = catalogPriceOf(row);
    const list = items.get(row.subscription_id) ?? [];
    list.push({ price, quantity: new Decimal(row.quantity) });
    items.set(row.subscription_id, list);
  }
  return subs.map((sub) => {
    const thisPeriod = { start: new Date(sub.current_period_start), end: new Date(sub.current_period_end) };
    const nextPeriod = periodContaining(new Date(sub.billing_anchor), sub.interval, sub.interval_count, thisPeriod.end);
    return { sub, items: items.get(sub.id) ?? [], thisPeriod, nextPeriod, billingKey: `${sub.id}:${nextPeriod.start.toISOString()}` };
  });
}

const meteredMetrics = (r: Renewal) => [...new Set(r.items.flatMap((i) => meterOf(toSnapshot(i.price))?.metric ?? []))];

/** Every metered window of the batch in one statement per aggregation kind, keyed `<subscription>|<metric>`. */
async function measureUsage(em: EntityManager, renewals: readonly Renewal[]): Promise<Map<string, Decimal>> {
  const byAggregation = new Map<string, { key: string; customer_id: string; metric: string; from: string; to: string }[]>();
  for (const r of renewals) {
    for (const item of r.items) {
      const meter = meterOf(toSnapshot(item.price));
      if (!meter) continue;
      const list = byAggregation.get(meter.aggregation) ?? [];
      list.push({
        key: `${r.sub.id}|${meter.metric}`,
        customer_id: r.sub.customer_id,
        metric: meter.metric,
        from: r.thisPeriod.start.toISOString(),
        to: r.thisPeriod.end.toISOString(),
      });
      byAggregation.set(meter.aggregation, list);
    }
  }
  const measured = new Map<string, Decimal>();
  for (const [aggregation, windows] of byAggregation) {
    const where = `customer_id = w.customer_id and metric = w.metric and "timestamp" >= w."from" and "timestamp" < w."to"`;
    const rows = await boundRows<{ key: string; quantity: string }>(
      em,
      `select w.key, ${usageAggregateSql(aggregation as never, where)}::text as quantity
         from jsonb_to_recordset(?::jsonb) as w(key text, customer_id uuid, metric text, "from" timestamptz, "to" timestamptz)`,
      [JSON.stringify(windows)],
    );
    rows.forEach((row) => measured.set(row.key, new Decimal(row.quantity)));
  }
  return measured;
}

/** The prices bundles refer to, for the whole batch at once. */
async function loadComponents(em: EntityManager, renewals: readonly Renewal[]): Promise<Map<string, CatalogPrice>> {
  const refs = new Set<string>();
  for (const r of renewals) for (const item of r.items) priceReferences(toSnapshot(item.price)).forEach((ref) => refs.add(ref));
  return refs.size > 0 ? loadPriceClosure(em, refs) : new Map();
}

/** A goods-only subscription's period: closed without an invoice (empty-period.ts). */
const skipsInvoice = (r: Renewal) => billsNothing(r.items.length, r.draft!);

/** The invoices and lines (numbered), the subscriptions moved on with their history, watermarks, and the events. */
async function writeRenewals(em: EntityManager, renewals: readonly Renewal[], now: Date, actor: Actor): Promise<void> {
  const invoiced = renewals.filter((r) => !skipsInvoice(r));
  const issuedList = await issueInvoices(
    em,
    invoiced.map((r) => ({
      draft: r.draft!,
      origin: {
        customerId: r.sub.customer_id,
        subscriptionId: r.sub.id,
        billingKey: r.billingKey,
        purchaseOrderNumber: r.sub.purchase_order_number,
      },
      terms: collectionTerms(
        r.sub.collection_method,
        {
          paymentTermsDays: r.sub.payment_terms_days,
          paymentTermsEndOfMonth: r.sub.payment_terms_end_of_month,
          defaultProvider: r.sub.default_provider,
        },
        r.draft!.total,
        now,
      ),
      finalize: !r.sub.invoice_drafts,
    })),
    now,
  );
  const issued = new Map(invoiced.map((r, i) => [r.sub.id, issuedList[i]]));
  await boundRows(
    em,
    `update subscription s set current_period_start = r.start, current_period_end = r."end", version = s.version + 1, updated_at = ?
       from jsonb_to_recordset(?::jsonb) as r(id uuid, start timestamptz, "end" timestamptz)
      where s.id = r.id`,
    [now, JSON.stringify(renewals.map((r) => ({ id: r.sub.id, start: r.nextPeriod.start, end: r.nextPeriod.end })))],
  );
  // The same history row closeBoundary's `advance` writes.
  await boundRows(
    em,
    `insert into subscription_event (id, subscription_id, customer_id, type, version, at, actor, data)
     select gen_random_uuid(), e.subscription_id, e.customer_id, 'period_closed', e.version, ?, ?, e.data
       from jsonb_to_recordset(?::jsonb) as e(subscription_id uuid, customer_id uuid, version int, data jsonb)`,
    [
      now,
      actor.name,
      JSON.stringify(
        renewals.map((r) => ({
          subscription_id: r.sub.id,
          customer_id: r.sub.customer_id,
          version: r.sub.version + 1,
          data: {
            items: r.items.map((i) => ({ priceCode: i.price.code, priceVersion: i.price.version, quantity: i.quantity.toFixed() })),
            boundary: r.thisPeriod.end.toISOString(),
            from: r.sub.status,
            billingKey: r.billingKey,
          },
        })),
      ),
    ],
  );
  await raiseWatermarks(
    em,
    renewals.flatMap((r) => meteredMetrics(r).map((metric) => ({ customerId: r.sub.customer_id, metric, through: r.thisPeriod.end }))),
  );
  await consumeOnceDiscounts(
    em,
    renewals.flatMap((r) => r.draft!.onceUses),
  );
  // The events closeBoundary writes for the same boundary, in its order, in one statement: the
  // subscriptions are locked above and the invoices are new, as emitEvents requires.
  await emitEvents(
    em,
    renewals.flatMap((r) => [subscriptionFactsEvent('renewed', renewedFacts(r), now), ...(issued.get(r.sub.id)?.events ?? [])]),
  );
}

/** The subscription as the batch leaves it: the next period, one version on. */
function renewedFacts(r: Renewal): SubscriptionFacts {
  const s = r.sub;
  return {
    id: s.id,
    customerId: s.customer_id,
    status: s.status,
    version: s.version + 1,
    currency: s.currency,
    interval: s.interval,
    intervalCount: s.interval_count,
    collectionMethod: s.collection_method,
    startsAt: s.starts_at,
    currentPeriodStart: r.nextPeriod.start,
    currentPeriodEnd: r.nextPeriod.end,
    trialEnd: s.trial_end,
    cancelAtPeriodEnd: false,
    pausedAt: s.paused_at,
    canceledAt: s.canceled_at,
    purchaseOrderNumber: s.purchase_order_number,
    items: r.items.map((i) => ({ priceCode: i.price.code, priceVersion: i.price.version, quantity: i.quantity })),
  };
}
