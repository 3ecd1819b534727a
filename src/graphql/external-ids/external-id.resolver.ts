import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Price } from '../../domain/catalog/price.entity';
import type { Product } from '../../domain/catalog/product.entity';
import { ExternalIdKind } from '../../domain/external-ids/external-id-tables';
import { isId } from '../../domain/shared/ids';
import { PriceType, ProductType } from '../catalog/catalog.types';
import type { Context } from '../context';
import { ExternalIdType } from '../customers/customer.types';
import { storedToInvoice } from '../invoices/invoice.mapping';
import { InvoiceType } from '../invoices/invoice.types';
import type { Subscription } from '../../domain/subscriptions/subscription.entity';
import { SubscriptionType } from '../subscriptions/subscription.types';
import {
  ExternalIdLinkType,
  UpsertCustomerInput,
  UpsertCustomerResultType,
  UpsertProductInput,
  UpsertProductResultType,
} from './external-id.types';

interface Row {
  system: string;
  externalId: string;
}

@Resolver()
export class ExternalIdResolver {
  @Mutation(() => ExternalIdLinkType, {
    description: 'Links a record to its id in another system (ADMIN); linking it again changes nothing',
  })
  setExternalId(
    @Arg('kind', () => ExternalIdKind) kind: ExternalIdKind,
    @Arg('recordId', () => ID, { description: "The record's id; for a PRICE, its code" }) recordId: string,
    @Arg('system') system: string,
    @Arg('id') id: string,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.externalIds.set(kind, recordId, system, id);
  }

  @Mutation(() => Boolean, { description: 'Unlinks the id (ADMIN); false when it was not linked' })
  removeExternalId(
    @Arg('kind', () => ExternalIdKind) kind: ExternalIdKind,
    @Arg('system') system: string,
    @Arg('id') id: string,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.externalIds.remove(kind, system, id);
  }

  @Mutation(() => UpsertCustomerResultType, {
    description: 'Creates the customer holding this external id, or updates what differs; a replay changes nothing (ADMIN)',
  })
  async upsertCustomer(
    @Arg('input', () => UpsertCustomerInput) input: UpsertCustomerInput,
    @Ctx() ctx: Context,
  ): Promise<UpsertCustomerResultType> {
    const { record, outcome } = await ctx.services.customerUpserts.upsert(input);
    return { customer: record, outcome };
  }

  @Mutation(() => UpsertProductResultType, {
    description: 'Creates the product holding this external id, or renames it; a replay changes nothing (ADMIN)',
  })
  async upsertProduct(
    @Arg('input', () => UpsertProductInput) input: UpsertProductInput,
    @Ctx() ctx: Context,
  ): Promise<UpsertProductResultType> {
    const { record, outcome } = await ctx.services.productUpserts.upsert(input);
    return { product: record, outcome };
  }

  @Query(() => ProductType, { nullable: true, description: 'The product holding this id in another system' })
  productByExternalId(@Arg('system') system: string, @Arg('id') id: string, @Ctx() ctx: Context) {
    return ctx.services.externalIds.product(system, id);
  }

  @Query(() => PriceType, { nullable: true, description: 'The current version of the price whose code holds this id in another system' })
  priceByExternalId(@Arg('system') system: string, @Arg('id') id: string, @Ctx() ctx: Context) {
    return ctx.services.externalIds.price(system, id);
  }

  @Query(() => InvoiceType, {
    nullable: true,
    description: 'The invoice holding this id in another system; a CUSTOMER key finds its own only',
  })
  async invoiceByExternalId(@Arg('system') system: string, @Arg('id') id: string, @Ctx() ctx: Context): Promise<InvoiceType | null> {
    const invoice = await ctx.services.externalIds.invoice(system, id);
    return invoice ? storedToInvoice(invoice) : null;
  }

  @Query(() => SubscriptionType, {
    nullable: true,
    description: 'The subscription holding this id in another system (STRIPE sub_… after an import); a CUSTOMER key finds its own only',
  })
  subscriptionByExternalId(@Arg('system') system: string, @Arg('id') id: string, @Ctx() ctx: Context) {
    return ctx.services.externalIds.subscription(system, id);
  }
}

@Resolver(() => ProductType)
export class ProductExternalIdsResolver {
  @FieldResolver(() => [ExternalIdType])
  externalIds(@Root() product: Product, @Ctx() ctx: Context): Promise<Row[]> {
    return ctx.loaders.externalIdsByProduct.load(product.id);
  }
}

@Resolver(() => PriceType)
export class PriceExternalIdsResolver {
  @FieldResolver(() => [ExternalIdType], { description: "The price code's: every version shares them" })
  externalIds(@Root() price: Price, @Ctx() ctx: Context): Promise<Row[]> {
    return ctx.loaders.externalIdsByPriceCode.load(price.code);
  }
}

@Resolver(() => InvoiceType)
export class InvoiceExternalIdsResolver {
  @FieldResolver(() => [ExternalIdType])
  async externalIds(@Root() invoice: InvoiceType, @Ctx() ctx: Context): Promise<Row[]> {
    // An upcoming invoice is not stored (its id is not a uuid): it has none yet.
    return isId(invoice.id) ? ctx.loaders.externalIdsByInvoice.load(invoice.id) : [];
  }
}

@Resolver(() => SubscriptionType)
export class SubscriptionExternalIdsResolver {
  @FieldResolver(() => [ExternalIdType])
  externalIds(@Root() subscription: Subscription, @Ctx() ctx: Context): Promise<Row[]> {
    return ctx.loaders.externalIdsBySubscription.load(subscription.id);
  }
}
