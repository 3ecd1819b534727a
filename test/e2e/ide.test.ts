import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { startTestApp, TestApp } from '../support/app';
import { launchChromium, newBrowserContext, openPage, screenshotter } from '../support/browser';
import { must } from '../support/catalog';

// The GraphQL IDE at GET /graphql in a real browser (test/support/browser.ts): every request the
// page makes is recorded, and none may leave this server's origin. Screenshots land in
// test-artifacts/ide/.
const shot = screenshotter('ide');

jest.setTimeout(60_000);

const STORAGE_KEY = 'tariff.ide.key';

let t: TestApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];
const requests: Request[] = [];

beforeAll(async () => {
  [t, browser] = await Promise.all([
    // Default limits: GraphiQL's standard introspection query must pass them as it is (CONTRACT.md).
    startTestApp(),
    launchChromium(),
  ]);
  context = await newBrowserContext(browser);
  context.on('request', (request) => requests.push(request));
  await must(
    t,
    'mutation { createCustomer(input: { name: "Initech GmbH", email: "ap@initech.example", currency: "EUR", taxStatus: EXEMPT }) { id } }',
  );
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

function graphqlPosts(): Request[] {
  return requests.filter((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/graphql');
}

describe('GET /graphql', () => {
  it('serves the IDE to a browser, under the hosted pages’ policy, and the API to anything else', async () => {
    const html = await fetch(`${t.url}/graphql`, {
      headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' },
    });
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html.headers.get('vary')).toMatch(/Accept/);
    const csp = html.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/https?:|unsafe-inline|unsafe-eval/);
    expect(html.headers.get('x-frame-options')).toBe('DENY');
    const body = await html.text();
    expect(body).toContain('<script src="/ide/ide.js" defer></script>');
    expect(body).not.toMatch(/https?:\/\//);

    // Built on first use in a source run (esbuild, a few seconds on a busy machine): asked for
    // here so the browser below does not wait on it.
    const js = await fetch(`${t.url}/ide/ide.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await js.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
    const css = await fetch(`${t.url}/ide/ide.css`);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(await css.text()).toContain('.graphiql-container');

    // A GraphQL client's GET (no Accept, or JSON) still reaches the API, and without a key is refused.
    for (const accept of [undefined, 'application/json', 'application/graphql-response+json']) {
      const api = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
        headers: { 'apollo-require-preflight': 'true', ...(accept ? { accept } : {}) },
      });
      expect(api.status).toBe(401);
      expect(api.headers.get('content-type')).toMatch(/json/);
    }
    const withKey = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/json', authorization: `Bearer ${t.adminKey}`, 'apollo-require-preflight': 'true' },
    });
    expect(await withKey.json()).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('the IDE in a browser', () => {
  it('opens with no key, asks for one and sends nothing to the API', async () => {
    ({ page, problems } = await openPage(context, `${t.url}/graphql`));
    await expect(page.locator('#key-status').textContent()).resolves.toMatch(/^No key/);
    await page.locator('.graphiql-container').waitFor();
    expect(graphqlPosts()).toHaveLength(0);
    expect(await page.evaluate<string | null>(`sessionStorage.getItem('${STORAGE_KEY}')`)).toBeNull();
    // The key field is labelled, as on the other hosted pages.
    await expect(page.getByLabel('API key').getAttribute('type')).resolves.toBe('password');
    await shot(page, '01-no-key');
  });

  it('says so when the key is refused', async () => {
    await page.getByLabel('API key').fill('not-a-key');
    await page.getByRole('button', { name: 'Use key' }).click();
    await page.locator('#key-status', { hasText: 'This key was not accepted' }).waitFor();
    await shot(page, '02-refused');
  });

  it('takes the key, keeps it in sessionStorage, and loads the schema by introspection with it', async () => {
    await page.getByLabel('API key').fill(t.adminKey);
    await page.getByRole('button', { name: 'Use key' }).click();
    await page.locator('#key-status', { hasText: 'Schema loaded' }).waitFor();
    expect(await page.evaluate<string | null>(`sessionStorage.getItem('${STORAGE_KEY}')`)).toBe(t.adminKey);
    const introspection = graphqlPosts().find(
      (r) => (r.postData() ?? '').includes('__schema') && r.headers().authorization === `Bearer ${t.adminKey}`,
    );
    expect(introspection).toBeDefined();
    // The schema reached the editor: the docs explorer lists the root types.
    await page.getByRole('button', { name: /Show Documentation Explorer/i }).click();
    await page.locator('.graphiql-doc-explorer', { hasText: 'Query' }).waitFor();
    await shot(page, '03-schema');
  });

  it('runs a query typed into the editor and shows the answer', async () => {
    const editor = page.locator('.graphiql-query-editor .CodeMirror');
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText('query Named { customers(first: 5) { edges { node { name email } } } }');
    // GraphiQL reads the operation's name from the editor a moment after typing: the tab shows it.
    await page.locator('.graphiql-tab', { hasText: 'Named' }).waitFor();
    const before = graphqlPosts().length;
    await page.getByRole('button', { name: /Execute query/i }).click();
    const response = page.locator('.graphiql-response');
    await response.getByText('Initech GmbH').waitFor();
    expect(await response.textContent()).toContain('ap@initech.example');
    const sent = graphqlPosts().slice(before);
    expect(sent).toHaveLength(1);
    expect(JSON.parse(sent[0].postData()!)).toMatchObject({ operationName: 'Named' });
    expect(await sent[0].headerValue('authorization')).toBe(`Bearer ${t.adminKey}`);
    await shot(page, '04-result');
  });

  it('keeps the key across a reload of the tab, and forgets it on request', async () => {
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await page.locator('#key-status', { hasText: 'Schema loaded' }).waitFor();
    await page.getByRole('button', { name: 'Forget key' }).click();
    await expect(page.locator('#key-status').textContent()).resolves.toMatch(/^No key/);
    expect(await page.evaluate<string | null>(`sessionStorage.getItem('${STORAGE_KEY}')`)).toBeNull();
    await expect(page.getByLabel('API key').inputValue()).resolves.toBe('');
  });

  it('made no request to another origin and met no script error or policy violation', () => {
    const origin = new URL(t.url).origin;
    expect(requests.length).toBeGreaterThan(4);
    // data: URLs (GraphiQL's inlined fonts and icons) are part of the page, not a request out.
    const elsewhere = requests.map((r) => r.url()).filter((url) => !url.startsWith('data:') && new URL(url).origin !== origin);
    expect(elsewhere).toEqual([]);
    expect(problems).toEqual([]);
  });
});
