import { Entity, Index, ManyToOne, PrimaryKey, Property, Rel } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { DecimalType } from '../../db/decimal.type';
import type { Decimal } from '../../pricing/decimal';
import { Customer } from '../customers/customer.entity';

/**
 * One movement of a customer's credit balance, in the customer's currency: + what a payment
 * brought beyond its invoices (an overpayment, an entry assigned to the balance), − what an
 * invoice took at finalization. The balance is their sum; the rows say where every cent came from.
 */
@Entity({ tableName: 'credit_balance_entry' })
@Index({ properties: ['customer', 'at'] })
export class CreditBalanceEntry {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Customer, { fieldName: 'customer_id' })
  customer!: Rel<Customer>;

  @Property({ type: DecimalType })
  amount!: Decimal;

  @Property({ type: 'string', length: 3 })
  currency!: string;

  /** `overpayment`, `assigned` or `applied`. */
  @Property({ type: 'text' })
  reason!: string;

  @Property({ type: 'uuid', nullable: true })
  bankEntryId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  invoiceId: string | null = null;

  @Property({ type: 'timestamptz' })
  at!: Date;
}
