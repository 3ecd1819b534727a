import { Entity, Index, ManyToOne, Opt, PrimaryKey, Property, Rel, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Customer } from '../customers/customer.entity';
import { Coupon } from './coupon.entity';

/**
 * A customer-facing code for a coupon, with limits of its own on top of the coupon's. Stored
 * upper-cased: customers type codes in any case.
 */
@Entity({ tableName: 'promotion_code' })
@Unique({ properties: ['code'] })
@Index({ properties: ['coupon'] })
export class PromotionCode {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  code!: string;

  @ManyToOne(() => Coupon, { fieldName: 'coupon_id' })
  coupon!: Rel<Coupon>;

  /** Set: only this customer may redeem it. */
  @ManyToOne(() => Customer, { fieldName: 'customer_id', nullable: true })
  customer: Rel<Customer> | null = null;

  @Property({ type: 'integer', nullable: true })
  maxRedemptions: number | null = null;

  @Property({ type: 'integer' })
  timesRedeemed: number & Opt = 0;

  @Property({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null = null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}
