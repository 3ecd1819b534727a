import { z } from 'zod';
import { parseInput, text } from '../shared/input-schema';

/** The same limits for every kind of record an external id names (customers, products, invoices...). */
export const MAX_SYSTEM_LENGTH = 100;
export const MAX_EXTERNAL_ID_LENGTH = 200;

/** Trimmed and bounded, without NUL. */
export const externalIdSchema = z.object({ system: text(MAX_SYSTEM_LENGTH), id: text(MAX_EXTERNAL_ID_LENGTH) });

export type ExternalIdInput = z.input<typeof externalIdSchema>;

/** A trimmed, non-empty text of at most `max` characters without NUL, or InvalidInputError at `field`. */
export function requireCleanText(value: string, field: string, max = 200): string {
  return parseInput(text(max), value, field);
}

/** `at` names the input in errors (`input.externalId` → `input.externalId.system`). */
export function parseExternalId(input: ExternalIdInput, at = 'input.externalId'): ExternalIdInput {
  return parseInput(externalIdSchema, input, at);
}

/** For lookups: what no stored external id can be (too long, NUL) finds nothing rather than failing. */
export function isStorableExternalId(system: string, id: string): boolean {
  return externalIdSchema.safeParse({ system, id }).success;
}
