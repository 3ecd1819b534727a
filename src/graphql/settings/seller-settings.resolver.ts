import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { SellerSettingsView } from '../../domain/settings/seller-settings.service';
import type { Context } from '../context';
import { SellerSettingsType, UpdateSellerSettingsInput } from './seller-settings.types';

@Resolver(() => SellerSettingsType)
export class SellerSettingsResolver {
  @Query(() => SellerSettingsType, { description: 'The defaults until an ADMIN saves them' })
  sellerSettings(@Ctx() ctx: Context): Promise<SellerSettingsView> {
    return ctx.services.sellerSettings.get();
  }

  @Mutation(() => SellerSettingsType, { description: 'ADMIN' })
  updateSellerSettings(
    @Arg('input', () => UpdateSellerSettingsInput) input: UpdateSellerSettingsInput,
    @Ctx() ctx: Context,
  ): Promise<SellerSettingsView> {
    return ctx.services.sellerSettings.update(input);
  }
}
