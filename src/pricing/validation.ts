import { z } from 'zod';
import { Decimal, HUNDRED, ZERO, decimalStringProblem } from './decimal';
import { PricingInputError, type PricingIssue } from './errors';

/** zod path ['tiers', 1, 'upTo'] → 'tiers[1].upTo' (the form GraphQL clients see). */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

export function issuesFromZod(error: z.ZodError): PricingIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/** Parses `json` with `schema` or throws PricingInputError with paths relative to `json`. */
export function parseWith<S extends z.ZodType>(schema: S, json: unknown): z.output<S> {
  const result = schema.safeParse(json);
  if (!result.success) throw new PricingInputError(issuesFromZod(result.error));
  return result.data;
}

type Bound = 'any' | 'nonNegative' | 'positive' | 'percent';

const BOUND_CHECK: Record<Bound, { ok: (d: Decimal) => boolean; message: string }> = {
  any: { ok: () => true, message: '' },
  nonNegative: { ok: (d) => d.gte(ZERO), message: 'must be zero or more' },
  positive: { ok: (d) => d.gt(ZERO), message: 'must be greater than zero' },
  percent: { ok: (d) => d.gte(ZERO) && d.lte(HUNDRED), message: 'must be a percentage between 0 and 100' },
};

/**
 * A decimal read from JSON: a strict decimal string, or a JSON number whose plain String()
 * form is one (so 0.1 passes but 0.1 + 0.2 and 1e21 are refused instead of rounded).
 */
function toDecimal(value: unknown, bound: Bound, ctx: z.RefinementCtx): Decimal | typeof z.NEVER {
  if (typeof value !== 'string' && typeof value !== 'number') {
    ctx.addIssue({ code: 'custom', message: 'must be a decimal string such as "12.50"' });
    return z.NEVER;
  }
  const text = String(value);
  const problem = decimalStringProblem(text);
  if (problem !== null) {
    ctx.addIssue({ code: 'custom', message: problem });
    return z.NEVER;
  }
  const decimal = new Decimal(text);
  const check = BOUND_CHECK[bound];
  if (!check.ok(decimal)) {
    ctx.addIssue({ code: 'custom', message: check.message });
    return z.NEVER;
  }
  return decimal.isZero() ? ZERO : decimal;
}

/**
 * What a decimal field accepts, as JSON Schema (docs/pricing-configs.md): zod cannot see through
 * the transforms above, so the accepted shape is stated here, next to the code that checks it.
 */
const DECIMAL_JSON_SCHEMA: Record<Bound, { pattern: string; description: string; [keyword: string]: unknown }> = {
  any: { pattern: '^-?0*\\d{1,18}(\\.\\d{1,12})?$', description: 'a decimal' },
  nonNegative: { pattern: '^0*\\d{1,18}(\\.\\d{1,12})?$', minimum: 0, description: 'a decimal ≥ 0' },
  positive: { pattern: '^(?!0+(\\.0+)?$)0*\\d{1,18}(\\.\\d{1,12})?$', exclusiveMinimum: 0, description: 'a decimal > 0' },
  percent: {
    pattern: '^0*(100(\\.0{1,12})?|\\d{1,2}(\\.\\d{1,12})?)$',
    minimum: 0,
    maximum: 100,
    description: 'a percentage from 0 to 100',
  },
};

const DECIMAL_FORM =
  'as a string such as "12.50" (at most 18 digits before the point and 12 after, no exponent) or a JSON number whose plain form is one';

function decimalJsonSchema(bound: Bound, nullMeaning?: string) {
  const { description, ...keywords } = DECIMAL_JSON_SCHEMA[bound];
  return nullMeaning === undefined
    ? { type: ['string', 'number'], ...keywords, description: `${description}, ${DECIMAL_FORM}` }
    : { type: ['string', 'number', 'null'], ...keywords, description: `${description}, ${DECIMAL_FORM}; null means ${nullMeaning}` };
}

/** A required decimal field. */
export function decimalField(bound: Bound = 'nonNegative') {
  return z
    .unknown()
    .transform((value, ctx): Decimal => {
      if (value === undefined || value === null) {
        ctx.addIssue({ code: 'custom', message: 'is required' });
        return z.NEVER;
      }
      return toDecimal(value, bound, ctx);
    })
    .meta(decimalJsonSchema(bound));
}

/** An optional decimal field; JSON null counts as absent. */
export function optionalDecimalField(bound: Bound = 'nonNegative') {
  return z
    .unknown()
    .transform((value, ctx): Decimal | undefined => (value === undefined || value === null ? undefined : toDecimal(value, bound, ctx)))
    .meta(decimalJsonSchema(bound, 'the same as leaving it out'))
    .optional();
}

/** A decimal that may be null on purpose (a tier's `upTo: null`), but must be present. */
export function nullableDecimalField(bound: Bound, nullMeaning: string) {
  return z
    .unknown()
    .transform((value, ctx): Decimal | null => {
      if (value === null) return null;
      if (value === undefined) {
        ctx.addIssue({ code: 'custom', message: `is required (null means ${nullMeaning})` });
        return z.NEVER;
      }
      return toDecimal(value, bound, ctx);
    })
    .meta(decimalJsonSchema(bound, nullMeaning));
}

/** A non-empty, trimmed identifier such as a price code or a metric name. */
export const codeField = z
  .string({ error: 'must be a string' })
  .min(1, { error: 'must not be empty' })
  .max(200, { error: 'must be at most 200 characters' })
  .refine((s) => s.trim() === s, { error: 'must not start or end with spaces' });
