/**
 * `npm run bench:import`: a generated Stripe dump of BENCH_CUSTOMERS (default 100,000) customers
 * with their subscriptions (about 1.15 each, every price kind, trials, cancellations, metered
 * items) and open invoices, imported by `npm run import`'s code (scan, catalog, customers,
 * subscriptions, invoices, reconciliation), on real PostgreSQL. Then, in the same run, the
 * baseline: every row the import wrote (records, external ids, history, events, the revenue
 * ledger's rows) inserted again with plain multi-row INSERTs (1,000 rows a statement, one
 * transaction each) through the same pg driver into copies of the tables. Targets: the whole
 * import under 2 minutes; the ratio is reported. Real PostgreSQL only (DATABASE_URL: a database
 * of its own is created there and dropped). Generating the dump is not measured.
 */
import '../src/production-defaults';
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { Role } from '../src/domain/auth/actor';
import { ManualClock } from '../src/domain/shared/clock';
import { importStripeDump } from '../src/import/stripe-import';
import { writeStripeDump } from '../test/support/stripe-fixtures/stripe-fixtures';
import { startTestApp } from '../test/support/app';
import { arrayColumns, insertRows } from './support/baseline-insert';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 500);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const TARGET_SECONDS = 120;
const AS_OF = new Date('2026-11-20T12:00:00Z');
const TABLES = [
  'customer',
  'customer_external_id',
  'subscription',
  'subscription_item',
  'subscription_external_id',
  'subscription_event',
  'invoice',
  'invoice_line',
  'invoice_external_id',
  'coupon',
  'coupon_redemption',
  'domain_event',
  'mrr_movement',
  'mrr_subscription_state',
  'mrr_discount_state',
];

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    console.error(
      'bench:import needs real PostgreSQL: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres); it creates and drops a database of its own there.',
    );
    process.exit(1);
  }
  if (
    !Number.isInteger(CUSTOMERS) ||
    CUSTOMERS < 10 ||
    !Number.isInteger(BATCH) ||
    BATCH < 1 ||
    !Number.isInteger(CONCURRENCY) ||
    CONCURRENCY < 1
  ) {
    console.error('BENCH_CUSTOMERS must be a whole number ≥ 10, BENCH_BATCH and BENCH_CONCURRENCY ≥ 1');
    process.exit(1);
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'stripe-bench-'));
  const clock = new ManualClock(new Date(AS_OF.getTime() + 3_600_000));
  const t = await startTestApp({ clock, env: { LOG_LEVEL: 'silent', TARIFF_DB_POOL_SIZE: String(CONCURRENCY + 2) } });
  const sql = new Client({ connectionString: String(t.app.db.orm.config.get('clientUrl')) });
  await sql.connect();
  try {
    const generatedAt = performance.now();
    const dump = writeStripeDump(dir, { customers: CUSTOMERS, seed: 1, asOf: AS_OF });
    console.log(
      `generated ${fmt(dump.customers)} customers, ${fmt(dump.subscriptions)} subscriptions, ${fmt(dump.invoices)} invoices (${fmt(dump.openInvoices)} open) in ${((performance.now() - generatedAt) / 1000).toFixed(1)} s`,
    );

    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 250);
    let lastPhase = '';
    const started = performance.now();
    const report = await importStripeDump({
      dir,
      dryRun: false,
      resume: false,
      batchSize: BATCH,
      concurrency: CONCURRENCY,
      clock,
      fork: () => t.app.db.orm.em.fork(),
      actor: { keyId: 'bench', name: 'import bench', role: Role.ADMIN, customerId: null },
      onProgress: (p) => {
        const line = 'total' in p ? `${p.phase} ${fmt(p.done)}/${fmt(p.total)}` : p.phase;
        if ('total' in p && p.done < p.total && p.phase === lastPhase) return;
        lastPhase = p.phase;
        process.stderr.write(`import: ${line}, ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
      },
    });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);

    const records = (['product', 'price', 'coupon', 'customer', 'subscription', 'invoice'] as const).reduce(
      (n, k) => n + report.counts[k].imported,
      0,
    );
    const rows = await rowCounts(sql);
    const written = Object.values(rows).reduce((a, b) => a + b, 0);
    const problems: string[] = [];
    if (!report.ok)
      problems.push(
        `the import is not clean: ${report.rejected.length} refused, ${report.reconciliation?.differences.length ?? '?'} differences`,
      );

    const baseline = await insertBaseline(sql);
    const rate = written / seconds;
    const ratio = rate / baseline.rowsPerSecond;
    console.log(
      `PostgreSQL (DATABASE_URL), ${availableParallelism()} cores; ${fmt(CUSTOMERS)} customers; batches of ${BATCH} records, ${CONCURRENCY} at once`,
    );
    console.log(
      `import:   ${seconds.toFixed(1)} s for scan, catalog, ${fmt(report.counts.customer.imported)} customers, ${fmt(report.counts.subscription.imported)} subscriptions, ${fmt(report.counts.invoice.imported)} open invoices and the reconciliation (${report.reconciliation?.clean ? 'clean' : 'NOT clean'})`,
    );
    console.log(
      `          ${fmt(records / seconds)} records/s; ${fmt(rate)} rows/s (${fmt(written)} rows: ${Object.entries(rows)
        .map(([k, v]) => `${k} ${fmt(v)}`)
        .join(', ')})`,
    );
    console.log(
      `baseline: ${baseline.seconds.toFixed(1)} s, ${fmt(baseline.rowsPerSecond)} rows/s (the same rows, multi-row INSERT through pg)`,
    );
    console.log(
      `ratio ${(ratio * 100).toFixed(0)}% of the baseline's rows/s; whole import ${seconds.toFixed(1)} s (target < ${TARGET_SECONDS} s)`,
    );
    console.log(`memory: peak rss ${Math.round(peakRss / 1_048_576)} MB during the import`);
    for (const p of problems) console.error(`FAILED: ${p}`);
    if (problems.length > 0) process.exitCode = 1;
    else if (seconds >= TARGET_SECONDS) process.exitCode = 2;
  } finally {
    await sql.end();
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

async function rowCounts(sql: Client): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) out[table] = Number((await sql.query(`select count(*) as n from ${table}`)).rows[0].n);
  return out;
}

/** The rows the import wrote, written again the plain way into copies of the tables; only the inserts are timed. */
async function insertBaseline(sql: Client): Promise<{ seconds: number; rowsPerSecond: number }> {
  let insertMs = 0;
  let rows = 0;
  await sql.query('checkpoint').catch(() => undefined);
  for (const table of TABLES) {
    await sql.query(`create table ${table}_baseline (like ${table} including all)`);
    // Read in pages by ctid order (cheap, stable while nothing writes the table).
    const {
      rows: [{ n }],
    } = await sql.query(`select count(*)::int as n from ${table}`);
    for (let offset = 0; offset < n; offset += 10_000) {
      const { rows: page, fields } = await sql.query(`select * from ${table} order by ctid limit 10000 offset ${offset}`);
      const arrays = arrayColumns(fields);
      const started = performance.now();
      for (let i = 0; i < page.length; i += 1000) {
        await sql.query('begin');
        await insertRows(sql, `${table}_baseline`, page.slice(i, i + 1000), arrays);
        await sql.query('commit');
      }
      insertMs += performance.now() - started;
      rows += page.length;
    }
  }
  const seconds = insertMs / 1000;
  return { seconds, rowsPerSecond: rows / seconds };
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
