import { randomUUID } from 'node:crypto';
import { ConflictError } from '../../src/domain/errors';
import { IdempotencyService } from '../../src/domain/idempotency/idempotency.service';
import { ManualClock } from '../../src/domain/shared/clock';
import { requestHash } from '../../src/graphql/idempotency';
import { startTestApp, TestApp } from '../support/app';
import { eventually } from '../support/eventually';

const clock = new ManualClock(new Date('2026-06-01T00:00:00Z'));
let t: TestApp;
/** The SQL run while a test listens (null: nobody does). */
let heard: string[] | null = null;
beforeAll(async () => {
  t = await startTestApp({ clock, onQuery: (sql) => heard?.push(sql) });
});
afterAll(async () => {
  await t.close();
});

const createProduct = `mutation Create($input: CreateProductInput!) { createProduct(input: $input) { id code name } }`;
const createCustomer = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id name } }`;
const createKey = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id } } }`;

interface RawResponse {
  status: number;
  replayed: string | null;
  text: string;
  json: { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] };
}

/** POSTs as the admin key by default and keeps the body as sent, to compare replays byte for byte. */
async function post(query: string, variables: Record<string, unknown>, idempotencyKey?: string, apiKey = t.adminKey): Promise<RawResponse> {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${apiKey}`,
      ...(idempotencyKey === undefined ? {} : { 'idempotency-key': idempotencyKey }),
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  return { status: res.status, replayed: res.headers.get('idempotent-replayed'), text, json: JSON.parse(text) };
}

async function productCount(code: string): Promise<number> {
  const rows = await t.app.db.orm.em.fork().execute<{ n: number }[]>('select count(*)::int as n from product where code = ?', [code]);
  return rows[0].n;
}

function customer(name: string) {
  return { input: { name, email: 'billing@example.com', currency: 'EUR', taxStatus: 'EXEMPT' } };
}

describe('Idempotency-Key on mutations', () => {
  it('runs a mutation once and replays its exact response to a retry', async () => {
    const first = await post(createProduct, { input: { code: 'idem-1', name: 'One' } }, 'key-1');
    expect(first.json.errors).toBeUndefined();
    expect(first.replayed).toBeNull();
    const retry = await post(createProduct, { input: { code: 'idem-1', name: 'One' } }, 'key-1');
    expect(retry).toEqual({ ...first, replayed: 'true' });
    expect(await productCount('idem-1')).toBe(1);
    // Without the key the same request runs again, and fails as a duplicate.
    const again = await post(createProduct, { input: { code: 'idem-1', name: 'One' } });
    expect(again.json.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('keeps the order of the response fields in a replay', async () => {
    const query = `mutation($input: CreateProductInput!) { createProduct(input: $input) { name code id } }`;
    const first = await post(query, { input: { code: 'idem-order', name: 'Order' } }, 'key-order');
    const retry = await post(query, { input: { code: 'idem-order', name: 'Order' } }, 'key-order');
    expect(Object.keys(first.json.data.createProduct)).toEqual(['name', 'code', 'id']);
    expect(retry.text).toBe(first.text);
  });

  it('treats variables with their keys in another order as the same request', async () => {
    const first = await post(createProduct, { input: { code: 'idem-vars', name: 'Vars' } }, 'key-vars');
    const retry = await post(createProduct, { input: { name: 'Vars', code: 'idem-vars' } }, 'key-vars');
    expect(retry.replayed).toBe('true');
    expect(retry.text).toBe(first.text);
  });

  it('refuses the same key with other variables or another operation (IDEMPOTENCY_KEY_REUSED, 422)', async () => {
    await post(createProduct, { input: { code: 'idem-2', name: 'Two' } }, 'key-2');
    const otherVariables = await post(createProduct, { input: { code: 'idem-2b', name: 'Two' } }, 'key-2');
    expect(otherVariables.status).toBe(422);
    expect(otherVariables.json).toEqual({
      errors: [{ message: expect.any(String), extensions: { code: 'IDEMPOTENCY_KEY_REUSED', field: 'Idempotency-Key' } }],
    });
    const otherOperation = await post(createCustomer, customer('Two'), 'key-2');
    expect(otherOperation.json.errors?.[0].extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await productCount('idem-2b')).toBe(0);
  });

  it('scopes keys to the API key: another key with the same Idempotency-Key runs its own request', async () => {
    const { secret } = (await post(createKey, { input: { role: 'ADMIN', name: 'second admin' } })).json.data.createApiKey;
    const mine = await post(createProduct, { input: { code: 'idem-3a', name: 'Mine' } }, 'shared-key');
    const theirs = await post(createProduct, { input: { code: 'idem-3b', name: 'Theirs' } }, 'shared-key', secret);
    expect(theirs.replayed).toBeNull();
    expect(theirs.json.data.createProduct.id).not.toBe(mine.json.data.createProduct.id);
    expect(await productCount('idem-3b')).toBe(1);
  });

  it('stores and replays a failed mutation: a refusal is a response', async () => {
    const first = await post(createProduct, { input: { code: 'has space', name: 'Bad' } }, 'key-bad');
    expect(first.json.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.code' });
    const retry = await post(createProduct, { input: { code: 'has space', name: 'Bad' } }, 'key-bad');
    expect(retry).toEqual({ ...first, replayed: 'true' });
  });

  it('ignores the header on queries', async () => {
    await post(createProduct, { input: { code: 'idem-q', name: 'Q' } }, 'key-q');
    for (const key of ['key-q', '']) {
      const res = await post('query($code: String!) { product(code: $code) { code } }', { code: 'idem-q' }, key);
      expect(res.json).toEqual({ data: { product: { code: 'idem-q' } } });
      expect(res.replayed).toBeNull();
    }
  });

  it.each([
    ['empty', ''],
    ['too long', 'k'.repeat(256)],
    ['not ASCII', 'cl\u00e9'],
  ])('refuses a malformed key (%s) with BAD_USER_INPUT and runs nothing', async (_name, key) => {
    const res = await post(createProduct, { input: { code: 'idem-malformed', name: 'M' } }, key);
    expect(res.status).toBe(400);
    expect(res.json.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'Idempotency-Key' });
    expect(await productCount('idem-malformed')).toBe(0);
  });

  it('accepts a key of 255 printable characters', async () => {
    const res = await post(createProduct, { input: { code: 'idem-long', name: 'L' } }, `~ ${'k'.repeat(253)}`);
    expect(res.json.errors).toBeUndefined();
  });

  it('refuses a key on createApiKey, whose secret must never be stored', async () => {
    const res = await post(createKey, { input: { role: 'SALES', name: 'idempotent?' } }, 'key-secret');
    expect(res.status).toBe(400);
    expect(res.json.errors?.[0]).toMatchObject({
      message: expect.stringContaining('createApiKey'),
      extensions: { code: 'BAD_USER_INPUT', field: 'Idempotency-Key' },
    });
    const viaFragment = await post(
      'mutation($input: CreateApiKeyInput!) { ...M } fragment M on Mutation { createApiKey(input: $input) { secret } }',
      { input: { role: 'SALES', name: 'idempotent?' } },
      'key-secret',
    );
    expect(viaFragment.json.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const rows = await t.app.db.orm.em.fork().execute<{ n: number }[]>("select count(*)::int as n from api_key where name = 'idempotent?'");
    expect(rows[0].n).toBe(0);
  });

  it('runs concurrent requests with the same key once, and answers them all alike', async () => {
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => post(createProduct, { input: { code: 'idem-race', name: 'Race' } }, 'key-race')),
    );
    expect(responses.map((r) => r.replayed).filter((r) => r === null)).toHaveLength(1);
    for (const res of responses) {
      expect(res.status).toBe(200);
      expect(res.text).toBe(responses[0].text);
    }
    expect(responses[0].json.errors).toBeUndefined();
    expect(await productCount('idem-race')).toBe(1);
  });

  it('keeps a key 24 h, then runs the request again', async () => {
    const first = await post(createCustomer, customer('Expiring'), 'key-expiring');
    clock.advanceSeconds(24 * 3600 - 1);
    expect((await post(createCustomer, customer('Expiring'), 'key-expiring')).text).toBe(first.text);
    clock.advanceSeconds(1);
    const later = await post(createCustomer, customer('Expiring'), 'key-expiring');
    expect(later.replayed).toBeNull();
    expect(later.json.data.createCustomer.id).not.toBe(first.json.data.createCustomer.id);
  });

  it('makes a duplicate wait for the running request and replay its response', async () => {
    const [{ id: adminKeyId }] = await t.app.db.orm.em
      .fork()
      .execute<{ id: string }[]>("select id from api_key where name = 'TARIFF_ADMIN_KEY'");
    const variables = { input: { code: 'idem-wait', name: 'Wait' } };
    const store = new IdempotencyService(t.app.db.orm.em.fork(), clock);
    const claimed = await store.acquire(adminKeyId, 'key-wait', requestHash(null, createProduct, variables));
    if (claimed.kind !== 'run') throw new Error('expected to run');

    heard = [];
    const duplicate = post(createProduct, variables, 'key-wait');
    // Completed only once the duplicate has found the key in progress and looked again: it is waiting, not arriving late.
    const looks = () => heard!.filter((sql) => sql.includes('select id, request_hash')).length;
    await eventually(looks, { until: (n) => n >= 2, what: 'the duplicate to poll the running key' }).finally(() => (heard = null));
    const body = '{"data":{"createProduct":{"id":"from-the-first-request","code":"idem-wait","name":"Wait"}}}';
    expect(await store.complete(claimed.lease, { status: 200, body })).toBe(true);
    const res = await duplicate;
    expect(res).toMatchObject({ status: 200, replayed: 'true' });
    expect(res.json.data.createProduct.id).toBe('from-the-first-request');
    expect(await productCount('idem-wait')).toBe(0);
  });
});

describe('IdempotencyService', () => {
  const apiKeyId = randomUUID();
  const store = () => new IdempotencyService(t.app.db.orm.em.fork(), clock, { pollMs: 10, maxWaitMs: 100 });

  it('gives up waiting with CONFLICT while the first request still holds the key', async () => {
    const first = await store().acquire(apiKeyId, 'busy', 'h');
    expect(first.kind).toBe('run');
    await expect(store().acquire(apiKeyId, 'busy', 'h')).rejects.toBeInstanceOf(ConflictError);
  });

  it('lets a retry take over the key of a request that died, and fences the dead one out', async () => {
    const dead = await store().acquire(apiKeyId, 'dead', 'h');
    if (dead.kind !== 'run') throw new Error('expected to run');
    clock.advanceSeconds(61);
    const retry = await store().acquire(apiKeyId, 'dead', 'h');
    if (retry.kind !== 'run') throw new Error('expected to run');
    expect(retry.lease.id).toBe(dead.lease.id);
    expect(await store().complete(dead.lease, { status: 200, body: '{"data":{"late":true}}' })).toBe(false);
    expect(await store().complete(retry.lease, { status: 200, body: '{"data":{"retry":true}}' })).toBe(true);
    expect(await store().acquire(apiKeyId, 'dead', 'h')).toEqual({
      kind: 'replay',
      response: { status: 200, body: '{"data":{"retry":true}}' },
    });
  });

  it('frees a released key for the next request', async () => {
    const first = await store().acquire(apiKeyId, 'released', 'h');
    if (first.kind !== 'run') throw new Error('expected to run');
    await store().release(first.lease);
    expect((await store().acquire(apiKeyId, 'released', 'h')).kind).toBe('run');
  });

  it('renews a running lease so that it is not taken over', async () => {
    const first = await store().acquire(apiKeyId, 'renewed', 'h');
    if (first.kind !== 'run') throw new Error('expected to run');
    clock.advanceSeconds(40);
    const renewed = await store().renew(first.lease);
    expect(renewed).not.toBeNull();
    clock.advanceSeconds(40);
    await expect(store().acquire(apiKeyId, 'renewed', 'h')).rejects.toBeInstanceOf(ConflictError);
    expect(await store().complete(renewed!, { status: 200, body: '{}' })).toBe(true);
  });
});
