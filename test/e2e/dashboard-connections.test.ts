import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, TestApp } from '../support/app';
import { launchChromium, newBrowserContext, openPage, screenshotter } from '../support/browser';
import { must } from '../support/catalog';
import { eventually } from '../support/eventually';
import { startHubSpotServer, HubSpotServer } from '../fixtures/hubspot/server';
import { ConnectedSystem } from '../../src/domain/connectors/connection.entity';
import { hubspotConnector } from '../../src/connectors/hubspot/hubspot.connector';
import { runConnectorSyncPass } from '../../src/jobs/connector-sync.job';
import { parseSecretsKey } from '../../src/domain/connectors/secrets';
import { ManualClock } from '../../src/domain/shared/clock';

// The operator's view of the connectors on the dashboard (docs/connectors.md), in a real browser:
// a record HubSpot refuses shows with the vendor's message, and "Retry" sends it again.
const shot = screenshotter('dashboard-connections');
jest.setTimeout(60_000);

const KEY_HEX = randomBytes(32).toString('hex');
const TOKEN = `pat-na1-${randomBytes(8).toString('hex')}`;
const clock = new ManualClock(new Date());
let t: TestApp;
let browser: Browser;
let hub: HubSpotServer;
let page: Page;
let problems: string[];
let connectionId: string;

function pass() {
  return runConnectorSyncPass({
    fork: () => t.app.db.orm.em.fork(),
    clock,
    connectors: new Map([[ConnectedSystem.HUBSPOT, hubspotConnector]]),
    secretsKey: parseSecretsKey(KEY_HEX),
    retryBaseMs: 1000,
    connectionId,
  });
}

beforeAll(async () => {
  [t, browser, hub] = await Promise.all([
    startTestApp({ env: { TARIFF_SECRETS_KEY: KEY_HEX } }),
    launchChromium(),
    startHubSpotServer({ accessToken: TOKEN }),
  ]);
  connectionId = (
    await must(t, 'mutation($input: CreateConnectionInput!) { createConnection(input: $input) { id } }', {
      input: { system: 'HUBSPOT', baseUrl: hub.url, credentials: { accessToken: TOKEN }, settings: { maxAttempts: 1 } },
    })
  ).createConnection.id;
  hub.reject = (type, p) =>
    type === 'companies' && p.name === 'Blocked Ltd' ? 'Property values were not valid: name is on the block list' : null;
  await must(
    t,
    'mutation { createCustomer(input: { name: "Blocked Ltd", email: "b@blocked.example", currency: "EUR", taxStatus: EXEMPT }) { id } }',
  );
  await eventually(
    async () => {
      await pass();
      return (await must(t, 'query($id: ID!) { connection(id: $id) { failed } }', { id: connectionId })).connection.failed;
    },
    { until: (n) => n === 1, what: 'the refused record' },
  );
  const context = await newBrowserContext(browser, { viewport: { width: 1200, height: 900 } });
  ({ page, problems } = await openPage(context, `${t.url}/dashboard`));
});

afterAll(async () => {
  await browser?.close();
  await hub?.close();
  await t?.close();
});

it('shows the connection, its counts and the refused record with HubSpot’s message; Retry sends it again', async () => {
  await page.getByLabel('API key').fill(t.adminKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForSelector('body[data-connections-loaded="1"]');
  const row = page.locator('#connection-rows tr');
  expect(await row.locator('th, td').allTextContents()).toEqual(['HubSpot', 'ACTIVE', expect.stringMatching(/UTC$/), '0', '1']);
  const failed = page.locator('#failed-record-rows tr');
  expect(await failed.count()).toBe(1);
  const cells = await failed.locator('td').allTextContents();
  expect(cells.slice(1, 6)).toEqual([
    'customer',
    expect.any(String),
    'DEAD',
    '1',
    '400: Property values were not valid: name is on the block list',
  ]);
  await shot(page.locator('#integrations'), '01-dead-record');

  hub.reject = null;
  await page.getByRole('button', { name: /^Retry customer / }).click();
  await page.waitForSelector('body[data-connections-loaded="2"]');
  expect(await row.locator('td').allTextContents()).toEqual([expect.any(String), expect.any(String), '1', '0']);
  expect(await page.locator('#failed-record-rows tr').count()).toBe(0);
  expect(await page.locator('#no-failed-records').isVisible()).toBe(true);

  clock.set(new Date(Math.max(clock.now().getTime(), Date.now()) + 1000));
  await pass();
  expect(hub.count('companies')).toBe(1);
  await page.getByRole('button', { name: 'Reload' }).click();
  await page.waitForSelector('body[data-connections-loaded="3"]');
  expect(await row.locator('td').allTextContents()).toEqual([expect.any(String), expect.any(String), '0', '0']);
  await shot(page.locator('#integrations'), '02-after-retry');
  expect(problems).toEqual([]);
  // The token is nowhere on the page.
  expect(await page.content()).not.toContain(TOKEN);
});
