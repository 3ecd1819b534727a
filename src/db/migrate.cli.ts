/** `npm run migrate`: applies pending migrations to DATABASE_URL, or to the embedded database. */
import 'reflect-metadata';
import { parseCliArgs, printedHelp, runCli } from '../cli/cli-args';
import { withCliDatabase } from '../cli/cli-database';

const USAGE = `usage: npm run migrate

Applies the pending migrations to DATABASE_URL, or else to the embedded database.
Exit codes: 0 done, 1 an error, 2 bad arguments.`;

async function main(): Promise<number> {
  const values = parseCliArgs(process.argv.slice(2), {});
  if (printedHelp(values, USAGE)) return 0;
  return withCliDatabase({ service: 'tariff-migrate', poolMax: 1 }, async ({ db, logger }) => {
    const pending = await db.orm.getMigrator().getPendingMigrations();
    logger.info({ pending: pending.length }, 'database is up to date');
    return 0;
  });
}

runCli('migrate', main, USAGE);
