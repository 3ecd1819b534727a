import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DecimalScalar } from '../scalars/decimal.scalar';

export enum JournalSourceTypeEnum {
  INVOICE = 'INVOICE',
  INVOICE_VOID = 'INVOICE_VOID',
  CREDIT_NOTE = 'CREDIT_NOTE',
  PAYMENT = 'PAYMENT',
  PAYMENT_RETURN = 'PAYMENT_RETURN',
  REFUND = 'REFUND',
  CREDIT_BALANCE = 'CREDIT_BALANCE',
  WRITE_OFF = 'WRITE_OFF',
  WRITE_OFF_RECOVERY = 'WRITE_OFF_RECOVERY',
  RECOGNITION = 'RECOGNITION',
}
registerEnumType(JournalSourceTypeEnum, {
  name: 'JournalSourceType',
  description: 'The kind of stored document a journal entry comes from',
});

@ObjectType('LedgerAccount', { description: "An account of the seller's chart (SellerSettings.chartOfAccounts)" })
export class LedgerAccountType {
  @Field({ description: 'The ERP account number' })
  number!: string;

  @Field({ description: "Hierarchical with ':' (hledger's account name)" })
  name!: string;
}

@ObjectType('ChartOfAccounts', { description: 'The accounts the general ledger posts to (docs/general-ledger.md)' })
export class ChartOfAccountsType {
  @Field(() => LedgerAccountType, { description: 'Money received (bank transfers, card payouts, direct debits)' })
  bank!: LedgerAccountType;

  @Field(() => LedgerAccountType, { description: 'What invoices ask customers to pay' })
  receivables!: LedgerAccountType;

  @Field(() => LedgerAccountType, { description: "Customers' credit balances (overpayments, prepayments)" })
  customerCredit!: LedgerAccountType;

  @Field(() => LedgerAccountType, { description: 'Refunds paid back by a credit transfer file, until the bank executes it' })
  refundsClearing!: LedgerAccountType;

  @Field(() => LedgerAccountType, { description: 'VAT charged on invoices' })
  vatPayable!: LedgerAccountType;

  @Field(() => LedgerAccountType, { description: 'Invoiced service not yet earned' })
  deferredRevenue!: LedgerAccountType;

  @Field(() => LedgerAccountType, { description: 'Earned revenue' })
  revenue!: LedgerAccountType;

  @Field(() => LedgerAccountType, { description: 'Invoices written off (marked uncollectible)' })
  badDebt!: LedgerAccountType;
}

@ObjectType('JournalSource')
export class JournalSourceType {
  @Field(() => JournalSourceTypeEnum)
  type!: JournalSourceTypeEnum;

  @Field(() => ID, {
    nullable: true,
    description: 'The document (invoice, credit note, payment, credit balance movement); null for RECOGNITION',
  })
  id!: string | null;

  @Field(() => String, { nullable: true, description: 'The invoice or credit note number it concerns' })
  number!: string | null;
}

@ObjectType('Posting', { description: 'One side of an entry' })
export class PostingType {
  @Field(() => LedgerAccountType)
  account!: LedgerAccountType;

  @Field(() => DecimalScalar, { description: 'Signed: debit positive, credit negative' })
  amount!: string;

  @Field(() => DecimalScalar, { description: 'The amount when a debit, else 0' })
  debit!: string;

  @Field(() => DecimalScalar, { description: 'The amount when a credit (positive), else 0' })
  credit!: string;

  @Field()
  currency!: string;
}

@ObjectType('JournalEntry', { description: 'A double-entry journal entry; its postings add up to zero' })
export class JournalEntryType {
  @Field(() => ID, { description: 'Stable: the same document gives the same id in every export' })
  id!: string;

  @Field(() => Date)
  date!: Date;

  @Field()
  description!: string;

  @Field()
  currency!: string;

  @Field(() => JournalSourceType)
  source!: JournalSourceType;

  @Field(() => [PostingType])
  postings!: PostingType[];
}

@ObjectType('AgedReceivablesRow', { description: 'Open amounts by days past their due date, in one currency' })
export class AgedReceivablesRowType {
  @Field(() => ID, { nullable: true, description: "Null on a currency's total" })
  customerId!: string | null;

  @Field(() => String, { nullable: true })
  customerName!: string | null;

  @Field()
  currency!: string;

  @Field(() => DecimalScalar, { description: 'Not yet due' })
  current!: string;

  @Field(() => DecimalScalar)
  days1To30!: string;

  @Field(() => DecimalScalar)
  days31To60!: string;

  @Field(() => DecimalScalar)
  days61To90!: string;

  @Field(() => DecimalScalar, { description: 'More than 90 days past due' })
  days90Plus!: string;

  @Field(() => DecimalScalar)
  total!: string;
}

@ObjectType('AgedReceivables')
export class AgedReceivablesType {
  @Field(() => Date)
  asOf!: Date;

  @Field(() => [AgedReceivablesRowType], { description: 'Per customer and currency' })
  customers!: AgedReceivablesRowType[];

  @Field(() => [AgedReceivablesRowType], { description: 'Per currency' })
  totals!: AgedReceivablesRowType[];
}
