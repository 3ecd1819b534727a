import { Field, ID, InputType, ObjectType } from 'type-graphql';
import type { Decimal } from '../../pricing/decimal';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { JSONObjectScalar } from '../scalars/standard';

@ObjectType('ContractItem', { description: 'What a contract puts over one catalog price (PRICING.md, Contracts)' })
export class ContractItemType {
  @Field()
  priceCode!: string;

  @Field(() => JSONObjectScalar, { nullable: true, description: "Replaces the price's rule config; same kind" })
  override!: Record<string, unknown> | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Percent off the line amount' })
  discountPercent!: Decimal | null;
}

@ObjectType('Contract', { description: "A customer's negotiated terms, in force over [startsAt, endsAt)" })
export class ContractType {
  @Field(() => ID)
  id!: string;

  @Field()
  code!: string;

  @Field()
  startsAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Exclusive; null: open-ended' })
  endsAt!: Date | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Per billing period, over the lines the contract covers' })
  minimumCommitment!: Decimal | null;

  @Field()
  createdAt!: Date;
}

@InputType('ContractItemInput')
export class ContractItemInput {
  @Field()
  priceCode!: string;

  @Field(() => JSONObjectScalar, { nullable: true, description: "A config of the price's rule kind" })
  override?: Record<string, unknown> | null;

  @Field(() => DecimalScalar, { nullable: true, description: '0 to 100' })
  discountPercent?: Decimal | null;
}

@InputType('CreateContractInput')
export class CreateContractInput {
  @Field(() => ID)
  customerId!: string;

  @Field()
  code!: string;

  @Field()
  startsAt!: Date;

  @Field(() => Date, { nullable: true })
  endsAt?: Date | null;

  @Field(() => DecimalScalar, { nullable: true })
  minimumCommitment?: Decimal | null;

  @Field(() => [ContractItemInput], { description: '1 to 100, one per price' })
  items!: ContractItemInput[];
}
