import type { DiscountTerms } from '../coupons/coupon-effect';
import type { RedemptionVerb } from '../coupons/coupon-events';
import type { DomainEventInput, EventType } from '../events/event-types';
import { SUBSCRIPTION_VERBS } from '../events/event-types';
import { discountOf } from './discount-state';

/** Lifecycle signals about a subscription (src/domain/lifecycle): a date coming up, not a change. */
const SIGNALS: readonly SubscriptionVerb[] = ['trial_ending', 'renewal_upcoming'];

/**
 * The events that can move MRR: every subscription change (its payload is the state after it:
 * event-schemas.ts), a new contract, and a discount starting or ending (recurring coupons count:
 * CONTRACT.md). A new subscription verb counts unless it is a signal.
 */
export const REVENUE_EVENT_TYPES: ReadonlySet<EventType> = new Set<EventType>([
  ...SUBSCRIPTION_VERBS.filter((v) => !SIGNALS.includes(v)).map((v) => `subscription.${v}` as const),
  'contract.created',
  'coupon.redeemed',
  'coupon.discount_applied',
  'coupon.discount_removed',
  'coupon.discount_imported',
]);

type SubscriptionVerb = (typeof SUBSCRIPTION_VERBS)[number];
export type SubscriptionEvent = Extract<DomainEventInput, { aggregateType: 'subscription' }>;
type RedemptionEvent = Extract<DomainEventInput, { type: `coupon.${RedemptionVerb}` }>;

/** What an event does to the ledger, by its type; null when nothing (a quote's redemption: no discount starts). */
export type RevenueChange =
  | { kind: 'subscription'; event: SubscriptionEvent }
  | { kind: 'discount'; event: RedemptionEvent; discount: DiscountTerms }
  | { kind: 'contract'; event: DomainEventInput };

export function revenueChange(event: DomainEventInput): RevenueChange | null {
  if (!REVENUE_EVENT_TYPES.has(event.type)) return null;
  switch (event.type) {
    case 'contract.created':
      return { kind: 'contract', event };
    case 'coupon.redeemed':
    case 'coupon.discount_applied':
    case 'coupon.discount_removed':
    case 'coupon.discount_imported': {
      const discount = discountOf(event.payload);
      return discount && { kind: 'discount', event, discount };
    }
    default:
      return event.aggregateType === 'subscription' ? { kind: 'subscription', event } : null;
  }
}
