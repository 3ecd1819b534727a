import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import { parseStoredEvent } from '../events/event-types';
import { UNSEEN } from '../webhooks/fan-out';
import { retryDelayMs } from '../webhooks/retry-schedule';
import type { Logger } from '../../logger';
import type { Clock } from '../shared/clock';
import { ConnectionRecordStatus, ConnectionStatus, type ConnectedSystem } from './connection.entity';
import { type ConnectorRegistry, type ItemOutcome, RECORD_TYPES, type RecordType, recordOfEvent, type SyncItem } from './connector';
import { decryptSecret } from './secrets';
import { pullInbound } from './inbound';
import { pullInboundGoods } from './inbound-goods';
import { NO_PAYMENT_PROVIDERS, type PaymentProviders } from '../payments/providers';

/** Attempts before a record is DEAD, unless the connection's settings say `maxAttempts`. */
export const DEFAULT_MAX_ATTEMPTS = 8;

export interface SyncOptions {
  fork: () => EntityManager;
  clock: Clock;
  connectors: ConnectorRegistry;
  /** TARIFF_SECRETS_KEY; without it nothing is synced (the credentials cannot be read). */
  secretsKey: Buffer | null;
  /** The first retry's ceiling, doubling after each failure (full jitter, as webhooks). */
  retryBaseMs: number;
  logger?: Logger;
  random?: () => number;
  /** Records sent per vendor call (HubSpot's batch endpoints take 100). */
  batchSize?: number;
  /** Outbox events read per connection and transaction. */
  fanOutBatchSize?: number;
  /** Only this connection (tests, the operator's "sync now"). */
  connectionId?: string;
  signal?: AbortSignal;
  /** For quotes accepted inbound (their first invoice may be collected at once); none by default. */
  providers?: PaymentProviders;
}

export interface SyncResult {
  recordsQueued: number;
  attempts: number;
  synced: number;
  retrying: number;
  dead: number;
  /** Inbound: quotes made from closed-won deals, and deals left aside (connection_inbound says why). */
  quotesCreated: number;
  dealsSkipped: number;
  /** Inbound goods (an ERP): SKUs whose stock changed, shipments recorded and refused (connection_inbound_shipment says why). */
  levelsChanged: number;
  shipmentsRecorded: number;
  shipmentsRejected: number;
}

interface ConnectionRow {
  id: string;
  system: ConnectedSystem;
  base_url: string;
  credentials_secret: string;
  settings: Record<string, unknown>;
}

/**
 * One pass of the sync (docs/connectors.md): for each ACTIVE connection, the new outbox events
 * become PENDING records of its sync log (one row per record, its latest event), then every due
 * record is sent, type by type (customers first: the rest is associated with their company and
 * waits until it exists on the vendor side), batch after batch, until none is left that this pass
 * has not tried. Safe to run in several processes: records are leased with SKIP LOCKED.
 */
export async function syncConnections(options: SyncOptions): Promise<SyncResult> {
  const result: SyncResult = {
    recordsQueued: 0,
    attempts: 0,
    synced: 0,
    retrying: 0,
    dead: 0,
    quotesCreated: 0,
    dealsSkipped: 0,
    levelsChanged: 0,
    shipmentsRecorded: 0,
    shipmentsRejected: 0,
  };
  if (!options.secretsKey) return result;
  const connections = await boundRows<ConnectionRow>(
    options.fork(),
    `select id, system, base_url, credentials_secret, settings from connection where status = ? ${options.connectionId ? 'and id = ?' : ''} order by created_at, id`,
    options.connectionId ? [ConnectionStatus.ACTIVE, options.connectionId] : [ConnectionStatus.ACTIVE],
  );
  for (const connection of connections) {
    if (options.signal?.aborted) break;
    const connector = options.connectors.get(connection.system);
    if (!connector) continue;
    for (;;) {
      const batch = await options
        .fork()
        .transactional((em) =>
          fanOutToConnection(em, connection.id, connector.recordTypes, options.clock.now(), options.fanOutBatchSize ?? 500),
        );
      result.recordsQueued += batch.queued;
      if (!batch.more) break;
    }
    let credentials: Record<string, unknown>;
    try {
      credentials = JSON.parse(decryptSecret(options.secretsKey, connection.id, connection.credentials_secret)) as Record<string, unknown>;
    } catch {
      // Never the blob nor the key: only that they do not match.
      options.logger?.error({ connectionId: connection.id }, 'connection credentials cannot be decrypted with TARIFF_SECRETS_KEY');
      continue;
    }
    const target = { connectionId: connection.id, baseUrl: connection.base_url, credentials, settings: connection.settings };
    const maxAttempts = maxAttemptsOf(connection.settings);
    const tried: string[] = [];
    let didSomething = false;
    while (!options.signal?.aborted) {
      const now = options.clock.now();
      const claimed = await claimDueRecords(options.fork(), connection.id, now, options.batchSize ?? 100, tried);
      if (claimed.length === 0) break;
      tried.push(...claimed.map((c) => c.recordId));
      // One vendor call per record type, in RECORD_TYPES order.
      for (const type of RECORD_TYPES) {
        const items = claimed.filter((c) => c.recordType === type);
        if (items.length === 0) continue;
        let outcomes: ItemOutcome[];
        try {
          outcomes = await connector.push(target, type, items);
        } catch (err) {
          // A bug or an unexpected answer: logged without the target (it holds the credentials).
          options.logger?.error({ err, connectionId: connection.id, recordType: type }, 'connector push failed');
          outcomes = items.map(() => ({
            ok: false,
            kind: 'unavailable',
            message: 'the connector failed; see the server log',
            statusCode: null,
          }));
        }
        const attemptedAt = options.clock.now();
        await options.fork().transactional(async (em) => {
          for (const [i, item] of items.entries()) {
            const status = await recordOutcome(em, item, outcomes[i], {
              now: attemptedAt,
              maxAttempts,
              retryBaseMs: options.retryBaseMs,
              random: options.random ?? Math.random,
            });
            result.attempts++;
            if (status === ConnectionRecordStatus.SYNCED) result.synced++;
            else if (status === ConnectionRecordStatus.DEAD) result.dead++;
            else result.retrying++;
          }
        });
        didSomething = true;
        for (const [i, item] of items.entries()) {
          const outcome = outcomes[i];
          if (!outcome.ok) {
            options.logger?.info(
              {
                connectionId: connection.id,
                recordType: type,
                tariffId: item.tariffId,
                statusCode: outcome.statusCode,
                error: outcome.message,
              },
              'connection record not synced; will retry',
            );
          }
        }
      }
    }
    if (!options.signal?.aborted) {
      try {
        const inbound = await pullInbound({
          fork: options.fork,
          clock: options.clock,
          providers: options.providers ?? NO_PAYMENT_PROVIDERS,
          connector,
          target,
          logger: options.logger,
        });
        result.quotesCreated += inbound.quotes;
        result.dealsSkipped += inbound.skipped;
        didSomething ||= inbound.quotes + inbound.skipped > 0;
      } catch (err) {
        // The vendor's answer only (outcomeOfError's shape), never the target: it holds the credentials.
        const e = err as { code?: unknown; message?: unknown };
        options.logger?.warn(
          { connectionId: connection.id, statusCode: typeof e.code === 'number' ? e.code : null },
          'inbound read failed; the cursor stays and the next pass tries again',
        );
      }
    }
    if (!options.signal?.aborted && (connector.pullInventory || connector.pullShipments)) {
      try {
        const goods = await pullInboundGoods({
          fork: options.fork,
          clock: options.clock,
          providers: options.providers ?? NO_PAYMENT_PROVIDERS,
          connector,
          target,
          logger: options.logger,
        });
        result.levelsChanged += goods.levelsChanged;
        result.shipmentsRecorded += goods.shipmentsRecorded;
        result.shipmentsRejected += goods.shipmentsRejected;
        didSomething ||= goods.levelsChanged + goods.shipmentsRecorded + goods.shipmentsRejected > 0;
      } catch (err) {
        // As above: the status code only, never the target.
        const e = err as { code?: unknown; statusCode?: unknown };
        const statusCode = typeof e.statusCode === 'number' ? e.statusCode : typeof e.code === 'number' ? e.code : null;
        options.logger?.warn(
          { connectionId: connection.id, statusCode },
          'inbound stock or shipment read failed; the cursor stays and the next pass tries again',
        );
      }
    }
    if (didSomething) {
      await boundRows(options.fork(), `update connection set last_sync_at = ? where id = ?`, [options.clock.now(), connection.id]);
    }
  }
  return result;
}

function maxAttemptsOf(settings: Record<string, unknown>): number {
  const value = settings.maxAttempts;
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : DEFAULT_MAX_ATTEMPTS;
}

interface OutboxRow {
  id: string;
  tx_id: string;
  position: string;
  type: string;
  aggregate_id: string;
  aggregate_seq: number;
  customer_id: string | null;
  payload: Record<string, unknown>;
}

/**
 * Reads the next outbox events after the connection's cursor (the webhook fan-out's rule, so none
 * is skipped), turns them into records (the latest event of each), and moves the cursor. A record
 * already there takes the newer event and is due again, never earlier than an attempt it already
 * waits for (a lease or a backoff), so one record is never in flight twice. A record whose
 * customer has no record yet (the customer came before the connection) brings it along.
 */
async function fanOutToConnection(
  em: EntityManager,
  connectionId: string,
  recordTypes: readonly RecordType[],
  now: Date,
  batchSize: number,
): Promise<{ queued: number; more: boolean }> {
  const [connection] = await boundRows<{ cursor_tx_id: string; cursor_position: string }>(
    em,
    `select cursor_tx_id::text as cursor_tx_id, cursor_position::text as cursor_position from connection where id = ? and status = 'ACTIVE' for update skip locked`,
    [connectionId],
  );
  if (!connection) return { queued: 0, more: false };
  const events = await boundRows<OutboxRow>(
    em,
    `select e.id, e.tx_id::text as tx_id, e.position::text as position, e.type, e.aggregate_id, e.aggregate_seq, e.customer_id, e.payload
       from domain_event e where ${UNSEEN}
      order by e.tx_id, e.position limit ?`,
    [connection.cursor_tx_id, connection.cursor_position, batchSize],
  );
  if (events.length === 0) return { queued: 0, more: false };
  const latest = new Map<string, { record_type: string; tariff_id: string; customer_id: string | null; event_id: string; seq: number }>();
  for (const e of events) {
    const record = recordOfEvent(e);
    if (!record || !recordTypes.includes(record.recordType)) continue;
    const key = `${record.recordType}:${record.tariffId}`;
    const seen = latest.get(key);
    if (!seen || seen.seq < e.aggregate_seq) {
      latest.set(key, {
        record_type: record.recordType,
        tariff_id: record.tariffId,
        customer_id: record.customerId,
        event_id: e.id,
        seq: e.aggregate_seq,
      });
    }
  }
  const rows = [...latest.values()];
  let queued = 0;
  if (rows.length > 0) {
    queued = (await upsertRecords(em, connectionId, rows, now)).length;
    await boundRows(
      em,
      `insert into connection_record (id, connection_id, record_type, tariff_id, customer_id, status, event_id, wanted_seq, next_attempt_at, created_at)
       select gen_random_uuid(), ?, 'customer', c.customer_id, null, 'PENDING', ev.id, ev.aggregate_seq, ?, ?
         from (select distinct customer_id from jsonb_to_recordset(?::jsonb) as r(customer_id uuid) where customer_id is not null) c
         join lateral (select e.id, e.aggregate_seq from domain_event e
                        where e.aggregate_id = c.customer_id and e.type in ('customer.created', 'customer.updated', 'customer.imported')
                        order by e.aggregate_seq desc limit 1) ev on true
       on conflict (connection_id, record_type, tariff_id) do nothing`,
      [connectionId, now, now, JSON.stringify(rows)],
    );
  }
  const last = events[events.length - 1];
  await boundRows(em, `update connection set cursor_tx_id = ?::xid8, cursor_position = ? where id = ?`, [
    last.tx_id,
    last.position,
    connectionId,
  ]);
  return { queued, more: events.length === batchSize };
}

/** New records, or newer versions of known ones (an older event never replaces a newer one). */
export async function upsertRecords(
  em: EntityManager,
  connectionId: string,
  rows: readonly { record_type: string; tariff_id: string; customer_id: string | null; event_id: string; seq: number }[],
  now: Date,
): Promise<unknown[]> {
  return boundRows(
    em,
    `insert into connection_record (id, connection_id, record_type, tariff_id, customer_id, status, event_id, wanted_seq, next_attempt_at, created_at)
     select gen_random_uuid(), ?, r.record_type, r.tariff_id, r.customer_id, 'PENDING', r.event_id, r.seq, ?, ?
       from jsonb_to_recordset(?::jsonb) as r(record_type text, tariff_id uuid, customer_id uuid, event_id uuid, seq int)
     on conflict (connection_id, record_type, tariff_id) do update
        set event_id = excluded.event_id, wanted_seq = excluded.wanted_seq, status = 'PENDING', attempts = 0,
            next_attempt_at = greatest(coalesce(connection_record.next_attempt_at, excluded.next_attempt_at), excluded.next_attempt_at)
      where connection_record.wanted_seq < excluded.wanted_seq
     returning id`,
    [connectionId, now, now, JSON.stringify(rows)],
  );
}

interface ClaimRow {
  id: string;
  record_type: RecordType;
  tariff_id: string;
  external_id: string | null;
  wanted_seq: number;
  type: string;
  aggregate_id: string;
  customer_id: string | null;
  payload: Record<string, unknown>;
  occurred_at: Date;
  customer_external_id: string | null;
  customer_name: string | null;
  mrr: string | null;
  parent_external_id: string | null;
  ship_to: SyncItem['shipTo'];
}

/** A claimed record carries the version it was claimed at: a newer one arriving meanwhile leaves it PENDING after the send. */
export interface ClaimedRecord extends SyncItem {
  wantedSeq: number;
}

/** How long a claimed record is held before another worker may take it over (a vendor call's time-out and more). */
const LEASE_MS = 120_000;

/**
 * Takes due records of a connection (PENDING or FAILED, their next attempt come) and leases them.
 * A record other than a customer is due only once its customer's company exists on the vendor
 * side (its external id): that is what its associations point to. Likewise an invoice waits for
 * its subscription's record, and a payment or a credit note for its invoice's, when those are
 * logged and not DEAD. An order waits for its customer only.
 */
async function claimDueRecords(
  em: EntityManager,
  connectionId: string,
  now: Date,
  limit: number,
  exclude: readonly string[],
): Promise<ClaimedRecord[]> {
  const rows = await boundRows<ClaimRow>(
    em,
    `with due as (
       select r.id from connection_record r
        where r.connection_id = ? and r.status in ('PENDING', 'FAILED') and r.next_attempt_at <= ? and r.id <> all(?::uuid[])
          and (r.customer_id is null or exists (select 1 from connection_record c
                where c.connection_id = r.connection_id and c.record_type = 'customer' and c.tariff_id = r.customer_id and c.external_id is not null))
          and not exists (select 1 from domain_event e join connection_record p on p.connection_id = r.connection_id
                where e.id = r.event_id and p.external_id is null and p.status <> 'DEAD'
                  and ((r.record_type = 'invoice' and p.record_type = 'subscription' and p.tariff_id::text = e.payload->>'subscriptionId')
                    or (r.record_type in ('payment', 'credit_note') and p.record_type = 'invoice' and p.tariff_id::text = e.payload->>'invoiceId')))
        order by array_position(?::text[], r.record_type), r.next_attempt_at, r.id
        limit ?
          for update of r skip locked)
     update connection_record w set next_attempt_at = ?
       from due, domain_event e
      where w.id = due.id and e.id = w.event_id
     returning w.id, w.record_type, w.tariff_id, w.external_id, w.wanted_seq, e.type, e.aggregate_id, e.customer_id, e.payload, e.occurred_at,
       (select c.external_id from connection_record c where c.connection_id = w.connection_id and c.record_type = 'customer' and c.tariff_id = w.customer_id) as customer_external_id,
       (select cu.name from customer cu where cu.id = w.customer_id) as customer_name,
       (select m.mrr::text from mrr_subscription_state m where w.record_type = 'subscription' and m.subscription_id = w.tariff_id) as mrr,
       (select p.external_id from connection_record p where p.connection_id = w.connection_id
          and ((w.record_type = 'invoice' and p.record_type = 'subscription' and p.tariff_id::text = e.payload->>'subscriptionId')
            or (w.record_type in ('payment', 'credit_note') and p.record_type = 'invoice' and p.tariff_id::text = e.payload->>'invoiceId'))) as parent_external_id,
       (select json_build_object('id', l.id, 'name', l.name, 'address', l.address,
                 'externalIds', coalesce((select json_agg(json_build_object('system', x.system, 'id', x.external_id) order by x.system, x.external_id)
                                           from location_external_id x where x.location_id = l.id), '[]'::json)) from location l
         where w.record_type = 'order' and l.id::text = e.payload->>'locationId') as ship_to`,
    [connectionId, now, [...exclude], [...RECORD_TYPES], limit, new Date(now.getTime() + LEASE_MS)],
  );
  return rows.map((r) => ({
    recordId: r.id,
    recordType: r.record_type,
    tariffId: r.tariff_id,
    externalId: r.external_id,
    wantedSeq: r.wanted_seq,
    event: parseStoredEvent(r),
    customerExternalId: r.customer_external_id,
    customerName: r.customer_name,
    mrr: r.mrr,
    parentExternalId: r.parent_external_id,
    shipTo: r.ship_to ?? null,
  }));
}

/**
 * Writes what came of one send. Success: the vendor's id, SYNCED (or PENDING again at once when a
 * newer version arrived meanwhile). Failure: the vendor's message, and the next attempt by the
 * backoff, or the vendor's Retry-After when longer; a 429 is not counted as an attempt; after
 * `maxAttempts` counted ones, DEAD.
 */
async function recordOutcome(
  em: EntityManager,
  item: ClaimedRecord,
  outcome: ItemOutcome,
  args: { now: Date; maxAttempts: number; retryBaseMs: number; random: () => number },
): Promise<ConnectionRecordStatus> {
  const [current] = await boundRows<{ wanted_seq: number; attempts: number }>(
    em,
    `select wanted_seq, attempts from connection_record where id = ? for update`,
    [item.recordId],
  );
  const sentSeq = item.wantedSeq;
  if (outcome.ok) {
    const newer = current.wanted_seq > sentSeq;
    const status = newer ? ConnectionRecordStatus.PENDING : ConnectionRecordStatus.SYNCED;
    await boundRows(
      em,
      `update connection_record set external_id = ?, synced_seq = greatest(synced_seq, ?), attempts = 0, last_attempt_at = ?, last_error = null,
              synced_at = ?, status = ?, next_attempt_at = ? where id = ?`,
      [outcome.externalId, sentSeq, args.now, args.now, status, newer ? args.now : null, item.recordId],
    );
    return status;
  }
  // A newer version arrived meanwhile: its counter started over, and it is sent as it is due.
  const attempts = outcome.throttled || outcome.waiting ? current.attempts : current.attempts + 1;
  const dead = attempts >= args.maxAttempts;
  const delay = Math.max(retryDelayMs(Math.max(attempts, 1), args.retryBaseMs, args.random), outcome.retryAfterMs ?? 0);
  const status = dead
    ? ConnectionRecordStatus.DEAD
    : outcome.kind === 'rejected'
      ? ConnectionRecordStatus.FAILED
      : ConnectionRecordStatus.PENDING;
  await boundRows(
    em,
    `update connection_record set attempts = ?, last_attempt_at = ?, last_error = ?, status = ?, next_attempt_at = ? where id = ?`,
    [attempts, args.now, outcome.message.slice(0, 2000), status, dead ? null : new Date(args.now.getTime() + delay), item.recordId],
  );
  return status;
}
