import { Entity, Index, ManyToOne, Opt, PrimaryKey, Property, Rel } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Customer } from '../customers/customer.entity';

/**
 * A way a customer pays, as its provider knows it: `token` is the provider's reference (a
 * gateway's payment-method id, a sandbox test token), never card data. One per customer is the
 * default; charges use it. Detached methods are kept so that past attempts still name them.
 */
@Entity({ tableName: 'payment_method' })
@Index({ properties: ['customer', 'createdAt', 'id'] })
@Index({
  name: 'payment_method_default_unique',
  expression:
    'create unique index "payment_method_default_unique" on "payment_method" ("customer_id") where "is_default" and "detached_at" is null',
})
// Lifecycle signals look for methods about to expire.
@Index({
  name: 'payment_method_expires_at_index',
  expression:
    'create index "payment_method_expires_at_index" on "payment_method" ("expires_at") where "expires_at" is not null and "detached_at" is null',
})
export class PaymentMethod {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Customer, { fieldName: 'customer_id' })
  customer!: Rel<Customer>;

  @Property({ type: 'text' })
  provider!: string;

  @Property({ type: 'text', hidden: true })
  token!: string;

  /** What people see, e.g. "Sandbox card (declines)" or "Bank transfer". */
  @Property({ type: 'text' })
  label!: string;

  @Property({ type: 'boolean' })
  isDefault: boolean & Opt = false;

  /** The key that attached it: a seller's key or the customer's own (self-service). */
  @Property({ type: 'uuid', nullable: true })
  attachedByKeyId: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  detachedAt: Date | null = null;

  /** When the card (or mandate) stops working, if the provider says: `payment_method.expiring` comes 30 days before. */
  @Property({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null = null;
}
