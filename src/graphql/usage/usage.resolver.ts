import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { formatMoney } from '../../pricing/currency';
import type { Context } from '../context';
import { UsageEventInput, UsageResultType, UsageSummaryArgs, UsageSummaryType } from './usage.types';

@Resolver()
export class UsageResolver {
  @Mutation(() => UsageResultType, { description: 'Records 1 to 1,000 metered events at once (ADMIN); resent events count as duplicates' })
  recordUsage(@Arg('events', () => [UsageEventInput]) events: UsageEventInput[], @Ctx() ctx: Context): Promise<UsageResultType> {
    return ctx.services.usage.record(events);
  }

  @Query(() => UsageSummaryType, {
    description: "A subscription's usage of a metric, its current period by default, priced with the customer's contracts",
  })
  async usageSummary(@Args(() => UsageSummaryArgs) args: UsageSummaryArgs, @Ctx() ctx: Context): Promise<UsageSummaryType> {
    const summary = await ctx.services.usage.summary(args);
    return { ...summary, amount: formatMoney(summary.amount, summary.currency) };
  }
}
