import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';

/** The earliest collection step of these customers due at or before `to`: where a test clock's advance must stop next. */
export async function nextCollectionAmong(em: EntityManager, customerIds: readonly string[], to: Date): Promise<Date | null> {
  if (customerIds.length === 0) return null;
  const [row] = await boundRows<{ at: Date | null }>(
    em,
    `select min(next_collection_at) as at from invoice where customer_id = any(?::uuid[]) and status = 'OPEN' and next_collection_at <= ?`,
    [[...customerIds], to],
  );
  return row.at ? new Date(row.at) : null;
}
