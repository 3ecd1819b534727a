import { Entity, Index, ManyToOne, PrimaryKey, Property, Rel } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Customer } from '../customers/customer.entity';
import { Quote } from '../quotes/quote.entity';
import { Subscription } from '../subscriptions/subscription.entity';
import { Coupon } from './coupon.entity';
import { PromotionCode } from './promotion-code.entity';

/**
 * One redemption of a coupon, counted once when it is made, and the discount it gives: to one
 * subscription's invoices, to every subscription of a customer (`subscription` null), or held by a
 * sent quote (`quote` set, `startsAt` null) until accepting it gives it to the new subscription.
 * A subscription (and a customer) has at most one discount in force: a new one ends the last.
 */
@Entity({ tableName: 'coupon_redemption' })
@Index({ properties: ['customer'] })
@Index({ properties: ['coupon', 'createdAt'] })
@Index({
  name: 'coupon_redemption_subscription_unique',
  expression:
    'create unique index "coupon_redemption_subscription_unique" on "coupon_redemption" ("subscription_id") where "subscription_id" is not null and "ended_at" is null',
})
@Index({
  name: 'coupon_redemption_customer_unique',
  expression:
    'create unique index "coupon_redemption_customer_unique" on "coupon_redemption" ("customer_id") where "subscription_id" is null and "quote_id" is null and "ended_at" is null',
})
export class CouponRedemption {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Coupon, { fieldName: 'coupon_id' })
  coupon!: Rel<Coupon>;

  @ManyToOne(() => PromotionCode, { fieldName: 'promotion_code_id', nullable: true })
  promotionCode: Rel<PromotionCode> | null = null;

  @ManyToOne(() => Customer, { fieldName: 'customer_id' })
  customer!: Rel<Customer>;

  @ManyToOne(() => Subscription, { fieldName: 'subscription_id', nullable: true })
  subscription: Rel<Subscription> | null = null;

  @ManyToOne(() => Quote, { fieldName: 'quote_id', nullable: true })
  quote: Rel<Quote> | null = null;

  /** From when it discounts: the subscription's start, or when it was applied; null while a quote holds it. */
  @Property({ type: 'timestamptz', nullable: true })
  startsAt: Date | null = null;

  /** When it was removed or replaced: invoices from then on are not discounted. */
  @Property({ type: 'timestamptz', nullable: true })
  endedAt: Date | null = null;

  /** ONCE: the instant of the invoice that used it up, and that invoice's subscription. */
  @Property({ type: 'timestamptz', nullable: true })
  consumedAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  consumedBySubscriptionId: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}
