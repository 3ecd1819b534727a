import { ManualClock } from '../../src/domain/shared/clock';
import { startTestApp, TestApp, Untyped } from '../support/app';
import { createCustomer, createPrice, createProduct, must } from '../support/catalog';

// Lists resolve their relations through DataLoaders: a page of 100 subscriptions with customer,
// items, prices and products costs the same number of SQL statements as a page of 10.
let statements = 0;
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({
    clock: new ManualClock(new Date('2026-03-01T00:00:00Z')),
    onQuery: () => statements++,
    env: { TARIFF_MAX_QUERY_COST: '50000' },
  });
  for (const product of ['a', 'b', 'c']) await createProduct(t, product);
  await createPrice(t, 'a1', { kind: 'per_unit', config: { unitAmount: '1' } }, { productCode: 'a' });
  await createPrice(t, 'b1', { kind: 'flat', config: { amount: '5' } }, { productCode: 'b' });
  await createPrice(t, 'c1', { kind: 'per_unit', config: { unitAmount: '2' } }, { productCode: 'c' });
  const customers = [];
  for (let i = 0; i < 12; i++) customers.push(await createCustomer(t));
  for (let i = 0; i < 110; i++) {
    const items = [
      { priceCode: 'a1', quantity: String(i + 1) },
      { priceCode: i % 2 ? 'b1' : 'c1', quantity: '1' },
    ];
    await must(t, 'mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }', {
      input: { customerId: customers[i % 12], items },
    });
  }
}, 120_000);
afterAll(async () => {
  await t.close();
});

const page = `query($first: Int!) { subscriptions(first: $first) { edges { node {
  id status customer { id name contracts { code } } history { type }
  items { priceCode quantity price { code version product { code name } } }
  pendingProrations { amount }
} } } }`;

async function statementsFor(first: number): Promise<{ count: number; edges: number }> {
  statements = 0;
  const res = await t.gql<Untyped>(page, { first });
  expect(res.errors).toBeUndefined();
  return { count: statements, edges: res.data!.subscriptions.edges.length };
}

it('runs as many SQL statements for 100 subscriptions as for 10', async () => {
  const ten = await statementsFor(10);
  const hundred = await statementsFor(100);
  expect(ten.edges).toBe(10);
  expect(hundred.edges).toBe(100);
  expect(hundred.count).toBe(ten.count);
  // API key, page, customers, contracts, events, items, prorations, prices, products.
  expect(hundred.count).toBeLessThanOrEqual(10);
});
