import DecimalJs from 'decimal.js';
import { PricingInputError } from './errors';

/**
 * The one configured decimal.js constructor of Tariff (PRICING.md: "configured once, in one
 * module"). Every other module imports `Decimal` from here, never from 'decimal.js'.
 *
 * precision 60: inputs carry at most 18 integer digits and 12 decimals (30 significant
 * digits), so the product of two inputs (quantity × unit price) is always exact; the default
 * of 20 digits would silently round it. toExpNeg/toExpPos keep toString() out of exponent
 * notation for every value we can produce.
 */
export const Decimal = DecimalJs.clone({
  precision: 60,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -60,
  toExpPos: 60,
});
export type Decimal = DecimalJs;

export const MAX_DECIMAL_PLACES = 12;
export const MAX_INTEGER_DIGITS = 18;

export const ZERO: Decimal = new Decimal(0);
export const ONE: Decimal = new Decimal(1);
export const HUNDRED: Decimal = new Decimal(100);

const STRICT_DECIMAL = /^-?(\d+)(\.\d{1,12})?$/;

/** Why a string is not a strict decimal, or null when it is one. */
export function decimalStringProblem(s: string): string | null {
  const match = STRICT_DECIMAL.exec(s);
  if (match === null) {
    return 'must be a plain decimal such as "12.50": digits, an optional leading "-", at most 12 decimals, no exponent or spaces';
  }
  if (match[1].replace(/^0+(?=\d)/, '').length > MAX_INTEGER_DIGITS) {
    return `must have at most ${MAX_INTEGER_DIGITS} digits before the decimal point`;
  }
  return null;
}

/**
 * Strict parse of the decimals that cross Tariff's edges (GraphQL `Decimal`, rule configs):
 * `^-?\d+(\.\d{1,12})?$`. "1e3", "NaN", " 1", "", "+1", "1.", ".5" are rejected rather than
 * guessed at, because a misread amount is revenue lost silently.
 */
export function parseDecimalString(s: string, path = ''): Decimal {
  // Typed as a string, but GraphQL variables are JSON: a number must not slip through here.
  if (typeof s !== 'string') throw new PricingInputError([{ path, message: 'must be a decimal string such as "12.50"' }]);
  const problem = decimalStringProblem(s);
  if (problem !== null) throw new PricingInputError([{ path, message: problem }]);
  const value = new Decimal(s);
  return value.isZero() ? ZERO : value; // "-0" is zero; never let a signed zero reach a document
}

/**
 * Re-homes a Decimal built by another decimal.js constructor: arithmetic uses the
 * configuration of the left operand's constructor, and decimal.js' default one rounds to 20
 * significant digits.
 */
export function toEngineDecimal(value: Decimal): Decimal {
  return value.constructor === Decimal ? value : new Decimal(value);
}

/** Plain notation, never an exponent, all significant decimals. */
export function formatDecimal(value: Decimal): string {
  return value.toFixed();
}

/**
 * An amount inside an explanation step: at least the currency's minor unit ("5.00"), more
 * when the value has more ("0.000125"), so a step never hides digits that were used.
 */
export function formatAmount(value: Decimal, minScale: number): string {
  // Padding toFixed()'s exact digits is several times cheaper than toFixed(n), which rounds a
  // copy first; this runs a few times per priced line.
  const plain = value.toFixed();
  const dot = plain.indexOf('.');
  const decimals = dot === -1 ? 0 : plain.length - dot - 1;
  if (decimals >= minScale) return plain;
  return (dot === -1 ? `${plain}.` : plain) + '0'.repeat(minScale - decimals);
}
