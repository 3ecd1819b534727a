import { Entity, Index, ManyToOne, PrimaryKey, Property, Rel, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { DecimalType } from '../../db/decimal.type';
import type { Decimal } from '../../pricing/decimal';
import { CreditNote } from '../credit-notes/credit-note.entity';
import { Customer } from '../customers/customer.entity';
import { Invoice } from '../invoices/invoice.entity';
import { PaymentAttempt } from '../payments/payment-attempt.entity';

/** PROVIDER: the card's gateway paid it back. CREDIT_TRANSFER: a pain.001 file for the seller's bank pays it back. */
export type RefundMethod = 'PROVIDER' | 'CREDIT_TRANSFER';

/**
 * Money given back on a payment: the credit note that lowers the invoice by the amount, and the
 * negative payment (a REFUND payment attempt) that lowers what was paid, so the invoice's
 * balance is unchanged and both documents explain it.
 */
@Entity({ tableName: 'refund' })
@Unique({ properties: ['refundPayment'] })
@Index({ properties: ['payment'] })
@Index({ properties: ['customer', 'createdAt', 'id'] })
export class Refund {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The payment refunded (a succeeded CHARGE, MANUAL or DIRECT_DEBIT attempt). */
  @ManyToOne(() => PaymentAttempt, { fieldName: 'payment_id' })
  payment!: Rel<PaymentAttempt>;

  /** The negative payment recording it. */
  @ManyToOne(() => PaymentAttempt, { fieldName: 'refund_payment_id' })
  refundPayment!: Rel<PaymentAttempt>;

  @ManyToOne(() => Invoice, { fieldName: 'invoice_id' })
  invoice!: Rel<Invoice>;

  @ManyToOne(() => Customer, { fieldName: 'customer_id' })
  customer!: Rel<Customer>;

  @ManyToOne(() => CreditNote, { fieldName: 'credit_note_id' })
  creditNote!: Rel<CreditNote>;

  /** Positive: what is given back. */
  @Property({ type: DecimalType })
  amount!: Decimal;

  @Property({ type: 'string', length: 3 })
  currency!: string;

  @Property({ type: 'text', nullable: true })
  reason: string | null = null;

  @Property({ type: 'text' })
  method!: RefundMethod;

  /** The gateway's refund id (PROVIDER), or the pain.001 message id (CREDIT_TRANSFER). */
  @Property({ type: 'text', nullable: true })
  providerReference: string | null = null;

  /** CREDIT_TRANSFER: the pain.001.001.03 file, kept as it was given. */
  @Property({ type: 'text', nullable: true, lazy: true })
  xml: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  createdByKeyId: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}
