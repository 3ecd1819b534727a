import { roundMoney } from '../../pricing/currency';
import { type Decimal, ZERO } from '../../pricing/decimal';

/**
 * What `units` of an order line come to at the order's prices: the line's amount and tax pro rata
 * by quantity, each rounded to the minor unit; all of the line, exactly its amount and tax. The
 * same cumulative share shipments bill (shipment-split.ts): after shipping `units` in any number
 * of shipments, their invoices have billed exactly lineValue(units). So a line whose rest is
 * canceled bills lineValue(kept) in all, and a credit note gives back the line less that.
 */
export function lineValue(
  line: { quantity: Decimal; amount: Decimal; tax: Decimal },
  units: Decimal,
  currency: string,
): { amount: Decimal; tax: Decimal } {
  if (units.gte(line.quantity)) return { amount: line.amount, tax: line.tax };
  if (line.quantity.isZero() || !units.gt(0)) return { amount: ZERO, tax: ZERO };
  const share = (total: Decimal) => roundMoney(total.times(units).div(line.quantity), currency);
  return { amount: share(line.amount), tax: share(line.tax) };
}

/** What a line will still bill and what it will never bill: its value kept (quantity − canceled), and the rest of amount + tax. */
export function canceledValue(
  line: { quantity: Decimal; quantityCanceled: Decimal; amount: Decimal; tax: Decimal },
  currency: string,
): Decimal {
  const kept = lineValue(line, line.quantity.minus(line.quantityCanceled), currency);
  return line.amount.plus(line.tax).minus(kept.amount).minus(kept.tax);
}
