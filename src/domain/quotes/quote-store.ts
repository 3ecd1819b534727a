import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Actor, authorizeCustomer } from '../auth/actor';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors';
import { isId } from '../shared/ids';
import { requireAtMost } from '../shared/validate';
import { ResolvedItem, resolveItems } from '../subscriptions/subscription-items';
import { MAX_QUOTE_LINES, QuoteLineInput } from './quote-pricing';
import { QuoteLine } from './quote-line.entity';
import { Quote, QuoteStatus } from './quote.entity';

/** Stored statuses a quote can expire from: accepted and declined quotes keep their outcome. */
const OPEN = [QuoteStatus.DRAFT, QuoteStatus.SENT];

/**
 * EXPIRED is never stored: a DRAFT or SENT quote is expired once `validUntil` has passed, by
 * the clock of whoever reads it, so no job has to sweep quotes for it to be true.
 */
export function isExpired(quote: Pick<Quote, 'status' | 'validUntil'>, now: Date): boolean {
  return OPEN.includes(quote.status) && quote.validUntil !== null && quote.validUntil.getTime() < now.getTime();
}

export function effectiveStatus(quote: Pick<Quote, 'status' | 'validUntil'>, now: Date): QuoteStatus {
  return isExpired(quote, now) ? QuoteStatus.EXPIRED : quote.status;
}

/** The same rule as `effectiveStatus`, as a where-clause, so that lists filter in the query. */
export function statusWhere(status: QuoteStatus, now: Date): Record<string, unknown> {
  if (status === QuoteStatus.EXPIRED) return { status: { $in: OPEN }, validUntil: { $lt: now } };
  if (OPEN.includes(status)) return { status, $or: [{ validUntil: null }, { validUntil: { $gte: now } }] };
  return { status };
}

/**
 * The quote row locked for this transaction, with its lines and their price versions: two
 * requests changing one quote (two accepts above all) serialize here, and the second sees
 * what the first committed.
 */
export async function lockQuote(em: EntityManager, actor: Actor, id: string): Promise<Quote> {
  // Locked alone: PostgreSQL refuses FOR UPDATE over the outer join a populate would add.
  const quote = isId(id) ? await em.findOne(Quote, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true }) : null;
  if (!quote) throw new NotFoundError('quote', id, 'id');
  authorizeCustomer(actor, 'quotes:write', quote.customer.id);
  await em.populate(quote, ['customer', 'lines', 'lines.price'], { refresh: true });
  return quote;
}

/** Refuses the change unless the quote is in one of `allowed`, saying why it is not. */
export function requireStatus(quote: Quote, now: Date, allowed: readonly QuoteStatus[], action: string): void {
  if (isExpired(quote, now)) {
    throw new ConflictError(`quote ${quote.id} expired on ${quote.validUntil!.toISOString()}; create a new quote`, {
      details: { status: QuoteStatus.EXPIRED },
    });
  }
  if (allowed.includes(quote.status)) return;
  const why = quote.status === QuoteStatus.ACCEPTED ? 'was already accepted' : `is ${quote.status}`;
  throw new ConflictError(`quote ${quote.id} ${why}; only a ${allowed.join(' or ')} quote can be ${action}`, {
    details: { status: quote.status },
  });
}

/** `validUntil`, when given, must lie ahead: a quote that is born expired is a typo. */
export function requireFutureValidUntil(validUntil: Date | null | undefined, now: Date): Date | null {
  if (validUntil === null || validUntil === undefined) return null;
  if (validUntil.getTime() <= now.getTime()) throw new InvalidInputError('input.validUntil', 'validUntil must be in the future');
  return validUntil;
}

/**
 * Lines checked by the subscription's own rules (current, active, recurring prices in the
 * customer's currency, one billing cycle, each code once, at most as many as a subscription
 * takes), so that accepting cannot fail later for a reason known now.
 */
export async function validateQuoteLines(em: EntityManager, lines: readonly QuoteLineInput[], currency: string): Promise<ResolvedItem[]> {
  requireAtMost(lines, MAX_QUOTE_LINES, 'input.lines');
  if (lines.length === 0) throw new InvalidInputError('input.lines', 'a quote needs at least one line');
  try {
    return await resolveItems(em, lines, currency);
  } catch (err) {
    if (err instanceof InvalidInputError && err.field?.startsWith('input.items')) {
      throw new InvalidInputError(
        err.field.replace('input.items', 'input.lines'),
        `${err.message} (a quote becomes a subscription)`,
        err.details,
      );
    }
    throw err;
  }
}

export function addLines(em: EntityManager, quote: Quote, lines: readonly QuoteLineInput[]): void {
  lines.forEach((line, position) => {
    quote.lines.add(
      em.create(QuoteLine, { quote, customer: quote.customer, position, priceCode: line.priceCode, quantity: line.quantity }),
    );
  });
}
