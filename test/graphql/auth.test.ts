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

  it('signs up a customer that requires purchase orders, and subscribes it only with a number', async () => {
    const customer = (await must(t, signUp, { input: { ...newCustomer('PO Buyer'), purchaseOrderRequired: true } }, shop)).createCustomer
      .id;
    const input = { customerId: customer, items: [{ priceCode: 'shop-seat', quantity: '1' }], collection: 'SEND_INVOICE' };
    const refused = await t.gql(subscribe, { input }, shop);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.purchaseOrderNumber' });
    const sub = (await must(t, subscribe, { input: { ...input, purchaseOrderNumber: 'PO-SHOP-1' } }, shop)).createSubscription;
    expect(sub.customer.id).toBe(customer);
  });

  it('may not choose payment terms at sign-up (credit is the seller’s to give): its customers get the seller’s default', async () => {
    for (const terms of [{ paymentTermsDays: 90 }, { paymentTermsEndOfMonth: true }]) {
      const res = await t.gql(signUp, { input: { ...newCustomer('Generous terms'), ...terms } }, shop);
      expect(forbidden(res)).toEqual(['FORBIDDEN']);
    }
    const id = (await must(t, signUp, { input: newCustomer('Default terms') }, shop)).createCustomer.id;
    const read = await must(t, 'query($id: ID!) { customer(id: $id) { paymentTermsDays paymentTermsEndOfMonth } }', { id });
    expect(read.customer).toEqual({ paymentTermsDays: 30, paymentTermsEndOfMonth: false });
  });

  it('may not put a customer on a test clock, and is never bound to a customer', async () => {
    const clock = (await must(t, 'mutation { createTestClock(frozenTime: "2026-01-01T00:00:00Z") { id } }')).createTestClock.id;
    const res = await t.gql(signUp, { input: { ...newCustomer('Clocked'), testClockId: clock } }, shop);
    expect(forbidden(res)).toEqual(['FORBIDDEN']);
    const bound = await t.gql(createKey, { input: { role: 'STOREFRONT', name: 'bound', customerId: clock } });
    expect(bound.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.customerId' });
  });
});

// The B2B accounts operations (issue 16), each asked by every role on a customer that role may
// otherwise see (its own for a CUSTOMER key, one it created for a STOREFRONT key): allowed is
// OK, anything else FORBIDDEN. A portal session of a VIEWER contact is a CUSTOMER key narrowed
// further: it may do none of them. Each call gets fresh records, so an allowed call changes
// nothing another depends on.
describe('issue 16 authorization matrix', () => {
  const ROLES = ['ADMIN', 'SALES', 'SALES_MANAGER', 'PARTNER', 'STOREFRONT', 'CUSTOMER', 'VIEWER_CONTACT'] as const;
  type MatrixRole = (typeof ROLES)[number];
  const secrets = {} as Record<MatrixRole, string>;
  let acme: string; // the CUSTOMER key's own customer
  let shopCustomer: string; // one the STOREFRONT key created
  let holding: string;
  const address = { line1: '1 Main St', city: 'Oslo', country: 'NO' };
  let n = 0;
  const unique = () => `${Date.now().toString(36)}-${n++}`;
  const admin = (q: string, v?: Record<string, unknown>) => must(t, q, v);

  const newCustomer = async () =>
    (await admin('mutation { createCustomer(input: { name: "M", email: "m@matrix.example", currency: "EUR", taxStatus: EXEMPT }) { id } }'))
      .createCustomer.id as string;
  /** The customer `role` may see: its own, one it created, else a fresh one. */
  const target = async (role: MatrixRole) =>
    role === 'CUSTOMER' || role === 'VIEWER_CONTACT' ? acme : role === 'STOREFRONT' ? shopCustomer : await newCustomer();
  const location = async (customerId: string) =>
    (
      await admin('mutation($c: ID!, $a: AddressInput!) { createLocation(input: { customerId: $c, name: "Dock", address: $a }) { id } }', {
        c: customerId,
        a: address,
      })
    ).createLocation.id as string;
  const contact = async (customerId: string, role = 'BUYER') =>
    (
      await admin('mutation($input: CreateContactInput!) { createContact(input: $input) { id } }', {
        input: { customerId, name: 'Kim', email: `kim-${unique()}@matrix.example`, role },
      })
    ).createContact.id as string;
  const quote = async (customerId: string) =>
    (
      await admin(
        'mutation($c: ID!) { createQuote(input: { customerId: $c, currency: "EUR", lines: [{ priceCode: "matrix-seat", quantity: "1" }] }) { id } }',
        { c: customerId },
      )
    ).createQuote.id as string;

  type Case = [string, string, (role: MatrixRole) => Promise<Record<string, unknown>>, readonly MatrixRole[]];
  const cases: Case[] = [
    [
      'createLocation',
      'mutation($c: ID!, $a: AddressInput!, $x: String!) { createLocation(input: { customerId: $c, name: "Dock", address: $a, externalIds: [{ system: "ERP", id: $x }] }) { id } }',
      async (role) => ({ c: await target(role), a: address, x: unique() }),
      ['ADMIN'],
    ],
    [
      'updateLocation',
      'mutation($id: ID!) { updateLocation(id: $id, input: { name: "Renamed" }) { id } }',
      async (role) => ({ id: await location(await target(role)) }),
      ['ADMIN'],
    ],
    [
      'removeLocation',
      'mutation($id: ID!) { removeLocation(id: $id) { id } }',
      async (role) => ({ id: await location(await target(role)) }),
      ['ADMIN'],
    ],
    [
      'createContact',
      'mutation($input: CreateContactInput!) { createContact(input: $input) { id } }',
      async (role) => ({ input: { customerId: await target(role), name: 'Kim', email: `kim-${unique()}@matrix.example`, role: 'BUYER' } }),
      ['ADMIN'],
    ],
    [
      'updateContact',
      'mutation($id: ID!) { updateContact(id: $id, input: { role: VIEWER }) { id } }',
      async (role) => ({ id: await contact(await target(role)) }),
      ['ADMIN'],
    ],
    [
      'removeContact',
      'mutation($id: ID!) { removeContact(id: $id) { id } }',
      async (role) => ({ id: await contact(await target(role)) }),
      ['ADMIN'],
    ],
    [
      'createPortalSession with contactId',
      'mutation($c: ID!, $k: ID) { createPortalSession(customerId: $c, returnUrl: "https://shop.example/", contactId: $k) { url } }',
      async (role) => {
        const c = await target(role);
        return { c, k: await contact(c) };
      },
      ['ADMIN', 'SALES', 'SALES_MANAGER'],
    ],
    [
      'setQuotePolicy',
      'mutation { setQuotePolicy(input: { maxDiscountPercent: "15", maxTotal: "5" }) { maxTotal } }',
      async () => ({}),
      ['ADMIN'],
    ],
    ['quotePolicy', '{ quotePolicy { maxTotal } }', async () => ({}), ['ADMIN', 'SALES', 'SALES_MANAGER']],
    [
      'approveQuote',
      'mutation($id: ID!) { approveQuote(id: $id, note: "ok") { id } }',
      async (role) => ({ id: await quote(await target(role)) }),
      ['ADMIN', 'SALES_MANAGER'],
    ],
    ['auditLog', '{ auditLog(first: 1) { edges { node { id } } } }', async () => ({}), ['ADMIN']],
    [
      'createCustomer with legal identity and a parent',
      'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
      async (role) => ({
        input: {
          name: 'Child GmbH',
          email: 'child@matrix.example',
          currency: 'EUR',
          taxStatus: 'EXEMPT',
          billingAddress: { line1: 'Hauptstr. 1', city: 'Berlin', country: 'DE' },
          vatId: 'DE136695976',
          parentId: await target(role),
          invoiceTo: 'PARENT',
        },
      }),
      ['ADMIN', 'STOREFRONT'],
    ],
    [
      'updateCustomer with legal identity and a parent',
      'mutation($id: ID!, $p: ID!) { updateCustomer(id: $id, input: { billingAddress: { line1: "Hauptstr. 1", city: "Berlin", country: "DE" }, vatId: "DE136695976", parentId: $p }) { id } }',
      async (role) => ({ id: await target(role), p: holding }),
      ['ADMIN'],
    ],
    [
      'upsertCustomer with legal identity',
      'mutation($input: UpsertCustomerInput!) { upsertCustomer(input: $input) { outcome } }',
      async () => ({
        input: {
          externalId: { system: 'CRM', id: unique() },
          name: 'Upserted GmbH',
          email: 'u@matrix.example',
          currency: 'EUR',
          taxStatus: 'EXEMPT',
          billingAddress: { line1: 'Hauptstr. 1', city: 'Berlin', country: 'DE' },
          vatId: 'DE136695976',
        },
      }),
      ['ADMIN'],
    ],
    [
      'updateSellerSettings with legal identity',
      'mutation { updateSellerSettings(input: { legalName: "Northwind GmbH", address: { line1: "Hauptstr. 1", city: "Berlin", country: "DE" }, vatId: "DE136695976", registrationNumber: "HRB 1" }) { name } }',
      async () => ({}),
      ['ADMIN'],
    ],
    [
      'createSubscription at a location',
      'mutation($c: ID!, $l: ID!) { createSubscription(input: { customerId: $c, locationId: $l, items: [{ priceCode: "matrix-seat", quantity: "1" }], collection: SEND_INVOICE }) { id } }',
      async (role) => {
        const c = await target(role);
        return { c, l: await location(c) };
      },
      ['ADMIN', 'SALES', 'SALES_MANAGER', 'STOREFRONT'],
    ],
    [
      'reading a customer’s group, locations and contacts',
      'query($id: ID!) { customer(id: $id) { parent { id } children { id } payer { id } locations { id } contacts { id } } }',
      async (role) => ({ id: await target(role) }),
      ROLES,
    ],
  ];

  beforeAll(async () => {
    await admin('mutation { createProduct(input: { code: "matrix-plan", name: "Plan" }) { id } }');
    await admin(
      'mutation { createPrice(input: { code: "matrix-seat", productCode: "matrix-plan", currency: "EUR", interval: MONTH, rule: { kind: "per_unit", config: { unitAmount: "10" } } }) { id } }',
    );
    acme = await newCustomer();
    holding = await newCustomer();
    const keyFor = async (role: string, customerId?: string) =>
      (await admin(createKey, { input: { role, name: `matrix ${role}`, customerId } })).createApiKey.secret as string;
    for (const role of ['SALES', 'SALES_MANAGER', 'PARTNER', 'STOREFRONT'] as const) secrets[role] = await keyFor(role);
    secrets.ADMIN = t.adminKey;
    secrets.CUSTOMER = await keyFor('CUSTOMER', acme);
    const { url } = (
      await admin(
        'mutation($c: ID!, $k: ID) { createPortalSession(customerId: $c, returnUrl: "https://shop.example/", contactId: $k) { url } }',
        {
          c: acme,
          k: await contact(acme, 'VIEWER'),
        },
      )
    ).createPortalSession;
    secrets.VIEWER_CONTACT = new URL(url).hash.replace('#session=', '');
    shopCustomer = (
      await must(
        t,
        'mutation { createCustomer(input: { name: "Shop buyer", email: "s@matrix.example", currency: "EUR", taxStatus: EXEMPT }) { id } }',
        undefined,
        secrets.STOREFRONT,
      )
    ).createCustomer.id;
  });

  it('covers every operation issue 16 added to the schema', async () => {
    const fields = async (type: string) =>
      ((await t.gql<Untyped>(`{ __type(name: "${type}") { fields { name } } }`)).data!.__type.fields as { name: string }[]).map(
        (f) => f.name,
      );
    const root = [...(await fields('Mutation')), ...(await fields('Query'))];
    const added = [
      'createLocation',
      'updateLocation',
      'removeLocation',
      'createContact',
      'updateContact',
      'removeContact',
      'setQuotePolicy',
      'quotePolicy',
      'approveQuote',
      'auditLog',
    ];
    expect(root).toEqual(expect.arrayContaining(added));
    const covered = new Set(cases.map(([name]) => name.split(' ')[0]));
    expect(added.filter((op) => !covered.has(op))).toEqual([]);
  });

  it.each(cases)('%s', async (_name, document, variables, allowed) => {
    const outcomes: Record<string, string> = {};
    const expected: Record<string, string> = {};
    for (const role of ROLES) {
      const res = await t.gql(document, await variables(role), secrets[role]);
      outcomes[role] = res.errors ? String(res.errors[0].extensions?.code) : 'OK';
      expected[role] = allowed.includes(role) ? 'OK' : 'FORBIDDEN';
    }
    expect(outcomes).toEqual(expected);
  });
});

describe('credit limits (issue 16)', () => {
  const limited = 'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }';
  const setLimit = 'mutation($id: ID!, $limit: Decimal) { updateCustomer(id: $id, input: { creditLimit: $limit }) { id } }';
  const upsertLimit = `mutation($limit: Decimal) { upsertCustomer(input: { externalId: { system: "SAP", id: "auth-credit" }, name: "C",
    email: "c@credit.example", currency: "EUR", taxStatus: EXEMPT, creditLimit: $limit }) { outcome } }`;
  const read = `query($id: ID!) { customer(id: $id) { creditLimit creditExposure }
    customers(first: 100, filter: { overCreditLimit: false }) { edges { node { id } } } }`;
  const input = { name: 'Credit Co', email: 'ap@credit.example', currency: 'EUR', taxStatus: 'EXEMPT', creditLimit: '500' };
  const keyOf = async (role: string, customerId?: string) =>
    (await must(t, createKey, { input: { role, name: `${role} credit`, customerId } })).createApiKey.secret as string;

  it('only an ADMIN key sets or lifts a limit; a storefront may not set one when signing a customer up', async () => {
    const id = (await must(t, limited, { input })).createCustomer.id as string;
    for (const role of ['SALES', 'SALES_MANAGER', 'PARTNER', 'STOREFRONT']) {
      const key = await keyOf(role);
      for (const [q, v] of [
        [setLimit, { id, limit: null }],
        [upsertLimit, { limit: '1' }],
      ] as const) {
        const res = await t.gql(q, v, key);
        expect({ role, q, code: res.errors?.[0].extensions?.code }).toEqual({ role, q, code: 'FORBIDDEN' });
      }
    }
    const portal = await keyOf('CUSTOMER', id);
    expect((await t.gql(setLimit, { id, limit: null }, portal)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const shop = await keyOf('STOREFRONT');
    expect((await t.gql(limited, { input }, shop)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const { creditLimit: _none, ...signUp } = input;
    expect((await t.gql(limited, { input: signUp }, shop)).errors).toBeUndefined();
  });

  it('every key that reads the customer reads its limit and exposure, a CUSTOMER key its own', async () => {
    const id = (await must(t, limited, { input })).createCustomer.id as string;
    for (const key of [await keyOf('SALES'), await keyOf('SALES_MANAGER'), await keyOf('PARTNER'), await keyOf('CUSTOMER', id)]) {
      const res = await must(t, read, { id }, key);
      expect(res.customer).toEqual({ creditLimit: '500.00', creditExposure: '0.00' });
      expect(res.customers.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(id);
    }
  });
});
