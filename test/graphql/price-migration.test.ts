import { ManualClock } from '../../src/domain/shared/clock';
import { startTestApp, TestApp } from '../support/app';
import { createCustomer, createPrice, createProduct, must } from '../support/catalog';

const clock = new ManualClock(new Date('2026-04-01T00:00:00Z'));
let t: TestApp;
let customer: string;

beforeAll(async () => {
  t = await startTestApp({ clock });
  await createProduct(t, 'plan');
  await createPrice(t, 'seat', { kind: 'per_unit', config: { unitAmount: '30.00' } });
  customer = await createCustomer(t);
  await must(t, 'mutation($input: CreateContractInput!) { createContract(input: $input) { id } }', {
    input: { customerId: customer, code: 'C-10', startsAt: '2026-01-01T00:00:00Z', items: [{ priceCode: 'seat', discountPercent: '10' }] },
  });
});
afterAll(async () => {
  await t.close();
});

const migrate =
  'mutation($v: Int!, $w: MigrationTiming!) { migratePriceVersion(priceCode: "seat", toVersion: $v, when: $w) { matched moved scheduled } }';
const read =
  'query($id: ID!) { subscription(id: $id) { version items { price { version } } pendingProrations { amount } scheduledChange { items { priceCode } effectiveAt } history { type } } }';

async function subscribe(): Promise<string> {
  return (
    await must(
      t,
      'mutation($c: ID!) { createSubscription(input: { customerId: $c, items: [{ priceCode: "seat", quantity: "2" }] }) { id } }',
      { c: customer },
    )
  ).createSubscription.id;
}

it('moves subscriptions on an older version NOW, with prorations under their contract, and reports how many', async () => {
  const a = await subscribe();
  const b = await subscribe();
  await must(
    t,
    'mutation { updatePrice(code: "seat", input: { rule: { kind: "per_unit", config: { unitAmount: "36.00" } } }) { version } }',
  );
  const c = await subscribe(); // sold at version 2 already
  clock.set(new Date('2026-04-16T00:00:00Z')); // half of April remains
  const res = await must(t, migrate, { v: 2, w: 'NOW' });
  expect(res.migratePriceVersion).toEqual({ matched: 2, moved: 2, scheduled: 0 });
  const moved = (await must(t, read, { id: a })).subscription;
  expect(moved.items[0].price.version).toBe(2);
  // Contract −10 %: credit 2 × 30 × 0.9 / 2 = 27.00; charge 2 × 36 × 0.9 / 2 = 32.40.
  expect(moved.pendingProrations.map((p: any) => p.amount)).toEqual(['-27.00', '32.40']);
  expect(moved.history.map((h: any) => h.type)).toEqual(['created', 'price_migrated']);
  expect((await must(t, read, { id: b })).subscription.items[0].price.version).toBe(2);
  expect((await must(t, read, { id: c })).subscription.history.map((h: any) => h.type)).toEqual(['created']);
  const again = await must(t, migrate, { v: 2, w: 'NOW' });
  expect(again.migratePriceVersion).toEqual({ matched: 0, moved: 0, scheduled: 0 });
});

it('schedules the move for each period end with NEXT_PERIOD', async () => {
  const d = await subscribe(); // version 2
  await must(
    t,
    'mutation { updatePrice(code: "seat", input: { rule: { kind: "per_unit", config: { unitAmount: "40.00" } } }) { version } }',
  );
  const res = await must(t, migrate, { v: 3, w: 'NEXT_PERIOD' });
  expect(res.migratePriceVersion.scheduled).toBeGreaterThanOrEqual(1);
  const s = (await must(t, read, { id: d })).subscription;
  expect(s.items[0].price.version).toBe(2);
  expect(s.pendingProrations).toEqual([]);
  expect(s.scheduledChange).toEqual({ items: [{ priceCode: 'seat' }], effectiveAt: '2026-05-16T00:00:00.000Z' });
});

it('refuses an unknown version and non-admins', async () => {
  const res = await t.gql(migrate, { v: 99, w: 'NOW' });
  expect(res.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'toVersion' });
  const sales = (await must(t, 'mutation { createApiKey(input: { role: SALES, name: "s" }) { secret } }')).createApiKey.secret;
  const forbidden = await t.gql(migrate, { v: 2, w: 'NOW' }, sales);
  expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
});
