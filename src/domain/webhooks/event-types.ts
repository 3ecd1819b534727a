import { InvalidInputError } from '../errors';

/** At most this many patterns per endpoint: each is a short string, and `*` covers the rest. */
const MAX_PATTERNS = 50;
const PATTERN = /^(\*|[a-z][a-z0-9_]{0,49}\.(\*|[a-z][a-z0-9_]{0,49}))$/;

/**
 * The event types an endpoint subscribes to: `*` (all), `<aggregate>.*` or `<aggregate>.<verb>`
 * in lower case (CONTRACT.md). Duplicates are dropped; order is kept.
 */
export function parseEventTypes(patterns: readonly string[], field: string): string[] {
  if (patterns.length === 0) throw new InvalidInputError(field, 'name at least one event type, or "*" for all');
  if (patterns.length > MAX_PATTERNS) throw new InvalidInputError(field, `at most ${MAX_PATTERNS} event types`);
  patterns.forEach((p, i) => {
    if (!PATTERN.test(p)) {
      throw new InvalidInputError(`${field}[${i}]`, 'an event type is "*", "<aggregate>.*" or "<aggregate>.<verb>" in lower case, e.g. "invoice.finalized"');
    }
  });
  return [...new Set(patterns)];
}

export function matchesEventType(patterns: readonly string[], type: string): boolean {
  const aggregate = type.slice(0, type.indexOf('.'));
  return patterns.some((p) => p === '*' || p === type || p === `${aggregate}.*`);
}
