import { roundMoney } from '../../pricing/currency';
import { type Decimal, ZERO } from '../../pricing/decimal';

/** An order line as the split sees it: what it carries and bills, and what earlier shipments took of it. */
export interface SplitLine {
  quantity: Decimal;
  amount: Decimal;
  tax: Decimal;
  shippedBefore: Decimal;
  amountBefore: Decimal;
  taxBefore: Decimal;
}

/**
 * What `quantity` units shipped of a line bill. A line's amount is not always quantity × a unit
 * price (tiers, volume, flat parts), so it is split pro rata by quantity: amount × shipped /
 * quantity, rounded to the currency's minor unit, tax likewise. The shipment that completes the
 * line takes the remainder (amount minus what earlier shipments billed), so a fully shipped line
 * bills exactly its amount and tax, and every shipment invoice of an order adds up to its total.
 */
export function splitShipped(line: SplitLine, quantity: Decimal, currency: string): { amount: Decimal; tax: Decimal } {
  const after = line.shippedBefore.plus(quantity);
  if (after.gte(line.quantity)) return { amount: line.amount.minus(line.amountBefore), tax: line.tax.minus(line.taxBefore) };
  if (line.quantity.isZero()) return { amount: ZERO, tax: ZERO };
  const share = (total: Decimal, before: Decimal) => roundMoney(total.times(after).div(line.quantity), currency).minus(before);
  // Pro rata of the cumulative quantity, less what was billed: rounding never drifts shipment by shipment.
  return { amount: share(line.amount, line.amountBefore), tax: share(line.tax, line.taxBefore) };
}
