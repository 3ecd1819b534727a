import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CouponTerms } from '../../pricing';
import type { Customer } from '../customers/customer.entity';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors';
import { emitEvent } from '../events/emit-event';
import type { Quote } from '../quotes/quote.entity';
import type { Subscription } from '../subscriptions/subscription.entity';
import { redemptionEvent } from './coupon-events';
import { findCoupon, findPromotionCode } from './coupon-lookup';
import { CouponRedemption } from './coupon-redemption.entity';
import { Coupon } from './coupon.entity';
import type { PromotionCode } from './promotion-code.entity';

/** What a client names: a coupon by its code, or a customer-facing promotion code for one. */
export interface CouponChoice {
  couponCode?: string | null;
  promotionCode?: string | null;
}

/** Who would redeem: a customer, or (a preview without one) only the currency the document is in. */
export interface Redeemer {
  id: string | null;
  currency: string;
}

export interface ChosenCoupon {
  coupon: Coupon;
  promotionCode: PromotionCode | null;
}

export function hasChoice(choice: CouponChoice | null | undefined): boolean {
  return choice != null && (choice.couponCode != null || choice.promotionCode != null);
}

/**
 * The coupon a choice names, checked as redeemable by `customer` at `now` (`field` prefixes the
 * error paths: `input`). With `lock`, the promotion code's and the coupon's rows are locked (in
 * that order) for the redemption that follows, so limits are checked and counted under the lock.
 */
export async function chooseCoupon(
  em: EntityManager,
  choice: CouponChoice,
  customer: Redeemer,
  now: Date,
  field: string,
  lock: boolean,
): Promise<ChosenCoupon | null> {
  const { couponCode, promotionCode } = choice;
  if (couponCode != null && promotionCode != null)
    throw new InvalidInputError(`${field}.promotionCode`, 'give couponCode or promotionCode, not both');
  let chosen: ChosenCoupon;
  if (promotionCode != null) {
    const promotion = await findPromotionCode(em, promotionCode, lock);
    if (!promotion) throw new NotFoundError('promotion code', promotionCode.slice(0, 100), `${field}.promotionCode`);
    const coupon = lock
      ? await em.findOneOrFail(Coupon, { id: promotion.coupon.id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true })
      : promotion.coupon;
    chosen = { coupon, promotionCode: promotion };
  } else if (couponCode != null) {
    const coupon = await findCoupon(em, couponCode, lock);
    if (!coupon) throw new NotFoundError('coupon', couponCode.slice(0, 100), `${field}.couponCode`);
    chosen = { coupon, promotionCode: null };
  } else {
    return null;
  }
  assertRedeemable(chosen, customer, now, field);
  return chosen;
}

/** Limits, expiry and fit: CONFLICT for what time or other redemptions changed, BAD_USER_INPUT for what never fits. */
export function assertRedeemable({ coupon, promotionCode }: ChosenCoupon, customer: Redeemer, now: Date, field: string): void {
  const where = promotionCode ? `${field}.promotionCode` : `${field}.couponCode`;
  const named = promotionCode ? `promotion code ${promotionCode.code}` : `coupon ${coupon.code}`;
  if (coupon.redeemBy !== null && coupon.redeemBy.getTime() <= now.getTime()) {
    throw new ConflictError(`coupon ${coupon.code} could be redeemed until ${coupon.redeemBy.toISOString()}`, {
      field: where,
      details: { reason: 'REDEEM_BY_PASSED' },
    });
  }
  if (coupon.maxRedemptions !== null && coupon.timesRedeemed >= coupon.maxRedemptions) {
    throw new ConflictError(`coupon ${coupon.code} has been redeemed ${coupon.timesRedeemed} times, its maximum`, {
      field: where,
      details: { reason: 'MAX_REDEMPTIONS_REACHED' },
    });
  }
  if (promotionCode) {
    if (promotionCode.expiresAt !== null && promotionCode.expiresAt.getTime() <= now.getTime()) {
      throw new ConflictError(`${named} expired on ${promotionCode.expiresAt.toISOString()}`, {
        field: where,
        details: { reason: 'EXPIRED' },
      });
    }
    if (promotionCode.maxRedemptions !== null && promotionCode.timesRedeemed >= promotionCode.maxRedemptions) {
      throw new ConflictError(`${named} has been redeemed ${promotionCode.timesRedeemed} times, its maximum`, {
        field: where,
        details: { reason: 'MAX_REDEMPTIONS_REACHED' },
      });
    }
    if (promotionCode.customer !== null && promotionCode.customer.id !== customer.id) {
      throw new InvalidInputError(where, `${named} is not valid for this customer`);
    }
  }
  if (coupon.currency !== null && coupon.currency !== customer.currency) {
    throw new InvalidInputError(where, `${named} takes ${coupon.currency} off; the document is in ${customer.currency}`);
  }
}

/** Where a redemption's discount goes: one subscription, every subscription of the customer, or a quote until it is accepted. */
export type RedemptionTarget =
  | { kind: 'subscription'; subscription: Subscription; startsAt: Date }
  | { kind: 'customer'; startsAt: Date }
  | { kind: 'quote'; quote: Quote };

/**
 * Counts the redemption (coupon and promotion code, rows locked by chooseCoupon) and writes the
 * discount, ending the one it replaces: a subscription, like a customer, has one discount at a
 * time. The caller holds the subscription's (or the customer's) row lock.
 */
export async function redeem(
  em: EntityManager,
  chosen: ChosenCoupon,
  customer: Customer,
  target: RedemptionTarget,
  now: Date,
): Promise<CouponRedemption> {
  if (target.kind === 'subscription') {
    await em.nativeUpdate(CouponRedemption, { subscription: target.subscription.id, endedAt: null }, { endedAt: now });
  } else if (target.kind === 'customer') {
    await em.nativeUpdate(CouponRedemption, { customer: customer.id, subscription: null, quote: null, endedAt: null }, { endedAt: now });
  }
  chosen.coupon.timesRedeemed += 1;
  if (chosen.promotionCode) chosen.promotionCode.timesRedeemed += 1;
  const redemption = em.create(CouponRedemption, {
    coupon: chosen.coupon,
    promotionCode: chosen.promotionCode,
    customer,
    subscription: target.kind === 'subscription' ? target.subscription : null,
    quote: target.kind === 'quote' ? target.quote : null,
    startsAt: target.kind === 'quote' ? null : target.startsAt,
    createdAt: now,
  });
  await em.flush();
  await emitEvent(em, redemptionEvent('redeemed', redemption, now));
  return redemption;
}

/** A new subscription's discount: a coupon chosen (and locked) for it, or the one a sent quote holds. */
export type DiscountSource = { chosen: ChosenCoupon } | { quote: Quote };

/** From the subscription's start, so its first invoice is discounted whenever it comes. */
export async function attachDiscount(
  em: EntityManager,
  subscription: Subscription,
  customer: Customer,
  source: DiscountSource,
  now: Date,
): Promise<void> {
  if ('chosen' in source) {
    await redeem(em, source.chosen, customer, { kind: 'subscription', subscription, startsAt: subscription.startsAt }, now);
    return;
  }
  const held = await em.findOne(
    CouponRedemption,
    { quote: source.quote.id, subscription: null, endedAt: null },
    { populate: ['coupon', 'promotionCode'] },
  );
  if (!held) return;
  held.subscription = subscription;
  held.startsAt = subscription.startsAt;
  await em.flush();
  await emitEvent(em, redemptionEvent('discount_applied', held, now));
}

/** A coupon as a quote or preview prices with it. */
export function termsOf(coupon: Coupon): CouponTerms {
  return {
    code: coupon.code,
    percentOff: coupon.percentOff,
    amountOff: coupon.amountOff,
    currency: coupon.currency,
    appliesToPriceCodes: coupon.appliesToPriceCodes === null ? null : [...coupon.appliesToPriceCodes],
  };
}
