import { LockMode } from '@mikro-orm/core';
import { authorize, authorizeCustomer, withCreator } from '../auth/actor';
import { Customer } from '../customers/customer.entity';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors';
import { emitEvent } from '../events/emit-event';
import { isId } from '../shared/ids';
import type { ServiceContext } from '../shared/service-context';
import { lockSubscription } from '../subscriptions/subscription-store';
import { SubscriptionStatus } from '../subscriptions/subscription.entity';
import { clockForCustomer } from '../test-clocks/customer-clock';
import { redemptionEvent } from './coupon-events';
import { chooseCoupon, CouponChoice, hasChoice, redeem } from './coupon-redeem';
import { CouponRedemption } from './coupon-redemption.entity';
import { Coupon } from './coupon.entity';

export interface ApplyCouponInput extends CouponChoice {
  /** Exactly one of the two: a subscription's own discount, or its customer's for all of its subscriptions. */
  subscriptionId?: string | null;
  customerId?: string | null;
}

/** Reads batched by the GraphQL layer's loaders: the discounts not ended, by subscription or customer. */
export interface DiscountLoader {
  load(key: string): Promise<CouponRedemption[]>;
}

/**
 * Applying coupons to what is billed, and ending them. Each runs in one transaction under the
 * subscription's (or customer's) row lock, on the customer's clock: the discount starts now and
 * reaches the next invoice (README, Coupons).
 */
export class DiscountService {
  constructor(private readonly ctx: ServiceContext) {}

  async apply(input: ApplyCouponInput): Promise<CouponRedemption> {
    authorize(this.ctx.actor, 'coupons:apply');
    if ((input.subscriptionId == null) === (input.customerId == null)) {
      throw new InvalidInputError('input.subscriptionId', 'give subscriptionId or customerId, exactly one');
    }
    if (!hasChoice(input)) throw new InvalidInputError('input.couponCode', 'give couponCode or promotionCode');
    return this.ctx.em.transactional(async (em) => {
      if (input.subscriptionId != null) {
        const sub = await lockSubscription(em, this.ctx.actor, input.subscriptionId);
        authorizeCustomer(this.ctx.actor, 'coupons:apply', sub.customer.id);
        if (sub.status === SubscriptionStatus.CANCELED)
          throw new ConflictError(`subscription ${sub.id} is canceled: it has no invoices left to discount`, {
            field: 'input.subscriptionId',
          });
        const customer = await em.findOneOrFail(Customer, { id: sub.customer.id });
        const now = (await clockForCustomer(em, customer.id, this.ctx.clock)).now();
        const chosen = (await chooseCoupon(em, input, customer, now, 'input', true))!;
        return redeem(em, chosen, customer, { kind: 'subscription', subscription: sub, startsAt: now }, now);
      }
      const customer = isId(input.customerId!)
        ? await em.findOne(Customer, { id: input.customerId! }, { lockMode: LockMode.PESSIMISTIC_WRITE })
        : null;
      if (!customer) throw new NotFoundError('customer', input.customerId!.slice(0, 100), 'input.customerId');
      authorizeCustomer(this.ctx.actor, 'coupons:apply', customer.id);
      const now = (await clockForCustomer(em, customer.id, this.ctx.clock)).now();
      const chosen = (await chooseCoupon(em, input, customer, now, 'input', true))!;
      return redeem(em, chosen, customer, { kind: 'customer', startsAt: now }, now);
    });
  }

  /** Ends a discount now: invoices from now on are not discounted (the period already billed keeps its prorations' discount). */
  async remove(id: string): Promise<CouponRedemption> {
    authorize(this.ctx.actor, 'coupons:apply');
    return this.ctx.em.transactional(async (em) => {
      const found = isId(id) ? await em.findOne(CouponRedemption, { id }) : null;
      if (!found) throw new NotFoundError('discount', id.slice(0, 100), 'id');
      authorizeCustomer(this.ctx.actor, 'coupons:apply', found.customer.id);
      // The coupon's row first, as a redemption takes it: the coupon's events stay in order.
      await em.findOneOrFail(Coupon, { id: found.coupon.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const discount = await em.findOneOrFail(
        CouponRedemption,
        { id },
        { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true, populate: ['coupon', 'promotionCode'] },
      );
      if (discount.endedAt !== null) throw new ConflictError(`discount ${id} ended on ${discount.endedAt.toISOString()}`, { field: 'id' });
      if (discount.startsAt === null)
        throw new ConflictError(`discount ${id} is held by a sent quote; it starts when the quote is accepted`, { field: 'id' });
      const now = (await clockForCustomer(em, discount.customer.id, this.ctx.clock)).now();
      discount.endedAt = now;
      await em.flush();
      await emitEvent(em, redemptionEvent('discount_removed', discount, now));
      return discount;
    });
  }

  /** The subscription's own discount not ended (the parent was authorized when it was read). */
  async ofSubscription(subscriptionId: string, customer: Customer, loader: DiscountLoader): Promise<CouponRedemption | null> {
    authorizeCustomer(this.ctx.actor, 'subscriptions:read', await withCreator(this.ctx.actor, customer));
    return latest(await loader.load(subscriptionId));
  }

  /** The customer's discount for all its subscriptions, not ended. */
  async ofCustomer(customer: Customer, loader: DiscountLoader): Promise<CouponRedemption | null> {
    authorizeCustomer(this.ctx.actor, 'customers:read', await withCreator(this.ctx.actor, customer));
    return latest(await loader.load(customer.id));
  }
}

function latest(list: readonly CouponRedemption[]): CouponRedemption | null {
  return list.reduce<CouponRedemption | null>(
    (best, d) => (best === null || d.createdAt.getTime() >= best.createdAt.getTime() ? d : best),
    null,
  );
}
