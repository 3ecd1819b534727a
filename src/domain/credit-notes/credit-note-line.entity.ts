import { Entity, Index, ManyToOne, PrimaryKey, Property, Rel } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { DecimalType } from '../../db/decimal.type';
import type { Decimal } from '../../pricing/decimal';
import { Customer } from '../customers/customer.entity';
import type { VatCategory } from '../customers/customer-tax';
import { InvoiceLine } from '../invoices/invoice-line.entity';
import { CreditNote } from './credit-note.entity';

/** The part of one invoice line a credit note gives back: amount before tax, and its tax. */
@Entity({ tableName: 'credit_note_line' })
@Index({ properties: ['creditNote'] })
@Index({ properties: ['invoiceLine'] })
export class CreditNoteLine {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => CreditNote, { fieldName: 'credit_note_id', deleteRule: 'cascade' })
  creditNote!: Rel<CreditNote>;

  @ManyToOne(() => Customer, { fieldName: 'customer_id' })
  customer!: Rel<Customer>;

  @ManyToOne(() => InvoiceLine, { fieldName: 'invoice_line_id' })
  invoiceLine!: Rel<InvoiceLine>;

  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'text' })
  description!: string;

  /** Positive: the amount credited, before tax. */
  @Property({ type: DecimalType })
  amount!: Decimal;

  @Property({ type: DecimalType })
  tax!: Decimal;

  /** Its invoice line's VAT category and rate, copied when the note is made (null where the line has none). */
  @Property({ type: 'text', nullable: true })
  taxCategory: VatCategory | null = null;

  @Property({ type: DecimalType, nullable: true })
  taxRate: Decimal | null = null;
}
