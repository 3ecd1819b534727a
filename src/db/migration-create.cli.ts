/**
 * `npm run migration:create`: writes the next migration as the difference between the entities
 * and the schema the committed migrations build, computed on a throwaway embedded database so
 * that nobody's data is involved.
 */
import 'reflect-metadata';
import { parseCliArgs, printedHelp, runCli } from '../cli/cli-args';
import { openDatabase } from './database';

const USAGE = `usage: npm run migration:create

Writes the next migration (the entities' difference from what the migrations build), computed on
a throwaway embedded database. Exit codes: 0 done, 1 an error, 2 bad arguments.`;

async function main(): Promise<number> {
  const values = parseCliArgs(process.argv.slice(2), {});
  if (printedHelp(values, USAGE)) return 0;
  // Not withCliDatabase: this must never open DATABASE_URL, whatever the environment says.
  const db = await openDatabase({ dataDir: null, poolMax: 1, migrate: true });
  try {
    const result = await db.orm.getMigrator().createMigration();
    process.stdout.write(
      result.diff.up.length === 0
        ? 'entities and migrations agree: nothing to create\n'
        : `created ${result.fileName}; add it to src/db/migrations/index.ts\n`,
    );
    return 0;
  } finally {
    await db.close();
  }
}

runCli('migration:create', main, USAGE);
