import countries from 'i18n-iso-countries';
import { z } from 'zod';
import { hasUnstorable, parseInput, text } from '../shared/input-schema';

/** A postal address as stored and shown: the country is an ISO 3166-1 alpha-2 code in upper case. */
export interface Address {
  line1: string;
  line2: string | null;
  city: string;
  postalCode: string | null;
  region: string | null;
  country: string;
}

export type AddressInput = {
  line1: string;
  line2?: string | null;
  city: string;
  postalCode?: string | null;
  region?: string | null;
  country: string;
};

// i18n-iso-countries also accepts alpha-3 and numeric codes: only the two letters are ours.
const country = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .refine((v) => /^[A-Z]{2}$/.test(v) && countries.isValid(v), {
    error: (issue) => `unknown country '${String(issue.input).slice(0, 20)}' (ISO 3166-1 alpha-2, e.g. "DE")`,
  });

/** Text that also goes into jsonb (the address column, event payloads), which refuses half a surrogate pair as well as NUL. */
export const line = (max: number) =>
  text(max).refine((v) => !hasUnstorable(v), { error: 'must not contain NUL or unpaired surrogate characters' });

// An empty optional line is no line: forms send "" for a field left blank.
const optional = (max: number) =>
  z.preprocess((v) => (v === undefined || (typeof v === 'string' && v.trim() === '') ? null : v), line(max).nullable());

export const addressSchema = z.object({
  line1: line(200),
  line2: optional(200),
  city: line(100),
  postalCode: optional(20),
  region: optional(100),
  country,
});

/** The address, trimmed and with its country normalized, or InvalidInputError at `at.<field>`. */
export function parseAddress(input: AddressInput, at = 'input.address'): Address {
  return parseInput(addressSchema, input, at);
}
