import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BillingInterval, PriceStatus } from '../../domain/catalog/price.entity';
import { Connection } from '../shared/connection';
import { CurrencyScalar, JSONObjectScalar } from '../scalars/standard';

registerEnumType(BillingInterval, { name: 'BillingInterval' });
registerEnumType(PriceStatus, { name: 'PriceStatus' });

@Directive('@key(fields: "id")')
@Directive('@key(fields: "code")')
@ObjectType('Product')
export class ProductType {
  @Field(() => ID)
  id!: string;

  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field()
  createdAt!: Date;
}

@ObjectType('PricingRule', { description: 'A rule kind and its config, as PRICING.md describes them' })
export class PricingRuleType {
  @Field()
  kind!: string;

  @Field(() => JSONObjectScalar)
  config!: Record<string, unknown>;
}

@Directive('@key(fields: "id")')
@Directive('@key(fields: "code")')
@ObjectType('Price', { description: 'One version of a price; `price(code)` answers with the current one' })
export class PriceType {
  @Field(() => ID)
  id!: string;

  @Field()
  code!: string;

  @Field(() => Int)
  version!: number;

  @Field({ description: 'Whether this is the newest version of the code' })
  isCurrent!: boolean;

  @Field(() => CurrencyScalar)
  currency!: string;

  @Field(() => BillingInterval)
  interval!: BillingInterval;

  @Field(() => Int)
  intervalCount!: number;

  @Field(() => PriceStatus)
  status!: PriceStatus;

  @Field()
  createdAt!: Date;
}

export const PriceConnection = Connection('Price', PriceType);
export const ProductConnection = Connection('Product', ProductType);

@InputType('CreateProductInput')
export class CreateProductInput {
  @Field()
  code!: string;

  @Field()
  name!: string;
}

@InputType('PricingRuleInput')
export class PricingRuleInput {
  @Field({ description: 'flat, per_unit, graduated, volume, package, usage or bundle' })
  kind!: string;

  @Field(() => JSONObjectScalar)
  config!: Record<string, unknown>;
}

@InputType('CreatePriceInput')
export class CreatePriceInput {
  @Field()
  code!: string;

  @Field()
  productCode!: string;

  @Field(() => CurrencyScalar)
  currency!: string;

  @Field(() => BillingInterval)
  interval!: BillingInterval;

  @Field(() => Int, { defaultValue: 1 })
  intervalCount!: number;

  @Field(() => PricingRuleInput)
  rule!: PricingRuleInput;
}

@InputType('UpdatePriceInput', { description: 'The terms of the next version' })
export class UpdatePriceInput {
  @Field(() => PricingRuleInput)
  rule!: PricingRuleInput;
}
