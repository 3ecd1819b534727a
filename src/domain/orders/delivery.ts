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
