import type { EntityManager } from '@mikro-orm/postgresql';
import { Config, loadConfig } from '../config';
import { Database, openDatabase } from '../db/database';
import { wireDomainProjectors } from '../domain/services';
import { createLogger, Logger } from '../logger';
import { loadPricingPlugins } from '../pricing-plugins';

/** What a CLI's body works with: the database opened once, its configuration and its logger (to stderr). */
export interface CliDatabase {
  db: Database;
  config: Config;
  logger: Logger;
  fork: () => EntityManager;
}

export interface CliDatabaseOptions {
  /** The `service` of the CLI's log lines ('tariff-billing', …). */
  service: string;
  /** Apply pending migrations first (default true; a dry run reads and writes nothing). */
  migrate?: boolean;
  poolMax?: number;
}

/**
 * Opens DATABASE_URL (or the embedded database) once for the whole command, runs `fn`, and closes
 * it on every path, an error included: a CLI that forgets to close keeps the embedded database's
 * socket, and its process, alive.
 */
export async function withCliDatabase<T>(options: CliDatabaseOptions, fn: (cli: CliDatabase) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL, { service: options.service, stream: 'stderr' });
  // Prices of plugin kinds are priced (billing) and parsed (any read) only once their plugins are loaded.
  loadPricingPlugins(config.TARIFF_PRICING_PLUGINS, logger);
  // Whatever the command writes emits events: their projections (the revenue ledger) must be wired first.
  wireDomainProjectors();
  const db = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: config.TARIFF_DATA_DIR,
    poolMax: options.poolMax ?? config.TARIFF_DB_POOL_SIZE,
    migrate: options.migrate ?? true,
    logger,
  });
  try {
    return await fn({ db, config, logger, fork: () => db.orm.em.fork() });
  } finally {
    await db.close();
  }
}
