import { FilterQuery, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Actor, authorize } from '../auth/actor';
import { closeBoundary, dueFilter, isDue } from '../invoices/close-boundary';
import { closeRenewalBatch, RenewalBatchResult } from '../invoices/renewal-batch';
import { closeGroupBoundary } from '../invoices/consolidated-boundary';
import { splitConsolidated } from './consolidated-subscriptions';
import type { Clock } from '../shared/clock';
import { Subscription } from '../subscriptions/subscription.entity';
import type { Logger } from '../../logger';

export interface BillingRunOptions {
  /** A new EntityManager; one is taken per batch read and per boundary, so memory stays flat. */
  fork: () => EntityManager;
  /** Boundaries at or before this instant are closed. */
  at: Date;
  /** Dates what the run writes (finalizedAt, createdAt, events): the real clock, or a test clock. */
  clock: Clock;
  /** Who runs it: recorded on every subscription event; needs 'billing:run'. */
  actor: Actor;
  logger?: Logger;
  batchSize?: number;
  /**
   * Bill these customers only (operators re-running one account, tests, a test clock's advance),
   * test-clock customers included. Without it the run is the real clock's: it leaves out every
   * customer on a test clock, whom only advanceTestClock moves (CONTRACT.md).
   */
  customerIds?: readonly string[];
  /** After each batch (and once when the due subscriptions are counted); awaited, so it may write the progress down. */
  onProgress?: (progress: BillingRunProgress) => void | Promise<void>;
  /** Monotonic milliseconds, for the elapsed time reported; never a date. */
  timer?: () => number;
}

export interface BillingRunResult {
  /**
   * Subscriptions that had at least one boundary closed by this run. Counted, not collected, so
   * memory stays flat; one whose catch-up another worker took over half-way counts in both.
   */
  subscriptionsProcessed: number;
  invoicesCreated: number;
  /** Subscriptions left as they were after an error; each is logged with its id. */
  subscriptionsFailed: number;
}

export interface BillingRunProgress extends BillingRunResult {
  /** Subscriptions due when the run started. */
  subscriptionsDue: number;
  elapsedMs: number;
}

const DEFAULT_BATCH = 1000;
/** How long a worker waits, and how often, for rows other transactions hold before leaving them to the next run. */
const LOCKED_RETRY_MS = 25;
const LOCKED_RETRIES = 200;

/**
 * Closes every boundary due at or before `at`: one transaction per boundary, so a crash or an
 * error loses at most the boundary in flight, which the next run closes. Exactly once rests on
 * the database, not on this loop: each unit locks the subscription row and re-checks it is due
 * under the lock, and the invoice's unique `billingKey` refuses a second invoice for a period.
 * Several runs (processes, or calls) can share the work: rows another holds are skipped
 * (SKIP LOCKED) and left to it, and a pass is repeated until nothing due is left but failures.
 */
export async function runBilling(options: BillingRunOptions): Promise<BillingRunResult> {
  authorize(options.actor, 'billing:run');
  const { at, logger } = options;
  const timer = options.timer ?? (() => performance.now());
  const started = timer();
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const scope: FilterQuery<Subscription> = options.customerIds
    ? { customer: { $in: [...options.customerIds] } }
    : { customer: { testClock: null } };
  const subscriptionsDue = await options.fork().count(Subscription, { $and: [dueFilter(at), scope] });
  const failed = new Set<string>();
  let subscriptionsProcessed = 0;
  let invoicesCreated = 0;
  const result = (): BillingRunResult => ({ subscriptionsProcessed, invoicesCreated, subscriptionsFailed: failed.size });
  const report = async () => options.onProgress?.({ ...result(), subscriptionsDue, elapsedMs: Math.round(timer() - started) });
  await report();

  /** Closes the subscription's boundaries one transaction at a time while it is due: a catch-up bills its periods in order. */
  async function bill(id: string, counted = false): Promise<boolean> {
    for (let closedAny = counted; ;) {
      let closed;
      try {
        closed = await options.fork().transactional((em) => closeBoundary(em, id, at, options.clock.now(), options.actor));
      } catch (err) {
        failed.add(id);
        if (isBillingKeyConflict(err)) {
          // The boundary has its invoice but the subscription did not move on: a bug or a manual edit; never bill it twice.
          logger?.error(
            { subscriptionId: id },
            'billing run: the boundary is already invoiced but the subscription was not advanced; left as it is',
          );
        } else {
          logger?.error({ err, subscriptionId: id }, 'billing run: closing a boundary failed; the subscription is left as it was');
        }
        return closedAny;
      }
      // Held by another transaction, or no longer due (another run closed it).
      if (!closed) return closedAny;
      if (!closedAny) subscriptionsProcessed++;
      closedAny = true;
      if (closed.invoice) invoicesCreated++;
      logger?.debug({ subscriptionId: id, invoiceId: closed.invoice?.id, number: closed.invoice?.number }, 'billing run: boundary closed');
      if (!isDue(closed.subscription, at)) return true;
    }
  }

  /**
   * The plain renewals of a page in one transaction (renewal-batch.ts); what it hands back, and
   * subscriptions still due after it (a catch-up), go one boundary at a time through `bill`. A
   * batch that fails rolls back whole and is retried that way, where a failure stays with its
   * subscription.
   */
  async function renewBatch(ids: readonly string[]): Promise<{ closed: number; rest: string[]; counted: Set<string> }> {
    let result: RenewalBatchResult;
    try {
      result = await options.fork().transactional((em) => closeRenewalBatch(em, ids, at, options.clock.now(), options.actor));
    } catch (err) {
      logger?.warn({ err, subscriptions: ids.length }, 'billing run: a batch failed as a whole; closing its subscriptions one at a time');
      return { closed: 0, rest: [...ids], counted: new Set() };
    }
    subscriptionsProcessed += result.closed.length;
    invoicesCreated += result.closed.filter((c) => c.invoiced).length;
    const stillDue = result.closed.filter((c) => c.stillDue).map((c) => c.id);
    return { closed: result.closed.length, rest: [...result.handBack, ...stillDue], counted: new Set(stillDue) };
  }

  /**
   * A company group's subscriptions, payer by payer (consolidated-boundary.ts): one transaction
   * and one invoice per billing instant. A step that fails leaves the group's page subscriptions
   * as they were, and the next run tries again.
   */
  async function billGroup(payerId: string, pageIds: readonly string[]): Promise<boolean> {
    const processed = new Set<string>();
    for (;;) {
      let step;
      try {
        step = await options.fork().transactional((em) => closeGroupBoundary(em, payerId, at, options.clock.now(), options.actor));
      } catch (err) {
        pageIds.forEach((id) => failed.add(id));
        logger?.error({ err, payerId }, "billing run: closing a company group's boundary failed; its subscriptions are left as they were");
        break;
      }
      if (!step) break;
      step.subscriptionIds.forEach((id) => processed.add(id));
      if (step.invoice) invoicesCreated++;
      logger?.debug({ payerId, at: step.at.toISOString(), invoiceId: step.invoice?.id }, 'billing run: group boundary closed');
    }
    subscriptionsProcessed += processed.size;
    return processed.size > 0;
  }

  for (let idlePasses = 0; ;) {
    let sawAny = false;
    let progressed = false;
    const groupsBilled = new Set<string>();
    for (let after: string | null = null; ;) {
      const page = await dueIds(options.fork(), at, scope, after, failed, batchSize);
      if (page.length === 0) break;
      sawAny = true;
      after = page[page.length - 1];
      const { ids, groups } = await splitConsolidated(options.fork(), page);
      for (const [payerId, members] of groups) {
        // A payer's later pages find its group billed already: one visit per pass.
        if (groupsBilled.has(payerId)) continue;
        groupsBilled.add(payerId);
        if (await billGroup(payerId, members)) progressed = true;
      }
      const batch = await renewBatch(ids);
      if (batch.closed > 0) progressed = true;
      for (const id of batch.rest) if (await bill(id, batch.counted.has(id))) progressed = true;
      await report();
    }
    if (!sawAny) break;
    // What is left is held by other transactions: another run's worker finishes it, or a
    // subscription change commits in a moment. Wait a little, then leave it to the next run.
    if (progressed) idlePasses = 0;
    else if (++idlePasses > LOCKED_RETRIES) {
      logger?.warn({ at: at.toISOString() }, 'billing run: due subscriptions stayed locked by other transactions; the next run bills them');
      break;
    } else await new Promise((resolve) => setTimeout(resolve, LOCKED_RETRY_MS));
  }
  await report();
  logger?.info({ at: at.toISOString(), subscriptionsDue, ...result(), elapsedMs: Math.round(timer() - started) }, 'billing run done');
  return result();
}

/** The next batch of due subscriptions by id (a keyset pass), leaving out those that failed in this run. */
async function dueIds(
  em: EntityManager,
  at: Date,
  scope: FilterQuery<Subscription>,
  after: string | null,
  failed: ReadonlySet<string>,
  limit: number,
): Promise<string[]> {
  const where: FilterQuery<Subscription>[] = [dueFilter(at), scope];
  if (after) where.push({ id: { $gt: after } });
  if (failed.size > 0) where.push({ id: { $nin: [...failed] } });
  const rows = await em
    .createQueryBuilder(Subscription)
    .select('id')
    .where({ $and: where })
    .orderBy({ id: 'asc' })
    .limit(limit)
    .execute('all');
  return rows.map((r) => r.id);
}

function isBillingKeyConflict(err: unknown): boolean {
  return err instanceof UniqueConstraintViolationException && err.message.includes('invoice_billing_key_unique');
}
