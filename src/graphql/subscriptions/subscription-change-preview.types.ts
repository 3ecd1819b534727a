import { Field, ObjectType } from 'type-graphql';
import { ProrationBehavior } from '../../domain/subscriptions/proration-behavior';
import type { Subscription } from '../../domain/subscriptions/subscription.entity';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { CurrencyScalar } from '../scalars/standard';
import { SubscriptionType } from './subscription.types';

@ObjectType('SubscriptionChangePreviewLine', { description: 'A proration line the change would make' })
export class SubscriptionChangePreviewLineType {
  @Field()
  description!: string;

  @Field()
  priceCode!: string;

  @Field(() => DecimalScalar)
  quantity!: string;

  @Field(() => DecimalScalar, { description: 'Negative for a credit' })
  amount!: string;

  @Field(() => DecimalScalar, { description: "The customer's tax on this line, as the invoice will bill it" })
  tax!: string;

  @Field()
  periodStart!: Date;

  @Field()
  periodEnd!: Date;

  @Field(() => [String])
  steps!: string[];
}

@ObjectType('SubscriptionChangePreview', {
  description: 'What changeSubscription with the same input would do now, computed by the same code; nothing is written',
})
export class SubscriptionChangePreviewType {
  @Field(() => SubscriptionType, {
    description: 'As it is now: pass its version as expectedVersion so the change applies to what was previewed',
  })
  subscription!: Subscription;

  @Field(() => ProrationBehavior)
  prorationBehavior!: ProrationBehavior;

  @Field({ description: "The instant the change is priced at (the customer's clock)" })
  at!: Date;

  @Field(() => CurrencyScalar)
  currency!: string;

  @Field(() => [SubscriptionChangePreviewLineType])
  lines!: SubscriptionChangePreviewLineType[];

  @Field(() => DecimalScalar, { description: 'Sum of the lines' })
  subtotal!: string;

  @Field(() => DecimalScalar)
  tax!: string;

  @Field(() => DecimalScalar)
  total!: string;

  @Field(() => DecimalScalar, {
    description:
      'ALWAYS_INVOICE: the total of the invoice the change makes at once (prorations already pending included); CREATE_PRORATIONS: what the next invoice gains (= total); NONE: 0',
  })
  amountDueNow!: string;
}
