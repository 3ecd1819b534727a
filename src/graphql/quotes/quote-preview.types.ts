import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import type { Decimal } from '../../pricing/decimal';
import { CurrencyScalar } from '../scalars/standard';
import { DecimalScalar } from '../scalars/decimal.scalar';

@InputType('QuoteLineInput')
export class QuoteLineInput {
  @Field()
  priceCode!: string;

  @Field(() => DecimalScalar, { description: 'For a usage price, the usage to price' })
  quantity!: Decimal;
}

@InputType('PreviewQuoteInput')
export class PreviewQuoteInput {
  @Field(() => ID, { nullable: true, description: 'Its contracts and tax apply when given' })
  customerId?: string | null;

  @Field(() => CurrencyScalar)
  currency!: string;

  @Field(() => Date, { nullable: true, description: 'Which contracts are in force; default now' })
  at?: Date | null;

  @Field(() => [QuoteLineInput])
  lines!: QuoteLineInput[];

  @Field(() => String, { nullable: true, description: 'Priced as the first invoice would be; nothing is redeemed' })
  couponCode?: string | null;

  @Field(() => String, { nullable: true })
  promotionCode?: string | null;
}

export enum PricedLineKind {
  CHARGE = 'CHARGE',
  MINIMUM_COMMITMENT = 'MINIMUM_COMMITMENT',
  /** An amount-off coupon's line (README, Coupons). */
  DISCOUNT = 'DISCOUNT',
}
registerEnumType(PricedLineKind, { name: 'PricedLineKind' });

@ObjectType('PricedLine')
export class PricedLineType {
  @Field(() => PricedLineKind)
  kind!: PricedLineKind;

  @Field()
  priceCode!: string;

  @Field(() => DecimalScalar)
  quantity!: string;

  @Field(() => DecimalScalar, { description: 'Rounded once, to the currency minor unit' })
  amount!: string;

  @Field(() => DecimalScalar)
  tax!: string;

  @Field(() => [String], { description: 'The arithmetic, step by step' })
  steps!: string[];

  @Field(() => String, { nullable: true, description: 'The contract that priced this line' })
  contractCode!: string | null;

  @Field(() => String, { nullable: true, description: 'DISCOUNT: the coupon' })
  couponCode!: string | null;
}

@ObjectType('QuotePreview')
export class QuotePreviewType {
  @Field(() => CurrencyScalar)
  currency!: string;

  @Field(() => DecimalScalar)
  subtotal!: string;

  @Field(() => DecimalScalar)
  tax!: string;

  @Field(() => DecimalScalar)
  total!: string;

  @Field(() => [PricedLineType])
  lines!: PricedLineType[];

  @Field(() => [String], { description: 'Legal mentions, e.g. reverse charge' })
  notes!: string[];
}
