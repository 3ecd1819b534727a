import { Collection, Entity, Index, ManyToOne, OneToMany, PrimaryKey, Property, Rel, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { DecimalType } from '../../db/decimal.type';
import type { Decimal } from '../../pricing/decimal';
import { Customer } from '../customers/customer.entity';
import { Invoice } from '../invoices/invoice.entity';
import { CreditNoteLine } from './credit-note-line.entity';

/**
 * A correction of a finalized invoice, which is never edited: issued numbered (CN-YYYY-NNNNNN,
 * gapless like invoices) in the transaction that lowers the invoice's amount due.
 */
@Entity({ tableName: 'credit_note' })
@Unique({ properties: ['number'] })
@Index({ properties: ['invoice'] })
@Index({ properties: ['customer', 'createdAt', 'id'] })
export class CreditNote {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Customer, { fieldName: 'customer_id' })
  customer!: Rel<Customer>;

  @ManyToOne(() => Invoice, { fieldName: 'invoice_id' })
  invoice!: Rel<Invoice>;

  @Property({ type: 'text' })
  number!: string;

  @Property({ type: 'string', length: 3 })
  currency!: string;

  @Property({ type: 'text', nullable: true })
  reason: string | null = null;

  @Property({ type: DecimalType })
  subtotal!: Decimal;

  @Property({ type: DecimalType })
  tax!: Decimal;

  @Property({ type: DecimalType })
  total!: Decimal;

  @OneToMany(() => CreditNoteLine, (x) => x.creditNote, { orderBy: { position: 'asc' } })
  lines = new Collection<CreditNoteLine>(this);

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}
