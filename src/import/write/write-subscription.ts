import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import type { Actor } from '../../domain/auth/actor';
import { emitEvents } from '../../domain/events/emit-event';
import { SubscriptionFacts, subscriptionFactsEvent } from '../../domain/events/event-payloads';
import { assertMetricsUnclaimed } from '../../domain/subscriptions/metered-metrics';
import type { ResolvedSubscription } from '../map/map-subscription';
import { importTransaction } from './import-transaction';
import { stableId } from '../map/stable-id';
import { STRIPE } from '../stripe/stripe-system';
import { DiscountToWrite, insertDiscounts, lockCoupons } from './write-discount';

/** A subscription to write, and whether its customer was in Tariff before this run (then it may hold other subscriptions). */
export interface SubscriptionToWrite {
  subscription: ResolvedSubscription;
  claimInDatabase: boolean;
  /** Its own discount, checked against the imported coupons. */
  discount: DiscountToWrite | null;
}

/**
 * Subscriptions in one transaction, each whole: the row as Stripe holds it (status, current
 * period, anchor, trial end, cancel at period end), its items at the current versions of their
 * prices, its STRIPE external id, its history row, its discount and its `subscription.imported`
 * event (then the discount's, in the order createSubscription with a coupon emits them), which
 * the revenue ledger projects like any subscription event. The items were checked by checkItems and
 * the metrics claimed across the dump (import-subscriptions.ts); a customer that was in Tariff
 * before the run may hold subscriptions the dump does not know, so its claim is checked here too,
 * as createSubscription checks it, under the customer's row lock. Returns the Stripe ids written.
 */
export async function writeSubscriptions(
  em: EntityManager,
  actor: Actor,
  subs: readonly SubscriptionToWrite[],
  now: Date,
): Promise<Set<string>> {
  return importTransaction(em, async (tx) => {
    await lockCoupons(
      tx,
      subs.map((s) => s.discount),
    );
    for (const { subscription: s, claimInDatabase } of subs) {
      if (claimInDatabase && s.status !== 'CANCELED')
        await assertMetricsUnclaimed(
          tx,
          s.customerId,
          s.prices.map((p) => p.price),
          null,
        );
    }
    const rows = subs.map(({ subscription: s }) => ({
      id: s.id,
      stripe_id: s.stripeId,
      xid: stableId('subscription_external_id', s.stripeId),
      hid: stableId('subscription_event', `${s.stripeId}:imported`),
      customer_id: s.customerId,
      status: s.status,
      currency: s.currency,
      interval: s.interval,
      interval_count: s.intervalCount,
      collection_method: s.collectionMethod,
      billing_anchor: s.billingAnchor,
      starts_at: s.startsAt,
      current_period_start: s.currentPeriodStart,
      current_period_end: s.currentPeriodEnd,
      trial_end: s.trialEnd,
      cancel_at_period_end: s.cancelAtPeriodEnd,
      canceled_at: s.canceledAt,
      created_at: s.createdAt,
      history: {
        items: s.prices.map((p) => ({ priceCode: p.price.code, priceVersion: p.price.version, quantity: p.quantity.toFixed() })),
        stripeId: s.stripeId,
        by: { keyId: actor.keyId, role: actor.role },
      },
    }));
    const items = subs.flatMap(({ subscription: s }) =>
      s.prices.map((p) => ({
        id: p.id,
        subscription_id: s.id,
        price_id: p.price.id,
        price_code: p.price.code,
        quantity: p.quantity.toFixed(),
      })),
    );
    const created = await boundRows<{ stripe_id: string }>(
      tx,
      `with fresh as materialized (
              select x.* from jsonb_to_recordset(?::jsonb) as x(id uuid, stripe_id text, xid uuid, hid uuid, customer_id uuid, status text, currency text,
                   interval text, interval_count int, collection_method text, billing_anchor timestamptz, starts_at timestamptz, current_period_start timestamptz,
                   current_period_end timestamptz, trial_end timestamptz, cancel_at_period_end boolean, canceled_at timestamptz, created_at timestamptz, history jsonb)
               where not exists (select 1 from subscription_external_id e where e.system = ? and e.external_id = x.stripe_id)),
            s as (insert into subscription (id, customer_id, status, version, currency, interval, interval_count, collection_method, billing_anchor, starts_at,
                                            current_period_start, current_period_end, trial_end, cancel_at_period_end, paused_at, canceled_at, created_at, updated_at)
                  select id, customer_id, status::subscription_status, 1, currency, interval::billing_interval, interval_count, collection_method::collection_method,
                         billing_anchor, starts_at, current_period_start, current_period_end, trial_end, cancel_at_period_end, null, canceled_at, created_at, ?
                    from fresh returning id),
            i as (insert into subscription_item (id, subscription_id, customer_id, price_id, price_code, quantity)
                  select it.id, f.id, f.customer_id, it.price_id, it.price_code, it.quantity
                    from jsonb_to_recordset(?::jsonb) as it(id uuid, subscription_id uuid, price_id uuid, price_code text, quantity numeric)
                    join fresh f on f.id = it.subscription_id returning 1),
            e as (insert into subscription_external_id (id, subscription_id, customer_id, system, external_id) select xid, id, customer_id, ?, stripe_id from fresh returning 1),
            h as (insert into subscription_event (id, subscription_id, customer_id, type, version, at, actor, data)
                  select hid, id, customer_id, 'imported', 1, ?, ?, history from fresh returning 1)
       select f.stripe_id from fresh f join s on s.id = f.id`,
      [JSON.stringify(rows), STRIPE, now, JSON.stringify(items), STRIPE, now, actor.name],
    );
    const ids = new Set(created.map((r) => r.stripe_id));
    const discountEvents = await insertDiscounts(
      tx,
      subs.flatMap(({ subscription: s, discount }) => (discount && ids.has(s.stripeId) ? [discount] : [])),
      now,
    );
    await emitEvents(tx, [
      ...subs
        .filter(({ subscription: s }) => ids.has(s.stripeId))
        .map(({ subscription: s }) => ({
          ...subscriptionFactsEvent('created', factsOf(s), now),
          type: 'subscription.imported' as const,
          newAggregate: true,
        })),
      ...discountEvents,
    ]);
    return ids;
  });
}

function factsOf(s: ResolvedSubscription): SubscriptionFacts {
  return {
    id: s.id,
    customerId: s.customerId,
    status: s.status,
    version: 1,
    currency: s.currency,
    interval: s.interval,
    intervalCount: s.intervalCount,
    collectionMethod: s.collectionMethod,
    startsAt: s.startsAt,
    currentPeriodStart: s.currentPeriodStart,
    currentPeriodEnd: s.currentPeriodEnd,
    trialEnd: s.trialEnd,
    cancelAtPeriodEnd: s.cancelAtPeriodEnd,
    pausedAt: null,
    canceledAt: s.canceledAt,
    purchaseOrderNumber: null,
    items: s.prices.map((p) => ({ priceCode: p.price.code, priceVersion: p.price.version, quantity: p.quantity })),
  };
}
