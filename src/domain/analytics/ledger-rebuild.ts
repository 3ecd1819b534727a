import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import { parseStoredEvent } from '../events/event-types';
import { REVENUE_EVENT_TYPES } from './revenue-events';
import { projectRevenue } from './revenue-projection';

export interface RebuildResult {
  events: number;
  movements: number;
}

const PAGE = 5000;

/**
 * The revenue ledger rebuilt from history: emptied, then every stored event that can move MRR
 * replayed through the projection the live writes use, in the order they were written, in one
 * transaction (the caller's), so readers see the old ledger or the new one, never half of it.
 * Events are replayed in (transaction, position) order, the order the outbox lists them.
 */
export async function rebuildRevenueLedger(em: EntityManager, onProgress?: (done: number) => void): Promise<RebuildResult> {
  await boundRows(em, 'lock table mrr_movement, mrr_subscription_state, mrr_discount_state in exclusive mode');
  await boundRows(em, 'delete from mrr_movement');
  await boundRows(em, 'delete from mrr_subscription_state');
  await boundRows(em, 'delete from mrr_discount_state');
  let events = 0;
  for (let after: { tx: string; position: string } | null = null; ;) {
    const rows: {
      tx_id: string;
      position: string;
      aggregate_id: string;
      type: string;
      customer_id: string | null;
      payload: unknown;
      occurred_at: Date;
    }[] = await boundRows(
      em,
      `select tx_id::text as tx_id, position::text as position, aggregate_id, type, customer_id, payload, occurred_at
         from domain_event
        where type = any(?::text[])
          ${after ? 'and (tx_id, position) > (?::xid8, ?::bigint)' : ''}
        order by tx_id, position limit ${PAGE}`,
      [[...REVENUE_EVENT_TYPES], ...(after ? [after.tx, after.position] : [])],
    );
    if (rows.length === 0) break;
    // Stored payloads are parsed with their schemas: history that no longer matches fails the rebuild, not a figure.
    const batch = rows.map(parseStoredEvent);
    // One customer's events in one call keep their order; calls follow the stream's order too.
    await projectRevenue(em, batch);
    events += rows.length;
    onProgress?.(events);
    const last = rows[rows.length - 1];
    after = { tx: last.tx_id, position: last.position };
  }
  const [{ n }] = await boundRows<{ n: string }>(em, 'select count(*) as n from mrr_movement');
  return { events, movements: Number(n) };
}
