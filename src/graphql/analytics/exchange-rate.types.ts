import { Field, ID, ObjectType } from 'type-graphql';
import { MrrBridgeType } from './analytics.types';
import type { Decimal } from '../../pricing/decimal';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { CurrencyScalar } from '../scalars/standard';

@ObjectType('ExchangeRate', {
  description: 'One unit of currency is worth rate units of reportingCurrency from effectiveFrom until the pair’s next rate',
})
export class ExchangeRateType {
  @Field(() => ID)
  id!: string;

  @Field(() => CurrencyScalar)
  currency!: string;

  @Field(() => CurrencyScalar)
  reportingCurrency!: string;

  @Field(() => DecimalScalar, { description: 'Exact, above 0, at most 12 decimals' })
  rate!: Decimal;

  @Field()
  effectiveFrom!: Date;

  @Field({ description: 'When it was last set' })
  updatedAt!: Date;
}

@ObjectType('CurrencyRevenue', {
  implements: MrrBridgeType,
  description: "One currency's part of a converted period, in that currency, and the rate it was converted at",
})
export class CurrencyRevenueType extends MrrBridgeType {
  @Field(() => CurrencyScalar)
  currency!: string;

  @Field(() => DecimalScalar, {
    description: 'Units of the reporting currency per unit of this one, in force at periodEnd; 1 for the reporting currency itself',
  })
  rate!: Decimal;

  @Field(() => Date, { nullable: true, description: "The rate's effectiveFrom; null for the reporting currency itself" })
  rateEffectiveFrom!: Date | null;
}

@ObjectType('ConvertedRevenuePeriod', {
  implements: MrrBridgeType,
  description:
    'MRR, ARR and the MRR bridge of every currency in one reporting currency: each currency’s unrounded figures × the rate in force at periodEnd, summed, rounded once',
})
export class ConvertedRevenuePeriodType extends MrrBridgeType {
  @Field()
  periodStart!: Date;

  @Field()
  periodEnd!: Date;

  @Field(() => CurrencyScalar)
  reportingCurrency!: string;

  @Field(() => [CurrencyRevenueType], { description: 'Each currency with MRR or a movement in the period, in its own currency' })
  currencies!: CurrencyRevenueType[];
}
