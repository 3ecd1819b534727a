import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { BillingInterval, Price, PriceStatus } from '../../domain/catalog/price.entity';
import type { Product } from '../../domain/catalog/product.entity';
import type { Context } from '../context';
import { toConnection } from '../shared/connection';
import { CurrencyScalar } from '../scalars/standard';
import {
  CreatePriceInput,
  PriceConnection,
  PriceType,
  PricingRuleKindType,
  PricingRuleType,
  ProductType,
  UpdatePriceInput,
} from './catalog.types';

@ArgsType()
class PricesArgs {
  @Field(() => Int, { nullable: true })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;

  @Field(() => String, { nullable: true })
  productCode?: string;

  @Field(() => CurrencyScalar, { nullable: true })
  currency?: string;

  @Field(() => BillingInterval, { nullable: true })
  interval?: BillingInterval;

  @Field(() => PriceStatus, { nullable: true })
  status?: PriceStatus;
}

@Resolver(() => PriceType)
export class PriceResolver {
  @Mutation(() => PriceType)
  createPrice(@Arg('input', () => CreatePriceInput) input: CreatePriceInput, @Ctx() ctx: Context) {
    return ctx.services.prices.create(input);
  }

  @Mutation(() => PriceType, { description: 'Makes a new version of the price; subscriptions keep the version they were sold' })
  updatePrice(@Arg('code') code: string, @Arg('input', () => UpdatePriceInput) input: UpdatePriceInput, @Ctx() ctx: Context) {
    return ctx.services.prices.update(code, input);
  }

  @Mutation(() => PriceType)
  archivePrice(@Arg('code') code: string, @Ctx() ctx: Context) {
    return ctx.services.prices.archive(code);
  }

  @Query(() => PriceType, { nullable: true, description: 'The current version, or the given one' })
  price(@Arg('code') code: string, @Arg('version', () => Int, { nullable: true }) version: number | null, @Ctx() ctx: Context) {
    return ctx.services.prices.get(code, version);
  }

  @Query(() => [PricingRuleKindType], {
    description: 'The kinds a price rule may have (built in, then those of pricing plugins), each with the JSON Schema of its config',
  })
  pricingRuleKinds(@Ctx() ctx: Context): PricingRuleKindType[] {
    return ctx.services.prices.ruleKinds();
  }

  @Query(() => PriceConnection, { description: 'Current versions' })
  async prices(@Args(() => PricesArgs) args: PricesArgs, @Ctx() ctx: Context) {
    return toConnection(await ctx.services.prices.list(args));
  }

  @FieldResolver(() => PricingRuleType)
  rule(@Root() price: Price): PricingRuleType {
    return { kind: price.ruleKind, config: price.ruleConfig };
  }

  @FieldResolver(() => ProductType)
  async product(@Root() price: Price, @Ctx() ctx: Context): Promise<Product> {
    return (await ctx.loaders.product.load(price.product.id))!;
  }
}
