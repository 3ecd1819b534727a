import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConflictError, IdempotencyKeyReusedError } from '../errors';
import type { Clock } from '../shared/clock';
import { IdempotencyStatus } from './idempotency-key.entity';

/** What the first request with a key got, replayed to every retry. */
export interface StoredResponse {
  status: number;
  /** The exact JSON text of the body. */
  body: string;
}

/** The right to run the request: held until `complete` or `release`, or until it lapses. */
export interface Lease {
  id: string;
  /** Also the fence: a lease that was taken over no longer matches and changes nothing. */
  lockedUntil: Date;
}

export type Acquired = { kind: 'run'; lease: Lease } | { kind: 'replay'; response: StoredResponse };

export interface IdempotencyOptions {
  /** How long a running request keeps its key before another may assume it died. */
  lockSeconds: number;
  /** How long a key and its response are kept (CONTRACT.md: at least 24 h). */
  retentionSeconds: number;
  /** A duplicate polls this often for the first request's response, holding no transaction... */
  pollMs: number;
  /** ...for at most this long, then gives up with CONFLICT. */
  maxWaitMs: number;
}

export const defaultIdempotencyOptions: IdempotencyOptions = {
  lockSeconds: 60,
  retentionSeconds: 24 * 3600,
  pollMs: 50,
  maxWaitMs: 30_000,
};

interface Row {
  id: string;
  request_hash: string;
  status: IdempotencyStatus;
  response_status: number | null;
  response_body: { text?: unknown } | null;
  /** Compared in SQL: the driver hands timestamps back as text. */
  expired: boolean;
  stale: boolean;
}

type Step = Acquired | { kind: 'wait' } | { kind: 'retry' };

/** Expired rows removed per acquire: enough to keep up with traffic, bounded after a long pause. */
const SWEEP_LIMIT = 100;

/**
 * The store behind `Idempotency-Key` (CONTRACT.md: Operations), one row per (API key, key).
 *
 * Every step is a single autocommitted statement and nothing waits inside a transaction: the
 * request itself runs its own transactions in between, and on PGlite (one backend) a statement
 * awaited while another connection holds a transaction would never return (STACK.md). The
 * unique (api_key_id, key) index decides who runs; the others poll for the stored response.
 *
 * The body is stored as its text inside jsonb (`{"text": "..."}`), not as a jsonb object:
 * jsonb reorders object keys, and a GraphQL response's fields follow the selection set, so
 * only the text replays the first response exactly.
 */
export class IdempotencyService {
  private readonly options: IdempotencyOptions;

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    options: Partial<IdempotencyOptions> = {},
  ) {
    this.options = { ...defaultIdempotencyOptions, ...options };
  }

  /**
   * Claims the key for this request, or answers with the first request's response, waiting
   * for it while that request runs. Throws IdempotencyKeyReusedError when the key was first used
   * with another request, and ConflictError when the first one is still running after maxWaitMs.
   */
  async acquire(apiKeyId: string, key: string, requestHash: string): Promise<Acquired> {
    await this.sweepExpired();
    const polls = Math.ceil(this.options.maxWaitMs / this.options.pollMs);
    for (let attempt = 0; attempt <= polls; attempt++) {
      const step = await this.step(apiKeyId, key, requestHash);
      if (step.kind === 'run' || step.kind === 'replay') return step;
      if (step.kind === 'wait') await sleep(this.options.pollMs);
    }
    throw new ConflictError('a request with this Idempotency-Key is still in progress', { field: 'Idempotency-Key' });
  }

  /** Stores the response for replay; false when the lease was lost (taken over). */
  async complete(lease: Lease, response: StoredResponse): Promise<boolean> {
    const rows = await this.em.execute<{ id: string }[]>(
      `update idempotency_key set status = ?, response_status = ?, response_body = ?::jsonb
       where id = ? and status = ? and locked_until = ? returning id`,
      [
        IdempotencyStatus.DONE,
        response.status,
        JSON.stringify({ text: response.body }),
        lease.id,
        IdempotencyStatus.IN_PROGRESS,
        lease.lockedUntil,
      ],
    );
    return rows.length > 0;
  }

  /** Gives the key up so that a retry runs the request again (its first run failed on our side). */
  async release(lease: Lease): Promise<void> {
    await this.em.execute(
      'delete from idempotency_key where id = ? and status = ? and locked_until = ?',
      [lease.id, IdempotencyStatus.IN_PROGRESS, lease.lockedUntil],
      'run',
    );
  }

  /** Extends a running request's lock; null when the lease was lost. */
  async renew(lease: Lease): Promise<Lease | null> {
    const lockedUntil = this.lockEnd();
    const rows = await this.em.execute<{ id: string }[]>(
      'update idempotency_key set locked_until = ? where id = ? and status = ? and locked_until = ? returning id',
      [lockedUntil, lease.id, IdempotencyStatus.IN_PROGRESS, lease.lockedUntil],
    );
    return rows.length > 0 ? { id: lease.id, lockedUntil } : null;
  }

  private async step(apiKeyId: string, key: string, requestHash: string): Promise<Step> {
    const now = this.clock.now();
    const lease: Lease = { id: randomUUID(), lockedUntil: this.lockEnd() };
    const inserted = await this.em.execute<{ id: string }[]>(
      `insert into idempotency_key (id, api_key_id, "key", request_hash, status, created_at, locked_until, expires_at)
       values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (api_key_id, "key") do nothing returning id`,
      [
        lease.id,
        apiKeyId,
        key,
        requestHash,
        IdempotencyStatus.IN_PROGRESS,
        now,
        lease.lockedUntil,
        new Date(now.getTime() + this.options.retentionSeconds * 1000),
      ],
    );
    if (inserted.length > 0) return { kind: 'run', lease };

    const [row] = await this.em.execute<Row[]>(
      `select id, request_hash, status, response_status, response_body, expires_at <= ? as expired, locked_until < ? as stale
       from idempotency_key where api_key_id = ? and "key" = ?`,
      [now, now, apiKeyId, key],
    );
    // Released or swept between the two statements: the key is free again.
    if (!row) return { kind: 'retry' };
    if (row.expired) {
      await this.em.execute('delete from idempotency_key where id = ? and expires_at <= ?', [row.id, now], 'run');
      return { kind: 'retry' };
    }
    if (row.request_hash !== requestHash) {
      throw new IdempotencyKeyReusedError('this Idempotency-Key was already used with a different request', { field: 'Idempotency-Key' });
    }
    if (row.status === IdempotencyStatus.DONE) return { kind: 'replay', response: storedResponse(row) };
    if (row.stale) {
      // Its request died (or overran its lock): take the key over, unless another retry just did.
      const taken = await this.em.execute<{ id: string }[]>(
        'update idempotency_key set locked_until = ? where id = ? and status = ? and locked_until < ? returning id',
        [lease.lockedUntil, row.id, IdempotencyStatus.IN_PROGRESS, now],
      );
      return taken.length > 0 ? { kind: 'run', lease: { id: row.id, lockedUntil: lease.lockedUntil } } : { kind: 'retry' };
    }
    return { kind: 'wait' };
  }

  /** Expired keys count as absent; the index on expires_at keeps this cheap. */
  private async sweepExpired(): Promise<void> {
    await this.em.execute(
      'delete from idempotency_key where id in (select id from idempotency_key where expires_at <= ? limit ?)',
      [this.clock.now(), SWEEP_LIMIT],
      'run',
    );
  }

  private lockEnd(): Date {
    return new Date(this.clock.now().getTime() + this.options.lockSeconds * 1000);
  }
}

function storedResponse(row: Row): StoredResponse {
  const text = row.response_body?.text;
  if (row.response_status === null || typeof text !== 'string') throw new Error(`idempotency key ${row.id} is DONE without a response`);
  return { status: row.response_status, body: text };
}
