import { checkVAT, countries as vatCountries } from 'jsvat-next';
import { InvalidInputError } from '../errors';

/**
 * VAT ids are checked for their FORMAT only (jsvat-next: the country's prefix, length and check
 * digits), never against VIES or another registry: a well-formed id may still be unregistered.
 */

const SHAPE = /^[A-Z0-9]{4,20}$/;

/** Upper case, without the spaces, dots and dashes people write ids with ("de 136.695.976"). */
export function normalizeVatId(raw: string): string {
  return raw.replace(/[\s.-]/g, '').toUpperCase();
}

/** The prefix a country's VAT ids carry: the ISO code, except Greece's EL. */
function prefixOf(country: string): string {
  return country === 'GR' ? 'EL' : country;
}

/**
 * The normalized VAT id, or InvalidInputError at `field`. With a country (the billing address's),
 * the id must be that country's; for a country jsvat-next has no rules for (outside Europe, say),
 * only the shape is checked. Without a country, the id must be valid for the country its prefix names.
 */
export function checkVatId(raw: string, country: string | null, field: string): string {
  const value = normalizeVatId(raw);
  if (!SHAPE.test(value))
    throw new InvalidInputError(field, 'a VAT id is 4 to 20 letters and digits (spaces, dots and dashes are ignored)');
  const shown = value.slice(0, 24);
  if (country === null) {
    if (!checkVAT(value, vatCountries).isValid)
      throw new InvalidInputError(field, `'${shown}' is not a well-formed VAT id (it starts with its country's prefix, e.g. DE123456789)`);
    return value;
  }
  const rules = vatCountries.find((c) => c.codes[0] === country);
  if (!rules) return value;
  if (!checkVAT(value, [rules]).isValid) {
    const other = checkVAT(value, vatCountries);
    const why =
      other.isValid && other.country
        ? `it is a VAT id of ${other.country.isoCode.short}, not of the billing country ${country}`
        : `it is not a well-formed VAT id of ${country} (prefix ${prefixOf(country)})`;
    throw new InvalidInputError(field, `'${shown}': ${why}`);
  }
  return value;
}
