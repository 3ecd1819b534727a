import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { QuoteStatus } from '../../domain/quotes/quote.entity';
import { CollectionMethod } from '../../domain/subscriptions/subscription.entity';
import type { Decimal } from '../../pricing/decimal';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { CurrencyScalar } from '../scalars/standard';
import { Connection } from '../shared/connection';
import { QuoteLineInput } from './quote-preview.types';

registerEnumType(QuoteStatus, {
  name: 'QuoteStatus',
  description: 'EXPIRED: a DRAFT or SENT quote whose validUntil has passed',
});

@ObjectType('QuoteLine', { description: 'Priced and frozen when the quote is sent; the priced fields are null while DRAFT' })
export class QuoteLineType {
  @Field()
  priceCode!: string;

  @Field(() => DecimalScalar)
  quantity!: Decimal;

  @Field(() => Int, { nullable: true, description: 'The price version the line was priced at, and the one accepting subscribes to' })
  priceVersion!: number | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Rounded once, to the currency minor unit' })
  amount!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  tax!: string | null;

  @Field(() => [String], { nullable: true, description: 'The arithmetic, step by step' })
  steps!: string[] | null;
}

/** status, customer, lines, the amounts and subscription are resolved in quote.resolver.ts. */
@Directive('@key(fields: "id")')
@ObjectType('Quote', { description: 'An offer to a customer; accepting a SENT quote creates its subscription' })
export class QuoteType {
  @Field(() => ID)
  id!: string;

  @Field(() => CurrencyScalar)
  currency!: string;

  @Field(() => Date, { nullable: true, description: 'After it, the quote is EXPIRED; null: it does not expire' })
  validUntil!: Date | null;

  @Field(() => Int, { description: 'The trial the subscription starts with' })
  trialDays!: number;

  @Field(() => CollectionMethod, { name: 'collection' })
  collectionMethod!: CollectionMethod;

  @Field(() => String, { nullable: true, description: 'The buyer’s purchase order; accepting gives it to the subscription' })
  purchaseOrderNumber!: string | null;

  @Field(() => [String], { nullable: true, description: 'Legal mentions, e.g. reverse charge; null while DRAFT' })
  notes!: string[] | null;

  @Field(() => Date, { nullable: true })
  sentAt!: Date | null;

  @Field(() => Date, { nullable: true })
  acceptedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  declinedAt!: Date | null;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

export const QuoteConnection = Connection('Quote', QuoteType);

@InputType('CreateQuoteInput')
export class CreateQuoteInput {
  @Field(() => ID)
  customerId!: string;

  @Field(() => CurrencyScalar, { description: "The customer's currency" })
  currency!: string;

  @Field(() => [QuoteLineInput], { description: 'Recurring prices on one billing cycle: the subscription accepting creates' })
  lines!: QuoteLineInput[];

  @Field(() => Date, { nullable: true, description: 'In the future; default: the quote does not expire' })
  validUntil?: Date | null;

  @Field(() => Int, { nullable: true, description: '0 to 730; default 0' })
  trialDays?: number | null;

  @Field(() => CollectionMethod, { nullable: true, description: 'Default CHARGE_AUTOMATICALLY' })
  collection?: CollectionMethod | null;

  @Field(() => String, { nullable: true, description: 'A coupon the quote offers (or promotionCode): redeemed when it is sent' })
  couponCode?: string | null;

  @Field(() => String, { nullable: true })
  promotionCode?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'The buyer’s purchase order: 1 to 100 characters, no control characters; required when the customer’s purchaseOrderRequired is set',
  })
  purchaseOrderNumber?: string | null;
}

@InputType('UpdateQuoteInput', { description: 'For a DRAFT quote; omitted fields stay as they are' })
export class UpdateQuoteInput {
  @Field(() => [QuoteLineInput], { nullable: true, description: 'Replaces every line' })
  lines?: QuoteLineInput[] | null;

  @Field(() => Date, { nullable: true, description: 'null: the quote does not expire' })
  validUntil?: Date | null;

  @Field(() => Int, { nullable: true })
  trialDays?: number | null;

  @Field(() => CollectionMethod, { nullable: true })
  collection?: CollectionMethod | null;

  @Field(() => String, { nullable: true, description: 'Given (null too), it or promotionCode replaces the quote’s coupon' })
  couponCode?: string | null;

  @Field(() => String, { nullable: true })
  promotionCode?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Sets or replaces the purchase order number; omitted keeps it (one is required when the customer’s purchaseOrderRequired is set)',
  })
  purchaseOrderNumber?: string | null;
}
