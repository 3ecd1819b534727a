import { Field, InputType, Int } from 'type-graphql';
import { SubscriptionStatus } from '../../domain/subscriptions/subscription.entity';
import type { Decimal } from '../../pricing/decimal';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { CurrencyScalar } from '../scalars/standard';
// The SubscriptionStatus enum is registered with the subscription types.
import '../subscriptions/subscription.types';

@InputType('CustomerFilter', { description: 'A segment: every criterion given must hold (README, Segments and lifecycle signals)' })
export class CustomerFilterInput {
  @Field(() => [String], {
    nullable: true,
    description: 'Has a live subscription (not CANCELED; or in subscriptionStatus when given) with an item of one of these price codes',
  })
  planPriceCodes?: string[] | null;

  @Field(() => [SubscriptionStatus], { nullable: true, description: 'Has a subscription in one of these statuses' })
  subscriptionStatus?: SubscriptionStatus[] | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Current MRR in `currency` at least this (the revenue ledger, rounded to the minor unit)',
  })
  mrrMin?: Decimal | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Current MRR in `currency` at most this' })
  mrrMax?: Decimal | null;

  @Field(() => CurrencyScalar, { nullable: true, description: 'The currency of mrrMin and mrrMax; required with them' })
  currency?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'mrrMin and mrrMax compare the MRR of everything billed through the customer (itself and its company-group members billed to it)',
  })
  mrrRollUp?: boolean | null;

  @Field(() => Int, { nullable: true, description: "Whole days since the customer's first subscription started, at least" })
  tenureMinDays?: number | null;

  @Field(() => Int, { nullable: true, description: "Whole days since the customer's first subscription started, at most" })
  tenureMaxDays?: number | null;

  @Field(() => [String], { nullable: true, description: 'Has every one of these tags' })
  tags?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: has a creditLimit and its creditExposure is above it; false: has no limit or is within it',
  })
  overCreditLimit?: boolean | null;
}
