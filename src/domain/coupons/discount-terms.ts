import type { EntityManager } from '@mikro-orm/postgresql';
import { boundQuery } from '../../db/bound-query';
import type { CouponTerms } from '../../pricing';
import { Decimal } from '../../pricing/decimal';
import { ConflictError } from '../errors';
import type { DiscountTerms } from './coupon-effect';
import { CouponDuration } from './coupon.entity';

interface TermRow {
  id: string;
  customer_id: string;
  subscription_id: string | null;
  starts_at: Date;
  ended_at: Date | null;
  consumed_at: Date | null;
  consumed_by_subscription_id: string | null;
  coupon_id: string;
  code: string;
  percent_off: string | null;
  amount_off: string | null;
  currency: string | null;
  duration: CouponDuration;
  duration_in_months: number | null;
  applies_to_price_codes: string[] | null;
}

// Coupons are never edited, so their terms can be kept by id.
const termsById = new Map<string, CouponTerms>();
const CACHE_LIMIT = 10_000;

export function couponTermsOf(
  row: Pick<TermRow, 'coupon_id' | 'code' | 'percent_off' | 'amount_off' | 'currency' | 'applies_to_price_codes'>,
): CouponTerms {
  const cached = termsById.get(row.coupon_id);
  if (cached) return cached;
  const terms: CouponTerms = Object.freeze({
    code: row.code,
    percentOff: row.percent_off === null ? null : new Decimal(row.percent_off),
    amountOff: row.amount_off === null ? null : new Decimal(row.amount_off),
    currency: row.currency,
    appliesToPriceCodes: row.applies_to_price_codes === null ? null : Object.freeze([...row.applies_to_price_codes]),
  });
  if (termsById.size >= CACHE_LIMIT) termsById.clear();
  termsById.set(row.coupon_id, terms);
  return terms;
}

/**
 * Every discount of these customers that can price an invoice (a quote's, until accepted, cannot),
 * in one query: the billing run's batches load a page of customers' at once.
 */
export async function discountTermsFor(em: EntityManager, customerIds: readonly string[]): Promise<Map<string, DiscountTerms[]>> {
  const found = new Map<string, DiscountTerms[]>();
  if (customerIds.length === 0) return found;
  const rows = await em.execute<TermRow[]>(
    `select r.id, r.customer_id, r.subscription_id, r.starts_at, r.ended_at, r.consumed_at, r.consumed_by_subscription_id,
            c.id as coupon_id, c.code, c.percent_off::text as percent_off, c.amount_off::text as amount_off, c.currency, c.duration,
            c.duration_in_months, c.applies_to_price_codes
       from coupon_redemption r join coupon c on c.id = r.coupon_id
      where r.customer_id in (?) and r.starts_at is not null
      order by r.customer_id, r.starts_at, r.id`,
    [[...new Set(customerIds)]],
  );
  for (const row of rows) {
    const list = found.get(row.customer_id) ?? [];
    list.push({
      id: row.id,
      subscriptionId: row.subscription_id,
      coupon: couponTermsOf(row),
      duration: row.duration,
      durationInMonths: row.duration_in_months,
      startsAt: new Date(row.starts_at),
      endedAt: row.ended_at === null ? null : new Date(row.ended_at),
      consumedAt: row.consumed_at === null ? null : new Date(row.consumed_at),
      consumedBySubscriptionId: row.consumed_by_subscription_id,
    });
    found.set(row.customer_id, list);
  }
  return found;
}

/** An invoice's use of a ONCE discount: stored with the invoice, it is used up. */
export interface OnceUse {
  discountId: string;
  subscriptionId: string;
  /** The instant the invoice was made at (its boundary). */
  at: Date;
}

/**
 * Marks ONCE discounts used up by the invoices just stored, in one statement. A customer's ONCE
 * discount goes to the first invoice among its subscriptions: when another transaction used it
 * up first (after this one priced its invoice), this one is refused as CONFLICT and rolls back,
 * and its retry prices the invoice without it.
 */
export async function consumeOnceDiscounts(em: EntityManager, uses: readonly OnceUse[]): Promise<void> {
  if (uses.length === 0) return;
  const { rowCount } = await boundQuery(
    em,
    `update coupon_redemption r set consumed_at = u.at, consumed_by_subscription_id = u.subscription_id
       from jsonb_to_recordset(?::jsonb) as u(id uuid, subscription_id uuid, at timestamptz)
      where r.id = u.id and r.consumed_at is null`,
    [JSON.stringify(uses.map((u) => ({ id: u.discountId, subscription_id: u.subscriptionId, at: u.at.toISOString() })))],
  );
  if (rowCount !== uses.length) throw new ConflictError('a once-only coupon was used up by another invoice at the same time; retry');
}
