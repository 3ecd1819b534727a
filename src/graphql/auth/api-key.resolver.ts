import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ApiKey } from '../../domain/auth/api-key.entity';
import type { Customer } from '../../domain/customers/customer.entity';
import type { Context } from '../context';
import { CustomerType } from '../customers/customer.types';
import { toConnection } from '../shared/connection';
import { ApiKeyConnection, ApiKeysArgs, ApiKeyType, ApiKeyWithSecretType, CreateApiKeyInput, ViewerType } from './api-key.types';

@Resolver(() => ApiKeyType)
export class ApiKeyResolver {
  @Query(() => ViewerType, { description: 'Who the API key in this request is' })
  viewer(@Ctx() ctx: Context): ViewerType {
    return ctx.actor;
  }

  @Query(() => ApiKeyConnection, { description: 'Every API key, oldest first, revoked ones included (ADMIN). Secrets are never shown.' })
  async apiKeys(@Args(() => ApiKeysArgs) args: ApiKeysArgs, @Ctx() ctx: Context) {
    return toConnection(await ctx.services.apiKeys.list(args));
  }

  @Mutation(() => ApiKeyWithSecretType)
  createApiKey(@Arg('input', () => CreateApiKeyInput) input: CreateApiKeyInput, @Ctx() ctx: Context) {
    return ctx.services.apiKeys.create(input);
  }

  @Mutation(() => ApiKeyType)
  revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.apiKeys.revoke(id);
  }

  @FieldResolver(() => CustomerType, { nullable: true })
  customer(@Root() key: ApiKey, @Ctx() ctx: Context): Promise<Customer | null> | null {
    return key.customer ? ctx.loaders.customer.load(key.customer.id) : null;
  }
}
