import { FilterQuery, LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { cancelScheduledOrders } from '../orders/order-cancel';
import type { Actor } from '../auth/actor';
import { emitEvent } from '../events/emit-event';
import { subscriptionEvent } from '../events/event-payloads';
import { ScheduledChangeStatus } from '../subscriptions/scheduled-change.entity';
import { recordEvent, touch } from '../subscriptions/subscription-store';
import { SubscriptionItem } from '../subscriptions/subscription-item.entity';
import { Subscription, SubscriptionStatus as S } from '../subscriptions/subscription.entity';
import { lockUsage, raiseWatermarks, settleLateUsage } from '../usage/usage-ledger';
import { billsNothing } from './empty-period';
import { storeInvoice } from './invoice-finalize';
import type { InvoiceFacts } from './invoice-writer';
import { BoundaryPlan, planNextBoundary } from './next-invoice';

/**
 * Subscriptions with a boundary at or before `at`. `nextBoundary` below is the same rule for one
 * loaded subscription; keep the two together. (When test clocks land, their customers are left
 * out here: only advanceTestClock moves them, CONTRACT.md.)
 */
export function dueFilter(at: Date): FilterQuery<Subscription> {
  return {
    $or: [
      { status: { $in: [S.ACTIVE, S.PAST_DUE] }, currentPeriodEnd: { $lte: at } },
      { status: S.TRIALING, trialEnd: { $lte: at } },
      { status: S.INCOMPLETE, startsAt: { $lte: at } },
    ],
  };
}

/** When the subscription's next boundary falls; null when it has none (PAUSED, CANCELED). */
export function nextBoundary(sub: Subscription): Date | null {
  switch (sub.status) {
    case S.ACTIVE:
    case S.PAST_DUE:
      return sub.currentPeriodEnd;
    case S.TRIALING:
      return sub.trialEnd;
    case S.INCOMPLETE:
      return sub.startsAt;
    default:
      return null;
  }
}

export function isDue(sub: Subscription, at: Date): boolean {
  const boundary = nextBoundary(sub);
  return boundary !== null && boundary.getTime() <= at.getTime();
}

/** `<id>:<new period start>`, or `<id>:<period end>:final` for the invoice that ends it. */
export function billingKeyOf(sub: Subscription, plan: Pick<BoundaryPlan, 'kind' | 'at' | 'nextPeriod'>): string {
  return plan.nextPeriod ? `${sub.id}:${plan.nextPeriod.start.toISOString()}` : `${sub.id}:${plan.at.toISOString()}:final`;
}

export interface BoundaryClosed {
  subscription: Subscription;
  /** Null for a trial that begins: its first invoice comes at its end. */
  invoice: InvoiceFacts | null;
}

/** A boundary opened under its subscription's lock: the subscription moved on, its invoice still to store. */
export interface OpenedBoundary {
  subscription: Subscription;
  plan: BoundaryPlan;
  billingKey: string;
}

/**
 * Closes one boundary of one subscription inside the caller's transaction: locks the row unless
 * another worker holds it (SKIP LOCKED: null, it is theirs), re-checks under the lock that it is
 * still due (another run may have just closed it: null), stores the invoice upcomingInvoice
 * showed, and moves the subscription on. Run it in a transaction of its own: a failure, or a
 * billing key already taken, rolls back this boundary alone.
 */
export async function closeBoundary(
  em: EntityManager,
  subscriptionId: string,
  at: Date,
  now: Date,
  actor: Actor,
): Promise<BoundaryClosed | null> {
  const opened = await openBoundary(em, subscriptionId, at, now, actor);
  if (!opened || !('plan' in opened)) return opened;
  const { subscription: sub, plan, billingKey } = opened;
  // A goods-only subscription's period has nothing to bill (empty-period.ts): no invoice of 0.00.
  const invoice = billsNothing(plan.items.length, plan.draft)
    ? null
    : await storeInvoice(em, sub, plan.draft, billingKey, now, { consumedProrations: plan.prorations });
  await settleBoundary(em, opened);
  return { subscription: sub, invoice };
}

/**
 * closeBoundary up to its invoice: the lock, the re-check, the plan, and the subscription moved
 * on. A trial that begins is closed here already (it has no invoice). The caller stores the
 * draft (alone, or on a consolidated invoice: consolidated-boundary.ts), then calls settleBoundary.
 */
export async function openBoundary(
  em: EntityManager,
  subscriptionId: string,
  at: Date,
  now: Date,
  actor: Actor,
): Promise<OpenedBoundary | BoundaryClosed | null> {
  // Locked alone: PostgreSQL refuses FOR UPDATE over the outer join a populate would add.
  const sub = await em.findOne(
    Subscription,
    { $and: [{ id: subscriptionId }, dueFilter(at)] },
    { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
  );
  if (!sub) return null;
  if (sub.status === S.INCOMPLETE && sub.trialEnd) {
    // A future start with a trial starts the trial; nothing is billed until the trial ends.
    await em.populate(sub, ['items', 'items.price']);
    touch(sub, now);
    sub.status = S.TRIALING;
    recordEvent(em, sub, 'started', actor, now, { status: S.TRIALING, boundary: sub.startsAt.toISOString() });
    await em.flush();
    await emitEvent(em, subscriptionEvent('started', sub, now));
    return { subscription: sub, invoice: null };
  }
  // Usage is measured under the customer's usage lock: see usage-ledger.ts.
  await lockUsage(em, [sub.customer.id]);
  const plan = await planNextBoundary(em, sub);
  const billingKey = billingKeyOf(sub, plan);
  await advance(em, sub, plan, now, actor, billingKey);
  return { subscription: sub, plan, billingKey };
}

/** After the boundary's invoice is stored: the usage it measured is marked billed, late usage settled. */
export async function settleBoundary(em: EntityManager, { subscription: sub, plan }: OpenedBoundary): Promise<void> {
  await raiseWatermarks(
    em,
    plan.meteredMetrics.map((metric) => ({ customerId: sub.customer.id, metric, through: plan.at })),
  );
  if (plan.latePending) await settleLateUsage(em, sub.customer.id);
}

/** What the subscription becomes at the boundary; flushed before the invoice so the number is taken last. */
async function advance(
  em: EntityManager,
  sub: Subscription,
  plan: BoundaryPlan,
  now: Date,
  actor: Actor,
  billingKey: string,
): Promise<void> {
  const from = sub.status;
  if (plan.change) {
    plan.change.resolvedAt = now;
    // A subscription that ends has no next period for the change to apply to.
    plan.change.status = plan.nextPeriod ? ScheduledChangeStatus.APPLIED : ScheduledChangeStatus.CANCELED;
    if (plan.nextPeriod) {
      sub.items.removeAll();
      // Removals first: a new row for a code must not meet the old one in the unique index.
      await em.flush();
      for (const item of plan.items) {
        sub.items.add(
          em.create(SubscriptionItem, {
            subscription: sub,
            customer: sub.customer,
            price: item.price.id,
            priceCode: item.price.code,
            quantity: item.quantity,
          }),
        );
      }
    }
  }
  touch(sub, now);
  let event: 'canceled' | 'started' | 'trial_converted' | 'period_closed';
  if (!plan.nextPeriod) {
    sub.status = S.CANCELED;
    sub.canceledAt = plan.at;
    sub.cancelAtPeriodEnd = false;
    event = 'canceled';
  } else {
    event = from === S.INCOMPLETE ? 'started' : from === S.TRIALING ? 'trial_converted' : 'period_closed';
    if (from === S.INCOMPLETE || from === S.TRIALING) sub.status = S.ACTIVE;
    sub.currentPeriodStart = plan.nextPeriod.start;
    sub.currentPeriodEnd = plan.nextPeriod.end;
  }
  recordEvent(em, sub, event, actor, now, {
    boundary: plan.at.toISOString(),
    from,
    billingKey,
    ...(plan.change ? { scheduledChangeId: plan.change.id } : {}),
  });
  await em.flush();
  if (plan.change) {
    const verb = plan.nextPeriod ? 'scheduled_change_applied' : 'scheduled_change_canceled';
    await emitEvent(em, subscriptionEvent(verb, sub, now, { scheduledChange: plan.change }));
  }
  await emitEvent(em, subscriptionEvent(event === 'period_closed' ? 'renewed' : event, sub, now));
  if (event === 'canceled') await cancelScheduledOrders(em, sub.id, now);
}
