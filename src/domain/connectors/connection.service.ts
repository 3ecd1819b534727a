import { boundRows } from '../../db/bound-query';
import { authorize } from '../auth/actor';
import { InvalidInputError, NotFoundError } from '../errors';
import { isId } from '../shared/ids';
import { afterCursor, Page, PageArgs, pageSize, toPage } from '../shared/pagination';
import type { ServiceContext } from '../shared/service-context';
import { hasUnstorable } from '../shared/input-schema';
import { Connection, ConnectionRecord, ConnectionRecordStatus, ConnectionStatus, ConnectedSystem } from './connection.entity';
import { wiredConnectors } from './registry';
import { encryptSecret, requireSecretsKey } from './secrets';

export interface CreateConnectionInput {
  system: ConnectedSystem;
  baseUrl?: string | null;
  credentials: Record<string, unknown>;
  settings?: Record<string, unknown> | null;
}

/** Credentials and settings are small JSON objects; more is a mistake, not a configuration. */
const MAX_JSON_BYTES = 16_384;

/**
 * Connections to CRMs and ERPs (CONTRACT.md, Integrations; docs/connectors.md). ADMIN only: a
 * connection holds the seller's credentials for another system. They are encrypted before they
 * reach the ORM and nothing here returns, logs or emits them.
 */
export class ConnectionService {
  constructor(private readonly ctx: ServiceContext) {}

  async create(input: CreateConnectionInput): Promise<Connection> {
    authorize(this.ctx.actor, 'connections:manage');
    const key = requireSecretsKey(this.ctx.secretsKey);
    const connector = wiredConnectors().get(input.system);
    if (!connector) throw new InvalidInputError('input.system', `no connector for ${input.system} in this release (docs/connectors.md)`);
    const credentials = checkJson(input.credentials, 'input.credentials');
    const settings = checkJson(input.settings ?? {}, 'input.settings');
    const problems = connector.validate({ credentials, settings, baseUrl: input.baseUrl ?? null });
    if (problems.length > 0) throw new InvalidInputError(`input.${problems[0].path}`, problems[0].message);
    const baseUrl = parseBaseUrl(input.baseUrl ?? connector.defaultBaseUrl);
    return this.ctx.em.transactional(async (em) => {
      const connection = new Connection();
      connection.system = input.system;
      connection.baseUrl = baseUrl;
      connection.credentialsSecret = encryptSecret(key, connection.id, JSON.stringify(credentials));
      connection.settings = settings;
      connection.status = ConnectionStatus.ACTIVE;
      connection.createdAt = this.ctx.clock.now();
      em.persist(connection);
      await em.flush();
      return connection;
    });
  }

  async get(id: string): Promise<Connection | null> {
    authorize(this.ctx.actor, 'connections:read');
    return isId(id) ? this.ctx.em.findOne(Connection, { id }) : null;
  }

  /** Every connection, oldest first (the dashboard). */
  async list(): Promise<Connection[]> {
    authorize(this.ctx.actor, 'connections:read');
    return this.ctx.em.find(Connection, {}, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: 100 });
  }

  /** PENDING records, and FAILED or DEAD ones. */
  async counts(connectionId: string): Promise<{ pending: number; failed: number }> {
    authorize(this.ctx.actor, 'connections:read');
    const [row] = await boundRows<{ pending: number; failed: number }>(
      this.ctx.em,
      `select count(*) filter (where status = 'PENDING')::int as pending, count(*) filter (where status in ('FAILED', 'DEAD'))::int as failed
         from connection_record where connection_id = ?`,
      [connectionId],
    );
    return row;
  }

  /** The sync log, oldest first by (createdAt, id). */
  async records(connectionId: string, args: PageArgs & { status?: ConnectionRecordStatus | null }): Promise<Page<ConnectionRecord>> {
    authorize(this.ctx.actor, 'connections:read');
    const size = pageSize(args.first);
    const rows = await this.ctx.em.find(
      ConnectionRecord,
      { connection: connectionId, ...(args.status ? { status: args.status } : {}), ...afterCursor(args.after) },
      { orderBy: { createdAt: 'asc', id: 'asc' }, limit: size + 1 },
    );
    return toPage(rows, size);
  }

  /** The operator's retry: a FAILED or DEAD record is due at once with its attempts counted from zero. */
  async retryRecord(id: string): Promise<ConnectionRecord> {
    authorize(this.ctx.actor, 'connections:manage');
    return this.ctx.em.transactional(async (em) => {
      if (!isId(id)) throw new NotFoundError('connection record', id, 'id');
      const now = this.ctx.clock.now();
      await boundRows(
        em,
        `update connection_record set status = 'PENDING', attempts = 0, next_attempt_at = ? where id = ? and status in ('FAILED', 'DEAD')`,
        [now, id],
      );
      const record = await em.findOne(ConnectionRecord, { id }, { refresh: true });
      if (!record) throw new NotFoundError('connection record', id, 'id');
      return record;
    });
  }

  /**
   * Sends again what changed since `from`: records whose latest event is at or after it are due
   * at once, and the cursor goes back to the first event at or after it, so records that were
   * never logged (events before the connection existed) are logged and sent too. The vendor's
   * upsert by Tariff id keeps this from making duplicates there.
   */
  async replay(id: string, from: Date): Promise<Connection> {
    authorize(this.ctx.actor, 'connections:manage');
    if (Number.isNaN(from.getTime())) throw new InvalidInputError('from', 'must be a date-time');
    return this.ctx.em.transactional(async (em) => {
      if (!isId(id)) throw new NotFoundError('connection', id, 'id');
      const now = this.ctx.clock.now();
      const [locked] = await boundRows<{ id: string }>(em, `select id from connection where id = ? for update`, [id]);
      if (!locked) throw new NotFoundError('connection', id, 'id');
      await boundRows(
        em,
        `update connection_record r set status = 'PENDING', attempts = 0, next_attempt_at = ?
          where r.connection_id = ? and r.event_id in (select e.id from domain_event e where e.occurred_at >= ?)`,
        [now, id, from],
      );
      await boundRows(
        em,
        `update connection c set cursor_tx_id = f.tx_id, cursor_position = f.position - 1
           from (select e.tx_id, e.position from domain_event e where e.occurred_at >= ? order by e.tx_id, e.position limit 1) f
          where c.id = ?`,
        [from, id],
      );
      const connection = await em.findOne(Connection, { id }, { refresh: true });
      return connection!;
    });
  }
}

function checkJson(value: unknown, field: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new InvalidInputError(field, 'must be a JSON object');
  if (unstorable(value)) throw new InvalidInputError(field, 'must not contain NUL characters or lone surrogates');
  if (Buffer.byteLength(JSON.stringify(value)) > MAX_JSON_BYTES)
    throw new InvalidInputError(field, `must be at most ${MAX_JSON_BYTES} bytes`);
  return value as Record<string, unknown>;
}

/** jsonb holds neither NUL nor half a surrogate pair, in keys or values. */
function unstorable(value: unknown): boolean {
  if (typeof value === 'string') return hasUnstorable(value);
  if (Array.isArray(value)) return value.some(unstorable);
  if (value !== null && typeof value === 'object') return Object.entries(value).some(([k, v]) => hasUnstorable(k) || unstorable(v));
  return false;
}

function parseBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidInputError('input.baseUrl', 'must be an http(s) URL');
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.username || url.password) {
    throw new InvalidInputError('input.baseUrl', 'must be an http(s) URL without user information');
  }
  return value.replace(/\/+$/, '');
}
