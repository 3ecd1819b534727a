import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Customer } from '../../domain/customers/customer.entity';
import type { Subscription } from '../../domain/subscriptions/subscription.entity';
import type { Context } from '../context';
import { CustomerType } from '../customers/customer.types';
import type { ConnectionShape } from '../shared/connection';
import { toConnection } from '../shared/connection';
import { SubscriptionType } from '../subscriptions/subscription.types';
import { draftToInvoice, storedToInvoice } from './invoice.mapping';
import { InvoiceConnection, InvoicesArgs, InvoiceType } from './invoice.types';

@Resolver(() => InvoiceType)
export class InvoiceResolver {
  @Query(() => InvoiceType, { description: 'The invoice the next billing run would make for this subscription (not stored)' })
  async upcomingInvoice(@Arg('subscriptionId', () => ID) subscriptionId: string, @Ctx() ctx: Context): Promise<InvoiceType> {
    const { subscription, draft } = await ctx.services.upcomingInvoices.forSubscription(subscriptionId);
    return draftToInvoice(draft, subscription);
  }

  @Query(() => InvoiceType, { nullable: true })
  async invoice(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<InvoiceType | null> {
    const invoice = await ctx.services.invoices.get(id);
    return invoice ? storedToInvoice(invoice) : null;
  }

  @Query(() => InvoiceConnection, { description: 'Oldest first, by (createdAt, id)' })
  async invoices(@Args(() => InvoicesArgs) args: InvoicesArgs, @Ctx() ctx: Context): Promise<ConnectionShape<InvoiceType>> {
    const connection = toConnection(await ctx.services.invoices.list(args));
    return { ...connection, edges: connection.edges.map((e) => ({ cursor: e.cursor, node: storedToInvoice(e.node) })) };
  }

  @Mutation(() => InvoiceType, {
    description: 'OPEN or UNCOLLECTIBLE → VOID: nothing is due any more (ADMIN). A paid invoice is corrected with createCreditNote instead',
  })
  async voidInvoice(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<InvoiceType> {
    return storedToInvoice(await ctx.services.invoiceVoids.void(id));
  }

  @Mutation(() => InvoiceType, {
    description:
      'DRAFT → OPEN (ADMIN): numbered, dated and due as a billing run finalizes, and charged then when collected automatically. Only a DRAFT (customers with invoiceDrafts get them)',
  })
  async finalizeInvoice(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<InvoiceType> {
    return storedToInvoice(await ctx.services.invoiceFinalizations.finalize(id));
  }

  @FieldResolver(() => CustomerType)
  async customer(@Root() invoice: InvoiceType, @Ctx() ctx: Context): Promise<Customer> {
    return (await ctx.loaders.customer.load(invoice.customerId))!;
  }

  @FieldResolver(() => SubscriptionType, { nullable: true })
  async subscription(@Root() invoice: InvoiceType, @Ctx() ctx: Context): Promise<Subscription | null> {
    return invoice.subscriptionId ? ctx.loaders.subscription.load(invoice.subscriptionId) : null;
  }
}
