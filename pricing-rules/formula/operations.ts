import { Decimal, ZERO } from '../../src/pricing/decimal';
import { type Arithmetic, type Comparison, FORMULA_LIMITS, FormulaError, type FunctionName } from './syntax';

/** A value in a step: exact, or cut at 12 decimals with an ellipsis when a division does not terminate. */
export function shown(value: Decimal): string {
  if (value.decimalPlaces() <= FORMULA_LIMITS.decimalPlaces) return value.toFixed();
  return `${value.toDecimalPlaces(FORMULA_LIMITS.decimalPlaces, Decimal.ROUND_DOWN).toFixed()}…`;
}

/** Every value stays below 10^30 (syntax.ts); a signed zero becomes plain zero. */
export function bounded(value: Decimal, pos: number): Decimal {
  if (value.isZero()) return ZERO;
  if (value.e >= FORMULA_LIMITS.magnitudeDigits) {
    throw new FormulaError(`a value reaches 10^${FORMULA_LIMITS.magnitudeDigits} or more`, pos);
  }
  return value;
}

export function arithmetic(op: Arithmetic, left: Decimal, right: Decimal, pos: number): Decimal {
  if (op === '+') return left.plus(right);
  if (op === '-') return left.minus(right);
  if (op === '*') return left.times(right);
  if (right.isZero()) throw new FormulaError('division by zero', pos);
  return left.div(right);
}

export function applyFunction(name: FunctionName, args: readonly Decimal[]): Decimal {
  if (name === 'min') return args.reduce((a, b) => (b.lt(a) ? b : a));
  if (name === 'max') return args.reduce((a, b) => (b.gt(a) ? b : a));
  if (name === 'ceil') return args[0].ceil();
  if (name === 'floor') return args[0].floor();
  // round(x) and round(x, n): half-up, as the engine rounds a line. n is a count of decimal places,
  // not an amount: a literal whole number from 0 to 12, checked at parse time (functions.ts).
  return args[0].toDecimalPlaces(args.length > 1 ? args[1].toNumber() : 0, Decimal.ROUND_HALF_UP);
}

export function compare(op: Comparison, left: Decimal, right: Decimal): boolean {
  const c = left.cmp(right);
  if (op === '<') return c < 0;
  if (op === '<=') return c <= 0;
  if (op === '>') return c > 0;
  if (op === '>=') return c >= 0;
  return op === '==' ? c === 0 : c !== 0;
}
