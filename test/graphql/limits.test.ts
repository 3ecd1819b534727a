import { FieldNode, getIntrospectionQuery, Kind, OperationDefinitionNode, parse, print } from 'graphql';
import { Role } from '../../src/domain/auth/actor';
import { ApiKeyService } from '../../src/domain/auth/api-key.service';
import { systemClock } from '../../src/system-clock';
import { startTestApp, TestApp, Untyped } from '../support/app';
import { NO_PAYMENT_PROVIDERS } from '../../src/domain/payments/providers';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { TARIFF_RATE_LIMIT: '2', TARIFF_MAX_QUERY_DEPTH: '5', TARIFF_MAX_BODY_BYTES: '2048' } });
});
afterAll(async () => {
  await t.close();
});

/** Keys made in the database directly, so that making them spends no request budget. */
async function freshKey(): Promise<string> {
  const admin = { keyId: 'test', name: 'test', role: Role.ADMIN, customerId: null };
  const service = new ApiKeyService({ em: t.app.db.orm.em.fork(), actor: admin, clock: systemClock, providers: NO_PAYMENT_PROVIDERS });
  return (await service.create({ role: Role.SALES, name: 'limits' })).secret;
}

describe('abuse limits', () => {
  it('rate-limits each key with a token bucket: a burst of twice the rate, then RATE_LIMITED with retry-after', async () => {
    const key = await freshKey();
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await t.gql('{ __typename }', undefined, key));
    const codes = answers.map((a) => a.errors?.[0].extensions?.code ?? 'OK');
    // rate 2/s → burst of 4; the requests here take far less than the half second a token needs.
    expect(codes.slice(0, 4)).toEqual(['OK', 'OK', 'OK', 'OK']);
    const limited = answers.find((a) => a.errors?.[0].extensions?.code === 'RATE_LIMITED')!;
    expect(limited).toBeDefined();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
  });

  it('keeps one key’s limit from touching another key', async () => {
    const a = await freshKey();
    const b = await freshKey();
    for (let i = 0; i < 6; i++) await t.gql('{ __typename }', undefined, a);
    const res = await t.gql('{ __typename }', undefined, b);
    expect(res.errors).toBeUndefined();
  });

  it('refuses a query deeper than the maximum before running it', async () => {
    const key = await freshKey();
    const shallow = await t.gql(
      'mutation { createApiKey(input: { role: PARTNER, name: "shallow" }) { apiKey { customer { contracts { customer { id } } } } } }',
      undefined,
      key,
    );
    expect(shallow.errors?.[0].extensions?.code).toBe('FORBIDDEN'); // depth 5 runs (and is refused for its role)
    const deep =
      'mutation { createApiKey(input: { role: PARTNER, name: "deep" }) { apiKey { customer { contracts { customer { contracts { code } } } } } } }';
    const res = await t.gql(deep, undefined, key);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', maxDepth: 5 });
    expect(res.data).toBeUndefined();
  });

  it('refuses a query for thousands of nested objects before running it, and lets a normal page through', async () => {
    const key = await freshKey();
    const page = await t.gql('{ customers(first: 100) { edges { node { id name contracts { code } } } } }', undefined, key);
    expect(page.errors).toBeUndefined();
    const huge = '{ customers(first: 100) { edges { node { contracts { items { priceCode } } } } } }';
    const res = await t.gql(huge, undefined, key);
    // A limit, not a malformed request: it keeps its 400 whatever the media type.
    expect(res.status).toBe(400);
    // 100 customers × (1 + 10 contracts × (1 + 10 items)): the objects it may return.
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', cost: 11_100, maxCost: 10_000 });
    expect(res.data).toBeUndefined();
  });

  it('refuses a request body over the size limit', async () => {
    const key = await freshKey();
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(4096) } }),
    });
    expect(res.status).toBe(413);
  });

  it('answers malformed JSON and malformed queries without an internal error', async () => {
    const key = await freshKey();
    const badJson = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: '{"query": ',
    });
    expect(badJson.status).toBe(400);
    const syntax = await t.gql('{ viewer { ', undefined, await freshKey());
    expect(syntax.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const nul = await t.gql('query($s: String) { products(after: $s) { edges { cursor } } }', { s: 'a\u0000b' }, await freshKey());
    expect(nul.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await t.gql('{ nothingHere }', undefined, await freshKey());
    expect(unknown.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('cost limits at their defaults', () => {
  let d: TestApp;
  const keys: Partial<Record<Role, string>> = {};
  beforeAll(async () => {
    d = await startTestApp();
    const customer = await d.gql<{ createCustomer: { id: string } }>(
      'mutation { createCustomer(input: { name: "Limits Ltd", email: "ap@limits.example", currency: "EUR", taxStatus: EXEMPT }) { id } }',
    );
    expect(customer.errors).toBeUndefined();
    const admin = { keyId: 'test', name: 'test', role: Role.ADMIN, customerId: null };
    const service = new ApiKeyService({ em: d.app.db.orm.em.fork(), actor: admin, clock: systemClock, providers: NO_PAYMENT_PROVIDERS });
    keys.ADMIN = d.adminKey;
    for (const role of [Role.SALES, Role.PARTNER]) keys[role] = (await service.create({ role, name: role })).secret;
    keys.CUSTOMER = (await service.create({ role: Role.CUSTOMER, name: 'customer', customerId: customer.data!.createCustomer.id })).secret;
  });
  afterAll(async () => {
    await d.close();
  });

  it.each([Role.ADMIN, Role.SALES, Role.CUSTOMER, Role.PARTNER])(
    'answers the standard introspection query (graphql-js getIntrospectionQuery) for a %s key',
    async (role) => {
      for (const query of [
        getIntrospectionQuery(),
        getIntrospectionQuery({
          descriptions: true,
          specifiedByUrl: true,
          directiveIsRepeatable: true,
          schemaDescription: true,
          inputValueDeprecation: true,
        }),
      ]) {
        const res = await d.gql<{ __schema: { types: { name: string }[] } }>(query, undefined, keys[role]);
        expect(res.errors).toBeUndefined();
        expect(res.status).toBe(200);
        expect(res.data!.__schema.types.map((t) => t.name)).toEqual(expect.arrayContaining(['Customer', 'Invoice', 'Decimal']));
      }
    },
  );

  it('prices introspection as a read of the schema: the standard query costs 100, re-reading the schema per type is refused', async () => {
    // 101 standard introspections in one document: 101 × 100 = 10,100, refused before any runs.
    const standard = parse(getIntrospectionQuery());
    const operation = standard.definitions[0] as OperationDefinitionNode;
    const schemaField = operation.selectionSet.selections[0] as FieldNode;
    const aliased = Array.from({ length: 101 }, (_, i): FieldNode => ({ ...schemaField, alias: { kind: Kind.NAME, value: `s${i}` } }));
    const many = print({
      ...standard,
      definitions: [{ ...operation, selectionSet: { ...operation.selectionSet, selections: aliased } }, ...standard.definitions.slice(1)],
    });
    expect((await d.gql(many)).errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', cost: 10_100, maxCost: 10_000 });
    // Listing the members of a type reached by reference reads the schema once per type: priced
    // as the number of types times a read (graphql-js refuses a third level itself).
    const typeCount = (await d.gql<{ __schema: { types: unknown[] } }>('{ __schema { types { name } } }')).data!.__schema.types.length;
    const each = 30 + 10 * typeCount;
    const count = Math.floor(10_000 / each) + 1;
    const reread = `{ ${Array.from({ length: count }, (_, i) => `r${i}: __schema { types { fields { type { fields { name } } } } }`).join(' ')} }`;
    const res = await d.gql(reread);
    expect(res.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', cost: count * each, maxCost: 10_000 });
    const oneType = await d.gql<{ __type: { fields: { name: string }[] } }>(
      '{ __type(name: "Customer") { name fields { name type { name ofType { name } } } } }',
    );
    expect(oneType.errors).toBeUndefined();
    expect(oneType.data!.__type.fields.map((f) => f.name)).toContain('name');
  });

  it('lets a page of 50 records with two levels of children through', async () => {
    const res = await d.gql<Untyped>(
      '{ customers(first: 50) { edges { node { name contracts { code items { priceCode discountPercent } } } } } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.customers.edges.length).toBeGreaterThan(0);
  });

  it('refuses a query for about 10,000 objects, naming its cost and the maximum', async () => {
    const res = await d.gql('{ customers(first: 100) { edges { node { name contracts { code items { priceCode discountPercent } } } } } }');
    expect(res.errors).toHaveLength(1);
    expect(res.errors?.[0].message).toContain('cost 11100');
    expect(res.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', cost: 11_100, maxCost: 10_000 });
  });

  it('counts a connection without `first` as a default page of 20', async () => {
    // Three nested lists under a default page: 20 × (1 + 10 × (1 + (1 + 10 × (1 + 10)))).
    const res = await d.gql('{ customers { edges { node { contracts { customer { contracts { items { priceCode } } } } } } } }');
    expect(res.errors?.[0].extensions?.cost).toBe(20 * (1 + 10 * (1 + (1 + 10 * (1 + 10)))));
  });
});
