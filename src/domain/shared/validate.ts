import { isCurrencyCode } from '../../pricing/currency';
import { InvalidInputError } from '../errors';

/** A trimmed, non-empty string of at most `max` characters. */
export function requireText(value: string, field: string, max = 200): string {
  const v = value.trim();
  if (v.length === 0) throw new InvalidInputError(field, `${field.split('.').pop()} must not be empty`);
  if (v.length > max) throw new InvalidInputError(field, `${field.split('.').pop()} must be at most ${max} characters`);
  return v;
}

/** Codes are what integrations key on: letters, digits, `_`, `-`, `.`, at most 100. */
export function requireCode(value: string, field: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/.test(value)) {
    throw new InvalidInputError(field, 'a code is 1 to 100 letters, digits, "_", "-" or ".", starting with a letter or digit');
  }
  return value;
}

export function requireCurrency(value: string, field: string): string {
  const code = value.toUpperCase();
  if (!isCurrencyCode(code)) throw new InvalidInputError(field, `unknown currency '${value}' (ISO 4217)`);
  return code;
}

/** Batch limit on list inputs, so one request cannot ask for unbounded work. */
export function requireAtMost<T>(items: readonly T[], max: number, field: string): readonly T[] {
  if (items.length > max) throw new InvalidInputError(field, `at most ${max} items per request`);
  return items;
}
