import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Role } from '../../domain/auth/actor';
import type { QuotePolicyView } from '../../domain/quotes/quote-approval.service';
import type { Quote } from '../../domain/quotes/quote.entity';
import type { Context } from '../context';
import { QuotePolicyType, QuoteApprovalType, SetQuotePolicyInput } from './quote-approval.types';
import { QuoteType } from './quote.types';

@Resolver(() => QuoteType)
export class QuoteApprovalResolver {
  @Query(() => QuotePolicyType, { description: 'ADMIN, SALES, SALES_MANAGER' })
  quotePolicy(@Ctx() ctx: Context): Promise<QuotePolicyView> {
    return ctx.services.quoteApproval.getPolicy();
  }

  @Mutation(() => QuotePolicyType, {
    description: 'ADMIN. Re-evaluates requiresApproval of every DRAFT quote; approvals already given stay',
  })
  setQuotePolicy(@Arg('input', () => SetQuotePolicyInput) input: SetQuotePolicyInput, @Ctx() ctx: Context): Promise<QuotePolicyView> {
    return ctx.services.quoteApproval.setPolicy(input);
  }

  @Mutation(() => QuoteType, {
    description: 'ADMIN or SALES_MANAGER: approves a DRAFT quote as it stands, so that sendQuote may send it beyond the policy',
  })
  approveQuote(
    @Arg('id', () => ID) id: string,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: Context,
  ): Promise<Quote> {
    return ctx.services.quoteApproval.approve(id, note);
  }

  @FieldResolver(() => String, { description: 'Q-<year>-NNNNNN, gapless per calendar year (UTC)' })
  number(@Root() quote: Quote): string {
    return quote.number;
  }

  @FieldResolver(() => Boolean, {
    description:
      'Beyond the quote policy (a line discount against list price, or the total): sendQuote needs an approval first. Fixed when sent',
  })
  requiresApproval(@Root() quote: Quote): boolean {
    return quote.requiresApproval;
  }

  @FieldResolver(() => QuoteApprovalType, {
    nullable: true,
    description: 'Who approved the quote and when; a change to a DRAFT withdraws it',
  })
  approval(@Root() quote: Quote): QuoteApprovalType | null {
    if (!quote.approvedAt) return null;
    return {
      approvedAt: quote.approvedAt,
      approvedBy: { apiKeyId: quote.approvedByKeyId ?? '', name: quote.approvedByName ?? '', role: quote.approvedByRole as Role },
      note: quote.approvalNote,
    };
  }
}
