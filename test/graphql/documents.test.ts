import { invoicePaymentReference } from '../../src/domain/payments/payment-reference';
import { extractText, getDocumentProxy } from 'unpdf';
import { ManualClock } from '../../src/domain/shared/clock';
import { startTestApp, TestApp } from '../support/app';
import { createPrice, must } from '../support/catalog';
import { graphql } from '../support/generated';
import type { DocumentFormat } from '../support/generated/graphql';

// PDF documents and signed document links (issue 18, docs/documents.md): each document type opens
// from its link without an Authorization header, shows the legal details, and stops opening when
// the link expires, its key is revoked, the link secret changes or the link is tampered with.
const clock = new ManualClock(new Date('2026-12-01T00:00:00Z'));
let t: TestApp;

const SELLER = {
  name: 'Tariff Demo',
  legalName: 'Tariff Demo GmbH',
  address: { line1: 'Musterstraße 1', city: 'Berlin', postalCode: '10115', country: 'DE' },
  vatId: 'DE136695976',
  registrationNumber: 'HRB 12345',
  email: 'billing@tariff.example',
  iban: 'DE89370400440532013000',
  bic: 'COBADEFFXXX',
};
const PO = '4500012345';

const INVOICE = graphql(`
  query DocumentsInvoice($id: ID!, $format: DocumentFormat!) {
    invoice(id: $id) {
      number
      total
      amountDue
      dueAt
      documentUrl(format: $format)
    }
  }
`);

const CREDIT_NOTE = graphql(`
  query DocumentsCreditNote($id: ID!, $format: DocumentFormat!) {
    creditNote(id: $id) {
      number
      total
      documentUrl(format: $format)
    }
  }
`);

const QUOTE = graphql(`
  query DocumentsQuote($id: ID!, $format: DocumentFormat!) {
    quote(id: $id) {
      number
      total
      documentUrl(format: $format)
    }
  }
`);

const ids = { customer: '', invoice: '', creditNote: '', quote: '', otherCustomer: '' };
const keys = { mine: '', mineId: '', other: '' };

async function pdfText(body: ArrayBuffer): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(body));
  const { text } = await extractText(pdf, { mergePages: true });
  return text;
}

async function key(role: string, customerId?: string): Promise<{ id: string; secret: string }> {
  const data = await must(t, 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id } } }', {
    input: { role, name: `${role} key`, customerId },
  });
  return { id: data.createApiKey.apiKey.id, secret: data.createApiKey.secret };
}

async function url(kind: 'invoice' | 'creditNote' | 'quote', format: DocumentFormat, secret = keys.mine): Promise<string> {
  const variables = { id: ids[kind], format };
  const res =
    kind === 'invoice'
      ? (await t.gql(INVOICE, variables, secret)).data?.invoice
      : kind === 'creditNote'
        ? (await t.gql(CREDIT_NOTE, variables, secret)).data?.creditNote
        : (await t.gql(QUOTE, variables, secret)).data?.quote;
  expect(res?.documentUrl).toEqual(expect.any(String));
  return res!.documentUrl;
}

/** Opens a link as a browser would from an e-mail: no Authorization header. */
function open(link: string): Promise<Response> {
  return fetch(link.startsWith('/') ? `${t.url}${link}` : link);
}

beforeAll(async () => {
  t = await startTestApp({ clock });
  await must(t, 'mutation { createProduct(input: { code: "platform", name: "Platform base" }) { id } }');
  await createPrice(t, 'platform-base', { kind: 'flat', config: { amount: '499.00' } }, { productCode: 'platform' });
  await createPrice(t, 'seat', { kind: 'per_unit', config: { unitAmount: '12.35' } }, { productCode: 'platform' });
  await must(t, 'mutation($input: UpdateSellerSettingsInput!) { updateSellerSettings(input: $input) { name } }', { input: SELLER });
  const customer = async (name: string) =>
    (
      await must(t, 'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }', {
        input: {
          name,
          email: 'ap@buyer.example',
          currency: 'EUR',
          taxStatus: 'TAXABLE',
          taxRate: '19',
          paymentTermsDays: 14,
          billingAddress: { line1: 'Leopoldstraße 9', city: 'München', postalCode: '80802', country: 'DE' },
          vatId: 'DE811569869',
        },
      })
    ).createCustomer.id as string;
  ids.customer = await customer('Käufer AG');
  ids.otherCustomer = await customer('Other AG');
  await must(t, 'mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }', {
    input: {
      customerId: ids.customer,
      collection: 'SEND_INVOICE',
      purchaseOrderNumber: PO,
      items: [
        { priceCode: 'platform-base', quantity: '1' },
        { priceCode: 'seat', quantity: '3' },
      ],
    },
  });
  const invoices = await must(t, 'query($c: ID) { invoices(customerId: $c, first: 5) { edges { node { id lines { id priceCode } } } } }', {
    c: ids.customer,
  });
  const invoice = invoices.invoices.edges[0].node;
  ids.invoice = invoice.id;
  const seatLine = invoice.lines.find((l: { priceCode: string }) => l.priceCode === 'seat');
  ids.creditNote = (
    await must(t, 'mutation($input: CreateCreditNoteInput!) { createCreditNote(input: $input) { id } }', {
      input: { invoiceId: ids.invoice, lines: [{ invoiceLineId: seatLine.id, amount: '12.35' }], reason: 'One seat unused' },
    })
  ).createCreditNote.id;
  ids.quote = (
    await must(t, 'mutation($input: CreateQuoteInput!) { createQuote(input: $input) { id } }', {
      input: { customerId: ids.customer, currency: 'EUR', purchaseOrderNumber: PO, lines: [{ priceCode: 'seat', quantity: '10' }] },
    })
  ).createQuote.id;
  await must(t, 'mutation($id: ID!) { sendQuote(id: $id) { id } }', { id: ids.quote });
  const mine = await key('CUSTOMER', ids.customer);
  keys.mine = mine.secret;
  keys.mineId = mine.id;
  keys.other = (await key('CUSTOMER', ids.otherCustomer)).secret;
  // The embedded database migrates from scratch for each file: a minute on a loaded machine.
}, 120_000);
afterAll(async () => {
  await t.close();
});

describe('PDF documents through documentUrl', () => {
  it('the invoice: a real PDF with both parties, PO, due date, bank details, lines in words and its totals', async () => {
    const link = await url('invoice', 'PDF');
    expect(link.startsWith(`${t.url}/documents/invoice/${ids.invoice}.pdf?key=${keys.mineId}&expires=`)).toBe(true);
    const res = await open(link);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const invoice = (await must(t, INVOICE, { id: ids.invoice, format: 'PDF' })).invoice!;
    expect(res.headers.get('content-disposition')).toBe(`inline; filename="${invoice.number}.pdf"`);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const body = await res.arrayBuffer();
    expect(Buffer.from(body).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const raw = Buffer.from(body).toString('latin1'); // read before pdfText, which takes the buffer over
    const text = await pdfText(body);
    expect(invoice.dueAt).toBe('2026-12-15T00:00:00.000Z');
    for (const expected of [
      'Tariff Demo GmbH',
      'VAT id: DE136695976',
      'Registration: HRB 12345',
      'Käufer AG',
      'VAT id: DE811569869',
      PO,
      '15 Dec 2026',
      'DE89370400440532013000',
      'COBADEFFXXX',
      invoice.number!,
      // Lines in words: the product and the period as dates, never the price code or an instant.
      'Platform base, 1 Dec 2026 – 31 Dec 2026',
      '499.00',
      '37.05',
      'VAT 19 %',
      // 536.05 net + 101.85 VAT; the total is the invoice's own.
      `${invoice.total} EUR`,
    ]) {
      expect(text).toContain(expected);
    }
    expect(invoice.total).toBe('637.90');
    expect(text).not.toMatch(/platform-base|× seat|T00:00:00/);
    // The RF creditor reference to quote, and the EPC QR code that carries it with IBAN and amount.
    expect(text).toContain(invoicePaymentReference({ id: ids.invoice, number: invoice.number! }));
    expect(text).toContain('Scan to pay (EPC QR)');
    expect(raw).toMatch(/\/Subtype \/Image/);
  });

  it('the credit note and the quote: PDFs with the same legal details', async () => {
    const note = (await must(t, CREDIT_NOTE, { id: ids.creditNote, format: 'PDF' })).creditNote!;
    const noteRes = await open(await url('creditNote', 'PDF'));
    expect(noteRes.status).toBe(200);
    expect(noteRes.headers.get('content-type')).toBe('application/pdf');
    const noteBody = await noteRes.arrayBuffer();
    expect(Buffer.from(noteBody).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const noteText = await pdfText(noteBody);
    for (const expected of [
      'Credit note',
      note.number,
      'DE136695976',
      PO,
      '15 Dec 2026',
      'DE89370400440532013000',
      'One seat unused',
      `${note.total} EUR`,
    ]) {
      expect(noteText).toContain(expected);
    }
    expect(note.total).toBe('14.70');

    const quote = (await must(t, QUOTE, { id: ids.quote, format: 'PDF' })).quote!;
    const quoteRes = await open(await url('quote', 'PDF'));
    expect(quoteRes.status).toBe(200);
    const quoteBody = await quoteRes.arrayBuffer();
    expect(Buffer.from(quoteBody).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const quoteText = await pdfText(quoteBody);
    // A quote has no due date: its terms say when its invoices fall due.
    for (const expected of [
      'Quote',
      quote.number,
      'DE136695976',
      PO,
      'net 14 days',
      'DE89370400440532013000',
      'Platform base',
      `${quote.total} EUR`,
    ]) {
      expect(quoteText).toContain(expected);
    }
    expect(quote.total).toBe('146.97');
  });

  it('HTML, UBL and CII: the right media types; XML downloads', async () => {
    const html = await open(await url('invoice', 'HTML'));
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'");
    const page = await html.text();
    expect(page).toContain('Platform base, 1 Dec 2026 – 31 Dec 2026');
    expect(page).toContain('DE89370400440532013000');
    for (const format of ['UBL', 'CII'] as DocumentFormat[]) {
      const res = await open(await url('invoice', format));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
      expect(res.headers.get('content-disposition')).toMatch(
        new RegExp(`^attachment; filename="INV-2026-\\d{6}\\.${format.toLowerCase()}\\.xml"$`),
      );
      expect(await res.text()).toContain(PO);
    }
    const quotePage = await open(await url('quote', 'HTML'));
    expect(quotePage.status).toBe(200);
    expect(await quotePage.text()).toContain('Platform base');
  });
});

describe('who may make a link', () => {
  it('a CUSTOMER key only for its own documents; a quote has no e-invoice format', async () => {
    const variables = (id: string) => ({ id, format: 'PDF' as DocumentFormat });
    for (const res of [
      await t.gql(INVOICE, variables(ids.invoice), keys.other),
      await t.gql(CREDIT_NOTE, variables(ids.creditNote), keys.other),
      await t.gql(QUOTE, variables(ids.quote), keys.other),
    ]) {
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const ubl = await t.gql(QUOTE, { id: ids.quote, format: 'UBL' });
    expect(ubl.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'format' });
  });
});

describe('links that stop opening', () => {
  it('a tampered link is refused with a plain 403 page', async () => {
    const link = new URL(await url('invoice', 'PDF'));
    const sig = link.searchParams.get('sig')!;
    const variants: URL[] = [];
    const flipped = new URL(link);
    flipped.searchParams.set('sig', `${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`);
    variants.push(flipped);
    const longer = new URL(link);
    longer.searchParams.set('expires', String(Number(link.searchParams.get('expires')) + 86_400));
    variants.push(longer);
    const adminKey = new URL(link);
    adminKey.searchParams.set('key', '00000000-0000-4000-8000-000000000000');
    variants.push(adminKey);
    // The same signature on another document or format.
    variants.push(new URL(link.href.replace(`${ids.invoice}.pdf`, `${ids.invoice}.ubl.xml`)));
    variants.push(new URL(link.href.replace(`invoice/${ids.invoice}`, `credit-note/${ids.creditNote}`)));
    const unsigned = new URL(link);
    unsigned.searchParams.delete('sig');
    variants.push(unsigned);
    for (const v of variants) {
      const res = await open(v.href);
      expect({ href: v.href, status: res.status }).toEqual({ href: v.href, status: 403 });
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const body = await res.text();
      expect(body).toContain('This link is not valid.');
      expect(body).not.toMatch(/at .*\.ts|Error/);
    }
  });

  it('expires after TARIFF_DOCUMENT_LINK_MINUTES (a day by default), by the clock', async () => {
    const link = await url('invoice', 'PDF');
    const expires = Number(new URL(link).searchParams.get('expires'));
    expect(expires * 1000 - clock.now().getTime()).toBe(1440 * 60 * 1000);
    const start = clock.now();
    try {
      clock.advanceSeconds(1440 * 60 - 1);
      expect((await open(link)).status).toBe(200);
      clock.advanceSeconds(1);
      const res = await open(link);
      expect(res.status).toBe(410);
      expect(await res.text()).toContain('This link has expired');
    } finally {
      clock.set(start);
    }
  });

  it('ends when the link secret is rotated (the database secret deleted)', async () => {
    const link = await url('quote', 'PDF');
    expect((await open(link)).status).toBe(200);
    await t.app.db.orm.em.fork().getConnection().execute(`delete from document_link_secret`);
    expect((await open(link)).status).toBe(403);
    // A new secret was made: new links open.
    expect((await open(await url('quote', 'PDF'))).status).toBe(200);
  });

  it('ends when the key that signed it is revoked', async () => {
    const links = [await url('invoice', 'PDF'), await url('creditNote', 'HTML'), await url('quote', 'PDF')];
    for (const link of links) expect((await open(link)).status).toBe(200);
    await must(t, 'mutation($id: ID!) { revokeApiKey(id: $id) { id } }', { id: keys.mineId });
    for (const link of links) {
      const res = await open(link);
      expect(res.status).toBe(410);
      expect(await res.text()).toContain('revoked');
    }
  });

  it('the authenticated printable invoice still answers with a key', async () => {
    const res = await fetch(`${t.url}/invoices/${ids.invoice}.html`, { headers: { authorization: `Bearer ${t.adminKey}` } });
    expect(res.status).toBe(200);
  });
});
