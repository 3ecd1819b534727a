import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { UsageThreshold } from '../../domain/lifecycle/usage-threshold.entity';
import type { Decimal } from '../../pricing/decimal';
import type { Context } from '../context';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { UsageThresholdType } from './usage-threshold.types';

function toType(t: UsageThreshold): UsageThresholdType {
  return { id: t.id, subscriptionId: t.subscription.id, metric: t.metric, threshold: t.threshold, createdAt: t.createdAt };
}

@Resolver()
export class UsageThresholdResolver {
  @Mutation(() => UsageThresholdType, {
    description:
      'A level of usage to signal (usage.threshold_crossed), once per billing period (ADMIN, SALES); setting one that exists returns it',
  })
  async setUsageThreshold(
    @Arg('subscriptionId', () => ID) subscriptionId: string,
    @Arg('metric') metric: string,
    @Arg('threshold', () => DecimalScalar) threshold: Decimal,
    @Ctx() ctx: Context,
  ): Promise<UsageThresholdType> {
    return toType(await ctx.services.usageThresholds.set({ subscriptionId, metric, threshold }));
  }

  @Mutation(() => Boolean, { description: 'False when there was no such threshold (ADMIN, SALES)' })
  removeUsageThreshold(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<boolean> {
    return ctx.services.usageThresholds.remove(id);
  }

  @Query(() => [UsageThresholdType], { description: "A subscription's usage thresholds, by metric and level" })
  async usageThresholds(@Arg('subscriptionId', () => ID) subscriptionId: string, @Ctx() ctx: Context): Promise<UsageThresholdType[]> {
    return (await ctx.services.usageThresholds.list(subscriptionId)).map(toType);
  }
}
