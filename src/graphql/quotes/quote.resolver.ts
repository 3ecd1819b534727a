import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Customer } from '../../domain/customers/customer.entity';
import type { QuoteLine } from '../../domain/quotes/quote-line.entity';
import { Quote, QuoteStatus } from '../../domain/quotes/quote.entity';
import type { Subscription } from '../../domain/subscriptions/subscription.entity';
import { formatMoney } from '../../pricing/currency';
import type { Decimal } from '../../pricing/decimal';
import type { Context } from '../context';
import { CustomerType } from '../customers/customer.types';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { toConnection } from '../shared/connection';
import { CustomerPageArgs } from '../shared/page-args';
import { SubscriptionType } from '../subscriptions/subscription.types';
import { CreateQuoteInput, QuoteConnection, QuoteLineType, QuoteType, UpdateQuoteInput } from './quote.types';

@ArgsType()
class QuotesArgs extends CustomerPageArgs {
  @Field(() => QuoteStatus, { nullable: true })
  status?: QuoteStatus;
}

/** Frozen amounts leave as strings at the currency's scale; null while the quote is a DRAFT. */
function money(amount: Decimal | null, currency: string): string | null {
  return amount === null ? null : formatMoney(amount, currency);
}

function toLine(line: QuoteLine, currency: string): QuoteLineType {
  return {
    priceCode: line.priceCode,
    quantity: line.quantity,
    priceVersion: line.price?.version ?? null,
    amount: money(line.amount, currency),
    tax: money(line.tax, currency),
    steps: line.steps,
  };
}

@Resolver(() => QuoteType)
export class QuoteResolver {
  @Query(() => QuoteType, { nullable: true })
  quote(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.quotes.get(id);
  }

  @Query(() => QuoteConnection, { description: 'Oldest first' })
  async quotes(@Args(() => QuotesArgs) args: QuotesArgs, @Ctx() ctx: Context) {
    return toConnection(await ctx.services.quotes.list(args));
  }

  @Mutation(() => QuoteType, { description: 'A DRAFT quote; use previewQuote for its live price' })
  createQuote(@Arg('input', () => CreateQuoteInput) input: CreateQuoteInput, @Ctx() ctx: Context) {
    return ctx.services.quotes.create(input);
  }

  @Mutation(() => QuoteType, { description: 'While DRAFT only' })
  updateQuote(@Arg('id', () => ID) id: string, @Arg('input', () => UpdateQuoteInput) input: UpdateQuoteInput, @Ctx() ctx: Context) {
    return ctx.services.quotes.update(id, input);
  }

  @Mutation(() => QuoteType, { description: 'Prices the quote now and freezes it: the amounts shown are the amounts that will be billed' })
  sendQuote(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.quoteLifecycle.send(id);
  }

  @Mutation(() => SubscriptionType, { description: 'Creates the subscription from the sent quote, at its quoted price versions; once' })
  acceptQuote(
    @Arg('id', () => ID) id: string,
    @Arg('purchaseOrderNumber', () => String, {
      nullable: true,
      description:
        'The buyer’s purchase order given with its acceptance: replaces the quote’s (one is required when the customer’s purchaseOrderRequired is set)',
    })
    purchaseOrderNumber: string | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.quoteLifecycle.accept(id, purchaseOrderNumber);
  }

  @Mutation(() => QuoteType)
  declineQuote(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.quoteLifecycle.decline(id);
  }

  @FieldResolver(() => QuoteStatus)
  status(@Root() quote: Quote, @Ctx() ctx: Context): QuoteStatus {
    return ctx.services.quotes.statusOf(quote);
  }

  @FieldResolver(() => CustomerType)
  async customer(@Root() quote: Quote, @Ctx() ctx: Context): Promise<Customer> {
    return (await ctx.loaders.customer.load(quote.customer.id))!;
  }

  @FieldResolver(() => [QuoteLineType])
  async lines(@Root() quote: Quote, @Ctx() ctx: Context): Promise<QuoteLineType[]> {
    return (await ctx.loaders.linesByQuote.load(quote.id)).map((line) => toLine(line, quote.currency));
  }

  @FieldResolver(() => DecimalScalar, { nullable: true })
  subtotal(@Root() quote: Quote): string | null {
    return money(quote.subtotal, quote.currency);
  }

  @FieldResolver(() => DecimalScalar, { nullable: true })
  tax(@Root() quote: Quote): string | null {
    return money(quote.tax, quote.currency);
  }

  @FieldResolver(() => DecimalScalar, { nullable: true })
  total(@Root() quote: Quote): string | null {
    return money(quote.total, quote.currency);
  }

  @FieldResolver(() => SubscriptionType, { nullable: true, description: 'The subscription accepting created' })
  subscription(@Root() quote: Quote, @Ctx() ctx: Context): Promise<Subscription | null> | null {
    return quote.subscription ? ctx.loaders.subscription.load(quote.subscription.id) : null;
  }
}
