import { TaxStatus } from '../../../src/domain/customers/customer.entity';
import { renderDocumentHtml } from '../../../src/domain/documents/document-html';
import { invoicePrintable, type InvoicePrintInput } from '../../../src/domain/documents/printable-document';
import { InvoiceStatus } from '../../../src/domain/invoices/invoice.entity';
import { CollectionMethod } from '../../../src/domain/subscriptions/subscription.entity';
import { DEFAULT_SELLER_SETTINGS } from '../../../src/domain/settings/seller-settings.service';
import { Decimal } from '../../../src/pricing/decimal';

const invoice = {
  id: 'i',
  number: 'INV-1',
  status: InvoiceStatus.OPEN,
  currency: 'EUR',
  periodStart: null,
  periodEnd: null,
  subtotal: new Decimal('1'),
  tax: new Decimal('0'),
  total: new Decimal('1'),
  amountCredited: new Decimal('0'),
  amountDue: new Decimal('1'),
  amountPaid: new Decimal('0'),
  notes: [],
  createdAt: new Date(0),
  finalizedAt: new Date(0),
  dueAt: null,
  purchaseOrderNumber: null,
  collectionMethod: CollectionMethod.SEND_INVOICE,
};
const buyer = {
  name: 'Hospital <Group>',
  email: 'ap@hospital.example',
  taxStatus: TaxStatus.REVERSE_CHARGE,
  taxRate: null,
  billingAddress: null,
  vatId: null,
  paymentTermsDays: 30,
  paymentTermsEndOfMonth: false,
};
const renderInvoiceHtml = (input: InvoicePrintInput) => renderDocumentHtml(invoicePrintable(input));
const section = (html: string, label: string) =>
  html.slice(html.indexOf(`aria-label="${label}"`), html.indexOf('</section>', html.indexOf(`aria-label="${label}"`)));

describe("the printed invoice: both parties' legal identity", () => {
  it('prints the addresses and VAT ids when present, escaped', () => {
    const html = renderInvoiceHtml({
      invoice,
      lines: [],
      customer: {
        ...buyer,
        vatId: 'EL094259216',
        billingAddress: { line1: 'Odos <1>', line2: null, city: 'Athens', postalCode: '10558', region: null, country: 'GR' },
      },
      seller: {
        ...DEFAULT_SELLER_SETTINGS,
        name: 'Acme',
        legalName: 'Acme GmbH',
        addressLines: ['old line'],
        vatId: 'DE136695976',
        registrationNumber: 'HRB 12345',
        address: { line1: 'Hauptstr. 1', line2: 'Hof 2', city: 'Berlin', postalCode: '10115', region: null, country: 'DE' },
      },
    });
    const from = section(html, 'From');
    expect(from).toContain('<p>Acme GmbH</p><p>Hauptstr. 1</p><p>Hof 2</p><p>10115 Berlin</p><p>Germany</p>');
    expect(from).toContain('<p>VAT id: DE136695976</p>');
    expect(from).toContain('<p>Registration: HRB 12345</p>');
    expect(from).not.toContain('old line');
    const to = section(html, 'Bill to');
    expect(to).toContain('<p>Odos &lt;1&gt;</p><p>10558 Athens</p><p>Greece</p>');
    expect(to).toContain('<p>VAT id: EL094259216</p>');
  });

  it('prints neither when absent, and the free address lines of older settings', () => {
    const html = renderInvoiceHtml({
      invoice,
      lines: [],
      customer: buyer,
      seller: { ...DEFAULT_SELLER_SETTINGS, addressLines: ['Old street 1'] },
    });
    expect(html).not.toContain('VAT id');
    expect(section(html, 'From')).toContain('<p>Old street 1</p>');
  });
});
