import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { Decimal } from '../../pricing/decimal';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { CurrencyScalar } from '../scalars/standard';

@InputType('UsageEventInput')
export class UsageEventInput {
  @Field({ description: "The sender's id: an event counts once per (customer, id); a resend is a duplicate, even with other content" })
  id!: string;

  @Field(() => ID)
  customerId!: string;

  @Field({ description: 'What a usage price meters, e.g. "api_calls"' })
  metric!: string;

  @Field(() => DecimalScalar, { description: 'Zero or more' })
  value!: Decimal;

  @Field({ description: 'When the usage happened: it decides the billing period, however late it arrives (at most a day ahead of now)' })
  timestamp!: Date;

  @Field(() => String, { nullable: true, description: 'What unique_count counts' })
  uniqueKey?: string | null;
}

@ObjectType('UsageResult')
export class UsageResultType {
  @Field(() => Int, { description: 'Events stored by this call' })
  accepted!: number;

  @Field(() => Int, { description: 'Events already stored, or repeated earlier in the batch' })
  duplicates!: number;
}

@ArgsType()
export class UsageSummaryArgs {
  @Field(() => ID)
  subscriptionId!: string;

  @Field()
  metric!: string;

  @Field(() => String, { nullable: true, description: 'Only when several items of the subscription meter the metric' })
  priceCode?: string | null;

  @Field(() => Date, { nullable: true, description: 'Default: the start of the current period' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Exclusive; default: the end of the current period' })
  to?: Date | null;
}

@ObjectType('UsageSummary', { description: "A subscription's usage of one metric over [from, to), priced as an invoice would price it" })
export class UsageSummaryType {
  @Field()
  metric!: string;

  @Field({ description: 'sum, count, max, unique_count or last (the price decides)' })
  aggregation!: string;

  @Field({ description: 'The usage price of the subscription that meters the metric' })
  priceCode!: string;

  @Field()
  from!: Date;

  @Field({ description: 'Exclusive' })
  to!: Date;

  @Field(() => DecimalScalar, { description: 'The aggregated usage' })
  quantity!: Decimal;

  @Field(() => DecimalScalar, { description: 'Rounded once, to the currency minor unit; the customer’s contracts apply' })
  amount!: string;

  @Field(() => CurrencyScalar)
  currency!: string;

  @Field(() => [String], { description: 'The arithmetic, step by step' })
  steps!: string[];
}
