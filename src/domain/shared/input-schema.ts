import { z } from 'zod';
import { isCurrencyCode } from '../../pricing/currency';
import { Decimal } from '../../pricing/decimal';
import { InvalidInputError } from '../errors';

/**
 * Shared refinements for service inputs and the one adapter from zod issues to
 * InvalidInputError. A schema's messages name no field: the adapter puts the field's path
 * (`input.externalIds[2].system`) on the error, where clients read it (`extensions.field`),
 * and the field's name in front of a message that starts with "must".
 */

// PostgreSQL text cannot hold NUL; refused here, it would otherwise fail as a driver error.
export function hasNul(value: string): boolean {
  return value.includes('\u0000');
}

// PostgreSQL text holds neither NUL nor half a surrogate pair, and jsonb refuses both.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when text or jsonb could not store the string: NUL, or a lone surrogate. */
export function hasUnstorable(value: string): boolean {
  return UNSTORABLE.test(value);
}

/** True when a string, or any key or string inside parsed JSON, holds NUL (jsonb refuses "\u0000"). */
export function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return hasNul(value);
  if (Array.isArray(value)) return value.some(containsNul);
  if (value !== null && typeof value === 'object') return Object.entries(value).some(([k, v]) => hasNul(k) || containsNul(v));
  return false;
}

/** Any string PostgreSQL can store as text: no NUL. */
export const storableString = z.string().refine((v) => !hasNul(v), { error: 'must not contain NUL characters' });

/**
 * A trimmed, non-empty string of at most `max` characters, without NUL or half a surrogate pair:
 * text that goes into event payloads and the audit log (jsonb) must be storable there too.
 */
export function text(max = 200) {
  return z
    .string()
    .trim()
    .min(1, { error: 'must not be empty', abort: true })
    .max(max, { error: `must be at most ${max} characters`, abort: true })
    .refine((v) => !hasNul(v), { error: 'must not contain NUL characters', abort: true })
    .refine((v) => !hasUnstorable(v), { error: 'must not contain unpaired surrogate characters' });
}

/** Codes are what integrations key on: letters, digits, `_`, `-`, `.`, at most 100. */
export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;
export const code = z
  .string()
  .regex(CODE_PATTERN, { error: 'a code is 1 to 100 letters, digits, "_", "-" or ".", starting with a letter or digit' });

/** An ISO 4217 code in any case, normalized to upper case. */
export const currency = z
  .string()
  .transform((v) => v.toUpperCase())
  .refine(isCurrencyCode, { error: (issue) => `unknown currency '${String(issue.input).slice(0, 20)}' (ISO 4217)` });

// Deliberately loose: the mail server is the real judge; this only catches obvious typos.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
export const email = text(254).refine((v) => EMAIL.test(v), {
  error: (issue) => `'${String(issue.input).slice(0, 60)}' is not an email address`,
});

/** A whole number from `min` to `max`, with one message for every way of missing it. */
export function wholeNumber(min: number, max: number, message = `must be a whole number from ${min} to ${max}`) {
  return z.number().int({ error: message, abort: true }).min(min, { error: message }).max(max, { error: message });
}

/** A Decimal (the GraphQL scalars parse strings into it): exact, never a float. */
export const decimal = z.custom<Decimal>((v) => Decimal.isDecimal(v), { error: 'must be a decimal' });

/** A percentage above 0 and at most 100, with at most `places` decimals (PRICING.md, Taxes). */
export function percentage(places = 4, message = `must be a percentage above 0 and at most 100, with at most ${places} decimals`) {
  return decimal.refine((d) => d.gt(0) && d.lte(100) && d.decimalPlaces() <= places, { error: message });
}

/** A date PostgreSQL can store: years 0001 to 9999, UTC. */
export const storableDate = z.date().refine(
  (d) => {
    const year = d.getUTCFullYear();
    return year >= 1 && year <= 9999;
  },
  { error: 'must be between the years 0001 and 9999 (UTC)' },
);

/** A list of at most `max` items, so one request cannot ask for unbounded work: counted before any item is parsed. */
export function atMost<T extends z.ZodType>(item: T, max: number) {
  return z
    .array(z.unknown())
    .max(max, { error: `at most ${max} items per request` })
    .pipe(z.array(item));
}

/**
 * Refuses the second of two items with the same key, at that item's index (and `within` it:
 * `[1, 'priceCode']`). As a check on the list, it runs only when every item has parsed.
 */
export function unique<T>(keyOf: (item: T) => string, message: (item: T) => string, within: readonly PropertyKey[] = []) {
  return (ctx: z.core.ParsePayload<T[]>) => {
    const seen = new Set<string>();
    ctx.value.forEach((item, i) => {
      const key = keyOf(item);
      if (seen.has(key)) ctx.issues.push({ code: 'custom', input: item, path: [i, ...within], message: message(item) });
      seen.add(key);
    });
  };
}

/** `input.externalIds[2].system` from a prefix and zod's path. */
export function fieldPath(prefix: string | undefined, path: readonly PropertyKey[]): string | undefined {
  let field = prefix ?? '';
  for (const key of path) {
    if (typeof key === 'number') field += `[${key}]`;
    else field += field === '' ? String(key) : `.${String(key)}`;
  }
  return field === '' ? undefined : field;
}

/** A field path and a message, as clients read them in `extensions.issues` of a batch. */
export interface FieldIssue {
  field: string;
  message: string;
}

/**
 * Each issue at its field path (at most `max`). A message that starts with "must" gets the
 * field's own name in front ("name must not be empty").
 */
export function issuesOf(error: z.ZodError, prefix?: string, max = Infinity): FieldIssue[] {
  return error.issues.slice(0, max).map((issue) => {
    const field = fieldPath(prefix, issue.path) ?? '';
    const message = field !== '' && issue.message.startsWith('must ') ? `${field.split('.').pop()} ${issue.message}` : issue.message;
    return { field, message };
  });
}

/** The first issue as the InvalidInputError a client sees, naming the field. */
export function toInvalidInput(error: z.ZodError, prefix?: string): InvalidInputError {
  const [first] = issuesOf(error, prefix, 1);
  return new InvalidInputError(first.field === '' ? undefined : first.field, first.message);
}

/**
 * Parses `value` or throws InvalidInputError at the first issue's field, `prefix` being where
 * the value sits in the request (`input` for a mutation's input object, '' for an argument).
 */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, prefix?: string): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw toInvalidInput(result.error, prefix);
  return result.data;
}
