import type { EntityManager } from '@mikro-orm/postgresql';
import { ZERO, type Decimal } from '../../pricing/decimal';
import type { CatalogPrice } from '../catalog/price-snapshot';
import { ItemPricer } from '../subscriptions/subscription-pricing';
import type { OrderTax } from './order-tax';

export interface OrderLinePrice {
  amount: Decimal;
  tax: Decimal;
  steps: string[];
}

export interface PricedOrder {
  lines: OrderLinePrice[];
  subtotal: Decimal;
  tax: Decimal;
  total: Decimal;
}

/**
 * An order's lines priced by the engine as the subscription's items are (ItemPricer: tiers,
 * volume, the customer's contracts in force at `at`, tax by the customer's rules or `tax`), each line at
 * the quantity this order carries. A line that carries nothing (SKIP_LINE with no stock) is not
 * priced: a flat price would otherwise charge for goods that do not come. Coupons are left out:
 * they discount the subscription's period invoices (docs/orders.md).
 */
export async function priceOrder(
  em: EntityManager,
  customerId: string,
  lines: readonly { price: CatalogPrice; quantity: Decimal }[],
  at: Date,
  tax: OrderTax | null = null,
): Promise<PricedOrder> {
  if (!lines.some((l) => l.quantity.gt(0))) return priceWith(null, lines, at);
  const pricer = await ItemPricer.forCustomer(
    em,
    customerId,
    lines.filter((l) => l.quantity.gt(0)).map((l) => l.price),
  );
  return priceWith(pricer, lines, at, tax);
}

/**
 * priceOrder with a pricer at hand (the batch path makes one per customer for a whole page: the
 * customer's contracts and the prices' components loaded once). `pricer` may be null only when
 * no line carries anything. `tax`: the order's treatment when the seller taxes by ship-to
 * (order-tax.ts), else null for the customer's own.
 */
export function priceWith(
  pricer: ItemPricer | null,
  lines: readonly { price: CatalogPrice; quantity: Decimal }[],
  at: Date,
  tax: OrderTax | null = null,
): PricedOrder {
  const priced = lines.map((l, i) => ({ ...l, i })).filter((l) => l.quantity.gt(0));
  const result: OrderLinePrice[] = lines.map(() => ({ amount: ZERO, tax: ZERO, steps: ['nothing to deliver: 0'] }));
  if (priced.length === 0) return { lines: result, subtotal: ZERO, tax: ZERO, total: ZERO };
  if (!pricer) throw new Error('priceWith: a line to price and no pricer');
  const doc = (tax ? pricer.withTax(tax) : pricer).document(priced, at, false);
  // Without coupons or minimum commitments the document has one charge line per line given, in order.
  doc.lines.forEach((line, j) => {
    result[priced[j].i] = { amount: line.amount, tax: line.tax, steps: [...line.steps] };
  });
  return { lines: result, subtotal: doc.subtotal, tax: doc.tax, total: doc.total };
}
