import '../production-defaults';
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { Actor, Role } from '../domain/auth/actor';
import { wireDomainProjectors } from '../domain/services';
import type { ImportProgress } from '../import/import-run';
import { DumpNotFoundError, ImportReport, importStripeDump } from '../import/stripe-import';
import { systemClock } from '../system-clock';
import { runCli } from './cli-args';

const USAGE = `usage: npm run import -- --from <dir> [--dry-run] [--resume] [--report <file>] [--batch N] [--concurrency N]

Imports a Stripe dump (customers.jsonl, products.jsonl, prices.jsonl, coupons.jsonl,
subscriptions.jsonl, invoices.jsonl, and meters.jsonl for meter-backed prices: one Stripe API
object a line; customers' and subscriptions' discounts come with them) into Tariff, with
DATABASE_URL or else the embedded database, then reconciles: customers and subscriptions
counted on both sides, MRR (Tariff's from revenueMetrics) and open invoices per currency, and
each subscription's next invoice (date and amount) as Stripe and Tariff compute it.
Each record is imported whole or not at all, and once, found by its STRIPE external id: a second
run changes nothing and lists records the dump now describes differently; --resume skips what
is imported without comparing (after a killed run). --dry-run validates everything, writes
nothing. Records are written in transactions of --batch whole records (default 500; a batch
the database refuses is written again one record a transaction; --batch 1: always one record a
transaction), --concurrency at once (default 4, 1 on the embedded database). Refused records,
with their reasons, and the reconciliation go to the report (default <dir>/import-report.json).
Progress goes to stderr, a JSON summary to stdout.
Exit codes: 0 everything imported and reconciled clean, 1 refused records, differences or an
error, 2 bad arguments.`;

const MAX_CONCURRENCY = 64;
const MAX_BATCH = 5000;
const DEFAULT_BATCH = 500;

interface Args {
  from: string;
  dryRun: boolean;
  resume: boolean;
  report: string;
  batch: number;
  concurrency: number | null;
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Args | 'help' {
  let from: string | null = null;
  let report: string | null = null;
  let concurrency: number | null = null;
  let batch = DEFAULT_BATCH;
  let dryRun = false;
  let resume = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === '--help' || arg === '-h') return 'help';
    else if (arg === '--from') from = value();
    else if (arg === '--report') report = value();
    else if (arg === '--dry-run') dryRun = true;
    else if (arg === '--resume') resume = true;
    else if (arg === '--batch') {
      const v = value();
      batch = Number(v);
      if (!/^\d+$/.test(v) || batch < 1 || batch > MAX_BATCH) throw new UsageError(`--batch must be a whole number from 1 to ${MAX_BATCH}, got '${v}'`);
    } else if (arg === '--concurrency') {
      const v = value();
      concurrency = Number(v);
      if (!/^\d+$/.test(v) || concurrency < 1 || concurrency > MAX_CONCURRENCY) throw new UsageError(`--concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}, got '${v}'`);
    } else throw new UsageError(`unknown argument '${arg}'`);
  }
  if (from === null) throw new UsageError('--from <dir> is required');
  return { from, dryRun, resume, report: report ?? path.join(from, 'import-report.json'), batch, concurrency };
}

const cliActor: Actor = { keyId: 'stripe-import', name: 'Stripe import (CLI)', role: Role.ADMIN, customerId: null };

const NAMES: Record<string, string> = { product: 'products', price: 'prices', coupon: 'coupons', customer: 'customers', subscription: 'subscriptions', invoice: 'invoices' };

/** `import: customers [########------------] 41,200/100,000 · 3,120/s · 2 refused`, redrawn in place on a terminal. */
function progressPrinter(): (p: ImportProgress | { phase: 'scan' | 'reconcile' }) => void {
  const tty = process.stderr.isTTY === true;
  let lastLine = 0;
  return (p) => {
    if (!('total' in p)) {
      process.stderr.write(`${tty ? '\n' : ''}import: ${p.phase === 'scan' ? 'reading the dump' : 'reconciling'}…\n`);
      return;
    }
    const finished = p.done >= p.total;
    const now = performance.now();
    if (!tty && !finished && now - lastLine < 2000) return;
    lastLine = now;
    const width = 20;
    const filled = p.total === 0 ? width : Math.round((p.done / p.total) * width);
    const rate = p.elapsedMs > 0 ? Math.round((p.done / p.elapsedMs) * 1000) : 0;
    const line = `import: ${NAMES[p.phase].padEnd(13)} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${fmt(p.done)}/${fmt(p.total)} · ${fmt(rate)}/s · ${fmt(p.rejected)} refused`;
    process.stderr.write(tty ? `\r${line}${finished ? '\n' : ''}` : `${line}\n`);
  };
}

const fmt = (n: number) => n.toLocaleString('en-US');

function summary(report: ImportReport, reportPath: string): Record<string, unknown> {
  const r = report.reconciliation;
  return {
    from: report.dir,
    dryRun: report.dryRun,
    resume: report.resume,
    ok: report.ok,
    counts: report.counts,
    refused: report.rejected.length,
    skipped: report.skipped.length,
    drifted: report.drifted.length,
    reconciliation: r && {
      clean: r.clean,
      customers: r.customers,
      subscriptions: r.subscriptions,
      currencies: r.currencies,
      nextInvoices: r.nextInvoices,
      differences: r.differences.length,
      firstDifferences: r.differences.slice(0, 10),
    },
    report: reportPath,
    elapsedMs: report.elapsedMs,
  };
}

async function main(): Promise<number> {
  let args: Args | 'help';
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`${err.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const config = loadConfig();
  // stdout carries the summary only: logs go to stderr.
  const logger = pino({ level: config.LOG_LEVEL, base: { service: 'tariff-import', pid: process.pid } }, pino.destination(2));
  // A dry run writes nothing, migrations included: it reads a database that is up to date.
  wireDomainProjectors();
  const db = await openDatabase({ url: config.DATABASE_URL, dataDir: config.TARIFF_DATA_DIR, poolMax: config.TARIFF_DB_POOL_SIZE, migrate: !args.dryRun, logger });
  try {
    if (args.dryRun && (await db.orm.getMigrator().getPendingMigrations()).length > 0) {
      process.stderr.write('import: the database has migrations pending; a dry run writes nothing, so run `npm run migrate` (or a real import) first\n');
      return 1;
    }
    // The embedded database runs one transaction at a time: more in flight would only queue.
    const concurrency = args.concurrency ?? (db.embedded ? 1 : Math.min(4, config.TARIFF_DB_POOL_SIZE));
    const report = await importStripeDump({
      dir: args.from, dryRun: args.dryRun, resume: args.resume, batchSize: args.batch, concurrency, actor: cliActor, clock: systemClock,
      fork: () => db.orm.em.fork(), onProgress: progressPrinter(),
    });
    writeFileSync(args.report, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(summary(report, args.report))}\n`);
    return report.ok ? 0 : 1;
  } catch (err) {
    if (err instanceof DumpNotFoundError) {
      process.stderr.write(`import: ${err.message}\n`);
      return 2;
    }
    throw err;
  } finally {
    await db.close();
  }
}

runCli('import', main);
