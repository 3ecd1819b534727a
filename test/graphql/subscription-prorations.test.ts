import fc from 'fast-check';
import { ManualClock } from '../../src/domain/shared/clock';
import { startTestApp, TestApp } from '../support/app';
import { createCustomer, createPrice, createProduct, must } from '../support/catalog';

const clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
let t: TestApp;
let customer: string;

beforeAll(async () => {
  t = await startTestApp({ clock });
  await createProduct(t, 'plan');
  await createPrice(t, 'seat', { kind: 'per_unit', config: { unitAmount: '30.00' } });
  await createPrice(t, 'pro', { kind: 'per_unit', config: { unitAmount: '60.00' } });
  await createPrice(t, 'calls', {
    kind: 'usage',
    config: { metric: 'calls', aggregation: 'sum', pricing: { kind: 'per_unit', config: { unitAmount: '0.01' } } },
  });
  await createPrice(t, 'odd', {
    kind: 'graduated',
    config: {
      tiers: [
        { upTo: 3, unitAmount: '9.99' },
        { upTo: null, unitAmount: '7.77', flatAmount: '1.01' },
      ],
    },
  });
  customer = await createCustomer(t);
});
afterAll(async () => {
  await t.close();
});

const PRORATIONS = 'pendingProrations { priceCode quantity amount periodStart periodEnd }';

async function subscribe(at: string, items: { priceCode: string; quantity: string }[]): Promise<string> {
  clock.set(new Date(at));
  const data = await must(t, 'mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }', {
    input: { customerId: customer, items },
  });
  return data.createSubscription.id;
}

async function change(id: string, at: string, items: { priceCode: string; quantity: string }[]) {
  clock.set(new Date(at));
  return (
    await must(
      t,
      `mutation($input: ChangeSubscriptionInput!) { changeSubscription(input: $input) { version items { priceCode quantity } ${PRORATIONS} } }`,
      { input: { id, items } },
    )
  ).changeSubscription;
}

// Periods start on the 1st; the change comes at midnight UTC. February 2026 has 28 days, April
// 30, March 31. Half of Feb and of Apr remain; 16/31 of March. seat = 30.00, pro = 60.00.
const months = [
  { month: 'February (28 days)', start: '2026-02-01T00:00:00Z', at: '2026-02-15T00:00:00Z', end: '2026-03-01T00:00:00.000Z' },
  { month: 'April (30 days)', start: '2026-04-01T00:00:00Z', at: '2026-04-16T00:00:00Z', end: '2026-05-01T00:00:00.000Z' },
  { month: 'March (31 days)', start: '2026-03-01T00:00:00Z', at: '2026-03-16T00:00:00Z', end: '2026-04-01T00:00:00.000Z' },
];
const expected: Record<string, Record<string, string[]>> = {
  //                     credit,     charge
  upgrade: { 'February (28 days)': ['-15.00', '30.00'], 'April (30 days)': ['-15.00', '30.00'], 'March (31 days)': ['-15.48', '30.97'] },
  downgrade: { 'February (28 days)': ['-30.00', '15.00'], 'April (30 days)': ['-30.00', '15.00'], 'March (31 days)': ['-30.97', '15.48'] },
  quantity: { 'February (28 days)': ['-15.00', '45.00'], 'April (30 days)': ['-15.00', '45.00'], 'March (31 days)': ['-15.48', '46.45'] },
  cancel: { 'February (28 days)': ['-15.00'], 'April (30 days)': ['-15.00'], 'March (31 days)': ['-15.48'] },
};

describe.each(months)('prorations in $month', ({ month, start, at, end }) => {
  it('upgrade: credit for the old plan, charge for the new, for the rest of the period', async () => {
    const id = await subscribe(start, [{ priceCode: 'seat', quantity: '1' }]);
    const s = await change(id, at, [{ priceCode: 'pro', quantity: '1' }]);
    expect(s.pendingProrations.map((p: any) => [p.priceCode, p.amount])).toEqual([
      ['seat', expected.upgrade[month][0]],
      ['pro', expected.upgrade[month][1]],
    ]);
    expect(s.pendingProrations[0]).toMatchObject({ periodStart: new Date(at).toISOString(), periodEnd: end });
  });

  it('downgrade', async () => {
    const id = await subscribe(start, [{ priceCode: 'pro', quantity: '1' }]);
    const s = await change(id, at, [{ priceCode: 'seat', quantity: '1' }]);
    expect(s.pendingProrations.map((p: any) => p.amount)).toEqual(expected.downgrade[month]);
  });

  it('quantity change 1 → 3, leaving a usage item unprorated', async () => {
    const id = await subscribe(start, [
      { priceCode: 'seat', quantity: '1' },
      { priceCode: 'calls', quantity: '0' },
    ]);
    const s = await change(id, at, [{ priceCode: 'seat', quantity: '3' }]);
    expect(s.items).toEqual([{ priceCode: 'seat', quantity: '3' }]);
    expect(s.pendingProrations.map((p: any) => [p.priceCode, p.quantity, p.amount])).toEqual([
      ['seat', '1', expected.quantity[month][0]],
      ['seat', '3', expected.quantity[month][1]],
    ]);
  });

  it('cancel now: a credit for the unused rest', async () => {
    const id = await subscribe(start, [{ priceCode: 'seat', quantity: '1' }]);
    clock.set(new Date(at));
    const s = await must(t, `mutation($id: ID!) { cancelSubscription(id: $id, atPeriodEnd: false) { status ${PRORATIONS} } }`, { id });
    expect(s.cancelSubscription.status).toBe('CANCELED');
    // A canceled subscription has no next invoice: the credit is billed at once, not left pending.
    expect(s.cancelSubscription.pendingProrations).toEqual([]);
    const invoices = await must(t, 'query { invoices(first: 100) { edges { node { subscription { id } lines { proration amount } } } } }');
    const final = invoices.invoices.edges
      .map((e: any) => e.node)
      .find((n: any) => n.subscription.id === id && n.lines.every((l: any) => l.proration));
    expect(final.lines.map((l: any) => l.amount)).toEqual(expected.cancel[month]);
  });
});

describe('proration behaviours and versions', () => {
  it('NONE changes the items and creates no lines; unchanged items keep their price version', async () => {
    const id = await subscribe('2026-06-01T00:00:00Z', [
      { priceCode: 'seat', quantity: '1' },
      { priceCode: 'pro', quantity: '1' },
    ]);
    clock.set(new Date('2026-06-10T00:00:00Z'));
    const res = await must(
      t,
      `mutation($id: ID!) { changeSubscription(input: { id: $id, expectedVersion: 1, prorationBehavior: NONE, items: [{ priceCode: "seat", quantity: "2" }, { priceCode: "pro", quantity: "1" }] }) { version ${PRORATIONS} history { type version } } }`,
      { id },
    );
    expect(res.changeSubscription).toMatchObject({
      version: 2,
      pendingProrations: [],
      history: [
        { type: 'created', version: 1 },
        { type: 'changed', version: 2 },
      ],
    });
  });

  it('refuses a stale expectedVersion with CONFLICT and changes nothing', async () => {
    const id = await subscribe('2026-06-01T00:00:00Z', [{ priceCode: 'seat', quantity: '1' }]);
    await change(id, '2026-06-02T00:00:00Z', [{ priceCode: 'seat', quantity: '2' }]);
    const res = await t.gql(
      'mutation($id: ID!) { changeSubscription(input: { id: $id, expectedVersion: 1, items: [{ priceCode: "seat", quantity: "5" }] }) { version } }',
      { id },
    );
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'expectedVersion', currentVersion: 2 });
    const now = await must(t, 'query($id: ID!) { subscription(id: $id) { version items { quantity } } }', { id });
    expect(now.subscription).toEqual({ version: 2, items: [{ quantity: '2' }] });
  });

  it('lets exactly one of several concurrent changes on the same version through', async () => {
    const id = await subscribe('2026-06-01T00:00:00Z', [{ priceCode: 'seat', quantity: '1' }]);
    clock.set(new Date('2026-06-05T00:00:00Z'));
    const attempts = await Promise.all(
      [2, 3, 4, 5, 6].map((q) =>
        t.gql(
          `mutation($id: ID!) { changeSubscription(input: { id: $id, expectedVersion: 1, items: [{ priceCode: "seat", quantity: "${q}" }] }) { version } }`,
          { id },
        ),
      ),
    );
    const ok = attempts.filter((a) => !a.errors);
    expect(ok).toHaveLength(1);
    expect(attempts.filter((a) => a.errors?.[0].extensions?.code === 'CONFLICT')).toHaveLength(4);
    const now = await must(t, `query($id: ID!) { subscription(id: $id) { version ${PRORATIONS} } }`, { id });
    expect(now.subscription.version).toBe(2);
    expect(now.subscription.pendingProrations).toHaveLength(2); // one credit, one charge: one change applied
  });

  it('changing back and forth at one instant nets to zero, to the cent (property)', async () => {
    const quantity = fc.integer({ min: 0, max: 999 }).map(String);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('seat', 'pro', 'odd'),
        quantity,
        fc.constantFrom('seat', 'pro', 'odd'),
        quantity,
        fc.integer({ min: 1, max: 30 * 86400 - 1 }),
        async (fromCode, fromQty, toCode, toQty, secondsIn) => {
          const id = await subscribe('2026-09-01T00:00:00Z', [{ priceCode: fromCode, quantity: fromQty }]);
          const at = new Date(Date.parse('2026-09-01T00:00:00Z') + secondsIn * 1000).toISOString();
          await change(id, at, [{ priceCode: toCode, quantity: toQty }]);
          const back = await change(id, at, [{ priceCode: fromCode, quantity: fromQty }]);
          const cents = back.pendingProrations.reduce((sum: number, p: any) => sum + Math.round(Number(p.amount) * 100), 0);
          expect(cents).toBe(0);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('ALWAYS_INVOICE', () => {
  const invoicesOf =
    'query($id: ID!) { subscription(id: $id) { pendingProrations { amount } } invoices(first: 100) { edges { node { number status subscription { id } subtotal total lines { kind amount proration } } } } }';

  it('bills the change’s prorations at once on a finalized invoice of their own', async () => {
    const id = await subscribe('2026-03-01T00:00:00Z', [{ priceCode: 'seat', quantity: '1' }]);
    clock.set(new Date('2026-03-16T00:00:00Z'));
    const res = await must(
      t,
      'mutation($id: ID!) { changeSubscription(input: { id: $id, prorationBehavior: ALWAYS_INVOICE, items: [{ priceCode: "pro", quantity: "1" }] }) { version } }',
      { id },
    );
    expect(res.changeSubscription.version).toBe(2);
    const data = await must(t, invoicesOf, { id });
    expect(data.subscription.pendingProrations).toEqual([]);
    const mine = data.invoices.edges.map((e: any) => e.node).filter((n: any) => n.subscription.id === id);
    // The first period's invoice at creation, then the proration invoice: −15.48 + 30.97.
    const prorations = mine.find((n: any) => n.lines.every((l: any) => l.proration));
    expect(prorations).toMatchObject({ status: 'OPEN', subtotal: '15.49', total: '15.49' });
    expect(prorations.number).toMatch(/^INV-2026-\d{6}$/);
    expect(prorations.lines.map((l: any) => [l.kind, l.amount])).toEqual([
      ['PRORATION', '-15.48'],
      ['PRORATION', '30.97'],
    ]);
  });

  it('bills an immediate cancellation’s credit at once', async () => {
    const id = await subscribe('2026-03-01T00:00:00Z', [{ priceCode: 'seat', quantity: '1' }]);
    clock.set(new Date('2026-03-16T00:00:00Z'));
    await must(t, 'mutation($id: ID!) { cancelSubscription(id: $id, atPeriodEnd: false, prorationBehavior: ALWAYS_INVOICE) { status } }', {
      id,
    });
    const data = await must(t, invoicesOf, { id });
    const credit = data.invoices.edges
      .map((e: any) => e.node)
      .find((n: any) => n.subscription.id === id && n.lines.every((l: any) => l.proration));
    expect(credit).toMatchObject({ status: 'OPEN', total: '-15.48' });
  });
});
