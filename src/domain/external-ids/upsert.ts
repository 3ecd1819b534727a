import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ConflictError } from '../errors';

export enum UpsertOutcome {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  /** A replay: the record already said all this, so nothing was written. */
  UNCHANGED = 'UNCHANGED',
}

export interface Upserted<T> {
  record: T;
  outcome: UpsertOutcome;
}

/**
 * An upsert's transaction, run a second time if it lost a race: two first syncs of one record
 * both find nothing and both insert, the unique index lets one commit and fails the other, and
 * the second run finds the winner's record and updates it or leaves it be. Losing twice means
 * the rows keep moving under us: a CONFLICT to retry, not a loop.
 */
export async function upsertTransaction<T>(
  em: EntityManager,
  work: (em: EntityManager) => Promise<Upserted<T>>,
  field: string,
): Promise<Upserted<T>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await em.transactional(work);
    } catch (err) {
      if (!(err instanceof UniqueConstraintViolationException)) throw err;
      if (attempt === 2) throw new ConflictError('the record was changed by another request meanwhile; retry', { field });
    }
  }
}
