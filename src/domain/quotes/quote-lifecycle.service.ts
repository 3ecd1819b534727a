import type { EntityManager } from '@mikro-orm/postgresql';
import { PricingInputError } from '../../pricing/errors';
import { collectNowFor } from '../payments/collect-now';
import { chooseCoupon, ChosenCoupon, redeem, termsOf } from '../coupons/coupon-redeem';
import { authorize } from '../auth/actor';
import { Price } from '../catalog/price.entity';
import { nextPurchaseOrderNumber, parsePurchaseOrderNumber } from '../customers/purchase-order';
import { ConflictError, InvalidInputError } from '../errors';
import { emitEvent } from '../events/emit-event';
import { quoteEvent } from '../events/event-payloads';
import type { ServiceContext } from '../shared/service-context';
import type { ResolvedItem } from '../subscriptions/subscription-items';
import { Subscription } from '../subscriptions/subscription.entity';
import { openSubscription } from '../subscriptions/subscription.service';
import { clockForCustomer } from '../test-clocks/customer-clock';
import { holdCredit } from '../customers/credit-limit';
import { priceQuoteDocument, PricedQuote } from './quote-pricing';
import { lockQuote, requireStatus, validateQuoteLines } from './quote-store';
import { Quote, QuoteStatus } from './quote.entity';
import {
  applyAssessment,
  approvalCovers,
  assessQuote,
  beyondPolicy,
  listDocument,
  lockedQuotePolicy,
  PolicyLimits,
  QuoteAssessment,
  storedAssessment,
} from './quote-approval';

/**
 * DRAFT → SENT (priced and frozen) → ACCEPTED (a subscription) or DECLINED. Each step locks the
 * quote row, so concurrent steps on one quote serialize and the later one sees the earlier one.
 */
export class QuoteLifecycleService {
  constructor(private readonly ctx: ServiceContext) {}

  /**
   * Prices the quote now, at the current price versions with the customer's contracts and tax,
   * and freezes the result: each line keeps the version it was priced at, so catalog changes
   * after sending reach neither the amounts shown nor the subscription accepting creates.
   */
  async send(id: string): Promise<Quote> {
    authorize(this.ctx.actor, 'quotes:write');
    const now = this.ctx.clock.now();
    return this.ctx.em.transactional(async (em) => {
      const quote = await lockQuote(em, this.ctx.actor, id);
      requireStatus(quote, now, [QuoteStatus.DRAFT], 'sent');
      const lines = quote.lines.getItems();
      const inputs = lines.map((l) => ({ priceCode: l.priceCode, quantity: l.quantity }));
      let priced: PricedQuote;
      let chosen: ChosenCoupon | null;
      let assessment: QuoteAssessment;
      try {
        // The catalog or the customer's contracts may have changed since the draft was made, and
        // the coupon's limits since it was chosen: checked again, under the coupon's lock.
        await validateQuoteLines(em, inputs, quote.currency);
        chosen = await chooseQuoteCoupon(em, quote, now);
        const coupon = chosen ? termsOf(chosen.coupon) : null;
        priced = await priceQuoteDocument(em, { customerId: quote.customer.id, currency: quote.currency, at: now, lines: inputs, coupon });
        assessment = assessQuote(priced.document, await listDocument(em, quote.currency, now, inputs));
      } catch (err) {
        if (err instanceof InvalidInputError || err instanceof PricingInputError) {
          throw new ConflictError(`quote ${quote.id} cannot be sent as it stands: ${err.message}; update it first`, {
            details: { reason: err.field },
          });
        }
        throw err;
      }
      requireApprovalIfBeyond(quote, assessment, await lockedQuotePolicy(em));
      const { document, prices } = priced;
      lines.forEach((line, i) => {
        const docLine = document.lines[i];
        line.price = em.getReference(Price, prices[i].id);
        line.amount = docLine.amount;
        line.tax = docLine.tax;
        line.steps = [...docLine.steps];
      });
      const discount = document.lines.find((l) => l.kind === 'discount');
      quote.discountAmount = discount?.amount ?? null;
      quote.discountTax = discount?.tax ?? null;
      quote.discountSteps = discount ? [...discount.steps] : null;
      quote.subtotal = document.subtotal;
      quote.tax = document.tax;
      quote.total = document.total;
      quote.notes = [...document.notes];
      quote.status = QuoteStatus.SENT;
      quote.sentAt = now;
      quote.updatedAt = now;
      await em.flush();
      // Counted now: the quote holds the discount until accepting gives it to the subscription.
      if (chosen) await redeem(em, chosen, quote.customer, { kind: 'quote', quote }, now);
      // The lines point at the versions priced just now, which the event names.
      await em.populate(quote, ['lines.price']);
      await emitEvent(em, quoteEvent('sent', quote, now));
      return quote;
    });
  }

  /**
   * Exactly once: the row lock makes a second (or concurrent) accept wait and then find the
   * quote ACCEPTED. One transaction: if the subscription cannot be created, the quote stays SENT.
   * `purchaseOrderNumber`, the buyer's order given with its acceptance, replaces the quote's; the
   * subscription is bought under the quote's number after that, which a customer with
   * purchaseOrderRequired must have (BAD_USER_INPUT at `purchaseOrderNumber`).
   */
  async accept(id: string, purchaseOrderNumber?: string | null): Promise<Subscription> {
    authorize(this.ctx.actor, 'quotes:write');
    authorize(this.ctx.actor, 'subscriptions:write');
    const now = this.ctx.clock.now();
    const givenNumber = parsePurchaseOrderNumber(purchaseOrderNumber, 'purchaseOrderNumber');
    const sub = await this.ctx.em.transactional(async (em) => {
      const quote = await lockQuote(em, this.ctx.actor, id);
      requireStatus(quote, now, [QuoteStatus.SENT], 'accepted');
      quote.purchaseOrderNumber = await nextPurchaseOrderNumber(em, quote, givenNumber, 'purchaseOrderNumber');
      const items: ResolvedItem[] = quote.lines.getItems().map((line) => {
        // send() sets every line's version in the same flush that makes the quote SENT.
        if (!line.price) throw new Error(`quote ${quote.id} is SENT but line ${line.position} has no price version`);
        return { price: line.price, quantity: line.quantity };
      });
      // The quote lives on the request's clock; the subscription starts on the customer's (a test clock's, if any).
      const start = (await clockForCustomer(em, quote.customer.id, this.ctx.clock)).now();
      const credit = await holdCredit(em, quote.customer.id);
      const sub = await openSubscription(em, this.ctx.actor, start, {
        customer: quote.customer,
        items,
        startsAt: start,
        trialDays: quote.trialDays ?? 0,
        collection: quote.collectionMethod,
        discount: quote.coupon ? { quote } : null,
        purchaseOrderNumber: quote.purchaseOrderNumber,
        credit: { hold: credit, operation: 'acceptQuote' },
      });
      quote.status = QuoteStatus.ACCEPTED;
      quote.acceptedAt = now;
      quote.subscription = sub;
      quote.updatedAt = now;
      await em.flush();
      await emitEvent(em, quoteEvent('accepted', quote, now));
      return sub;
    });
    return collectNowFor(this.ctx, sub);
  }

  async decline(id: string): Promise<Quote> {
    authorize(this.ctx.actor, 'quotes:write');
    const now = this.ctx.clock.now();
    return this.ctx.em.transactional(async (em) => {
      const quote = await lockQuote(em, this.ctx.actor, id);
      requireStatus(quote, now, [QuoteStatus.DRAFT, QuoteStatus.SENT], 'declined');
      quote.status = QuoteStatus.DECLINED;
      quote.declinedAt = now;
      quote.updatedAt = now;
      await em.flush();
      await emitEvent(em, quoteEvent('declined', quote, now));
      return quote;
    });
  }
}

/**
 * The policy in force at sending decides (a quote approved under a stricter one stays approved);
 * an approval covers the terms it was given for, so prices that moved since then towards a
 * larger discount or total need a new one. Refused before anything is written.
 */
function requireApprovalIfBeyond(quote: Quote, now: QuoteAssessment, policy: PolicyLimits | null): void {
  const beyond = beyondPolicy(now, policy);
  const approved = quote.approvedAt ? storedAssessment(quote) : null;
  if (beyond && !(approved && approvalCovers(approved, now))) {
    const why = quote.approvedAt
      ? 'its discount or total grew since it was approved; approve it again'
      : 'it is beyond the quote policy; an ADMIN or SALES_MANAGER key approves it with approveQuote';
    throw new ConflictError(`quote ${quote.id} cannot be sent: ${why}`, { details: { reason: 'APPROVAL_REQUIRED' } });
  }
  // Frozen with the amounts: what the quote was sent as.
  applyAssessment(quote, now, policy);
}

/** The quote's coupon, checked again as redeemable now and locked for its redemption. */
async function chooseQuoteCoupon(em: EntityManager, quote: Quote, now: Date): Promise<ChosenCoupon | null> {
  if (!quote.coupon) return null;
  await em.populate(quote, ['coupon', 'promotionCode']);
  const choice = quote.promotionCode ? { promotionCode: quote.promotionCode.code } : { couponCode: quote.coupon.code };
  return chooseCoupon(em, choice, quote.customer, now, 'quote', true);
}
