import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import type { DiscountTerms } from '../coupons/coupon-effect';
import { discountOfEvent } from '../coupons/coupon-events';
import { couponRedemptionPayload } from '../events/event-schemas';
import type { EventPayload } from '../events/event-types';

type RedemptionPayload = EventPayload<'coupon.redeemed'>;

/** A redemption event's discount and the payload that described it, which the state keeps. */
export interface DiscountEvent {
  discount: DiscountTerms;
  payload: RedemptionPayload;
}

/** The discount a redemption event starts or ends; null for a quote's redemption, not yet a subscription's. */
export function discountOf(payload: RedemptionPayload): DiscountTerms | null {
  return discountOfEvent(payload);
}

/**
 * Every discount the projection knows of for these customers, by customer: each as its latest
 * event described it (read with the events' own parser), ended where a later one replaced it.
 */
export async function loadDiscounts(em: EntityManager, customerIds: readonly string[]): Promise<Map<string, DiscountTerms[]>> {
  const out = new Map<string, DiscountTerms[]>();
  if (customerIds.length === 0) return out;
  const rows = await boundRows<{ customer_id: string; payload: Record<string, unknown>; ended_at: Date | null }>(
    em,
    'select customer_id, payload, ended_at from mrr_discount_state where customer_id = any(?::uuid[]) order by customer_id, id',
    [[...customerIds]],
  );
  for (const r of rows) {
    const list = out.get(r.customer_id) ?? [];
    // Stored event payloads, read back: parsed as the outbox's readers parse them.
    list.push({
      ...discountOfEvent(couponRedemptionPayload.parse(r.payload))!,
      endedAt: r.ended_at === null ? null : new Date(r.ended_at),
    });
    out.set(r.customer_id, list);
  }
  return out;
}

/**
 * Applies a discount's event to the customer's list: the discount as the event describes it
 * replaces what was known of it, and a discount starting ends the one its target had (a
 * subscription, like a customer, has one at a time: coupon-redeem.ts), as the redemption did.
 */
export function applyDiscount(list: readonly DiscountTerms[], discount: DiscountTerms): DiscountTerms[] {
  const starts = !list.some((d) => d.id === discount.id);
  return [
    ...list
      .filter((d) => d.id !== discount.id)
      .map((d) =>
        starts && d.subscriptionId === discount.subscriptionId && d.endedAt === null ? { ...d, endedAt: discount.startsAt } : d,
      ),
    discount,
  ];
}

/**
 * Stores a customer's discounts after `events` (coupon events of that customer) were applied:
 * each discount's latest event payload, and when it ended.
 */
export async function writeDiscounts(
  em: EntityManager,
  customerId: string,
  list: readonly DiscountTerms[],
  events: readonly DiscountEvent[],
): Promise<void> {
  const payloads = new Map(events.map((e) => [e.discount.id, e.payload]));
  await boundRows(
    em,
    `insert into mrr_discount_state (id, customer_id, subscription_id, payload, ended_at)
     select d.id, ?, d.subscription_id, coalesce(d.payload, s.payload), d.ended_at
       from jsonb_to_recordset(?::jsonb) as d(id uuid, subscription_id uuid, payload jsonb, ended_at timestamptz)
       left join mrr_discount_state s on s.id = d.id
     on conflict (id) do update set payload = excluded.payload, ended_at = excluded.ended_at`,
    [
      customerId,
      JSON.stringify(
        list.map((d) => ({
          id: d.id,
          subscription_id: d.subscriptionId,
          payload: payloads.get(d.id) ?? null,
          ended_at: d.endedAt?.toISOString() ?? null,
        })),
      ),
    ],
  );
}
