import type { CatalogPrice } from '../../domain/catalog/price-snapshot';
import { BillingInterval } from '../../domain/catalog/price.entity';
import { checkItems } from '../../domain/subscriptions/subscription-items';
import { CollectionMethod, SubscriptionStatus } from '../../domain/subscriptions/subscription.entity';
import { isMetered, periodContaining } from '../../pricing';
import { Decimal } from '../../pricing/decimal';
import { toSnapshot } from '../../domain/catalog/price-snapshot';
import { ImportRejection } from '../import-rejection';
import { MappedDiscount, subscriptionDiscount } from './map-discount';
import { stableId } from './stable-id';
import { StripeSubscription, toDate } from '../stripe/stripe-objects';

export interface MappedSubscription {
  stripeId: string;
  id: string;
  customerStripeId: string;
  /** Stripe's currency of the subscription, as an ISO code. */
  currency: string;
  status: SubscriptionStatus;
  collectionMethod: CollectionMethod;
  billingAnchor: Date;
  startsAt: Date;
  currentPeriodStart: Date;
  currentPeriodEnd: Date;
  trialEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  canceledAt: Date | null;
  createdAt: Date;
  items: { stripeId: string; id: string; priceStripeId: string; quantity: number | null }[];
  /** Its own discount (a canceled subscription's is history, not imported). */
  discount: MappedDiscount | null;
}

/** A subscription whose items are checked against Tariff's catalog and customer, ready to write. */
export interface ResolvedSubscription extends MappedSubscription {
  customerId: string;
  interval: BillingInterval;
  intervalCount: number;
  prices: { id: string; price: CatalogPrice; quantity: Decimal }[];
}

/** Stripe's subscription statuses Tariff keeps as they are. */
export const STATUS_OF: Readonly<Record<string, SubscriptionStatus>> = {
  active: SubscriptionStatus.ACTIVE,
  trialing: SubscriptionStatus.TRIALING,
  past_due: SubscriptionStatus.PAST_DUE,
  canceled: SubscriptionStatus.CANCELED,
};

/** The others, and why they cannot come over as they are. */
const REFUSED_STATUS: Readonly<Record<string, string>> = {
  unpaid: 'Stripe stopped collecting it (unpaid): cancel it, or settle its open invoices, in Stripe first',
  paused: 'its trial ended without a payment method (paused): resume or cancel it in Stripe first',
  incomplete: 'its first payment never succeeded (incomplete)',
  incomplete_expired: 'it never started: its first payment failed (incomplete_expired)',
};

/**
 * Status, cycle and items as Stripe holds them, checked for what Tariff could not bill the same
 * way. A subscription whose period already ended at import time is refused: Stripe has billed the
 * period after it, and Tariff's billing run would bill it again.
 */
export function mapSubscription(sub: StripeSubscription, now: Date): MappedSubscription {
  const status = STATUS_OF[sub.status];
  if (status === undefined)
    throw new ImportRejection(
      `status: ${REFUSED_STATUS[sub.status] ?? `'${sub.status}' is not a Stripe subscription status Tariff knows`}`,
    );
  refuseIfSet(sub.pause_collection, 'pause_collection', 'collection is paused in Stripe; resume it there first');
  refuseIfSet(sub.schedule, 'schedule', 'a subscription schedule drives its future phases; release the schedule in Stripe first');
  refuseIfSet(sub.pending_update, 'pending_update', 'an update waits for a payment; settle it in Stripe first');
  refuseIfSet(sub.test_clock, 'test_clock', 'a subscription on a Stripe test clock is test data');
  if (sub.items.has_more) throw new ImportRejection('items: the list is truncated (has_more); export subscriptions with all their items');
  if (sub.items.data.length === 0) throw new ImportRejection('items: a subscription needs at least one item');

  const period = currentPeriod(sub);
  const live = status !== SubscriptionStatus.CANCELED;
  const trialEnd = sub.trial_end ? toDate(sub.trial_end) : null;
  if (status === SubscriptionStatus.TRIALING && (trialEnd === null || trialEnd.getTime() !== period.end.getTime())) {
    throw new ImportRejection("trial_end: a trialing subscription's trial ends with its current period");
  }
  if (live && period.end.getTime() <= now.getTime()) {
    throw new ImportRejection(
      `current_period_end: ${period.end.toISOString()} is past; Stripe has billed what follows it, so the dump is too old: export again`,
    );
  }
  const cancelAt = sub.cancel_at ? toDate(sub.cancel_at) : null;
  if (live && cancelAt !== null && cancelAt.getTime() !== period.end.getTime()) {
    throw new ImportRejection(
      `cancel_at: ${cancelAt.toISOString()} is not the end of the current period; Tariff cancels now or at a period end`,
    );
  }
  return {
    stripeId: sub.id,
    id: stableId('subscription', sub.id),
    customerStripeId: sub.customer,
    currency: sub.currency.toUpperCase(),
    status,
    collectionMethod: sub.collection_method === 'send_invoice' ? CollectionMethod.SEND_INVOICE : CollectionMethod.CHARGE_AUTOMATICALLY,
    billingAnchor: toDate(sub.billing_cycle_anchor),
    startsAt: toDate(sub.start_date ?? sub.created),
    currentPeriodStart: period.start,
    currentPeriodEnd: period.end,
    trialEnd,
    cancelAtPeriodEnd: live && (sub.cancel_at_period_end === true || cancelAt !== null),
    canceledAt: live ? null : toDate(sub.ended_at ?? sub.canceled_at ?? Math.floor(period.end.getTime() / 1000)),
    createdAt: toDate(sub.created),
    items: sub.items.data.map((item) => ({
      stripeId: item.id,
      id: stableId('subscription_item', item.id),
      priceStripeId: item.price.id,
      quantity: item.quantity ?? null,
    })),
    discount: live ? subscriptionDiscount(sub) : null,
  };
}

/**
 * The items against the imported catalog, by createSubscription's rules (checkItems): known
 * recurring prices in the customer's currency on one cycle. A price no longer sold stays on the
 * subscriptions that have it, as in Stripe. The cycle must be the anchor's: Tariff bills periods
 * from the anchor, so a period end off that schedule would bill on another day.
 */
export function resolveSubscription(
  sub: MappedSubscription,
  catalog: ReadonlyMap<string, CatalogPrice>,
  customer: { id: string; currency: string; purchaseOrderRequired?: boolean },
): ResolvedSubscription {
  if (sub.currency !== customer.currency) {
    throw new ImportRejection(`currency: the subscription is in ${sub.currency}, its customer pays in ${customer.currency}`);
  }
  // createSubscription's rule (purchase-order.ts); a canceled one is history and bills nothing more.
  if (customer.purchaseOrderRequired && sub.status !== SubscriptionStatus.CANCELED) {
    throw new ImportRejection(
      `purchaseOrderNumber: customer ${customer.id} requires a purchase order number (purchaseOrderRequired) and a Stripe subscription carries none; create it in Tariff with one`,
    );
  }
  const byCode = new Map<string, CatalogPrice>();
  const items = sub.items.map((item, i) => {
    const price = catalog.get(item.priceStripeId);
    if (!price)
      throw new ImportRejection(`items[${i}].price: unknown price '${item.priceStripeId}' (not in prices.jsonl, or refused there)`);
    byCode.set(price.code, price);
    const metered = isMetered(toSnapshot(price));
    if (!metered && item.quantity === null) throw new ImportRejection(`items[${i}].quantity: missing on a licensed item`);
    return { id: item.id, price, quantity: new Decimal(metered ? 0 : item.quantity!) };
  });
  const checked = checkItems(
    items.map((i) => ({ priceCode: i.price.code, quantity: i.quantity })),
    byCode,
    customer.currency,
    { allowArchived: true },
  );
  const { interval, intervalCount } = checked[0].price;
  const boundary = sub.status === SubscriptionStatus.TRIALING ? sub.trialEnd! : sub.currentPeriodEnd;
  if (
    sub.status !== SubscriptionStatus.CANCELED &&
    periodContaining(sub.billingAnchor, interval, intervalCount, boundary).start.getTime() !== boundary.getTime()
  ) {
    throw new ImportRejection(
      `current_period_end: ${boundary.toISOString()} is not on the cycle anchored at ${sub.billingAnchor.toISOString()} (every ${intervalCount} ${interval}); Stripe would prorate to the anchor, Tariff bills whole periods from it`,
    );
  }
  return { ...sub, customerId: customer.id, interval, intervalCount, prices: items };
}

/** Since API version 2025-03-31 (basil) the period is on each item; before, on the subscription. */
function currentPeriod(sub: StripeSubscription): { start: Date; end: Date } {
  let start = sub.current_period_start;
  let end = sub.current_period_end;
  if (start === undefined || end === undefined) {
    const starts = new Set(sub.items.data.map((i) => i.current_period_start));
    const ends = new Set(sub.items.data.map((i) => i.current_period_end));
    if (starts.size !== 1 || ends.size !== 1)
      throw new ImportRejection('items: the items are on different current periods; Tariff bills a subscription on one cycle');
    start = [...starts][0];
    end = [...ends][0];
  }
  if (start === undefined || end === undefined)
    throw new ImportRejection('current_period_end: missing (neither on the subscription nor on its items)');
  if (end <= start) throw new ImportRejection('current_period_end: not after current_period_start');
  return { start: toDate(start), end: toDate(end) };
}

function refuseIfSet(value: unknown, field: string, why: string): void {
  if (value !== null && value !== undefined) throw new ImportRejection(`${field}: ${why}`);
}
