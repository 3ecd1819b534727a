/**
 * `npm run bench:analytics`: revenueMetrics over 24 months (MONTH) for BENCH_SUBSCRIPTIONS
 * (default 100,000) subscriptions with a realistic mix of movements (every one NEW at some
 * point of two years, a tenth of them growing or shrinking in a given month, 2 % churning and a
 * third of those coming back), through the GraphQL API. Baseline in the same run: one
 * hand-written SQL aggregation of the same ledger (sums per month and kind), through the same pg
 * driver. Target: under 500 ms a call. Also timed: the dashboard's refresh over the same range.
 * Real PostgreSQL only (DATABASE_URL: a database of its own is created there and dropped). The
 * ledger is seeded with SQL: writing it through 100,000 subscriptions' changes is the billing
 * bench's business, not this one's.
 */
import '../src/production-defaults';
import 'reflect-metadata';
import { Client } from 'pg';
import { ManualClock } from '../src/domain/shared/clock';
import { startTestApp } from '../test/support/app';

const SUBSCRIPTIONS = Number(process.env.BENCH_SUBSCRIPTIONS ?? 100_000);
const CALLS = Number(process.env.BENCH_CALLS ?? 15);
const TARGET_MS = 500;
const FROM = '2025-01-01T00:00:00Z';
const TO = '2027-01-01T00:00:00Z';

const QUERY = `query($from: DateTime!, $to: DateTime!) { revenueMetrics(from: $from, to: $to, interval: MONTH, currency: "EUR") {
  periodStart mrr arr newMrr expansionMrr contractionMrr churnedMrr reactivationMrr activeCustomers arpa logoChurnRate
  grossRevenueRetention netRevenueRetention trialConversionRate involuntaryChurnMrr dunningRecoveryRate usageRevenue } }`;

/** What the dashboard asks at each refresh (src/dashboard/public/dashboard.js), over the same 24 months. */
const DASHBOARD = `query($from: DateTime!, $to: DateTime!) {
  revenueMetrics(from: $from, to: $to, interval: MONTH, currency: "EUR") {
    periodStart periodEnd startMrr mrr arr newMrr expansionMrr contractionMrr churnedMrr reactivationMrr
    activeCustomers arpa logoChurnRate grossRevenueRetention netRevenueRetention involuntaryChurnMrr }
  cohorts(from: $from, to: $to, currency: "EUR") { month customers startMrr months { offset customers mrr logoRetention revenueRetention } }
  mrrMovements(from: $from, to: $to, currency: "EUR", first: 10) { id at kind delta mrrAfter cause subscriptionId } }`;

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    console.error(
      'bench:analytics needs real PostgreSQL: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres); it creates and drops a database of its own there.',
    );
    process.exit(1);
  }
  const t = await startTestApp({ clock: new ManualClock(new Date(TO)), env: { LOG_LEVEL: 'silent', TARIFF_RATE_LIMIT: '0' } });
  const sql = new Client({ connectionString: String(t.app.db.orm.config.get('clientUrl')) });
  await sql.connect();
  try {
    const seeded = performance.now();
    await seedLedger(sql);
    await sql.query('vacuum analyze mrr_movement');
    const {
      rows: [{ n }],
    } = await sql.query<{ n: string }>('select count(*) as n from mrr_movement');
    console.log(
      `seeded ${Number(n).toLocaleString('en-US')} movements of ${SUBSCRIPTIONS.toLocaleString('en-US')} subscriptions in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
    );

    // Warm both paths once (plans, JIT of the resolver path), then time each CALLS times.
    const first = await t.gql(QUERY, { from: FROM, to: TO });
    if (first.errors) throw new Error(JSON.stringify(first.errors));
    await baseline(sql);
    const api = await timed(async () => {
      const res = await t.gql(QUERY, { from: FROM, to: TO });
      if (res.errors) throw new Error(JSON.stringify(res.errors));
    });
    const base = await timed(() => baseline(sql));
    const dashboard = await timed(async () => {
      const res = await t.gql(DASHBOARD, { from: FROM, to: TO });
      if (res.errors) throw new Error(JSON.stringify(res.errors));
    });
    const periods = (first.data as { revenueMetrics: { mrr: string; activeCustomers: number }[] }).revenueMetrics;
    const last = periods[periods.length - 1];
    console.log(
      `revenueMetrics, 24 monthly periods: median ${api.median.toFixed(1)} ms, p95 ${api.p95.toFixed(1)} ms (final MRR ${last.mrr}, ${last.activeCustomers} customers)`,
    );
    console.log(`baseline (one SQL aggregation of the ledger): median ${base.median.toFixed(1)} ms`);
    console.log(
      `ratio: revenueMetrics takes ${(api.median / base.median).toFixed(2)}× the baseline; target < ${TARGET_MS} ms per call: ${api.median < TARGET_MS ? 'met' : 'NOT met'}`,
    );
    console.log(
      `dashboard refresh (revenueMetrics + cohorts + top movements, one request): median ${dashboard.median.toFixed(1)} ms, p95 ${dashboard.p95.toFixed(1)} ms, ${(dashboard.median / base.median).toFixed(2)}× the baseline`,
    );
  } finally {
    await sql.end();
    await t.close();
  }
}

async function timed(fn: () => Promise<unknown>): Promise<{ median: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], p95: times[Math.min(times.length - 1, Math.floor(times.length * 0.95))] };
}

/** What a hand-written report would run: MRR movements summed per month and kind. */
async function baseline(sql: Client): Promise<unknown[]> {
  const { rows } = await sql.query(
    `select date_trunc('month', at) as month, kind, sum(delta), count(*) from mrr_movement
      where currency = 'EUR' and at < $1 group by 1, 2 order by 1, 2`,
    [TO],
  );
  return rows;
}

async function seedLedger(sql: Client): Promise<void> {
  await sql.query(
    `create temporary table bench_sub as
    select gen_random_uuid() as id, '${FROM}'::timestamptz + random() * interval '700 days' as started, (50 + floor(random() * 20) * 25)::numeric as mrr
      from generate_series(1, $1)`,
    [SUBSCRIPTIONS],
  );
  await sql.query(`insert into mrr_movement (id, customer_id, subscription_id, currency, kind, delta, mrr_after, cause, at)
    select gen_random_uuid(), id, id, 'EUR', 'NEW', mrr, mrr, 'subscription.created', started from bench_sub`);
  // Each later month: a tenth expand or contract, 2 % churn, a third of those come back a month later.
  await sql.query(`insert into mrr_movement (id, customer_id, subscription_id, currency, kind, delta, mrr_after, cause, at)
    select gen_random_uuid(), s.id, s.id, 'EUR', m.kind::mrr_movement_kind, m.delta, s.mrr + m.delta, m.cause, s.started + (n || ' months')::interval + interval '3 days'
      from bench_sub s cross join generate_series(1, 23) n
      cross join lateral (select random() + 0 * n + 0 * extract(epoch from s.started) as r) r
      cross join lateral (select case when r.r < 0.07 then 'EXPANSION' when r.r < 0.10 then 'CONTRACTION' when r.r < 0.12 then 'CHURN' end as kind,
                                 case when r.r < 0.07 then 25 when r.r < 0.10 then -25 when r.r < 0.12 then -s.mrr end as delta,
                                 case when r.r < 0.115 then 'subscription.updated' else 'subscription.canceled:dunning' end as cause) m
     where m.kind is not null and s.started + (n || ' months')::interval < '${TO}'::timestamptz`);
  await sql.query(`insert into mrr_movement (id, customer_id, subscription_id, currency, kind, delta, mrr_after, cause, at)
    select gen_random_uuid(), customer_id, subscription_id, 'EUR', 'REACTIVATION', -delta, -delta, 'subscription.resumed', at + interval '1 month'
      from mrr_movement where kind = 'CHURN' and random() < 0.33 and at + interval '1 month' < '${TO}'::timestamptz`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
