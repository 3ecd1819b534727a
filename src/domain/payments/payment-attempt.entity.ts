import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Rel, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { DecimalType } from '../../db/decimal.type';
import type { Decimal } from '../../pricing/decimal';
import { Customer } from '../customers/customer.entity';
import { Invoice } from '../invoices/invoice.entity';
import { PaymentMethod } from './payment-method.entity';

/**
 * CHARGE: a provider was (or is being) asked for money. REMINDER: an overdue SEND_INVOICE
 * invoice's dunning step, where a reminder replaces the charge. MANUAL: a payment recorded by
 * hand (a bank transfer reconciled with recordPayment). DIRECT_DEBIT: a SEPA collection of a
 * direct-debit batch (pending until settled or returned). REFUND: money given back, a negative
 * amount (refunds/).
 */
export enum PaymentAttemptKind {
  CHARGE = 'CHARGE',
  REMINDER = 'REMINDER',
  MANUAL = 'MANUAL',
  DIRECT_DEBIT = 'DIRECT_DEBIT',
  REFUND = 'REFUND',
}

/** Lower case, as Stripe names payment outcomes. */
export type PaymentOutcome = 'pending' | 'succeeded' | 'failed' | 'reminder_sent';

/**
 * One try at collecting an invoice, kept forever. A dunning step is at most one attempt
 * (unique invoice and step), and a CHARGE carries the idempotency key the provider sees, so a
 * charge retried after a crash between the provider's answer and our commit is the same charge.
 */
@Entity({ tableName: 'payment_attempt' })
@Unique({ properties: ['invoice', 'step'] })
@Unique({ properties: ['idempotencyKey'] })
@Index({ properties: ['customer', 'at', 'id'] })
@Index({
  name: 'payment_attempt_manual_reference_unique',
  expression:
    'create unique index "payment_attempt_manual_reference_unique" on "payment_attempt" ("invoice_id", "provider_reference") where "kind" = \'MANUAL\'',
})
// An invoice is in at most one direct-debit collection at a time: the database says so, not a check
// before the insert. Direct debits are the only pending attempts without a dunning step (the
// predicate cannot name the enum value: PostgreSQL refuses a value in the transaction that adds it).
@Index({
  name: 'payment_attempt_direct_debit_pending_unique',
  expression:
    'create unique index "payment_attempt_direct_debit_pending_unique" on "payment_attempt" ("invoice_id") where "outcome" = \'pending\' and "step" is null',
})
export class PaymentAttempt {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Invoice, { fieldName: 'invoice_id' })
  invoice!: Rel<Invoice>;

  @ManyToOne(() => Customer, { fieldName: 'customer_id' })
  customer!: Rel<Customer>;

  @Enum({ items: () => PaymentAttemptKind, nativeEnumName: 'payment_attempt_kind' })
  kind!: PaymentAttemptKind;

  /** The dunning step: 0 the first try, n the n-th retry. Null for MANUAL payments. */
  @Property({ type: 'integer', nullable: true })
  step: number | null = null;

  /** CHARGE only: `<invoice id>:<step>`, sent to the provider. */
  @Property({ type: 'text', nullable: true })
  idempotencyKey: string | null = null;

  @ManyToOne(() => PaymentMethod, { fieldName: 'payment_method_id', nullable: true })
  paymentMethod: Rel<PaymentMethod> | null = null;

  @Property({ type: 'text', nullable: true })
  provider: string | null = null;

  @Property({ type: DecimalType })
  amount!: Decimal;

  @Property({ type: 'string', length: 3 })
  currency!: string;

  @Property({ type: 'text' })
  outcome!: PaymentOutcome;

  /** The provider's charge id, or the bank reference of a MANUAL payment. */
  @Property({ type: 'text', nullable: true })
  providerReference: string | null = null;

  @Property({ type: 'text', nullable: true })
  error: string | null = null;

  /** The key that recorded it (MANUAL), or null for the dunning job. */
  @Property({ type: 'uuid', nullable: true })
  actorKeyId: string | null = null;

  @Property({ type: 'timestamptz' })
  at!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  settledAt: Date | null = null;
}
