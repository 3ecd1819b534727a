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

  /** The payload of the discount's latest coupon event (coupon-events.ts reads it back). */
  @Property({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  /** When it ended: removed (as its event says), or replaced by a later discount of its target. */
  @Property({ type: 'timestamptz', nullable: true })
  endedAt!: Date | null;
}
