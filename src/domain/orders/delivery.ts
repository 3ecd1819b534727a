import { addInterval } from '../../pricing';
import { BillingInterval } from '../catalog/price.entity';

/** CONTRACT.md, Recurring orders: the unit of a delivery schedule's `every`. */
export enum DeliveryUnit {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}

/** When an order is invoiced: each shipment for what it shipped, or the whole order when it is placed. */
export enum OrderBilling {
  SHIPMENT = 'SHIPMENT',
  ORDER = 'ORDER',
}

const DAY_MS = 86_400_000;

/**
 * The n-th delivery date (0 is the first) of a schedule. Days and weeks are exact multiples of
 * 24 hours from the first date (UTC, no daylight saving); months count from the first date and
 * are clamped to month ends as billing periods are (PRICING.md), so a schedule that starts on the
 * 31st delivers on the 30th in April and on the 31st again in May.
 */
export function deliveryDate(first: Date, every: number, unit: DeliveryUnit, n: number): Date {
  if (unit === DeliveryUnit.MONTH) return addInterval(first, BillingInterval.MONTH, every, n);
  const days = unit === DeliveryUnit.WEEK ? every * 7 : every;
  return new Date(first.getTime() + n * days * DAY_MS);
}

/** What a schedule's dates follow: its cadence and where it is anchored (DeliverySchedule). */
export interface Cadence {
  firstDeliveryAt: Date;
  anchorAt: Date;
  anchorIndex: number;
  every: number;
  unit: DeliveryUnit;
}

/**
 * The date of a schedule's n-th delivery: counted from its anchor (a re-anchored cadence), or,
 * for a delivery before the anchor (one already behind it), from the first delivery as it was.
 */
export function scheduleDate(c: Cadence, n: number): Date {
  if (n < c.anchorIndex) return deliveryDate(c.firstDeliveryAt, c.every, c.unit, n);
  return deliveryDate(c.anchorAt, c.every, c.unit, n - c.anchorIndex);
}
