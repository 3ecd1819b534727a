import { startTestApp, TestApp, Untyped } from '../support/app';
import { must } from '../support/catalog';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const createKey = `mutation($input: CreateApiKeyInput!) {
  createApiKey(input: $input) { secret apiKey { id name role prefix customer { id } } }
}`;

describe('authentication', () => {
  it('serves /health without a key', async () => {
    const res = await fetch(`${t.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('refuses an anonymous request with UNAUTHENTICATED and 401', async () => {
    const res = await t.gql('{ __typename }', undefined, null);
    expect(res.status).toBe(401);
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.data).toBeUndefined();
  });

  it.each([['Bearer nope'], ['Basic abc'], ['Bearer'], ['']])('refuses the header %p', async (header) => {
    const res = await t.gql('{ __typename }', undefined, null, { authorization: header });
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('answers an authenticated query', async () => {
    const res = await t.gql('{ __typename viewer { name role customerId } }');
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ __typename: 'Query', viewer: { name: 'TARIFF_ADMIN_KEY', role: 'ADMIN', customerId: null } });
  });
});

describe('API keys', () => {
  it('creates a key whose secret works once created and stops working once revoked', async () => {
    const created = await t.gql<Untyped>(createKey, { input: { role: 'SALES', name: 'CRM sync' } });
    expect(created.errors).toBeUndefined();
    const { secret, apiKey } = created.data!.createApiKey;
    expect(apiKey).toMatchObject({ name: 'CRM sync', role: 'SALES', customer: null });
    expect(secret.startsWith(apiKey.prefix)).toBe(true);

    const asSales = await t.gql<Untyped>('{ viewer { role name } }', undefined, secret);
    expect(asSales.data?.viewer).toEqual({ role: 'SALES', name: 'CRM sync' });

    const revoked = await t.gql<Untyped>('mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }', { id: apiKey.id });
    expect(revoked.data?.revokeApiKey.revokedAt).toEqual(expect.any(String));
    const after = await t.gql('{ viewer { role } }', undefined, secret);
    expect(after.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets only ADMIN create keys (FORBIDDEN otherwise)', async () => {
    const sales = (await t.gql<Untyped>(createKey, { input: { role: 'SALES', name: 'sales' } })).data!.createApiKey.secret;
    const res = await t.gql(createKey, { input: { role: 'ADMIN', name: 'escalation' } }, sales);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(res.data).toBeNull();
  });

  it('requires a customer for CUSTOMER keys and refuses one for other roles', async () => {
    const missing = await t.gql(createKey, { input: { role: 'CUSTOMER', name: 'portal' } });
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.customerId' });
    const extra = await t.gql(createKey, { input: { role: 'SALES', name: 'x', customerId: '00000000-0000-4000-8000-000000000000' } });
    expect(extra.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.customerId' });
    const unknown = await t.gql(createKey, { input: { role: 'CUSTOMER', name: 'x', customerId: '00000000-0000-4000-8000-000000000000' } });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.customerId' });
  });

  it('answers a malformed id with NOT_FOUND, not an internal error', async () => {
    const res = await t.gql('mutation { revokeApiKey(id: "not-a-uuid") { id } }');
    expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses revoking twice with CONFLICT', async () => {
    const { apiKey } = (await t.gql<Untyped>(createKey, { input: { role: 'PARTNER', name: 'gateway' } })).data!.createApiKey;
    await t.gql('mutation($id: ID!) { revokeApiKey(id: $id) { id } }', { id: apiKey.id });
    const again = await t.gql('mutation($id: ID!) { revokeApiKey(id: $id) { id } }', { id: apiKey.id });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
  });
});

describe('listing API keys', () => {
  const list =
    'query($first: Int, $after: String) { apiKeys(first: $first, after: $after) { edges { cursor node { id name role prefix createdAt revokedAt } } pageInfo { hasNextPage endCursor } } }';

  it('lists every key page by page, oldest first, revoked ones with revokedAt, and no secret anywhere', async () => {
    const made = [];
    for (const name of ['list one', 'list two', 'list three'])
      made.push((await t.gql<Untyped>(createKey, { input: { role: 'STOREFRONT', name } })).data!.createApiKey);
    await t.gql('mutation($id: ID!) { revokeApiKey(id: $id) { id } }', { id: made[1].apiKey.id });

    const seen: Record<string, any>[] = [];
    const bodies: string[] = [];
    for (let after: string | null = null, more = true; more;) {
      const res: any = await t.gql(list, { first: 2, after });
      expect(res.errors).toBeUndefined();
      bodies.push(JSON.stringify(res.data));
      seen.push(...res.data.apiKeys.edges.map((e: any) => e.node));
      ({ hasNextPage: more, endCursor: after } = res.data.apiKeys.pageInfo);
    }
    const ids = seen.map((k) => k.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(made.map((m) => m.apiKey.id)));
    expect(seen.map((k) => k.createdAt)).toEqual([...seen.map((k) => k.createdAt)].sort());
    const byId = new Map(seen.map((k) => [k.id, k]));
    expect(byId.get(made[1].apiKey.id)).toMatchObject({ name: 'list two', role: 'STOREFRONT', revokedAt: expect.any(String) });
    expect(byId.get(made[0].apiKey.id)).toMatchObject({ name: 'list one', revokedAt: null });
    // Neither the secrets nor their hashes: only the prefix, which tells keys apart.
    const hashes = await t.app.db.orm.em.fork().execute<{ secret_hash: string }[]>('select secret_hash from api_key');
    for (const secret of [...made.map((m) => m.secret), t.adminKey, ...hashes.map((h) => h.secret_hash)]) {
      expect(bodies.join('\n')).not.toContain(secret);
    }
    const fields = (await t.gql<Untyped>('{ __type(name: "ApiKey") { fields { name } } }')).data!.__type.fields.map((f: any) => f.name);
    expect(fields.filter((f: string) => /secret|hash/i.test(f))).toEqual([]);
  });

  it('finds a key whose id was not kept, by its name or prefix, so that it can be revoked', async () => {
    const { secret } = (await t.gql<Untyped>(createKey, { input: { role: 'SALES', name: 'forgotten' } })).data!.createApiKey;
    const all = (await t.gql<Untyped>(list, { first: 100 })).data!.apiKeys.edges.map((e: any) => e.node);
    const found = all.find((k: any) => k.name === 'forgotten' && secret.startsWith(k.prefix));
    await t.gql('mutation($id: ID!) { revokeApiKey(id: $id) { id } }', { id: found.id });
    expect((await t.gql('{ viewer { role } }', undefined, secret)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it.each(['SALES', 'PARTNER', 'STOREFRONT'])('refuses a %s key with FORBIDDEN', async (role) => {
    const { secret } = (await t.gql<Untyped>(createKey, { input: { role, name: `${role} lister` } })).data!.createApiKey;
    const res = await t.gql(list, {}, secret);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(res.data).toBeNull();
  });

  it('refuses a bad page size or cursor with BAD_USER_INPUT', async () => {
    expect((await t.gql(list, { first: 0 })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect((await t.gql(list, { after: 'nope' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe('STOREFRONT keys', () => {
  const storefront = async (name: string) =>
    (await t.gql<Untyped>(createKey, { input: { role: 'STOREFRONT', name } })).data!.createApiKey.secret as string;
  const signUp = 'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id name } }';
  const subscribe = 'mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id status customer { id } } }';
  const preview = 'query($input: PreviewQuoteInput!) { previewQuote(input: $input) { total } }';
  const readAll = `query($id: ID!, $sub: ID!, $inv: ID!) {
    customer(id: $id) { id } subscription(id: $sub) { id } invoice(id: $inv) { id }
    customers(first: 100) { edges { node { id } } }
    subscriptions(first: 100, customerId: $id) { edges { node { id } } }
    invoices(first: 100) { edges { node { id customer { id } } } }
  }`;
  const newCustomer = (name: string) => ({
    name,
    email: `${name.replace(/\W/g, '')}@shop.example`,
    currency: 'EUR',
    taxStatus: 'TAXABLE',
    taxRate: '19',
  });
  const forbidden = (res: { errors?: { extensions?: Record<string, any> }[] }) => res.errors?.map((e) => e.extensions?.code);
  let shop: string;
  let otherShop: string;

  beforeAll(async () => {
    await must(t, 'mutation { createProduct(input: { code: "shop-plan", name: "Plan" }) { id } }');
    await must(
      t,
      'mutation { createPrice(input: { code: "shop-seat", productCode: "shop-plan", currency: "EUR", interval: MONTH, rule: { kind: "per_unit", config: { unitAmount: "10" } } }) { id } }',
    );
    shop = await storefront('shop one');
    otherShop = await storefront('shop two');
  });

  /** A customer signed up and subscribed by `key`, with its first invoice. */
  const signedUp = async (key: string, name: string) => {
    const customer = (await must(t, signUp, { input: newCustomer(name) }, key)).createCustomer.id as string;
    const sub = (
      await must(
        t,
        subscribe,
        { input: { customerId: customer, items: [{ priceCode: 'shop-seat', quantity: '2' }], collection: 'SEND_INVOICE' } },
        key,
      )
    ).createSubscription;
    const inv = (await must(t, 'query($c: ID) { invoices(customerId: $c) { edges { node { id } } } }', { c: customer })).invoices.edges[0]
      .node.id as string;
    return { customer, sub: sub.id as string, inv };
  };

  it('reads the catalog, signs a customer up, previews its quote and subscribes it, then reads what it made', async () => {
    const prices = await must(
      t,
      '{ prices(first: 100) { edges { node { code } } } products(first: 100) { edges { node { code } } } }',
      {},
      shop,
    );
    expect(prices.prices.edges.map((e: any) => e.node.code)).toContain('shop-seat');
    const own = await signedUp(shop, 'Shop Customer One');
    const quote = await must(
      t,
      preview,
      { input: { customerId: own.customer, currency: 'EUR', lines: [{ priceCode: 'shop-seat', quantity: '2' }] } },
      shop,
    );
    expect(quote.previewQuote.total).toBe('23.80');
    const read = await must(t, readAll, { id: own.customer, sub: own.sub, inv: own.inv }, shop);
    expect(read.customer.id).toBe(own.customer);
    expect(read.subscription.id).toBe(own.sub);
    expect(read.invoice.id).toBe(own.inv);
    expect(read.subscriptions.edges.map((e: any) => e.node.id)).toEqual([own.sub]);
    expect(read.customers.edges.map((e: any) => e.node.id)).toEqual([own.customer]);
    expect(read.invoices.edges.map((e: any) => e.node.customer.id)).toEqual([own.customer]);
  });

  it('cannot see or subscribe another storefront’s customer nor one the seller’s staff created', async () => {
    const theirs = await signedUp(otherShop, 'Shop Customer Two');
    const staffs = await signedUp(t.adminKey, 'Staff Customer');
    for (const other of [theirs, staffs]) {
      for (const [q, v] of [
        ['query($id: ID!) { customer(id: $id) { id } }', { id: other.customer }],
        ['query($id: ID!) { subscription(id: $id) { id } }', { id: other.sub }],
        ['query($id: ID!) { invoice(id: $id) { id } }', { id: other.inv }],
        ['query($id: ID!) { upcomingInvoice(subscriptionId: $id) { total } }', { id: other.sub }],
        [preview, { input: { customerId: other.customer, currency: 'EUR', lines: [{ priceCode: 'shop-seat', quantity: '1' }] } }],
        [subscribe, { input: { customerId: other.customer, items: [{ priceCode: 'shop-seat', quantity: '1' }] } }],
      ] as const) {
        const res = await t.gql(q, v, shop);
        expect({ q, codes: forbidden(res) }).toEqual({ q, codes: ['FORBIDDEN'] });
      }
      const lists = await must(
        t,
        'query($c: ID) { subscriptions(customerId: $c) { edges { node { id } } } invoices(customerId: $c) { edges { node { id } } } }',
        { c: other.customer },
        shop,
      );
      expect(lists).toEqual({ subscriptions: { edges: [] }, invoices: { edges: [] } });
    }
    const subscriptions = (
      await must(t, 'query($c: ID) { subscriptions(customerId: $c) { edges { node { id } } } }', { c: theirs.customer })
    ).subscriptions.edges;
    expect(subscriptions).toHaveLength(1);
    const all = await must(t, '{ customers(first: 100) { edges { node { name } } } }', {}, shop);
    expect(all.customers.edges.map((e: any) => e.node.name)).not.toEqual(expect.arrayContaining(['Shop Customer Two']));
    expect(all.customers.edges.map((e: any) => e.node.name)).not.toEqual(expect.arrayContaining(['Staff Customer']));
  });

  it.each([
    ['updateCustomer', 'mutation($id: ID!) { updateCustomer(id: $id, input: { name: "renamed" }) { id } }'],
    ['cancelSubscription', 'mutation($id: ID!) { cancelSubscription(id: $id, atPeriodEnd: false) { id } }'],
    [
      'createQuote',
      'mutation($id: ID!) { createQuote(input: { customerId: $id, currency: "EUR", lines: [{ priceCode: "shop-seat", quantity: "1" }] }) { id } }',
    ],
    ['createApiKey', 'mutation($id: ID!) { createApiKey(input: { role: CUSTOMER, customerId: $id, name: "escalation" }) { secret } }'],
    ['createPortalSession', 'mutation($id: ID!) { createPortalSession(customerId: $id, returnUrl: "https://shop.example") { url } }'],
    [
      'createPrice',
      'mutation { createPrice(input: { code: "shop-new", productCode: "shop-plan", currency: "EUR", interval: MONTH, rule: { kind: "flat", config: { amount: "0" } } }) { id } }',
    ],
  ])('may not %s, even for its own customer (FORBIDDEN)', async (name, q) => {
    const own = await signedUp(shop, `Own ${name}`);
    const id = name === 'cancelSubscription' ? own.sub : own.customer;
    const res = await t.gql(q, q.includes('$id') ? { id } : {}, shop);
    expect(forbidden(res)).toEqual(['FORBIDDEN']);
  });

  it('may not put a customer on a test clock, and is never bound to a customer', async () => {
    const clock = (await must(t, 'mutation { createTestClock(frozenTime: "2026-01-01T00:00:00Z") { id } }')).createTestClock.id;
    const res = await t.gql(signUp, { input: { ...newCustomer('Clocked'), testClockId: clock } }, shop);
    expect(forbidden(res)).toEqual(['FORBIDDEN']);
    const bound = await t.gql(createKey, { input: { role: 'STOREFRONT', name: 'bound', customerId: clock } });
    expect(bound.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.customerId' });
  });
});
