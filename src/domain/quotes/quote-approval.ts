import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { PricedDocument } from '../../pricing';
import { Decimal, HUNDRED, ONE, ZERO } from '../../pricing/decimal';
import { PricingInputError } from '../../pricing/errors';
import type { CouponTerms } from '../../pricing';
import { InvalidInputError } from '../errors';
import { priceQuoteDocument, QuoteLineInput } from './quote-pricing';
import { QuotePolicy } from './quote-policy.entity';
import type { Quote } from './quote.entity';

export const QUOTE_POLICY_ID = 'default';

/**
 * What the policy is checked against, exact: the largest discount as the pair (list − priced,
 * list), compared by cross-multiplying so no percentage is ever rounded, and the total.
 */
export interface QuoteAssessment {
  worstDiscount: Decimal;
  worstDiscountBase: Decimal;
  total: Decimal;
}

export type PolicyLimits = Pick<QuotePolicy, 'maxDiscountPercent' | 'maxTotal'>;

/** a/b > c/d for b, d > 0, without dividing. */
function ratioAbove(a: Decimal, b: Decimal, c: Decimal, d: Decimal): boolean {
  return a.times(d).gt(c.times(b));
}

/**
 * Each charge line's discount against its list price (the same line priced without contracts,
 * overrides or coupons), and the whole quote's against the sum of its list prices, which is how
 * an amount-off coupon (a line of its own) counts. A line dearer than its list price is no discount.
 */
export function assessQuote(priced: PricedDocument, list: PricedDocument): QuoteAssessment {
  let worstDiscount = ZERO;
  let worstDiscountBase = ONE;
  const consider = (discount: Decimal, base: Decimal) => {
    if (base.lte(ZERO) || discount.lte(ZERO)) return;
    if (ratioAbove(discount, base, worstDiscount, worstDiscountBase)) {
      worstDiscount = discount;
      worstDiscountBase = base;
    }
  };
  let listSubtotal = ZERO;
  let chargeIndex = 0;
  for (const line of priced.lines) {
    if (line.kind !== 'charge') continue;
    const listLine = list.lines[chargeIndex++];
    listSubtotal = listSubtotal.plus(listLine.amount);
    consider(listLine.amount.minus(line.amount), listLine.amount);
  }
  consider(listSubtotal.minus(priced.subtotal), listSubtotal);
  return { worstDiscount, worstDiscountBase, total: priced.total };
}

/** Beyond the policy: strictly above a limit. Exactly at a limit is within it. */
export function beyondPolicy(a: QuoteAssessment, policy: PolicyLimits | null): boolean {
  if (!policy) return false;
  if (policy.maxDiscountPercent !== null && a.worstDiscount.times(HUNDRED).gt(policy.maxDiscountPercent.times(a.worstDiscountBase)))
    return true;
  return policy.maxTotal !== null && a.total.gt(policy.maxTotal);
}

/** Whether what was approved covers the quote now: no larger a discount, no larger a total. */
export function approvalCovers(approved: QuoteAssessment, now: QuoteAssessment): boolean {
  return (
    !ratioAbove(now.worstDiscount, now.worstDiscountBase, approved.worstDiscount, approved.worstDiscountBase) &&
    now.total.lte(approved.total)
  );
}

export function storedAssessment(quote: Quote): QuoteAssessment | null {
  if (quote.worstDiscount === null || quote.worstDiscountBase === null || quote.evaluatedTotal === null) return null;
  return { worstDiscount: quote.worstDiscount, worstDiscountBase: quote.worstDiscountBase, total: quote.evaluatedTotal };
}

export function loadQuotePolicy(em: EntityManager): Promise<QuotePolicy | null> {
  return em.findOne(QuotePolicy, { id: QUOTE_POLICY_ID });
}

/** Read under a share lock by whoever evaluates a quote, so a concurrent setQuotePolicy waits for it or it for the policy. */
export function lockedQuotePolicy(em: EntityManager): Promise<QuotePolicy | null> {
  return em.findOne(QuotePolicy, { id: QUOTE_POLICY_ID }, { lockMode: LockMode.PESSIMISTIC_READ, refresh: true });
}

/** The list-price document of the same lines: no customer, so no contracts, overrides, coupons or tax. */
export async function listDocument(
  em: EntityManager,
  currency: string,
  at: Date,
  lines: readonly QuoteLineInput[],
): Promise<PricedDocument> {
  return (await priceQuoteDocument(em, { currency, at, lines })).document;
}

export interface AssessInput {
  customerId: string;
  currency: string;
  at: Date;
  lines: readonly QuoteLineInput[];
  coupon: CouponTerms | null;
}

/** The quote priced as sendQuote would price it now, against its list prices; null if it cannot be priced as it stands. */
export async function assessDraft(em: EntityManager, input: AssessInput): Promise<QuoteAssessment | null> {
  try {
    const { document } = await priceQuoteDocument(em, input);
    return assessQuote(document, await listDocument(em, input.currency, input.at, input.lines));
  } catch (err) {
    if (err instanceof InvalidInputError || err instanceof PricingInputError) return null;
    throw err;
  }
}

/** Stores the assessment on the quote and whether the policy in force requires approval for it. */
export function applyAssessment(quote: Quote, a: QuoteAssessment | null, policy: PolicyLimits | null): void {
  quote.worstDiscount = a?.worstDiscount ?? null;
  quote.worstDiscountBase = a?.worstDiscountBase ?? null;
  quote.evaluatedTotal = a?.total ?? null;
  quote.requiresApproval = a !== null && beyondPolicy(a, policy);
}

/** Any change to a DRAFT withdraws its approval: the manager approved the terms as they stood. */
export function clearApproval(quote: Quote): void {
  quote.approvedAt = null;
  quote.approvedByKeyId = null;
  quote.approvedByName = null;
  quote.approvedByRole = null;
  quote.approvalNote = null;
}
