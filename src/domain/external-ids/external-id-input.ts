import { InvalidInputError } from '../errors';
import { requireText } from '../shared/validate';

export interface ExternalIdInput {
  system: string;
  id: string;
}

/** As customers' external ids are checked (customer.service.ts): the same limits for every kind. */
export const MAX_SYSTEM_LENGTH = 100;
export const MAX_EXTERNAL_ID_LENGTH = 200;

/** requireText, refusing NUL too. */
export function requireCleanText(value: string, field: string, max = 200): string {
  const v = requireText(value, field, max);
  // PostgreSQL text cannot hold NUL; refused here, it would otherwise fail as a driver error.
  if (v.includes('\u0000')) throw new InvalidInputError(field, `${field.split('.').pop()} must not contain NUL characters`);
  return v;
}

/** Trimmed and bounded; `fields` name the inputs in errors (`input.externalId.system`). */
export function parseExternalId(input: ExternalIdInput, fields: { system: string; id: string }): ExternalIdInput {
  return { system: requireCleanText(input.system, fields.system, MAX_SYSTEM_LENGTH), id: requireCleanText(input.id, fields.id, MAX_EXTERNAL_ID_LENGTH) };
}

/** For lookups: what no stored external id can be (too long, NUL) finds nothing rather than failing. */
export function isStorableExternalId(system: string, id: string): boolean {
  const s = system.trim();
  const i = id.trim();
  return s.length > 0 && i.length > 0 && s.length <= MAX_SYSTEM_LENGTH && i.length <= MAX_EXTERNAL_ID_LENGTH && !s.includes('\u0000') && !i.includes('\u0000');
}
