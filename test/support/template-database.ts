import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { openDatabase } from '../../src/db/database';
import { startEmbeddedDatabase } from '../../src/db/embedded';
import { ormConfig } from '../../src/db/orm.config';

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

const GZIP = 'application/x-gzip';

/**
 * The embedded database's data directory after every migration, as a gzipped tar kept in the
 * temporary directory under the migrations' hash (so a stale one is never used). Starting PGlite
 * from it skips initdb and the migrations: about 10 s of each file's start on a loaded machine.
 * Written under a temporary name and renamed, so a concurrent worker never reads half a file.
 */
async function migratedEmbeddedData(): Promise<Blob> {
  const file = path.join(tmpdir(), `${templateName()}.pglite.tar.gz`);
  if (existsSync(file)) return new Blob([readFileSync(file)], { type: GZIP });
  const embedded = await startEmbeddedDatabase(null, 1);
  try {
    const orm = await MikroORM.init(ormConfig({ clientUrl: embedded.url, poolMax: 1 }));
    await orm.getMigrator().up();
    await orm.close(true);
    const dump = await embedded.dump();
    const building = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(building, Buffer.from(await dump.arrayBuffer()));
    renameSync(building, file);
    return new Blob([readFileSync(file)], { type: GZIP });
  } finally {
    await embedded.stop();
  }
}

export interface MigratedTestDatabase {
  /** A PostgreSQL database of this file's own; absent on the embedded database. */
  url?: string;
  /** The embedded database's migrated data directory to start from; absent on PostgreSQL. */
  embeddedInitialData?: Blob;
  drop(): Promise<void>;
}

/**
 * A migrated database for one test file. On PostgreSQL a copy of a template migrated once per
 * set of migrations (CREATE DATABASE ... TEMPLATE); on the embedded database, a dump of a
 * migrated data directory to start PGlite from. Either saves each file initdb and the migrations.
 */
export async function createMigratedTestDatabase(): Promise<MigratedTestDatabase> {
  const base = process.env.DATABASE_URL;
  if (!base) return { embeddedInitialData: await migratedEmbeddedData(), drop: async () => undefined };
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
    drop: () => withAdmin(base, async (c) => void (await c.query(`drop database if exists ${name} with (force)`))),
  };
}
