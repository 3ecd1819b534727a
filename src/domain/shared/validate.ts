import { atMost, code, currency, parseInput, text } from './input-schema';
import { z } from 'zod';

/*
 * One-value checks for services not yet moved to a schema of their own; each is its
 * input-schema.ts refinement, so the rules and messages are the same either way.
 */

/** A trimmed, non-empty string of at most `max` characters, without NUL. */
export function requireText(value: string, field: string, max = 200): string {
  return parseInput(text(max), value, field);
}

/** Codes are what integrations key on: letters, digits, `_`, `-`, `.`, at most 100. */
export function requireCode(value: string, field: string): string {
  return parseInput(code, value, field);
}

export function requireCurrency(value: string, field: string): string {
  return parseInput(currency, value, field);
}

/** Batch limit on list inputs, so one request cannot ask for unbounded work. */
export function requireAtMost<T>(items: readonly T[], max: number, field: string): readonly T[] {
  // The length is the schema's only check: it runs only to word the refusal, since its walk over
  // every item was 2 % of a quote preview's CPU (bench:quote profile, docs/benchmarks.md).
  if (items.length <= max) return items;
  parseInput(atMost(z.unknown(), max), items, field);
  return items;
}
