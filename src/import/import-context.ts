import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../domain/auth/actor';
import type { Clock } from '../domain/shared/clock';
import { DumpLine, idOf } from './stripe/dump-reader';
import { rejectionReason } from './import-rejection';
import type { ImportProgress, RecordKind, RunBook } from './import-run';
import { BatchRunner } from './record-batches';
import type { DumpScan } from './stripe/scan-dump';

/** What every phase of a run works with. */
export interface ImportContext {
  dir: string;
  /** Validate everything, write nothing. */
  dryRun: boolean;
  /** Skip what earlier runs imported without comparing it with the dump. */
  resume: boolean;
  /** Whole records per transaction (1: one transaction per record). */
  batchSize: number;
  /** Transactions in flight at once. */
  concurrency: number;
  actor: Actor;
  clock: Clock;
  fork: () => EntityManager;
  book: RunBook;
  scan: DumpScan;
  onProgress?: (progress: ImportProgress) => void;
}

/** Reports a phase's progress at most every `everyMs`, and once at its end. */
export function phaseProgress(ctx: ImportContext, phase: RecordKind, total: number, everyMs = 250): { tick(): void; end(): void } {
  const started = performance.now();
  let done = 0;
  let last = -Infinity;
  const report = () =>
    ctx.onProgress?.({
      phase,
      done,
      total: Math.max(total, done),
      rejected: ctx.book.counts[phase].rejected,
      elapsedMs: performance.now() - started,
    });
  return {
    tick() {
      done++;
      const now = performance.now();
      if (now - last >= everyMs) {
        last = now;
        report();
      }
    },
    end: report,
  };
}

/**
 * A unique key refused the row: through the ORM, or from a statement sent as it is (bound-query.ts),
 * whose driver error keeps PostgreSQL's SQLSTATE.
 */
function isUniqueViolation(err: unknown): boolean {
  return err instanceof UniqueConstraintViolationException || (err instanceof Error && (err as { code?: unknown }).code === '23505');
}

/** An expected refusal (the import's or the domain's validation, or a unique key), as opposed to a bug. */
export function isRefusal(err: unknown): boolean {
  return isUniqueViolation(err) || rejectionReason(err) !== null;
}

function refusalReason(err: unknown): string | null {
  if (isUniqueViolation(err)) {
    const detail = (err as { detail?: unknown }).detail;
    return `conflicts with a record already in Tariff${typeof detail === 'string' ? `: ${detail}` : ''}`;
  }
  return rejectionReason(err);
}

function fileRefusal(ctx: ImportContext, kind: RecordKind, line: DumpLine, err: unknown): void {
  const reason = refusalReason(err);
  if (reason === null) throw err;
  ctx.book.reject({ kind, file: line.file, line: line.line, id: idOf(line.json), reason });
}

/**
 * One line of a file, parsed, mapped and validated by `check`: its result, or null when the
 * record is refused (filed with its place, id and reason) or was handled inside `check`
 * (skipped, found imported). Anything but a refusal is a bug and stops the run.
 */
export async function checkRecord<T>(
  ctx: ImportContext,
  kind: RecordKind,
  line: DumpLine,
  check: () => Promise<T | null | void>,
): Promise<T | null> {
  ctx.book.counts[kind].read++;
  if (line.error !== null) {
    ctx.book.reject({ kind, file: line.file, line: line.line, id: null, reason: line.error });
    return null;
  }
  try {
    // Nothing returned: the record was dealt with inside (skipped, or found imported).
    return ((await check()) ?? null) as T | null;
  } catch (err) {
    fileRefusal(ctx, kind, line, err);
    return null;
  }
}

export interface Checked<T> {
  line: DumpLine;
  record: T;
  stripeId: string;
}

/**
 * The writer of a phase's checked records: in batches through `write` (which returns the Stripe
 * ids it created; the others were found imported meanwhile), falling back to one record a
 * transaction when a batch is refused. A record refused on its own is tried once more after a
 * unique violation (another run imported it at the same moment: the retry finds it), then filed.
 */
export function recordWriter<T>(
  ctx: ImportContext,
  kind: RecordKind,
  write: (records: T[]) => Promise<Set<string>>,
): BatchRunner<Checked<T>> {
  const counts = ctx.book.counts[kind];
  const tally = (items: Checked<T>[], created: Set<string>) => {
    counts.imported += created.size;
    counts.existing += items.length - created.size;
  };
  return new BatchRunner<Checked<T>>({
    size: ctx.batchSize,
    concurrency: ctx.concurrency,
    isRefusal,
    async writeBatch(items) {
      tally(items, await write(items.map((i) => i.record)));
    },
    async writeOne(item) {
      for (let attempt = 1; ; attempt++) {
        try {
          return tally([item], await write([item.record]));
        } catch (err) {
          if (isUniqueViolation(err) && attempt === 1) continue;
          return fileRefusal(ctx, kind, item.line, err);
        }
      }
    },
  });
}
