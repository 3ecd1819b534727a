import { Field, ID, InputType, ObjectType } from 'type-graphql';
import type { Decimal } from '../../pricing/decimal';
import { Role } from '../../domain/auth/actor';
import { DecimalScalar } from '../scalars/decimal.scalar';

@ObjectType('QuotePolicy', {
  description: 'How far a quote may go before an ADMIN or SALES_MANAGER key approves it; a null limit is no limit',
})
export class QuotePolicyType {
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'The largest discount a line may have against its list price, in percent; exactly at it is within the policy',
  })
  maxDiscountPercent!: Decimal | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: "The largest total (tax included, as Quote.total) in the quote's currency; exactly at it is within the policy",
  })
  maxTotal!: Decimal | null;

  @Field(() => Date, { nullable: true, description: 'Null until a policy is first set: no quote needs approval' })
  updatedAt!: Date | null;
}

@InputType('SetQuotePolicyInput', { description: 'Replaces the policy: an omitted or null limit is no limit' })
export class SetQuotePolicyInput {
  @Field(() => DecimalScalar, { nullable: true, description: '0 to 100, at most 4 decimals' })
  maxDiscountPercent?: Decimal | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Zero or more' })
  maxTotal?: Decimal | null;
}

@ObjectType('QuoteApprover', { description: 'The API key that approved' })
export class QuoteApproverType {
  @Field(() => ID)
  apiKeyId!: string;

  @Field()
  name!: string;

  @Field(() => Role)
  role!: Role;
}

@ObjectType('QuoteApproval')
export class QuoteApprovalType {
  @Field()
  approvedAt!: Date;

  @Field(() => QuoteApproverType)
  approvedBy!: QuoteApproverType;

  @Field(() => String, { nullable: true })
  note!: string | null;
}
