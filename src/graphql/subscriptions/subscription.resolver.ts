import { LocationType } from '../customers/location.types';
import type { Location } from '../../domain/customers/location.entity';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Customer } from '../../domain/customers/customer.entity';
import type { PendingProration } from '../../domain/subscriptions/pending-proration.entity';
import { ProrationBehavior } from '../../domain/subscriptions/proration-behavior';
import type { SubscriptionEvent } from '../../domain/subscriptions/subscription-event.entity';
import type { SubscriptionItem } from '../../domain/subscriptions/subscription-item.entity';
import { Subscription, SubscriptionStatus } from '../../domain/subscriptions/subscription.entity';
import { formatMoney } from '../../pricing/currency';
import type { Context } from '../context';
import { PriceType } from '../catalog/catalog.types';
import { CustomerType } from '../customers/customer.types';
import { toConnection } from '../shared/connection';
import { CustomerPageArgs } from '../shared/page-args';
import {
  ChangeSubscriptionInput,
  CreateSubscriptionInput,
  ProrationLineType,
  ScheduleChangeInput,
  ScheduledChangeType,
  SubscriptionConnection,
  SubscriptionEventType,
  SubscriptionItemType,
  SubscriptionType,
} from './subscription.types';

@ArgsType()
class SubscriptionsArgs extends CustomerPageArgs {
  @Field(() => SubscriptionStatus, { nullable: true })
  status?: SubscriptionStatus;
}

@Resolver(() => SubscriptionType)
export class SubscriptionResolver {
  @Query(() => SubscriptionType, { nullable: true })
  subscription(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.subscriptions.get(id);
  }

  @Query(() => SubscriptionConnection)
  async subscriptions(@Args(() => SubscriptionsArgs) args: SubscriptionsArgs, @Ctx() ctx: Context) {
    return toConnection(await ctx.services.subscriptions.list(args));
  }

  @Mutation(() => SubscriptionType)
  createSubscription(@Arg('input', () => CreateSubscriptionInput) input: CreateSubscriptionInput, @Ctx() ctx: Context) {
    return ctx.services.subscriptions.create(input);
  }

  @Mutation(() => SubscriptionType)
  changeSubscription(@Arg('input', () => ChangeSubscriptionInput) input: ChangeSubscriptionInput, @Ctx() ctx: Context) {
    return ctx.services.subscriptionChanges.change(input);
  }

  @Mutation(() => SubscriptionType, { description: 'No invoices while paused; the paused time is credited on resume' })
  pauseSubscription(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.subscriptionLifecycle.pause(id);
  }

  @Mutation(() => SubscriptionType)
  resumeSubscription(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.subscriptionLifecycle.resume(id);
  }

  @Mutation(() => SubscriptionType)
  cancelSubscription(
    @Arg('id', () => ID) id: string,
    @Arg('atPeriodEnd') atPeriodEnd: boolean,
    @Arg('prorationBehavior', () => ProrationBehavior, {
      nullable: true,
      description: 'For an immediate cancellation; default CREATE_PRORATIONS',
    })
    prorationBehavior: ProrationBehavior | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.subscriptionLifecycle.cancel(id, atPeriodEnd, prorationBehavior ?? undefined);
  }

  @Mutation(() => ScheduledChangeType, { description: 'Applies the items at the period end (the usual downgrade)' })
  scheduleChange(@Arg('input', () => ScheduleChangeInput) input: ScheduleChangeInput, @Ctx() ctx: Context) {
    return ctx.services.subscriptionSchedules.schedule(input);
  }

  @Mutation(() => ScheduledChangeType)
  cancelScheduledChange(@Arg('subscriptionId', () => ID) subscriptionId: string, @Ctx() ctx: Context) {
    return ctx.services.subscriptionSchedules.cancel(subscriptionId);
  }

  @FieldResolver(() => ScheduledChangeType, { nullable: true, description: 'The pending scheduled change, if any' })
  scheduledChange(@Root() sub: Subscription, @Ctx() ctx: Context) {
    return ctx.loaders.pendingChangeBySubscription.load(sub.id).then((rows) => rows[0] ?? null);
  }

  @FieldResolver(() => CustomerType)
  async customer(@Root() sub: Subscription, @Ctx() ctx: Context): Promise<Customer> {
    return (await ctx.loaders.customer.load(sub.customer.id))!;
  }

  @FieldResolver(() => LocationType, { nullable: true, description: "The customer's location it is for, if any" })
  async location(@Root() sub: Subscription, @Ctx() ctx: Context): Promise<Location | null> {
    if (!sub.location) return null;
    const locations = await ctx.loaders.locationsByCustomer.load(sub.customer.id);
    return locations.find((l) => l.id === sub.location!.id) ?? null;
  }

  @FieldResolver(() => [SubscriptionItemType])
  items(@Root() sub: Subscription, @Ctx() ctx: Context): Promise<SubscriptionItem[]> {
    return ctx.loaders.itemsBySubscription.load(sub.id);
  }

  @FieldResolver(() => [SubscriptionEventType], { description: 'Every change, oldest first' })
  history(@Root() sub: Subscription, @Ctx() ctx: Context): Promise<SubscriptionEvent[]> {
    return ctx.loaders.eventsBySubscription.load(sub.id);
  }

  @FieldResolver(() => [ProrationLineType], { description: 'Prorations waiting for the next invoice' })
  async pendingProrations(@Root() sub: Subscription, @Ctx() ctx: Context): Promise<ProrationLineType[]> {
    const rows: PendingProration[] = await ctx.loaders.prorationsBySubscription.load(sub.id);
    return rows.map((r) => ({ ...r, amount: formatMoney(r.amount, sub.currency) }));
  }
}

@Resolver(() => SubscriptionItemType)
export class SubscriptionItemResolver {
  @FieldResolver(() => PriceType, { description: 'The price version this item was sold at' })
  async price(@Root() item: SubscriptionItem, @Ctx() ctx: Context) {
    return (await ctx.loaders.price.load(item.price.id))!;
  }
}
