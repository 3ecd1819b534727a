import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';

/**
 * The one definition of an order due for placement, shared by the billing run's pages, its
 * re-check under the row lock and a test clock's next stop (they must agree, or an advance would
 * stop where nothing happens): SCHEDULED, not held, its date come, and its subscription neither
 * paused nor canceled. `o` is customer_order, `s` its subscription, `c` its customer.
 */
export const DUE_ORDER = `o.status = 'SCHEDULED' and o.hold_reason is null and o.scheduled_for <= ?
  and s.status not in ('PAUSED', 'CANCELED')`;
export const DUE_FROM = `customer_order o join subscription s on s.id = o.subscription_id join customer c on c.id = o.customer_id`;

/** Which customers a run covers: these (a test clock's, an operator's), or every customer on the real clock. */
export type OrderScope = readonly string[] | null;

function scopeSql(scope: OrderScope): { sql: string; params: unknown[] } {
  return scope ? { sql: 'and o.customer_id = any(?::uuid[])', params: [[...scope]] } : { sql: 'and c.test_clock_id is null', params: [] };
}

/** The next page of due orders by id (a keyset pass), leaving out those that failed in this run. */
export async function dueOrderIds(
  em: EntityManager,
  at: Date,
  scope: OrderScope,
  after: string | null,
  failed: ReadonlySet<string>,
  limit: number,
): Promise<string[]> {
  const s = scopeSql(scope);
  const rows = await boundRows<{ id: string }>(
    em,
    `select o.id from ${DUE_FROM} where ${DUE_ORDER} ${s.sql}
       and (?::uuid is null or o.id > ?::uuid) and not (o.id = any(?::uuid[]))
     order by o.id limit ?`,
    [at, ...s.params, after, after, [...failed], limit],
  );
  return rows.map((r) => r.id);
}

/** The earliest date at or before `to` on which one of these customers has an order to place (a test clock's next stop). */
export async function nextOrderAmong(em: EntityManager, customerIds: readonly string[], to: Date): Promise<Date | null> {
  if (customerIds.length === 0) return null;
  const [row] = await boundRows<{ at: Date | null }>(
    em,
    `select min(o.scheduled_for) as at from ${DUE_FROM} where ${DUE_ORDER} and o.customer_id = any(?::uuid[])`,
    [to, [...customerIds]],
  );
  return row?.at ? new Date(row.at) : null;
}
