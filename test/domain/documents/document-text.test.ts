import fc from 'fast-check';
import { DocumentFormat, DocumentType } from '../../../src/domain/documents/document-format';
import { documentLinkPath, validSignature, type DocumentLinkClaims } from '../../../src/domain/documents/document-link';
import { lineInWords, printDate, printPeriod, winAnsi } from '../../../src/domain/documents/document-text';
import { InvoiceLineKind } from '../../../src/domain/invoices/invoice-line.entity';
import { Decimal } from '../../../src/pricing/decimal';

const line = (fields: Partial<Parameters<typeof lineInWords>[0]>) => ({
  kind: InvoiceLineKind.RECURRING,
  description: '1 × platform-base',
  priceCode: 'platform-base',
  quantity: new Decimal(1),
  amount: new Decimal('499'),
  periodStart: new Date('2026-12-01T00:00:00Z'),
  periodEnd: new Date('2027-01-01T00:00:00Z'),
  ...fields,
});

describe('document wording', () => {
  it('dates in words, periods with their last day included', () => {
    expect(printDate(new Date('2026-12-07T23:59:59Z'))).toBe('7 Dec 2026');
    expect(printPeriod(new Date('2026-12-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z'))).toBe('1 Dec 2026 – 31 Dec 2026');
  });

  it('a generated line names the product and the period, keeping what precedes it', () => {
    expect(lineInWords(line({}), 'Platform base')).toBe('Platform base, 1 Dec 2026 – 31 Dec 2026');
    expect(lineInWords(line({ description: 'Berlin office: 3 × platform-base' }), 'Platform base')).toBe(
      'Berlin office: Platform base, 1 Dec 2026 – 31 Dec 2026',
    );
    const proration = line({
      kind: InvoiceLineKind.PRORATION,
      description: 'Unused time on 12 × platform-base (2026-12-07T00:00:00.000Z → 2027-01-01T00:00:00.000Z)',
      amount: new Decimal('-10'),
      periodStart: new Date('2026-12-07T00:00:00Z'),
    });
    expect(lineInWords(proration, 'Platform base')).toBe('Unused time on Platform base, 7 Dec 2026 – 31 Dec 2026');
    // Without a product name, the code rather than nothing.
    expect(lineInWords(line({}), null)).toBe('platform-base, 1 Dec 2026 – 31 Dec 2026');
  });

  it("a person's description is kept, its instants as dates", () => {
    expect(lineInWords(line({ kind: InvoiceLineKind.DISCOUNT, description: 'Coupon WELCOME', priceCode: null }), null)).toBe(
      'Coupon WELCOME, 1 Dec 2026 – 31 Dec 2026',
    );
    expect(
      lineInWords(
        line({ kind: InvoiceLineKind.USAGE, description: 'Late usage of api_calls for 2026-11-01T00:00:00.000Z', priceCode: null }),
        null,
      ),
    ).toBe('Late usage of api_calls for 1 Nov 2026');
  });

  it('text for a standard PDF font: Latin-1 and WinAnsi kept, the rest replaced', () => {
    expect(winAnsi('Käufer – €5 → Ω')).toBe('Käufer – €5 -> ?');
  });
});

describe('document link signatures', () => {
  const claims = fc.record({
    type: fc.constantFrom(...Object.values(DocumentType)),
    id: fc.uuid(),
    format: fc.constantFrom(...Object.values(DocumentFormat)),
    keyId: fc.uuid(),
    expires: fc.integer({ min: 0, max: 2 ** 40 }),
  });

  it('a link verifies with its secret, and any other claim or secret fails', () => {
    fc.assert(
      fc.property(claims, claims, fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (a, b, secret, other) => {
        const sig = new URLSearchParams(documentLinkPath(a, secret).split('?')[1]).get('sig')!;
        expect(validSignature(a, sig, secret)).toBe(true);
        const same = (x: DocumentLinkClaims, y: DocumentLinkClaims) =>
          x.type === y.type && x.id === y.id && x.format === y.format && x.keyId === y.keyId && x.expires === y.expires;
        expect(validSignature(b, sig, secret)).toBe(same(a, b));
        if (other !== secret) expect(validSignature(a, sig, other)).toBe(false);
        expect(validSignature(a, `${sig}x`, secret)).toBe(false);
      }),
    );
  });
});
