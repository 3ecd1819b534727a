import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CltvSegmentBy } from '../../domain/analytics/cltv.service';
import { DecimalScalar } from '../scalars/decimal.scalar';

registerEnumType(CltvSegmentBy, {
  name: 'CltvSegmentBy',
  valuesConfig: {
    PLAN: { description: "Each price code of a subscription's last ledger state: a customer with several is in each one's segment" },
    TAG: { description: "Each of the customer's current tags: a customer with several is in each one's segment" },
  },
});

@ObjectType('CltvSegment', {
  description:
    'Customer lifetime value of one segment over a window (ChartMogul: LTV = ARPA / customer churn rate); definitions in the README (Revenue analytics)',
})
export class CltvSegmentType {
  @Field(() => String, { nullable: true, description: 'The price code or tag; null for the row of all customers' })
  segment!: string | null;

  @Field(() => Int, { description: 'Customers with MRR in the segment at `to`' })
  activeCustomers!: number;

  @Field(() => DecimalScalar, { description: "The segment's MRR at `to`" })
  mrr!: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'mrr / activeCustomers at `to`; null without customers' })
  arpa!: string | null;

  @Field(() => Int, { description: 'Customers whose MRR in the segment fell to 0 within the window' })
  churnedCustomers!: number;

  @Field(() => Int, {
    description: 'Months of the window that started with customers in the segment: those averaged into monthlyChurnRate',
  })
  months!: number;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Mean of those months’ logo churn rates, a fraction with 4 decimals (0.0250 = 2.5 %); null without such a month',
  })
  monthlyChurnRate!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'arpa / monthlyChurnRate (from their unrounded values); null when no customer churned',
  })
  cltv!: string | null;
}
