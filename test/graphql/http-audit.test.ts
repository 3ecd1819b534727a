import { serverAudits } from 'graphql-http';
import { startTestApp, TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

async function post(body: string, accept?: string): Promise<{ status: number; type: string | null; json: any }> {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${t.adminKey}`, ...(accept ? { accept } : {}) },
    body,
  });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type'), json: JSON.parse(text) };
}

describe('GraphQL over HTTP', () => {
  it('passes every MUST and SHOULD audit of graphql-http', async () => {
    const authorized: typeof fetch = (input, init) =>
      fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), authorization: `Bearer ${t.adminKey}` } });
    const audits = serverAudits({ url: `${t.url}/graphql`, fetchFn: authorized });
    const results = [];
    for (const audit of audits) results.push(await audit.fn());
    const failed = results
      .filter((r) => r.status !== 'ok' && !r.name.startsWith('MAY'))
      .map((r) => `${r.id} ${r.name}: ${r.status !== 'ok' ? r.reason : ''}`);
    expect(failed).toEqual([]);
    expect(results.length).toBeGreaterThan(40);
  });

  it.each([
    ['parse', JSON.stringify({ query: '{ viewer {' }), 'GRAPHQL_PARSE_FAILED'],
    ['validation', JSON.stringify({ query: '{ noSuchField }' }), 'GRAPHQL_VALIDATION_FAILED'],
    [
      'variable coercion',
      JSON.stringify({ query: 'query($first: Int) { customers(first: $first) { edges { cursor } } }', variables: { first: 'ten' } }),
      'BAD_USER_INPUT',
    ],
  ])('answers a %s failure with 200 for application/json and 400 for application/graphql-response+json', async (_kind, body, code) => {
    for (const accept of [undefined, 'application/json', '*/*']) {
      const legacy = await post(body, accept);
      expect({ accept, status: legacy.status, type: legacy.type }).toEqual({
        accept,
        status: 200,
        type: 'application/json; charset=utf-8',
      });
      expect(legacy.json.errors[0].extensions.code).toBe(code);
      expect(legacy.json.data).toBeUndefined();
    }
    const modern = await post(body, 'application/graphql-response+json, application/json;q=0.9');
    expect(modern.status).toBe(400);
    expect(modern.type).toBe('application/graphql-response+json; charset=utf-8');
    expect(modern.json.errors[0].extensions.code).toBe(code);
  });

  it('keeps the 4xx of a limit and of a request it cannot read, whatever the media type', async () => {
    const huge = await post(
      JSON.stringify({ query: '{ customers(first: 100) { edges { node { contracts { items { priceCode } } } } } }' }),
      'application/json',
    );
    expect(huge.status).toBe(400);
    expect(huge.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const noQuery = await post(JSON.stringify({ qeury: '{ __typename }' }), 'application/json');
    expect(noQuery.status).toBe(400);
    expect(noQuery.json.errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it.each([
    ['application/json', 'application/json; charset=utf-8'],
    ['application/graphql-response+json', 'application/graphql-response+json; charset=utf-8'],
  ])('answers a malformed JSON body (Accept %s) with a GraphQL-shaped JSON error, not an HTML page', async (accept, type) => {
    const res = await post('{"query": "{ __typename }"', accept);
    expect(res.status).toBe(400);
    expect(res.type).toBe(type);
    expect(res.json).toEqual({ errors: [{ message: 'the request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('answers a body over the size limit with 413 and a JSON error', async () => {
    const res = await post(JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(1_100_000) } }));
    expect(res.status).toBe(413);
    expect(res.json.errors[0]).toEqual({ message: 'the request body is larger than 1048576 bytes', extensions: { code: 'BAD_REQUEST' } });
  });

  it('serves no /metrics without TARIFF_METRICS=1, even to an ADMIN key', async () => {
    const res = await fetch(`${t.url}/metrics`, { headers: { authorization: `Bearer ${t.adminKey}` } });
    expect(res.status).toBe(404);
  });

  it('sends no CORS header without TARIFF_CORS_ORIGINS', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' },
    });
    expect([...res.headers.keys()].filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });
});
