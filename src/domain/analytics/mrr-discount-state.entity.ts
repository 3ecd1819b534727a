import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The revenue projection's own view of the discounts that can move MRR (README, Coupons): each
 * redemption as its coupon events described it, so that replaying the outbox never reads
 * today's coupon rows to price yesterday. Rebuilt with the ledger, written by nothing else.
 */
@Entity({ tableName: 'mrr_discount_state' })
export class MrrDiscountState {
  /** The redemption's id. */
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid', index: true })
  customerId!: string;

  /** null: the customer's discount, for every one of its subscriptions. */
  @Property({ type: 'uuid', nullable: true })
  subscriptionId!: string | null;

  /** The coupon's terms and the discount's start and end, as discount-state.ts writes them. */
  @Property({ type: 'jsonb' })
  terms!: Record<string, unknown>;
}
