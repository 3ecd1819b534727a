import { ArgsType, Field, ID, InterfaceType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CustomerGrouping } from '../../domain/analytics/customer-grouping';
import { MetricsInterval } from '../../domain/analytics/metric-periods';
import { MrrMovementKind } from '../../domain/analytics/mrr-movement.entity';
import { ProductKind } from '../../domain/catalog/product-kind';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { CurrencyScalar } from '../scalars/standard';

registerEnumType(MetricsInterval, { name: 'MetricsInterval' });
registerEnumType(MrrMovementKind, { name: 'MrrMovementKind' });
registerEnumType(CustomerGrouping, {
  name: 'CustomerGrouping',
  description: 'Who a customer counts as in customer counts, ARPA, logo churn and cohorts',
  valuesConfig: {
    CUSTOMER: { description: 'Each customer on its own' },
    PAYER: { description: 'Each customer as its payer today: a company-group member billed to its parent counts as that parent' },
  },
});

@InterfaceType('MrrBridge', {
  description:
    'MRR at the start and end of a period and the movements between them (start + new + expansion + reactivation − contraction − churned = end)',
})
export abstract class MrrBridgeType {
  @Field(() => DecimalScalar, { description: 'MRR at periodStart' })
  startMrr!: string;

  @Field(() => DecimalScalar)
  newMrr!: string;

  @Field(() => DecimalScalar)
  expansionMrr!: string;

  @Field(() => DecimalScalar)
  reactivationMrr!: string;

  @Field(() => DecimalScalar, { description: 'Positive: what contractions took away' })
  contractionMrr!: string;

  @Field(() => DecimalScalar, { description: 'Positive: what churn took away' })
  churnedMrr!: string;

  @Field(() => DecimalScalar, { description: 'MRR at periodEnd = startMrr + new + expansion + reactivation − contraction − churned' })
  mrr!: string;

  @Field(() => DecimalScalar, { description: '12 × mrr' })
  arr!: string;
}

const rateNote = 'a fraction (0.0250 = 2.5 %), null when there is no base';

@ObjectType('RevenueKindPart', {
  implements: MrrBridgeType,
  description:
    "One product kind's part of a period's MRR and bridge: SERVICE items billed per period, PHYSICAL goods on orders (their per-delivery amount normalized to a month). The parts add up to the period's figures to the minor unit",
})
export class RevenueKindPartType extends MrrBridgeType {
  @Field(() => ProductKind)
  kind!: ProductKind;
}

@ObjectType('RevenuePeriod', {
  implements: MrrBridgeType,
  description: 'One period of revenueMetrics; definitions in the README (Revenue analytics)',
})
export class RevenuePeriodType extends MrrBridgeType {
  @Field()
  periodStart!: Date;

  @Field()
  periodEnd!: Date;

  @Field(() => Int, { description: 'Customers with MRR at periodEnd' })
  activeCustomers!: number;

  @Field(() => DecimalScalar, { nullable: true, description: 'mrr / activeCustomers' })
  arpa!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: `Customers churned in the period / active at its start: ${rateNote}` })
  logoChurnRate!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: `(startMrr − contraction − churned) / startMrr: ${rateNote}` })
  grossRevenueRetention!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: `(startMrr + expansion − contraction − churned) / startMrr: ${rateNote}` })
  netRevenueRetention!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: `Trials ending in the period that converted: ${rateNote}` })
  trialConversionRate!: string | null;

  @Field(() => DecimalScalar, { description: 'Churned MRR of subscriptions dunning canceled' })
  involuntaryChurnMrr!: string;

  @Field(() => DecimalScalar, { nullable: true, description: `Invoices entering dunning in the period that are paid: ${rateNote}` })
  dunningRecoveryRate!: string | null;

  @Field(() => DecimalScalar, {
    description: 'Usage (and late-usage adjustment) lines of invoices finalized in the period, before tax: beside MRR, not in it',
  })
  usageRevenue!: string;

  @Field(() => [RevenueKindPartType], {
    description: 'The MRR and bridge split into services and goods (SERVICE, then PHYSICAL); each figure is the sum of its parts',
  })
  byKind!: RevenueKindPartType[];
}

@ObjectType('CohortMonth')
export class CohortMonthType {
  @Field(() => Int, { description: 'Months since the cohort month (0 = the cohort month itself)' })
  offset!: number;

  @Field(() => Int, { description: 'Cohort customers with MRR at the end of that month' })
  customers!: number;

  @Field(() => DecimalScalar)
  mrr!: string;

  @Field(() => DecimalScalar, { nullable: true })
  logoRetention!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  revenueRetention!: string | null;
}

@ObjectType('Cohort')
export class CohortType {
  @Field({ description: 'Start of the month in which these customers first had MRR' })
  month!: Date;

  @Field(() => Int)
  customers!: number;

  @Field(() => DecimalScalar, { description: "The cohort's MRR at the end of its first month" })
  startMrr!: string;

  @Field(() => [CohortMonthType])
  months!: CohortMonthType[];
}

@ObjectType('MrrMovement', { description: 'One change of a subscription’s MRR, as the revenue ledger recorded it' })
export class MrrMovementType {
  @Field(() => ID)
  id!: string;

  @Field()
  at!: Date;

  @Field(() => MrrMovementKind)
  kind!: MrrMovementKind;

  @Field(() => DecimalScalar)
  delta!: string;

  @Field(() => DecimalScalar, { description: "The subscription's MRR after it" })
  mrrAfter!: string;

  @Field({ description: 'The event that moved it, e.g. subscription.updated, subscription.canceled:dunning, contract.created' })
  cause!: string;

  @Field(() => DecimalScalar, {
    description: "The part of delta that moved the subscription's goods (PHYSICAL items on orders); the rest moved its services",
  })
  goodsDelta!: string;

  @Field(() => ID)
  subscriptionId!: string;

  customerId!: string;

  @Field(() => CurrencyScalar)
  currency!: string;
}

@ArgsType()
export class MetricsArgs {
  @Field()
  from!: Date;

  @Field()
  to!: Date;

  @Field(() => CurrencyScalar)
  currency!: string;
}
