import { z } from 'zod';
import { atMost } from '../shared/input-schema';

const MAX_URL_LENGTH = 2048;
/** At most this many patterns per endpoint: each is a short string, and `*` covers the rest. */
const MAX_PATTERNS = 50;
const PATTERN = /^(\*|[a-z][a-z0-9_]{0,49}\.(\*|[a-z][a-z0-9_]{0,49}))$/;

/**
 * An absolute http(s) URL, as it will be posted to. Control characters and spaces are refused
 * rather than silently stripped by the URL parser, and credentials in the URL are refused: the
 * receiver authenticates Tariff by the signature, and fetch would not send them anyway.
 */
export const webhookUrl = z
  .string()
  .trim()
  .min(1, { error: 'must not be empty', abort: true })
  .max(MAX_URL_LENGTH, { error: `must be at most ${MAX_URL_LENGTH} characters`, abort: true })
  .refine((v) => !/[\u0000-\u0020\u007f-\u009f]/.test(v), { error: 'must not contain spaces or control characters', abort: true })
  .transform((value, ctx) => {
    const fail = (message: string) => {
      ctx.issues.push({ code: 'custom', input: value, message });
      return z.NEVER;
    };
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return fail('url is not a valid absolute URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail('must be http or https');
    if (!url.hostname) return fail('must name a host');
    if (url.username || url.password) return fail('must not carry credentials; receivers check the Tariff-Signature header');
    if (url.hash) return fail('must not have a fragment');
    return url.href;
  });

/**
 * The event types an endpoint subscribes to: `*` (all), `<aggregate>.*` or `<aggregate>.<verb>`
 * in lower case (CONTRACT.md). Duplicates are dropped; order is kept.
 */
export const eventTypes = atMost(
  z
    .string()
    .regex(PATTERN, { error: 'an event type is "*", "<aggregate>.*" or "<aggregate>.<verb>" in lower case, e.g. "invoice.finalized"' }),
  MAX_PATTERNS,
)
  .refine((patterns) => patterns.length > 0, { error: 'name at least one event type, or "*" for all' })
  .transform((patterns) => [...new Set(patterns)]);

export const createWebhookEndpointSchema = z.object({ url: webhookUrl, eventTypes });
