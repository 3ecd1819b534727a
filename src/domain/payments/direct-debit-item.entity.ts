import { Entity, Index, ManyToOne, PrimaryKey, Property, Rel, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { DecimalType } from '../../db/decimal.type';
import type { Decimal } from '../../pricing/decimal';
import { Invoice } from '../invoices/invoice.entity';
import { DirectDebitBatch } from './direct-debit-batch.entity';
import { PaymentAttempt } from './payment-attempt.entity';
import { PaymentMethod } from './payment-method.entity';
import type { SepaSequence } from './sepa-mandate.entity';

/** One collection of a batch: an invoice's remaining amount under its customer's mandate, and the payment that tracks it. */
@Entity({ tableName: 'direct_debit_item' })
@Unique({ properties: ['paymentAttempt'] })
@Index({ properties: ['batch', 'position'] })
@Index({ properties: ['invoice'] })
export class DirectDebitItem {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => DirectDebitBatch, { fieldName: 'batch_id' })
  batch!: Rel<DirectDebitBatch>;

  @ManyToOne(() => Invoice, { fieldName: 'invoice_id' })
  invoice!: Rel<Invoice>;

  /** The DIRECT_DEBIT payment: pending while in collection, succeeded once settled, failed when returned. */
  @ManyToOne(() => PaymentAttempt, { fieldName: 'payment_attempt_id' })
  paymentAttempt!: Rel<PaymentAttempt>;

  @ManyToOne(() => PaymentMethod, { fieldName: 'payment_method_id' })
  paymentMethod!: Rel<PaymentMethod>;

  @Property({ type: 'text' })
  sequence!: SepaSequence;

  @Property({ type: DecimalType })
  amount!: Decimal;

  /** The invoice number: the bank quotes it back on a return. */
  @Property({ type: 'text' })
  endToEndId!: string;

  @Property({ type: 'integer' })
  position!: number;
}
