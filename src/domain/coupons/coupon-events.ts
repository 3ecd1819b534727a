import type { DomainEventInput } from '../events/emit-event';
import type { CouponRedemption } from './coupon-redemption.entity';
import type { Coupon } from './coupon.entity';

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
