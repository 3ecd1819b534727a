import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { openDatabase } from '../../src/db/database';
import { createTestDatabase } from './database';

const MIGRATIONS = path.join(__dirname, '../../src/db/migrations');
const PREFIX = 'tariff_tpl_';
// Any constant: serializes the making of the template across jest workers.
const LOCK = 7_402_114;

/** The template's name changes with the migrations' content, so a stale one is never used. */
function templateName(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(MIGRATIONS).sort()) hash.update(file).update(readFileSync(path.join(MIGRATIONS, file)));
  return `${PREFIX}${hash.digest('hex').slice(0, 16)}`;
}

async function withAdmin<T>(base: string, work: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: base });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

const at = (base: string, name: string) => {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
};

/**
 * As createTestDatabase, but on PostgreSQL the database is a copy of a template migrated once
 * per set of migrations (CREATE DATABASE ... TEMPLATE), which saves each file the migrations,
 * seconds on a loaded machine. Without DATABASE_URL: the embedded database, migrated by the caller.
 */
export async function createMigratedTestDatabase(): Promise<{ url?: string; migrated: boolean; drop(): Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) return { ...(await createTestDatabase()), migrated: false };
  const template = templateName();
  await withAdmin(base, async (c) => {
    await c.query('select pg_advisory_lock($1)', [LOCK]);
    try {
      const found = await c.query('select 1 from pg_database where datname = $1', [template]);
      if (found.rowCount) return;
      const old = await c.query<{ datname: string }>('select datname from pg_database where datname like $1', [`${PREFIX}%`]);
      for (const { datname } of old.rows) await c.query(`drop database if exists ${datname} with (force)`);
      // Built under another name and renamed when complete: a crash never leaves a half-migrated template.
      const building = `${template}_building`;
      await c.query(`drop database if exists ${building} with (force)`);
      await c.query(`create database ${building}`);
      const db = await openDatabase({ url: at(base, building), dataDir: null, poolMax: 1, migrate: true });
      await db.close();
      await c.query(`alter database ${building} rename to ${template}`);
    } finally {
      await c.query('select pg_advisory_unlock($1)', [LOCK]);
    }
  });
  const name = `tariff_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(base, (c) => c.query(`create database ${name} template ${template}`));
  return {
    url: at(base, name),
    migrated: true,
    drop: () => withAdmin(base, async (c) => void (await c.query(`drop database if exists ${name} with (force)`))),
  };
}
