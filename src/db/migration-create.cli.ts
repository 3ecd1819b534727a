/**
 * `npm run migration:create`: writes the next migration as the difference between the entities
 * and the schema the committed migrations build, computed on a throwaway embedded database so
 * that nobody's data is involved.
 */
import 'reflect-metadata';
import { openDatabase } from './database';

async function main(): Promise<void> {
  const db = await openDatabase({ dataDir: null, poolMax: 1, migrate: true });
  try {
    const result = await db.orm.getMigrator().createMigration();
    if (result.diff.up.length === 0) console.log('entities and migrations agree: nothing to create');
    else console.log(`created ${result.fileName}; add it to src/db/migrations/index.ts`);
  } finally {
    await db.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
