import { roundMoney } from '../../pricing/currency';
import { Decimal, ZERO } from '../../pricing/decimal';
import type { LineTaxCategory } from '../customers/customer-tax';

/** One charge line of an invoice as a credit note sees it: what it billed, and what earlier notes gave back. */
export interface CreditableLine {
  id: string;
  description: string;
  amount: Decimal;
  tax: Decimal;
  creditedAmount: Decimal;
  creditedTax: Decimal;
  /** The invoice line's stored VAT category and rate, which its credit note lines keep (null: not known). */
  taxCategory?: LineTaxCategory['taxCategory'] | null;
  taxRate?: Decimal | null;
}

/** What one credit note line gives back of an invoice line: amount before tax, and its tax. */
export interface CreditPart {
  line: CreditableLine;
  amount: Decimal;
  tax: Decimal;
}

export function remainingAmount(line: CreditableLine): Decimal {
  return line.amount.minus(line.creditedAmount);
}

export function remainingTax(line: CreditableLine): Decimal {
  return line.tax.minus(line.creditedTax);
}

/**
 * The tax given back with `amount` of the line: the line's tax in proportion, rounded as the
 * engine rounds (ROUND_HALF_UP to the minor unit). The proportion is taken of everything credited
 * on the line so far, less the tax earlier notes gave back: rounding each note's share on its own
 * could, over many small notes, give back more tax than the line carried. Crediting the whole
 * rest of the line gives back exactly the rest of its tax, so credits add up to the invoice.
 */
export function creditTax(line: CreditableLine, amount: Decimal, currency: string): Decimal {
  if (amount.eq(remainingAmount(line))) return remainingTax(line);
  const creditedSoFar = roundMoney(line.tax.times(line.creditedAmount.plus(amount)).div(line.amount), currency);
  return creditedSoFar.minus(line.creditedTax);
}

/**
 * Everything still creditable, up to `left` (what is left of the invoice's total): each line's
 * rest in order. An invoice whose credit lines (prorations) make its total smaller than its
 * charges ends this before the charges do; the last line is then credited in part, `left` split
 * between amount and tax in that line's proportion, so the invoice is credited to exactly its total.
 */
export function fullCredit(lines: readonly CreditableLine[], left: Decimal, currency: string): CreditPart[] {
  const parts: CreditPart[] = [];
  let rest = left;
  for (const line of lines) {
    if (rest.lte(ZERO)) break;
    const amount = remainingAmount(line);
    const tax = remainingTax(line);
    if (amount.lte(ZERO)) continue;
    if (amount.plus(tax).lte(rest)) {
      parts.push({ line, amount, tax });
      rest = rest.minus(amount).minus(tax);
      continue;
    }
    const part = roundMoney(rest.times(amount).div(amount.plus(tax)), currency);
    if (part.gt(ZERO)) parts.push({ line, amount: part, tax: rest.minus(part) });
    break;
  }
  return parts;
}

export function sumOf(parts: readonly CreditPart[], pick: (p: CreditPart) => Decimal): Decimal {
  return parts.reduce((sum, p) => sum.plus(pick(p)), ZERO);
}
