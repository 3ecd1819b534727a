import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ManualClock } from '../../src/domain/shared/clock';
import { startTestApp, TestApp } from '../support/app';
import { artifactPath, launchChromium, newBrowserContext, openPage, screenshotter } from '../support/browser';
import { createPrice, must } from '../support/catalog';

// The hosted portal in a real browser (test/support/browser.ts). Screenshots of every view land
// in test-artifacts/portal/.
const shot = screenshotter('portal');

jest.setTimeout(60_000);

// The subscription starts ten days before "now", so a change today is prorated for part of the period.
const DAY = 86_400_000;
const NOW = new Date(Math.floor(Date.now() / 1000) * 1000);
const clock = new ManualClock(new Date(NOW.getTime() - 10 * DAY));

let t: TestApp;
let browser: Browser;
let context: BrowserContext;
let customerId: string;
let subscriptionId: string;
let invoiceNumber: string;
let link: { id: string; url: string; expiresAt: string };

beforeAll(async () => {
  [t, browser] = await Promise.all([startTestApp({ clock }), launchChromium()]);
  context = await newBrowserContext(browser, { acceptDownloads: true });

  await must(t, 'mutation { createProduct(input: { code: "seats", name: "Team seats" }) { id } }');
  await createPrice(t, 'seats', { kind: 'per_unit', config: { unitAmount: '10.00' } }, { productCode: 'seats' });
  await createPrice(t, 'seats-pro', { kind: 'per_unit', config: { unitAmount: '25.00' } }, { productCode: 'seats' });
  await must(
    t,
    'mutation { updateSellerSettings(input: { name: "Northwind Cloud", selfServicePriceCodes: ["seats", "seats-pro"] }) { name } }',
  );
  customerId = (
    await must(
      t,
      'mutation { createCustomer(input: { name: "Globex Ltd", email: "billing@globex.example", currency: "EUR", taxStatus: EXEMPT }) { id } }',
    )
  ).createCustomer.id;
  const sub = await must(t, 'mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }', {
    input: { customerId, items: [{ priceCode: 'seats', quantity: '2' }], collection: 'SEND_INVOICE' },
  });
  subscriptionId = sub.createSubscription.id;
  const invoices = await must(t, 'query($c: ID!) { invoices(customerId: $c, first: 10) { edges { node { number total } } } }', {
    c: customerId,
  });
  invoiceNumber = invoices.invoices.edges[0].node.number;
  expect(invoiceNumber).toMatch(/^INV-/);

  clock.set(NOW);
  link = (
    await must(
      t,
      'mutation($c: ID!) { createPortalSession(customerId: $c, returnUrl: "https://shop.example.com/account") { id url expiresAt } }',
      { c: customerId },
    )
  ).createPortalSession;
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

function open(url: string): Promise<{ page: Page; problems: string[] }> {
  return openPage(context, url);
}

function tamper(url: string): string {
  const last = url.slice(-1);
  return url.slice(0, -1) + (last === 'x' ? 'y' : 'x');
}

describe('the hosted portal', () => {
  let page: Page;
  let problems: string[];

  it('opens from the link, takes the secret out of the address bar and shows the account', async () => {
    ({ page, problems } = await open(link.url));
    expect(page.url()).toBe(`${t.url}/portal`);
    expect(await page.evaluate<string | null>("sessionStorage.getItem('tariff.portal.session')")).toBe(
      new URL(link.url).hash.replace('#session=', ''),
    );
    await expect(page.locator('#error-view').isHidden()).resolves.toBe(true);
    expect(await page.locator('#customer-line').textContent()).toBe('Globex Ltd · billing@globex.example');
    expect(await page.locator('#invoice-rows th[scope="row"]').allTextContents()).toEqual([invoiceNumber]);
    const back = page.locator('#return-link');
    expect(await back.textContent()).toBe('Return to Northwind Cloud');
    expect(await back.getAttribute('href')).toBe('https://shop.example.com/account');
    expect(await page.locator('[data-subscription-id] td[data-quantity]').allTextContents()).toEqual(['2']);
    // Accessible by construction: every control has a label, every table header a scope.
    expect(await page.$$eval('input, select', (els) => els.filter((e: any) => e.labels?.length === 0).length)).toBe(0);
    expect(await page.$$eval('th', (els) => els.filter((e) => !e.getAttribute('scope')).length)).toBe(0);
    expect(await page.$$eval('main h1', (els) => els.filter((e: any) => e.offsetParent !== null).length)).toBe(1);
    // Keyboard first: Tab lands on the skip link, which moves focus to the main content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement.className')).toBe('skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate<string>('document.activeElement.id')).toBe('main');
    await shot(page, '01-account');
  });

  it('downloads an invoice with the bearer key and opens it', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Download invoice ${invoiceNumber}` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${invoiceNumber}.html`);
    const html = readFileSync((await download.path())!, 'utf8');
    expect(html).toContain(invoiceNumber);
    expect(html).toContain('Globex Ltd');
    await page.locator('#status', { hasText: 'downloaded' }).waitFor();
    const file = artifactPath('portal', `${invoiceNumber}.html`);
    writeFileSync(file, html);
    const invoicePage = await context.newPage();
    await invoicePage.goto(pathToFileURL(file).href);
    await shot(invoicePage, '02-invoice');
    await invoicePage.close();
  });

  it('changes the quantity to 5 after showing the proration preview, recorded as the portal session', async () => {
    await page.getByRole('button', { name: 'Change plan or quantity' }).click();
    const quantity = page.getByLabel('Quantity');
    await quantity.fill('5');
    // The buyer's purchase order goes with the change (optional for this customer).
    await page.getByLabel('Purchase order number (optional)').fill(' PO-GLOBEX-7 ');
    await shot(page, '03-change-form');

    await page.getByRole('button', { name: 'Preview change' }).click();
    const amount = page.locator('.preview-amount');
    await amount.waitFor();
    const expected = await must(
      t,
      'query($input: ChangeSubscriptionInput!) { previewSubscriptionChange(input: $input) { amountDueNow } }',
      {
        input: { id: subscriptionId, items: [{ priceCode: 'seats', quantity: '5' }], prorationBehavior: 'CREATE_PRORATIONS' },
      },
    );
    expect(await amount.getAttribute('data-amount')).toBe(expected.previewSubscriptionChange.amountDueNow);
    expect(Number(expected.previewSubscriptionChange.amountDueNow)).toBeGreaterThan(0);
    await shot(page, '04-change-preview');

    await page.getByRole('button', { name: 'Confirm change' }).click();
    await page.locator('#status', { hasText: 'was changed' }).waitFor();
    expect(await page.locator('[data-subscription-id] td[data-quantity]').allTextContents()).toEqual(['5']);
    expect(await page.locator('[data-subscription-id] dd.purchase-order').textContent()).toBe('PO-GLOBEX-7');
    await shot(page, '05-changed');

    const after = await must(
      t,
      'query($id: ID!) { subscription(id: $id) { purchaseOrderNumber items { priceCode quantity } history { type actor } } }',
      { id: subscriptionId },
    );
    expect(after.subscription.purchaseOrderNumber).toBe('PO-GLOBEX-7');
    expect(after.subscription.items).toEqual([{ priceCode: 'seats', quantity: '5' }]);
    expect(after.subscription.history.at(-1)).toEqual({ type: expect.stringMatching(/chang/), actor: `portal session ${link.id}` });
  });

  it('adds a payment method', async () => {
    await page.getByLabel('Test payment method').selectOption('pm_sandbox_ok');
    await page.getByRole('button', { name: 'Save payment method' }).click();
    await page.locator('#status', { hasText: 'Payment method saved' }).waitFor();
    const methods = await must(t, 'query($c: ID!) { paymentMethods(customerId: $c) { label isDefault } }', { c: customerId });
    expect(methods.paymentMethods).toEqual([expect.objectContaining({ isDefault: true })]);
    expect(await page.locator('#payment-method-rows th[scope="row"]').allTextContents()).toEqual([methods.paymentMethods[0].label]);
    await shot(page, '06-payment-method');
  });

  it('cancels at period end after a confirmation', async () => {
    await page.getByRole('button', { name: 'Cancel at period end' }).click();
    await shot(page, '07-cancel-confirm');
    await page.getByRole('button', { name: 'Confirm: cancel at period end' }).click();
    await page.locator('#status', { hasText: 'will end on' }).waitFor();
    const after = await must(t, 'query($id: ID!) { subscription(id: $id) { status cancelAtPeriodEnd history { type actor } } }', {
      id: subscriptionId,
    });
    expect(after.subscription).toMatchObject({ status: 'ACTIVE', cancelAtPeriodEnd: true });
    expect(after.subscription.history.at(-1).actor).toBe(`portal session ${link.id}`);
    // Offered no more once scheduled.
    expect(await page.getByRole('button', { name: 'Cancel at period end' }).count()).toBe(0);
    await shot(page, '08-canceled');
    // The page ran under its Content-Security-Policy without a violation or a script error.
    expect(problems).toEqual([]);
    await page.close();
  });

  it('refuses a tampered link: the error view, and no data', async () => {
    const { page: tampered } = await open(tamper(link.url));
    await expectRefused(tampered);
    await shot(tampered, '09-tampered-link');
    await tampered.close();
  });

  it('refuses the link once it has expired', async () => {
    clock.advanceSeconds(61 * 60);
    const { page: expired } = await open(link.url);
    await expectRefused(expired);
    await shot(expired, '10-expired-link');
    await expired.close();
  });
});

async function expectRefused(page: Page): Promise<void> {
  expect(await page.locator('#error-view').isVisible()).toBe(true);
  expect(await page.locator('#error-text').textContent()).toBe('This link has expired or is invalid. Ask for a new one.');
  expect(await page.locator('#account').isHidden()).toBe(true);
  const text = await page.locator('body').innerText();
  expect(text).not.toContain('Globex');
  expect(text).not.toContain(invoiceNumber);
  expect(await page.evaluate<string | null>("sessionStorage.getItem('tariff.portal.session')")).toBeNull();
}
