import { startTestApp, TestApp, Untyped } from '../support/app';

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
