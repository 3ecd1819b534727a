import { Role } from '../../src/domain/auth/actor';
import { ApiKeyService } from '../../src/domain/auth/api-key.service';
import { systemClock } from '../../src/system-clock';
import { startTestApp, TestApp } from '../support/app';
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
    const shallow = await t.gql('mutation { createApiKey(input: { role: PARTNER, name: "shallow" }) { apiKey { customer { contracts { customer { id } } } } } }', undefined, key);
    expect(shallow.errors?.[0].extensions?.code).toBe('FORBIDDEN'); // depth 5 runs (and is refused for its role)
    const deep = 'mutation { createApiKey(input: { role: PARTNER, name: "deep" }) { apiKey { customer { contracts { customer { contracts { code } } } } } } }';
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
    expect(res.status).toBe(400);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', maxCost: 5000 });
    expect(res.errors?.[0].extensions?.cost).toBeGreaterThan(10_000);
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
