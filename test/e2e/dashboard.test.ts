import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Decimal } from '../../src/pricing/decimal';
import { ManualClock } from '../../src/domain/shared/clock';
import { startTestApp, TestApp } from '../support/app';
import { launchChromium, newBrowserContext, openPage, screenshotter } from '../support/browser';
import { createPrice, must } from '../support/catalog';

// The revenue dashboard in a real browser (test/support/browser.ts): a small book built through
// the API over about three months of the injected clock, then every figure on the page compared
// with what revenueMetrics, cohorts and mrrMovements answer for the same range and currency.
// Screenshots of every view land in test-artifacts/dashboard/.
const shot = screenshotter('dashboard');

jest.setTimeout(60_000);

const DAY = 86_400;
const NOW = new Date(Math.floor(Date.now() / 1000) * 1000);
const T0 = new Date(NOW.getTime() - 100 * DAY * 1000);
const clock = new ManualClock(T0);

let t: TestApp;
let browser: Browser;
let context: BrowserContext;
let salesKey: { id: string; secret: string };
let customerKey: string;
let page: Page;
let problems: string[];
/** Every request the page makes, in order. */
const requests: { url: string; authorization?: string }[] = [];

const SUBSCRIBE = 'mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }';
const CHANGE = 'mutation($input: ChangeSubscriptionInput!) { changeSubscription(input: $input) { id } }';

async function customer(name: string, currency = 'EUR'): Promise<string> {
  const data = await must(t, 'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }', {
    input: { name, email: `billing@${name.toLowerCase().replace(/\W+/g, '')}.example`, currency, taxStatus: 'EXEMPT' },
  });
  return data.createCustomer.id;
}

async function subscribe(customerId: string, priceCode: string, quantity: string): Promise<string> {
  const data = await must(t, SUBSCRIBE, { input: { customerId, items: [{ priceCode, quantity }], collection: 'SEND_INVOICE' } });
  return data.createSubscription.id;
}

/** Moves the injected clock and lets the billing run roll periods up to it, as the real clock would. */
async function advanceDays(days: number): Promise<void> {
  clock.advanceSeconds(days * DAY);
  await must(t, 'mutation($at: DateTime!) { runBilling(at: $at) { invoicesCreated } }', { at: clock.now().toISOString() });
}

beforeAll(async () => {
  [t, browser] = await Promise.all([startTestApp({ clock }), launchChromium()]);
  context = await newBrowserContext(browser, { viewport: { width: 1200, height: 900 } });

  await must(t, 'mutation { createProduct(input: { code: "seats", name: "Team seats" }) { id } }');
  await createPrice(t, 'basic', { kind: 'per_unit', config: { unitAmount: '10.00' } }, { productCode: 'seats' });
  await createPrice(t, 'pro', { kind: 'per_unit', config: { unitAmount: '25.00' } }, { productCode: 'seats' });
  // 1,200.00 a year counts 100.00 a month.
  await createPrice(t, 'annual', { kind: 'per_unit', config: { unitAmount: '1200.00' } }, { productCode: 'seats', interval: 'YEAR' });
  await createPrice(t, 'basic-usd', { kind: 'per_unit', config: { unitAmount: '20.00' } }, { productCode: 'seats', currency: 'USD' });
  // Goods (issue 17): delivered, their MRR is a delivery's amount normalized to a month.
  await must(t, 'mutation { createProduct(input: { code: "toner", name: "Toner", kind: PHYSICAL, sku: "TN-1" }) { id } }');
  await createPrice(t, 'toner-box', { kind: 'per_unit', config: { unitAmount: '5.00' } }, { productCode: 'toner' });

  // T0: three EUR customers (30 + 50 + 100 MRR).
  const acme = await customer('Acme Corp');
  const globex = await customer('Globex Ltd');
  const initech = await customer('Initech');
  const acmeSub = await subscribe(acme, 'basic', '3');
  const globexSub = await subscribe(globex, 'pro', '2');
  await subscribe(initech, 'annual', '1');

  // Day 35: Acme upgrades to 10 pro seats (+220). Day 50: Globex drops a seat (−25). Day 65: Globex
  // cancels (−25). Day 80: Umbrella starts on one basic seat (+10). Then the clock reaches now.
  // Day 1: one customer in USD (created later, so the first customer's currency is EUR).
  await advanceDays(1);
  await subscribe(await customer('Hooli Inc', 'USD'), 'basic-usd', '5');
  await advanceDays(34);
  await must(t, CHANGE, { input: { id: acmeSub, items: [{ priceCode: 'pro', quantity: '10' }], prorationBehavior: 'NONE' } });
  await advanceDays(15);
  await must(t, CHANGE, { input: { id: globexSub, items: [{ priceCode: 'pro', quantity: '1' }], prorationBehavior: 'NONE' } });
  await advanceDays(15);
  await must(t, 'mutation($id: ID!) { cancelSubscription(id: $id, atPeriodEnd: false) { status } }', { id: globexSub });
  await advanceDays(15);
  await subscribe(await customer('Umbrella plc'), 'basic', '1');
  // And Stark takes 4 boxes of toner (20.00) every two weeks: 20.00 × 365.2425 / 12 / 14 = 43.48125 a month.
  const stark = await customer('Stark Supplies');
  const dock = await must(t, 'mutation($input: CreateLocationInput!) { createLocation(input: $input) { id } }', {
    input: { customerId: stark, name: 'Dock 1', address: { line1: 'Hafenstr. 1', city: 'Hamburg', country: 'DE' } },
  });
  await must(t, SUBSCRIBE, {
    input: {
      customerId: stark,
      items: [{ priceCode: 'toner-box', quantity: '4' }],
      collection: 'SEND_INVOICE',
      delivery: { every: 2, unit: 'WEEK', locationId: dock.createLocation.id },
    },
  });
  clock.set(NOW);

  const key = (role: string, customerId?: string) =>
    must(t, 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } secret } }', {
      input: { role, customerId, name: `${role} dashboard test` },
    });
  const sales = (await key('SALES')).createApiKey;
  salesKey = { id: sales.apiKey.id, secret: sales.secret };
  customerKey = (await key('CUSTOMER', acme)).createApiKey.secret;

  ({ page, problems } = await openPage(context, `${t.url}/dashboard`));
  page.on('request', (req) => requests.push({ url: req.url(), authorization: req.headers().authorization }));
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

// ---- what the API says, and how the page must write it

const FIGURES = `query($from: DateTime!, $to: DateTime!, $interval: MetricsInterval!, $currency: Currency!) {
  revenueMetrics(from: $from, to: $to, interval: $interval, currency: $currency) {
    periodStart startMrr mrr arr newMrr expansionMrr contractionMrr churnedMrr reactivationMrr activeCustomers arpa
    logoChurnRate grossRevenueRetention netRevenueRetention byKind { kind mrr }
  }
  cohorts(from: $from, to: $to, currency: $currency) { month customers startMrr months { offset logoRetention revenueRetention } }
  mrrMovements(from: $from, to: $to, currency: $currency, first: 10) { id kind delta mrrAfter customer { name } }
  agedReceivables {
    customers { customerId customerName currency current days1To30 days31To60 days61To90 days90Plus total }
    totals { currency current days1To30 days31To60 days61To90 days90Plus total }
  }
}`;

type Shown = { from: string; to: string; currency: string; interval: string };

async function shown(): Promise<Shown> {
  const summary = page.locator('#range-summary');
  const [from, to, currency, interval] = await Promise.all(
    ['from', 'to', 'currency', 'interval'].map((a) => summary.getAttribute(`data-${a}`)),
  );
  return { from: from!, to: to!, currency: currency!, interval: interval! };
}

function money(amount: string, currency: string): string {
  // A numeric string is formatted exactly (Intl.NumberFormat v3), as the page does.
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(amount as unknown as number);
}

function signed(amount: string, currency: string): string {
  if (new Decimal(amount).isZero()) return money(amount.replace(/^-/, ''), currency);
  return amount.startsWith('-') ? `\u2212${money(amount.slice(1), currency)}` : `+${money(amount, currency)}`;
}

function percent(rate: string | null): string {
  return rate === null
    ? '\u2014'
    : new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
        rate as unknown as number,
      );
}

function sum(values: string[]): Decimal {
  return values.reduce((s, v) => s.plus(v), new Decimal(0));
}

async function amountOf(selector: string): Promise<{ amount: string | null; text: string | null }> {
  const node = page.locator(selector);
  return { amount: await node.getAttribute('data-amount'), text: await node.textContent() };
}

/**
 * Every figure on the page against the API for the range and currency the page says it shows:
 * key numbers, the bridge (which must add up), the per-period table, the cohort cells and the
 * top movements. Returns the API's answer for further checks.
 */
async function expectPageEqualsApi(): Promise<any> {
  const range = await shown();
  const api = await must(t, FIGURES, range);
  const periods = api.revenueMetrics;
  const c = range.currency;
  const last = periods.at(-1);
  expect(periods.length).toBeGreaterThan(0);

  expect(await amountOf('#kpi-mrr')).toEqual({ amount: last.mrr, text: money(last.mrr, c) });
  expect(await amountOf('#kpi-arr')).toEqual({ amount: last.arr, text: money(last.arr, c) });
  expect(await page.locator('#kpi-customers').getAttribute('data-count')).toBe(String(last.activeCustomers));
  expect(await page.locator('#kpi-customers').textContent()).toBe(String(last.activeCustomers));
  // Services and goods apart, adding up to MRR in every period.
  const kind = (p: any, k: string) => p.byKind.find((part: any) => part.kind === k).mrr;
  expect(await amountOf('#kpi-services-mrr')).toEqual({ amount: kind(last, 'SERVICE'), text: money(kind(last, 'SERVICE'), c) });
  expect(await amountOf('#kpi-goods-mrr')).toEqual({ amount: kind(last, 'PHYSICAL'), text: money(kind(last, 'PHYSICAL'), c) });
  for (const p of periods) expect(new Decimal(kind(p, 'SERVICE')).plus(kind(p, 'PHYSICAL')).toFixed(2)).toBe(p.mrr);

  // The bridge of the range: the first period's start, the sums of its flows, the last period's end.
  const flows = (field: string) => sum(periods.map((p: any) => p[field]));
  const bridge = {
    start: new Decimal(periods[0].startMrr),
    new: flows('newMrr'),
    expansion: flows('expansionMrr'),
    reactivation: flows('reactivationMrr'),
    contraction: flows('contractionMrr').negated(),
    churn: flows('churnedMrr').negated(),
    end: new Decimal(last.mrr),
  };
  const { end, ...parts } = bridge;
  expect(sum(Object.values(parts).map((d) => d.toFixed())).equals(end)).toBe(true);
  for (const [step, value] of Object.entries(bridge)) {
    const cell = await amountOf(`#bridge-rows tr[data-step="${step}"] td`);
    expect({ step, amount: new Decimal(cell.amount!).toFixed() }).toEqual({ step, amount: value.toFixed() });
    expect(cell.text).toBe(step === 'start' || step === 'end' ? money(cell.amount!, c) : signed(cell.amount!, c));
  }
  const net = await amountOf('#kpi-net');
  expect(new Decimal(net.amount!).equals(end.minus(bridge.start))).toBe(true);
  expect(net.text).toBe(signed(net.amount!, c));

  // One row per period, MRR and ARR exact.
  const rows = page.locator('#growth-rows tr');
  expect(await rows.count()).toBe(periods.length);
  expect(
    await page.locator('#growth-rows tr td:nth-of-type(1)').evaluateAll((tds) => tds.map((td) => td.getAttribute('data-amount'))),
  ).toEqual(periods.map((p: any) => p.mrr));
  expect(
    await page.locator('#growth-rows tr td:nth-of-type(2)').evaluateAll((tds) => tds.map((td) => td.getAttribute('data-amount'))),
  ).toEqual(periods.map((p: any) => p.arr));
  for (const [column, k] of [
    [5, 'SERVICE'],
    [6, 'PHYSICAL'],
  ] as const) {
    expect(
      await page.locator(`#growth-rows tr td:nth-of-type(${column})`).evaluateAll((tds) => tds.map((td) => td.getAttribute('data-amount'))),
    ).toEqual(periods.map((p: any) => kind(p, k)));
  }
  expect(await page.locator('#retention-rows tr td:nth-of-type(3)').allTextContents()).toEqual(
    periods.map((p: any) => percent(p.netRevenueRetention)),
  );

  // The top movements, largest first, as mrrMovements lists them.
  const movements = api.mrrMovements;
  expect(await page.locator('#movement-rows tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-movement-id')))).toEqual(
    movements.map((m: any) => m.id),
  );
  if (movements.length) {
    const top = page.locator('#movement-rows tr').first();
    expect(await top.locator('th').textContent()).toBe(movements[0].customer.name);
    expect(await top.locator('td[data-kind]').getAttribute('data-kind')).toBe(movements[0].kind);
    expect(await top.locator('td.num').first().getAttribute('data-amount')).toBe(movements[0].delta);
    expect(await top.locator('td.num').first().textContent()).toBe(signed(movements[0].delta, c));
  }

  // Aged receivables in the chosen currency: a row per customer owing, each bucket exact, and the total row.
  const buckets = ['current', 'days1To30', 'days31To60', 'days61To90', 'days90Plus', 'total'];
  const owing = api.agedReceivables.customers.filter((r: any) => r.currency === c);
  expect(await page.locator('#receivable-rows tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-customer-id')))).toEqual(
    owing.map((r: any) => r.customerId),
  );
  for (const [i, r] of owing.entries()) {
    const cells = page.locator(`#receivable-rows tr:nth-child(${i + 1}) td`);
    expect(await cells.evaluateAll((tds) => tds.map((td) => td.getAttribute('data-amount')))).toEqual(buckets.map((b) => r[b]));
    expect(await cells.allTextContents()).toEqual(buckets.map((b) => money(r[b], c)));
  }
  const total = api.agedReceivables.totals.find((r: any) => r.currency === c);
  expect(await page.locator('#receivable-total tr td').evaluateAll((tds) => tds.map((td) => td.getAttribute('data-amount')))).toEqual(
    total ? buckets.map((b) => total[b]) : [],
  );

  // The heat map: one row per cohort, each cell the measure the picker shows.
  const measure = (await page.locator('#cohort-measure').inputValue()) as 'revenueRetention' | 'logoRetention';
  expect(await page.locator('#cohort-rows tr').count()).toBe(api.cohorts.length);
  for (const [i, cohort] of api.cohorts.entries()) {
    const cells = page.locator(`#cohort-rows tr:nth-child(${i + 1}) td[data-offset]`);
    expect(await cells.evaluateAll((tds) => tds.map((td) => td.getAttribute('data-value')))).toEqual(
      cohort.months.map((m: any) => m[measure]),
    );
    expect(await cells.allTextContents()).toEqual(cohort.months.map((m: any) => percent(m[measure])));
  }
  return api;
}

function startOfMonth(date: Date, plusMonths = 0): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + plusMonths, 1));
}

function monthInput(date: Date): string {
  return date.toISOString().slice(0, 7);
}

async function signIn(key: string): Promise<void> {
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function refreshed(n: number): Promise<void> {
  await page.waitForSelector(`body[data-refreshes="${n}"]`);
  await page.waitForFunction("!document.getElementById('dashboard').hasAttribute('aria-busy')");
}

function graphqlRequestsSince(mark: number): { url: string; authorization?: string }[] {
  return requests.slice(mark).filter((r) => new URL(r.url).pathname === '/graphql');
}

// ---- the story

describe('the revenue dashboard', () => {
  it('is served with a strict policy, and Chart.js from this server', async () => {
    const res = await fetch(`${t.url}/dashboard`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await res.text();
    expect(html).not.toMatch(/https?:\/\//);
    const chart = await fetch(`${t.url}/dashboard/vendor/chart.umd.min.js`);
    expect(chart.status).toBe(200);
    expect(chart.headers.get('content-type')).toMatch(/javascript/);
    expect(await chart.text()).toContain('Chart.js v4');
    // That one file only: neither the route's source nor the rest of the package.
    for (const path of [
      '/dashboard/dashboard.route.ts',
      '/dashboard/vendor/chart.cjs',
      '/dashboard/vendor/chart.umd.js',
      '/dashboard/vendor/%2e%2e/package.json',
    ]) {
      expect({ path, status: (await fetch(`${t.url}${path}`)).status }).toEqual({ path, status: 404 });
    }
  });

  it('asks for a key, and refuses a wrong one without showing anything', async () => {
    expect(await page.locator('#login-view').isVisible()).toBe(true);
    expect(await page.locator('#dashboard').isHidden()).toBe(true);
    // Keyboard first: Tab lands on the skip link.
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement.className')).toBe('skip-link');
    await shot(page, '01-login');

    await signIn('trf_not_a_real_key');
    await page.locator('#login-error', { hasText: 'not accepted' }).waitFor();
    expect(await page.locator('#login-error').textContent()).toBe('This API key was not accepted. Check it and try again.');
    expect(await page.locator('#dashboard').isHidden()).toBe(true);
    expect(await page.evaluate<string | null>("sessionStorage.getItem('tariff.dashboard.key')")).toBeNull();
    await shot(page, '02-wrong-key');
  });

  it('refuses a key that may not read revenue (CUSTOMER)', async () => {
    await signIn(customerKey);
    await page.locator('#login-error', { hasText: 'ADMIN or SALES' }).waitFor();
    expect(await page.locator('#dashboard').isHidden()).toBe(true);
    expect(await page.evaluate<string | null>("sessionStorage.getItem('tariff.dashboard.key')")).toBeNull();
    await shot(page, '03-customer-key-refused');
  });

  it('signs in with the ADMIN key and shows exactly what the API returns for the last 12 months in EUR', async () => {
    const mark = requests.length;
    await signIn(t.adminKey);
    await refreshed(1);

    // The default range: the last 12 whole UTC months, this one included, in the first customer's currency.
    const range = await shown();
    expect(range).toEqual({
      from: startOfMonth(NOW, -11).toISOString(),
      to: startOfMonth(NOW, 1).toISOString(),
      currency: 'EUR',
      interval: 'MONTH',
    });
    expect(await page.locator('#currency option').allTextContents()).toEqual(['EUR', 'USD']);

    const api = await expectPageEqualsApi();
    // And the API against the book, by hand: Acme 10 × 25.00 + Initech 1,200.00 / 12 + Umbrella 10.00
    // in services, and Stark's toner, 43.48125, in goods: 403.48125 rounded once.
    const last = api.revenueMetrics.at(-1);
    expect(last).toMatchObject({ mrr: '403.48', arr: '4841.76', activeCustomers: 4 });
    expect(last.byKind).toEqual([
      { kind: 'SERVICE', mrr: '360.00' },
      { kind: 'PHYSICAL', mrr: '43.48' },
    ]);
    expect(api.mrrMovements[0]).toMatchObject({ kind: 'EXPANSION', delta: '220.00', mrrAfter: '250.00', customer: { name: 'Acme Corp' } });
    expect(await page.locator('#kpi-mrr').textContent()).toBe('€403.48');
    expect(await page.locator('#kpi-arr').textContent()).toBe('€4,841.76');
    expect(await page.locator('#kpi-services-mrr').textContent()).toBe('€360.00');
    expect(await page.locator('#kpi-goods-mrr').textContent()).toBe('€43.48');
    // Sent invoices nobody paid: the book's first ones (100 days ago, due after 30) are 70 days past due.
    const eur = api.agedReceivables.totals.find((r: any) => r.currency === 'EUR');
    expect(new Decimal(eur.days61To90).gt(0)).toBe(true);
    expect(await page.locator('#receivable-total td[data-bucket="days61To90"]').textContent()).toBe(money(eur.days61To90, 'EUR'));

    // Signing in is one request (who the key is, which currencies), the refresh one more; the key
    // travels only as a bearer header to this origin, never in an address.
    const calls = graphqlRequestsSince(mark);
    expect(calls.length).toBeLessThanOrEqual(3);
    expect(calls.every((r) => r.authorization === `Bearer ${t.adminKey}`)).toBe(true);
    expect(requests.every((r) => r.url.startsWith(t.url) && !r.url.includes(t.adminKey))).toBe(true);
    expect(page.url()).toBe(`${t.url}/dashboard`);
    expect(await page.evaluate<string | null>("sessionStorage.getItem('tariff.dashboard.key')")).toBe(t.adminKey);

    // Accessible by construction: landmarks, one visible h1, a label for every control, a scope on
    // every header cell, and each chart an image with a text alternative.
    expect(await page.locator('header, nav, main, footer').count()).toBe(4);
    expect(await page.$$eval('main h1', (els) => els.filter((e: any) => e.offsetParent !== null).length)).toBe(1);
    expect(await page.$$eval('input, select', (els) => els.filter((e: any) => e.labels?.length === 0).length)).toBe(0);
    expect(await page.$$eval('th', (els) => els.filter((e) => !e.getAttribute('scope')).length)).toBe(0);
    const charts = await page.$$eval('canvas', (els) =>
      els.map((e) => ({ role: e.getAttribute('role'), label: e.getAttribute('aria-label') ?? '' })),
    );
    expect(charts).toHaveLength(3);
    for (const chart of charts) expect(chart).toEqual({ role: 'img', label: expect.stringMatching(/\d/) });
    expect(await page.locator('#growth-chart').getAttribute('aria-label')).toContain('€403.48');
    expect(await page.evaluate<string>('document.activeElement.id')).toBe('dashboard-title');

    await shot(page, '04-dashboard');
    await shot(page.locator('#bridge'), '05-bridge');
    await shot(page.locator('#cohorts'), '06-cohorts-revenue');
    await shot(page.locator('#receivables'), '06b-aged-receivables');
  });

  it('switches the cohort heat map to logo retention without a request', async () => {
    const mark = requests.length;
    await page.getByLabel('Show').selectOption('logoRetention');
    expect(await page.locator('#cohort-caption').textContent()).toMatch(/^Logo retention/);
    await expectPageEqualsApi();
    expect(graphqlRequestsSince(mark)).toHaveLength(0);
    await shot(page.locator('#cohorts'), '07-cohorts-logo');
  });

  it('shows another currency in one request', async () => {
    const mark = requests.length;
    await page.getByLabel('Currency').selectOption('USD');
    await page.getByRole('button', { name: 'Update' }).click();
    await refreshed(2);
    expect(graphqlRequestsSince(mark)).toHaveLength(1);
    expect((await shown()).currency).toBe('USD');
    const api = await expectPageEqualsApi();
    expect(api.revenueMetrics.at(-1)).toMatchObject({ mrr: '100.00', activeCustomers: 1 });
    expect(await page.locator('#kpi-mrr').textContent()).toBe('$100.00');
    await shot(page, '08-usd');
  });

  it('shows a chosen range by week, starting with MRR already on the books', async () => {
    const from = startOfMonth(new Date(T0.getTime() + 36 * DAY * 1000));
    await page.getByLabel('Currency').selectOption('EUR');
    await page.getByLabel('From (month)').fill(monthInput(from));
    await page.getByLabel('To (month, included)').fill(monthInput(NOW));
    await page.getByLabel('Chart interval').selectOption('WEEK');
    const mark = requests.length;
    await page.getByRole('button', { name: 'Update' }).click();
    await refreshed(3);
    expect(graphqlRequestsSince(mark)).toHaveLength(1);
    expect(await shown()).toEqual({ from: from.toISOString(), to: startOfMonth(NOW, 1).toISOString(), currency: 'EUR', interval: 'WEEK' });
    const api = await expectPageEqualsApi();
    expect(Number(api.revenueMetrics[0].startMrr)).toBeGreaterThan(0);
    await shot(page, '09-range-by-week');
  });

  it('refuses a range that ends before it starts, without a request', async () => {
    const mark = requests.length;
    await page.getByLabel('From (month)').fill(monthInput(NOW));
    await page.getByLabel('To (month, included)').fill(monthInput(startOfMonth(NOW, -2)));
    await page.getByRole('button', { name: 'Update' }).click();
    await page.locator('#status', { hasText: 'must not be after' }).waitFor();
    expect(await page.getByLabel('From (month)').getAttribute('aria-invalid')).toBe('true');
    expect(graphqlRequestsSince(mark)).toHaveLength(0);
    await shot(page, '10-invalid-range');
  });

  it('signs out, forgetting the key, and lets a SALES key in', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    expect(await page.locator('#login-view').isVisible()).toBe(true);
    expect(await page.locator('#dashboard').isHidden()).toBe(true);
    expect(await page.evaluate<string | null>("sessionStorage.getItem('tariff.dashboard.key')")).toBeNull();
    expect(await page.locator('body').evaluate((b) => b.textContent)).not.toContain('Acme Corp');
    await shot(page, '11-signed-out');

    await signIn(salesKey.secret);
    await refreshed(4);
    expect(await page.locator('#viewer-line').textContent()).toMatch(/\(Sales\)$/);
    await expectPageEqualsApi();
  });

  it('sends a revoked key back to sign-in at the next refresh', async () => {
    await must(t, 'mutation($id: ID!) { revokeApiKey(id: $id) { id } }', { id: salesKey.id });
    await page.getByRole('button', { name: 'Update' }).click();
    await page.locator('#login-error', { hasText: 'not accepted' }).waitFor();
    expect(await page.locator('#dashboard').isHidden()).toBe(true);
    // Nothing of the figures stays behind, hidden or not.
    expect(await page.locator('#movement-rows tr, #growth-rows tr, #cohort-rows tr').count()).toBe(0);
    expect(await page.locator('body').evaluate((b) => b.textContent)).not.toContain('Acme Corp');
    expect(await page.evaluate<string | null>("sessionStorage.getItem('tariff.dashboard.key')")).toBeNull();
    await shot(page, '12-revoked-key');
    // The page ran under its Content-Security-Policy without a violation or a script error.
    expect(problems).toEqual([]);
  });
});
