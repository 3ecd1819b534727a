import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import { couponCreatedEvent } from '../../domain/coupons/coupon-events';
import { Coupon } from '../../domain/coupons/coupon.entity';
import { emitEvents } from '../../domain/events/emit-event';
import { importTransaction } from './import-transaction';
import type { MappedCoupon } from '../map/map-coupon';

/**
 * One coupon in one transaction, with its `coupon.imported` event (the payload coupon.created
 * carries). Not through createCoupon: it refuses a `redeem_by` already past, which an imported
 * coupon may have while its discounts run on; every other rule was checked by mapCoupon. The
 * row's id is its stable id, so a coupon already imported is left as it is; a coupon of Tariff's
 * own under the same code is refused by the code's unique key.
 */
export async function writeCoupon(em: EntityManager, coupon: MappedCoupon, now: Date): Promise<'created' | 'existing'> {
  return importTransaction(em, async (tx) => {
    const createdAt = coupon.createdAt ?? now;
    const inserted = await boundRows<{ id: string }>(
      tx,
      `insert into coupon (id, code, name, percent_off, amount_off, currency, duration, duration_in_months, applies_to_price_codes, max_redemptions, times_redeemed, redeem_by, created_at)
       values (?, ?, ?, ?::numeric, ?::numeric, ?, ?::coupon_duration, ?, ?::text[], ?, ?, ?, ?)
       on conflict (id) do nothing returning id`,
      [
        coupon.id,
        coupon.code,
        coupon.name,
        coupon.percentOff?.toFixed() ?? null,
        coupon.amountOff?.toFixed() ?? null,
        coupon.currency,
        coupon.duration,
        coupon.durationInMonths,
        coupon.appliesToPriceCodes,
        coupon.maxRedemptions,
        coupon.timesRedeemed,
        coupon.redeemBy,
        createdAt,
      ],
    );
    if (inserted.length === 0) return 'existing';
    await emitEvents(tx, [{ ...couponCreatedEvent(asCoupon({ ...coupon, createdAt }), now), type: 'coupon.imported' }]);
    return 'created';
  });
}

/** A coupon's fields as the entity, for the payloads coupon-events.ts builds (not managed by the ORM). */
export function asCoupon(c: Omit<MappedCoupon, 'stripeId' | 'createdAt'> & { createdAt: Date }): Coupon {
  return Object.assign(new Coupon(), {
    id: c.id,
    code: c.code,
    name: c.name,
    percentOff: c.percentOff,
    amountOff: c.amountOff,
    currency: c.currency,
    duration: c.duration,
    durationInMonths: c.durationInMonths,
    appliesToPriceCodes: c.appliesToPriceCodes,
    maxRedemptions: c.maxRedemptions,
    timesRedeemed: c.timesRedeemed,
    redeemBy: c.redeemBy,
    createdAt: c.createdAt,
  });
}
