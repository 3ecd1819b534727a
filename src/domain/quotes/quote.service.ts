import { authorize, authorizeCustomer, customerScope } from '../auth/actor';
import { chooseCoupon, CouponChoice, hasChoice } from '../coupons/coupon-redeem';
import { Customer } from '../customers/customer.entity';
import { nextPurchaseOrderNumber, parsePurchaseOrderNumber, requirePurchaseOrder } from '../customers/purchase-order';
import { InvalidInputError, NotFoundError } from '../errors';
import { emitEvent } from '../events/emit-event';
import { quoteEvent } from '../events/event-payloads';
import { isId } from '../shared/ids';
import { afterCursor, Page, PageArgs, pageSize, toPage } from '../shared/pagination';
import type { BatchLoader } from '../shared/batch-loader';
import type { ServiceContext } from '../shared/service-context';
import { requireCurrency } from '../shared/validate';
import { CollectionMethod } from '../subscriptions/subscription.entity';
import { requireTrialDays } from '../subscriptions/subscription.service';
import type { QuoteLineInput } from './quote-pricing';
import {
  addLines,
  effectiveStatus,
  lockQuote,
  requireFutureValidUntil,
  requireStatus,
  statusWhere,
  validateQuoteLines,
} from './quote-store';
import { Quote, QuoteStatus } from './quote.entity';
import { applyAssessment, assessDraft, clearApproval, lockedQuotePolicy } from './quote-approval';
import { takeInvoiceNumber } from '../invoices/invoice-number';
import { termsOf } from '../coupons/coupon-redeem';
import type { EntityManager } from '@mikro-orm/postgresql';

/** Quote numbers share the invoice numbers' counter table: `Q-2027-000001`. */
export const QUOTE_SERIES = 'Q';

/** requiresApproval for the draft as it now stands, priced as sendQuote would price it. */
async function assess(em: EntityManager, quote: Quote, lines: readonly QuoteLineInput[], now: Date): Promise<void> {
  const policy = await lockedQuotePolicy(em);
  if (quote.coupon) await em.populate(quote, ['coupon']);
  const coupon = quote.coupon ? termsOf(quote.coupon) : null;
  const input = {
    customerId: quote.customer.id,
    currency: quote.currency,
    at: now,
    lines: lines.map((l) => ({ priceCode: l.priceCode, quantity: l.quantity })),
    coupon,
  };
  applyAssessment(quote, await assessDraft(em, input), policy);
}

export interface CreateQuoteInput extends CouponChoice {
  customerId: string;
  currency: string;
  lines: readonly QuoteLineInput[];
  validUntil?: Date | null;
  trialDays?: number | null;
  collection?: CollectionMethod | null;
  /** Required when the customer's purchaseOrderRequired is set. */
  purchaseOrderNumber?: string | null;
}

/**
 * Omitted fields stay as they are; `lines`, when given, replaces every line; `couponCode` or
 * `promotionCode`, when either is given (null included), replaces the quote's coupon.
 */
export interface UpdateQuoteInput extends CouponChoice {
  lines?: readonly QuoteLineInput[] | null;
  /** null: the quote does not expire. */
  validUntil?: Date | null;
  trialDays?: number | null;
  collection?: CollectionMethod | null;
  /** Sets or replaces the number; absent or null keeps it. */
  purchaseOrderNumber?: string | null;
}

export interface QuoteFilter extends PageArgs {
  customerId?: string | null;
  status?: QuoteStatus | null;
}

const EMPTY_PAGE: Page<Quote> = { nodes: [], hasNextPage: false, cursorOf: () => '' };

/** Drafting and reading quotes; sending, accepting and declining are in quote-lifecycle.service.ts. */
export class QuoteService {
  constructor(private readonly ctx: ServiceContext) {}

  /** A DRAFT: lines checked against the catalog now, priced only when sent. */
  async create(input: CreateQuoteInput): Promise<Quote> {
    authorize(this.ctx.actor, 'quotes:write');
    const now = this.ctx.clock.now();
    const currency = requireCurrency(input.currency, 'input.currency');
    const validUntil = requireFutureValidUntil(input.validUntil, now);
    const trialDays = requireTrialDays(input.trialDays);
    const purchaseOrderNumber = parsePurchaseOrderNumber(input.purchaseOrderNumber) ?? null;
    return this.ctx.em.transactional(async (em) => {
      const customer = isId(input.customerId) ? await em.findOne(Customer, { id: input.customerId }) : null;
      if (!customer) throw new NotFoundError('customer', input.customerId, 'input.customerId');
      authorizeCustomer(this.ctx.actor, 'quotes:write', customer.id);
      await requirePurchaseOrder(em, customer, purchaseOrderNumber);
      if (customer.currency !== currency) {
        throw new InvalidInputError('input.currency', `customer ${customer.id} is billed in ${customer.currency}, not ${currency}`);
      }
      await validateQuoteLines(em, input.lines, currency);
      // Checked now, redeemed when the quote is sent.
      const chosen = hasChoice(input) ? await chooseCoupon(em, input, customer, now, 'input', false) : null;
      const quote = em.create(Quote, {
        // Taken just before the flush: the number's row lock is held from then to the commit only.
        number: '',
        customer,
        status: QuoteStatus.DRAFT,
        currency,
        validUntil,
        trialDays,
        // Stored resolved, so the quote shows the customer what accepting it will do.
        collectionMethod: input.collection ?? CollectionMethod.CHARGE_AUTOMATICALLY,
        purchaseOrderNumber,
        coupon: chosen?.coupon ?? null,
        promotionCode: chosen?.promotionCode ?? null,
        createdAt: now,
        updatedAt: now,
      });
      addLines(em, quote, input.lines);
      await assess(em, quote, input.lines, now);
      quote.number = await takeInvoiceNumber(em, now.getUTCFullYear(), QUOTE_SERIES);
      await em.flush();
      await emitEvent(em, quoteEvent('created', quote, now));
      return quote;
    });
  }

  async update(id: string, input: UpdateQuoteInput): Promise<Quote> {
    authorize(this.ctx.actor, 'quotes:write');
    const now = this.ctx.clock.now();
    const validUntil = input.validUntil === undefined ? undefined : requireFutureValidUntil(input.validUntil, now);
    const trialDays = input.trialDays === undefined ? undefined : requireTrialDays(input.trialDays);
    const givenNumber = parsePurchaseOrderNumber(input.purchaseOrderNumber);
    return this.ctx.em.transactional(async (em) => {
      const quote = await lockQuote(em, this.ctx.actor, id);
      requireStatus(quote, now, [QuoteStatus.DRAFT], 'updated');
      quote.purchaseOrderNumber = await nextPurchaseOrderNumber(em, quote, givenNumber);
      if (input.lines) {
        await validateQuoteLines(em, input.lines, quote.currency);
        quote.lines.removeAll();
        addLines(em, quote, input.lines);
      }
      if (validUntil !== undefined) quote.validUntil = validUntil;
      if (trialDays !== undefined) quote.trialDays = trialDays;
      if (input.collection !== undefined) quote.collectionMethod = input.collection ?? CollectionMethod.CHARGE_AUTOMATICALLY;
      if (input.couponCode !== undefined || input.promotionCode !== undefined) {
        const chosen = hasChoice(input) ? await chooseCoupon(em, input, quote.customer, now, 'input', false) : null;
        quote.coupon = chosen?.coupon ?? null;
        quote.promotionCode = chosen?.promotionCode ?? null;
      }
      clearApproval(quote);
      await assess(em, quote, quote.lines.getItems(), now);
      quote.updatedAt = now;
      await em.flush();
      await emitEvent(em, quoteEvent('updated', quote, now));
      return quote;
    });
  }

  /** null for an unknown or malformed id, as `subscription(id)`; FORBIDDEN for another customer's. */
  async get(id: string): Promise<Quote | null> {
    authorize(this.ctx.actor, 'quotes:read');
    const quote = isId(id) ? await this.ctx.em.findOne(Quote, { id }) : null;
    if (quote) authorizeCustomer(this.ctx.actor, 'quotes:read', quote.customer.id);
    return quote;
  }

  /** As get(), read through the caller's loader so that many lookups in one tick are one query. */
  async getBatched(id: string, loader: BatchLoader<Quote>): Promise<Quote | null> {
    authorize(this.ctx.actor, 'quotes:read');
    const quote = isId(id) ? await loader.load(id) : null;
    if (quote) authorizeCustomer(this.ctx.actor, 'quotes:read', quote.customer.id);
    return quote;
  }

  async list(filter: QuoteFilter): Promise<Page<Quote>> {
    authorize(this.ctx.actor, 'quotes:read');
    const size = pageSize(filter.first);
    const scope = customerScope(this.ctx.actor);
    if (scope && filter.customerId && filter.customerId !== scope) return EMPTY_PAGE;
    const customerId = scope ?? filter.customerId ?? null;
    if (customerId !== null && !isId(customerId)) return EMPTY_PAGE;
    // Both the status and the cursor may need an $or: each gets its own clause.
    const where = {
      $and: [
        customerId ? { customer: customerId } : {},
        filter.status ? statusWhere(filter.status, this.ctx.clock.now()) : {},
        afterCursor(filter.after),
      ],
    };
    const rows = await this.ctx.em.find(Quote, where, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: size + 1 });
    return toPage(rows, size);
  }

  /** What clients see: EXPIRED is derived from the stored status and this request's clock. */
  statusOf(quote: Quote): QuoteStatus {
    return effectiveStatus(quote, this.ctx.clock.now());
  }
}
