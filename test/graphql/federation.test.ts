import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { composeServices } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { buildSubgraphSchema } from '@apollo/subgraph';
import fc from 'fast-check';
import { parse } from 'graphql';
import { ManualClock } from '../../src/domain/shared/clock';
import { startTestApp, TestApp, Untyped } from '../support/app';
import { createCustomer, createPrice, createProduct, must } from '../support/catalog';

// CONTRACT.md, Federation: Tariff is an Apollo Federation 2 subgraph. A partner CRM subgraph adds
// `accountOwner` to Customer and returns Customer references of its own; a gateway composes both.

const CRM_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Customer @key(fields: "id") { id: ID! accountOwner: String }
  type Account { name: String! customer: Customer }
  type Query { accounts: [Account!]! }
`;

const silent = { debug() {}, info() {}, warn() {}, error() {} };

let statements = 0;
let t: TestApp;
let acme: string;
let globex: string;
let acmeKey: string;
let partnerKey: string;
let subscription: string;
let invoice: string;
let quote: string;
let seatV1: string;
const extraCustomers: string[] = [];

/** What the CRM subgraph knows, and the Authorization headers it was sent. */
const owners = new Map<string, string>();
const accounts: { name: string; customerId: string }[] = [];
const crmAuthorizations: (string | undefined)[] = [];
const stops: (() => Promise<void>)[] = [];
let gatewayUrl: string;
let supergraphSdl: string;

async function startCrm(): Promise<string> {
  const crm = new ApolloServer<{ authorization?: string }>({
    schema: buildSubgraphSchema({
      typeDefs: parse(CRM_SDL),
      resolvers: {
        Query: { accounts: () => accounts.map((a) => ({ name: a.name, customer: { id: a.customerId } })) },
        Customer: {
          __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
          accountOwner: (customer: { id: string }) => owners.get(customer.id) ?? null,
        },
      } as never,
    }),
    logger: silent,
  });
  const { url } = await startStandaloneServer(crm, {
    listen: { host: '127.0.0.1', port: 0 },
    context: async ({ req }) => {
      crmAuthorizations.push(req.headers.authorization);
      return { authorization: req.headers.authorization };
    },
  });
  stops.push(() => crm.stop());
  return url;
}

async function startGateway(): Promise<string> {
  const gateway = new ApolloGateway({
    supergraphSdl,
    logger: silent,
    buildService: ({ url }) =>
      new RemoteGraphQLDataSource<{ authorization?: string }>({
        url,
        // The caller's API key goes to every subgraph: Tariff authorizes each reference with it.
        willSendRequest({ request, context }) {
          if (context.authorization) request.http?.headers.set('authorization', context.authorization);
        },
      }),
  });
  const server = new ApolloServer<{ authorization?: string }>({ gateway: gateway as never, logger: silent });
  const { url } = await startStandaloneServer(server, {
    listen: { host: '127.0.0.1', port: 0 },
    context: async ({ req }) => ({ authorization: req.headers.authorization }),
  });
  stops.push(() => server.stop());
  return url;
}

async function viaGateway(query: string, key: string) {
  const res = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] };
}

const entitiesQ = `query($representations: [_Any!]!) { _entities(representations: $representations) {
  __typename
  ... on Customer { id name }
  ... on Subscription { id subscriptionStatus: status customer { id } }
  ... on Invoice { id number total customer { id } }
  ... on Quote { id quoteStatus: status customer { id } }
  ... on Price { id code version isCurrent product { code } }
  ... on Product { id code name }
} }`;

async function entities(representations: unknown[], key?: string) {
  return t.gql<Untyped>(entitiesQ, { representations }, key);
}

async function key(role: string, customerId?: string): Promise<string> {
  return (
    await must(t, 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }', {
      input: { role, name: role.toLowerCase(), customerId },
    })
  ).createApiKey.secret;
}

beforeAll(async () => {
  t = await startTestApp({ clock: new ManualClock(new Date('2026-03-01T00:00:00Z')), onQuery: () => statements++ });
  await createProduct(t, 'plan');
  await createPrice(t, 'seat', { kind: 'per_unit', config: { unitAmount: '10.00' } });
  seatV1 = (await must(t, '{ price(code: "seat") { id } }')).price.id;
  await must(
    t,
    'mutation { updatePrice(code: "seat", input: { rule: { kind: "per_unit", config: { unitAmount: "12.00" } } }) { version } }',
  );
  acme = await createCustomer(t, 'currency: "EUR", taxStatus: EXEMPT');
  globex = await createCustomer(t, 'currency: "EUR", taxStatus: EXEMPT');
  for (let i = 0; i < 30; i++) extraCustomers.push(await createCustomer(t));
  subscription = (
    await must(t, 'mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }', {
      input: { customerId: globex, items: [{ priceCode: 'seat', quantity: '2' }] },
    })
  ).createSubscription.id;
  invoice = (await must(t, 'query($c: ID) { invoices(customerId: $c) { edges { node { id } } } }', { c: globex })).invoices.edges[0].node
    .id;
  quote = (
    await must(t, 'mutation($input: CreateQuoteInput!) { createQuote(input: $input) { id } }', {
      input: { customerId: globex, currency: 'EUR', lines: [{ priceCode: 'seat', quantity: '1' }] },
    })
  ).createQuote.id;
  acmeKey = await key('CUSTOMER', acme);
  partnerKey = await key('PARTNER');

  owners.set(acme, 'Ada (EMEA)');
  owners.set(globex, 'Grace (US)');
  accounts.push({ name: 'Acme account', customerId: acme }, { name: 'Globex account', customerId: globex });

  // The gateway composes what Tariff itself answers to `_service { sdl }`.
  const tariffSdl = (await must(t, '{ _service { sdl } }', undefined, partnerKey))._service.sdl;
  const crmUrl = await startCrm();
  const composed = composeServices([
    { name: 'tariff', typeDefs: parse(tariffSdl), url: `${t.url}/graphql` },
    { name: 'crm', typeDefs: parse(CRM_SDL), url: crmUrl },
  ]);
  expect(composed.errors).toBeUndefined();
  supergraphSdl = composed.supergraphSdl!;
  gatewayUrl = await startGateway();
}, 120_000);

afterAll(async () => {
  for (const stop of stops.reverse()) await stop();
  await t.close();
});

describe('the subgraph SDL', () => {
  it('is what _service { sdl } answers, checked in as schema/schema.graphql, with the entity keys', async () => {
    const sdl = (await must(t, '{ _service { sdl } }'))._service.sdl;
    expect(`${sdl}\n`).toBe(readFileSync(path.join(__dirname, '../../schema/schema.graphql'), 'utf8'));
    expect(sdl).toContain('extend schema\n  @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])');
    for (const type of ['Customer', 'Invoice', 'Quote', 'Subscription']) {
      expect(sdl).toMatch(new RegExp(`type ${type}\\n  @key\\(fields: "id"\\)\\n\\{`));
    }
    for (const type of ['Price', 'Product']) {
      expect(sdl).toMatch(new RegExp(`type ${type}\\n  @key\\(fields: "id"\\)\\n  @key\\(fields: "code"\\)\\n\\{`));
    }
    expect(sdl).toContain('union _Entity = Customer | Invoice | Price | Product | Quote | Subscription');
  });

  it('composes with a partner subgraph into one supergraph where Customer belongs to both', () => {
    expect(supergraphSdl).toMatch(/type Customer\n {2}@join__type\(graph: CRM, key: "id"\)\n {2}@join__type\(graph: TARIFF, key: "id"\)/);
    expect(supergraphSdl).toContain('accountOwner: String @join__field(graph: CRM)');
  });

  it('takes no subscription operations, though Federation names our Subscription type the subscription root', async () => {
    const res = await t.gql(`subscription { id status }`);
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('through the gateway', () => {
  it('joins Tariff customers with their owner from the CRM, passing the API key to both subgraphs', async () => {
    crmAuthorizations.length = 0;
    const res = await viaGateway('{ customers(first: 50) { edges { node { id name currency accountOwner } } } }', partnerKey);
    expect(res.errors).toBeUndefined();
    const nodes = res.data.customers.edges.map((e: any) => e.node);
    expect(nodes).toHaveLength(32);
    expect(nodes).toEqual(
      expect.arrayContaining([
        { id: acme, name: 'Customer', currency: 'EUR', accountOwner: 'Ada (EMEA)' },
        { id: globex, name: 'Customer', currency: 'EUR', accountOwner: 'Grace (US)' },
      ]),
    );
    expect(nodes.filter((n: any) => n.accountOwner === null)).toHaveLength(30);
    // One entity fetch for the whole page, with the caller's key.
    expect(crmAuthorizations).toEqual([`Bearer ${partnerKey}`]);
  });

  it('resolves the customers the CRM refers to with Tariff fields (the reverse direction)', async () => {
    const res = await viaGateway('{ accounts { name customer { id email taxStatus accountOwner } } }', partnerKey);
    expect(res.errors).toBeUndefined();
    expect(res.data.accounts).toEqual([
      { name: 'Acme account', customer: { id: acme, email: 'c@example.com', taxStatus: 'EXEMPT', accountOwner: 'Ada (EMEA)' } },
      { name: 'Globex account', customer: { id: globex, email: 'c@example.com', taxStatus: 'EXEMPT', accountOwner: 'Grace (US)' } },
    ]);
  });

  it("gives a CUSTOMER key its own customer and FORBIDDEN, never data, for another's", async () => {
    const res = await viaGateway('{ accounts { name customer { id email } } }', acmeKey);
    expect(res.data.accounts).toEqual([
      { name: 'Acme account', customer: { id: acme, email: 'c@example.com' } },
      { name: 'Globex account', customer: null },
    ]);
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(JSON.stringify(res)).not.toContain('Grace');
  });

  it('refuses a request without an API key at the Tariff subgraph', async () => {
    const res = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ customers { edges { node { id } } } }' }),
    });
    const body = (await res.json()) as { data?: any; errors?: { extensions?: Record<string, any> }[] };
    expect(body.data?.customers ?? null).toBeNull();
    expect(body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('_entities', () => {
  it('resolves every entity by id, and prices and products by code too', async () => {
    const res = await entities([
      { __typename: 'Customer', id: acme },
      { __typename: 'Subscription', id: subscription },
      { __typename: 'Invoice', id: invoice },
      { __typename: 'Quote', id: quote },
      { __typename: 'Price', id: seatV1 },
      { __typename: 'Price', code: 'seat' },
      { __typename: 'Product', code: 'plan' },
    ]);
    expect(res.errors).toBeUndefined();
    const [customer, sub, inv, q, v1, current, product] = res.data!._entities;
    expect(customer).toEqual({ __typename: 'Customer', id: acme, name: 'Customer' });
    expect(sub).toEqual({ __typename: 'Subscription', id: subscription, subscriptionStatus: 'ACTIVE', customer: { id: globex } });
    expect(inv).toEqual({ __typename: 'Invoice', id: invoice, number: 'INV-2026-000001', total: '24.00', customer: { id: globex } });
    expect(q).toEqual({ __typename: 'Quote', id: quote, quoteStatus: 'DRAFT', customer: { id: globex } });
    // By id, the version it names; by code, the current version, as price(code).
    expect(v1).toEqual({ __typename: 'Price', id: seatV1, code: 'seat', version: 1, isCurrent: false, product: { code: 'plan' } });
    expect(current).toMatchObject({ __typename: 'Price', code: 'seat', version: 2, isCurrent: true });
    expect(product).toMatchObject({ __typename: 'Product', code: 'plan', name: 'plan' });
    const byId = await entities([{ __typename: 'Product', id: product.id }]);
    expect(byId.data!._entities).toEqual([product]);
  });

  it('takes the first usable key of a price: its id, else its code', async () => {
    const res = await entities([
      { __typename: 'Price', id: seatV1, code: 'nope' },
      { __typename: 'Price', id: 42, code: 'seat' },
      // A string id is the key used, even one that names nothing.
      { __typename: 'Price', id: 'seat', code: 'seat' },
    ]);
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities.map((p: any) => p?.version ?? null)).toEqual([1, 2, null]);
  });

  it('refuses more than 1,000 representations in one request, before loading any', async () => {
    const reps = Array.from({ length: 1001 }, () => ({ __typename: 'Price', code: 'seat' }));
    const res = await entities(reps);
    expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'representations' } });
    expect(res.errors?.[0].message).toMatch(/at most 1000 representations per request, not 1001/);
    expect((await entities(reps.slice(0, 1000))).data!._entities).toHaveLength(1000);
  });

  it('answers null for references to nothing', async () => {
    const res = await entities([
      { __typename: 'Customer', id: '00000000-0000-4000-8000-000000000000' },
      { __typename: 'Invoice', id: 'not-a-uuid' },
      { __typename: 'Invoice', id: `upcoming_${subscription}` },
      { __typename: 'Price', code: 'nope' },
      { __typename: 'Product', id: "1' or '1'='1" },
    ]);
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities).toEqual([null, null, null, null, null]);
  });

  it("authorizes each reference as the root query would: FORBIDDEN for another customer's, per item", async () => {
    const res = await entities(
      [
        { __typename: 'Customer', id: acme },
        { __typename: 'Customer', id: globex },
        { __typename: 'Subscription', id: subscription },
        { __typename: 'Invoice', id: invoice },
        { __typename: 'Quote', id: quote },
        { __typename: 'Price', code: 'seat' },
      ],
      acmeKey,
    );
    expect(res.data!._entities).toEqual([
      { __typename: 'Customer', id: acme, name: 'Customer' },
      null,
      null,
      null,
      null,
      expect.objectContaining({ code: 'seat' }),
    ]);
    expect(res.errors?.map((e) => [e.path, e.extensions?.code]).sort((a, b) => (a[0] as number[])[1] - (b[0] as number[])[1])).toEqual([
      [['_entities', 1], 'FORBIDDEN'],
      [['_entities', 2], 'FORBIDDEN'],
      [['_entities', 3], 'FORBIDDEN'],
      [['_entities', 4], 'FORBIDDEN'],
    ]);
    // A PARTNER key reads customers but not quotes (actor.ts).
    const partner = await entities(
      [
        { __typename: 'Quote', id: quote },
        { __typename: 'Customer', id: globex },
      ],
      partnerKey,
    );
    expect(partner.data!._entities).toEqual([null, { __typename: 'Customer', id: globex, name: 'Customer' }]);
    expect(partner.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('resolves N references with as many SQL statements as 2', async () => {
    const countFor = async (n: number) => {
      const customers = extraCustomers.slice(0, n);
      const representations = [
        ...customers.map((id) => ({ __typename: 'Customer', id })),
        ...customers.map(() => ({ __typename: 'Price', code: 'seat' })),
        ...customers.map(() => ({ __typename: 'Price', id: seatV1 })),
        ...customers.map(() => ({ __typename: 'Subscription', id: subscription })),
      ];
      statements = 0;
      const res = await entities(representations);
      expect(res.errors).toBeUndefined();
      expect(res.data!._entities.filter(Boolean)).toHaveLength(representations.length);
      return statements;
    };
    const two = await countFor(2);
    const thirty = await countFor(30);
    expect(thirty).toBe(two);
    // API key, customers, prices by code, prices by id, subscriptions, the products and the customers they refer to.
    expect(thirty).toBeLessThanOrEqual(7);
  });

  it.each([
    ['an unknown type', { __typename: 'Nope', id: acme }, 'representations[0].__typename'],
    ['a type that is no entity', { __typename: 'ApiKey', id: acme, customer: { id: globex } }, 'representations[0].__typename'],
    ['a root type', { __typename: 'Query' }, 'representations[0].__typename'],
    ['a federation type', { __typename: '_Service', sdl: 'x' }, 'representations[0].__typename'],
    ['no __typename', { id: acme }, 'representations[0].__typename'],
    ['a missing key', { __typename: 'Customer' }, 'representations[0]'],
    ['a key under another name', { __typename: 'Customer', code: 'acme' }, 'representations[0]'],
    ['a numeric id', { __typename: 'Customer', id: 42 }, 'representations[0].id'],
    ['an object id', { __typename: 'Invoice', id: { $ne: null } }, 'representations[0].id'],
    ['a null id', { __typename: 'Subscription', id: null }, 'representations[0].id'],
    ['a string', 'Customer', 'representations[0]'],
    ['a number', 7, 'representations[0]'],
    ['an array', [{ __typename: 'Customer', id: acme }], 'representations[0]'],
  ])('refuses %s with BAD_USER_INPUT on that item', async (_what, representation, field) => {
    const res = await entities([representation, { __typename: 'Customer', id: acme }]);
    expect(res.status).toBe(200);
    expect(res.data!._entities).toEqual([null, { __typename: 'Customer', id: acme, name: 'Customer' }]);
    expect(res.errors).toEqual([
      expect.objectContaining({ path: ['_entities', 0], extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field }) }),
    ]);
  });

  it('refuses bad representations written inline in the query too, a NUL escaped in a literal included', async () => {
    const res = await t.gql<Untyped>(
      '{ _entities(representations: [{ __typename: "Customer", id: 5 }, "x", { __typename: "Price", code: "se\\u0000at" }]) { __typename } }',
    );
    expect(res.data!._entities).toEqual([null, null, null]);
    expect(res.errors?.map((e) => e.extensions?.field)).toEqual(['representations[0].id', 'representations[1]', 'representations[2].code']);
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT']);
  });

  it('refuses a NUL in a representation sent as a variable before anything runs', async () => {
    const res = await entities([{ __typename: 'Price', code: 'se\u0000at' }]);
    expect(res.status).toBe(400);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('never answers INTERNAL_SERVER_ERROR, whatever the representations', async () => {
    const typename = fc.constantFrom(
      'Customer',
      'Subscription',
      'Invoice',
      'Quote',
      'Price',
      'Product',
      'ApiKey',
      'Query',
      '_Entity',
      '',
      'customer',
    );
    const value = fc.oneof(
      fc.constantFrom(
        acme,
        globex,
        subscription,
        invoice,
        quote,
        seatV1,
        'seat',
        'plan',
        '',
        'not-a-uuid',
        '00000000-0000-4000-8000-000000000000',
        'x'.repeat(5000),
        "'; drop table customer; --",
      ),
      fc.anything({ maxDepth: 2 }),
    );
    const representation = fc.oneof(
      fc.record({ __typename: typename, id: value, code: value }, { requiredKeys: ['__typename'] }),
      fc.anything({ maxDepth: 2 }),
    );
    const internal: string[] = [];
    await fc
      .assert(
        fc.asyncProperty(
          fc.array(representation, { maxLength: 6 }),
          fc.constantFrom(t.adminKey, acmeKey, partnerKey),
          async (representations, as) => {
            const res = await entities(representations, as);
            const bad = res.status >= 500 || res.errors?.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR');
            if (bad) internal.push(`${JSON.stringify(representations).slice(0, 300)} → ${JSON.stringify(res.errors).slice(0, 300)}`);
            return !bad;
          },
        ),
        { numRuns: Number(process.env.FUZZ_RUNS ?? 60) },
      )
      .catch(() => undefined);
    expect(internal).toEqual([]);
  }, 60_000);
});
