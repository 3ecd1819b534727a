import type { TestApp } from '../support/app';

/** The tables a Stripe import writes. */
export const IMPORT_TABLES = [
  'product',
  'product_external_id',
  'price',
  'price_external_id',
  'customer',
  'customer_external_id',
  'subscription',
  'subscription_item',
  'subscription_external_id',
  'subscription_event',
  'invoice',
  'invoice_line',
  'invoice_external_id',
  'domain_event',
  'mrr_movement',
  'mrr_subscription_state',
];

/** Every row of every table (but the migrations' own), exactly: what "changes nothing" is checked against. */
export async function exactSnapshot(t: TestApp): Promise<Record<string, string[]>> {
  const em = t.app.db.orm.em.fork();
  const tables = (
    await em.execute<{ name: string }[]>(
      "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'mikro_orm_migrations' order by 1",
    )
  ).map((r) => r.name);
  const out: Record<string, string[]> = {};
  for (const table of tables) {
    const rows = await em.execute<Record<string, unknown>[]>(`select * from "${table}"`);
    out[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

/** Columns whose values depend on when, or in which transaction, the import ran, not on the dump. */
const VOLATILE: Record<string, string[]> = {
  customer: ['updated_at'],
  subscription: ['updated_at'],
  subscription_event: ['at'],
  domain_event: ['id', 'tx_id', 'position', 'occurred_at'],
  mrr_movement: ['id', 'at'],
  mrr_subscription_state: ['updated_at'],
};
/** Keys inside JSON columns that say when the import ran. */
const VOLATILE_KEYS = new Set(['updatedAt']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The import's tables as the dump determines them, for comparing two databases that imported
 * the same dump at different times (one killed and resumed, one not): run-time columns are left
 * out, and the ids the catalog services draw at random are named by their codes.
 */
export async function importSnapshot(t: TestApp): Promise<Record<string, string[]>> {
  const em = t.app.db.orm.em.fork();
  const names = new Map<string, string>();
  for (const r of await em.execute<{ id: string; code: string; version: number }[]>('select id, code, version from price'))
    names.set(r.id, `price:${r.code}@${r.version}`);
  for (const r of await em.execute<{ id: string; code: string }[]>('select id, code from product')) names.set(r.id, `product:${r.code}`);
  for (const r of await em.execute<{ id: string; system: string; external_id: string }[]>(
    'select id, system, external_id from product_external_id',
  ))
    names.set(r.id, `product_external_id:${r.external_id}`);
  for (const r of await em.execute<{ id: string; system: string; external_id: string }[]>(
    'select id, system, external_id from price_external_id',
  ))
    names.set(r.id, `price_external_id:${r.external_id}`);
  const normalize = (value: unknown): unknown => {
    if (typeof value === 'string') return UUID.test(value) ? (names.get(value) ?? value) : value;
    if (value instanceof Date) return value.toISOString();
    if (Array.isArray(value)) return value.map(normalize);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value)
          .filter(([k]) => !VOLATILE_KEYS.has(k))
          .map(([k, v]) => [k, normalize(v)]),
      );
    }
    return value;
  };
  const out: Record<string, string[]> = {};
  for (const table of IMPORT_TABLES) {
    const rows = await em.execute<Record<string, unknown>[]>(`select * from "${table}"`);
    const skip = new Set(VOLATILE[table] ?? []);
    out[table] = rows.map((r) => JSON.stringify(normalize(Object.fromEntries(Object.entries(r).filter(([k]) => !skip.has(k)))))).sort();
  }
  return out;
}
