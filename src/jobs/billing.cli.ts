import '../production-defaults';
import 'reflect-metadata';
import { fork } from 'node:child_process';
import { Actor, Role } from '../domain/auth/actor';
import { runBillingCycle } from '../domain/billing/billing-cycle';
import { BillingRunOptions, BillingRunProgress, BillingRunResult, runBilling } from '../domain/billing/billing-run';
import { defaultPaymentProviders } from '../domain/payments/providers';
import { systemClock } from '../system-clock';
import { instantOption, parseCliArgs, printedHelp, runCli, wholeNumberOption } from '../cli/cli-args';
import { withCliDatabase } from '../cli/cli-database';
import { billingProgressLine, collectionProgressLine } from './progress-lines';

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
const SERVICE = 'tariff-billing';

const cliActor: Actor = { keyId: 'billing-cli', name: 'billing run (CLI)', role: Role.ADMIN, customerId: null };

type ChildMessage = { type: 'progress'; progress: BillingRunProgress } | { type: 'result'; result: BillingRunResult };

/**
 * The billing step shared by N forked processes (`--child`), each a claim loop on its own pool;
 * SKIP LOCKED shares the due subscriptions between them. `ok` is false when one of them died.
 */
function billInWorkers(workers: number, state: { ok: boolean }) {
  return async (options: BillingRunOptions): Promise<BillingRunResult> => {
    const results = await Promise.all(
      Array.from(
        { length: workers },
        (_, n) =>
          new Promise<{ result: BillingRunResult | null; code: number | null }>((resolve) => {
            const child = fork(__filename, ['--at', options.at.toISOString(), '--child'], {
              execArgv: process.execArgv,
              stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
            });
            let result: BillingRunResult | null = null;
            child.on('message', (m: ChildMessage) => {
              if (m.type === 'progress') process.stderr.write(billingProgressLine(m.progress, `[worker ${n + 1}] `));
              else result = m.result;
            });
            child.on('exit', (code) => resolve({ result, code }));
          }),
      ),
    );
    state.ok = results.every((r) => r.code === 0 && r.result !== null);
    const sum = (k: keyof BillingRunResult) => results.reduce((s, r) => s + (r.result?.[k] ?? 0), 0);
    return {
      subscriptionsProcessed: sum('subscriptionsProcessed'),
      invoicesCreated: sum('invoicesCreated'),
      subscriptionsFailed: sum('subscriptionsFailed'),
    };
  };
}

/** A forked worker: the billing step only, reporting to the parent over IPC (the parent collects and signals once, after every worker). */
async function runChild(at: Date): Promise<number> {
  // Stop with the parent, however it ended: what this worker has in flight rolls back, and
  // the next run closes it (a worker must not go on billing unsupervised).
  process.on('disconnect', () => process.exit(1));
  const result = await withCliDatabase({ service: SERVICE }, ({ fork, logger }) =>
    runBilling({
      fork,
      at,
      clock: systemClock,
      actor: cliActor,
      logger,
      onProgress: (progress) => void process.send?.({ type: 'progress', progress } satisfies ChildMessage),
    }),
  );
  process.send?.({ type: 'result', result } satisfies ChildMessage);
  return result.subscriptionsFailed > 0 ? 1 : 0;
}

async function main(): Promise<number> {
  const values = parseCliArgs(process.argv.slice(2), { at: { type: 'string' }, workers: { type: 'string' }, child: { type: 'boolean' } });
  if (printedHelp(values, USAGE)) return 0;
  const at = instantOption(values.at, () => systemClock.now());
  let workers = wholeNumberOption(values.workers, '--workers', 1, MAX_WORKERS, 1);
  if (values.child) return runChild(at);
  const started = performance.now();
  return withCliDatabase({ service: SERVICE }, async ({ fork, logger, db }) => {
    if (workers > 1 && db.embedded) {
      process.stderr.write('billing: the embedded database is one backend, so one worker runs (set DATABASE_URL for parallel workers)\n');
      workers = 1;
    }
    const workersState = { ok: true };
    const result = await runBillingCycle({
      fork,
      at,
      clock: systemClock,
      actor: cliActor,
      providers: defaultPaymentProviders(fork, systemClock),
      logger,
      onProgress: (progress) => void process.stderr.write(billingProgressLine(progress)),
      onCollectionProgress: (progress) => process.stderr.write(collectionProgressLine(progress)),
      ...(workers > 1 ? { bill: billInWorkers(workers, workersState) } : {}),
    });
    process.stdout.write(
      `${JSON.stringify({ at: at.toISOString(), workers, ...result, elapsedMs: Math.round(performance.now() - started) })}\n`,
    );
    return workersState.ok && result.subscriptionsFailed === 0 && result.invoicesFailed === 0 && result.signalsFailed === 0 ? 0 : 1;
  });
}

runCli('billing', main, USAGE);
