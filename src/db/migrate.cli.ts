/** `npm run migrate`: applies pending migrations to DATABASE_URL, or to the embedded database. */
import 'reflect-metadata';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { openDatabase } from './database';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const db = await openDatabase({ url: config.DATABASE_URL, dataDir: config.TARIFF_DATA_DIR, poolMax: 1, migrate: true, logger });
  const pending = await db.orm.getMigrator().getPendingMigrations();
  logger.info({ pending: pending.length }, 'database is up to date');
  await db.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
