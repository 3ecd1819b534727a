import { ManualClock } from '../../src/domain/shared/clock';
import { startTestApp, TestApp, Untyped } from '../support/app';
import { createCustomer, must } from '../support/catalog';

const START = new Date('2027-03-01T10:00:00Z');
const clock = new ManualClock(START);
let t: TestApp;
let customerId: string;
let otherCustomerId: string;
let sql: string[] = [];

beforeAll(async () => {
  t = await startTestApp({ clock, onQuery: (q) => sql.push(q) });
  customerId = await createCustomer(t);
  otherCustomerId = await createCustomer(t);
});
afterAll(async () => {
  await t.close();
});

const create = `mutation($customerId: ID!, $returnUrl: String!) {
  createPortalSession(customerId: $customerId, returnUrl: $returnUrl) { id url expiresAt }
}`;
const sessionInfo = '{ portalSession { customer { id name email } returnUrl expiresAt } }';

async function newKey(role: string, customer?: string): Promise<string> {
  const data = await must(t, 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }', {
    input: { role, name: `${role} key`, customerId: customer ?? null },
  });
  return data.createApiKey.secret;
}

async function link(
  key?: string,
  returnUrl = 'https://shop.example.com/account',
): Promise<{ id: string; url: string; expiresAt: string; secret: string }> {
  const data = await must(t, create, { customerId, returnUrl }, key);
  const made = data.createPortalSession;
  return { ...made, secret: new URL(made.url).hash.replace(/^#session=/, '') };
}

describe('createPortalSession', () => {
  it('makes a link to /portal on this server, the secret in its fragment, valid for 60 minutes', async () => {
    const made = await link();
    const url = new URL(made.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${t.url}/portal`);
    expect(url.search).toBe('');
    expect(made.secret).toMatch(/^trf_[A-Za-z0-9_-]{32}$/);
    expect(new Date(made.expiresAt).getTime() - clock.now().getTime()).toBe(60 * 60_000);
  });

  it("gives a CUSTOMER key for that customer that reads its own data and nothing else's", async () => {
    const { id, secret } = await link();
    const viewer = await must(t, '{ viewer { name role customerId } }', undefined, secret);
    expect(viewer.viewer).toEqual({ name: `portal session ${id}`, role: 'CUSTOMER', customerId });

    const own = await t.gql<Untyped>('query($id: ID!) { customer(id: $id) { id } }', { id: customerId }, secret);
    expect(own.data?.customer).toEqual({ id: customerId });
    const other = await t.gql('query($id: ID!) { customer(id: $id) { id } }', { id: otherCustomerId }, secret);
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const otherUpdate = await t.gql(
      'mutation($id: ID!) { updateCustomer(id: $id, input: { name: "Mine" }) { id } }',
      { id: otherCustomerId },
      secret,
    );
    expect(otherUpdate.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // Nor may it make links of its own, for itself or anyone.
    const again = await t.gql(create, { customerId, returnUrl: 'https://shop.example.com/' }, secret);
    expect(again.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('answers portalSession for the session key, and null for any other key', async () => {
    const made = await link(undefined, 'https://shop.example.com/account?tab=billing');
    const info = await must(t, sessionInfo, undefined, made.secret);
    expect(info.portalSession).toEqual({
      customer: { id: customerId, name: 'Customer', email: 'c@example.com' },
      returnUrl: 'https://shop.example.com/account?tab=billing',
      expiresAt: made.expiresAt,
    });
    expect((await must(t, sessionInfo)).portalSession).toBeNull();
    expect((await must(t, sessionInfo, undefined, await newKey('CUSTOMER', customerId))).portalSession).toBeNull();
  });

  it('refuses the key once expiresAt has passed on the server clock (401, "portal session expired")', async () => {
    const { secret } = await link();
    clock.advanceSeconds(59 * 60 + 59);
    expect((await t.gql('{ viewer { role } }', undefined, secret)).status).toBe(200);
    clock.advanceSeconds(1);
    const res = await t.gql('{ viewer { role } }', undefined, secret);
    expect(res.status).toBe(401);
    expect(res.errors?.[0]).toMatchObject({ message: 'portal session expired', extensions: { code: 'UNAUTHENTICATED' } });
    expect(res.data).toBeUndefined();
  });

  it('refuses a tampered secret with 401', async () => {
    const { secret } = await link();
    const last = secret.slice(-1);
    const tampered = secret.slice(0, -1) + (last === 'A' ? 'B' : 'A');
    const res = await t.gql(sessionInfo, undefined, tampered);
    expect(res.status).toBe(401);
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('authenticates in one SQL statement, expired or not', async () => {
    const { secret } = await link();
    sql = [];
    await must(t, '{ viewer { role } }', undefined, secret);
    expect(sql.filter((q) => /\bapi_key\b/.test(q))).toHaveLength(1);
  });

  it('lets SALES make links; CUSTOMER and PARTNER keys get FORBIDDEN', async () => {
    const made = await link(await newKey('SALES'));
    expect((await must(t, sessionInfo, undefined, made.secret)).portalSession.customer.id).toBe(customerId);
    for (const key of [await newKey('CUSTOMER', customerId), await newKey('PARTNER')]) {
      const res = await t.gql(create, { customerId, returnUrl: 'https://shop.example.com/' }, key);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(res.data).toBeNull();
    }
  });

  it.each([
    ['a relative path', '/account'],
    ['a script URL', 'javascript:alert(document.cookie)'],
    ['a data URL', 'data:text/html,<script>alert(1)</script>'],
    ['another scheme', 'ftp://files.example.com/'],
    ['credentials', 'https://user:secret@shop.example.com/'],
    ['nothing', '   '],
    ['too long', `https://shop.example.com/${'a'.repeat(2100)}`],
  ])('refuses %s as returnUrl with BAD_USER_INPUT', async (_what, returnUrl) => {
    const res = await t.gql(create, { customerId, returnUrl });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'returnUrl' });
    expect(res.data).toBeNull();
  });

  it('answers an unknown or malformed customer with NOT_FOUND', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'nope']) {
      const res = await t.gql(create, { customerId: id, returnUrl: 'https://shop.example.com/' });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'customerId' });
    }
  });
});

describe('GET /portal', () => {
  it('serves the page without a key, under a Content-Security-Policy that allows this origin only', async () => {
    const res = await fetch(`${t.url}/portal`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'self'(;|$)/);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await res.text();
    expect(html).toContain('<script src="/portal/portal.js" defer></script>');
    expect(html).not.toMatch(/https?:\/\//);

    const js = await fetch(`${t.url}/portal/portal.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect(js.headers.get('content-security-policy')).toMatch(/^default-src 'self'/);
    expect((await fetch(`${t.url}/portal/portal.route.ts`)).status).toBe(404);
  });
});

describe('portal settings from the environment', () => {
  it('takes the TTL from TARIFF_PORTAL_SESSION_MINUTES and the origin from TARIFF_PUBLIC_URL', async () => {
    const other = await startTestApp({
      clock,
      env: { TARIFF_PORTAL_SESSION_MINUTES: '5', TARIFF_PUBLIC_URL: 'https://billing.example.com/' },
    });
    try {
      const id = await createCustomer(other);
      const data = await must(other, create, { customerId: id, returnUrl: 'https://shop.example.com/' });
      expect(data.createPortalSession.url).toMatch(/^https:\/\/billing\.example\.com\/portal#session=trf_/);
      expect(new Date(data.createPortalSession.expiresAt).getTime() - clock.now().getTime()).toBe(5 * 60_000);
    } finally {
      await other.close();
    }
  });
});
