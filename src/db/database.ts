import { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../logger';
import { startEmbeddedDatabase, EmbeddedDatabase } from './embedded';
import { ormConfig } from './orm.config';

export interface Database {
  orm: MikroORM;
  embedded: boolean;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL URL; without one the embedded PostgreSQL is used. */
  url?: string;
  /** Where the embedded database keeps its files; null keeps it in memory (tests). */
  dataDir: string | null;
  poolMax: number;
  migrate: boolean;
  /** The embedded database's initial data directory (a dump, as EmbeddedDatabase.dump gives): tests start from a migrated one. */
  embeddedInitialData?: Blob;
  logger?: Logger;
  /** Sees every SQL statement: for tests that count them. */
  onQuery?: (sql: string) => void;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  let embedded: EmbeddedDatabase | null = null;
  let url = options.url;
  if (!url) {
    embedded = await startEmbeddedDatabase(options.dataDir, options.poolMax, options.embeddedInitialData);
    url = embedded.url;
  }
  try {
    const orm = await MikroORM.init(ormConfig({ clientUrl: url, poolMax: options.poolMax, onQuery: options.onQuery }));
    if (options.migrate) {
      const applied = await orm.getMigrator().up();
      if (applied.length > 0) options.logger?.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
    }
    return {
      orm,
      embedded: embedded !== null,
      async close() {
        await orm.close(true);
        await embedded?.stop();
      },
    };
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
}
