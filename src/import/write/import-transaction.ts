import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';

/**
 * An import transaction (a record, or a batch of whole records), committed asynchronously
 * (`synchronous_commit = off`, for this transaction only): the commit returns before its WAL
 * reaches the disk instead of waiting for an fsync. Still atomic, and durable against a killed
 * import; only a crash of the database server itself can lose the last fraction of a second of
 * commits, whole records that the next run (or `--resume`) imports, as it does anything not yet
 * imported.
 */
export async function importTransaction<T>(em: EntityManager, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  return em.transactional(async (tx) => {
    await boundRows(tx, "select set_config('synchronous_commit', 'off', true)");
    return work(tx);
  });
}
