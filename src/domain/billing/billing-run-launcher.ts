import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../../logger';
import type { Actor } from '../auth/actor';
import type { PaymentProviders } from '../payments/providers';
import type { Clock } from '../shared/clock';
import { runBillingCycle } from './billing-cycle';
import { BillingRunStatus } from './billing-run.entity';
import { BillingRunView, finishBillingRun, HEARTBEAT_MS, writeHeartbeat, writeProgress } from './billing-run-store';

/** Subscriptions per batch of a run started over the API: its progress moves this often. */
export const API_RUN_BATCH = 200;

export interface LaunchOptions {
  fork: () => EntityManager;
  clock: Clock;
  actor: Actor;
  providers: PaymentProviders;
  logger?: Logger;
}

/** The run as written at its end, and how long it took in real (monotonic) time, whatever clock dates it. */
type FinishedListener = (run: BillingRunView, elapsedMs: number) => void;

const inFlight = new Set<Promise<void>>();
const finishedListeners = new Set<FinishedListener>();

/**
 * Called with every run started by startBillingRun once it has ended, SUCCEEDED or FAILED (for
 * metrics: count runs by status, observe finishedAt - startedAt). Registered at wiring time;
 * returns the function that unregisters it. A listener that throws is logged, never the run's.
 */
export function onBillingRunFinished(listener: FinishedListener): () => void {
  finishedListeners.add(listener);
  return () => finishedListeners.delete(listener);
}

class Interrupted extends Error {}
const interrupting = new Set<string>();

/**
 * Before this process's database closes: each run in flight stops after the batch it is in
 * (one transaction per boundary, so nothing is cut half-way) and is written FAILED, interrupted;
 * a new start bills the rest. Resolves when every one has written its end.
 */
export async function settleBillingRuns(): Promise<void> {
  for (const id of running.keys()) interrupting.add(id);
  await Promise.allSettled([...inFlight]);
}

const running = new Map<string, Promise<void>>();

/**
 * Runs the billing cycle of a claimed RUNNING run in the background of this process: progress
 * per batch, a heartbeat meanwhile, every log line with the run's id, and the end written as
 * SUCCEEDED (the cycle completed; `error` then counts the items that failed, logged one by one)
 * or FAILED (the cycle itself threw).
 */
export function launchBillingRun(run: BillingRunView, options: LaunchOptions): void {
  const logger = options.logger?.child({ billingRunId: run.id });
  const task = execute(run, { ...options, logger }).finally(() => {
    inFlight.delete(task);
    running.delete(run.id);
    interrupting.delete(run.id);
  });
  inFlight.add(task);
  running.set(run.id, task);
}

async function execute(run: BillingRunView, options: LaunchOptions): Promise<void> {
  const { fork, clock, logger } = options;
  const started = performance.now();
  const heartbeat = setInterval(() => {
    writeHeartbeat(fork(), run.id).catch((err: unknown) => logger?.warn({ err }, 'billing run: heartbeat not written'));
  }, HEARTBEAT_MS);
  heartbeat.unref();
  let end: { status: BillingRunStatus; error: string | null; invoicesCreated?: number };
  logger?.info({ at: run.at.toISOString() }, 'billing run started');
  try {
    const result = await runBillingCycle({
      fork,
      at: run.at,
      clock,
      actor: options.actor,
      providers: options.providers,
      logger,
      batchSize: API_RUN_BATCH,
      onProgress: async (p) => {
        await writeProgress(fork(), run.id, {
          processed: p.subscriptionsProcessed + p.subscriptionsFailed,
          total: p.subscriptionsDue,
          invoicesCreated: p.invoicesCreated,
        });
        if (interrupting.has(run.id)) throw new Interrupted();
      },
    });
    const failed = [
      [result.subscriptionsFailed, 'subscription(s) not billed'],
      [result.invoicesFailed, 'invoice(s) not collected'],
      [result.signalsFailed, 'lifecycle signal(s) not emitted'],
    ].filter(([n]) => Number(n) > 0);
    end = {
      status: BillingRunStatus.SUCCEEDED,
      invoicesCreated: result.invoicesCreated,
      error:
        failed.length > 0
          ? `${failed.map(([n, what]) => `${n} ${what}`).join(', ')}; see the log lines with billingRunId ${run.id}; the next run retries them`
          : null,
    };
  } catch (err) {
    if (err instanceof Interrupted) {
      logger?.warn('billing run interrupted: this process is stopping');
      end = {
        status: BillingRunStatus.FAILED,
        error: 'interrupted: the server stopped; what it billed stays billed, and a new run bills the rest',
      };
    } else {
      logger?.error({ err }, 'billing run failed');
      end = {
        status: BillingRunStatus.FAILED,
        error: 'the run stopped on an error (logged with its billingRunId); what it billed stays billed, and a new run bills the rest',
      };
    }
  } finally {
    clearInterval(heartbeat);
  }
  let finished: BillingRunView | null = null;
  try {
    finished = await finishBillingRun(fork(), run.id, { ...end, finishedAt: clock.now() });
  } catch (err) {
    // Left RUNNING: it shows FAILED once stale (billing-run-store.ts), and a new start replaces it.
    logger?.error({ err }, 'billing run: its end could not be written');
  }
  logger?.info(
    {
      status: finished?.status ?? end.status,
      processed: finished?.processed,
      total: finished?.total,
      invoicesCreated: finished?.invoicesCreated,
    },
    'billing run finished',
  );
  if (!finished) return;
  for (const listener of finishedListeners) {
    try {
      listener(finished, performance.now() - started);
    } catch (err) {
      logger?.warn({ err }, 'billing run: a finished listener threw');
    }
  }
}
