import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { MetricsInterval } from '../../domain/analytics/metric-periods';
import type { Customer } from '../../domain/customers/customer.entity';
import { formatMoney } from '../../pricing';
import type { Decimal } from '../../pricing/decimal';
import type { Context } from '../context';
import { CustomerType } from '../customers/customer.types';
import { CohortType, MetricsArgs, MrrMovementType, RevenuePeriodType } from './analytics.types';

@Resolver(() => MrrMovementType)
export class AnalyticsResolver {
  @Query(() => [RevenuePeriodType], {
    description: 'MRR, its bridge, customers, churn and retention per period of [from, to) (ADMIN, SALES)',
  })
  async revenueMetrics(
    @Args(() => MetricsArgs) args: MetricsArgs,
    @Arg('interval', () => MetricsInterval) interval: MetricsInterval,
    @Ctx() ctx: Context,
  ): Promise<RevenuePeriodType[]> {
    const money = (d: Decimal) => formatMoney(d, args.currency);
    const fraction = (d: Decimal | null) => (d === null ? null : d.toFixed(4));
    return (await ctx.services.revenueMetrics.revenueMetrics(args.from, args.to, interval, args.currency)).map((p) => ({
      ...p,
      startMrr: money(p.startMrr),
      mrr: money(p.mrr),
      arr: money(p.arr),
      newMrr: money(p.newMrr),
      expansionMrr: money(p.expansionMrr),
      contractionMrr: money(p.contractionMrr),
      churnedMrr: money(p.churnedMrr),
      reactivationMrr: money(p.reactivationMrr),
      arpa: p.arpa === null ? null : money(p.arpa),
      involuntaryChurnMrr: money(p.involuntaryChurnMrr),
      usageRevenue: money(p.usageRevenue),
      logoChurnRate: fraction(p.logoChurnRate),
      grossRevenueRetention: fraction(p.grossRevenueRetention),
      netRevenueRetention: fraction(p.netRevenueRetention),
      trialConversionRate: fraction(p.trialConversionRate),
      dunningRecoveryRate: fraction(p.dunningRecoveryRate),
    }));
  }

  @Query(() => [CohortType], { description: 'Retention by the month customers first had MRR, logos and revenue (ADMIN, SALES)' })
  async cohorts(@Args(() => MetricsArgs) args: MetricsArgs, @Ctx() ctx: Context): Promise<CohortType[]> {
    const money = (d: Decimal) => formatMoney(d, args.currency);
    return (await ctx.services.cohorts.cohorts(args.from, args.to, args.currency)).map((c) => ({
      month: c.month,
      customers: c.customers,
      startMrr: money(c.startMrr),
      months: c.months.map((m) => ({
        ...m,
        mrr: money(m.mrr),
        logoRetention: m.logoRetention?.toFixed(4) ?? null,
        revenueRetention: m.revenueRetention?.toFixed(4) ?? null,
      })),
    }));
  }

  @Query(() => [MrrMovementType], { description: 'The largest MRR movements of [from, to), largest |delta| first (ADMIN, SALES)' })
  async mrrMovements(
    @Args(() => MetricsArgs) args: MetricsArgs,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Ctx() ctx: Context,
  ): Promise<MrrMovementType[]> {
    return (await ctx.services.cohorts.largestMovements(args.from, args.to, args.currency, first)).map((m) => ({
      id: m.id,
      at: m.at,
      kind: m.kind,
      delta: formatMoney(m.delta, m.currency),
      mrrAfter: formatMoney(m.mrrAfter, m.currency),
      cause: m.cause,
      subscriptionId: m.subscriptionId,
      customerId: m.customerId,
      currency: m.currency,
    }));
  }

  @FieldResolver(() => CustomerType)
  async customer(@Root() movement: MrrMovementType, @Ctx() ctx: Context): Promise<Customer> {
    return (await ctx.loaders.customer.load(movement.customerId))!;
  }
}
