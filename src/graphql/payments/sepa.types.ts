import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { Decimal } from '../../pricing/decimal';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { CurrencyScalar } from '../scalars/standard';

@InputType()
export class SepaMandateInput {
  @Field({ description: "The debtor's IBAN: spaces and case ignored, country format and check digits verified (ibantools)" })
  iban!: string;

  @Field(() => String, { nullable: true, description: "The debtor's bank (8 or 11 characters); optional within SEPA" })
  bic?: string | null;

  @Field({ description: 'The account holder as the mandate names them (at most 70 characters)' })
  accountHolder!: string;

  @Field({ description: 'When the debtor signed the mandate (not in the future)' })
  signatureDate!: Date;

  @Field(() => String, {
    nullable: true,
    description: 'FRST (default) for a mandate never collected; RCUR for one already collected under',
  })
  sequence?: 'FRST' | 'RCUR' | null;
}

@ObjectType('SepaMandate')
export class SepaMandateType {
  @Field({ description: 'Unique per seller; also the payment method token' })
  mandateId!: string;

  @Field({ description: 'Masked: only the last 4 characters are shown' })
  iban!: string;

  @Field(() => String, { nullable: true })
  bic!: string | null;

  @Field()
  accountHolder!: string;

  @Field()
  signatureDate!: Date;

  @Field({ description: 'FRST until a collection under the mandate was presented, then RCUR' })
  sequence!: string;
}

@ObjectType('DirectDebitBatch')
export class DirectDebitBatchType {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'The MsgId of the pain.008 file' })
  messageId!: string;

  @Field({ description: 'The requested collection date (midnight UTC)' })
  collectionDate!: Date;

  @Field(() => Int)
  count!: number;

  @Field(() => DecimalScalar)
  total!: string;

  @Field(() => CurrencyScalar)
  currency!: string;

  @Field({ description: 'The pain.008.001.02 file, as given to the bank' })
  xml!: string;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  settledAt!: Date | null;
}

@ObjectType('Refund')
export class RefundType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The payment refunded' })
  paymentId!: string;

  @Field(() => ID, { description: 'The negative payment (kind REFUND) that records it' })
  refundPaymentId!: string;

  @Field(() => ID)
  invoiceId!: string;

  @Field(() => ID, { description: 'The credit note for the amount' })
  creditNoteId!: string;

  @Field(() => DecimalScalar)
  amount!: string;

  @Field(() => CurrencyScalar)
  currency!: string;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field({ description: "PROVIDER (the card's gateway paid it back) or CREDIT_TRANSFER (the xml file pays it back)" })
  method!: string;

  @Field(() => String, { nullable: true, description: "The gateway's refund id, or the pain.001 message id" })
  providerReference!: string | null;

  @Field(() => String, { nullable: true, description: 'CREDIT_TRANSFER: the pain.001.001.03 file for the seller’s bank' })
  xml!: string | null;

  @Field()
  createdAt!: Date;
}

@InputType()
export class RefundPaymentInput {
  @Field(() => ID)
  paymentId!: string;

  @Field(() => DecimalScalar, { description: 'With tax; at most what is left of the payment after earlier refunds' })
  amount!: Decimal;

  @Field(() => String, { nullable: true })
  reason?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "A bank payment's refund goes to this IBAN (default: the customer's SEPA mandate's)",
  })
  iban?: string | null;

  @Field(() => String, { nullable: true })
  bic?: string | null;

  @Field(() => String, { nullable: true, description: 'The name of the account given by iban' })
  accountHolder?: string | null;
}
