import { addInterval } from '../../../src/pricing';
import { Decimal } from '../../../src/pricing/decimal';
import type { Json } from './stripe-fixture-catalog';

/**
 * Discounts and metadata for generated dumps (stripe-fixtures.ts), shaped as the API reference
 * shows them before version 2025-09-30: the coupon embedded, `end` set for a repeating one.
 * A discount starts after the latest invoice of what it discounts, as one applied mid-period
 * does: Stripe would have used up a once discount on an invoice made after its start.
 */
export function discountObject(id: string, coupon: Json, owner: { customer: string; subscription: string | null }, start: number): Json {
  const months = coupon.duration === 'repeating' ? Number(coupon.duration_in_months) : null;
  const end = months === null ? null : Math.floor(addInterval(new Date(start * 1000), 'MONTH', 1, months).getTime() / 1000);
  return {
    id,
    object: 'discount',
    checkout_session: null,
    coupon,
    customer: owner.customer,
    end,
    invoice: null,
    invoice_item: null,
    promotion_code: null,
    start,
    subscription: owner.subscription,
    subscription_item: null,
  };
}

/** When the latest invoice of a subscription was made: its trial's start (none yet) or its current period's start. */
export function lastInvoiceAt(sub: Json): number {
  if (typeof sub.trial_start === 'number' && sub.status === 'trialing') return sub.trial_start;
  const items = (sub.items as { data: Json[] }).data;
  return Number(sub.current_period_start ?? items[0].current_period_start);
}

const SEGMENTS = ['smb', 'mid-market', 'enterprise'];

/** CRM metadata as sellers keep it on Stripe customers: flat strings. */
export function customerMetadata(n: number, pick: <T>(list: readonly T[]) => T): Record<string, string> {
  return {
    crm_id: `0015g0000${String(n).padStart(8, '0')}`,
    segment: pick(SEGMENTS),
    account_manager: pick(['ana', 'bo', 'chen', 'dara']),
  };
}

/** What a coupon would discount on one subscription: its licensed lines (minor units), and whether tax is charged on them. */
export interface DiscountedSub {
  lines: Decimal[];
  taxed: boolean;
}

/**
 * Whether Tariff bills the coupon on these subscriptions to the cent as Stripe does. Two cases
 * differ by a minor unit (README, Migrating from Stripe), and the reconciliation lists them:
 * percent off a line whose discount is exactly half a minor unit (Stripe rounds the discount,
 * Tariff the discounted line), and an amount off a taxed invoice (Stripe taxes each line net of its
 * share, Tariff taxes the discount as a line of its own, each tax rounded apart: 269.00 − 50.00 at
 * 8.875 % is 238.44 in Stripe, 238.43 in Tariff). A generated book gives such a coupon to no one,
 * so that its reconciliation is clean; import-coupons.test.ts shows both.
 */
export function billsAlike(coupon: Json, subs: readonly DiscountedSub[]): boolean {
  if (typeof coupon.percent_off === 'number') {
    const p = new Decimal(coupon.percent_off);
    return subs.every((s) => s.lines.every((l) => !l.times(p).div(100).mod(1).eq(0.5)));
  }
  return subs.every((s) => !s.taxed);
}
