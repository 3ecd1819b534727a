import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestApp, TestApp } from '../support/app';
import { launchChromium, newBrowserContext, screenshotter } from '../support/browser';
import { createPrice, must } from '../support/catalog';

// The quote acceptance page (docs/documents.md): a signed link from Quote.acceptanceUrl opens the
// quote without an API key, with its PDF, Accept (with the purchase order number the customer
// requires) and Decline; it acts as the key that made the link. Screenshots in
// test-artifacts/quote-acceptance/.
const shot = screenshotter('quote-acceptance');

jest.setTimeout(120_000);

let t: TestApp;
let browser: Browser;
let context: BrowserContext;
let customerId: string;

const QUOTE = 'query($id: ID!) { quote(id: $id) { status purchaseOrderNumber number total } }';

beforeAll(async () => {
  [t, browser] = await Promise.all([startTestApp(), launchChromium()]);
  context = await newBrowserContext(browser);
  await must(t, 'mutation { createProduct(input: { code: "toner", name: "Toner cartridges" }) { id } }');
  await createPrice(t, 'toner-monthly', { kind: 'per_unit', config: { unitAmount: '42.50' } }, { productCode: 'toner' });
  customerId = (
    await must(
      t,
      'mutation { createCustomer(input: { name: "Clinique Saint-Luc", email: "achats@saint-luc.example", currency: "EUR", taxStatus: EXEMPT }) { id } }',
    )
  ).createCustomer.id;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const requirePurchaseOrders = (required: boolean) =>
  must(t, 'mutation($id: ID!, $input: UpdateCustomerInput!) { updateCustomer(id: $id, input: $input) { id } }', {
    id: customerId,
    input: { purchaseOrderRequired: required },
  });

/** A sent quote without a purchase order number, to a customer who has required one since. */
async function sentQuote(key?: string): Promise<{ id: string; link: string }> {
  await requirePurchaseOrders(false);
  const id = (
    await must(t, 'mutation($input: CreateQuoteInput!) { createQuote(input: $input) { id } }', {
      input: { customerId, currency: 'EUR', lines: [{ priceCode: 'toner-monthly', quantity: '4' }], collection: 'SEND_INVOICE' },
    })
  ).createQuote.id;
  await must(t, 'mutation($id: ID!) { sendQuote(id: $id) { id } }', { id });
  await requirePurchaseOrders(true);
  const res = await t.gql<{ quote: { acceptanceUrl: string } }>('query($id: ID!) { quote(id: $id) { acceptanceUrl } }', { id }, key);
  expect(res.errors).toBeUndefined();
  const link = res.data!.quote.acceptanceUrl;
  return { id, link: link.startsWith('/') ? `${t.url}${link}` : link };
}

async function open(link: string): Promise<{ page: Page; status: number | undefined; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/status of 4\d\d/.test(msg.text())) problems.push(`console: ${msg.text()}`);
  });
  const response = await page.goto(link);
  return { page, status: response?.status(), problems };
}

describe('the quote acceptance page', () => {
  it('shows the quote and its PDF without a key, and accepts it with the purchase order number the customer requires', async () => {
    const { id, link } = await sentQuote();
    const { page, status, problems } = await open(link);
    expect(status).toBe(200);
    const { quote } = await must(t, QUOTE, { id });
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(`Quote ${quote.number}`);
    await expect(page.locator('#total').textContent()).resolves.toContain('170.00');
    await expect(page.locator('tbody td').first().textContent()).resolves.toBe('Toner cartridges');
    const pdf = await page.request.get(
      new URL((await page.getByRole('link', { name: 'The quote as PDF' }).getAttribute('href'))!, link).href,
    );
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await shot(page, 'quote-sent');

    // The browser refuses to send Accept without the number (required); the server refuses it too (below).
    await page.getByRole('button', { name: 'Accept' }).click();
    expect((await must(t, QUOTE, { id })).quote.status).toBe('SENT');

    await page.getByLabel(/Purchase order number/).fill('PO-2027-0117');
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Accept' }).click()]);
    await expect(page.getByRole('status').textContent()).resolves.toBe('Thank you: the quote is accepted.');
    await expect(page.getByRole('button', { name: 'Accept' }).count()).resolves.toBe(0);
    await shot(page, 'quote-accepted');
    expect((await must(t, QUOTE, { id })).quote).toMatchObject({ status: 'ACCEPTED', purchaseOrderNumber: 'PO-2027-0117' });
    const subs = await must(t, 'query($c: ID!) { subscriptions(first: 5, customerId: $c) { edges { node { purchaseOrderNumber } } } }', {
      c: customerId,
    });
    expect(subs.subscriptions.edges.map((e: any) => e.node.purchaseOrderNumber)).toContain('PO-2027-0117');
    expect(problems).toEqual([]);
  });

  it('declines a quote, and refuses an acceptance without the required number on the server as well', async () => {
    const { id, link } = await sentQuote();
    const url = new URL(link);
    const form = { key: url.searchParams.get('key')!, expires: url.searchParams.get('expires')!, sig: url.searchParams.get('sig')! };
    const post = (fields: Record<string, string>) =>
      fetch(`${url.origin}${url.pathname}`, { method: 'POST', body: new URLSearchParams(fields) });

    const refused = await post({ ...form, action: 'accept' });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toMatch(/purchase order/i);
    expect((await must(t, QUOTE, { id })).quote.status).toBe('SENT');
    expect((await post({ ...form, action: 'delete everything' })).status).toBe(422);

    const { page } = await open(link);
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Decline' }).click()]);
    await expect(page.getByRole('status').textContent()).resolves.toBe('The quote is declined.');
    expect((await must(t, QUOTE, { id })).quote.status).toBe('DECLINED');
    // Answered once: a replayed acceptance is refused, and nothing changes.
    const late = await post({ ...form, action: 'accept', purchaseOrderNumber: 'PO-1' });
    expect(late.status).toBe(422);
    expect((await must(t, QUOTE, { id })).quote.status).toBe('DECLINED');
  });

  it('refuses a tampered link, and ends when the key that made it is revoked', async () => {
    const { link } = await sentQuote();
    const tampered = new URL(link);
    tampered.searchParams.set('expires', String(Number(tampered.searchParams.get('expires')) + 3600));
    const forged = await fetch(tampered);
    expect(forged.status).toBe(403);
    expect(await forged.text()).not.toMatch(/stack|Error:/);
    expect((await fetch(link.replace(/sig=[^&]+/, 'sig=x'))).status).toBe(403);

    const sales = (await must(t, 'mutation { createApiKey(input: { name: "Sales rep", role: SALES }) { apiKey { id } secret } }'))
      .createApiKey;
    const { link: salesLink } = await sentQuote(sales.secret);
    expect((await fetch(salesLink)).status).toBe(200);
    await must(t, 'mutation($id: ID!) { revokeApiKey(id: $id) { id } }', { id: sales.apiKey.id });
    expect((await fetch(salesLink)).status).toBe(410);
  });

  it('is made only for a key that can accept quotes (null for one that may only read them)', async () => {
    const partner = (
      await must(t, 'mutation($c: ID!) { createApiKey(input: { name: "Clinique", role: CUSTOMER, customerId: $c }) { secret } }', {
        c: customerId,
      })
    ).createApiKey.secret;
    const { id } = await sentQuote();
    const res = await t.gql<{ quote: { acceptanceUrl: string | null } }>(
      'query($id: ID!) { quote(id: $id) { acceptanceUrl } }',
      { id },
      partner,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.quote.acceptanceUrl).toBeNull();
  });
});
