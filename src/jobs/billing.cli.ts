import '../production-defaults';
import 'reflect-metadata';
import { fork } from 'node:child_process';
import pino from 'pino';
import { loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { Actor, Role } from '../domain/auth/actor';
import { wireDomainProjectors } from '../domain/services';
import { systemClock } from '../system-clock';
import { BillingRunProgress, BillingRunResult, runBilling } from './billing-run.job';
import { parseInstant, runCli } from './cli-args';
import { collectHere } from './collection-here';
import { signalHere } from './lifecycle-signals-here';

const USAGE = `usage: npm run billing -- [--at <ISO 8601 instant, e.g. 2027-01-01T00:00:00Z>] [--workers N]

Closes every subscription period boundary due at or before --at (default: now): stores and
finalizes its invoice and moves the subscription on; then takes the payment steps due (charges
of what was finalized, dunning's retries and reminders: see npm run dunning); last, the
lifecycle signals due (trial ending, renewal upcoming, usage thresholds, expiring payment
methods and quotes). Safe to run twice or in parallel.
--workers N forks N processes that share the work (PostgreSQL only; the embedded database
runs one). Progress goes to stderr, a JSON summary to stdout.
Exit codes: 0 done, 1 an error or subscriptions that failed (see the log), 2 bad arguments.`;

const MAX_WORKERS = 64;

interface Args {
  at: Date;
  workers: number;
  /** Set in the processes `--workers` forks: report to the parent over IPC. */
  child: boolean;
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Args | 'help' {
  let at: Date | null = null;
  let workers = 1;
  let child = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === '--help' || arg === '-h') return 'help';
    else if (arg === '--at') {
      const v = value();
      at = parseInstant(v);
      if (!at) throw new UsageError(`--at must be an ISO 8601 instant with an offset, got '${v}'`);
    } else if (arg === '--workers') {
      const v = value();
      workers = Number(v);
      if (!/^\d+$/.test(v) || workers < 1 || workers > MAX_WORKERS) throw new UsageError(`--workers must be a whole number from 1 to ${MAX_WORKERS}, got '${v}'`);
    } else if (arg === '--child') child = true;
    else throw new UsageError(`unknown argument '${arg}'`);
  }
  return { at: at ?? systemClock.now(), workers, child };
}

const cliActor: Actor = { keyId: 'billing-cli', name: 'billing run (CLI)', role: Role.ADMIN, customerId: null };

type ChildMessage = { type: 'progress'; progress: BillingRunProgress } | { type: 'result'; result: BillingRunResult };

function progressLine(p: BillingRunProgress, who = ''): string {
  return `${who}billing: ${p.subscriptionsProcessed}/${p.subscriptionsDue} subscriptions, ${p.invoicesCreated} invoices, ${p.subscriptionsFailed} failed, ${(p.elapsedMs / 1000).toFixed(1)} s\n`;
}

/** One claim loop in this process, on this process's connection pool. */
async function runHere(args: Args): Promise<BillingRunResult> {
  const config = loadConfig();
  // stdout carries the summary only: logs go to stderr.
  const logger = pino({ level: config.LOG_LEVEL, base: { service: 'tariff-billing', pid: process.pid } }, pino.destination(2));
  wireDomainProjectors();
  const db = await openDatabase({ url: config.DATABASE_URL, dataDir: config.TARIFF_DATA_DIR, poolMax: config.TARIFF_DB_POOL_SIZE, migrate: true, logger });
  try {
    return await runBilling({
      fork: () => db.orm.em.fork(),
      at: args.at,
      clock: systemClock,
      actor: cliActor,
      logger,
      onProgress: (progress) => {
        if (args.child) process.send?.({ type: 'progress', progress } satisfies ChildMessage);
        else process.stderr.write(progressLine(progress));
      },
    });
  } finally {
    await db.close();
  }
}

/** N processes, each running the claim loop; SKIP LOCKED shares the due subscriptions between them. */
async function runWorkers(args: Args): Promise<{ result: BillingRunResult; ok: boolean }> {
  const results = await Promise.all(
    Array.from({ length: args.workers }, (_, n) =>
      new Promise<{ result: BillingRunResult | null; code: number | null }>((resolve) => {
        const child = fork(__filename, ['--at', args.at.toISOString(), '--child'], { execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
        let result: BillingRunResult | null = null;
        child.on('message', (m: ChildMessage) => {
          if (m.type === 'progress') process.stderr.write(progressLine(m.progress, `[worker ${n + 1}] `));
          else result = m.result;
        });
        child.on('exit', (code) => resolve({ result, code }));
      }),
    ),
  );
  const sum = (k: keyof BillingRunResult) => results.reduce((s, r) => s + (r.result?.[k] ?? 0), 0);
  return {
    result: { subscriptionsProcessed: sum('subscriptionsProcessed'), invoicesCreated: sum('invoicesCreated'), subscriptionsFailed: sum('subscriptionsFailed') },
    ok: results.every((r) => r.code === 0 && r.result !== null),
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
  if (args.child) {
    // Stop with the parent, however it ended: what this worker has in flight rolls back, and
    // the next run closes it (a worker must not go on billing unsupervised).
    process.on('disconnect', () => process.exit(1));
    const result = await runHere(args);
    process.send?.({ type: 'result', result } satisfies ChildMessage);
    return result.subscriptionsFailed > 0 ? 1 : 0;
  }
  const started = performance.now();
  if (args.workers > 1 && !loadConfig().DATABASE_URL) {
    process.stderr.write('billing: the embedded database is one backend, so one worker runs (set DATABASE_URL for parallel workers)\n');
    args.workers = 1;
  }
  const { result, ok } = args.workers > 1 ? await runWorkers(args) : { result: await runHere(args), ok: true };
  // Once, after every worker: each charge follows the commit of the invoice it charges.
  const collection = await collectHere(args.at, cliActor, 'tariff-billing');
  // Then the lifecycle signals due by --at (trial ending, renewal upcoming, …), as every billing run ends.
  const signals = await signalHere(args.at, cliActor, 'tariff-billing');
  process.stdout.write(`${JSON.stringify({ at: args.at.toISOString(), workers: args.workers, ...result, ...collection, ...signals, elapsedMs: Math.round(performance.now() - started) })}\n`);
  return ok && result.subscriptionsFailed === 0 && collection.invoicesFailed === 0 && signals.signalsFailed === 0 ? 0 : 1;
}

runCli('billing', main);
