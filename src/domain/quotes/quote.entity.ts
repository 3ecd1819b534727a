import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, Opt, PrimaryKey, Property, Rel } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { DecimalType } from '../../db/decimal.type';
import type { Decimal } from '../../pricing/decimal';
import { Coupon } from '../coupons/coupon.entity';
import { PromotionCode } from '../coupons/promotion-code.entity';
import { Customer } from '../customers/customer.entity';
import { CollectionMethod, Subscription } from '../subscriptions/subscription.entity';
import { QuoteLine } from './quote-line.entity';

export enum QuoteStatus {
  DRAFT = 'DRAFT',
  SENT = 'SENT',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  EXPIRED = 'EXPIRED',
}

/**
 * An offer to a customer. Editable while DRAFT; `send` freezes the priced document (price
 * versions, amounts, tax), and accepting it creates the subscription from those frozen lines.
 */
@Entity({ tableName: 'quote' })
@Index({ properties: ['customer', 'createdAt', 'id'] })
@Index({ properties: ['createdAt', 'id'] })
export class Quote {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** `Q-<year>-NNNNNN`, taken when the quote is created: gapless per calendar year (UTC). */
  @Property({ type: 'text', unique: true })
  number!: string;

  @ManyToOne(() => Customer, { fieldName: 'customer_id' })
  customer!: Rel<Customer>;

  @Enum({ items: () => QuoteStatus, nativeEnumName: 'quote_status' })
  status!: QuoteStatus;

  @Property({ type: 'string', length: 3 })
  currency!: string;

  @Property({ type: 'timestamptz', nullable: true })
  validUntil: Date | null = null;

  /** Options the subscription is created with on acceptance. */
  @Property({ type: 'integer', nullable: true })
  trialDays: number | null = null;

  @Enum({ items: () => CollectionMethod, nativeEnumName: 'collection_method', nullable: true })
  collectionMethod: CollectionMethod | null = null;

  /** The buyer's purchase order; accepting gives it to the subscription, whose invoices carry it. */
  @Property({ type: 'text', nullable: true })
  purchaseOrderNumber: string | null = null;

  @OneToMany(() => QuoteLine, (x) => x.quote, { orphanRemoval: true, orderBy: { position: 'asc' } })
  lines = new Collection<QuoteLine>(this);

  /** Frozen when sent; null while DRAFT. */
  @Property({ type: DecimalType, nullable: true })
  subtotal: Decimal | null = null;

  @Property({ type: DecimalType, nullable: true })
  tax: Decimal | null = null;

  @Property({ type: DecimalType, nullable: true })
  total: Decimal | null = null;

  @Property({ type: 'jsonb', nullable: true })
  notes: string[] | null = null;

  /** The coupon the quote offers (README, Coupons): redeemed when it is sent, given to the subscription accepting creates. */
  @ManyToOne(() => Coupon, { fieldName: 'coupon_id', nullable: true })
  coupon: Rel<Coupon> | null = null;

  /** When the coupon was chosen by a promotion code: that code's limits apply too. */
  @ManyToOne(() => PromotionCode, { fieldName: 'promotion_code_id', nullable: true })
  promotionCode: Rel<PromotionCode> | null = null;

  /** An amount-off coupon's line, frozen when sent (percent off shows in the lines' steps). */
  @Property({ type: DecimalType, nullable: true })
  discountAmount: Decimal | null = null;

  @Property({ type: DecimalType, nullable: true })
  discountTax: Decimal | null = null;

  @Property({ type: 'jsonb', nullable: true })
  discountSteps: string[] | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  sentAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  declinedAt: Date | null = null;

  /**
   * Beyond the quote policy when last evaluated (quote-approval.ts): on create and update, when
   * the policy changes while the quote is a DRAFT, and for good when it is sent.
   */
  @Property({ type: 'boolean' })
  requiresApproval: boolean & Opt = false;

  /**
   * The evaluation behind `requiresApproval`, kept exact so a new policy re-evaluates drafts
   * without pricing them again: the largest line discount as the pair (list − priced, list), and
   * the total. Null while the quote could not be priced.
   */
  @Property({ type: DecimalType, nullable: true })
  worstDiscount: Decimal | null = null;

  @Property({ type: DecimalType, nullable: true })
  worstDiscountBase: Decimal | null = null;

  @Property({ type: DecimalType, nullable: true })
  evaluatedTotal: Decimal | null = null;

  /** Who approved the quote as it stood, and when; cleared when a DRAFT's terms change. */
  @Property({ type: 'timestamptz', nullable: true })
  approvedAt: Date | null = null;

  /** Text, not uuid: CLI actors (the importer, the seed) have ids of their own. */
  @Property({ type: 'text', nullable: true })
  approvedByKeyId: string | null = null;

  @Property({ type: 'text', nullable: true })
  approvedByName: string | null = null;

  @Property({ type: 'text', nullable: true })
  approvedByRole: string | null = null;

  @Property({ type: 'text', nullable: true })
  approvalNote: string | null = null;

  @ManyToOne(() => Subscription, { fieldName: 'subscription_id', nullable: true })
  subscription: Rel<Subscription> | null = null;

  @Property({ type: 'integer', version: true })
  version!: number & Opt;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;
}
