import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { boundRows } from '../../src/db/bound-query';
import { startTestApp, TestApp } from '../support/app';
import { must } from '../support/catalog';

// `npm run feed` as a seller's cron job runs it: a separate process on the same database (on the
// embedded one, through its socket), acting as an API key.
const ROOT = path.resolve(__dirname, '../..');
const CLI = ['-r', '@swc-node/register', 'src/jobs/feed.cli.ts'];
const PRODUCTS = path.join(ROOT, 'examples/feeds/products.jsonl');
let t: TestApp;
let env: NodeJS.ProcessEnv;
let dir: string;

beforeAll(async () => {
  t = await startTestApp();
  const { TARIFF_API_KEY: _inherited, ...rest } = process.env;
  env = { ...rest, DATABASE_URL: t.app.db.orm.config.get('clientUrl'), TARIFF_DB_POOL_SIZE: '2', LOG_LEVEL: 'warn' };
  dir = mkdtempSync(path.join(tmpdir(), 'tariff-feed-'));
}, 60_000);
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await t.close();
});

/** Runs the CLI to its end; `stdin` is piped in when given (and closed either way). */
function run(
  args: string[],
  options: { key?: string | null; stdin?: string } = {},
): Promise<{ code: number | null; out: string; err: string }> {
  const key = options.key === undefined ? t.adminKey : options.key;
  const child = spawn(process.execPath, [...CLI, ...args], { cwd: ROOT, env: { ...env, ...(key ? { TARIFF_API_KEY: key } : {}) } });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += String(d)));
  child.stderr.on('data', (d) => (err += String(d)));
  child.stdin.end(options.stdin ?? '');
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out, err })));
}

const productCodes = async () =>
  (await boundRows<{ code: string }>(t.app.db.orm.em.fork(), 'select code from product order by code')).map((r) => r.code);

it('exits 2 on bad arguments or without an API key, and 1 with a key that is not one, writing nothing', async () => {
  // Side by side: none of them gets as far as writing.
  const cases: [string[], string | null, number, RegExp][] = [
    [['--type', 'product', '--format', 'xml', '--file', PRODUCTS], t.adminKey, 2, /--format must be jsonl or csv/],
    [['--type', 'product', '--file', '/nonexistent/feed.jsonl'], t.adminKey, 2, /cannot read --file: no file/],
    [['--type', 'product', '--file', PRODUCTS], null, 2, /an API key is required/],
    [['--type', 'product', '--system', 'PIM', '--file', PRODUCTS], 'trf_not_a_key', 1, /^feed: invalid or revoked API key$/m],
  ];
  const runs = await Promise.all(cases.map(([args, key]) => run(args, { key })));
  runs.forEach(({ code, err }, i) => {
    const [args, , exit, message] = cases[i];
    expect({ args, code, err }).toEqual({ args, code: exit, err: expect.stringMatching(message) });
    if (exit === 2) expect(err).toMatch(/usage: npm run feed/);
  });
  expect(await productCodes()).toEqual([]);
}, 90_000);

it('applies the example product feed, then the same as CSV from stdin as a replay; a key without the permission changes nothing', async () => {
  const first = await run(['--type', 'product', '--system', 'PIM', '--file', PRODUCTS]);
  expect(first.code).toBe(0);
  expect(JSON.parse(first.out)).toMatchObject({ type: 'PRODUCT', applied: 3, created: 3, unchanged: 0, rejected: 0, rejections: [] });
  expect(await productCodes()).toEqual(['paper-a4', 'printer-service', 'toner-black']);
  // Audited as the importFeed mutation is: the key that ran it, the operation named.
  const audit = await boundRows<{ operation: string; actor_name: string; n: number }>(
    t.app.db.orm.em.fork(),
    `select operation, actor_name, count(*)::int as n from audit_entry where record_type = 'Product' group by 1, 2`,
  );
  expect(audit).toEqual([{ operation: 'importFeed', actor_name: 'TARIFF_ADMIN_KEY', n: 3 }]);

  // The same products as CSV, piped in: a replay, so nothing changes.
  const again = await run(['--type', 'product', '--system', 'PIM', '--format', 'csv'], {
    stdin: readFileSync(path.join(ROOT, 'examples/feeds/products.csv'), 'utf8'),
  });
  expect(again.code).toBe(0);
  expect(JSON.parse(again.out)).toMatchObject({ applied: 0, unchanged: 3, rejected: 0 });

  const sales = (await must(t, 'mutation { createApiKey(input: { role: SALES, name: "sales" }) { secret } }')).createApiKey.secret;
  const refused = await run(['--type', 'stock', '--file', path.join(ROOT, 'examples/feeds/stock.jsonl')], { key: sales });
  expect(refused.code).toBe(1);
  expect(refused.err).toMatch(/FORBIDDEN/);
  const [{ n }] = await boundRows<{ n: number }>(t.app.db.orm.em.fork(), 'select count(*)::int as n from inventory_level');
  expect(n).toBe(0);
}, 90_000);

it('applies the example stock feed; prints each rejected line with its field and exits 1', async () => {
  const stock = await run(['--type', 'stock', '--system', 'PIM', '--file', path.join(ROOT, 'examples/feeds/stock.jsonl')]);
  expect(stock.code).toBe(0);
  expect(JSON.parse(stock.out)).toMatchObject({ applied: 2, rejected: 0 });

  const file = path.join(dir, 'bad-stock.jsonl');
  writeFileSync(file, ['{"sku":"TN-BLK","available":"90"}', 'not json', '{"sku":"TN-BLK","available":"-3"}', ''].join('\n'));
  const bad = await run(['--type', 'stock', '--file', file, '--progress', '0']);
  expect(bad.code).toBe(1);
  expect(JSON.parse(bad.out)).toMatchObject({ applied: 1, unchanged: 0, rejected: 2 });
  expect(bad.err).toMatch(/^feed: 3 records · [\d,]+\/s · 1 applied · 0 unchanged · 2 rejected$/m);
  expect(bad.err).toMatch(/^feed: line 2: BAD_USER_INPUT: not JSON/m);
  expect(bad.err).toMatch(/^feed: line 3, available: BAD_USER_INPUT: available is a quantity from 0/m);
  const [{ a }] = await boundRows<{ a: string }>(
    t.app.db.orm.em.fork(),
    `select available::text as a from inventory_level where sku = 'TN-BLK'`,
  );
  expect(a).toBe('90');
}, 90_000);
