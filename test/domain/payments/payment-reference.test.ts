import fc from 'fast-check';
import {
  creditorReference,
  findCreditorReferences,
  invoiceNumberOfReferenceBody,
  invoicePaymentReference,
  parseCreditorReference,
} from '../../../src/domain/payments/payment-reference';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
const body = fc.array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 21 }).map((cs) => cs.join(''));

describe('ISO 11649 creditor references', () => {
  it.each([
    // The standard's own example, and the one EPC's guidance prints.
    ['539007547034', 'RF18539007547034'],
    ['INV2027000042', creditorReference('INV2027000042')],
  ])('%s → %s', (b, reference) => {
    expect(creditorReference(b)).toBe(reference);
    expect(parseCreditorReference(reference)).toEqual({ reference, body: b });
  });

  it('every generated reference verifies, printed in groups of four and in lower case too', () => {
    fc.assert(
      fc.property(body, (b) => {
        const reference = creditorReference(b);
        expect(parseCreditorReference(reference)?.body).toBe(b);
        expect(
          parseCreditorReference(
            reference
              .match(/.{1,4}/g)!
              .join(' ')
              .toLowerCase(),
          )?.body,
        ).toBe(b);
        expect(findCreditorReferences(`paid ${reference.match(/.{1,4}/g)!.join(' ')} thanks`)).toEqual([b]);
      }),
    );
  });

  // MOD 97-10 catches every substitution of a digit for a digit and of a letter for a letter (the
  // change is a multiple of 10^k smaller than 97). A letter for a digit changes the length of the
  // number checked, which the standard does not guarantee to catch: about 1 in 97 slips through.
  it('any single-character change of a digit for a digit or a letter for a letter fails the check', () => {
    fc.assert(
      fc.property(body, fc.nat(), fc.constantFrom(...ALPHABET), (b, at, replacement) => {
        const reference = creditorReference(b);
        const i = 2 + (at % (reference.length - 2)); // a check digit or a body character
        const digit = (c: string) => /\d/.test(c);
        fc.pre(reference[i] !== replacement && digit(reference[i]) === digit(replacement));
        const changed = reference.slice(0, i) + replacement + reference.slice(i + 1);
        expect(parseCreditorReference(changed)).toBeNull();
      }),
    );
  });

  it('refuses what is not a reference', () => {
    for (const text of ['', 'RF', 'RF18', 'XX18539007547034', 'RF18539007547035', `RF00${'1'.repeat(22)}`, 'RF18 5390-0754-7034']) {
      expect(parseCreditorReference(text)).toBeNull();
    }
  });

  it('an invoice is referenced by its number, a draft provisionally by its id', () => {
    const open = invoicePaymentReference({ id: '6f1c2a9e-0000-4000-8000-000000000000', number: 'INV-2027-000042' });
    expect(open).toMatch(/^RF\d{2}INV2027000042$/);
    expect(invoiceNumberOfReferenceBody(parseCreditorReference(open)!.body)).toBe('INV-2027-000042');
    const draft = invoicePaymentReference({ id: '6f1c2a9e-0000-4000-8000-000000000000', number: null });
    expect(draft).toMatch(/^RF\d{2}D6F1C2A9E000040008000$/);
    expect(parseCreditorReference(draft)).not.toBeNull();
  });
});
