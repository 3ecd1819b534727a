import type { PricedDocument } from '../../pricing';
import { authorize, authorizeCustomer, Role } from '../auth/actor';
import { Customer } from '../customers/customer.entity';
import { isId } from '../shared/ids';
import { chooseCoupon, CouponChoice, hasChoice, termsOf } from '../coupons/coupon-redeem';
import type { ServiceContext } from '../shared/service-context';
import { requireCurrency } from '../shared/validate';
import { priceQuoteDocument, QuoteLineInput } from './quote-pricing';

export interface PreviewQuoteInput extends CouponChoice {
  customerId?: string | null;
  currency: string;
  at?: Date | null;
  lines: readonly QuoteLineInput[];
}

/**
 * The priced document a quote would show: for sales tools and storefronts. Read-only, so it
 * needs no transaction; it prices exactly as sendQuote and invoices will (same engine, same
 * contracts, tax, coupon).
 */
export class QuotePreviewService {
  constructor(private readonly ctx: ServiceContext) {}

  async preview(input: PreviewQuoteInput): Promise<PricedDocument> {
    authorize(this.ctx.actor, 'quotes:preview');
    // The customer's contracts price the preview: a storefront may ask only for its own customers.
    // Only a storefront's check needs the record (who created it); the hot path of every other
    // role costs no query (bench:quote).
    if (input.customerId != null) {
      const customer =
        this.ctx.actor.role === Role.STOREFRONT && isId(input.customerId)
          ? await this.ctx.em.findOne(Customer, { id: input.customerId })
          : null;
      authorizeCustomer(this.ctx.actor, 'quotes:preview', customer ?? input.customerId);
    }
    const at = input.at ?? this.ctx.clock.now();
    let coupon = null;
    if (hasChoice(input)) {
      // Checked as redeemable at `at`, by the customer if one is named; nothing is redeemed.
      const redeemer = { id: input.customerId ?? null, currency: requireCurrency(input.currency, 'input.currency') };
      const chosen = await chooseCoupon(this.ctx.em, input, redeemer, at, 'input', false);
      coupon = chosen ? termsOf(chosen.coupon) : null;
    }
    return (await priceQuoteDocument(this.ctx.em, { ...input, at, coupon })).document;
  }
}
