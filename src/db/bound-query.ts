import type { EntityManager, Knex } from '@mikro-orm/postgresql';

/**
 * A statement with real bind parameters, on the transaction's connection when there is one.
 * em.execute inlines every value as an escaped literal, character by character in JavaScript,
 * which costs more than the statement itself for a batch sent as one large jsonb parameter
 * (the billing run's invoice rows, recordUsage's events).
 */
export async function boundQuery<T = Record<string, unknown>>(
  em: EntityManager,
  sql: string,
  params: readonly unknown[] = [],
): Promise<{ rows: T[]; rowCount: number }> {
  const knex = em.getTransactionContext<Knex.Transaction>() ?? em.getKnex();
  const result = await knex.raw(sql, params as Knex.RawBinding[]);
  return { rows: result.rows as T[], rowCount: result.rowCount ?? 0 };
}

/** boundQuery's rows. */
export async function boundRows<T = Record<string, unknown>>(
  em: EntityManager,
  sql: string,
  params: readonly unknown[] = [],
): Promise<T[]> {
  return (await boundQuery<T>(em, sql, params)).rows;
}
