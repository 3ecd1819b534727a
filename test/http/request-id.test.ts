import { startTestApp, TestApp } from '../support/app';

const lines: Record<string, any>[] = [];
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { LOG_LEVEL: 'info' }, logDestination: { write: (line: string) => void lines.push(JSON.parse(line)) } });
});
afterAll(async () => {
  await t.close();
});

/** The lines written while the request with this id was served: polled, since the last one follows the response. */
async function linesOf(requestId: string, count: number): Promise<Record<string, any>[]> {
  for (let i = 0; i < 200; i++) {
    const mine = lines.filter((l) => l.requestId === requestId);
    if (mine.length >= count) return mine;
    await new Promise((r) => setImmediate(r));
  }
  return lines.filter((l) => l.requestId === requestId);
}

describe('request ids', () => {
  it('gives each request a new id, echoes it, and puts it on the request’s log line', async () => {
    const a = await t.gql('{ viewer { role } }');
    const b = await t.gql('{ viewer { role } }');
    const id = a.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(b.headers.get('x-request-id')).not.toBe(id);
    expect(await linesOf(id, 1)).toEqual([
      expect.objectContaining({ msg: 'request', method: 'POST', path: '/graphql', status: 200, requestId: id }),
    ]);
  });

  it('keeps a sane incoming X-Request-Id and replaces one that is not', async () => {
    const kept = await t.gql('{ __typename }', undefined, undefined, { 'x-request-id': 'gw-7f3a:trace/42' });
    expect(kept.headers.get('x-request-id')).toBe('gw-7f3a:trace/42');
    for (const bad of ['x'.repeat(129), 'has space', 'quote"s', 'ü']) {
      const replaced = await t.gql('{ __typename }', undefined, undefined, { 'x-request-id': bad });
      expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('logs an unreadable body as one line with the request id and no stack', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.adminKey}`, 'x-request-id': 'bad-json-1' },
      body: '{"query": "{ __typename }"',
    });
    expect(res.status).toBe(400);
    const mine = await linesOf('bad-json-1', 2);
    expect(mine).toEqual([
      {
        level: 30,
        time: expect.any(Number),
        service: 'tariff',
        requestId: 'bad-json-1',
        status: 400,
        type: 'entity.parse.failed',
        path: '/graphql',
        msg: 'unreadable request body',
      },
      expect.objectContaining({ msg: 'request', status: 400, requestId: 'bad-json-1' }),
    ]);
    expect(JSON.stringify(mine)).not.toContain(t.adminKey);
  });
});
