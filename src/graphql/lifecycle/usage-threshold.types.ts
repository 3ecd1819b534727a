import { Field, ID, ObjectType } from 'type-graphql';
import type { Decimal } from '../../pricing/decimal';
import { DecimalScalar } from '../scalars/decimal.scalar';

@ObjectType('UsageThreshold', {
  description:
    "A level of a subscription's usage of a metric: usage.threshold_crossed is emitted once per billing period when the period's usage reaches it",
})
export class UsageThresholdType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  subscriptionId!: string;

  @Field()
  metric!: string;

  @Field(() => DecimalScalar, {
    description: "In the metric's unit, aggregated as its price aggregates it (sum, count, max, last, unique_count)",
  })
  threshold!: Decimal;

  @Field()
  createdAt!: Date;
}
