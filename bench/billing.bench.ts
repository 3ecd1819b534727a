/**
 * `npm run bench:billing`: the billing run over BENCH_SUBSCRIPTIONS (default 100,000) active
 * subscriptions whose period ends at the same instant, 3 items each over mixed rules (per_unit,
 * graduated, volume, package, flat), a tenth of them metered with usage events. Then, in the
 * same run, the baseline: the very invoice and line rows the run wrote, inserted again with
 * plain multi-row INSERTs (bind parameters, 1,000 invoices and their lines a statement pair, one
 * transaction per pair) through the same pg driver into copies of the tables. Targets: the run
 * under 60 s and ≥ 25 % of the baseline's rows/s. Real PostgreSQL only (DATABASE_URL: a database
 * of its own is created there and dropped). The book is seeded with SQL (as a migration from
 * another system would be): creating 100,000 subscriptions through the API is not what is measured.
 */
import '../src/production-defaults';
import 'reflect-metadata';
import { availableParallelism } from 'node:os';
import { Client } from 'pg';
import { Role } from '../src/domain/auth/actor';
import { ManualClock } from '../src/domain/shared/clock';
import { runBilling } from '../src/domain/billing/billing-run';
import { createLogger } from '../src/logger';
import { startTestApp, TestApp } from '../test/support/app';
import { timeDocumentInsert } from './support/baseline-insert';

const SUBSCRIPTIONS = Number(process.env.BENCH_SUBSCRIPTIONS ?? 100_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 1000);
const EVENTS_PER_METERED = 10;
const TARGET_SECONDS = 60;
const TARGET_RATIO = 0.25;
const PERIOD_START = '2026-01-01T00:00:00Z';
const BOUNDARY = '2026-02-01T00:00:00Z';

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    console.error(
      'bench:billing needs real PostgreSQL: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres); it creates and drops a database of its own there.',
    );
    process.exit(1);
  }
  if (!Number.isInteger(SUBSCRIPTIONS) || SUBSCRIPTIONS < 10 || !Number.isInteger(BATCH) || BATCH < 1) {
    console.error('BENCH_SUBSCRIPTIONS must be a whole number ≥ 10 and BENCH_BATCH ≥ 1');
    process.exit(1);
  }
  const clock = new ManualClock(new Date(PERIOD_START));
  const t = await startTestApp({ clock, env: { LOG_LEVEL: 'silent' } });
  const sql = new Client({ connectionString: String(t.app.db.orm.config.get('clientUrl')) });
  await sql.connect();
  try {
    await createCatalog(t);
    const seedStarted = performance.now();
    await seedBook(sql);
    console.log(
      `seeded ${SUBSCRIPTIONS.toLocaleString('en-US')} subscriptions in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
    );
    await sql.query('vacuum analyze');

    clock.set(new Date(BOUNDARY));
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 250);
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    let lastReport = 0;
    const result = await runBilling({
      fork: () => t.app.db.orm.em.fork(),
      at: new Date(BOUNDARY),
      clock,
      actor: { keyId: 'bench', name: 'billing bench', role: Role.ADMIN, customerId: null },
      batchSize: BATCH,
      logger: createLogger(process.env.LOG_LEVEL ?? 'warn'),
      onProgress: (p) => {
        if (p.elapsedMs - lastReport < 2000) return;
        lastReport = p.elapsedMs;
        process.stderr.write(
          `billing: ${p.subscriptionsProcessed}/${p.subscriptionsDue} subscriptions, ${p.invoicesCreated} invoices, ${(p.elapsedMs / 1000).toFixed(1)} s\n`,
        );
      },
    });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);

    const {
      rows: [counts],
    } = await sql.query<{ invoices: string; lines: string; numbered: string; advanced: string }>(
      `select (select count(*) from invoice where period_start = $1) as invoices,
              (select count(*) from invoice_line l join invoice i on i.id = l.invoice_id where i.period_start = $1) as lines,
              (select count(distinct number) from invoice where period_start = $1 and number is not null) as numbered,
              (select count(*) from subscription where current_period_start = $1) as advanced`,
      [BOUNDARY],
    );
    const invoices = Number(counts.invoices);
    const lines = Number(counts.lines);
    const problems: string[] = [];
    if (result.invoicesCreated !== SUBSCRIPTIONS || invoices !== SUBSCRIPTIONS)
      problems.push(`expected ${SUBSCRIPTIONS} invoices, the run reported ${result.invoicesCreated} and stored ${invoices}`);
    if (Number(counts.numbered) !== SUBSCRIPTIONS) problems.push(`expected ${SUBSCRIPTIONS} distinct numbers, found ${counts.numbered}`);
    if (Number(counts.advanced) !== SUBSCRIPTIONS)
      problems.push(`expected every subscription moved to the next period, ${counts.advanced} were`);
    if (result.subscriptionsFailed > 0) problems.push(`${result.subscriptionsFailed} subscriptions failed`);

    const baseline = await insertBaseline(sql);
    const tariffRate = (invoices + lines) / seconds;
    const ratio = tariffRate / baseline.rowsPerSecond;
    console.log(
      `PostgreSQL (DATABASE_URL), ${availableParallelism()} cores; ${SUBSCRIPTIONS.toLocaleString('en-US')} subscriptions × 3 items, a tenth metered (${EVENTS_PER_METERED} events each); pages of ${BATCH}`,
    );
    console.log(
      `billing run:   ${seconds.toFixed(1)} s, ${fmt(invoices / seconds)} invoices/s, ${fmt(tariffRate)} rows/s (${fmt(invoices)} invoices + ${fmt(lines)} lines)`,
    );
    console.log(
      `baseline:      ${baseline.seconds.toFixed(1)} s, ${fmt(baseline.rowsPerSecond)} rows/s (the same rows, multi-row INSERT through pg)`,
    );
    console.log(
      `ratio ${(ratio * 100).toFixed(0)}% of the baseline (target ≥ ${TARGET_RATIO * 100}%); run ${seconds.toFixed(1)} s (target < ${TARGET_SECONDS} s)`,
    );
    console.log(`memory: rss ${mb(rssBefore)} MB before, peak ${mb(peakRss)} MB during the run`);
    for (const p of problems) console.error(`FAILED: ${p}`);
    if (problems.length > 0) process.exitCode = 1;
    else if (ratio < TARGET_RATIO || seconds >= TARGET_SECONDS) process.exitCode = 2;
  } finally {
    await sql.end();
    await t.close();
  }
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const mb = (bytes: number) => Math.round(bytes / 1_048_576);

async function createCatalog(t: TestApp): Promise<void> {
  const must = async (query: string, variables: Record<string, unknown>) => {
    const res = await t.gql(query, variables);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
  };
  await must('mutation($code: String!) { createProduct(input: { code: $code, name: $code }) { id } }', { code: 'plan' });
  const rules: [string, unknown][] = [
    ['seat', { kind: 'per_unit', config: { unitAmount: '12.50' } }],
    [
      'storage',
      {
        kind: 'graduated',
        config: {
          tiers: [
            { upTo: '10', unitAmount: '2.00' },
            { upTo: '100', unitAmount: '1.50' },
            { upTo: null, unitAmount: '1.00' },
          ],
        },
      },
    ],
    [
      'api',
      {
        kind: 'volume',
        config: {
          tiers: [
            { upTo: '1000', unitAmount: '0.05' },
            { upTo: null, unitAmount: '0.03' },
          ],
        },
      },
    ],
    ['pack', { kind: 'package', config: { packageSize: '100', packageAmount: '9.00' } }],
    ['base', { kind: 'flat', config: { amount: '49.00' } }],
    [
      'calls',
      {
        kind: 'usage',
        config: {
          metric: 'calls',
          aggregation: 'sum',
          pricing: {
            kind: 'graduated',
            config: {
              tiers: [
                { upTo: '1000', unitAmount: '0.01' },
                { upTo: null, unitAmount: '0.005' },
              ],
            },
          },
        },
      },
    ],
  ];
  for (const [code, rule] of rules) {
    await must('mutation($input: CreatePriceInput!) { createPrice(input: $input) { id } }', {
      input: { code, productCode: 'plan', currency: 'EUR', interval: 'MONTH', intervalCount: 1, rule },
    });
  }
}

/** Customers, subscriptions at the end of their first period, items and usage, set-based. */
async function seedBook(sql: Client): Promise<void> {
  await sql.query('begin');
  await sql.query(
    `insert into customer (id, name, email, currency, tax_status, tax_rate, invoice_drafts, created_at, updated_at)
     select md5('c' || g)::uuid, 'Customer ' || g, 'c' || g || '@example.com', 'EUR',
            case when g % 2 = 0 then 'TAXABLE' else 'EXEMPT' end::tax_status, case when g % 2 = 0 then 20 end, false, $2, $2
       from generate_series(1, $1) as g`,
    [SUBSCRIPTIONS, PERIOD_START],
  );
  await sql.query(
    `insert into subscription (id, customer_id, status, version, currency, interval, interval_count, collection_method, billing_anchor,
                               starts_at, current_period_start, current_period_end, cancel_at_period_end, created_at, updated_at)
     select md5('s' || g)::uuid, md5('c' || g)::uuid, 'ACTIVE', 1, 'EUR', 'MONTH', 1,
            case when g % 3 = 0 then 'SEND_INVOICE' else 'CHARGE_AUTOMATICALLY' end::collection_method,
            $2, $2, $2, $3, false, $2, $2
       from generate_series(1, $1) as g`,
    [SUBSCRIPTIONS, PERIOD_START, BOUNDARY],
  );
  // Three items each: a rotating pair of licensed prices plus 'base', or 'calls' for every tenth.
  await sql.query(
    `insert into subscription_item (id, subscription_id, customer_id, price_id, price_code, quantity)
     select gen_random_uuid(), md5('s' || g)::uuid, md5('c' || g)::uuid, p.id, p.code, x.quantity
       from generate_series(1, $1) as g
       cross join lateral (values
         ((array['seat', 'storage', 'api', 'pack'])[1 + g % 4], (1 + g % 37)::numeric * case when g % 4 = 2 then 40 else 1 end),
         ((array['storage', 'api', 'pack', 'seat'])[1 + g % 4], (5 + g % 211)::numeric),
         (case when g % 10 = 0 then 'calls' else 'base' end, case when g % 10 = 0 then 0 else 1 end::numeric)
       ) as x(code, quantity)
       join price p on p.code = x.code and p.is_current`,
    [SUBSCRIPTIONS],
  );
  // The revenue ledger's view of each subscription (revenue-projection.ts), so that the run
  // measures renewals of a known book, not its backfill. Its MRR is left at 0: a plain renewal is
  // not re-priced, so the figure is never read here.
  await sql.query(
    `insert into mrr_subscription_state (subscription_id, customer_id, currency, status, interval, interval_count, items, mrr, updated_at)
     select s.id, s.customer_id, 'EUR', 'ACTIVE', 'MONTH', 1,
            jsonb_agg(jsonb_build_object('priceCode', i.price_code, 'priceVersion', p.version, 'quantity', i.quantity::text) order by i.price_code), 0, $1
       from subscription s join subscription_item i on i.subscription_id = s.id join price p on p.id = i.price_id
      group by s.id, s.customer_id`,
    [PERIOD_START],
  );
  await sql.query(
    `insert into usage_event (id, customer_id, event_id, metric, value, "timestamp", received_at)
     select gen_random_uuid(), md5('c' || g)::uuid, 'e' || g || '-' || k, 'calls', (g % 97 + k * 13)::numeric,
            $2::timestamptz + ((g * 7 + k * 3) % 720) * interval '1 hour', $2::timestamptz
       from generate_series(10, $1, 10) as g cross join generate_series(1, $3) as k`,
    [SUBSCRIPTIONS, PERIOD_START, EVENTS_PER_METERED],
  );
  await sql.query('commit');
}

/** The rows the run wrote, written again the plain way into copies of the tables. */
async function insertBaseline(sql: Client): Promise<{ seconds: number; rowsPerSecond: number }> {
  await sql.query('create table invoice_baseline (like invoice including all)');
  await sql.query('create table invoice_line_baseline (like invoice_line including all)');
  const { rows: invoices } = await sql.query(`select * from invoice where period_start = $1 order by number`, [BOUNDARY]);
  const { rows: lines } = await sql.query(
    `select l.* from invoice_line l join invoice i on i.id = l.invoice_id where i.period_start = $1`,
    [BOUNDARY],
  );
  return timeDocumentInsert(
    sql,
    { documents: 'invoice_baseline', lines: 'invoice_line_baseline', lineKey: 'invoice_id' },
    invoices,
    lines,
    BATCH,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
