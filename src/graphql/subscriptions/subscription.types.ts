import { DeliveryInputType } from '../orders/order.types';
import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ProrationBehavior } from '../../domain/subscriptions/proration-behavior';
import { CollectionMethod, SubscriptionStatus } from '../../domain/subscriptions/subscription.entity';
import type { Decimal } from '../../pricing/decimal';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { CurrencyScalar, JSONObjectScalar } from '../scalars/standard';
import { Connection } from '../shared/connection';

registerEnumType(SubscriptionStatus, { name: 'SubscriptionStatus' });
registerEnumType(CollectionMethod, { name: 'CollectionMethod' });
registerEnumType(ProrationBehavior, { name: 'ProrationBehavior' });

@ObjectType('SubscriptionItem')
export class SubscriptionItemType {
  @Field(() => ID)
  id!: string;

  @Field()
  priceCode!: string;

  @Field(() => DecimalScalar)
  quantity!: Decimal;
}

@ObjectType('SubscriptionEvent', { description: 'One change in the history of a subscription' })
export class SubscriptionEventType {
  @Field()
  type!: string;

  @Field(() => Int, { description: 'The version of the subscription after this change' })
  version!: number;

  @Field()
  at!: Date;

  @Field({ description: 'The API key or job that made the change' })
  actor!: string;

  @Field(() => JSONObjectScalar)
  data!: Record<string, unknown>;
}

@ObjectType('ProrationLine', { description: 'A proration waiting for the next invoice' })
export class ProrationLineType {
  @Field()
  description!: string;

  @Field()
  priceCode!: string;

  @Field(() => DecimalScalar)
  quantity!: Decimal;

  @Field(() => DecimalScalar, { description: 'Negative for a credit' })
  amount!: string;

  @Field()
  periodStart!: Date;

  @Field()
  periodEnd!: Date;

  @Field(() => [String])
  steps!: string[];
}

@Directive('@key(fields: "id")')
@ObjectType('Subscription')
export class SubscriptionType {
  @Field(() => ID)
  id!: string;

  @Field(() => SubscriptionStatus)
  status!: SubscriptionStatus;

  @Field(() => Int, { description: 'Pass it as expectedVersion to change the subscription safely' })
  version!: number;

  @Field(() => CurrencyScalar)
  currency!: string;

  @Field(() => CollectionMethod)
  collectionMethod!: CollectionMethod;

  @Field()
  billingAnchor!: Date;

  @Field()
  startsAt!: Date;

  @Field()
  currentPeriodStart!: Date;

  @Field()
  currentPeriodEnd!: Date;

  @Field(() => Date, { nullable: true })
  trialEnd!: Date | null;

  @Field()
  cancelAtPeriodEnd!: boolean;

  @Field(() => Date, { nullable: true })
  pausedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  canceledAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'The buyer’s purchase order; its invoices carry it' })
  purchaseOrderNumber!: string | null;

  @Field()
  createdAt!: Date;
}

export const SubscriptionConnection = Connection('Subscription', SubscriptionType);

@InputType('SubscriptionItemInput')
export class SubscriptionItemInput {
  @Field()
  priceCode!: string;

  @Field(() => DecimalScalar)
  quantity!: Decimal;
}

@InputType('CreateSubscriptionInput')
export class CreateSubscriptionInput {
  @Field(() => ID)
  customerId!: string;

  @Field(() => [SubscriptionItemInput])
  items!: SubscriptionItemInput[];

  @Field(() => Date, { nullable: true, description: 'Default now; a future start waits (INCOMPLETE)' })
  startsAt?: Date | null;

  @Field(() => Int, { nullable: true })
  trialDays?: number | null;

  @Field(() => CollectionMethod, { nullable: true, description: 'Default CHARGE_AUTOMATICALLY' })
  collection?: CollectionMethod | null;

  @Field(() => ID, {
    nullable: true,
    description: "One of the customer's locations: where it is used or delivered (consolidated invoices name it)",
  })
  locationId?: string | null;

  @Field(() => DeliveryInputType, {
    nullable: true,
    description: 'Goods: its PHYSICAL items go on an order per delivery date; required when it has any',
  })
  delivery?: DeliveryInputType | null;

  @Field(() => String, { nullable: true, description: 'A coupon redeemed for it from its start (or promotionCode)' })
  couponCode?: string | null;

  @Field(() => String, { nullable: true, description: 'A promotion code redeemed for it from its start (or couponCode)' })
  promotionCode?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'The buyer’s purchase order: 1 to 100 characters, no control characters; required when the customer’s purchaseOrderRequired is set',
  })
  purchaseOrderNumber?: string | null;
}

@InputType('ChangeSubscriptionInput')
export class ChangeSubscriptionInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { nullable: true, description: 'Refused with CONFLICT unless it is the current version' })
  expectedVersion?: number | null;

  @Field(() => [SubscriptionItemInput], { description: 'The whole new list of items' })
  items!: SubscriptionItemInput[];

  @Field(() => ProrationBehavior, { nullable: true, description: 'Default CREATE_PRORATIONS' })
  prorationBehavior?: ProrationBehavior | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Sets or replaces the purchase order number; omitted keeps it (one is required when the customer’s purchaseOrderRequired is set)',
  })
  purchaseOrderNumber?: string | null;
}

@ObjectType('ScheduledItem')
export class ScheduledItemType {
  @Field()
  priceCode!: string;

  @Field(() => DecimalScalar)
  quantity!: string;
}

@ObjectType('ScheduledChange', { description: 'Items the subscription switches to at effectiveAt (its period end)' })
export class ScheduledChangeType {
  @Field(() => ID)
  id!: string;

  @Field()
  effectiveAt!: Date;

  @Field()
  status!: string;

  @Field(() => [ScheduledItemType])
  items!: ScheduledItemType[];

  @Field()
  createdAt!: Date;
}

@InputType('ScheduleChangeInput')
export class ScheduleChangeInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;

  @Field(() => [SubscriptionItemInput], { description: 'The whole item list from the next period on' })
  items!: SubscriptionItemInput[];
  @Field(() => String, {
    nullable: true,
    description:
      'Sets or replaces the purchase order number; omitted keeps it (one is required when the customer’s purchaseOrderRequired is set)',
  })
  purchaseOrderNumber?: string | null;
}
