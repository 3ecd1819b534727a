import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import { Actor, authorize } from '../auth/actor';
import { collectInvoice, CollectionOutcome } from '../payments/collect-invoice';
import type { PaymentProviders } from '../payments/providers';
import type { Clock } from '../shared/clock';
import type { Logger } from '../../logger';

export interface CollectionRunOptions {
  fork: () => EntityManager;
  providers: PaymentProviders;
  /** Steps due at or before this instant are taken. */
  at: Date;
  /** Dates the attempts: the real clock, or a test clock's. */
  clock: Clock;
  actor: Actor;
  /** These customers only (a test clock's); without it, every customer not on a test clock. */
  customerIds?: readonly string[];
  logger?: Logger;
  onProgress?: (progress: CollectionRunProgress) => void;
}

export interface CollectionRunResult {
  paymentsSucceeded: number;
  paymentsFailed: number;
  /** Charges whose provider did not answer: asked again, with the same key, by the next run. */
  paymentsPending: number;
  remindersSent: number;
  finalActions: number;
  /** Invoices a step could not be taken for (an error, logged with the id); the next run tries again. */
  invoicesFailed: number;
}

export type CollectionRunProgress = CollectionRunResult & { invoicesDue: number };

const PAGE = 500;

/**
 * Dunning: takes the collection step due of every invoice whose `nextCollectionAt` has come
 * (collect-invoice.ts), at most one step per invoice per run, so a run dated late does not fire
 * a whole schedule at one instant (a test clock stops at each step instead). Part of every
 * billing run and of `npm run dunning`; exactly once per step rests on the attempt's unique
 * (invoice, step) and the idempotency key it sends, not on this loop.
 */
export async function runCollection(options: CollectionRunOptions): Promise<CollectionRunResult> {
  authorize(options.actor, 'billing:run');
  const { at, logger } = options;
  const result: CollectionRunResult = {
    paymentsSucceeded: 0,
    paymentsFailed: 0,
    paymentsPending: 0,
    remindersSent: 0,
    finalActions: 0,
    invoicesFailed: 0,
  };
  const tally: Partial<Record<CollectionOutcome, keyof CollectionRunResult>> = {
    succeeded: 'paymentsSucceeded',
    failed: 'paymentsFailed',
    pending: 'paymentsPending',
    reminded: 'remindersSent',
    final_action: 'finalActions',
  };
  const invoicesDue = await countDue(options.fork(), at, options.customerIds);
  const context = { fork: options.fork, providers: options.providers, actor: options.actor };
  for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
    const ids = await dueIds(options.fork(), at, options.customerIds, after);
    if (ids.length === 0) break;
    after = ids[ids.length - 1];
    for (const id of ids) {
      try {
        const outcome = await collectInvoice(context, id, at, options.clock.now());
        const counter = tally[outcome];
        if (counter) result[counter]++;
        logger?.debug({ invoiceId: id, outcome }, 'collection: step taken');
      } catch (err) {
        result.invoicesFailed++;
        logger?.error({ err, invoiceId: id }, 'collection: the step failed; the invoice is left as it was');
      }
    }
    options.onProgress?.({ ...result, invoicesDue });
  }
  logger?.info({ at: at.toISOString(), invoicesDue, ...result }, 'collection run done');
  return result;
}

function scopeSql(customerIds: readonly string[] | undefined): { sql: string; params: unknown[] } {
  return customerIds
    ? { sql: 'i.customer_id = any(?::uuid[])', params: [[...customerIds]] }
    : { sql: 'not exists (select 1 from customer c where c.id = i.customer_id and c.test_clock_id is not null)', params: [] };
}

async function dueIds(em: EntityManager, at: Date, customerIds: readonly string[] | undefined, after: string): Promise<string[]> {
  const scope = scopeSql(customerIds);
  const rows = await boundRows<{ id: string }>(
    em,
    `select i.id from invoice i where i.next_collection_at <= ? and i.status = 'OPEN' and i.id > ? and ${scope.sql} order by i.id limit ${PAGE}`,
    [at, after, ...scope.params],
  );
  return rows.map((r) => r.id);
}

async function countDue(em: EntityManager, at: Date, customerIds: readonly string[] | undefined): Promise<number> {
  const scope = scopeSql(customerIds);
  const [row] = await boundRows<{ n: string }>(
    em,
    `select count(*) as n from invoice i where i.next_collection_at <= ? and i.status = 'OPEN' and ${scope.sql}`,
    [at, ...scope.params],
  );
  return Number(row.n);
}
