import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { storedToInvoice } from '../invoices/invoice.mapping';
import { InvoiceType } from '../invoices/invoice.types';
import { ConnectionShape, toConnection } from '../shared/connection';
import { toPaymentAttempt, toPaymentMethod } from './payment.mapping';
import {
  AttachPaymentMethodInput,
  DunningPolicyType,
  PaymentAttemptConnection,
  PaymentAttemptsArgs,
  PaymentAttemptType,
  PaymentMethodType,
  RecordPaymentInput,
  SetDunningPolicyInput,
} from './payment.types';

@Resolver()
export class PaymentResolver {
  @Mutation(() => PaymentMethodType, {
    description: "Adds a payment method (ADMIN, or the customer's own key); it becomes the default unless makeDefault is false",
  })
  async attachPaymentMethod(
    @Arg('input', () => AttachPaymentMethodInput) input: AttachPaymentMethodInput,
    @Ctx() ctx: Context,
  ): Promise<PaymentMethodType> {
    return toPaymentMethod(await ctx.services.paymentMethods.attach(input));
  }

  @Mutation(() => PaymentMethodType)
  async setDefaultPaymentMethod(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<PaymentMethodType> {
    return toPaymentMethod(await ctx.services.paymentMethods.setDefault(id));
  }

  @Mutation(() => PaymentMethodType, { description: 'Removes a method from use; past attempts keep naming it' })
  async detachPaymentMethod(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<PaymentMethodType> {
    return toPaymentMethod(await ctx.services.paymentMethods.detach(id));
  }

  @Query(() => [PaymentMethodType], { description: 'Attached methods, oldest first' })
  async paymentMethods(@Arg('customerId', () => ID) customerId: string, @Ctx() ctx: Context): Promise<PaymentMethodType[]> {
    return (await ctx.services.paymentMethods.list(customerId)).map(toPaymentMethod);
  }

  @Mutation(() => InvoiceType, { description: 'Reconciles a payment received outside Tariff (bank transfer), in full or in part (ADMIN)' })
  async recordPayment(@Arg('input', () => RecordPaymentInput) input: RecordPaymentInput, @Ctx() ctx: Context): Promise<InvoiceType> {
    return storedToInvoice(await ctx.services.payments.record(input));
  }

  @Query(() => PaymentAttemptConnection, { description: 'Charges, reminders and recorded payments, newest first' })
  async paymentAttempts(
    @Args(() => PaymentAttemptsArgs) args: PaymentAttemptsArgs,
    @Ctx() ctx: Context,
  ): Promise<ConnectionShape<PaymentAttemptType>> {
    const connection = toConnection(await ctx.services.payments.list(args));
    return { ...connection, edges: connection.edges.map((e) => ({ cursor: e.cursor, node: toPaymentAttempt(e.node) })) };
  }

  @Query(() => DunningPolicyType, { description: 'The policy in force (the default until one is set)' })
  async dunningPolicy(@Ctx() ctx: Context): Promise<DunningPolicyType> {
    const rules = await ctx.services.dunningPolicy.get();
    return { ...rules, retryAfterDays: [...rules.retryAfterDays] };
  }

  @Mutation(() => DunningPolicyType, {
    description: 'Replaces the dunning policy (ADMIN); invoices already in dunning follow it from their next step',
  })
  async setDunningPolicy(
    @Arg('input', () => SetDunningPolicyInput) input: SetDunningPolicyInput,
    @Ctx() ctx: Context,
  ): Promise<DunningPolicyType> {
    const rules = await ctx.services.dunningPolicy.set(input);
    return { ...rules, retryAfterDays: [...rules.retryAfterDays] };
  }
}

/** `Invoice.attempts`: lives with payments so that invoices do not depend on them. */
@Resolver(() => InvoiceType)
export class InvoicePaymentsResolver {
  @FieldResolver(() => [PaymentAttemptType], { description: 'Every charge, reminder and recorded payment, oldest first' })
  async attempts(@Root() invoice: InvoiceType, @Ctx() ctx: Context): Promise<PaymentAttemptType[]> {
    if (invoice.id.startsWith('upcoming_')) return [];
    return (await ctx.loaders.attemptsByInvoice.load(invoice.id)).map(toPaymentAttempt);
  }
}
