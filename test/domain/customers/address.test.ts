import { parseAddress } from '../../../src/domain/customers/address';
import { InvalidInputError } from '../../../src/domain/errors';

const base = { line1: ' Hafenstraße 1 ', city: 'Hamburg', country: 'DE' };

function refusal(input: Record<string, unknown>): { field?: string; message: string } {
  try {
    parseAddress(input as never);
  } catch (err) {
    if (err instanceof InvalidInputError) return { field: err.field, message: err.message };
    throw err;
  }
  throw new Error('accepted');
}

describe('parseAddress', () => {
  it.each([
    ['de', 'DE'],
    [' fr ', 'FR'],
    ['NO', 'NO'],
  ])('normalizes the country %j to %j and trims the lines; blank optional lines are null', (country, expected) => {
    expect(parseAddress({ ...base, country, line2: ' ', postalCode: '', region: null })).toEqual({
      line1: 'Hafenstraße 1',
      line2: null,
      city: 'Hamburg',
      postalCode: null,
      region: null,
      country: expected,
    });
  });

  it.each([
    ['an unknown code', { country: 'XX' }, 'input.address.country', /unknown country 'XX'/],
    ['an alpha-3 code', { country: 'DEU' }, 'input.address.country', /ISO 3166-1 alpha-2/],
    ['a numeric code', { country: '276' }, 'input.address.country', /unknown country/],
    ['the old UK code', { country: 'UK' }, 'input.address.country', /unknown country/],
    ['an empty line1', { line1: '  ' }, 'input.address.line1', /line1 must not be empty/],
    ['a NUL', { city: 'Ham\u0000burg' }, 'input.address.city', /NUL/],
    ['half a surrogate pair', { region: 'a\uD800' }, 'input.address.region', /surrogate/],
    ['a long postal code', { postalCode: '1'.repeat(21) }, 'input.address.postalCode', /at most 20/],
  ])('refuses %s at its field', (_label, fields, field, message) => {
    const r = refusal({ ...base, ...fields });
    expect(r.field).toBe(field);
    expect(r.message).toMatch(message);
  });

  it('names the field where the address sits', () => {
    expect(refusal({ ...base, country: 'ZZ' }).field).toBe('input.address.country');
    expect(() => parseAddress({ ...base, country: 'ZZ' }, 'input.billingAddress')).toThrow(
      expect.objectContaining({ field: 'input.billingAddress.country' }),
    );
  });
});
