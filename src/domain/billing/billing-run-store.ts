import type { EntityManager } from '@mikro-orm/postgresql';
import { boundQuery, boundRows } from '../../db/bound-query';
import { BillingRunStatus } from './billing-run.entity';

/** A billing run as the API shows it: a plain copy, never the managed entity. */
export interface BillingRunView {
  id: string;
  at: Date;
  status: BillingRunStatus;
  processed: number;
  total: number | null;
  invoicesCreated: number;
  startedAt: Date;
  finishedAt: Date | null;
  error: string | null;
}

/**
 * A RUNNING run whose process has written nothing for this long is taken for dead (the process
 * was killed, the server restarted): it is shown FAILED, and a new start for its instant replaces it.
 * Progress is written per batch and a heartbeat every HEARTBEAT_MS, so a live run never looks so.
 */
export const STALE_AFTER_SECONDS = 300;
export const HEARTBEAT_MS = 30_000;

const ABANDONED = `abandoned: its process stopped writing progress for ${STALE_AFTER_SECONDS} s (it died or was restarted); what it billed stays billed, and a new run bills the rest`;

interface Row {
  id: string;
  at: Date;
  status: BillingRunStatus;
  processed: number;
  total: number | null;
  invoices_created: number;
  started_at: Date;
  finished_at: Date | null;
  error: string | null;
  stale: boolean;
}

const COLUMNS = `id, at, status, processed, total, invoices_created, started_at, finished_at, error,
  (status = 'RUNNING' and heartbeat_at < clock_timestamp() - make_interval(secs => ${STALE_AFTER_SECONDS})) as stale`;

function view(row: Row): BillingRunView {
  // Shown as what it is, without writing from a read: the next start for its instant records it.
  const abandoned = row.stale;
  return {
    id: row.id,
    at: new Date(row.at),
    status: abandoned ? BillingRunStatus.FAILED : row.status,
    processed: row.processed,
    total: row.total,
    invoicesCreated: row.invoices_created,
    startedAt: new Date(row.started_at),
    finishedAt: row.finished_at ? new Date(row.finished_at) : null,
    error: abandoned ? ABANDONED : row.error,
  };
}

export async function findBillingRun(em: EntityManager, id: string): Promise<BillingRunView | null> {
  const [row] = await boundRows<Row>(em, `select ${COLUMNS} from billing_run where id = ?`, [id]);
  return row ? view(row) : null;
}

/**
 * The RUNNING run for `at`, created unless one is already running (returned as it is, `created`
 * false). One statement against the partial unique index, so two starts at once make one run;
 * a stale one is first closed as FAILED so that it cannot block the instant forever.
 */
export async function claimBillingRun(
  em: EntityManager,
  input: { id: string; at: Date; startedAt: Date; startedBy: string },
): Promise<{ run: BillingRunView; created: boolean }> {
  await boundQuery(
    em,
    `update billing_run set status = 'FAILED', finished_at = ?, error = ?
      where at = ? and status = 'RUNNING' and heartbeat_at < clock_timestamp() - make_interval(secs => ${STALE_AFTER_SECONDS})`,
    [input.startedAt, ABANDONED, input.at],
  );
  // The RUNNING run that kept ours out can finish between the insert and the select (each
  // statement reads anew): then there is none to return, and the claim is tried again.
  for (let attempt = 0; ; attempt++) {
    const inserted = await boundRows<{ id: string }>(
      em,
      `insert into billing_run (id, at, status, processed, total, invoices_created, started_at, finished_at, error, started_by, heartbeat_at)
       values (?, ?, 'RUNNING', 0, null, 0, ?, null, null, ?, clock_timestamp())
       on conflict (at) where status = 'RUNNING' do nothing returning id`,
      [input.id, input.at, input.startedAt, input.startedBy],
    );
    const [row] = await boundRows<Row>(
      em,
      `select ${COLUMNS} from billing_run where ${inserted.length > 0 ? 'id = ?' : `at = ? and status = 'RUNNING'`}`,
      [inserted.length > 0 ? input.id : input.at],
    );
    if (row) return { run: view(row), created: inserted.length > 0 };
    if (attempt >= 5) throw new Error(`billing run at ${input.at.toISOString()}: could not be claimed nor found running`);
  }
}

export async function writeProgress(
  em: EntityManager,
  id: string,
  progress: { processed: number; total: number; invoicesCreated: number },
): Promise<void> {
  await boundQuery(
    em,
    `update billing_run set processed = ?, total = ?, invoices_created = ?, heartbeat_at = clock_timestamp() where id = ? and status = 'RUNNING'`,
    [progress.processed, progress.total, progress.invoicesCreated, id],
  );
}

export async function writeHeartbeat(em: EntityManager, id: string): Promise<void> {
  await boundQuery(em, `update billing_run set heartbeat_at = clock_timestamp() where id = ? and status = 'RUNNING'`, [id]);
}

/** The end of a run; a run already closed as abandoned keeps what it says. */
export async function finishBillingRun(
  em: EntityManager,
  id: string,
  end: { status: BillingRunStatus; finishedAt: Date; error: string | null; invoicesCreated?: number },
): Promise<BillingRunView | null> {
  await boundQuery(
    em,
    `update billing_run set status = ?, finished_at = ?, error = ?, invoices_created = coalesce(?, invoices_created), heartbeat_at = clock_timestamp() where id = ? and status = 'RUNNING'`,
    [end.status, end.finishedAt, end.error, end.invoicesCreated ?? null, id],
  );
  return findBillingRun(em, id);
}
