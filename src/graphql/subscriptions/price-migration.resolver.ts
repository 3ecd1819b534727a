import { Arg, Ctx, Field, Int, Mutation, ObjectType, Resolver, registerEnumType } from 'type-graphql';
import { MigrationTiming, PriceMigrationResult } from '../../domain/subscriptions/price-migration.service';
import type { Context } from '../context';

registerEnumType(MigrationTiming, { name: 'MigrationTiming', description: 'NOW (with prorations) or NEXT_PERIOD (at each period end)' });

@ObjectType('PriceMigrationResult')
class PriceMigrationResultType implements PriceMigrationResult {
  @Field(() => Int, { description: 'Subscriptions found on an older version' })
  matched!: number;

  @Field(() => Int)
  moved!: number;

  @Field(() => Int)
  scheduled!: number;
}

@Resolver()
export class PriceMigrationResolver {
  @Mutation(() => PriceMigrationResultType, { description: 'Moves subscriptions on older versions of a price to the given version' })
  migratePriceVersion(
    @Arg('priceCode') priceCode: string,
    @Arg('toVersion', () => Int) toVersion: number,
    @Arg('when', () => MigrationTiming) when: MigrationTiming,
    @Ctx() ctx: Context,
  ): Promise<PriceMigrationResult> {
    return ctx.services.priceMigrations.migrate(priceCode, toVersion, when);
  }
}
