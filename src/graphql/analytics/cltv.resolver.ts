import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { CltvSegmentBy } from '../../domain/analytics/cltv.service';
import { formatMoney } from '../../pricing';
import { Decimal } from '../../pricing/decimal';
import type { Context } from '../context';
import { MetricsArgs } from './analytics.types';
import { CltvSegmentType } from './cltv.types';

@Resolver()
export class CltvResolver {
  @Query(() => [CltvSegmentType], {
    description: 'Customer lifetime value per plan or tag over [from, to), and for all customers (ADMIN, SALES)',
  })
  async customerLifetimeValue(
    @Args(() => MetricsArgs) args: MetricsArgs,
    @Arg('segmentBy', () => CltvSegmentBy) segmentBy: CltvSegmentBy,
    @Ctx() ctx: Context,
  ): Promise<CltvSegmentType[]> {
    return (await ctx.services.cltv.customerLifetimeValue(args.from, args.to, args.currency, segmentBy)).map((s) => ({
      ...s,
      mrr: formatMoney(s.mrr, args.currency),
      arpa: s.arpa && formatMoney(s.arpa, args.currency),
      monthlyChurnRate: s.monthlyChurnRate?.toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(4) ?? null,
      cltv: s.cltv && formatMoney(s.cltv, args.currency),
    }));
  }
}
