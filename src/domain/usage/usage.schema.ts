import { z } from 'zod';
import { isId } from '../shared/ids';
import { decimal, hasUnstorable } from '../shared/input-schema';

const MAX_TEXT = 255;
const UNSTORABLE = 'must not contain a character that cannot be stored (NUL or a lone surrogate)';

// One issue per field (abort): a batch's `issues` list each bad field once.
const usageText = z
  .string()
  .refine((v) => v.trim().length > 0 && v.length <= MAX_TEXT, { error: `must be 1 to ${MAX_TEXT} characters, not blank`, abort: true })
  .refine((v) => !hasUnstorable(v), { error: UNSTORABLE });

/**
 * The metric rule of a `usage` price (pricing-rules/usage.ts: 1 to 200 characters, no leading or
 * trailing spaces), not the stricter code pattern: any metric a price can meter must be
 * recordable, or that price could never bill. Tighten both together or neither.
 */
const metric = z
  .string()
  .min(1, { error: 'must be 1 to 200 characters', abort: true })
  .max(200, { error: 'must be 1 to 200 characters', abort: true })
  .refine((v) => v.trim() === v, { error: 'must not start or end with spaces', abort: true })
  .refine((v) => !hasUnstorable(v), { error: UNSTORABLE });

/** One batch of usage events; `latest` is the furthest timestamp a sender's clock may be ahead to. */
export function usageEventsSchema(latest: Date) {
  return z.array(
    z.object({
      id: usageText,
      customerId: z.string().refine(isId, { error: (issue) => `unknown customer '${String(issue.input).slice(0, 40)}'` }),
      metric,
      value: decimal.refine((v) => !v.isNegative(), { error: 'must be zero or more' }),
      timestamp: z.date().refine((t) => t.getTime() <= latest.getTime(), {
        error: `timestamp may be at most one day ahead of now (${latest.toISOString()})`,
      }),
      uniqueKey: usageText.nullish(),
    }),
  );
}
