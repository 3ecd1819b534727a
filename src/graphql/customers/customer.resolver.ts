import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { CustomerExternalId } from '../../domain/customers/customer-external-id.entity';
import type { Customer } from '../../domain/customers/customer.entity';
import { formatMoney } from '../../pricing/currency';
import { DecimalScalar } from '../scalars/decimal.scalar';
import type { Context } from '../context';
import { toConnection } from '../shared/connection';
import { CustomerFilterInput } from './customer-filter.types';
import { CreateCustomerInput, CustomerConnection, CustomerType, ExternalIdType, UpdateCustomerInput } from './customer.types';

@ArgsType()
class CustomersArgs {
  @Field(() => Int, { nullable: true })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;

  @Field(() => String, { nullable: true, description: 'Part of the name or email, case-insensitive' })
  search?: string;

  @Field(() => CustomerFilterInput, { nullable: true, description: 'A segment: plan, MRR range, subscription status, tenure, tags' })
  filter?: CustomerFilterInput;
}

@Resolver(() => CustomerType)
export class CustomerResolver {
  @Mutation(() => CustomerType)
  createCustomer(@Arg('input', () => CreateCustomerInput) input: CreateCustomerInput, @Ctx() ctx: Context) {
    return ctx.services.customers.create(input);
  }

  @Mutation(() => CustomerType)
  updateCustomer(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateCustomerInput) input: UpdateCustomerInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.customers.update(id, input);
  }

  @Query(() => CustomerType, { nullable: true })
  customer(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.customers.get(id);
  }

  @Query(() => CustomerConnection, { description: 'Oldest first' })
  async customers(@Args(() => CustomersArgs) args: CustomersArgs, @Ctx() ctx: Context) {
    return toConnection(await ctx.services.customers.list(args));
  }

  @Query(() => CustomerType, { nullable: true, description: 'The customer holding this id in another system' })
  customerByExternalId(@Arg('system') system: string, @Arg('id') id: string, @Ctx() ctx: Context) {
    return ctx.services.customers.getByExternalId(system, id);
  }

  @FieldResolver(() => DecimalScalar, {
    nullable: true,
    description:
      'What creditExposure may reach before operations that raise it are refused (CONFLICT, reason CREDIT_LIMIT); null: no limit',
  })
  creditLimit(@Root() customer: Customer): string | null {
    return customer.creditLimit === null ? null : formatMoney(customer.creditLimit, customer.currency);
  }

  @FieldResolver(() => DecimalScalar, {
    description:
      'What the customer owes and is committed to: the rest of its OPEN invoices (amountDue − amountPaid, not yet due ones included) plus its DRAFT invoices (docs/credit-limits.md)',
  })
  async creditExposure(@Root() customer: Customer, @Ctx() ctx: Context): Promise<string> {
    return formatMoney(await ctx.loaders.creditExposure.load(customer.id), customer.currency);
  }

  @FieldResolver(() => CustomerType, {
    nullable: true,
    description: 'Its parent in a company group; null when none, or not visible to this key',
  })
  parent(@Root() customer: Customer, @Ctx() ctx: Context) {
    return ctx.services.customers.parentOf(customer);
  }

  @FieldResolver(() => [CustomerType], { description: 'Its children in a company group (those this key may see), oldest first' })
  children(@Root() customer: Customer, @Ctx() ctx: Context) {
    return ctx.services.customers.childrenOf(customer);
  }

  @FieldResolver(() => CustomerType, {
    nullable: true,
    description:
      'Who pays its invoices: itself, or with invoiceTo PARENT the first ancestor that pays for itself (null when not visible to this key)',
  })
  payer(@Root() customer: Customer, @Ctx() ctx: Context) {
    return ctx.services.customers.payerOf(customer);
  }

  @FieldResolver(() => [ExternalIdType])
  externalIds(@Root() customer: Customer, @Ctx() ctx: Context): CustomerExternalId[] | Promise<CustomerExternalId[]> {
    // Fresh from a mutation the collection is loaded; in lists the loader batches the query.
    return customer.externalIds.isInitialized() ? customer.externalIds.getItems() : ctx.loaders.externalIdsByCustomer.load(customer.id);
  }
}
