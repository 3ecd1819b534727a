import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { Subscription } from '../../domain/subscriptions/subscription.entity';
import type { Context } from '../context';
import { SubscriptionType } from '../subscriptions/subscription.types';
import { UpdateSubscriptionDeliveryInput } from './delivery-change.types';
import { DeliveryScheduleType } from './order.types';

/** A subscription's goods (issue 17): its delivery schedule and when its next order is placed. */
@Resolver(() => SubscriptionType)
export class SubscriptionDeliveryResolver {
  @FieldResolver(() => DeliveryScheduleType, { nullable: true, description: 'Its delivery schedule, when it delivers goods' })
  async delivery(@Root() sub: Subscription, @Ctx() ctx: Context): Promise<DeliveryScheduleType | null> {
    const found = await ctx.services.orders.deliveryOf(sub.id);
    if (!found) return null;
    const { schedule, items } = found;
    return {
      every: schedule.every,
      unit: schedule.unit,
      locationId: schedule.location.id,
      firstDeliveryAt: schedule.firstDeliveryAt,
      billOn: schedule.billOn,
      items: items.map((i) => ({ priceCode: i.priceCode, sku: i.sku, quantity: i.quantity })),
    };
  }

  @FieldResolver(() => Date, { nullable: true, description: 'When its next order is placed: its earliest SCHEDULED order not held' })
  nextOrderAt(@Root() sub: Subscription, @Ctx() ctx: Context): Promise<Date | null> {
    return ctx.services.orders.nextOrderAt(sub.id);
  }

  @Mutation(() => SubscriptionType, {
    description:
      'Its ship-to location and delivery frequency: the SCHEDULED orders not yet frozen follow (re-dated, re-addressed); frozen and placed ones stay',
  })
  updateSubscriptionDelivery(
    @Arg('subscriptionId', () => ID) subscriptionId: string,
    @Arg('input', () => UpdateSubscriptionDeliveryInput) input: UpdateSubscriptionDeliveryInput,
    @Ctx() ctx: Context,
  ): Promise<Subscription> {
    return ctx.services.deliveryChanges.update(subscriptionId, input);
  }
}
