import type { EntityManager } from '@mikro-orm/postgresql';

/** What still refers to a location, by table: `[{ table: 'order', rows: 3 }]`. Empty: it may go. */
export interface LocationReference {
  table: string;
  rows: number;
}

/**
 * References the database cannot see as foreign keys: `{ table, where }`, `where` an SQL
 * condition on the row with `?` for the location id. A foreign key to location needs no entry
 * here (see below); the orders issue adds what it keeps without one (a location id in jsonb).
 */
const UNKEYED_REFERENCES: readonly { table: string; where: string }[] = [
  // A consolidated invoice's lines name the location they were for (company groups); the
  // document keeps naming it, so the location stays while an invoice does.
  { table: 'invoice_line', where: 'location_id = ?' },
];

/**
 * Every foreign key to `location` that does not cascade, read from the catalog: a table that
 * refers to a location by a key (subscriptions, and the orders issue's orders) blocks its removal
 * from the day its migration runs, with nobody to remember it. SET NULL blocks too: a subscription
 * silently losing its location is what the refusal is for. Keys that cascade (location_external_id)
 * are the location's own parts and go with it.
 */
async function blockingForeignKeys(em: EntityManager): Promise<{ table: string; column: string }[]> {
  return em.execute<{ table: string; column: string }[]>(
    `select c.conrelid::regclass::text as "table", quote_ident(a.attname) as "column"
       from pg_constraint c
       join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      where c.contype = 'f' and c.confrelid = 'location'::regclass and cardinality(c.conkey) = 1
        and c.confdeltype <> 'c'
      order by 1, 2`,
  );
}

/**
 * Which tables still refer to the location, with how many rows each. Run with the location's row
 * locked (FOR UPDATE): a reference by foreign key being written meanwhile commits first and is
 * counted, or waits and then fails its key check.
 */
export async function locationReferences(em: EntityManager, locationId: string): Promise<LocationReference[]> {
  const checks = [...(await blockingForeignKeys(em)).map((k) => ({ table: k.table, where: `${k.column} = ?` })), ...UNKEYED_REFERENCES];
  const found: LocationReference[] = [];
  for (const check of checks) {
    const [{ n }] = await em.execute<{ n: number }[]>(`select count(*)::int as n from ${check.table} where ${check.where}`, [locationId]);
    if (n > 0) found.push({ table: check.table.replace(/"/g, ''), rows: n });
  }
  return found;
}
