import { Decimal } from '../../pricing/decimal';
import type { DomainEventInput } from '../events/emit-event';
import type { DiscountTerms } from './coupon-effect';
import type { CouponRedemption } from './coupon-redemption.entity';
import type { Coupon, CouponDuration } from './coupon.entity';

// Payloads as event-payloads.ts writes them: ids as strings, rates and amounts as plain decimals
// (an amount off at its currency's scale is how it was given), instants in ISO 8601, absent as null.
const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);

export function couponFacts(c: Coupon): Record<string, unknown> {
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    percentOff: c.percentOff?.toFixed() ?? null,
    amountOff: c.amountOff?.toFixed() ?? null,
    currency: c.currency,
    duration: c.duration,
    durationInMonths: c.durationInMonths,
    appliesToPriceCodes: c.appliesToPriceCodes,
    maxRedemptions: c.maxRedemptions,
    timesRedeemed: c.timesRedeemed,
    redeemBy: iso(c.redeemBy),
    createdAt: iso(c.createdAt),
  };
}

export function couponCreatedEvent(c: Coupon, at: Date): DomainEventInput {
  return { aggregateType: 'coupon', aggregateId: c.id, type: 'coupon.created', customerId: null, payload: couponFacts(c), at, newAggregate: true };
}

/**
 * `redeemed`: counted against the coupon's limits, for a subscription or a customer (its discount
 * starts, ending the one there was) or for a quote when it is sent; `discount_applied`: accepting
 * that quote gave its discount to the new subscription; `discount_removed`: removeDiscount ended
 * one. Each concerns one customer, which a CUSTOMER key may read.
 */
export function redemptionEvent(verb: 'redeemed' | 'discount_applied' | 'discount_removed', r: CouponRedemption, at: Date): DomainEventInput {
  const payload = {
    coupon: couponFacts(r.coupon),
    redemption: {
      id: r.id,
      customerId: r.customer.id,
      subscriptionId: r.subscription?.id ?? null,
      quoteId: r.quote?.id ?? null,
      promotionCode: r.promotionCode?.code ?? null,
      startsAt: iso(r.startsAt),
      endedAt: iso(r.endedAt),
      createdAt: iso(r.createdAt),
    },
  };
  return { aggregateType: 'coupon', aggregateId: r.coupon.id, type: `coupon.${verb}`, customerId: r.customer.id, payload, at };
}

/**
 * The discount a `coupon.redeemed`, `coupon.discount_applied` or `coupon.discount_removed` event
 * describes, as coupon-effect.ts takes it: for a projection of the outbox (the revenue ledger),
 * which must not read today's rows to replay yesterday. Null for a quote's redemption not yet
 * given to a subscription. ONCE use is not in events: MRR leaves ONCE coupons out anyway.
 */
export function discountOfEvent(payload: Record<string, unknown>): DiscountTerms | null {
  const c = payload.coupon as Record<string, unknown>;
  const r = payload.redemption as Record<string, unknown>;
  if (typeof r.startsAt !== 'string') return null;
  const decimal = (v: unknown) => (typeof v === 'string' ? new Decimal(v) : null);
  return {
    id: String(r.id),
    subscriptionId: typeof r.subscriptionId === 'string' ? r.subscriptionId : null,
    coupon: {
      code: String(c.code),
      percentOff: decimal(c.percentOff),
      amountOff: decimal(c.amountOff),
      currency: typeof c.currency === 'string' ? c.currency : null,
      appliesToPriceCodes: Array.isArray(c.appliesToPriceCodes) ? c.appliesToPriceCodes.map(String) : null,
    },
    duration: c.duration as CouponDuration,
    durationInMonths: typeof c.durationInMonths === 'number' ? c.durationInMonths : null,
    startsAt: new Date(r.startsAt),
    endedAt: typeof r.endedAt === 'string' ? new Date(r.endedAt) : null,
    consumedAt: null,
    consumedBySubscriptionId: null,
  };
}
