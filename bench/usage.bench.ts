/**
 * `npm run bench:usage`: recordUsage over HTTP in batches of 1,000 events (1 % of them resent),
 * then, in the same run, the same rows through a bare multi-row `INSERT ... ON CONFLICT DO
 * NOTHING` with the same pg driver, batch size and concurrency, into a copy of the table.
 * (7 bind parameters a row: the textbook bulk insert; recordUsage itself sends a batch as one jsonb
 * parameter, see usage.service.ts). Both generate the same events before their clock starts.
 * Targets: Tariff ≥ 50 % of the bare insert and ≥ 20,000 events/s. Real PostgreSQL only
 * (DATABASE_URL; a database of its own on that server): PGlite runs one query at a time, so
 * concurrency and throughput measured there say nothing about a deployment.
 * BENCH_EVENTS (default 1,000,000), BENCH_CONCURRENCY (default 4).
 */
import '../src/production-defaults';
import 'reflect-metadata';
import { availableParallelism, cpus } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { startTestApp, TestApp } from '../test/support/app';
import { loadPlan, LoadResult, runUsageLoad } from './usage-load';

const BATCH = 1000;
const RESENT_PER_BATCH = 10; // 1 %
const CUSTOMERS = 50;
const WARM_UP_BATCHES = 20;
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const TARGET_RATIO = 0.5;
const TARGET_RATE = 20_000;

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    console.error(
      'bench:usage needs real PostgreSQL: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres); it creates and drops a database of its own there.',
    );
    process.exit(1);
  }
  if (!Number.isInteger(EVENTS) || EVENTS < BATCH || !Number.isInteger(CONCURRENCY) || CONCURRENCY < 1) {
    console.error(`BENCH_EVENTS must be a whole number ≥ ${BATCH} and BENCH_CONCURRENCY ≥ 1`);
    process.exit(1);
  }
  const busyBefore = await busyShare();
  const t = await startTestApp({ env: { LOG_LEVEL: 'silent' } });
  const dbUrl = String(t.app.db.orm.config.get('clientUrl'));
  const sql = new Client({ connectionString: dbUrl });
  await sql.connect();
  try {
    await sql.query('create table usage_event_baseline (like usage_event including all)');
    const customers = await createCustomers(t);
    const batches = Math.ceil(EVENTS / BATCH);
    const common = { customers, batchSize: BATCH, resentPerBatch: RESENT_PER_BATCH, concurrency: CONCURRENCY };
    const http = { url: `${t.url}/graphql`, adminKey: t.adminKey };

    // Warm both paths up (JIT, pools, caches) with events of their own, not counted below.
    await runUsageLoad({ ...common, mode: 'http', ...http, batches: WARM_UP_BATCHES, tag: 'warm' });
    await runUsageLoad({ ...common, mode: 'sql', dbUrl, batches: WARM_UP_BATCHES, tag: 'warm' });

    await checkpoint(sql);
    const tariff = await runUsageLoad({ ...common, mode: 'http', ...http, batches, tag: 'run' });
    await checkpoint(sql);
    const bare = await runUsageLoad({ ...common, mode: 'sql', dbUrl, batches, tag: 'run' });

    const plan = loadPlan(batches, BATCH, RESENT_PER_BATCH);
    const problems = [
      ...verify('recordUsage', tariff, plan, await countRows(sql, 'usage_event')),
      ...verify('bare insert', bare, plan, await countRows(sql, 'usage_event_baseline')),
    ];
    const ratio = tariff.perSecond / bare.perSecond;
    console.log(
      `PostgreSQL (DATABASE_URL), ${availableParallelism()} cores; ${plan.sent} events in batches of ${BATCH} (${plan.duplicates} resent), ${CUSTOMERS} customers, concurrency ${CONCURRENCY}`,
    );
    console.log(`bare INSERT ... ON CONFLICT (pg): ${fmt(bare.perSecond)} events/s (${bare.seconds.toFixed(1)} s)`);
    console.log(
      `recordUsage over HTTP:            ${fmt(tariff.perSecond)} events/s (${tariff.seconds.toFixed(1)} s, ${tariff.failures} failed requests)`,
    );
    console.log(
      `ratio ${(ratio * 100).toFixed(0)}% of the bare insert (target ≥ ${TARGET_RATIO * 100}%); target ≥ ${fmt(TARGET_RATE)} events/s`,
    );
    // Server, database and load generator share the machine: anything else running skews both runs.
    if (busyBefore > 0.2)
      console.log(
        `note: the CPUs were ${(busyBefore * 100).toFixed(0)}% busy before the run: other processes compete; events/s are lower bounds`,
      );
    for (const p of problems) console.error(`FAILED: ${p}`);
    if (problems.length > 0) process.exitCode = 1;
    else if (ratio < TARGET_RATIO || tariff.perSecond < TARGET_RATE) process.exitCode = 2;
  } finally {
    await sql.end();
    await t.close();
  }
}

/** How busy the CPUs were over one second, before the run loads them itself. */
async function busyShare(): Promise<number> {
  const total = () =>
    cpus().reduce((sum, c) => ({ idle: sum.idle + c.times.idle, all: sum.all + Object.values(c.times).reduce((a, b) => a + b, 0) }), {
      idle: 0,
      all: 0,
    });
  const before = total();
  await sleep(1000);
  const after = total();
  return 1 - (after.idle - before.idle) / Math.max(1, after.all - before.all);
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

async function createCustomers(t: TestApp): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < CUSTOMERS; i++) {
    const res = await t.gql<{ createCustomer: { id: string } }>(
      `mutation { createCustomer(input: { name: "Bench ${i}", email: "bench${i}@example.com", currency: "EUR", taxStatus: EXEMPT }) { id } }`,
    );
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    ids.push(res.data.createCustomer.id);
  }
  return ids;
}

/** A checkpoint falling inside one run and not the other would decide the ratio. */
async function checkpoint(sql: Client): Promise<void> {
  try {
    await sql.query('checkpoint');
  } catch {
    // Not a superuser: the runs are then as fair as the server's own checkpoints make them.
  }
}

async function countRows(sql: Client, table: string): Promise<number> {
  const { rows } = await sql.query<{ n: string }>(`select count(*) as n from ${table} where event_id like 'run-%'`);
  return Number(rows[0].n);
}

/** accepted + duplicates = sent; accepted = the rows stored = the unique events. */
function verify(name: string, r: LoadResult, plan: ReturnType<typeof loadPlan>, rows: number): string[] {
  const problems: string[] = [];
  if (r.failures > 0) problems.push(`${name}: ${r.failures} failed requests (${r.firstError ?? ''})`);
  if (r.accepted !== plan.unique) problems.push(`${name}: accepted ${r.accepted}, expected ${plan.unique}`);
  if (r.accepted + r.duplicates !== plan.sent)
    problems.push(`${name}: accepted + duplicates = ${r.accepted + r.duplicates}, sent ${plan.sent}`);
  if (r.duplicates !== plan.duplicates) problems.push(`${name}: duplicates ${r.duplicates}, expected ${plan.duplicates}`);
  if (rows !== plan.unique) problems.push(`${name}: ${rows} rows stored, expected ${plan.unique}`);
  return problems;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
