import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { CustomerGrouping } from '../../domain/analytics/customer-grouping';
import { MetricsInterval } from '../../domain/analytics/metric-periods';
import type { Customer } from '../../domain/customers/customer.entity';
import { formatMoney } from '../../pricing';
import type { Decimal } from '../../pricing/decimal';
import type { Context } from '../context';
import { CustomerType } from '../customers/customer.types';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { CurrencyScalar } from '../scalars/standard';
import { CohortType, MetricsArgs, MrrMovementType, RevenuePeriodType } from './analytics.types';

const BY =
  'PAYER counts each company-group member billed to its parent as its payer (customers, ARPA, logo churn, cohorts); MRR is the same';

@Resolver(() => MrrMovementType)
export class AnalyticsResolver {
  @Query(() => [RevenuePeriodType], {
    description: 'MRR, its bridge, customers, churn and retention per period of [from, to) (ADMIN, SALES)',
  })
  async revenueMetrics(
    @Args(() => MetricsArgs) args: MetricsArgs,
    @Arg('interval', () => MetricsInterval) interval: MetricsInterval,
    @Arg('by', () => CustomerGrouping, { defaultValue: CustomerGrouping.CUSTOMER, description: BY }) by: CustomerGrouping,
    @Ctx() ctx: Context,
  ): Promise<RevenuePeriodType[]> {
    const money = (d: Decimal) => formatMoney(d, args.currency);
    const fraction = (d: Decimal | null) => (d === null ? null : d.toFixed(4));
    return (await ctx.services.revenueMetrics.revenueMetrics(args.from, args.to, interval, args.currency, by)).map((p) => ({
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
      byKind: p.byKind.map((k) => ({
        kind: k.kind,
        startMrr: money(k.startMrr),
        mrr: money(k.mrr),
        arr: money(k.arr),
        newMrr: money(k.newMrr),
        expansionMrr: money(k.expansionMrr),
        contractionMrr: money(k.contractionMrr),
        churnedMrr: money(k.churnedMrr),
        reactivationMrr: money(k.reactivationMrr),
      })),
    }));
  }

  @Query(() => [CohortType], { description: 'Retention by the month customers first had MRR, logos and revenue (ADMIN, SALES)' })
  async cohorts(
    @Args(() => MetricsArgs) args: MetricsArgs,
    @Arg('by', () => CustomerGrouping, { defaultValue: CustomerGrouping.CUSTOMER, description: BY }) by: CustomerGrouping,
    @Ctx() ctx: Context,
  ): Promise<CohortType[]> {
    const money = (d: Decimal) => formatMoney(d, args.currency);
    return (await ctx.services.cohorts.cohorts(args.from, args.to, args.currency, by)).map((c) => ({
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
      goodsDelta: formatMoney(m.goodsDelta, m.currency),
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

@Resolver(() => CustomerType)
export class CustomerMrrResolver {
  // Nullable: a key that may not read analytics gets FORBIDDEN on this field alone, not on the customer holding it.
  @FieldResolver(() => DecimalScalar, {
    nullable: true,
    description:
      'MRR now, from the revenue ledger, rounded once (ADMIN, SALES; FORBIDDEN for other keys). rollUp: of everything billed through this customer (itself and its company-group members billed to it, at any depth)',
  })
  async mrr(
    @Root() customer: Customer,
    @Arg('currency', () => CurrencyScalar, { nullable: true, description: "Default: the customer's currency" }) currency: string | null,
    @Arg('rollUp', () => Boolean, { defaultValue: false }) rollUp: boolean,
    @Ctx() ctx: Context,
  ): Promise<string> {
    const mrr = await ctx.services.revenueMetrics.customerMrr(customer, currency, rollUp);
    return formatMoney(mrr, currency ?? customer.currency);
  }
}
