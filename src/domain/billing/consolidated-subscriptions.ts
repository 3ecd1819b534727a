import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import { CONSOLIDATED_CUSTOMER_SQL, payersOf } from '../customers/customer-hierarchy';

export interface SplitPage {
  /** Subscriptions billed on invoices of their own: the renewal batch's and closeBoundary's. */
  ids: string[];
  /** Company groups' subscriptions by payer: closeGroupBoundary's (one invoice per payer and instant). */
  groups: Map<string, string[]>;
}

/** A page of due subscriptions split by how they are invoiced; one statement when no group is involved. */
export async function splitConsolidated(em: EntityManager, page: readonly string[]): Promise<SplitPage> {
  if (page.length === 0) return { ids: [], groups: new Map() };
  const rows = await boundRows<{ id: string; customer_id: string }>(
    em,
    `select s.id, s.customer_id from subscription s join customer c on c.id = s.customer_id
      where s.id = any(?::uuid[]) and ${CONSOLIDATED_CUSTOMER_SQL}`,
    [[...page]],
  );
  if (rows.length === 0) return { ids: [...page], groups: new Map() };
  const payers = await payersOf(
    em,
    rows.map((r) => r.customer_id),
  );
  const groups = new Map<string, string[]>();
  for (const r of rows) {
    const payerId = payers.get(r.customer_id)!;
    groups.set(payerId, [...(groups.get(payerId) ?? []), r.id]);
  }
  const grouped = new Set(rows.map((r) => r.id));
  return { ids: page.filter((id) => !grouped.has(id)), groups };
}
