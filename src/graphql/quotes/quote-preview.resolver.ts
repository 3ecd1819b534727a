import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { formatMoney } from '../../pricing/currency';
import type { PricedDocument } from '../../pricing/document';
import type { Context } from '../context';
import { PreviewQuoteInput, PricedLineKind, QuotePreviewType } from './quote-preview.types';

/** Amounts leave as strings at the currency's scale ("240.00", "1000" for JPY). */
export function toQuotePreview(doc: PricedDocument): QuotePreviewType {
  const money = (d: Parameters<typeof formatMoney>[0]) => formatMoney(d, doc.currency);
  return {
    currency: doc.currency,
    subtotal: money(doc.subtotal),
    tax: money(doc.tax),
    total: money(doc.total),
    notes: [...doc.notes],
    lines: doc.lines.map((line) => ({
      kind:
        line.kind === 'discount'
          ? PricedLineKind.DISCOUNT
          : line.kind === 'minimum_commitment'
            ? PricedLineKind.MINIMUM_COMMITMENT
            : PricedLineKind.CHARGE,
      couponCode: line.kind === 'discount' ? line.couponCode : null,
      priceCode: line.priceCode ?? '',
      quantity: line.quantity.toFixed(),
      amount: money(line.amount),
      tax: money(line.tax),
      steps: [...line.steps],
      contractCode: line.contractCode ?? null,
    })),
  };
}

@Resolver()
export class QuotePreviewResolver {
  @Query(() => QuotePreviewType, { description: 'The priced document for these lines, with the customer’s contracts and tax' })
  async previewQuote(@Arg('input', () => PreviewQuoteInput) input: PreviewQuoteInput, @Ctx() ctx: Context): Promise<QuotePreviewType> {
    return toQuotePreview(await ctx.services.quotePreviews.preview(input));
  }
}
