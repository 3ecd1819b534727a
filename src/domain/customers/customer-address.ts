import countries from 'i18n-iso-countries';
import type { z } from 'zod';
import { hasUnstorable } from '../shared/input-schema';
import { addressSchema, type Address } from './address';

/**
 * Addresses are value objects (address.ts holds their shape): kept whole as jsonb on the
 * customer and the seller's settings, never queried by their parts, replaced rather than edited.
 */
export type { Address } from './address';

/**
 * addressSchema, plus what jsonb cannot store: a lone surrogate passes text() (it checks NUL
 * only), and PostgreSQL would refuse the row as an internal error.
 */
export const storableAddressSchema = addressSchema.check((ctx: z.core.ParsePayload<Address>) => {
  for (const [key, value] of Object.entries(ctx.value)) {
    if (typeof value === 'string' && hasUnstorable(value))
      ctx.issues.push({ code: 'custom', input: value, path: [key], message: 'must be valid Unicode text (no lone surrogates)' });
  }
});

/** Two addresses are the same value when every part is. */
export function sameAddress(a: Address | null, b: Address | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.line1 === b.line1 &&
    a.line2 === b.line2 &&
    a.city === b.city &&
    a.postalCode === b.postalCode &&
    a.region === b.region &&
    a.country === b.country
  );
}

/** The address as printed, one line each, the country by its English name. */
export function addressLines(a: Address): string[] {
  const place = [a.postalCode, a.city].filter(Boolean).join(' ');
  return [a.line1, a.line2, place, a.region, countries.getName(a.country, 'en') ?? a.country].filter((l): l is string => !!l);
}
