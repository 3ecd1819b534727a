import '../production-defaults';
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Actor, Role } from '../domain/auth/actor';
import type { ImportProgress } from '../import/import-run';
import { DumpNotFoundError, ImportReport, importStripeDump } from '../import/stripe-import';
import { systemClock } from '../system-clock';
import { parseCliArgs, printedHelp, runCli, UsageError, wholeNumberOption } from '../cli/cli-args';
import { withCliDatabase } from '../cli/cli-database';

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

const cliActor: Actor = { keyId: 'stripe-import', name: 'Stripe import (CLI)', role: Role.ADMIN, customerId: null };

const NAMES: Record<string, string> = {
  product: 'products',
  price: 'prices',
  coupon: 'coupons',
  customer: 'customers',
  subscription: 'subscriptions',
  invoice: 'invoices',
};

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
  const values = parseCliArgs(process.argv.slice(2), {
    from: { type: 'string' },
    report: { type: 'string' },
    'dry-run': { type: 'boolean' },
    resume: { type: 'boolean' },
    batch: { type: 'string' },
    concurrency: { type: 'string' },
  });
  if (printedHelp(values, USAGE)) return 0;
  const batch = wholeNumberOption(values.batch, '--batch', 1, MAX_BATCH, DEFAULT_BATCH);
  const requested = wholeNumberOption(values.concurrency, '--concurrency', 1, MAX_CONCURRENCY, null);
  if (values.from === undefined) throw new UsageError('--from <dir> is required');
  const from = values.from;
  const dryRun = values['dry-run'] === true;
  const reportPath = values.report ?? path.join(from, 'import-report.json');
  // A dry run writes nothing, migrations included: it reads a database that is up to date.
  return withCliDatabase({ service: 'tariff-import', migrate: !dryRun }, async ({ db, config, fork }) => {
    if (dryRun && (await db.orm.getMigrator().getPendingMigrations()).length > 0) {
      process.stderr.write(
        'import: the database has migrations pending; a dry run writes nothing, so run `npm run migrate` (or a real import) first\n',
      );
      return 1;
    }
    // The embedded database runs one transaction at a time: more in flight would only queue.
    const concurrency = requested ?? (db.embedded ? 1 : Math.min(4, config.TARIFF_DB_POOL_SIZE));
    try {
      const report = await importStripeDump({
        dir: from,
        dryRun,
        resume: values.resume === true,
        batchSize: batch,
        concurrency,
        actor: cliActor,
        clock: systemClock,
        fork,
        onProgress: progressPrinter(),
      });
      writeFileSync(reportPath, `${JSON.stringify(report, null, 2)}\n`);
      process.stdout.write(`${JSON.stringify(summary(report, reportPath))}\n`);
      return report.ok ? 0 : 1;
    } catch (err) {
      if (err instanceof DumpNotFoundError) {
        process.stderr.write(`import: ${err.message}\n`);
        return 2;
      }
      throw err;
    }
  });
}

runCli('import', main, USAGE);
