import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BillingInterval, PriceStatus } from '../../domain/catalog/price.entity';
import { ProductKind, StockPolicy } from '../../domain/catalog/product-kind';
import { Connection } from '../shared/connection';
import { CurrencyScalar, JSONObjectScalar } from '../scalars/standard';

registerEnumType(BillingInterval, { name: 'BillingInterval' });
registerEnumType(PriceStatus, { name: 'PriceStatus' });
registerEnumType(ProductKind, { name: 'ProductKind', description: 'SERVICE bills per period; PHYSICAL goods go on orders and ship' });
registerEnumType(StockPolicy, {
  name: 'StockPolicy',
  description: 'What placing an order does when stock is short: BACKORDER the rest, SKIP_LINE (drop the rest), HOLD_ORDER (hold it all)',
});

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

  @Field(() => ProductKind)
  kind!: ProductKind;

  @Field(() => String, { nullable: true, description: "The warehouse's article number; set for PHYSICAL products, unique" })
  sku!: string | null;

  @Field(() => StockPolicy, { nullable: true, description: 'PHYSICAL products only' })
  stockPolicy!: StockPolicy | null;

  @Field()
  createdAt!: Date;
}

@ObjectType('PricingRule', { description: 'A rule kind and its config, as PRICING.md describes them' })
export class PricingRuleType {
  @Field()
  kind!: string;

  @Field(() => JSONObjectScalar, { description: "Its shape is the kind's `configSchema` in `pricingRuleKinds`" })
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

  @Field(() => ProductKind, { nullable: true, description: 'Default SERVICE' })
  kind?: ProductKind | null;

  @Field(() => String, {
    nullable: true,
    description: 'Required for PHYSICAL (and refused for SERVICE): 1 to 64 letters, digits, ".", "_", "-" or "/"; unique',
  })
  sku?: string | null;

  @Field(() => StockPolicy, { nullable: true, description: 'PHYSICAL only; default BACKORDER' })
  stockPolicy?: StockPolicy | null;
}

@InputType('PricingRuleInput')
export class PricingRuleInput {
  @Field({
    description:
      'One of `pricingRuleKinds`: built in are flat, per_unit, graduated, volume, package, usage, bundle and formula; pricing plugins add others',
  })
  kind!: string;

  @Field(() => JSONObjectScalar, {
    description:
      "The kind's config: its shape is the kind's `configSchema` in `pricingRuleKinds` (a JSON Schema), checked when the price is created",
  })
  config!: Record<string, unknown>;
}

@ObjectType('PricingRuleKind', { description: 'A kind a price rule may have, and the JSON Schema of its config (for forms)' })
export class PricingRuleKindType {
  @Field()
  kind!: string;

  @Field({ description: 'False for a kind a pricing plugin added (TARIFF_PRICING_PLUGINS)' })
  builtIn!: boolean;

  @Field(() => JSONObjectScalar, { description: 'A JSON Schema (draft 2020-12) of what `PricingRuleInput.config` accepts for this kind' })
  configSchema!: Record<string, unknown>;
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
