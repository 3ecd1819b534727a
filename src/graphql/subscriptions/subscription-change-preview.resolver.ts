import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { SubscriptionChangePreview } from '../../domain/subscriptions/subscription-change-preview.service';
import { formatMoney } from '../../pricing/currency';
import type { Context } from '../context';
import { SubscriptionChangePreviewType } from './subscription-change-preview.types';
import { ChangeSubscriptionInput } from './subscription.types';

function toPreview(p: SubscriptionChangePreview): SubscriptionChangePreviewType {
  const currency = p.subscription.currency;
  const money = (d: Parameters<typeof formatMoney>[0]) => formatMoney(d, currency);
  return {
    subscription: p.subscription,
    prorationBehavior: p.prorationBehavior,
    at: p.at,
    currency,
    lines: p.lines.map((l) => ({
      description: l.description,
      priceCode: l.priceCode ?? '',
      quantity: l.quantity.toFixed(),
      amount: money(l.amount),
      tax: money(l.tax),
      periodStart: l.periodStart!,
      periodEnd: l.periodEnd!,
      steps: [...l.steps],
    })),
    subtotal: money(p.subtotal),
    tax: money(p.tax),
    total: money(p.total),
    amountDueNow: money(p.amountDueNow),
  };
}

@Resolver()
export class SubscriptionChangePreviewResolver {
  @Query(() => SubscriptionChangePreviewType, {
    description: 'The prorations and amounts changeSubscription would make with this input, and the same refusals; writes nothing',
  })
  async previewSubscriptionChange(
    @Arg('input', () => ChangeSubscriptionInput) input: ChangeSubscriptionInput,
    @Ctx() ctx: Context,
  ): Promise<SubscriptionChangePreviewType> {
    return toPreview(await ctx.services.subscriptionChangePreviews.preview(input));
  }
}
