import type { DomainEventRow } from './domain-event.entity';
import { boundRows } from '../../db/bound-query';
import { authorize, customerScope } from '../auth/actor';
import { InvalidInputError } from '../errors';
import { Page, PageArgs, pageSize } from '../shared/pagination';
import type { ServiceContext } from '../shared/service-context';
import { requireAtMost } from '../shared/validate';

export interface EventListArgs extends PageArgs {
  /** Exact types (`invoice.finalized`), whole aggregates (`invoice.*`), or `*`; none: every type. */
  types?: readonly string[] | null;
}

/** An outbox row as readers see it. */
export interface EventRecord {
  id: string;
  type: string;
  aggregateType: string;
  aggregateId: string;
  sequence: number;
  customerId: string | null;
  occurredAt: Date;
  data: Record<string, unknown>;
  txId: string;
  position: string;
}

interface Row extends DomainEventRow {
  id: string;
  tx: string;
  pos: string;
}

const MAX_TYPES = 50;
const TYPE = /^(\*|[a-z][a-z_]{0,49}\.(\*|[a-z][a-z_]{0,49}))$/;
const CURSOR = /^(\d{1,20}):(\d{1,19})$/;
const MAX_XID8 = 18446744073709551615n;
const MAX_BIGINT = 9223372036854775807n;

/**
 * `events(first, after, types)`: the outbox, oldest first, each event exactly once to a reader
 * that follows the cursor.
 *
 * Only events whose transaction is finished before every transaction still running began are
 * read: `tx_id < pg_snapshot_xmin(pg_current_snapshot())`. Positions come from a sequence when
 * the row is inserted, but transactions commit in any order: a transaction that started earlier
 * can commit a lower position after a reader has seen higher ones, and a cursor that had moved
 * past that position would skip it for good. Below the horizon nothing can still commit.
 *
 * And the order is (tx_id, position), not position alone, which is also what the cursor holds: a
 * transaction can take its id before another (its first write was elsewhere) and insert its event
 * after the other's, then commit first. Under the horizon rule alone that later-inserted event
 * would be read while the other, lower position is still in flight, and a position cursor would
 * move past it. Every transaction that can still commit has an id at or above the horizon, so
 * nothing can ever appear behind a (tx_id, position) cursor. emit-event.ts keeps each aggregate's
 * events in sequence order under this order.
 */
export class EventService {
  constructor(private readonly ctx: ServiceContext) {}

  async list(args: EventListArgs): Promise<Page<EventRecord>> {
    authorize(this.ctx.actor, 'events:read');
    const size = pageSize(args.first);
    const after = args.after ? decodeEventCursor(args.after) : null;
    const { exact, aggregates } = parseTypes(args.types ?? []);
    const scope = customerScope(this.ctx.actor);
    const where = ['e.tx_id < pg_snapshot_xmin(pg_current_snapshot())'];
    const params: unknown[] = [];
    if (after) {
      where.push('(e.tx_id, e.position) > (?::xid8, ?::bigint)');
      params.push(after.txId, after.position);
    }
    if (scope !== null) {
      where.push('e.customer_id = ?::uuid');
      params.push(scope);
    }
    if (exact.length > 0 || aggregates.length > 0) {
      where.push('(e.type = any(?::text[]) or e.aggregate_type = any(?::text[]))');
      params.push(exact, aggregates);
    }
    // Output names differ from the columns: ORDER BY would otherwise sort the text copies.
    const rows = await boundRows<Row>(
      this.ctx.em,
      `select e.id, e.type, e.aggregate_type, e.aggregate_id, e.aggregate_seq, e.customer_id, e.occurred_at, e.payload,
              e.tx_id::text as tx, e.position::text as pos
         from domain_event e
        where ${where.join(' and ')}
        order by e.tx_id, e.position
        limit ?`,
      [...params, size + 1],
    );
    return { nodes: rows.slice(0, size).map(toRecord), hasNextPage: rows.length > size, cursorOf: encodeEventCursor };
  }
}

function toRecord(r: Row): EventRecord {
  return {
    id: r.id,
    type: r.type,
    aggregateType: r.aggregate_type,
    aggregateId: r.aggregate_id,
    sequence: r.aggregate_seq,
    customerId: r.customer_id,
    occurredAt: new Date(r.occurred_at),
    data: r.payload,
    txId: r.tx,
    position: r.pos,
  };
}

export function encodeEventCursor(e: Pick<EventRecord, 'txId' | 'position'>): string {
  return Buffer.from(`${e.txId}:${e.position}`, 'utf8').toString('base64url');
}

/** Only cursors we wrote: anything else is refused before it reaches PostgreSQL's casts. */
function decodeEventCursor(cursor: string): { txId: string; position: string } {
  const m = CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m || BigInt(m[1]) > MAX_XID8 || BigInt(m[2]) > MAX_BIGINT) throw new InvalidInputError('after', 'invalid cursor');
  return { txId: m[1], position: m[2] };
}

/** `*` is everything; `<aggregate>.*` an aggregate's every type; anything else an exact type. */
function parseTypes(types: readonly string[]): { exact: string[]; aggregates: string[] } {
  requireAtMost(types, MAX_TYPES, 'types');
  const exact: string[] = [];
  const aggregates: string[] = [];
  for (const [i, type] of types.entries()) {
    if (!TYPE.test(type))
      throw new InvalidInputError(
        `types[${i}]`,
        `'${type.slice(0, 60)}' is not an event type: <aggregate>.<verb> in lower case, <aggregate>.* or *`,
      );
    if (type.endsWith('.*')) aggregates.push(type.slice(0, -2));
    else if (type !== '*') exact.push(type);
  }
  return types.includes('*') ? { exact: [], aggregates: [] } : { exact, aggregates };
}
