import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeStripeDump } from '../support/stripe-fixtures/stripe-fixtures';
import { addInterval } from '../../src/pricing';
import { startTestApp, TestApp } from '../support/app';
import { eventually } from '../support/eventually';
import { openSessions } from '../support/sessions';
import { importSnapshot } from './db-snapshot';
import { customer, DAY, dumpDir, price, product, removeDumps, subscription, writeDump } from './stripe-builders';

// `npm run import` as an operator runs it: a process of its own on the database (the embedded one
// through its socket), progress on stderr, a JSON summary on stdout, the report file, exit codes;
// and killed with SIGKILL half-way, then resumed, it ends where an uninterrupted import ends.

const ROOT = path.resolve(__dirname, '../..');
const CLI = ['-r', '@swc-node/register', 'src/jobs/import.cli.ts'];
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
}, 60_000);
afterAll(async () => {
  await t.close();
  removeDumps();
});

function envFor(app: TestApp): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_URL: String(app.app.db.orm.config.get('clientUrl')), TARIFF_DB_POOL_SIZE: '2', LOG_LEVEL: 'warn' };
}

function start(args: string[], env = envFor(t)): ChildProcess & { out: string[]; err: string[]; done: Promise<number | null> } {
  const child = spawn(process.execPath, [...CLI, ...args], { cwd: ROOT, env });
  const out: string[] = [];
  const err: string[] = [];
  child.stdout.on('data', (d) => out.push(String(d)));
  child.stderr.on('data', (d) => err.push(String(d)));
  const done = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return Object.assign(child, { out, err, done });
}

/** A monthly period from `start` (seconds), ending where Tariff's cycle ends it, whatever month it is. */
const monthFrom = (start: number) => ({ start, end: Math.floor(addInterval(new Date(start * 1000), 'MONTH', 1, 1).getTime() / 1000) });

const count = async (app: TestApp, table: string) =>
  Number((await app.app.db.orm.em.fork().execute<{ n: string }[]>(`select count(*) as n from ${table}`))[0].n);

it.each([
  [[], /--from <dir> is required/],
  [['--from'], /--from needs a value/],
  [['--from', '/tmp', '--batch', '0'], /--batch must be a whole number from 1/],
  [['--from', '/tmp', '--frobnicate'], /unknown argument '--frobnicate'/],
])(
  'exits 2 on bad arguments: %j',
  async (args, message) => {
    const run = start(args);
    expect(await run.done).toBe(2);
    expect(run.err.join('')).toMatch(message);
    expect(run.err.join('')).toMatch(/usage: npm run import/);
  },
  60_000,
);

it('exits 2 when the directory is not a Stripe dump', async () => {
  const run = start(['--from', dumpDir()]);
  expect(await run.done).toBe(2);
  expect(run.err.join('')).toMatch(/is not a Stripe dump: missing products.jsonl, prices.jsonl/);
}, 60_000);

it('reports refused records with their ids and reasons in the report file, and exits 1', async () => {
  const now = Math.floor(Date.now() / 1000);
  const seat = price('price_cli_seat');
  const dir = writeDump({
    products: [product()],
    prices: [seat, price('price_cli_weekly', { recurring: { interval: 'week', interval_count: 1, usage_type: 'licensed' } })],
    customers: [customer('cus_cli_1'), customer('cus_cli_2', { email: null })],
    subscriptions: [subscription('sub_cli_1', 'cus_cli_1', [[seat, 2]], monthFrom(now - 10 * DAY))],
  });
  const reportFile = path.join(dir, 'out.json');
  const run = start(['--from', dir, '--report', reportFile]);
  expect(await run.done).toBe(1);
  const summary = JSON.parse(run.out.join(''));
  expect(summary).toMatchObject({
    ok: false,
    refused: 2,
    counts: { customer: { imported: 1, rejected: 1 }, subscription: { imported: 1 } },
    report: reportFile,
  });
  expect(summary.reconciliation).toMatchObject({
    clean: false,
    customers: { stripe: 2, tariff: 1 },
    nextInvoices: { compared: 1, matching: 1 },
  });
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  expect(report.rejected).toEqual([
    {
      kind: 'price',
      file: 'prices.jsonl',
      line: 2,
      id: 'price_cli_weekly',
      reason: expect.stringMatching(/recurring.interval: 'week' is not supported/),
    },
    { kind: 'customer', file: 'customers.jsonl', line: 2, id: 'cus_cli_2', reason: 'email: missing; Tariff sends invoices to it' },
  ]);
  expect(run.err.join('')).toMatch(/import: customers +\[#+\] 2\/2 · [\d,]+\/s · 1 refused/);
}, 120_000);

it('killed with SIGKILL half-way leaves whole records only, and resumed ends as an uninterrupted import does', async () => {
  // Real time: the CLI runs on the system clock, and refuses periods that ended before it runs.
  const dir = dumpDir();
  const counts = writeStripeDump(dir, { customers: 1500, seed: 11, asOf: new Date() });
  const args = ['--from', dir, '--batch', '10', '--concurrency', '1'];
  // Databases of their own: the reconciliation counts every record imported from Stripe.
  const killed = await startTestApp();
  const reference = await startTestApp();
  try {
    const doomed = start(args, { ...envFor(killed), PGAPPNAME: 'import-doomed' });
    await eventually(() => count(killed, 'subscription_external_id'), {
      until: (n) => n >= 150,
      what: 'the import to get going',
      timeoutMs: 240_000,
      intervalMs: 20,
    });
    doomed.kill('SIGKILL');
    await doomed.done;
    // A COMMIT already on the wire when it died may still land: counted once its sessions are gone.
    await eventually(() => openSessions(killed, 'import-doomed'), {
      until: (n) => n === 0,
      what: "the killed import's database sessions to end",
      timeoutMs: 10_000,
      intervalMs: 20,
    });
    const partial = await count(killed, 'subscription_external_id');
    expect(partial).toBeLessThan(counts.subscriptions);

    // Nothing half-imported: every subscription that is there is there whole, as is every customer.
    const [holes] = await killed.app.db.orm.em.fork().execute<Record<string, string>[]>(
      `select (select count(*) from subscription s where not exists (select 1 from subscription_item i where i.subscription_id = s.id)) as no_items,
              (select count(*) from subscription s where not exists (select 1 from subscription_external_id e where e.subscription_id = s.id)) as no_id,
              (select count(*) from subscription s where not exists (select 1 from subscription_event h where h.subscription_id = s.id and h.type = 'imported')) as no_history,
              (select count(*) from subscription s where not exists (select 1 from domain_event d where d.aggregate_id = s.id)) as no_event,
              (select count(*) from customer c where not exists (select 1 from customer_external_id e where e.customer_id = c.id)) as customer_no_id`,
    );
    expect(Object.values(holes).map(Number)).toEqual([0, 0, 0, 0, 0]);

    const resumed = start([...args, '--resume'], envFor(killed));
    const code = await resumed.done;
    // The summary first: when it is not clean, it says why.
    const summary = JSON.parse(resumed.out.join(''));
    expect([summary.refused, summary.reconciliation.firstDifferences]).toEqual([0, []]);
    expect(summary).toMatchObject({ ok: true, resume: true, reconciliation: { clean: true } });
    expect(code).toBe(0);
    expect(summary.counts.subscription.existing).toBeGreaterThanOrEqual(partial);

    const whole = start(['--from', dir], envFor(reference));
    expect(await whole.done).toBe(0);
    const snapshot = await importSnapshot(killed);
    expect([snapshot.subscription.length, snapshot.mrr_movement.length > 0]).toEqual([counts.subscriptions, true]);
    expect(snapshot).toEqual(await importSnapshot(reference));
  } finally {
    await killed.close();
    await reference.close();
  }
}, 600_000);

it('writes nothing on a dry run', async () => {
  const before = await count(t, 'subscription');
  const now = Math.floor(Date.now() / 1000);
  const seat = price('price_dry_seat');
  const dir = writeDump({
    products: [product('prod_Dry0000001')],
    prices: [{ ...seat, product: 'prod_Dry0000001' }],
    customers: [customer('cus_dry_1')],
    subscriptions: [subscription('sub_dry_1', 'cus_dry_1', [[seat, 1]], monthFrom(now - DAY))],
  });
  const run = start(['--from', dir, '--dry-run']);
  expect(await run.done).toBe(0);
  expect(JSON.parse(run.out.join(''))).toMatchObject({
    ok: true,
    dryRun: true,
    counts: { subscription: { imported: 1 } },
    reconciliation: null,
  });
  expect(await count(t, 'subscription')).toBe(before);
  expect(await count(t, "customer_external_id where external_id = 'cus_dry_1'")).toBe(0);
}, 120_000);
