import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ContractItem } from '../../domain/contracts/contract-item.entity';
import type { Contract } from '../../domain/contracts/contract.entity';
import type { Customer } from '../../domain/customers/customer.entity';
import type { Context } from '../context';
import { CustomerType } from '../customers/customer.types';
import { ContractItemType, ContractType, CreateContractInput } from './contract.types';

@Resolver(() => ContractType)
export class ContractResolver {
  @Mutation(() => ContractType)
  createContract(@Arg('input', () => CreateContractInput) input: CreateContractInput, @Ctx() ctx: Context) {
    return ctx.services.contracts.create(input);
  }

  @Query(() => ContractType, { nullable: true })
  contract(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.contracts.get(id);
  }

  @FieldResolver(() => CustomerType)
  async customer(@Root() contract: Contract, @Ctx() ctx: Context): Promise<Customer> {
    return (await ctx.loaders.customer.load(contract.customer.id))!;
  }

  @FieldResolver(() => [ContractItemType])
  items(@Root() contract: Contract): ContractItem[] {
    return contract.items.getItems();
  }
}

/** `Customer.contracts`: lives with contracts so that customers do not depend on them. */
@Resolver(() => CustomerType)
export class CustomerContractsResolver {
  @FieldResolver(() => [ContractType], { description: 'In the order they start' })
  contracts(@Root() customer: Customer, @Ctx() ctx: Context): Promise<Contract[]> {
    return ctx.services.contracts.listForCustomer(customer.id, ctx.loaders.contractsByCustomer);
  }
}
