import fc from 'fast-check';
import { EInvoiceSpecification, type EInvoice, type EInvoiceLine, type VatCategory } from '../../../src/domain/e-invoices/e-invoice';
import { renderCii } from '../../../src/domain/e-invoices/e-invoice-cii';
import { renderUbl } from '../../../src/domain/e-invoices/e-invoice-ubl';
import { roundToScale } from '../../../src/pricing/currency';
import { Decimal } from '../../../src/pricing/decimal';
import { validateEInvoice } from '../../support/e-invoice-validation';

// The documents' sums (pure, no database): whatever the lines, BT-106, BT-109, BT-110, BT-112 and
// BT-115 as written add up exactly from the lines and the VAT breakdown as written.
const party = (country: string, vatId: string) => ({
  legalName: `Party ${country}`,
  tradingName: null,
  address: { line1: 'Street 1', line2: null, city: 'City', postalCode: '1000', region: null, country },
  vatId,
  registrationNumber: null,
  email: null,
});

function doc(lines: EInvoiceLine[], kind: EInvoice['kind'] = 'INVOICE'): EInvoice {
  return {
    kind,
    specification: EInvoiceSpecification.EN16931,
    number: 'INV-2026-000001',
    issueDate: new Date('2026-03-01T00:00:00Z'),
    dueDate: new Date('2026-03-31T00:00:00Z'),
    currency: 'EUR',
    notes: [],
    purchaseOrderReference: 'PO-4711',
    precedingInvoice: kind === 'CREDIT_NOTE' ? { number: 'INV-2026-000000', issueDate: new Date('2026-02-01T00:00:00Z') } : null,
    periodStart: new Date('2026-03-01T00:00:00Z'),
    periodEnd: new Date('2026-04-01T00:00:00Z'),
    seller: party('DE', 'DE136695976'),
    buyer: party('FR', 'FR40303265045'),
    payment: kind === 'INVOICE' ? { iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', reference: 'INV-2026-000001' } : null,
    paymentTerms: 'Payable by credit transfer',
    lines,
  };
}

const CATEGORIES: [VatCategory, string][] = [
  ['S', '19'],
  ['S', '5.5'],
  ['S', '20'],
  ['Z', '0'],
  ['E', '0'],
  ['AE', '0'],
];

const lineArb = fc
  .record({
    cents: fc.integer({ min: -1_000_000, max: 1_000_000 }),
    quantity: fc.oneof(fc.integer({ min: 0, max: 500 }).map(String), fc.constantFrom('0.5', '2.25', '1.125')),
    category: fc.constantFrom(...CATEGORIES),
  })
  .map(({ cents, quantity, category: [category, rate] }): Omit<EInvoiceLine, 'id'> => {
    const amount = new Decimal(cents).div(100);
    return {
      name: 'Line',
      sellerItemId: 'seat',
      quantity: new Decimal(quantity),
      amount,
      tax: roundToScale(amount.times(rate).div(100), 2),
      category,
      rate: new Decimal(rate),
      periodStart: null,
      periodEnd: null,
      orderReference: null,
    };
  });

const all = (xml: string, re: RegExp) => [...xml.matchAll(re)].map((m) => new Decimal(m[1]));
const one = (xml: string, re: RegExp) => {
  const found = all(xml, re);
  expect(found).toHaveLength(1);
  return found[0];
};
const sum = (values: Decimal[]) => values.reduce((s, v) => s.plus(v), new Decimal(0));

describe('e-invoice sums', () => {
  it('add up exactly in UBL and CII, and each line is quantity × price ÷ base quantity', () => {
    fc.assert(
      fc.property(
        fc.array(lineArb, { minLength: 1, maxLength: 12 }),
        fc.constantFrom<EInvoice['kind']>('INVOICE', 'CREDIT_NOTE'),
        (raw, kind) => {
          const lines = raw.map((l, i) => ({ ...l, id: String(i + 1) }));
          const amounts = sum(lines.map((l) => l.amount));
          const taxes = sum(lines.map((l) => l.tax));
          const d = doc(lines, kind);

          const ubl = renderUbl(d);
          const lineAmounts = all(
            ubl,
            /<cbc:LineExtensionAmount currencyID="EUR">([^<]*)<\/cbc:LineExtensionAmount>\s*<(?:cac:InvoicePeriod|cac:Item)/g,
          );
          expect(sum(lineAmounts).eq(amounts)).toBe(true);
          const bt106 = one(ubl, /<cac:LegalMonetaryTotal>\s*<cbc:LineExtensionAmount[^>]*>([^<]*)</g);
          const bt109 = one(ubl, /<cbc:TaxExclusiveAmount[^>]*>([^<]*)</g);
          const bt110 = one(ubl, /<cac:TaxTotal>\s*<cbc:TaxAmount[^>]*>([^<]*)</g);
          const bt112 = one(ubl, /<cbc:TaxInclusiveAmount[^>]*>([^<]*)</g);
          const bt115 = one(ubl, /<cbc:PayableAmount[^>]*>([^<]*)</g);
          expect([bt106, bt109, bt110].map(String)).toEqual([amounts, amounts, taxes].map(String));
          expect(sum(all(ubl, /<cbc:TaxableAmount[^>]*>([^<]*)</g)).eq(bt109)).toBe(true);
          expect(
            sum(all(ubl, /<cac:TaxSubtotal>\s*<cbc:TaxableAmount[^>]*>[^<]*<\/cbc:TaxableAmount>\s*<cbc:TaxAmount[^>]*>([^<]*)</g)).eq(
              bt110,
            ),
          ).toBe(true);
          expect(bt112.eq(bt109.plus(bt110)) && bt115.eq(bt112)).toBe(true);
          const quantity = all(ubl, /<cbc:(?:Invoiced|Credited)Quantity unitCode="C62">([^<]*)</g);
          const prices = all(ubl, /<cbc:PriceAmount[^>]*>([^<]*)</g);
          const bases = all(ubl, /<cbc:BaseQuantity[^>]*>([^<]*)</g);
          lines.forEach((l, i) => expect(quantity[i].times(prices[i]).div(bases[i]).eq(l.amount)).toBe(true));

          const cii = renderCii(d);
          const ciiLines = all(cii, /<ram:SpecifiedTradeSettlementLineMonetarySummation>\s*<ram:LineTotalAmount>([^<]*)</g);
          expect(sum(ciiLines).eq(amounts)).toBe(true);
          const header = cii.slice(cii.indexOf('<ram:SpecifiedTradeSettlementHeaderMonetarySummation>'));
          const c106 = one(header, /<ram:LineTotalAmount>([^<]*)</g);
          const c109 = one(header, /<ram:TaxBasisTotalAmount>([^<]*)</g);
          const c110 = one(header, /<ram:TaxTotalAmount[^>]*>([^<]*)</g);
          const c112 = one(header, /<ram:GrandTotalAmount>([^<]*)</g);
          const c115 = one(header, /<ram:DuePayableAmount>([^<]*)</g);
          expect(c106.eq(amounts) && c109.eq(amounts) && c110.eq(taxes)).toBe(true);
          expect(sum(all(cii, /<ram:BasisAmount>([^<]*)</g)).eq(c109)).toBe(true);
          expect(sum(all(cii, /<ram:CalculatedAmount>([^<]*)</g)).eq(c110)).toBe(true);
          expect(c112.eq(c109.plus(c110)) && c115.eq(c112)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a zero-rated (Z) document beside a standard one validates in both syntaxes', () => {
    const line = (id: string, category: VatCategory, rate: string, amount: string, tax: string): EInvoiceLine => ({
      id,
      name: `Line ${id}`,
      sellerItemId: null,
      quantity: new Decimal(2),
      amount: new Decimal(amount),
      tax: new Decimal(tax),
      category,
      rate: new Decimal(rate),
      periodStart: new Date('2026-03-01T00:00:00Z'),
      periodEnd: new Date('2026-04-01T00:00:00Z'),
      orderReference: null,
    });
    const d = doc([line('1', 'Z', '0', '100.00', '0.00'), line('2', 'S', '19', '-10.01', '-1.90')]);
    for (const xml of [renderUbl(d), renderCii(d)]) expect(validateEInvoice(xml).fatal).toEqual([]);
  });
});
