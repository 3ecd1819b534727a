import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Rel, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { DecimalType } from '../../db/decimal.type';
import type { Decimal } from '../../pricing/decimal';
import { Customer } from '../customers/customer.entity';
import { BankStatement } from './bank-statement.entity';

/**
 * MATCHED: paid invoices (and any excess went to the customer's credit balance) at import.
 * UNMATCHED: a credit nobody could place yet; ASSIGNED: placed by a person (assignBankEntry).
 * IGNORED: a debit or a reversal, which pays nothing.
 */
export enum BankEntryStatus {
  MATCHED = 'MATCHED',
  UNMATCHED = 'UNMATCHED',
  ASSIGNED = 'ASSIGNED',
  IGNORED = 'IGNORED',
}

/**
 * One line of a statement, kept forever. `entryKey` (statement id + the bank's entry reference)
 * is unique: an entry is stored, and so pays, once however often its statement is imported.
 */
@Entity({ tableName: 'bank_entry' })
@Unique({ properties: ['entryKey'] })
@Index({ properties: ['statement', 'position'] })
@Index({
  name: 'bank_entry_unmatched_index',
  expression: `create index "bank_entry_unmatched_index" on "bank_entry" ("created_at") where "status" = 'UNMATCHED'`,
})
export class BankEntry {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => BankStatement, { fieldName: 'statement_id' })
  statement!: Rel<BankStatement>;

  @Property({ type: 'text' })
  entryKey!: string;

  /** Its place in the statement, for reading it back in order. */
  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: DecimalType })
  amount!: Decimal;

  @Property({ type: 'string', length: 3 })
  currency!: string;

  @Property({ type: 'boolean' })
  credit!: boolean;

  @Property({ type: 'timestamptz', nullable: true })
  bookingDate: Date | null = null;

  @Property({ type: 'text', nullable: true })
  debtorName: string | null = null;

  @Property({ type: 'text', nullable: true })
  debtorIban: string | null = null;

  @Property({ type: 'text' })
  remittance!: string;

  @Property({ type: 'text', nullable: true })
  reference: string | null = null;

  @Enum({ items: () => BankEntryStatus, nativeEnumName: 'bank_entry_status' })
  status!: BankEntryStatus;

  /** Whose money it was, once known (matched or assigned). */
  @ManyToOne(() => Customer, { fieldName: 'customer_id', nullable: true })
  customer: Rel<Customer> | null = null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}
