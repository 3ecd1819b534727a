import { ManualClock } from '../../src/domain/shared/clock';
import { TaxStatus } from '../../src/domain/customers/customer.entity';
import { renderDocumentHtml } from '../../src/domain/documents/document-html';
import { invoicePrintable } from '../../src/domain/documents/printable-document';
import { InvoiceStatus } from '../../src/domain/invoices/invoice.entity';
import { DEFAULT_SELLER_SETTINGS } from '../../src/domain/settings/seller-settings.service';
import { CollectionMethod } from '../../src/domain/subscriptions/subscription.entity';
import { Decimal } from '../../src/pricing/decimal';
import { startTestApp, TestApp } from '../support/app';
import { createPrice, createProduct, must } from '../support/catalog';

const clock = new ManualClock(new Date('2026-03-01T00:00:00Z'));
let t: TestApp;
let invoiceId: string;
let number: string;
let otherInvoiceId: string;
const keys: Record<string, string> = {};

const HOSTILE = `<script>alert("x")</script> & 'Sons'`;

async function customerWithInvoice(name: string): Promise<{ customer: string; invoice: string }> {
  const customer = (
    await must(
      t,
      'mutation($name: String!) { createCustomer(input: { name: $name, email: "ap@example.com", currency: "EUR", taxStatus: TAXABLE, taxRate: "19" }) { id } }',
      { name },
    )
  ).createCustomer.id;
  const sub = await must(
    t,
    'mutation($c: ID!) { createSubscription(input: { customerId: $c, collection: SEND_INVOICE, items: [{ priceCode: "seat", quantity: "2" }, { priceCode: "support", quantity: "1" }] }) { id } }',
    { c: customer },
  );
  const invoices = await must(t, 'query($c: ID) { invoices(customerId: $c, first: 5) { edges { node { id subscription { id } } } } }', {
    c: customer,
  });
  const invoice = invoices.invoices.edges.find((e: any) => e.node.subscription?.id === sub.createSubscription.id).node.id;
  return { customer, invoice };
}

async function key(role: string, customerId?: string): Promise<string> {
  return (
    await must(t, 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }', {
      input: { role, name: `${role} key`, customerId },
    })
  ).createApiKey.secret;
}

function get(path: string, secret?: string | null): Promise<Response> {
  return fetch(`${t.url}${path}`, { headers: secret ? { authorization: `Bearer ${secret}` } : {} });
}

beforeAll(async () => {
  t = await startTestApp({ clock });
  await createProduct(t, 'plan');
  await createPrice(t, 'seat', { kind: 'per_unit', config: { unitAmount: '30.00' } });
  await createPrice(t, 'support', { kind: 'flat', config: { amount: '12.50' } });
  await must(t, `mutation($input: UpdateSellerSettingsInput!) { updateSellerSettings(input: $input) { name } }`, {
    input: {
      name: 'Tariff Demo GmbH',
      addressLines: ['Hauptstr. 1', '10115 Berlin <DE>'],
      email: 'billing@tariff.example',
      taxId: 'DE123456789',
    },
  });
  const mine = await customerWithInvoice(HOSTILE);
  const other = await customerWithInvoice('Other AG');
  invoiceId = mine.invoice;
  otherInvoiceId = other.invoice;
  number = (await must(t, 'query($id: ID!) { invoice(id: $id) { number } }', { id: invoiceId })).invoice.number;
  keys.mine = await key('CUSTOMER', mine.customer);
  keys.other = await key('CUSTOMER', other.customer);
  keys.partner = await key('PARTNER');
  // Part of the seat line given back: the page shows what was credited and what remains.
  const line = (await must(t, 'query($id: ID!) { invoice(id: $id) { lines { id priceCode } } }', { id: invoiceId })).invoice.lines.find(
    (l: any) => l.priceCode === 'seat',
  );
  await must(t, 'mutation($input: CreateCreditNoteInput!) { createCreditNote(input: $input) { id } }', {
    input: { invoiceId, lines: [{ invoiceLineId: line.id, amount: '10.00' }] },
  });
  // The embedded database migrates from scratch for each file: beyond 30 s on a loaded machine.
}, 120_000);
afterAll(async () => {
  await t.close();
});

describe('GET /invoices/:id.html', () => {
  it('renders the invoice with its number, parties, lines and totals, escaped, under a strict CSP', async () => {
    const res = await get(`/invoices/${invoiceId}.html`, keys.mine);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/);
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toBeNull();
    const html = await res.text();
    expect(number).toMatch(/^INV-2026-\d{6}$/);
    expect(html).toContain(`<title>Invoice ${number} · Tariff Demo GmbH</title>`);
    // The customer's name is text on the page, never markup.
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Sons&#39;');
    expect(html).toContain('10115 Berlin &lt;DE&gt;');
    for (const text of [
      'Tariff Demo GmbH',
      'billing@tariff.example',
      // The seller's one tax number, before a structured VAT id was given, is its VAT id.
      'VAT id: DE123456789',
      'ap@example.com',
      'OPEN',
      'Invoice date</dt><dd>1 Mar 2026',
      'Due date</dt><dd>31 Mar 2026',
      'Service period</dt><dd>1 Mar 2026 – 31 Mar 2026',
      'VAT 19 %</dt><dd>13.78 on 72.50</dd>',
    ]) {
      expect(html).toContain(text);
    }
    // Lines: 2 × 30.00 = 60.00 (tax 11.40) and 12.50 (tax 2.38); totals 72.50 + 13.78 = 86.28, 11.90 credited (10.00 + 19 %).
    // In words: the product's name and the period as dates, not price codes and instants.
    expect(html).toContain(
      'plan, 1 Mar 2026 – 31 Mar 2026</td><td class="num">2</td><td class="num">30.00</td><td class="num">VAT 19 %</td><td class="num">60.00</td>',
    );
    expect(html).toContain(
      'plan, 1 Mar 2026 – 31 Mar 2026</td><td class="num">1</td><td class="num">12.50</td><td class="num">VAT 19 %</td><td class="num">12.50</td>',
    );
    expect(html).not.toMatch(/× seat|× support|T00:00/);
    for (const [label, amount] of [
      ['Subtotal (net)', '72.50'],
      ['VAT', '13.78'],
      ['Total', '86.28'],
      ['Credited', '-11.90'],
    ]) {
      expect(html).toContain(`<dt>${label}</dt><dd>${amount} EUR</dd>`);
    }
    expect(html).toContain('<dt class="strong">Amount due</dt><dd class="strong">74.38 EUR</dd>');
    // The same page as the invoice's signed HTML link: the payment instructions with its reference.
    expect(html).toMatch(/Payment reference<\/dt><dd>RF\d{2}/);
    expect(html).toContain('@media print');
    // Self-contained: nothing to fetch.
    expect(html).not.toMatch(/<(link|script|img|iframe)\b|url\(|src=/i);
  });

  it('?download=1 makes it an attachment named after the number', async () => {
    const res = await get(`/invoices/${invoiceId}.html?download=1`, keys.mine);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${number}.html"`);
    expect(await res.text()).toContain(number);
  });

  it("is authorized as invoice(id): staff and partners read it, another customer's key is refused", async () => {
    expect((await get(`/invoices/${invoiceId}.html`, t.adminKey)).status).toBe(200);
    expect((await get(`/invoices/${invoiceId}.html`, keys.partner)).status).toBe(200);
    const refused = await get(`/invoices/${invoiceId}.html`, keys.other);
    expect(refused.status).toBe(403);
    const body = await refused.text();
    expect(JSON.parse(body).error.code).toBe('FORBIDDEN');
    expect(body).not.toContain(number);
    expect(body).not.toContain('script');
    // And its own invoice is there for it.
    expect((await get(`/invoices/${otherInvoiceId}.html`, keys.other)).status).toBe(200);
    expect((await get(`/invoices/${otherInvoiceId}.html`, keys.mine)).status).toBe(403);
  });

  it('needs a valid API key', async () => {
    const none = await get(`/invoices/${invoiceId}.html`, null);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect(((await none.json()) as any).error.code).toBe('UNAUTHENTICATED');
    expect((await get(`/invoices/${invoiceId}.html`, 'trf_not_a_key')).status).toBe(401);
    const basic = await fetch(`${t.url}/invoices/${invoiceId}.html`, {
      headers: { authorization: `Basic ${Buffer.from(`x:${t.adminKey}`).toString('base64')}` },
    });
    expect(basic.status).toBe(401);
  });

  it('answers 404 for an unknown or malformed id', async () => {
    expect((await get('/invoices/00000000-0000-4000-8000-000000000000.html', t.adminKey)).status).toBe(404);
    expect((await get("/invoices/1'%20or%20'1'='1.html", t.adminKey)).status).toBe(404);
    expect((await get(`/invoices/${invoiceId}`, t.adminKey)).status).toBe(404);
  });
});

describe('the printed invoice page', () => {
  it('escapes every value it prints', () => {
    const evil = `<b id="x" onload='y'>&amp;`;
    const html = renderDocumentHtml(
      invoicePrintable({
        invoice: {
          id: 'i',
          number: evil,
          status: InvoiceStatus.OPEN,
          currency: 'EUR',
          periodStart: null,
          periodEnd: null,
          subtotal: new Decimal('1'),
          tax: new Decimal('0'),
          total: new Decimal('1'),
          amountCredited: new Decimal('0'),
          amountDue: new Decimal('1'),
          amountPaid: new Decimal('0.5'),
          notes: [evil],
          createdAt: new Date(0),
          finalizedAt: new Date(0),
          dueAt: null,
          purchaseOrderNumber: evil,
          collectionMethod: CollectionMethod.SEND_INVOICE,
        },
        lines: [
          {
            kind: null,
            description: evil,
            priceCode: null,
            productName: null,
            quantity: new Decimal('1'),
            amount: new Decimal('1'),
            tax: new Decimal('0'),
            periodStart: null,
            periodEnd: null,
            purchaseOrderNumber: `${evil} of the line`,
          },
        ],
        customer: {
          name: evil,
          email: evil,
          taxStatus: TaxStatus.REVERSE_CHARGE,
          taxRate: null,
          billingAddress: null,
          vatId: null,
          paymentTermsDays: 30,
          paymentTermsEndOfMonth: false,
        },
        // Every text the seller gives is hostile; the rest as a new database has it.
        seller: { ...DEFAULT_SELLER_SETTINGS, name: evil, addressLines: [evil], email: evil, taxId: evil },
      }),
    );
    expect(html).not.toContain('<b ');
    expect(html).not.toContain("onload='");
    // number ×3 (title, heading, facts) and as the payment reference, seller name ×3 (title, party, account holder),
    // address, seller email, tax id, customer name and email, line, note, the invoice's purchase order and the line's own.
    expect(html.split('&lt;b id=&quot;x&quot; onload=&#39;y&#39;&gt;&amp;amp;').length - 1).toBe(16);
    expect(html).toContain('<dt>Paid</dt><dd>-0.50 EUR</dd>');
    expect(html).toContain('<dt class="strong">Amount due</dt><dd class="strong">0.50 EUR</dd>');
    expect(html).toContain('Reverse charge');
  });
});
