import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BankEntryStatus } from '../../domain/bank-statements/bank-entry.entity';
import { BankStatementFormat } from '../../domain/bank-statements/bank-statement-format';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { CurrencyScalar } from '../scalars/standard';

registerEnumType(BankStatementFormat, {
  name: 'BankStatementFormat',
  description: 'CAMT053: ISO 20022 camt.053 (.001.02 or .001.08); MT940: SWIFT',
});
registerEnumType(BankEntryStatus, { name: 'BankEntryStatus' });

@InputType()
export class ImportBankStatementInput {
  @Field(() => BankStatementFormat)
  format!: BankStatementFormat;

  @Field({ description: 'The statement file as text (XML for camt.053)' })
  content!: string;
}

@ObjectType('BankEntry', { description: 'One booked line of a bank statement' })
export class BankEntryType {
  @Field(() => ID)
  id!: string;

  @Field(() => DecimalScalar, { description: 'Positive; `credit` tells the direction' })
  amount!: string;

  @Field(() => CurrencyScalar)
  currency!: string;

  @Field({ description: 'Money received (only credits pay invoices)' })
  credit!: boolean;

  @Field(() => Date, { nullable: true })
  bookingDate!: Date | null;

  @Field(() => String, { nullable: true })
  debtorName!: string | null;

  @Field(() => String, { nullable: true })
  debtorIban!: string | null;

  @Field({ description: 'The unstructured remittance information, lines joined by a space' })
  remittanceInformation!: string;

  @Field(() => String, { nullable: true, description: 'The structured creditor reference the payer gave, as given' })
  reference!: string | null;

  @Field(() => BankEntryStatus)
  status!: BankEntryStatus;

  @Field(() => ID, { nullable: true, description: 'Whose money it was, once matched or assigned' })
  customerId!: string | null;
}

@ObjectType('BankStatementImport')
export class BankStatementImportType {
  @Field(() => ID)
  id!: string;

  @Field({ description: "The bank's statement id, prefixed by the account" })
  statementId!: string;

  @Field(() => Int, { description: 'Entries of the statement, debits included' })
  entries!: number;

  @Field(() => Int, { description: 'Entries placed on invoices or a credit balance, at import or by assignBankEntry' })
  matched!: number;

  @Field(() => [BankEntryType], { description: 'Credits still waiting for a person (assignBankEntry)' })
  unmatched!: BankEntryType[];
}
