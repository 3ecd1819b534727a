import type { EntityManager } from '@mikro-orm/postgresql';
import { meterOf, periodContaining } from '../../pricing';
import { toSnapshot } from '../catalog/price-snapshot';
import { Decimal } from '../../pricing/decimal';
import { Price } from '../catalog/price.entity';
import { ConflictError } from '../errors';
import { aggregateStoredUsage } from '../usage/usage-summary';
import { PendingProration } from '../subscriptions/pending-proration.entity';
import { ScheduledChange, ScheduledChangeStatus } from '../subscriptions/scheduled-change.entity';
import { ItemPricer, PricedItem } from '../subscriptions/subscription-pricing';
import { Subscription, SubscriptionStatus } from '../subscriptions/subscription.entity';
import { draftSubscriptionInvoice, InvoiceDraft, Period } from './invoice-draft';
import { draftLateUsageLines, findLateUsage } from './late-usage';

/** `start`: a future start or a trial end begins the first paid period; `renewal`: the next period; `end`: cancel at period end. */
export type BoundaryKind = 'start' | 'renewal' | 'end';

/** What happens at a subscription's next boundary: the invoice, and what the subscription becomes. */
export interface BoundaryPlan {
  kind: BoundaryKind;
  /** The instant of the boundary: the start, the trial's end, or the current period's end. */
  at: Date;
  /** The period that begins at the boundary; null when the subscription ends there. */
  nextPeriod: Period | null;
  /** The items of that period: the current ones, or those of a scheduled change due by then. */
  items: PricedItem[];
  /** The pending scheduled change due at the boundary, if any. */
  change: ScheduledChange | null;
  /** The pending prorations the invoice bills (and so consumes). */
  prorations: PendingProration[];
  /** The metrics whose usage the invoice bills through the boundary (their watermark moves there). */
  meteredMetrics: string[];
  /** Late events wait: the invoice adjusts the periods they fall in and clears them. */
  latePending: boolean;
  draft: InvoiceDraft;
}

/**
 * The invoice a subscription gets at its next boundary, exactly as the billing run will make it:
 * the first invoice when a trial ends or a future start arrives, otherwise the next period in
 * advance with the current period's usage and the pending prorations; a scheduled change is
 * applied first, and a subscription ending at its period end gets no new period. Late usage of
 * any period the customer was invoiced for is adjusted on it.
 */
export async function draftNextInvoice(em: EntityManager, sub: Subscription): Promise<InvoiceDraft> {
  return (await planNextBoundary(em, sub)).draft;
}

/** upcomingInvoice shows the plan's draft; the billing run stores it and carries the plan out. */
export async function planNextBoundary(em: EntityManager, sub: Subscription): Promise<BoundaryPlan> {
  if (sub.status === SubscriptionStatus.PAUSED) throw new ConflictError('a paused subscription is not invoiced until it is resumed');
  if (sub.status === SubscriptionStatus.CANCELED) throw new ConflictError('a canceled subscription has no upcoming invoice');
  await em.populate(sub, ['items', 'items.price']);
  const current: PricedItem[] = sub.items.getItems().map((i) => ({ price: i.price, quantity: i.quantity }));

  const starting = sub.status === SubscriptionStatus.TRIALING || sub.status === SubscriptionStatus.INCOMPLETE;
  const boundary = starting ? (sub.trialEnd ?? sub.startsAt) : sub.currentPeriodEnd;
  // A trial set to cancel at its end ends there unbilled, like any period set to cancel.
  const ending = sub.cancelAtPeriodEnd;
  const change = await dueScheduledChange(em, sub, boundary);
  const next = change && !ending ? await itemsOf(em, change) : current;
  const nextPeriod: Period | null = ending ? null : periodContaining(sub.billingAnchor, sub.interval, sub.intervalCount, boundary);
  const thisPeriod: Period = { start: sub.currentPeriodStart, end: sub.currentPeriodEnd };
  const prorations = await em.find(
    PendingProration,
    { subscription: sub.id },
    { orderBy: { createdAt: 'asc', amount: 'asc', priceCode: 'asc' } },
  );

  const late = await findLateUsage(em, sub.customer.id);
  const pricer = await ItemPricer.forCustomer(
    em,
    sub.customer.id,
    [...[...current, ...next].map((i) => i.price), ...late.periods.map((p) => p.price)],
    sub.id,
  );
  const usage = starting ? null : { items: current, period: thisPeriod };
  const draft = await draftSubscriptionInvoice({
    pricer,
    at: boundary,
    recurring: nextPeriod ? { items: next, period: nextPeriod } : null,
    // Trials and not-yet-started subscriptions bill no usage for the time before they start.
    usage,
    prorations,
    adjustments: await draftLateUsageLines(em, pricer, sub.customer.id, late.periods),
    measure: (metric, aggregation, period) =>
      aggregateStoredUsage(em, { customerId: sub.customer.id, metric, aggregation, from: period.start, to: period.end }),
  });
  const meteredMetrics = usage ? usage.items.flatMap((i) => meterOf(toSnapshot(i.price))?.metric ?? []) : [];
  return {
    kind: ending ? 'end' : starting ? 'start' : 'renewal',
    at: boundary,
    nextPeriod,
    items: next,
    change,
    prorations,
    meteredMetrics,
    latePending: late.pending,
    draft,
  };
}

/**
 * The first invoice of a subscription that starts at once (CONTRACT.md: billed in advance at
 * creation): its items for [start, first period end), nothing metered or prorated yet.
 */
export async function draftFirstInvoice(em: EntityManager, sub: Subscription): Promise<InvoiceDraft> {
  await em.populate(sub, ['items', 'items.price']);
  const items: PricedItem[] = sub.items.getItems().map((i) => ({ price: i.price, quantity: i.quantity }));
  const pricer = await ItemPricer.forCustomer(
    em,
    sub.customer.id,
    items.map((i) => i.price),
    sub.id,
  );
  return draftSubscriptionInvoice({
    pricer,
    at: sub.currentPeriodStart,
    recurring: { items, period: { start: sub.currentPeriodStart, end: sub.currentPeriodEnd } },
    usage: null,
    prorations: [],
    measure: async () => {
      throw new Error('a first invoice bills no usage');
    },
  });
}

/** Due when it takes effect at or before the boundary (a change scheduled before a start waits for its own date). */
async function dueScheduledChange(em: EntityManager, sub: Subscription, boundary: Date): Promise<ScheduledChange | null> {
  const change = await em.findOne(ScheduledChange, { subscription: sub.id, status: ScheduledChangeStatus.PENDING });
  return change && change.effectiveAt.getTime() <= boundary.getTime() ? change : null;
}

async function itemsOf(em: EntityManager, change: ScheduledChange): Promise<PricedItem[]> {
  const prices = await em.find(Price, { id: { $in: change.items.map((i) => i.priceId) } });
  const byId = new Map(prices.map((p) => [p.id, p]));
  return change.items.map((i) => ({ price: byId.get(i.priceId)!, quantity: new Decimal(i.quantity) }));
}
