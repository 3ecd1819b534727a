import type { Browser, BrowserContext } from 'playwright-core';
import { startTestApp, TestApp } from '../support/app';
import { launchChromium, newBrowserContext, openPage, screenshotter } from '../support/browser';
import { createPrice, createProduct, must } from '../support/catalog';

// The hosted portal of a company group in a real browser (issue 16): the member billed to its
// parent sees its own lines of the parent's invoices under "Billed to your group", and the
// parent sees its consolidated invoices with each member's lines. Screenshots in
// test-artifacts/portal-groups/.
const shot = screenshotter('portal-groups');

jest.setTimeout(90_000);

let t: TestApp;
let browser: Browser;
let context: BrowserContext;
let parent: string;
let member: string;
let invoice: { number: string; total: string; lines: { description: string; customerId: string }[] };

const link = async (customerId: string) =>
  (
    await must(t, 'mutation($c: ID!) { createPortalSession(customerId: $c, returnUrl: "https://shop.example.com/account") { url } }', {
      c: customerId,
    })
  ).createPortalSession.url as string;

beforeAll(async () => {
  [t, browser] = await Promise.all([startTestApp(), launchChromium()]);
  context = await newBrowserContext(browser);
  await createProduct(t, 'plan');
  await createPrice(t, 'seat', { kind: 'per_unit', config: { unitAmount: '10.01' } });
  await createPrice(t, 'site', { kind: 'flat', config: { amount: '99.99' } });
  await must(t, 'mutation { updateSellerSettings(input: { name: "Northwind Supply" }) { name } }');

  const clockId = (await must(t, 'mutation { createTestClock(frozenTime: "2025-12-31T00:00:00Z") { id } }')).createTestClock.id;
  const create = async (name: string, extra: string) =>
    (
      await must(
        t,
        `mutation { createCustomer(input: { name: "${name}", email: "ap@group.example", currency: "EUR", taxStatus: TAXABLE, taxRate: "20", testClockId: "${clockId}"${extra} }) { id } }`,
      )
    ).createCustomer.id as string;
  parent = await create('Holding SA', '');
  member = await create('Plant Lyon', `, parentId: "${parent}", invoiceTo: PARENT`);
  const location = (
    await must(t, 'mutation($input: CreateLocationInput!) { createLocation(input: $input) { id } }', {
      input: { customerId: member, name: 'Dock 3', address: { line1: '1 quai', city: 'Lyon', country: 'FR' } },
    })
  ).createLocation.id;
  const subscribe = (customerId: string, priceCode: string, quantity: string, extra: Record<string, unknown> = {}) =>
    must(t, 'mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }', {
      input: { customerId, items: [{ priceCode, quantity }], startsAt: '2026-01-01T00:00:00Z', collection: 'SEND_INVOICE', ...extra },
    });
  await subscribe(parent, 'site', '1');
  await subscribe(member, 'seat', '3', { locationId: location });
  await must(t, 'mutation($id: ID!) { advanceTestClock(id: $id, to: "2026-01-01T00:00:00Z") { status } }', { id: clockId });
  const invoices = await must(
    t,
    'query($c: ID!) { invoices(customerId: $c) { edges { node { number total lines { description customerId } } } } }',
    {
      c: parent,
    },
  );
  invoice = invoices.invoices.edges[0].node;
  expect(invoice.lines.map((l) => l.customerId)).toEqual([parent, member]);
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('the portal of a company group', () => {
  it("shows the member its lines of the parent's invoice, and nothing else of that invoice", async () => {
    const { page, problems } = await openPage(context, await link(member));
    expect(await page.locator('#customer-line').textContent()).toBe('Plant Lyon · ap@group.example');
    await page.locator('#consumption').waitFor();
    expect(await page.locator('#consumption-nav').isVisible()).toBe(true);
    expect(await page.locator('#consumption-rows th[scope="row"]').allTextContents()).toEqual([invoice.number]);
    const own = invoice.lines.find((l) => l.customerId === member)!;
    expect(await page.locator('#consumption-rows td').allTextContents()).toContain(own.description);
    expect(own.description).toMatch(/^Plant Lyon, Dock 3: /);
    // It has no invoices of its own: no download, no totals, nothing of the parent's line or name.
    expect(await page.locator('#no-invoices').textContent()).toMatch(/invoiced to your group/);
    expect(await page.getByRole('button', { name: /Download invoice/ }).count()).toBe(0);
    const text = await page.locator('body').innerText();
    expect(text).not.toContain('Holding');
    expect(text).not.toContain(invoice.lines.find((l) => l.customerId === parent)!.description);
    expect(await page.$$eval('th', (els) => els.filter((e) => !e.getAttribute('scope')).length)).toBe(0);
    await shot(page, '01-member-consumption');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the parent its consolidated invoice, whose lines name the member, ready to be paid', async () => {
    const { page, problems } = await openPage(context, await link(parent));
    expect(await page.locator('#invoice-rows th[scope="row"]').allTextContents()).toEqual([invoice.number]);
    // A payer consumed nothing on another's invoice: the section stays away.
    expect(await page.locator('#consumption').isHidden()).toBe(true);
    await page.getByRole('button', { name: `Lines of invoice ${invoice.number}` }).click();
    const lines = page.locator('.lines-row:not([hidden]) tbody tr td:first-child');
    await lines.first().waitFor();
    expect(await lines.allTextContents()).toEqual(invoice.lines.map((l) => l.description));
    expect(await page.getByRole('button', { name: `Lines of invoice ${invoice.number}` }).getAttribute('aria-expanded')).toBe('true');
    expect(await page.getByRole('button', { name: `Download invoice ${invoice.number}` }).count()).toBe(1);
    await shot(page, '02-parent-invoice-lines');
    expect(problems).toEqual([]);
    await page.close();
  });
});
