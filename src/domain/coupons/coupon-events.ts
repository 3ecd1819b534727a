import { Decimal } from '../../pricing/decimal';
import type { DomainEventInput, DomainEventOf, EventPayload } from '../events/event-types';
import type { DiscountTerms } from './coupon-effect';
import type { CouponRedemption } from './coupon-redemption.entity';
import type { CouponDuration } from './coupon.entity';

// Payloads as event-schemas.ts describes them: ids as strings, rates and amounts as plain decimals
// (an amount off at its currency's scale is how it was given), instants in ISO 8601, absent as null.
const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);
const instant = (d: Date): string => new Date(d).toISOString();

/** A coupon's terms as plain data: the entity is one, and so is a row the importer writes. */
export interface CouponFacts {
  id: string;
  code: string;
  name: string | null;
  percentOff: Decimal | null;
  amountOff: Decimal | null;
  currency: string | null;
  duration: string;
  durationInMonths: number | null;
  appliesToPriceCodes: string[] | null;
  maxRedemptions: number | null;
  timesRedeemed: number;
  redeemBy: Date | null;
  createdAt: Date;
}

export function couponFacts(c: CouponFacts): EventPayload<'coupon.created'> {
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
    createdAt: instant(c.createdAt),
  };
}

export function couponCreatedEvent(c: CouponFacts, at: Date): DomainEventOf<'coupon.created'> {
  return {
    aggregateType: 'coupon',
    aggregateId: c.id,
    type: 'coupon.created',
    customerId: null,
    payload: couponFacts(c),
    at,
    newAggregate: true,
  };
}

/** A redemption as plain data, with its coupon's terms. */
export interface RedemptionFacts {
  id: string;
  coupon: CouponFacts;
  customerId: string;
  subscriptionId: string | null;
  quoteId: string | null;
  promotionCode: string | null;
  startsAt: Date | null;
  endedAt: Date | null;
  createdAt: Date;
}

export function redemptionFacts(r: CouponRedemption): RedemptionFacts {
  return {
    id: r.id,
    coupon: r.coupon,
    customerId: r.customer.id,
    subscriptionId: r.subscription?.id ?? null,
    quoteId: r.quote?.id ?? null,
    promotionCode: r.promotionCode?.code ?? null,
    startsAt: r.startsAt,
    endedAt: r.endedAt,
    createdAt: r.createdAt,
  };
}

export type RedemptionVerb = 'redeemed' | 'discount_applied' | 'discount_removed' | 'discount_imported';

/**
 * `redeemed`: counted against the coupon's limits, for a subscription or a customer (its discount
 * starts, ending the one there was) or for a quote when it is sent; `discount_applied`: accepting
 * that quote gave its discount to the new subscription; `discount_removed`: removeDiscount ended
 * one; `discount_imported`: the Stripe import brought one over (not counted again). Each concerns
 * one customer, which a CUSTOMER key may read.
 */
export function redemptionEvent(verb: RedemptionVerb, r: CouponRedemption, at: Date): DomainEventInput {
  return redemptionFactsEvent(verb, redemptionFacts(r), at);
}

export function redemptionFactsEvent(verb: RedemptionVerb, r: RedemptionFacts, at: Date): DomainEventOf<`coupon.${RedemptionVerb}`> {
  const payload = {
    coupon: couponFacts(r.coupon),
    redemption: {
      id: r.id,
      customerId: r.customerId,
      subscriptionId: r.subscriptionId,
      quoteId: r.quoteId,
      promotionCode: r.promotionCode,
      startsAt: iso(r.startsAt),
      endedAt: iso(r.endedAt),
      createdAt: instant(r.createdAt),
    },
  };
  return { aggregateType: 'coupon', aggregateId: r.coupon.id, type: `coupon.${verb}`, customerId: r.customerId, payload, at };
}

/**
 * The discount a `coupon.redeemed`, `coupon.discount_applied` or `coupon.discount_removed` event
 * describes, as coupon-effect.ts takes it: for a projection of the outbox (the revenue ledger),
 * which must not read today's rows to replay yesterday. Null for a quote's redemption not yet
 * given to a subscription. ONCE use is not in events: MRR leaves ONCE coupons out anyway.
 */
export function discountOfEvent(payload: EventPayload<'coupon.redeemed'>): DiscountTerms | null {
  const { coupon: c, redemption: r } = payload;
  if (r.startsAt === null) return null;
  const decimal = (v: string | null) => (v === null ? null : new Decimal(v));
  return {
    id: r.id,
    subscriptionId: r.subscriptionId,
    coupon: {
      code: c.code,
      percentOff: decimal(c.percentOff),
      amountOff: decimal(c.amountOff),
      currency: c.currency,
      appliesToPriceCodes: c.appliesToPriceCodes === null ? null : [...c.appliesToPriceCodes],
    },
    duration: c.duration as CouponDuration,
    durationInMonths: c.durationInMonths,
    startsAt: new Date(r.startsAt),
    endedAt: r.endedAt === null ? null : new Date(r.endedAt),
    consumedAt: null,
    consumedBySubscriptionId: null,
  };
}
