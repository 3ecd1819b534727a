import type { PricedDocument } from '../../pricing';
import { authorize } from '../auth/actor';
import type { ServiceContext } from '../shared/service-context';
import { priceQuoteDocument, QuoteLineInput } from './quote-pricing';

export interface PreviewQuoteInput {
  customerId?: string | null;
  currency: string;
  at?: Date | null;
  lines: readonly QuoteLineInput[];
}

/**
 * The priced document a quote would show: for sales tools and storefronts. Read-only, so it
 * needs no transaction; it prices exactly as sendQuote and invoices will (same engine, same
 * contracts, tax).
 */
export class QuotePreviewService {
  constructor(private readonly ctx: ServiceContext) {}

  async preview(input: PreviewQuoteInput): Promise<PricedDocument> {
    authorize(this.ctx.actor, 'quotes:preview');
    const at = input.at ?? this.ctx.clock.now();
    return (await priceQuoteDocument(this.ctx.em, { ...input, at })).document;
  }
}
