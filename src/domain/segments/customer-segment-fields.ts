import { InvalidInputError } from '../errors';

/** A customer's metadata: flat, as Stripe's is, so that any CRM can map it to its own fields. */
export type CustomerMetadata = Record<string, string | number | boolean | null>;

export const MAX_TAGS = 20;
const MAX_TAG_LENGTH = 64;
export const MAX_METADATA_KEYS = 50;
const MAX_KEY_LENGTH = 40;
const MAX_VALUE_LENGTH = 500;

// Letters and digits of any script, and the separators tags are usually written with
// (`region:eu`, `plan/pro`, `early-adopter`); no control characters, quotes or commas, so a tag
// survives every CSV and URL a marketing tool puts it in.
const TAG = /^[\p{L}\p{N}](?:[\p{L}\p{N} _.:/+#&-]*[\p{L}\p{N}_.:/+#&-])?$/u;
// PostgreSQL text and jsonb hold neither NUL nor half a surrogate pair.
const UNSTORABLE = /[\u0000-\u001f\u007f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Distinct tags in the order given; each 1 to 64 characters. */
export function parseTags(tags: readonly string[], field: string): string[] {
  if (tags.length > MAX_TAGS) throw new InvalidInputError(field, `at most ${MAX_TAGS} tags`);
  const out: string[] = [];
  tags.forEach((tag, i) => {
    if (tag.length === 0 || tag.length > MAX_TAG_LENGTH || !TAG.test(tag)) {
      throw new InvalidInputError(
        `${field}[${i}]`,
        `a tag is 1 to ${MAX_TAG_LENGTH} letters, digits, spaces or _ . : / + # & -, starting with a letter or digit and not ending with a space`,
      );
    }
    if (!out.includes(tag)) out.push(tag);
  });
  return out;
}

/**
 * Up to 50 keys of at most 40 characters, each holding a string of at most 500 characters, a
 * finite number, a boolean or null: no nesting (Stripe's rule, numbers and booleans added).
 */
export function parseMetadata(metadata: Record<string, unknown>, field: string): CustomerMetadata {
  if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata))
    throw new InvalidInputError(field, 'metadata is a JSON object');
  const entries = Object.entries(metadata);
  if (entries.length > MAX_METADATA_KEYS) throw new InvalidInputError(field, `at most ${MAX_METADATA_KEYS} keys`);
  const out: [string, string | number | boolean | null][] = [];
  for (const [key, value] of entries) {
    const at = `${field}.${key.slice(0, MAX_KEY_LENGTH)}`;
    if (key.length === 0 || key.length > MAX_KEY_LENGTH || UNSTORABLE.test(key)) {
      throw new InvalidInputError(at, `a metadata key is 1 to ${MAX_KEY_LENGTH} characters, without control characters`);
    }
    if (typeof value === 'string') {
      if (value.length > MAX_VALUE_LENGTH || UNSTORABLE.test(value.replace(/[\t\n\r]/g, ' '))) {
        throw new InvalidInputError(
          at,
          `a metadata string is at most ${MAX_VALUE_LENGTH} characters, without NUL or control characters other than tab and line breaks`,
        );
      }
    } else if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new InvalidInputError(at, 'a metadata number must be finite');
    } else if (typeof value !== 'boolean' && value !== null) {
      throw new InvalidInputError(at, 'a metadata value is a string, a number, a boolean or null: no objects or lists');
    }
    out.push([key, value as string | number | boolean | null]);
  }
  // fromEntries defines own properties: a key named `__proto__` stays a key.
  return Object.fromEntries(out);
}

/** By value, key order ignored: a sync resending the same metadata changes nothing. */
export function sameMetadata(a: CustomerMetadata, b: CustomerMetadata): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && a[k] === b[k]);
}

export function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}
