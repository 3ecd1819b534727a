import pino from 'pino';
import { Writable } from 'node:stream';
import { BillingService } from '../../src/domain/billing/billing.service';
import type { BillingRunView } from '../../src/domain/billing/billing-run-store';
import { NO_PAYMENT_PROVIDERS } from '../../src/domain/payments/providers';
import { ManualClock } from '../../src/domain/shared/clock';
import { startTestApp, TestApp } from '../support/app';
import { createPrice, createProduct, must } from '../support/catalog';
import { runner } from './billing-support';

// startBillingRun / billingRun (issue 15): asynchronous, progress per batch, one RUNNING run per
// instant, a dead run does not block its instant, and no billing later than the real clock.
const PERIOD_START = '2026-01-01T00:00:00Z';
const BOUNDARY = '2026-02-01T00:00:00Z';
const clock = new ManualClock(new Date(BOUNDARY));
let t: TestApp;

const RUN_FIELDS = 'id status at processed total invoicesCreated startedAt finishedAt error';
const START = `mutation($at: DateTime) { startBillingRun(at: $at) { ${RUN_FIELDS} } }`;
const GET = `query($id: ID!) { billingRun(id: $id) { ${RUN_FIELDS} } }`;
const RUN_BILLING = 'mutation($at: DateTime!) { runBilling(at: $at) { invoicesCreated } }';

/** `n` customers, each with one monthly SEND_INVOICE subscription whose first period ends at BOUNDARY, written set-based. */
async function seedSubscriptions(n: number, tag: string): Promise<void> {
  const em = t.app.db.orm.em.fork();
  await em.transactional(async (tx) => {
    await tx.execute(
      `insert into customer (id, name, email, currency, tax_status, tax_rate, invoice_drafts, created_at, updated_at)
       select md5('${tag}c' || g)::uuid, 'Customer ' || g, 'c' || g || '@example.com', 'EUR', 'EXEMPT', null, false, '${PERIOD_START}', '${PERIOD_START}'
         from generate_series(1, ${n}) as g`,
    );
    await tx.execute(
      `insert into subscription (id, customer_id, status, version, currency, interval, interval_count, collection_method, billing_anchor,
                                 starts_at, current_period_start, current_period_end, cancel_at_period_end, created_at, updated_at)
       select md5('${tag}s' || g)::uuid, md5('${tag}c' || g)::uuid, 'ACTIVE', 1, 'EUR', 'MONTH', 1, 'SEND_INVOICE',
              '${PERIOD_START}', '${PERIOD_START}', '${PERIOD_START}', '${BOUNDARY}', false, '${PERIOD_START}', '${PERIOD_START}'
         from generate_series(1, ${n}) as g`,
    );
    await tx.execute(
      `insert into subscription_item (id, subscription_id, customer_id, price_id, price_code, quantity)
       select gen_random_uuid(), md5('${tag}s' || g)::uuid, md5('${tag}c' || g)::uuid, p.id, p.code, 1 + g % 7
         from generate_series(1, ${n}) as g join price p on p.code = 'seat' and p.is_current`,
    );
    // The revenue ledger's view of each subscription, as the API would have left it (bench/billing.bench.ts does the same).
    await tx.execute(
      `insert into mrr_subscription_state (subscription_id, customer_id, currency, status, interval, interval_count, items, mrr, updated_at)
       select s.id, s.customer_id, 'EUR', 'ACTIVE', 'MONTH', 1,
              jsonb_agg(jsonb_build_object('priceCode', i.price_code, 'priceVersion', p.version, 'quantity', i.quantity::text) order by i.price_code), 0, '${PERIOD_START}'
         from subscription s join subscription_item i on i.subscription_id = s.id join price p on p.id = i.price_id
        where s.id in (select md5('${tag}s' || g)::uuid from generate_series(1, ${n}) as g)
        group by s.id, s.customer_id`,
    );
  });
}

/** Polls the run until it is no longer RUNNING, handing every observation to `see`. */
async function untilFinished(
  id: string,
  see: (run: BillingRunView & Record<string, unknown>) => void = () => {},
): Promise<Record<string, any>> {
  const deadline = performance.now() + 240_000;
  for (;;) {
    const run = (await must(t, GET, { id })).billingRun;
    see(run);
    if (run.status !== 'RUNNING') return run;
    if (performance.now() > deadline) throw new Error(`billing run ${id} still RUNNING after 240 s: ${JSON.stringify(run)}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const runCount = async () => Number((await t.app.db.orm.em.fork().execute<{ n: string }[]>('select count(*) as n from billing_run'))[0].n);

beforeAll(async () => {
  t = await startTestApp({ clock });
  await createProduct(t, 'plan');
  await createPrice(t, 'seat', { kind: 'per_unit', config: { unitAmount: '12.50' } });
  // A cold embedded database on a busy machine can take longer than the default 30 s.
}, 120_000);
afterAll(async () => {
  await t.close();
});
afterEach(() => clock.set(new Date(BOUNDARY)));

describe('the real clock bounds billing', () => {
  it.each([
    ['runBilling', RUN_BILLING],
    ['startBillingRun', START],
  ])('%s refuses an instant after now as BAD_USER_INPUT at `at`, writing nothing', async (_name, query) => {
    const before = await runCount();
    const res = await t.gql(query, { at: '2026-02-01T00:00:01Z' });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'at' });
    expect(res.errors?.[0].message).toMatch(/test clock/);
    expect(await runCount()).toBe(before);
  });

  it('is ADMIN only', async () => {
    const sales = (await must(t, 'mutation { createApiKey(input: { role: SALES, name: "sales" }) { secret } }')).createApiKey.secret;
    expect((await t.gql(START, {}, sales)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(GET, { id: '00000000-0000-4000-8000-000000000000' }, sales)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await must(t, GET, { id: 'not-an-id' })).billingRun).toBeNull();
  });
});

describe('startBillingRun', () => {
  it('answers at once and reports progress while 1,000 subscriptions are billed, then SUCCEEDED with processed = total', async () => {
    await seedSubscriptions(1000, 'progress');
    const started = (await must(t, START, {})).startBillingRun;
    expect(started).toMatchObject({ status: 'RUNNING', at: BOUNDARY.replace('Z', '.000Z'), finishedAt: null, error: null });
    const seen: { status: string; processed: number; total: number | null }[] = [];
    const finished = await untilFinished(started.id, (run) =>
      seen.push({ status: run.status, processed: run.processed, total: run.total }),
    );
    expect(seen.some((r) => r.status === 'RUNNING' && r.total === 1000 && r.processed > 0 && r.processed < r.total)).toBe(true);
    expect(finished).toMatchObject({
      id: started.id,
      status: 'SUCCEEDED',
      processed: 1000,
      total: 1000,
      invoicesCreated: 1000,
      error: null,
    });
    expect(new Date(finished.finishedAt).getTime()).toBeGreaterThanOrEqual(new Date(finished.startedAt).getTime());
    // Progress only moves forward.
    const processed = seen.map((r) => r.processed);
    expect(processed).toEqual([...processed].sort((a, b) => a - b));
    // The run billed; a second one at the same instant finds nothing left.
    const again = (await must(t, START, { at: BOUNDARY })).startBillingRun;
    expect(again.id).not.toBe(started.id);
    expect(await untilFinished(again.id)).toMatchObject({ status: 'SUCCEEDED', processed: 0, total: 0, invoicesCreated: 0 });
  }, 300_000);

  it('returns the RUNNING run of the same instant instead of starting another, and replaces one whose process died', async () => {
    const at = '2026-01-15T00:00:00.000Z';
    const em = t.app.db.orm.em.fork();
    // A run another process is doing (heartbeat fresh): nothing here runs it.
    await em.execute(
      `insert into billing_run (id, at, status, processed, total, invoices_created, started_at, started_by, heartbeat_at)
       values ('11111111-1111-4111-8111-111111111111', '${at}', 'RUNNING', 3, 10, 3, '${at}', 'other', clock_timestamp())`,
    );
    const same = (await must(t, START, { at })).startBillingRun;
    expect(same).toMatchObject({ id: '11111111-1111-4111-8111-111111111111', status: 'RUNNING', processed: 3, total: 10 });
    // Its process died: no progress for longer than the stale limit.
    await em.execute(
      `update billing_run set heartbeat_at = clock_timestamp() - interval '10 minutes' where id = '11111111-1111-4111-8111-111111111111'`,
    );
    const dead = (await must(t, GET, { id: same.id })).billingRun;
    expect(dead).toMatchObject({ status: 'FAILED', processed: 3 });
    expect(dead.error).toMatch(/abandoned/);
    const fresh = (await must(t, START, { at })).startBillingRun;
    expect(fresh.id).not.toBe(same.id);
    expect(await untilFinished(fresh.id)).toMatchObject({ status: 'SUCCEEDED' });
    const [row] = await em.execute<{ status: string; error: string }[]>(
      `select status, error from billing_run where id = '11111111-1111-4111-8111-111111111111'`,
    );
    expect(row.status).toBe('FAILED');
    expect(row.error).toMatch(/abandoned/);
  });

  it('writes every log line of a run with its run id', async () => {
    await seedSubscriptions(5, 'logs');
    clock.set(new Date('2026-02-01T00:00:00Z'));
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const service = new BillingService({
      em: t.app.db.orm.em.fork(),
      actor: runner,
      clock,
      providers: NO_PAYMENT_PROVIDERS,
      logger: pino({ level: 'debug' }, sink),
    });
    const run = await service.start(new Date(BOUNDARY));
    const finished = await untilFinished(run.id);
    expect(finished).toMatchObject({ status: 'SUCCEEDED', processed: 5, total: 5, invoicesCreated: 5 });
    expect(lines.some((l) => l.msg === 'billing run: boundary closed' || l.msg === 'billing run done')).toBe(true);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.filter((l) => l.billingRunId !== run.id)).toEqual([]);
  });
});
