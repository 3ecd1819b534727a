import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Price } from '../../domain/catalog/price.entity';
import type { Product } from '../../domain/catalog/product.entity';
import type { Context } from '../context';
import { toConnection } from '../shared/connection';
import { CreateProductInput, PriceType, ProductConnection, ProductType } from './catalog.types';

@ArgsType()
class ProductsArgs {
  @Field(() => Int, { nullable: true })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;
}

@Resolver(() => ProductType)
export class ProductResolver {
  @Mutation(() => ProductType)
  createProduct(@Arg('input', () => CreateProductInput) input: CreateProductInput, @Ctx() ctx: Context) {
    return ctx.services.products.create(input);
  }

  @Query(() => ProductType, { nullable: true })
  product(@Arg('code') code: string, @Ctx() ctx: Context) {
    return ctx.services.products.get(code);
  }

  @Query(() => ProductConnection)
  async products(@Args(() => ProductsArgs) args: ProductsArgs, @Ctx() ctx: Context) {
    return toConnection(await ctx.services.products.list(args));
  }

  @FieldResolver(() => [PriceType], { description: 'Current versions of its prices' })
  prices(@Root() product: Product, @Ctx() ctx: Context): Promise<Price[]> {
    return ctx.loaders.pricesByProduct.load(product.id);
  }
}
