import { InvalidInputError } from '../../../src/domain/errors';
import { checkVatId } from '../../../src/domain/customers/vat-id';

describe('checkVatId (a format check, no VIES lookup)', () => {
  it.each([
    ['DE136695976', 'DE', 'DE136695976'],
    ['de 136.695-976', 'DE', 'DE136695976'],
    ['EL094259216', 'GR', 'EL094259216'],
    ['ATU12345675', 'AT', 'ATU12345675'],
    ['DE136695976', null, 'DE136695976'],
    // No rules for the country: only the shape is checked.
    ['123456789', 'US', '123456789'],
  ])('%s for %s is %s', (raw, country, expected) => {
    expect(checkVatId(raw, country, 'input.vatId')).toBe(expected);
  });

  it.each([
    ['DE12', 'DE', /not a well-formed VAT id of DE/],
    ['DE136695977', 'DE', /not a well-formed VAT id of DE/],
    ['GR094259216', 'GR', /prefix EL/],
    ['FR40303265045', 'DE', /VAT id of FR, not of the billing country DE/],
    ['136695976', null, /not a well-formed VAT id/],
    ['DE-136/695', 'DE', /4 to 20 letters and digits/],
    ['', 'US', /4 to 20 letters and digits/],
    ['X'.repeat(21), 'US', /4 to 20 letters and digits/],
  ])('refuses %s for %s', (raw, country, message) => {
    let error: unknown;
    try {
      checkVatId(raw, country, 'input.vatId');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).field).toBe('input.vatId');
    expect((error as Error).message).toMatch(message);
  });
});
