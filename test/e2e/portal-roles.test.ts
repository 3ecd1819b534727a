import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestApp, TestApp } from '../support/app';
import { launchChromium, newBrowserContext, openPage, screenshotter } from '../support/browser';
import { createPrice, must } from '../support/catalog';

// The hosted portal for a contact (docs/locations-and-contacts.md): the page shows the contact's
// role and only the controls that portalSession.allowedActions lists; what it hides, the server
// refuses anyway. Screenshots in test-artifacts/portal-roles/.
const shot = screenshotter('portal-roles');

jest.setTimeout(60_000);

let t: TestApp;
let browser: Browser;
let context: BrowserContext;
let customerId: string;
let subscriptionId: string;
let invoiceNumber: string;

beforeAll(async () => {
  [t, browser] = await Promise.all([startTestApp(), launchChromium()]);
  context = await newBrowserContext(browser, { acceptDownloads: true });
  await must(t, 'mutation { createProduct(input: { code: "seats", name: "Team seats" }) { id } }');
  await createPrice(t, 'seats', { kind: 'per_unit', config: { unitAmount: '10.00' } }, { productCode: 'seats' });
  await must(
    t,
    'mutation { updateSellerSettings(input: { name: "Northwind Cloud", allowSelfServiceCancel: true, allowSelfServiceQuantityChange: true, selfServicePriceCodes: ["seats"] }) { name } }',
  );
  customerId = (
    await must(
      t,
      'mutation { createCustomer(input: { name: "Globex Ltd", email: "billing@globex.example", currency: "EUR", taxStatus: EXEMPT }) { id } }',
    )
  ).createCustomer.id;
  subscriptionId = (
    await must(t, 'mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }', {
      input: { customerId, items: [{ priceCode: 'seats', quantity: '2' }], collection: 'SEND_INVOICE' },
    })
  ).createSubscription.id;
  invoiceNumber = (await must(t, 'query($c: ID!) { invoices(customerId: $c, first: 1) { edges { node { number } } } }', { c: customerId }))
    .invoices.edges[0].node.number;
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function portalFor(role: string, name: string): Promise<{ page: Page; problems: string[]; secret: string }> {
  const contactId = (
    await must(t, 'mutation($input: CreateContactInput!) { createContact(input: $input) { id } }', {
      input: { customerId, name, email: `${role.toLowerCase()}@globex.example`, role },
    })
  ).createContact.id;
  const { url } = (
    await must(
      t,
      'mutation($c: ID!, $k: ID) { createPortalSession(customerId: $c, returnUrl: "https://shop.example.com/account", contactId: $k) { url } }',
      { c: customerId, k: contactId },
    )
  ).createPortalSession;
  const { page, problems } = await openPage(context, url);
  return { page, problems, secret: new URL(url).hash.replace('#session=', '') };
}

/** What the page offers, read as a person would: visible buttons and forms by their names. */
async function controlsOn(page: Page) {
  const visible = async (name: string) => (await page.getByRole('button', { name, exact: true }).all()).length;
  return {
    change: await visible('Change quantity'),
    cancel: await visible('Cancel at period end'),
    pay: await page.locator('#payment-method-form').isVisible(),
    download: await page.getByRole('button', { name: `Download invoice ${invoiceNumber}` }).count(),
    subscriptionsReadOnly: await page.locator('#subscriptions-read-only').isVisible(),
    paymentMethodsReadOnly: await page.locator('#payment-methods-read-only').isVisible(),
  };
}

/** A request the page does not offer, sent with the page's own key from inside the page: the server still decides. */
async function sendFromPage(page: Page, secret: string, query: string, variables: Record<string, unknown>): Promise<string> {
  return page.evaluate(
    async ([key, q, v]) => {
      const res = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ query: q, variables: v }),
      });
      const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
      return body.errors?.[0]?.extensions?.code ?? 'OK';
    },
    [secret, query, variables] as const,
  );
}

const attach = 'mutation($input: AttachPaymentMethodInput!) { attachPaymentMethod(input: $input) { id } }';
const change = 'mutation($input: ChangeSubscriptionInput!) { changeSubscription(input: $input) { id } }';
const cancel = 'mutation($id: ID!) { cancelSubscription(id: $id, atPeriodEnd: true) { id } }';

describe('the hosted portal for a contact shows its role and only what the role may do', () => {
  it('VIEWER: sees everything and is offered nothing; the API refuses what the page hides', async () => {
    const { page, problems, secret } = await portalFor('VIEWER', 'Vera Viewer');
    expect(await page.locator('#role-line').textContent()).toBe(
      'Signed in as Vera Viewer (Viewer). You can view this account but not change it.',
    );
    expect(await page.locator('[data-subscription-id] td[data-quantity]').allTextContents()).toEqual(['2']);
    expect(await page.locator('#invoice-rows th[scope="row"]').allTextContents()).toEqual([invoiceNumber]);
    expect(await controlsOn(page)).toEqual({
      change: 0,
      cancel: 0,
      pay: false,
      download: 0,
      subscriptionsReadOnly: true,
      paymentMethodsReadOnly: true,
    });
    // The invoice's lines still open (reading), beside no download.
    expect(await page.getByRole('button', { name: `Lines of invoice ${invoiceNumber}` }).count()).toBe(1);
    await shot(page, '01-viewer');
    // Checked before the refusals below, which the browser logs as failed loads.
    expect(problems).toEqual([]);

    const pay = { input: { customerId, provider: 'sandbox', token: 'pm_sandbox_ok' } };
    expect(await sendFromPage(page, secret, attach, pay)).toBe('FORBIDDEN');
    expect(
      await sendFromPage(page, secret, change, {
        input: { id: subscriptionId, items: [{ priceCode: 'seats', quantity: '9' }], prorationBehavior: 'CREATE_PRORATIONS' },
      }),
    ).toBe('FORBIDDEN');
    expect(await sendFromPage(page, secret, cancel, { id: subscriptionId })).toBe('FORBIDDEN');
    const invoiceId = await page.locator('#invoice-rows tr').first().getAttribute('data-invoice-id');
    const invoice = await page.evaluate(
      async ([key, id]) => (await fetch(`/invoices/${id}.html`, { headers: { authorization: `Bearer ${key}` } })).status,
      [secret, invoiceId] as const,
    );
    expect(invoice).toBe(403);
    await page.close();
  });

  it('ACCOUNTS_PAYABLE: downloads the invoice and saves a payment method, and is offered no subscription change', async () => {
    const { page, problems } = await portalFor('ACCOUNTS_PAYABLE', 'Aki Payable');
    expect(await page.locator('#role-line').textContent()).toBe(
      'Signed in as Aki Payable (Accounts payable). You can view this account and manage payment methods, download invoices.',
    );
    expect(await controlsOn(page)).toEqual({
      change: 0,
      cancel: 0,
      pay: true,
      download: 1,
      subscriptionsReadOnly: true,
      paymentMethodsReadOnly: false,
    });
    await shot(page, '02-accounts-payable');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Download invoice ${invoiceNumber}` }).click(),
    ]);
    expect(readFileSync((await download.path())!, 'utf8')).toContain(invoiceNumber);
    await page.locator('#status', { hasText: 'downloaded' }).waitFor();

    await page.getByLabel('Test payment method').selectOption('pm_sandbox_ok');
    await page.getByRole('button', { name: 'Save payment method' }).click();
    await page.locator('#status', { hasText: 'Payment method saved' }).waitFor();
    const methods = await must(t, 'query($c: ID!) { paymentMethods(customerId: $c) { isDefault } }', { c: customerId });
    expect(methods.paymentMethods).toEqual([{ isDefault: true }]);
    await shot(page, '03-accounts-payable-paid');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('BUYER: changes the quantity through the preview, and is offered neither cancel nor payment nor downloads', async () => {
    const { page, problems, secret } = await portalFor('BUYER', 'Bo Buyer');
    expect(await page.locator('#role-line').textContent()).toBe(
      'Signed in as Bo Buyer (Buyer). You can view this account and change subscriptions.',
    );
    expect(await controlsOn(page)).toEqual({
      change: 1,
      cancel: 0,
      pay: false,
      download: 0,
      subscriptionsReadOnly: false,
      paymentMethodsReadOnly: true,
    });
    await shot(page, '04-buyer');

    await page.getByRole('button', { name: 'Change quantity' }).click();
    await page.getByLabel('Quantity').fill('3');
    await page.getByRole('button', { name: 'Preview change' }).click();
    await page.locator('.preview-amount').waitFor();
    await page.getByRole('button', { name: 'Confirm change' }).click();
    await page.locator('#status', { hasText: 'was changed' }).waitFor();
    expect(await page.locator('[data-subscription-id] td[data-quantity]').allTextContents()).toEqual(['3']);
    await shot(page, '05-buyer-changed');

    expect(await sendFromPage(page, secret, cancel, { id: subscriptionId })).toBe('FORBIDDEN');
    const after = await must(t, 'query($id: ID!) { subscription(id: $id) { cancelAtPeriodEnd items { quantity } } }', {
      id: subscriptionId,
    });
    expect(after.subscription).toEqual({ cancelAtPeriodEnd: false, items: [{ quantity: '3' }] });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('ADMIN: is offered everything the seller allows', async () => {
    const { page, problems } = await portalFor('ADMIN', 'Ada Admin');
    expect(await page.locator('#role-line').textContent()).toBe(
      'Signed in as Ada Admin (Admin). You can view this account and change subscriptions, cancel subscriptions, manage payment methods, download invoices.',
    );
    expect(await controlsOn(page)).toEqual({
      change: 1,
      cancel: 1,
      pay: true,
      download: 1,
      subscriptionsReadOnly: false,
      paymentMethodsReadOnly: false,
    });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a new role shows on the next load of the page', async () => {
    const { page, problems } = await portalFor('APPROVER', 'Abe Approver');
    expect((await controlsOn(page)).pay).toBe(false);
    const contactId = (
      await must(t, 'query($c: ID!) { customer(id: $c) { contacts { id name } } }', { c: customerId })
    ).customer.contacts.find((c: { name: string }) => c.name === 'Abe Approver').id;
    await must(t, 'mutation($id: ID!) { updateContact(id: $id, input: { role: ACCOUNTS_PAYABLE }) { id } }', { id: contactId });
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.locator('#role-line').textContent()).toMatch(/^Signed in as Abe Approver \(Accounts payable\)/);
    expect((await controlsOn(page)).pay).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });
});
