import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../domain/auth/actor';
import type { Clock } from '../domain/shared/clock';
import { missingDumpFiles } from './stripe/dump-reader';
import { importCatalog } from './import-catalog';
import type { ImportContext } from './import-context';
import { importCoupons } from './import-coupons';
import { importCustomers } from './import-customers';
import { importInvoices } from './import-invoices';
import { ImportProgress, KindCounts, RecordKind, RecordNote, RunBook } from './import-run';
import { importSubscriptions } from './import-subscriptions';
import { reconcile, Reconciliation } from './reconcile/reconcile';
import { scanDump } from './stripe/scan-dump';

export interface ImportOptions {
  /** The dump: a directory of JSON-lines files (dump-reader.ts). */
  dir: string;
  dryRun: boolean;
  resume: boolean;
  /** Whole records per transaction; 1 makes it one transaction per record. */
  batchSize: number;
  /** Transactions in flight at once; 1 on the embedded database, which runs one at a time anyway. */
  concurrency: number;
  actor: Actor;
  clock: Clock;
  fork: () => EntityManager;
  onProgress?: (progress: ImportProgress | { phase: 'scan' | 'reconcile' }) => void;
}

export interface ImportReport {
  dir: string;
  dryRun: boolean;
  resume: boolean;
  startedAt: string;
  elapsedMs: number;
  counts: Record<RecordKind, KindCounts>;
  rejected: RecordNote[];
  skipped: RecordNote[];
  /** Records an earlier run imported that the dump now describes differently (a run without --resume compares). */
  drifted: RecordNote[];
  /** Null for a dry run: it wrote nothing to compare. */
  reconciliation: Reconciliation | null;
  /** Nothing refused, nothing drifted, and (a real run) a clean reconciliation: what exit code 0 means. */
  ok: boolean;
}

export class DumpNotFoundError extends Error {}

/**
 * `npm run import`: a Stripe dump into Tariff. A first pass reads what customers need from their
 * subscriptions and invoices (scan-dump.ts); then products, prices, coupons, customers (with
 * their discounts), subscriptions (with theirs) and open invoices are imported in that order,
 * each record whole in one transaction (with others of its kind, in batches: record-batches.ts),
 * each found imported already (by its STRIPE external id, a coupon by its stable id) left as it
 * is, while Stripe's side of each is noted; then the reconciliation compares both sides. A dry run goes through the same mapping and validation and writes nothing.
 */
export async function importStripeDump(options: ImportOptions): Promise<ImportReport> {
  const missing = missingDumpFiles(options.dir);
  if (missing.length > 0) throw new DumpNotFoundError(`${options.dir} is not a Stripe dump: missing ${missing.join(', ')}`);
  const started = performance.now();
  const startedAt = options.clock.now();
  options.onProgress?.({ phase: 'scan' });
  const scan = await scanDump(options.dir, startedAt);
  const book = new RunBook();
  const ctx: ImportContext = {
    dir: options.dir,
    dryRun: options.dryRun,
    resume: options.resume,
    batchSize: Math.max(1, options.batchSize),
    concurrency: Math.max(1, options.concurrency),
    actor: options.actor,
    clock: options.clock,
    fork: options.fork,
    book,
    scan,
    onProgress: options.onProgress,
  };
  const catalog = await importCatalog(ctx);
  const coupons = await importCoupons(ctx, catalog);
  const customers = await importCustomers(ctx, coupons);
  const subscriptions = await importSubscriptions(ctx, catalog.prices, coupons, customers);
  await importInvoices(ctx, catalog.prices, customers.customers, subscriptions);
  let reconciliation: Reconciliation | null = null;
  if (!options.dryRun) {
    options.onProgress?.({ phase: 'reconcile' });
    reconciliation = await reconcile({
      fork: options.fork,
      actor: options.actor,
      clock: options.clock,
      scan,
      book,
      concurrency: ctx.concurrency,
    });
  }
  return {
    dir: options.dir,
    dryRun: options.dryRun,
    resume: options.resume,
    startedAt: startedAt.toISOString(),
    elapsedMs: Math.round(performance.now() - started),
    counts: book.counts,
    rejected: book.rejected,
    skipped: book.skipped,
    drifted: book.drifted,
    reconciliation,
    ok: book.rejected.length === 0 && book.drifted.length === 0 && (reconciliation?.clean ?? true),
  };
}
