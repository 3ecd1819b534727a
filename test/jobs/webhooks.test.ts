import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { ManualClock } from '../../src/domain/shared/clock';
import { claimDueDeliveries } from '../../src/domain/webhooks/delivery-queue';
import { matchesEventType } from '../../src/domain/webhooks/event-types';
import { GIVE_UP_AFTER_MS, MAX_RETRY_DELAY_MS, nextAttemptAfterFailure, retryDelayMs } from '../../src/domain/webhooks/retry-schedule';
import { signatureHeader } from '../../src/domain/webhooks/signature';
import { deliveryBody } from '../../src/domain/webhooks/webhook-payload';
import { postWebhook } from '../../src/domain/webhooks/webhook-post';
import { deliverWebhooks, startWebhookWorker } from '../../src/jobs/webhook-delivery.job';
import { startTestApp, TestApp, Untyped } from '../support/app';
import { must } from '../support/catalog';
import { eventually } from '../support/eventually';
import { Receiver, verifySignature, WebhookHarness } from './webhook-support';

const SECOND = 1000;
const HOUR = 3600 * SECOND;
const clock = new ManualClock(new Date('2026-03-01T00:00:00Z'));
let t: TestApp;
let h: WebhookHarness;
const receivers: Receiver[] = [];

async function receiver(): Promise<Receiver> {
  const r = await new Receiver().start();
  receivers.push(r);
  return r;
}

beforeAll(async () => {
  t = await startTestApp({ clock });
  h = new WebhookHarness(t, clock);
});
// Each test's endpoints stop receiving when it ends, so the next test's events reach its own only.
afterEach(async () => {
  await h.sql(`update webhook_endpoint set status = 'DISABLED'`);
});
afterAll(async () => {
  for (const r of receivers) await r.stop();
  await t.close();
});

const CREATE =
  'mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { id url eventTypes status } } }';

describe('webhook endpoints', () => {
  it('are created with a secret shown once, and listed without it', async () => {
    const res = await t.gql<Untyped>(CREATE, {
      input: { url: 'https://hooks.example.com/tariff?x=1', eventTypes: ['customer.*', 'invoice.finalized', 'customer.*'] },
    });
    expect(res.errors).toBeUndefined();
    const { secret, endpoint } = res.data!.createWebhookEndpoint;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(endpoint).toMatchObject({
      url: 'https://hooks.example.com/tariff?x=1',
      eventTypes: ['customer.*', 'invoice.finalized'],
      status: 'ENABLED',
    });

    const listed = await t.gql<Untyped>(
      '{ webhookEndpoints(first: 100) { edges { node { id url eventTypes status failingSince createdAt disabledAt } } } }',
    );
    expect(listed.data!.webhookEndpoints.edges.map((e: any) => e.node.id)).toContain(endpoint.id);
    expect(JSON.stringify(listed)).not.toContain(secret);
    const second = await t.gql<Untyped>(CREATE, { input: { url: 'https://hooks.example.com/other', eventTypes: ['*'] } });
    expect(second.data!.createWebhookEndpoint.secret).not.toBe(secret);
  });

  it.each([
    ['another scheme', 'ftp://hooks.example.com/x'],
    ['a script', 'javascript:alert(1)'],
    ['words', 'not a url'],
    ['a relative path', '/relative/path'],
    ['no host', 'http://'],
    ['nothing', ''],
    ['credentials', 'http://user:pass@hooks.example.com/'],
    ['a space', 'http://hooks.example.com/a b'],
    ['a NUL', 'http://hooks.example.com/\u0000'],
    ['a fragment', 'https://hooks.example.com/#x'],
    ['2,100 characters', `https://hooks.example.com/${'a'.repeat(2100)}`],
  ])('refuse a URL with %s: BAD_USER_INPUT at input.url', async (_, url) => {
    const res = await t.gql<Untyped>(CREATE, { input: { url, eventTypes: ['*'] } });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.url' });
    expect(res.data?.createWebhookEndpoint ?? null).toBeNull();
  });

  it.each([
    [[], 'input.eventTypes'],
    [['customer.*', 'Customer.Created'], 'input.eventTypes[1]'],
    [['*.created'], 'input.eventTypes[0]'],
    [['customer'], 'input.eventTypes[0]'],
    [['customer.created.now'], 'input.eventTypes[0]'],
  ])('refuse the event types %j at %s', async (eventTypes, field) => {
    const res = await t.gql(CREATE, { input: { url: 'https://hooks.example.com/', eventTypes } });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('are ADMIN only: other roles get FORBIDDEN and change nothing', async () => {
    const { id } = await h.createEndpoint('https://hooks.example.com/admin-only', ['*']);
    const key = await must(t, 'mutation { createApiKey(input: { role: SALES, name: "sales" }) { secret } }');
    const sales = key.createApiKey.secret;
    const attempts = [
      await t.gql(CREATE, { input: { url: 'https://hooks.example.com/sales', eventTypes: ['*'] } }, sales),
      await t.gql('{ webhookEndpoints { edges { node { id } } } }', {}, sales),
      await t.gql('query($id: ID!) { webhookEndpoint(id: $id) { id } }', { id }, sales),
      await t.gql('query($id: ID!) { webhookDeliveries(endpointId: $id) { edges { node { id } } } }', { id }, sales),
      await t.gql('mutation($id: ID!) { disableWebhookEndpoint(id: $id) { status } }', { id }, sales),
      await t.gql('mutation($id: ID!) { enableWebhookEndpoint(id: $id) { status } }', { id }, sales),
    ];
    for (const res of attempts) expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await h.endpoint(id)).status).toBe('ENABLED');
    const [{ n }] = await h.sql<{ n: number }>(
      `select count(*)::int as n from webhook_endpoint where url = 'https://hooks.example.com/sales'`,
    );
    expect(n).toBe(0);
  });

  it('answer NOT_FOUND for an unknown endpoint', async () => {
    for (const id of [randomUUID(), 'nope']) {
      const res = await t.gql('query($id: ID!) { webhookDeliveries(endpointId: $id) { edges { node { id } } } }', { id });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'endpointId' });
      const disabled = await t.gql('mutation($id: ID!) { disableWebhookEndpoint(id: $id) { status } }', { id });
      expect(disabled.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
  });
});

describe('the retry schedule', () => {
  it.each([
    [1, 1, 10 * SECOND],
    [2, 1, 20 * SECOND],
    [5, 1, 160 * SECOND],
    [13, 1, 40_960 * SECOND],
    [14, 1, MAX_RETRY_DELAY_MS],
    [60, 1, MAX_RETRY_DELAY_MS],
    [3, 0.5, 20 * SECOND],
    [3, 0, 1],
  ])('after failure %i with jitter %d waits %i ms (base 10 s)', (failed, jitter, expected) => {
    expect(retryDelayMs(failed, 10_000, () => jitter)).toBe(expected);
  });

  it('stops at 3 days after the fan-out, with a last attempt at that instant', () => {
    const createdAt = new Date('2026-01-01T00:00:00Z');
    const at = (ms: number) => new Date(createdAt.getTime() + ms);
    expect(
      nextAttemptAfterFailure({ createdAt, now: at(GIVE_UP_AFTER_MS - HOUR), failedAttempts: 15, baseMs: 10_000, random: () => 1 }),
    ).toEqual(at(GIVE_UP_AFTER_MS));
    expect(
      nextAttemptAfterFailure({ createdAt, now: at(GIVE_UP_AFTER_MS), failedAttempts: 16, baseMs: 10_000, random: () => 1 }),
    ).toBeNull();
  });

  it.each([
    [['*'], 'invoice.finalized', true],
    [['invoice.*'], 'invoice.finalized', true],
    [['invoice.*'], 'invoice_line.created', false],
    [['invoice.finalized'], 'invoice.finalized', true],
    [['invoice.finalized'], 'invoice.voided', false],
    [['customer.*', 'invoice.voided'], 'invoice.voided', true],
  ])('%j matches %s: %s', (patterns, type, expected) => {
    expect(matchesEventType(patterns, type)).toBe(expected);
  });
});

describe('webhook delivery', () => {
  it('posts an event with a signature that an independent check verifies, once', async () => {
    const r = await receiver();
    const { id: endpointId, secret } = await h.createEndpoint(r.url, ['customer.*']);
    const aggregate = randomUUID();
    const eventId = await h.emit('customer.created', aggregate, 1, { id: aggregate, name: 'Acme GmbH' });
    await h.pass();

    expect(r.hits).toHaveLength(1);
    const [hit] = r.hits;
    expect(hit.headers['content-type']).toBe('application/json');
    const checked = verifySignature(secret, String(hit.headers['tariff-signature']), hit.raw);
    expect(checked).toEqual({ valid: true, t: Math.floor(clock.now().getTime() / 1000) });
    // The signature covers the body and its timestamp: change either and it fails.
    expect(verifySignature(secret, String(hit.headers['tariff-signature']), hit.raw.replace('Acme', 'Evil')).valid).toBe(false);
    expect(verifySignature(secret, String(hit.headers['tariff-signature']).replace(/t=\d+/, `t=${checked.t + 1}`), hit.raw).valid).toBe(
      false,
    );
    expect(verifySignature(`${secret}x`, String(hit.headers['tariff-signature']), hit.raw).valid).toBe(false);
    expect(hit.body).toEqual({
      id: eventId,
      type: 'customer.created',
      createdAt: clock.now().toISOString(),
      aggregate: { type: 'customer', id: aggregate, sequence: 1 },
      customerId: null,
      data: { id: aggregate, name: 'Acme GmbH' },
    });

    const [delivery] = await h.deliveries(endpointId);
    expect(delivery).toMatchObject({
      eventId,
      eventType: 'customer.created',
      status: 'SUCCEEDED',
      attemptCount: 1,
      nextAttemptAt: null,
      lastStatusCode: 200,
      lastError: null,
    });
    expect(delivery.deliveredAt).toBe(clock.now().toISOString());
    expect(delivery.attempts).toEqual([
      { attemptedAt: clock.now().toISOString(), statusCode: 200, error: null, durationMs: expect.any(Number) },
    ]);

    clock.advanceSeconds(3600);
    await h.pass();
    expect(r.hits).toHaveLength(1);
  });

  it("carries a mutation's event from the outbox", async () => {
    const r = await receiver();
    const { secret } = await h.createEndpoint(r.url, ['customer.created']);
    const created = await must(
      t,
      'mutation { createCustomer(input: { name: "Hooked Ltd", email: "ops@hooked.example", currency: "EUR", taxStatus: EXEMPT }) { id } }',
    );
    await h.pass();
    const mine = r.hits.filter((x) => x.body.aggregate.id === created.createCustomer.id);
    expect(mine.map((x) => x.body.type)).toEqual(['customer.created']);
    expect(mine[0].body.data).toMatchObject({ id: created.createCustomer.id, name: 'Hooked Ltd', email: 'ops@hooked.example' });
    expect(verifySignature(secret, String(mine[0].headers['tariff-signature']), mine[0].raw).valid).toBe(true);
  });

  it('sends each endpoint the event types it subscribed to', async () => {
    const all = await receiver();
    const invoices = await receiver();
    const customers = await receiver();
    await h.createEndpoint(all.url, ['*']);
    await h.createEndpoint(invoices.url, ['invoice.finalized']);
    await h.createEndpoint(customers.url, ['customer.*', 'quote.accepted']);
    const c = randomUUID();
    const i = randomUUID();
    const s = randomUUID();
    await h.emit('customer.created', c, 1);
    await h.emit('invoice.created', i, 1);
    await h.emit('customer.updated', c, 2);
    await h.emit('invoice.finalized', i, 2);
    await h.emit('subscription.created', s, 1);
    await h.pass();
    const types = (r: Receiver) => r.accepted().map((b) => b.type);
    expect(types(all).sort()).toEqual([
      'customer.created',
      'customer.updated',
      'invoice.created',
      'invoice.finalized',
      'subscription.created',
    ]);
    expect(types(invoices)).toEqual(['invoice.finalized']);
    expect(types(customers)).toEqual(['customer.created', 'customer.updated']);
  });

  it('retries a receiver that is down with growing delays, then delivers everything, each aggregate in order', async () => {
    const r = await receiver();
    r.status = 500;
    const { id: endpointId } = await h.createEndpoint(r.url, ['*']);
    const x = randomUUID();
    const y = randomUUID();
    const x1 = await h.emit('subscription.created', x, 1, { n: 1 });
    const y1 = await h.emit('customer.created', y, 1);
    const x2 = await h.emit('subscription.updated', x, 2, { n: 2 });
    const x3 = await h.emit('subscription.canceled', x, 3, { n: 3 });
    const start = clock.now().getTime();

    await h.pass();
    // x2 and x3 wait behind x1: not posted at all while it fails.
    expect(r.hits.map((hit) => hit.body.id).sort()).toEqual([x1, y1].sort());
    expect(await h.delivery(endpointId, x2)).toMatchObject({ status: 'PENDING', attemptCount: 0, attempts: [] });
    expect((await h.delivery(endpointId, x1)).nextAttemptAt).toBe(new Date(start + 10 * SECOND).toISOString());

    clock.advanceSeconds(10);
    await h.pass();
    await r.stop(); // now connection refused
    clock.advanceSeconds(20);
    await h.pass();
    clock.advanceSeconds(40);
    await h.pass();
    expect(r.hits.filter((hit) => hit.body.aggregate.id === x).map((hit) => hit.body.aggregate.sequence)).toEqual([1, 1]);

    r.status = 200;
    await r.start();
    clock.advanceSeconds(79);
    await h.pass();
    expect(r.accepted()).toHaveLength(0); // not due yet: 80 s after the last failure
    clock.advanceSeconds(1);
    await h.pass();

    // Nothing lost, and x's events arrived 1, 2, 3 although 1 failed four times.
    expect(new Set(r.accepted().map((b) => b.id))).toEqual(new Set([x1, x2, x3, y1]));
    expect(r.accepted()).toHaveLength(4);
    expect(r.hits.filter((hit) => hit.body.aggregate.id === x).map((hit) => hit.body.data.n)).toEqual([1, 1, 1, 2, 3]);

    const first = await h.delivery(endpointId, x1);
    expect(first).toMatchObject({ status: 'SUCCEEDED', attemptCount: 5, lastStatusCode: 200 });
    expect(first.attempts.map((a: any) => a.statusCode)).toEqual([500, 500, null, null, 200]);
    expect(first.attempts.map((a: any) => a.error)).toEqual([
      'HTTP 500',
      'HTTP 500',
      expect.stringContaining('ECONNREFUSED'),
      expect.stringContaining('ECONNREFUSED'),
      null,
    ]);
    const times = first.attempts.map((a: any) => new Date(a.attemptedAt).getTime());
    expect(times.slice(1).map((at: number, i: number) => (at - times[i]) / SECOND)).toEqual([10, 20, 40, 80]);
    for (const later of [x2, x3]) expect(await h.delivery(endpointId, later)).toMatchObject({ status: 'SUCCEEDED', attemptCount: 1 });
    expect((await h.endpoint(endpointId)).failingSince).toBeNull();
  });

  it('gives up after 3 days and disables an endpoint that failed all along, with an event saying so', async () => {
    const down = await receiver();
    down.status = 503;
    const ops = await receiver();
    const failing = await h.createEndpoint(down.url, ['customer.*']);
    const watcher = await h.createEndpoint(ops.url, ['webhook_endpoint.*']);
    const c = randomUUID();
    const eventId = await h.emit('customer.created', c, 1);
    const start = clock.now().getTime();
    await h.pass();
    for (let i = 0; i < 40; i++) {
      const d = await h.delivery(failing.id, eventId);
      if (d.status !== 'PENDING') break;
      clock.set(new Date(d.nextAttemptAt));
      await h.pass();
    }

    const given = await h.delivery(failing.id, eventId);
    expect(given).toMatchObject({ status: 'FAILED', nextAttemptAt: null, lastStatusCode: 503, lastError: 'HTTP 503', deliveredAt: null });
    const times = given.attempts.map((a: any) => new Date(a.attemptedAt).getTime());
    expect(times[0]).toBe(start);
    expect(times.at(-1)).toBe(start + 72 * HOUR);
    const gaps = times.slice(1).map((at: number, i: number) => at - times[i]);
    expect(gaps.slice(0, 13)).toEqual(Array.from({ length: 13 }, (_, i) => 10 * SECOND * 2 ** i));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(MAX_RETRY_DELAY_MS);
    expect(given.attemptCount).toBe(times.length);
    expect(down.hits).toHaveLength(times.length);

    const endpoint = await h.endpoint(failing.id);
    expect(endpoint).toMatchObject({
      status: 'DISABLED',
      disabledAt: new Date(start + 72 * HOUR).toISOString(),
      failingSince: new Date(start).toISOString(),
    });
    const events = await h.sql<{ type: string; payload: any }>(`select type, payload from domain_event where aggregate_id = ?`, [
      failing.id,
    ]);
    expect(events).toEqual([
      { type: 'webhook_endpoint.disabled', payload: expect.objectContaining({ id: failing.id, reason: 'FAILING', url: down.url }) },
    ]);

    // The other endpoint hears of it, signed with its own secret.
    await h.pass();
    expect(ops.accepted().map((b) => [b.type, b.data.id])).toEqual([['webhook_endpoint.disabled', failing.id]]);
    expect(verifySignature(watcher.secret, String(ops.hits[0].headers['tariff-signature']), ops.hits[0].raw).valid).toBe(true);

    // Disabled: new events are not posted to it…
    const later = await h.emit('customer.updated', c, 2);
    clock.advanceSeconds(3600);
    await h.pass();
    expect(down.hits).toHaveLength(times.length);

    // …until it is enabled again: it resumes where it stopped; the given-up event stays given up.
    down.status = 200;
    const enabled = await must(t, 'mutation($id: ID!) { enableWebhookEndpoint(id: $id) { status failingSince disabledAt } }', {
      id: failing.id,
    });
    expect(enabled.enableWebhookEndpoint).toEqual({ status: 'ENABLED', failingSince: null, disabledAt: null });
    await h.pass();
    expect(down.accepted().map((b) => b.id)).toEqual([later]);
    expect((await h.delivery(failing.id, eventId)).status).toBe('FAILED');
  });

  it('disableWebhookEndpoint holds deliveries back and writes the event; enabling sends them', async () => {
    const r = await receiver();
    const { id } = await h.createEndpoint(r.url, ['invoice.*']);
    const disabled = await must(t, 'mutation($id: ID!) { disableWebhookEndpoint(id: $id) { status disabledAt } }', { id });
    expect(disabled.disableWebhookEndpoint).toEqual({ status: 'DISABLED', disabledAt: clock.now().toISOString() });
    // Twice is the same as once: one event.
    await must(t, 'mutation($id: ID!) { disableWebhookEndpoint(id: $id) { status } }', { id });
    const events = await h.sql<{ payload: any }>(
      `select payload from domain_event where aggregate_id = ? and type = 'webhook_endpoint.disabled'`,
      [id],
    );
    expect(events.map((e) => e.payload.reason)).toEqual(['MANUAL']);

    const eventId = await h.emit('invoice.finalized', randomUUID(), 1);
    await h.pass();
    expect(r.hits).toHaveLength(0);
    await must(t, 'mutation($id: ID!) { enableWebhookEndpoint(id: $id) { status } }', { id });
    await h.pass();
    expect(r.accepted().map((b) => b.id)).toEqual([eventId]);
  });

  it('sends again what a worker posted but died before recording (at least once, same event id)', async () => {
    const r = await receiver();
    const { id: endpointId } = await h.createEndpoint(r.url, ['invoice.*']);
    const eventId = await h.emit('invoice.finalized', randomUUID(), 1, { number: 'INV-2026-000001' });
    await h.fanOut();

    // A worker claims it, posts it, and dies before its transaction records the 2xx.
    const now = clock.now();
    const [claim] = await claimDueDeliveries(t.app.db.orm.em.fork(), {
      now,
      leaseUntil: new Date(now.getTime() + 60 * SECOND),
      limit: 10,
      exclude: [],
    });
    expect(claim.event.id).toBe(eventId);
    const body = deliveryBody(claim.event);
    const posted = await postWebhook(
      claim.url,
      body,
      { 'content-type': 'application/json', 'tariff-signature': signatureHeader(claim.secret, body, now) },
      { timeoutMs: 5000, allowPrivateAddresses: true },
    );
    expect(posted.statusCode).toBe(200);

    // Its lease holds the delivery for a minute…
    await h.pass();
    expect(r.hits).toHaveLength(1);
    expect(await h.delivery(endpointId, eventId)).toMatchObject({ status: 'PENDING', attemptCount: 0 });
    // …then another pass sends it again.
    clock.advanceSeconds(61);
    await h.pass();
    expect(r.hits.map((x) => x.body.id)).toEqual([eventId, eventId]);
    expect(await h.delivery(endpointId, eventId)).toMatchObject({ status: 'SUCCEEDED', attemptCount: 1 });
  });

  it('refuses loopback and private addresses when TARIFF_WEBHOOK_ALLOW_PRIVATE=0', async () => {
    const r = await receiver();
    const byIp = await h.createEndpoint(r.url, ['customer.*']);
    const byName = await h.createEndpoint(`http://localhost:${r.port}/hooks`, ['customer.*']);
    const eventId = await h.emit('customer.created', randomUUID(), 1);
    await h.pass({ allowPrivateAddresses: false });
    expect(r.hits).toHaveLength(0);
    expect(await h.delivery(byIp.id, eventId)).toMatchObject({
      status: 'PENDING',
      attemptCount: 1,
      lastError: expect.stringContaining('not a public address'),
    });
    expect(await h.delivery(byName.id, eventId)).toMatchObject({
      status: 'PENDING',
      attemptCount: 1,
      lastError: expect.stringContaining('non-public addresses only'),
    });
  });

  it('shares the work between concurrent workers: each event once, each aggregate in order', async () => {
    const r = await receiver();
    r.delayMs = 3;
    await h.createEndpoint(r.url, ['*']);
    const aggregates = [randomUUID(), randomUUID(), randomUUID()];
    const ids: string[] = [];
    for (let seq = 1; seq <= 8; seq++) for (const a of aggregates) ids.push(await h.emit('subscription.updated', a, seq, { seq }));
    await Promise.all([1, 2, 3].map(() => deliverWebhooks(h.options({ batchSize: 4 }))));
    await h.pass();
    const accepted = r.accepted();
    expect(accepted.map((b) => b.id).sort()).toEqual([...ids].sort());
    for (const a of aggregates) {
      expect(accepted.filter((b) => b.aggregate.id === a).map((b) => b.data.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    }
  });

  // Two transactions at once need a server: the embedded database is one backend (CI runs both).
  if (process.env.DATABASE_URL)
    it('never skips an event whose transaction commits after a later position was fanned out', async () => {
      const r = await receiver();
      await h.createEndpoint(r.url, ['*']);
      const url = t.app.db.orm.config.get('clientUrl');
      const early = new Client({ connectionString: url });
      const late = new Client({ connectionString: url });
      await early.connect();
      await late.connect();
      const insert = `insert into domain_event (id, aggregate_type, aggregate_id, aggregate_seq, type, payload, occurred_at)
                    values (gen_random_uuid(), 'customer', $1, 1, 'customer.created', '{}', $2) returning id, position::text`;
      try {
        // `early` takes its transaction id first, `late` inserts first (the lower position) and
        // commits last: a cursor on position alone would pass `late`'s event while it is invisible.
        await early.query('begin');
        await early.query('select pg_current_xact_id()');
        await late.query('begin');
        const lateRow = (await late.query(insert, [randomUUID(), clock.now()])).rows[0];
        const earlyRow = (await early.query(insert, [randomUUID(), clock.now()])).rows[0];
        expect(BigInt(lateRow.position)).toBeLessThan(BigInt(earlyRow.position));
        await early.query('commit');
        // Passes while `late` is still open: however long they take, none may move past its event.
        for (let i = 0; i < 20 && r.accepted().length === 0; i++) {
          await deliverWebhooks(h.options());
          await sleep(20);
        }
        await late.query('commit');
        await h.pass();
        expect(
          r
            .accepted()
            .map((b) => b.id)
            .sort(),
        ).toEqual([earlyRow.id, lateRow.id].sort());
      } finally {
        await early.end();
        await late.end();
      }
    });

  it('runs as a loop that stops cleanly', async () => {
    const r = await receiver();
    await h.createEndpoint(r.url, ['quote.*']);
    const worker = startWebhookWorker({ ...h.options(), intervalMs: 20 });
    const first = await h.emit('quote.accepted', randomUUID(), 1);
    // Waits for the worker to record its success, not for the receiver to see the POST: a stop
    // between the two aborts the POST in flight and hands the delivery back (at least once), and
    // the pass below would send it again.
    await eventually(
      () => h.sql<{ n: number }>(`select count(*)::int as n from webhook_delivery where event_id = ? and status = 'SUCCEEDED'`, [first]),
      {
        until: ([row]) => row.n === 1,
        what: 'the worker to deliver and record it',
        timeoutMs: 10_000,
        intervalMs: 20,
      },
    );
    await worker.stop();
    expect(r.accepted().map((b) => b.id)).toEqual([first]);
    const second = await h.emit('quote.accepted', randomUUID(), 1);
    // stop() awaited the loop's end: the new event reaches the receiver only through a pass of our own.
    expect(r.hits).toHaveLength(1);
    await h.pass();
    expect(r.accepted().map((b) => b.id)).toEqual([first, second]);
  });

  it('runs as `npm run webhooks -- --once`', async () => {
    const r = await receiver();
    await h.createEndpoint(r.url, ['contract.*']);
    const eventId = await h.emit('contract.created', randomUUID(), 1);
    const env = { ...process.env, DATABASE_URL: t.app.db.orm.config.get('clientUrl'), TARIFF_DB_POOL_SIZE: '2', LOG_LEVEL: 'warn' };
    let summary: any = null;
    // Repeated while the xmin horizon of a shared server lags (see WebhookHarness.pass).
    for (let i = 0; i < 10 && r.accepted().length === 0; i++) {
      const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/jobs/webhooks.cli.ts', '--once'], {
        cwd: path.resolve(__dirname, '../..'),
        env,
      });
      const out: string[] = [];
      child.stdout.on('data', (d) => out.push(String(d)));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(0);
      summary = JSON.parse(out.join(''));
    }
    expect(summary).toMatchObject({ succeeded: 1, attempts: 1 });
    expect(r.accepted().map((b) => b.id)).toEqual([eventId]);
  }, 60_000);
});
