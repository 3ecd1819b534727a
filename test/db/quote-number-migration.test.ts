import { openDatabase, Database } from '../../src/db/database';
import { createTestDatabase } from '../support/database';

// The migration that brought quote numbers numbers the quotes already there, in creation order
// per calendar year (UTC), and the series continues after them.
let db: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  const target = await createTestDatabase();
  drop = target.drop;
  db = await openDatabase({ url: target.url, dataDir: null, poolMax: 2, migrate: false });
});
afterAll(async () => {
  await db.close();
  await drop();
});

it('numbers existing quotes Q-<year>-NNNNNN in creation order, and the counter continues after them', async () => {
  const migrator = db.orm.getMigrator();
  await migrator.up({ to: 'Migration20261207012000' });
  const em = db.orm.em.fork();
  const customer = '00000000-0000-4000-8000-000000000001';
  await em.execute(
    `insert into customer (id, name, email, currency, tax_status, created_at, updated_at) values (?, 'C', 'c@example.com', 'EUR', 'EXEMPT', now(), now())`,
    [customer],
  );
  // Inserted out of order; the last two share an instant, which the id then orders.
  const quotes: [string, string][] = [
    ['00000000-0000-4000-8000-0000000000a3', '2026-02-01T00:00:00Z'],
    ['00000000-0000-4000-8000-0000000000a1', '2025-12-31T23:59:59Z'],
    ['00000000-0000-4000-8000-0000000000a2', '2026-01-01T00:00:00Z'],
    ['00000000-0000-4000-8000-0000000000a5', '2026-03-01T00:00:00Z'],
    ['00000000-0000-4000-8000-0000000000a4', '2026-03-01T00:00:00Z'],
  ];
  for (const [id, at] of quotes) {
    await em.execute(`insert into quote (id, customer_id, status, currency, created_at, updated_at) values (?, ?, 'DRAFT', 'EUR', ?, ?)`, [
      id,
      customer,
      at,
      at,
    ]);
  }
  await migrator.up();
  const rows = await em.execute<{ id: string; number: string }[]>('select id, number from quote order by number');
  expect(rows.map((r) => [r.number, r.id.slice(-2)])).toEqual([
    ['Q-2025-000001', 'a1'],
    ['Q-2026-000001', 'a2'],
    ['Q-2026-000002', 'a3'],
    ['Q-2026-000003', 'a4'],
    ['Q-2026-000004', 'a5'],
  ]);
  const counters = await em.execute<{ year: number; last: number }[]>(
    `select year, last from invoice_number where series = 'Q' order by year`,
  );
  expect(counters).toEqual([
    { year: 2025, last: 1 },
    { year: 2026, last: 4 },
  ]);
});
