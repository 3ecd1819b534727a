import { openDatabase, Database } from '../../src/db/database';
import { Actor, Role } from '../../src/domain/auth/actor';
import { ApiKey } from '../../src/domain/auth/api-key.entity';
import { hashSecret, newSecret } from '../../src/domain/auth/api-key.service';
import { defaultPaymentProviders } from '../../src/domain/payments/providers';
import { createServices, Services, wireDomainProjectors } from '../../src/domain/services';
import { ManualClock } from '../../src/domain/shared/clock';
import { createMigratedTestDatabase } from './template-database';

/**
 * The domain without HTTP: the ORM on a test database of this file's own, and the services of
 * src/domain/services.ts for any actor, wired as the server wires them for a request (a fresh
 * EntityManager fork each time, the payment providers that ship, an injected clock).
 */
export interface DomainHarness {
  db: Database;
  clock: ManualClock;
  admin: Actor;
  /** The services of one "request" by `actor` (ADMIN by default): a fresh fork, like a request. */
  as(actor?: Actor): Services;
  /** An actor backed by a real API key row, so keyed references (created_by_key_id...) hold. */
  actor(role: Role, customerId?: string): Promise<Actor>;
  /** Row counts of every table: equal before and after a failed call means it wrote nothing. */
  rowCounts(): Promise<Record<string, number>>;
  sql<T extends object>(query: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** For beforeAll: a cold embedded database on a busy machine can take longer than jest's 30 s. */
export const START_TIMEOUT_MS = 120_000;

export async function startDomain(options: { now?: string } = {}): Promise<DomainHarness> {
  // As src/app.ts does before anything can emit an event: the revenue ledger is kept in step.
  wireDomainProjectors();
  const target = await createMigratedTestDatabase();
  let db: Database;
  try {
    db = await openDatabase({
      url: target.url,
      dataDir: null,
      poolMax: 4,
      migrate: false,
      embeddedInitialData: target.embeddedInitialData,
    });
  } catch (err) {
    await target.drop();
    throw err;
  }
  const clock = new ManualClock(new Date(options.now ?? '2026-01-01T00:00:00Z'));
  const providers = defaultPaymentProviders(() => db.orm.em.fork(), clock);

  async function actor(role: Role, customerId?: string): Promise<Actor> {
    const em = db.orm.em.fork();
    const secret = newSecret();
    const key = em.create(ApiKey, {
      name: `${role.toLowerCase()} test key`,
      role,
      customer: customerId ?? null,
      secretHash: hashSecret(secret),
      prefix: secret.slice(0, 8),
      createdAt: clock.now(),
    });
    await em.flush();
    return { keyId: key.id, name: key.name, role, customerId: customerId ?? null };
  }

  const admin = await actor(Role.ADMIN);
  const as = (who: Actor = admin) => createServices({ em: db.orm.em.fork(), actor: who, clock, providers });
  const sql = <T extends object>(query: string, params: unknown[] = []) => db.orm.em.fork().getConnection().execute<T[]>(query, params);

  return {
    db,
    clock,
    admin,
    as,
    actor,
    sql,
    async rowCounts() {
      const tables = await sql<{ name: string }>(
        "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'mikro_orm_migrations' order by 1",
      );
      const union = tables.map((t) => `select '${t.name}' as name, count(*)::int as n from "${t.name}"`).join(' union all ');
      const rows = await sql<{ name: string; n: number }>(union);
      return Object.fromEntries(rows.map((r) => [r.name, r.n]));
    },
    async close() {
      await db.close();
      await target.drop();
    },
  };
}

/** Runs `call`, expects it to fail, and returns the error and whether any table's row count moved. */
export async function failure(h: DomainHarness, call: () => Promise<unknown>): Promise<{ error: unknown; wrote: string[] }> {
  const before = await h.rowCounts();
  let error: unknown = undefined;
  try {
    await call();
  } catch (err) {
    error = err;
  }
  if (error === undefined) throw new Error('expected the call to fail, but it succeeded');
  const after = await h.rowCounts();
  const wrote = Object.keys(after).filter((t) => after[t] !== before[t]);
  return { error, wrote };
}
