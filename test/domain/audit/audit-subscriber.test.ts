import { openDatabase, Database } from '../../../src/db/database';
import { runInAuditScope } from '../../../src/domain/audit/audit-context';
import { AuditEntry } from '../../../src/domain/audit/audit-entry.entity';
import { Role } from '../../../src/domain/auth/actor';
import { Customer, TaxStatus } from '../../../src/domain/customers/customer.entity';
import { createTestDatabase } from '../../support/database';

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

const at = new Date('2026-03-01T00:00:00Z');
const actor = { keyId: '00000000-0000-4000-8000-0000000000aa', name: 'ops', role: Role.ADMIN, customerId: null };
const scope = (operation?: string) => ({ actor, operation, now: () => at });
const entriesFor = (id: string) => db.orm.em.fork().find(AuditEntry, { recordId: id }, { orderBy: { id: 'asc' } });

async function seedCustomer(name: string): Promise<string> {
  const em = db.orm.em.fork();
  const customer = em.create(Customer, {
    name,
    email: 'x@example.com',
    currency: 'EUR',
    taxStatus: TaxStatus.EXEMPT,
    createdAt: at,
    updatedAt: at,
  });
  await em.flush();
  return customer.id;
}

describe('the audit subscriber', () => {
  it('writes in the flush’s own transaction: a mutation that fails after a partial flush leaves neither the change nor its entry', async () => {
    const id = await seedCustomer('Before');
    await expect(
      runInAuditScope(scope('updateCustomer'), () =>
        db.orm.em.fork().transactional(async (em) => {
          const customer = await em.findOneOrFail(Customer, { id });
          customer.name = 'Half-written';
          await em.flush();
          // The entry is there inside the transaction, beside the change…
          expect((await em.find(AuditEntry, { recordId: id })).map((e) => e.changes.name)).toEqual([
            { before: 'Before', after: 'Half-written' },
          ]);
          throw new Error('a later step fails');
        }),
      ),
    ).rejects.toThrow('a later step fails');
    // …and gone with it.
    expect(await entriesFor(id)).toEqual([]);
    expect((await db.orm.em.fork().findOneOrFail(Customer, { id })).name).toBe('Before');
  });

  it('records a committed change with the scope’s actor, operation and time', async () => {
    const id = await seedCustomer('One');
    await runInAuditScope(scope('updateCustomer'), () =>
      db.orm.em.fork().transactional(async (em) => {
        (await em.findOneOrFail(Customer, { id })).name = 'Two';
      }),
    );
    const [entry] = await entriesFor(id);
    expect(entry).toMatchObject({
      at,
      actorKeyId: actor.keyId,
      actorName: 'ops',
      actorRole: Role.ADMIN,
      operation: 'updateCustomer',
      recordType: 'Customer',
      recordId: id,
    });
    expect(entry.changes).toEqual({ name: { before: 'One', after: 'Two' } });
  });

  it('records nothing outside a mutation: no scope (jobs, CLIs) or a scope without an operation (a query)', async () => {
    const id = await seedCustomer('Quiet');
    for (const run of [<T>(fn: () => T) => fn(), <T>(fn: () => T) => runInAuditScope(scope(undefined), fn)]) {
      await run(() =>
        db.orm.em.fork().transactional(async (em) => {
          const customer = await em.findOneOrFail(Customer, { id });
          customer.name = `${customer.name}!`;
        }),
      );
    }
    expect(await entriesFor(id)).toEqual([]);
  });

  it('records a deletion with every column the record held as before, and after null', async () => {
    const id = await seedCustomer('Leaving');
    await runInAuditScope(scope('removeCustomer'), () =>
      db.orm.em.fork().transactional(async (em) => {
        em.remove(await em.findOneOrFail(Customer, { id }));
      }),
    );
    const [entry] = await entriesFor(id);
    expect(entry.operation).toBe('removeCustomer');
    expect(entry.changes).toMatchObject({
      id: { before: id, after: null },
      name: { before: 'Leaving', after: null },
      currency: { before: 'EUR', after: null },
      createdAt: { before: at.toISOString(), after: null },
    });
  });

  // Text that reaches an entity without the API's checks: the column stores U+FFFD for half a
  // surrogate pair (UTF-8 cannot hold it); jsonb would refuse the entry, failing the change.
  it('writes half a surrogate pair as U+FFFD, as the text column stores it', async () => {
    const id = await seedCustomer('Pair');
    await runInAuditScope(scope('updateCustomer'), () =>
      db.orm.em.fork().transactional(async (em) => {
        (await em.findOneOrFail(Customer, { id })).name = 'half \uD800 pair';
      }),
    );
    const [entry] = await entriesFor(id);
    expect(entry.changes.name).toEqual({ before: 'Pair', after: 'half \uFFFD pair' });
    expect((await db.orm.em.fork().findOneOrFail(Customer, { id })).name).toBe('half \uFFFD pair');
  });
});
