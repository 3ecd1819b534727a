import { z } from 'zod';
import type { Decimal } from '../../pricing/decimal';
import { PricingInputError } from '../../pricing/errors';
import { termsOf } from '../coupons/coupon-redeem';
import { authorize } from '../auth/actor';
import { ConflictError, InvalidInputError } from '../errors';
import { emitEvent } from '../events/emit-event';
import { quoteEvent } from '../events/event-payloads';
import { decimal, parseInput, storableString } from '../shared/input-schema';
import type { ServiceContext } from '../shared/service-context';
import { applyAssessment, assessQuote, listDocument, loadQuotePolicy, lockedQuotePolicy, QUOTE_POLICY_ID } from './quote-approval';
import { priceQuoteDocument } from './quote-pricing';
import { QuotePolicy } from './quote-policy.entity';
import { lockQuote, requireStatus } from './quote-store';
import { Quote, QuoteStatus } from './quote.entity';

export interface SetQuotePolicyInput {
  maxDiscountPercent?: Decimal | null;
  maxTotal?: Decimal | null;
}

/** The policy as read; all null (and `updatedAt` null) while the seller has set none. */
export interface QuotePolicyView {
  maxDiscountPercent: Decimal | null;
  maxTotal: Decimal | null;
  updatedAt: Date | null;
}

const setQuotePolicySchema = z.object({
  maxDiscountPercent: decimal
    .refine((d) => d.gte(0) && d.lte(100) && d.decimalPlaces() <= 4, {
      error: 'must be a percentage from 0 to 100, with at most 4 decimals',
    })
    .nullish(),
  maxTotal: decimal
    .refine((d) => d.gte(0) && d.decimalPlaces() <= 12, { error: 'must be zero or more, with at most 12 decimals' })
    .nullish(),
});

const approveSchema = z.object({
  note: storableString.max(2000, { error: 'must be at most 2000 characters' }).nullish(),
});

/** The quote policy (setQuotePolicy, quotePolicy) and approving quotes beyond it (approveQuote). */
export class QuoteApprovalService {
  constructor(private readonly ctx: ServiceContext) {}

  async getPolicy(): Promise<QuotePolicyView> {
    authorize(this.ctx.actor, 'quotePolicy:read');
    const row = await loadQuotePolicy(this.ctx.em);
    return row ? viewOf(row) : { maxDiscountPercent: null, maxTotal: null, updatedAt: null };
  }

  /**
   * Replaces the policy (an omitted limit is no limit) and re-evaluates every DRAFT quote's
   * `requiresApproval` from its stored assessment, in the same transaction. An approval given
   * stays: it was a manager's decision on the quote's terms, and sendQuote still checks that the
   * terms are the ones approved. SENT quotes keep what they were sent with.
   */
  async setPolicy(input: SetQuotePolicyInput): Promise<QuotePolicyView> {
    authorize(this.ctx.actor, 'quotePolicy:write');
    const parsed = parseInput(setQuotePolicySchema, input, 'input');
    const maxDiscountPercent = parsed.maxDiscountPercent ?? null;
    const maxTotal = parsed.maxTotal ?? null;
    const now = this.ctx.clock.now();
    return this.ctx.em.transactional(async (em) => {
      const pct = maxDiscountPercent?.toFixed() ?? null;
      const max = maxTotal?.toFixed() ?? null;
      await em.execute(
        `insert into quote_policy (id, max_discount_percent, max_total, updated_at, updated_by_key_id) values (?, ?, ?, ?, ?)
         on conflict (id) do update set max_discount_percent = excluded.max_discount_percent, max_total = excluded.max_total,
           updated_at = excluded.updated_at, updated_by_key_id = excluded.updated_by_key_id`,
        [QUOTE_POLICY_ID, pct, max, now, this.ctx.actor.keyId],
      );
      await em.execute(
        `update quote set requires_approval = (worst_discount is not null and (
            (cast(? as numeric) is not null and worst_discount * 100 > cast(? as numeric) * worst_discount_base)
            or (cast(? as numeric) is not null and evaluated_total > cast(? as numeric))))
         where status = 'DRAFT'`,
        [pct, pct, max, max],
      );
      const row = await em.findOneOrFail(QuotePolicy, { id: QUOTE_POLICY_ID }, { refresh: true });
      return viewOf(row);
    });
  }

  /**
   * Records who approved the DRAFT quote as it stands, and when. The quote is priced again now,
   * as sendQuote will price it, and the approval covers those terms: a later change to the draft
   * withdraws it, and a sendQuote that finds a larger discount or total asks for a new one.
   */
  async approve(id: string, note?: string | null): Promise<Quote> {
    authorize(this.ctx.actor, 'quotes:approve');
    const parsed = parseInput(approveSchema, { note }, '');
    const now = this.ctx.clock.now();
    return this.ctx.em.transactional(async (em) => {
      const quote = await lockQuote(em, this.ctx.actor, id);
      requireStatus(quote, now, [QuoteStatus.DRAFT], 'approved');
      if (quote.approvedAt) {
        throw new ConflictError(`quote ${quote.id} was already approved by ${quote.approvedByName} at ${quote.approvedAt.toISOString()}`, {
          details: { reason: 'ALREADY_APPROVED' },
        });
      }
      const policy = await lockedQuotePolicy(em);
      const lines = quote.lines.getItems().map((l) => ({ priceCode: l.priceCode, quantity: l.quantity }));
      try {
        if (quote.coupon) await em.populate(quote, ['coupon']);
        const coupon = quote.coupon ? termsOf(quote.coupon) : null;
        const { document } = await priceQuoteDocument(em, {
          customerId: quote.customer.id,
          currency: quote.currency,
          at: now,
          lines,
          coupon,
        });
        applyAssessment(quote, assessQuote(document, await listDocument(em, quote.currency, now, lines)), policy);
      } catch (err) {
        if (err instanceof InvalidInputError || err instanceof PricingInputError) {
          throw new ConflictError(`quote ${quote.id} cannot be approved as it stands: ${err.message}; update it first`, {
            details: { reason: err.field },
          });
        }
        throw err;
      }
      quote.approvedAt = now;
      quote.approvedByKeyId = this.ctx.actor.keyId;
      quote.approvedByName = this.ctx.actor.name;
      quote.approvedByRole = this.ctx.actor.role;
      quote.approvalNote = parsed.note?.trim() || null;
      quote.updatedAt = now;
      await em.flush();
      await emitEvent(em, quoteEvent('approved', quote, now));
      return quote;
    });
  }
}

function viewOf(row: QuotePolicy): QuotePolicyView {
  return { maxDiscountPercent: row.maxDiscountPercent, maxTotal: row.maxTotal, updatedAt: row.updatedAt };
}
