import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import { Decimal } from '../../pricing/decimal';
import type { DiscountTerms } from '../coupons/coupon-effect';
import { discountOfEvent } from '../coupons/coupon-events';
import type { CouponDuration } from '../coupons/coupon.entity';
import type { DomainEventInput } from '../events/emit-event';

/** Discounts as the projection stores them (mrr_discount_state.terms): plain JSON, instants in ISO 8601. */
interface StoredTerms {
  coupon: { code: string; percentOff: string | null; amountOff: string | null; currency: string | null; appliesToPriceCodes: string[] | null };
  duration: CouponDuration;
  durationInMonths: number | null;
  startsAt: string;
  endedAt: string | null;
}

/** A coupon event that starts or ends a discount (a quote's redemption, not yet a subscription's, does neither). */
export function discountOf(event: Pick<DomainEventInput, 'type' | 'payload'>): DiscountTerms | null {
  if (!event.type.startsWith('coupon.') || typeof event.payload.redemption !== 'object' || event.payload.redemption === null) return null;
  return discountOfEvent(event.payload);
}

/** Every discount the projection knows of for these customers, by customer. */
export async function loadDiscounts(em: EntityManager, customerIds: readonly string[]): Promise<Map<string, DiscountTerms[]>> {
  const out = new Map<string, DiscountTerms[]>();
  if (customerIds.length === 0) return out;
  const rows = await boundRows<{ id: string; customer_id: string; subscription_id: string | null; terms: StoredTerms }>(
    em,
    'select id, customer_id, subscription_id, terms from mrr_discount_state where customer_id = any(?::uuid[]) order by customer_id, id',
    [[...customerIds]],
  );
  for (const r of rows) {
    const list = out.get(r.customer_id) ?? [];
    list.push(fromStored(r.id, r.subscription_id, r.terms));
    out.set(r.customer_id, list);
  }
  return out;
}

/**
 * Applies a discount's event to the customer's list: the discount as the event describes it
 * replaces what was known of it, and a discount starting ends the one its target had (a
 * subscription, like a customer, has one at a time: coupon-redeem.ts), as the redemption did.
 */
export function applyDiscount(list: DiscountTerms[], discount: DiscountTerms): DiscountTerms[] {
  const starts = !list.some((d) => d.id === discount.id);
  return [
    ...list
      .filter((d) => d.id !== discount.id)
      .map((d) => (starts && d.subscriptionId === discount.subscriptionId && d.endedAt === null ? { ...d, endedAt: discount.startsAt } : d)),
    discount,
  ];
}

export async function writeDiscounts(em: EntityManager, customerId: string, list: readonly DiscountTerms[]): Promise<void> {
  if (list.length === 0) return;
  await boundRows(
    em,
    `insert into mrr_discount_state (id, customer_id, subscription_id, terms)
     select d.id, ?, d.subscription_id, d.terms from jsonb_to_recordset(?::jsonb) as d(id uuid, subscription_id uuid, terms jsonb)
     on conflict (id) do update set subscription_id = excluded.subscription_id, terms = excluded.terms`,
    [customerId, JSON.stringify(list.map((d) => ({ id: d.id, subscription_id: d.subscriptionId, terms: toStored(d) })))],
  );
}

function toStored(d: DiscountTerms): StoredTerms {
  return {
    coupon: {
      code: d.coupon.code,
      percentOff: d.coupon.percentOff?.toFixed() ?? null,
      amountOff: d.coupon.amountOff?.toFixed() ?? null,
      currency: d.coupon.currency,
      appliesToPriceCodes: d.coupon.appliesToPriceCodes === null ? null : [...d.coupon.appliesToPriceCodes],
    },
    duration: d.duration,
    durationInMonths: d.durationInMonths,
    startsAt: d.startsAt.toISOString(),
    endedAt: d.endedAt?.toISOString() ?? null,
  };
}

function fromStored(id: string, subscriptionId: string | null, t: StoredTerms): DiscountTerms {
  return {
    id,
    subscriptionId,
    coupon: {
      code: t.coupon.code,
      percentOff: t.coupon.percentOff === null ? null : new Decimal(t.coupon.percentOff),
      amountOff: t.coupon.amountOff === null ? null : new Decimal(t.coupon.amountOff),
      currency: t.coupon.currency,
      appliesToPriceCodes: t.coupon.appliesToPriceCodes,
    },
    duration: t.duration,
    durationInMonths: t.durationInMonths,
    startsAt: new Date(t.startsAt),
    endedAt: t.endedAt === null ? null : new Date(t.endedAt),
    // ONCE discounts never count in MRR, so their use is not tracked here.
    consumedAt: null,
    consumedBySubscriptionId: null,
  };
}
