import countries from 'i18n-iso-countries';
import { z } from 'zod';
import { text } from '../shared/input-schema';

/**
 * A postal address as a value object: stored whole as jsonb (customers' billing address, the
 * seller's address), never queried by its parts, replaced rather than edited. The shape is this
 * schema's output, so what is stored is what was checked.
 */
export interface Address {
  line1: string;
  line2: string | null;
  city: string;
  postalCode: string | null;
  region: string | null;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
}

const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => v ?? null);

const ALPHA2 = /^[A-Z]{2}$/;

/** An ISO 3166-1 alpha-2 code in any case, normalized to upper case (i18n-iso-countries also takes alpha-3: we do not). */
export const countryCode = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .refine((v) => ALPHA2.test(v) && countries.isValid(v), {
    error: (issue) => `unknown country '${String(issue.input).slice(0, 20)}' (ISO 3166-1 alpha-2, e.g. DE)`,
  });

export const addressSchema = z.object({
  line1: text(200),
  line2: optionalText(200),
  city: text(100),
  postalCode: optionalText(20),
  region: optionalText(100),
  country: countryCode,
});

/** Two addresses are the same value when every part is. */
export function sameAddress(a: Address | null, b: Address | null): boolean {
  if (a === null || b === null) return a === b;
  return a.line1 === b.line1 && a.line2 === b.line2 && a.city === b.city && a.postalCode === b.postalCode && a.region === b.region && a.country === b.country;
}

/** The address as printed, one line each. */
export function addressLines(a: Address): string[] {
  const place = [a.postalCode, a.city].filter(Boolean).join(' ');
  return [a.line1, a.line2, place, a.region, countries.getName(a.country, 'en') ?? a.country].filter((l): l is string => !!l);
}
