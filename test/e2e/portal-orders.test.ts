import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestApp, TestApp } from '../support/app';
import { launchChromium, newBrowserContext, openPage, screenshotter } from '../support/browser';
import { createCustomer, must } from '../support/catalog';
import { createGoodsCatalog, createLocation, ordersOf, portalKey, setStock, subscribeGoods } from '../support/goods';

// The portal's orders section (issue 17, docs/portal.md) in a real browser: a BUYER skips,
// reschedules, changes quantities, sends now and changes the delivery; a VIEWER sees the same
// orders with no controls, and the API refuses what the page hides. Real clock: the page judges
// the cut-off by the browser's time. Screenshots in test-artifacts/portal-orders/.
const shot = screenshotter('portal-orders');
const DAY = 86_400_000;

jest.setTimeout(90_000);

let t: TestApp;
let browser: Browser;
let context: BrowserContext;
let customerId: string;
let sub: string;
let dock: string;

/** A day `days` from today at 06:00 UTC, as the API writes it. */
const dayFromNow = (days: number) => new Date(Math.floor((Date.now() + days * DAY) / DAY) * DAY + 6 * 3_600_000).toISOString();

beforeAll(async () => {
  [t, browser] = await Promise.all([startTestApp(), launchChromium()]);
  context = await newBrowserContext(browser);
  await createGoodsCatalog(t);
  await setStock(t, { 'GL-1': '1000' });
  customerId = await createCustomer(t);
  ({ sub } = await subscribeGoods(t, customerId, dayFromNow(10), { billOn: 'ORDER' }));
  dock = await createLocation(t, customerId, 'Dock');
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function open(role: string): Promise<{ page: Page; problems: string[]; secret: string }> {
  const secret = await portalKey(t, customerId, role);
  const { page, problems } = await openPage(context, `${t.url}/portal#session=${secret}`);
  return { page, problems, secret };
}

const upcoming = (page: Page) => page.locator('#upcoming-orders [data-order-id]');

/** Opens a control's panel on the first upcoming order and submits it; waits for the announcement. */
async function onFirstUpcoming(
  page: Page,
  control: string,
  fill: (card: ReturnType<typeof upcoming>) => Promise<void>,
  submit: string,
  said: RegExp,
) {
  const card = upcoming(page).first();
  await card.getByRole('button', { name: control, exact: true }).click();
  await fill(card);
  await card.getByRole('button', { name: submit }).click();
  await page.locator('#status', { hasText: said }).waitFor();
}

describe('the portal orders section', () => {
  it('BUYER: changes quantities, reschedules, changes the delivery, sends now and skips; shipments show on past orders', async () => {
    const { page, problems } = await open('BUYER');
    await page.locator('#orders').waitFor();
    expect(await page.locator('#orders-nav').isVisible()).toBe(true);
    expect(await page.locator('[data-delivery-id] [data-cadence]').textContent()).toBe('Every 2 weeks');
    expect(await upcoming(page).count()).toBe(1);
    expect(await upcoming(page).locator('[data-total]').textContent()).toBe('€10.00');
    await shot(page, '01-buyer');

    await onFirstUpcoming(page, 'Change quantities', (c) => c.getByLabel('Quantity of GL-1').fill('6'), 'Save quantities', /was changed/);
    expect(await upcoming(page).locator('[data-total]').textContent()).toBe('€15.00');

    const moved = dayFromNow(12);
    await onFirstUpcoming(
      page,
      'Reschedule',
      (c) => c.getByLabel('New delivery date').fill(moved.slice(0, 10)),
      'Save date',
      /rescheduled/,
    );
    expect(await upcoming(page).locator('[data-date]').getAttribute('data-date')).toBe(moved);

    const delivery = page.locator('[data-delivery-id]');
    await delivery.getByRole('button', { name: 'Change delivery' }).click();
    await delivery.getByLabel('Every').fill('1');
    await delivery.getByLabel('Unit').selectOption('MONTH');
    await delivery.getByLabel('Ship to').selectOption(dock);
    await delivery.getByRole('button', { name: 'Save delivery' }).click();
    await page.locator('#status', { hasText: 'The delivery was changed.' }).waitFor();
    expect(await page.locator('[data-delivery-id] [data-cadence]').textContent()).toBe('Every month');
    expect(await page.locator('[data-delivery-id] [data-location]').textContent()).toBe('Dock');
    // The open first delivery keeps its (rescheduled) date and goes to the new place.
    expect(await upcoming(page).locator('[data-date]').getAttribute('data-date')).toBe(moved);
    expect(await upcoming(page).getByText('Dock').count()).toBe(1);
    await shot(page, '02-buyer-changed');

    await onFirstUpcoming(page, 'Send now', async () => {}, 'Confirm send now', /was placed/);
    const orders = await ordersOf(t, sub);
    expect(orders.map((o) => o.status)).toEqual(['PLACED', 'SCHEDULED']);
    expect(orders[0].lines).toEqual([{ sku: 'GL-1', quantity: '6', amount: '15.00' }]);
    expect(await page.locator('#past-order-rows tr [data-status]').allTextContents()).toEqual(['Placed']);
    expect(await upcoming(page).count()).toBe(1);

    await must(t, 'mutation($input: RecordShipmentInput!) { recordShipment(input: $input) { id } }', {
      input: {
        orderId: orders[0].id,
        externalId: 'SHP-1',
        carrier: 'DHL',
        trackingNumber: 'T1',
        shippedAt: new Date().toISOString(),
        lines: [{ sku: 'GL-1', quantity: '2' }],
      },
    });
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.locator('#past-order-rows tr [data-status]').allTextContents()).toEqual(['Partially shipped']);
    expect(await page.locator('#past-order-rows td.shipments').textContent()).toMatch(/2 × GL-1 \(DHL T1\)$/);

    await onFirstUpcoming(page, 'Skip', async () => {}, 'Confirm skip', /was skipped/);
    expect((await ordersOf(t, sub)).map((o) => o.status)).toEqual(['PARTIALLY_SHIPPED', 'SKIPPED', 'SCHEDULED']);
    expect(await page.locator('#past-order-rows tr [data-status]').allTextContents()).toEqual(['Skipped', 'Partially shipped']);
    await shot(page, '03-buyer-after');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('VIEWER: sees the orders with no controls; the API refuses a send now from the page', async () => {
    const { page, problems, secret } = await open('VIEWER');
    expect(await page.locator('#orders-read-only').isVisible()).toBe(true);
    expect(await upcoming(page).count()).toBe(1);
    expect(await page.locator('#past-order-rows tr').count()).toBe(2);
    expect(await page.locator('#orders button').count()).toBe(0);
    await shot(page, '04-viewer');
    expect(problems).toEqual([]);
    const id = await upcoming(page).first().getAttribute('data-order-id');
    const code = await page.evaluate(
      async ([key, orderId]) => {
        const res = await fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
          body: JSON.stringify({ query: 'mutation($id: ID!) { sendOrderNow(id: $id) { id } }', variables: { id: orderId } }),
        });
        const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
        return body.errors?.[0]?.extensions?.code ?? 'OK';
      },
      [secret, id] as const,
    );
    expect(code).toBe('FORBIDDEN');
    expect((await ordersOf(t, sub)).map((o) => o.status)).toEqual(['PARTIALLY_SHIPPED', 'SKIPPED', 'SCHEDULED']);
    await page.close();
  });
});
