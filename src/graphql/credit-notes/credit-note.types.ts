import { ArgsType, Field, ID, InputType, ObjectType } from 'type-graphql';
import type { Decimal } from '../../pricing/decimal';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { CurrencyScalar } from '../scalars/standard';
import { Connection } from '../shared/connection';
import { CustomerPageArgs } from '../shared/page-args';

@ObjectType('CreditNoteLine', { description: 'What a credit note gives back of one invoice line' })
export class CreditNoteLineType {
  @Field(() => ID)
  invoiceLineId!: string;

  @Field()
  description!: string;

  @Field(() => DecimalScalar, { description: 'Credited, before tax; positive' })
  amount!: string;

  @Field(() => DecimalScalar)
  tax!: string;
}

/** A credit note as clients see it, amounts at the currency's scale. */
@ObjectType('CreditNote', {
  description: 'A correction of a finalized invoice: gives back part or all of it, numbered CN-<year>-<6 digits>',
})
export class CreditNoteType {
  @Field(() => ID)
  id!: string;

  @Field()
  number!: string;

  invoiceId!: string;

  customerId!: string;

  @Field(() => CurrencyScalar)
  currency!: string;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => DecimalScalar)
  subtotal!: string;

  @Field(() => DecimalScalar)
  tax!: string;

  @Field(() => DecimalScalar, { description: 'subtotal + tax: what the invoice’s amountCredited grew by' })
  total!: string;

  @Field()
  createdAt!: Date;

  @Field(() => [CreditNoteLineType])
  lines!: CreditNoteLineType[];
}

export const CreditNoteConnection = Connection('CreditNote', CreditNoteType);

@InputType('CreditNoteLineInput')
export class CreditNoteLineInput {
  @Field(() => ID, { description: 'InvoiceLine.id; a line with a positive amount' })
  invoiceLineId!: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Before tax, in the currency’s minor unit; default: all that is left of the line',
  })
  amount?: Decimal | null;
}

@InputType('CreateCreditNoteInput')
export class CreateCreditNoteInput {
  @Field(() => ID)
  invoiceId!: string;

  @Field(() => [CreditNoteLineInput], { nullable: true, description: 'None or empty: everything still creditable (a full credit note)' })
  lines?: CreditNoteLineInput[] | null;

  @Field(() => String, { nullable: true })
  reason?: string | null;
}

@ArgsType()
export class CreditNotesArgs extends CustomerPageArgs {
  @Field(() => ID, { nullable: true })
  invoiceId?: string;
}
