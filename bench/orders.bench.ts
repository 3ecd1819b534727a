/**
 * `npm run bench:orders [-- --subscriptions N --batch B]`: 100,000 (default) delivery
 * subscriptions whose orders are all due at one instant, placed by the billing run's order step
 * (runOrderPlacement: keyset pages of due ids, one transaction per page, placeOrderBatch set-wise),
 * each order of two goods lines over different rules (per_unit, graduated, volume, package), one
 * SKU short so a share of the orders is backordered. Placing an order also schedules the next
 * delivery's order. Then, in the same run, the baseline: the very order and line rows the run
 * wrote (the placed orders and the new scheduled ones, with their lines), inserted again with plain
 * multi-row INSERTs through the same pg driver into copies of the tables, a page of orders and their
 * lines per transaction. Targets: the placement under 60 s and ≥ 25 % of the baseline's rows/s.
 * Real PostgreSQL only (DATABASE_URL: a database of its own is created there and dropped). The
 * book is seeded with SQL: creating 100,000 subscriptions through the API is not what is measured.
 */
import '../src/production-defaults';
import 'reflect-metadata';
import { availableParallelism } from 'node:os';
import { Client } from 'pg';
import { parseCliArgs, wholeNumberOption } from '../src/cli/cli-args';
import { runOrderPlacement } from '../src/domain/billing/order-run';
import { ManualClock } from '../src/domain/shared/clock';
import { createLogger } from '../src/logger';
import { startTestApp, TestApp } from '../test/support/app';
import { timeDocumentInsert } from './support/baseline-insert';

const args = parseCliArgs(process.argv.slice(2), { subscriptions: { type: 'string' }, batch: { type: 'string' } });
const SUBSCRIPTIONS = wholeNumberOption(args.subscriptions ?? process.env.BENCH_SUBSCRIPTIONS, '--subscriptions', 10, 10_000_000, 100_000);
const BATCH = wholeNumberOption(args.batch ?? process.env.BENCH_BATCH, '--batch', 1, 100_000, 500);
const TARGET_SECONDS = 60;
const TARGET_RATIO = 0.25;
const START = '2026-03-01T00:00:00Z';
const DUE = '2026-03-02T06:00:00Z';

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    console.error(
      'bench:orders needs real PostgreSQL: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres); it creates and drops a database of its own there.',
    );
    process.exit(1);
  }
  const clock = new ManualClock(new Date(START));
  const t = await startTestApp({ clock, env: { LOG_LEVEL: 'silent' } });
  const sql = new Client({ connectionString: String(t.app.db.orm.config.get('clientUrl')) });
  await sql.connect();
  try {
    await createCatalog(t);
    const seedStarted = performance.now();
    await seedBook(sql);
    console.log(`seeded ${fmt(SUBSCRIPTIONS)} delivery subscriptions in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);
    await sql.query('vacuum analyze');

    clock.set(new Date(DUE));
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 250);
    const started = performance.now();
    const result = await runOrderPlacement({
      fork: () => t.app.db.orm.em.fork(),
      at: new Date(DUE),
      clock,
      batchSize: BATCH,
      logger: createLogger(process.env.LOG_LEVEL ?? 'warn'),
    });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);

    const {
      rows: [counts],
    } = await sql.query<{ placed: string; backordered: string; scheduled: string; lines: string; numbers: string; events: string }>(
      `select (select count(*) from customer_order where placed_at is not null) as placed,
              (select count(*) from customer_order where status = 'BACKORDERED') as backordered,
              (select count(*) from customer_order where status = 'SCHEDULED' and delivery_index = 1) as scheduled,
              (select count(*) from order_line) as lines,
              (select count(distinct number) from customer_order) as numbers,
              (select count(*) from domain_event where aggregate_type = 'order') as events`,
    );
    const placed = Number(counts.placed);
    const orderRows = placed + Number(counts.scheduled);
    const lineRows = Number(counts.lines);
    const problems: string[] = [];
    if (result.ordersPlaced !== SUBSCRIPTIONS || placed !== SUBSCRIPTIONS)
      problems.push(`expected ${SUBSCRIPTIONS} orders placed, the run reported ${result.ordersPlaced} and stored ${placed}`);
    if (Number(counts.scheduled) !== SUBSCRIPTIONS)
      problems.push(`expected ${SUBSCRIPTIONS} next orders scheduled, found ${counts.scheduled}`);
    if (Number(counts.numbers) !== 2 * SUBSCRIPTIONS)
      problems.push(`expected ${2 * SUBSCRIPTIONS} distinct order numbers, found ${counts.numbers}`);
    if (result.ordersFailed > 0) problems.push(`${result.ordersFailed} orders failed`);

    const baseline = await insertBaseline(sql);
    const rate = (orderRows + lineRows) / seconds;
    const ratio = rate / baseline.rowsPerSecond;
    console.log(
      `PostgreSQL (DATABASE_URL), ${availableParallelism()} cores; ${fmt(SUBSCRIPTIONS)} delivery subscriptions, 2 goods lines an order; pages of ${BATCH}`,
    );
    console.log(
      `placement:  ${seconds.toFixed(1)} s, ${fmt(placed / seconds)} orders/s (${fmt(placed)} placed, ${fmt(Number(counts.backordered))} of them backordered, ` +
        `${fmt(Number(counts.scheduled))} next orders scheduled, ${fmt(Number(counts.events))} events); ${fmt(rate)} rows/s (${fmt(orderRows)} orders + ${fmt(lineRows)} lines)`,
    );
    console.log(
      `baseline:   ${baseline.seconds.toFixed(1)} s, ${fmt(baseline.rowsPerSecond)} rows/s (the same order and line rows, multi-row INSERT through pg)`,
    );
    console.log(
      `ratio ${(ratio * 100).toFixed(0)}% of the baseline (target ≥ ${TARGET_RATIO * 100}%); placement ${seconds.toFixed(1)} s (target < ${TARGET_SECONDS} s)`,
    );
    console.log(`memory: peak rss ${Math.round(peakRss / 1_048_576)} MB during the run`);
    for (const p of problems) console.error(`FAILED: ${p}`);
    if (problems.length > 0) process.exitCode = 1;
    else if (ratio < TARGET_RATIO || seconds >= TARGET_SECONDS) process.exitCode = 2;
  } finally {
    await sql.end();
    await t.close();
  }
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

const GOODS: [code: string, sku: string, rule: unknown][] = [
  ['toner', 'TN-1', { kind: 'per_unit', config: { unitAmount: '12.50' } }],
  [
    'paper',
    'PP-1',
    {
      kind: 'graduated',
      config: {
        tiers: [
          { upTo: '10', unitAmount: '4.00' },
          { upTo: null, unitAmount: '3.20' },
        ],
      },
    },
  ],
  [
    'gloves',
    'GL-1',
    {
      kind: 'volume',
      config: {
        tiers: [
          { upTo: '20', unitAmount: '0.90' },
          { upTo: null, unitAmount: '0.70' },
        ],
      },
    },
  ],
  ['labels', 'LB-1', { kind: 'package', config: { packageSize: '100', packageAmount: '9.00' } }],
];

async function createCatalog(t: TestApp): Promise<void> {
  const must = async (query: string, variables: Record<string, unknown>) => {
    const res = await t.gql(query, variables);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
  };
  for (const [code, sku, rule] of GOODS) {
    await must('mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }', {
      input: { code, name: code, kind: 'PHYSICAL', sku },
    });
    await must('mutation($input: CreatePriceInput!) { createPrice(input: $input) { id } }', {
      input: { code: `${code}-unit`, productCode: code, currency: 'EUR', interval: 'MONTH', intervalCount: 1, rule },
    });
  }
}

/** Customers with a ship-to location, goods-only subscriptions on a monthly delivery, their first orders due, stock. */
async function seedBook(sql: Client): Promise<void> {
  await sql.query('begin');
  await sql.query(
    `insert into customer (id, name, email, currency, tax_status, tax_rate, invoice_drafts, created_at, updated_at)
     select md5('c' || g)::uuid, 'Customer ' || g, 'c' || g || '@example.com', 'EUR',
            case when g % 2 = 0 then 'TAXABLE' else 'EXEMPT' end::tax_status, case when g % 2 = 0 then 19 end, false, $2, $2
       from generate_series(1, $1) as g`,
    [SUBSCRIPTIONS, START],
  );
  await sql.query(
    `insert into location (id, customer_id, name, address, created_at, updated_at)
     select md5('l' || g)::uuid, md5('c' || g)::uuid, 'Dock', '{"line1": "Hafenstr. 1", "city": "Hamburg", "country": "DE"}', $2, $2
       from generate_series(1, $1) as g`,
    [SUBSCRIPTIONS, START],
  );
  await sql.query(
    `insert into subscription (id, customer_id, status, version, currency, interval, interval_count, collection_method, billing_anchor,
                               starts_at, current_period_start, current_period_end, cancel_at_period_end, purchase_order_number, created_at, updated_at)
     select md5('s' || g)::uuid, md5('c' || g)::uuid, 'ACTIVE', 1, 'EUR', 'MONTH', 1, 'SEND_INVOICE', $2, $2, $2, $3, false, 'PO-' || g, $2, $2
       from generate_series(1, $1) as g`,
    [SUBSCRIPTIONS, START, '2026-04-01T00:00:00Z'],
  );
  await sql.query(
    `insert into delivery_schedule (subscription_id, customer_id, location_id, every, unit, first_delivery_at, anchor_at, bill_on, created_at, updated_at)
     select md5('s' || g)::uuid, md5('c' || g)::uuid, md5('l' || g)::uuid, 1, 'MONTH', $2, $2, 'SHIPMENT', $3, $3
       from generate_series(1, $1) as g`,
    [SUBSCRIPTIONS, DUE, START],
  );
  // Two goods each, rotating over the four rules.
  const items = `from generate_series(1, $1) as g
       cross join lateral (values (1, (array['toner', 'paper', 'gloves', 'labels'])[1 + g % 4], (1 + g % 23)::numeric),
                                  (2, (array['paper', 'gloves', 'labels', 'toner'])[1 + g % 4], (5 + g % 211)::numeric)) as x(position, code, quantity)
       join price p on p.code = x.code || '-unit' and p.is_current join product pr on pr.id = p.product_id`;
  await sql.query(
    `insert into delivery_item (id, subscription_id, price_id, price_code, sku, quantity)
     select gen_random_uuid(), md5('s' || g)::uuid, p.id, p.code, pr.sku, x.quantity ${items}`,
    [SUBSCRIPTIONS],
  );
  await sql.query(
    `insert into customer_order (id, number, status, customer_id, subscription_id, delivery_index, location_id, scheduled_for,
                                 purchase_order_number, currency, subtotal, tax, total, version, created_at, updated_at)
     select md5('o' || g)::uuid, 'ORD-2026-' || lpad(g::text, 6, '0'), 'SCHEDULED', md5('c' || g)::uuid, md5('s' || g)::uuid, 0,
            md5('l' || g)::uuid, $2, 'PO-' || g, 'EUR', 0, 0, 0, 1, $3, $3
       from generate_series(1, $1) as g`,
    [SUBSCRIPTIONS, DUE, START],
  );
  await sql.query(`insert into invoice_number (series, year, last) values ('ORD', 2026, $1)`, [SUBSCRIPTIONS]);
  await sql.query(
    `insert into order_line (id, order_id, position, price_id, price_code, sku, stock_policy, quantity_ordered, quantity, amount, tax, steps)
     select gen_random_uuid(), md5('o' || g)::uuid, x.position - 1, p.id, p.code, pr.sku, 'BACKORDER', x.quantity, x.quantity, 0, 0, '[]' ${items}`,
    [SUBSCRIPTIONS],
  );
  // Plenty of everything but labels, which run out partway: those orders are backordered.
  await sql.query(
    `insert into inventory_level (sku, available, as_of, updated_at)
     values ('TN-1', 1000000000, $1, $1), ('PP-1', 1000000000, $1, $1), ('GL-1', 1000000000, $1, $1), ('LB-1', $2, $1, $1)`,
    [START, 30 * SUBSCRIPTIONS],
  );
  await sql.query('commit');
}

/** The order and line rows the run wrote, written again the plain way into copies of the tables. */
async function insertBaseline(sql: Client): Promise<{ seconds: number; rowsPerSecond: number }> {
  await sql.query('create table customer_order_baseline (like customer_order including all)');
  await sql.query('create table order_line_baseline (like order_line including all)');
  const { rows: orders } = await sql.query(
    `select * from customer_order where placed_at is not null or delivery_index = 1 order by number`,
  );
  const { rows: lines } = await sql.query(`select * from order_line`);
  return timeDocumentInsert(
    sql,
    { documents: 'customer_order_baseline', lines: 'order_line_baseline', lineKey: 'order_id' },
    orders,
    lines,
    BATCH,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
