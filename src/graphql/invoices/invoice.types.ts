import { ArgsType, Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { InvoiceLineKind } from '../../domain/invoices/invoice-line.entity';
import { InvoiceStatus } from '../../domain/invoices/invoice.entity';
import { CollectionMethod } from '../../domain/subscriptions/subscription.entity';
import { CurrencyScalar } from '../scalars/standard';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { Connection } from '../shared/connection';
import { CustomerPageArgs } from '../shared/page-args';

registerEnumType(InvoiceStatus, { name: 'InvoiceStatus' });
registerEnumType(InvoiceLineKind, { name: 'InvoiceLineKind' });

@ObjectType('InvoiceLine')
export class InvoiceLineType {
  @Field(() => ID, { description: 'What createCreditNote names to credit this line' })
  id!: string;

  @Field(() => InvoiceLineKind)
  kind!: InvoiceLineKind;

  @Field()
  description!: string;

  @Field(() => String, { nullable: true })
  priceCode!: string | null;

  @Field(() => DecimalScalar)
  quantity!: string;

  @Field(() => DecimalScalar, { description: 'Rounded once; negative for credits' })
  amount!: string;

  @Field(() => DecimalScalar)
  tax!: string;

  @Field(() => Date, { nullable: true })
  periodStart!: Date | null;

  @Field(() => Date, { nullable: true })
  periodEnd!: Date | null;

  @Field()
  proration!: boolean;

  @Field(() => [String], { description: 'Why this amount: the pricing steps' })
  steps!: string[];

  @Field(() => String, {
    nullable: true,
    description: "The purchase order of the subscription it bills: the invoice's, or on a consolidated invoice its own subscription's",
  })
  purchaseOrderNumber!: string | null;
  @Field(() => ID, {
    description: "Who consumed it: the invoice's customer, or on a company group's consolidated invoice the member it is for",
  })
  customerId!: string;

  @Field(() => ID, { nullable: true, description: 'On a consolidated invoice: the subscription it bills' })
  subscriptionId!: string | null;

  @Field(() => ID, { nullable: true, description: "On a consolidated invoice: the consumer's location the subscription is for, if any" })
  locationId!: string | null;
}

/** An invoice as clients see it, stored or (for upcomingInvoice) not yet. Amounts at the currency's scale. */
@Directive('@key(fields: "id")')
@ObjectType('Invoice')
export class InvoiceType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: 'Given at finalization; DRAFT invoices have none' })
  number!: string | null;

  @Field(() => InvoiceStatus)
  status!: InvoiceStatus;

  @Field(() => CurrencyScalar)
  currency!: string;

  customerId!: string;

  subscriptionId!: string | null;

  @Field(() => String, { nullable: true, description: 'The purchase order of what it bills, as it was when issued; printed on it' })
  purchaseOrderNumber!: string | null;

  @Field(() => Date, { nullable: true })
  periodStart!: Date | null;

  @Field(() => Date, { nullable: true })
  periodEnd!: Date | null;

  @Field(() => DecimalScalar)
  subtotal!: string;

  @Field(() => DecimalScalar)
  tax!: string;

  @Field(() => DecimalScalar)
  total!: string;

  @Field(() => DecimalScalar, { description: 'What is still owed: the total less credit notes (and payments), never below 0' })
  amountDue!: string;

  @Field(() => DecimalScalar, { description: 'What credit notes gave back, tax included' })
  amountCredited!: string;

  @Field(() => Date, { nullable: true })
  voidedAt!: Date | null;

  @Field(() => [InvoiceLineType])
  lines!: InvoiceLineType[];

  @Field(() => [String], { description: 'Legal mentions, e.g. reverse charge' })
  notes!: string[];

  @Field(() => Date, { nullable: true, description: 'When it was made; null for an upcoming invoice, which is not stored' })
  createdAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was numbered and became OPEN; null while DRAFT' })
  finalizedAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description:
      "Finalization + the customer's payment terms (paymentTermsDays, paymentTermsEndOfMonth), however it is collected: a card is still charged at finalization, a sent invoice (SEND_INVOICE, bank transfer) is chased from then; null while DRAFT",
  })
  dueAt!: Date | null;

  @Field(() => DecimalScalar, { description: 'What payments collected (charges and recorded payments)' })
  amountPaid!: string;

  @Field(() => DecimalScalar, { description: 'amountDue − amountPaid: what is still to be paid' })
  amountRemaining!: string;

  @Field(() => Date, { nullable: true })
  paidAt!: Date | null;

  @Field(() => CollectionMethod, {
    nullable: true,
    description: 'How it is collected, fixed at finalization: charged, or sent and due after terms; null while DRAFT',
  })
  collectionMethod!: CollectionMethod | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When collection acts next: a charge, a dunning retry, a reminder or the final action; null when nothing is scheduled',
  })
  nextPaymentAttemptAt!: Date | null;
}

export const InvoiceConnection = Connection('Invoice', InvoiceType);

@ArgsType()
export class InvoicesArgs extends CustomerPageArgs {
  @Field(() => InvoiceStatus, { nullable: true })
  status?: InvoiceStatus;
}
