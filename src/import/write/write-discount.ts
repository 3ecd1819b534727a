import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import { redemptionFactsEvent } from '../../domain/coupons/coupon-events';
import type { Coupon } from '../../domain/coupons/coupon.entity';
import type { DomainEventInput } from '../../domain/events/emit-event';
import type { ResolvedDiscount } from '../map/map-discount';

/** A Stripe discount on a record written in the same transaction: the customer's, or one subscription's. */
export interface DiscountToWrite {
  discount: ResolvedDiscount;
  coupon: Coupon;
  customerId: string;
  subscriptionId: string | null;
}

/**
 * Locks the coupons these discounts name, for their events' numbers (emit-event.ts): the first
 * statement of the transaction, before it writes anything. A coupon's events must be numbered in
 * the order of the writing transactions' ids, and a transaction gets its id with its first write
 * (a row lock is one): so each coupon is first locked by a transaction-level advisory lock, which
 * takes no id, in a fixed order (no deadlock), and only then by its row (against applyCoupon and
 * createSubscription, which lock the row). A transaction that waited for a coupon therefore takes
 * its id after the one it waited for committed, and numbers its events after that one's.
 */
export async function lockCoupons(tx: EntityManager, discounts: readonly (DiscountToWrite | null)[]): Promise<void> {
  const ids = [...new Set(discounts.flatMap((d) => (d ? [d.coupon.id] : [])))].sort();
  for (const id of ids) await boundRows(tx, "select pg_advisory_xact_lock(hashtext('tariff:coupon_events'), hashtext(?))", [id]);
  if (ids.length > 0) await boundRows(tx, 'select id from coupon where id = any(?::uuid[]) order by id for no key update', [ids]);
}

/**
 * The discounts' redemption rows, started at Stripe's `start` (a repeating discount ends where it
 * ends in Stripe, and an unused once discount waits for the next invoice as it does there), and
 * their `coupon.discount_imported` events (redeemed's payload), for the caller to emit after its
 * records' own. Not counted again: the coupon's `times_redeemed` came from Stripe with them. The
 * caller has locked the coupons (lockCoupons) before writing anything.
 */
export async function insertDiscounts(tx: EntityManager, discounts: readonly DiscountToWrite[], now: Date): Promise<DomainEventInput[]> {
  if (discounts.length === 0) return [];
  const rows = discounts.map((d) => ({
    id: d.discount.id,
    coupon_id: d.coupon.id,
    customer_id: d.customerId,
    subscription_id: d.subscriptionId,
    starts_at: d.discount.startsAt.toISOString(),
  }));
  await boundRows(
    tx,
    `insert into coupon_redemption (id, coupon_id, promotion_code_id, customer_id, subscription_id, quote_id, starts_at, ended_at, consumed_at, consumed_by_subscription_id, created_at)
     select r.id, r.coupon_id, null, r.customer_id, r.subscription_id, null, r.starts_at, null, null, null, r.starts_at
       from jsonb_to_recordset(?::jsonb) as r(id uuid, coupon_id uuid, customer_id uuid, subscription_id uuid, starts_at timestamptz)`,
    [JSON.stringify(rows)],
  );
  return discounts.map((d) =>
    redemptionFactsEvent(
      'discount_imported',
      {
        id: d.discount.id,
        coupon: d.coupon,
        customerId: d.customerId,
        subscriptionId: d.subscriptionId,
        quoteId: null,
        promotionCode: null,
        startsAt: d.discount.startsAt,
        endedAt: null,
        createdAt: d.discount.startsAt,
      },
      now,
    ),
  );
}
