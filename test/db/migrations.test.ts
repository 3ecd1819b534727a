import { openDatabase, Database } from '../../src/db/database';
import { createTestDatabase } from '../support/database';

let db: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  const target = await createTestDatabase();
  drop = target.drop;
  db = await openDatabase({ url: target.url, dataDir: null, poolMax: 2, migrate: true });
});
afterAll(async () => {
  await db.close();
  await drop();
});

describe('migrations', () => {
  it('leave nothing pending once applied', async () => {
    expect(await db.orm.getMigrator().getPendingMigrations()).toEqual([]);
  });

  it('build exactly the schema the entities describe (run `npm run migration:create` after changing an entity)', async () => {
    const diff = await db.orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
    expect(diff.trim()).toBe('');
  });
});
