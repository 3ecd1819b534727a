import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RoundedBridge } from '../../domain/analytics/mrr-figures';
import type { ExchangeRate } from '../../domain/analytics/exchange-rate.entity';
import { MetricsInterval } from '../../domain/analytics/metric-periods';
import { formatMoney } from '../../pricing';
import type { Decimal } from '../../pricing/decimal';
import type { Context } from '../context';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { CurrencyScalar } from '../scalars/standard';
import { ConvertedRevenuePeriodType, ExchangeRateType } from './exchange-rate.types';

function toType(r: ExchangeRate): ExchangeRateType {
  return {
    id: r.id,
    currency: r.currency,
    reportingCurrency: r.reportingCurrency,
    rate: r.rate,
    effectiveFrom: r.effectiveFrom,
    updatedAt: r.updatedAt,
  };
}

function bridgeFields(b: RoundedBridge, arr: Decimal, currency: string) {
  const money = (d: Decimal) => formatMoney(d, currency);
  return {
    startMrr: money(b.start),
    newMrr: money(b.newMrr),
    expansionMrr: money(b.expansionMrr),
    reactivationMrr: money(b.reactivationMrr),
    contractionMrr: money(b.contractionMrr),
    churnedMrr: money(b.churnedMrr),
    mrr: money(b.end),
    arr: money(arr),
  };
}

@Resolver()
export class ExchangeRateResolver {
  @Mutation(() => ExchangeRateType, {
    description:
      'Sets what one unit of currency is worth in reportingCurrency from effectiveFrom (ADMIN); setting the same pair and instant again corrects that rate',
  })
  async setExchangeRate(
    @Arg('currency', () => CurrencyScalar) currency: string,
    @Arg('reportingCurrency', () => CurrencyScalar) reportingCurrency: string,
    @Arg('rate', () => DecimalScalar) rate: Decimal,
    @Arg('effectiveFrom') effectiveFrom: Date,
    @Ctx() ctx: Context,
  ): Promise<ExchangeRateType> {
    return toType(await ctx.services.exchangeRates.set({ currency, reportingCurrency, rate, effectiveFrom }));
  }

  @Query(() => [ExchangeRateType], {
    description: 'Exchange rates by pair, newest first (ADMIN, SALES); first: default 100, at most 1,000',
  })
  async exchangeRates(
    @Arg('currency', () => CurrencyScalar, { nullable: true }) currency: string | null,
    @Arg('reportingCurrency', () => CurrencyScalar, { nullable: true }) reportingCurrency: string | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Ctx() ctx: Context,
  ): Promise<ExchangeRateType[]> {
    return (await ctx.services.exchangeRates.list({ currency, reportingCurrency, first })).map(toType);
  }

  @Query(() => [ConvertedRevenuePeriodType], {
    description:
      'revenueMetrics’ MRR, ARR and bridge over every currency in reportingCurrency, at the rates in force at each period’s end, with each currency’s part (ADMIN, SALES)',
  })
  async convertedRevenueMetrics(
    @Arg('from') from: Date,
    @Arg('to') to: Date,
    @Arg('interval', () => MetricsInterval) interval: MetricsInterval,
    @Arg('reportingCurrency', () => CurrencyScalar) reportingCurrency: string,
    @Ctx() ctx: Context,
  ): Promise<ConvertedRevenuePeriodType[]> {
    return (await ctx.services.convertedMetrics.convertedRevenueMetrics(from, to, interval, reportingCurrency)).map((p) => ({
      periodStart: p.periodStart,
      periodEnd: p.periodEnd,
      reportingCurrency: p.reportingCurrency,
      ...bridgeFields(p.bridge, p.arr, p.reportingCurrency),
      currencies: p.currencies.map((c) => ({
        currency: c.currency,
        rate: c.rate,
        rateEffectiveFrom: c.rateEffectiveFrom,
        ...bridgeFields(c.bridge, c.arr, c.currency),
      })),
    }));
  }
}
