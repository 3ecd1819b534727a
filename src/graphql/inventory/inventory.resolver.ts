import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { Product } from '../../domain/catalog/product.entity';
import type { InventoryLevel } from '../../domain/inventory/inventory-level.entity';
import type { Context } from '../context';
import { ProductType } from '../catalog/catalog.types';
import { InventoryLevelInput, InventoryLevelType } from './inventory.types';

const toType = (l: InventoryLevel): InventoryLevelType => ({
  sku: l.sku,
  available: l.available.toFixed(),
  asOf: l.asOf,
  updatedAt: l.updatedAt,
});

@Resolver(() => ProductType)
export class InventoryResolver {
  @Mutation(() => Int, {
    description:
      "The warehouse's counts from the ERP or WMS (ADMIN): all or none, idempotent, the latest asOf wins; returns how many SKUs' quantity changed",
  })
  setInventoryLevels(
    @Arg('levels', () => [InventoryLevelInput]) levels: InventoryLevelInput[],
    @Arg('asOf', () => Date, { nullable: true, description: 'When the warehouse counted; default now' }) asOf: Date | null,
    @Ctx() ctx: Context,
  ): Promise<number> {
    return ctx.services.inventory.setLevels(levels, asOf);
  }

  @FieldResolver(() => InventoryLevelType, {
    nullable: true,
    description: 'What the warehouse last reported (ADMIN, SALES, PARTNER); null for a service or a SKU never reported',
  })
  async inventory(@Root() product: Product, @Ctx() ctx: Context): Promise<InventoryLevelType | null> {
    if (!product.sku) return null;
    const level = (await ctx.services.inventory.levels([product.sku])).get(product.sku);
    return level ? toType(level) : null;
  }
}
