import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Invoice } from '../../src/domain/invoices/invoice.entity';
import { ManualClock } from '../../src/domain/shared/clock';
import { startTestApp, TestApp } from '../support/app';
import { createCustomer, createPrice, createProduct } from '../support/catalog';
import { eventually } from '../support/eventually';
import { openSessions } from '../support/sessions';
import { expectGaplessNumbers, subscribe } from './billing-support';

// `npm run billing` as operators run it: a separate process on the same database (on the embedded
// one, through its socket). Its invoices are dated by the real clock, so the numbers' year is today's.
const ROOT = path.resolve(__dirname, '../..');
const CLI = ['-r', '@swc-node/register', 'src/jobs/billing.cli.ts'];
// Several worker processes need a real server; the embedded database is one backend.
const WORKERS = process.env.DATABASE_URL ? '3' : '1';
const clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
let t: TestApp;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  t = await startTestApp({ clock });
  await createProduct(t, 'plan');
  await createPrice(t, 'seat', { kind: 'per_unit', config: { unitAmount: '12.50' } });
  env = { ...process.env, DATABASE_URL: t.app.db.orm.config.get('clientUrl'), TARIFF_DB_POOL_SIZE: '2', LOG_LEVEL: 'warn' };
}, 60_000);
afterAll(async () => {
  await t.close();
});

function start(
  args: string[],
  extraEnv: NodeJS.ProcessEnv = {},
): ChildProcess & { out: string[]; err: string[]; done: Promise<number | null> } {
  const child = spawn(process.execPath, [...CLI, ...args], { cwd: ROOT, env: { ...env, ...extraEnv } });
  const out: string[] = [];
  const err: string[] = [];
  child.stdout.on('data', (d) => out.push(String(d)));
  child.stderr.on('data', (d) => err.push(String(d)));
  const done = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return Object.assign(child, { out, err, done });
}

async function customersWithSubscriptions(n: number): Promise<string[]> {
  clock.set(new Date('2026-01-01T00:00:00Z'));
  const customers: string[] = [];
  for (let i = 0; i < n; i++) {
    const customer = await createCustomer(t);
    await subscribe(t, customer, { items: [{ priceCode: 'seat', quantity: String(i + 1) }] });
    customers.push(customer);
  }
  return customers;
}

function childPids(parent: number): number[] {
  try {
    const out = execFileSync('ps', ['-o', 'pid=', '--ppid', String(parent)], { encoding: 'utf8' }).trim();
    return out ? out.split(/\s+/).map(Number) : [];
  } catch {
    return []; // ps exits 1 when the process has no children (one worker runs in the parent)
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const count = (customers: string[]) => t.app.db.orm.em.fork().count(Invoice, { customer: { $in: customers } });

it.each([
  [['--at', '2027-01-01'], /--at must be an ISO 8601 instant with an offset/],
  [['--workers', '0'], /--workers must be a whole number/],
  [['--at'], /--at needs a value/],
  [['--frobnicate'], /unknown argument/],
])('exits 2 on bad arguments: %j', async (args, message) => {
  // Not spawnSync: blocking the event loop would starve the test app's HTTP server.
  const run = start(args);
  expect(await run.done).toBe(2);
  expect(run.err.join('')).toMatch(message);
  expect(run.err.join('')).toMatch(/usage: npm run billing/);
});

it('bills with worker processes, progress on stderr and a JSON summary on stdout', async () => {
  const customers = await customersWithSubscriptions(12);
  const run = start(['--at', '2026-04-01T00:00:00Z', '--workers', WORKERS]);
  expect(await run.done).toBe(0);
  expect(JSON.parse(run.out.join(''))).toMatchObject({
    at: '2026-04-01T00:00:00.000Z',
    workers: Number(WORKERS),
    invoicesCreated: 36,
    subscriptionsFailed: 0,
  });
  expect(run.err.join('')).toMatch(/billing: \d+\/\d+ subscriptions, \d+ invoices, 0 failed/);
  expect(await count(customers)).toBe(12 * 4);
  const again = start(['--at', '2026-04-01T00:00:00Z']);
  expect(await again.done).toBe(0);
  expect(JSON.parse(again.out.join(''))).toMatchObject({ subscriptionsProcessed: 0, invoicesCreated: 0 });
  await expectGaplessNumbers(t);
}, 180_000);

it('runs one worker on the embedded database, saying so, when asked for several', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tariff-billing-'));
  const { DATABASE_URL: _server, ...embedded } = env;
  try {
    const run = spawn(process.execPath, [...CLI, '--workers', '3', '--at', '2026-01-01T00:00:00Z'], {
      cwd: ROOT,
      env: { ...embedded, TARIFF_DATA_DIR: dataDir },
    });
    const out: string[] = [];
    const err: string[] = [];
    run.stdout.on('data', (d) => out.push(String(d)));
    run.stderr.on('data', (d) => err.push(String(d)));
    expect(await new Promise((resolve) => run.on('exit', resolve))).toBe(0);
    expect(err.join('')).toMatch(/the embedded database is one backend, so one worker runs/);
    expect(JSON.parse(out.join(''))).toMatchObject({ workers: 1, subscriptionsProcessed: 0, invoicesCreated: 0 });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 120_000);

it('bills every boundary exactly once after a run killed with SIGKILL half-way', async () => {
  const customers = await customersWithSubscriptions(24);
  const expected = 24 * 10; // the first invoices, and nine months to catch up
  const before = await count(customers);
  const doomed = start(['--at', '2026-10-01T00:00:00Z', '--workers', WORKERS], { PGAPPNAME: 'billing-doomed' });
  // Kill it once it has billed something; its workers stop when their IPC channel closes.
  await eventually(() => count(customers), {
    until: (n) => n >= before + 20,
    what: 'the run to bill 20 invoices',
    timeoutMs: 120_000,
    intervalMs: 10,
  });
  const workers = childPids(doomed.pid!);
  expect(workers).toHaveLength(WORKERS === '1' ? 0 : Number(WORKERS));
  doomed.kill('SIGKILL');
  await doomed.done;
  // Nothing bills on behind its back: the workers stop with it. A COMMIT already on the wire when
  // they died may still land, so the count is read once the server has ended all their sessions.
  await eventually(() => workers.filter(alive), {
    until: (left) => left.length === 0,
    what: 'the workers to exit',
    timeoutMs: 10_000,
    intervalMs: 20,
  });
  await eventually(() => openSessions(t, 'billing-doomed'), {
    until: (n) => n === 0,
    what: "the killed run's database sessions to end",
    timeoutMs: 10_000,
    intervalMs: 20,
  });
  const partial = await count(customers);
  expect(partial).toBeLessThan(expected);
  const rerun = start(['--at', '2026-10-01T00:00:00Z']);
  expect(await rerun.done).toBe(0);
  expect(JSON.parse(rerun.out.join(''))).toMatchObject({ subscriptionsFailed: 0 });
  const em = t.app.db.orm.em.fork();
  for (const customer of customers) {
    const invoices = await em.find(Invoice, { customer }, { orderBy: { periodStart: 'asc' } });
    expect(invoices.map((i) => i.periodStart!.toISOString().slice(0, 7))).toEqual(
      Array.from({ length: 10 }, (_, m) => `2026-${String(m + 1).padStart(2, '0')}`),
    );
  }
  await expectGaplessNumbers(t);
}, 180_000);
