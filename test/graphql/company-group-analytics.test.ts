import { ManualClock } from '../../src/domain/shared/clock';
import { Decimal } from '../../src/pricing/decimal';
import { subscribe } from '../jobs/billing-support';
import { startTestApp, TestApp } from '../support/app';
import { createPrice, createProduct, must } from '../support/catalog';
import { graphql } from '../support/generated';
import type { CustomerGrouping } from '../support/generated/graphql';

// Analytics rolled up to the paying customer (issue 16): revenueMetrics and cohorts by PAYER
// count a company-group member billed to its parent as that parent; MRR stays the same.
const clock = new ManualClock(new Date('2026-12-01T00:00:00Z'));
let t: TestApp;

const createQ = graphql(`
  mutation GroupAnalyticsCreateCustomer($input: CreateCustomerInput!) {
    createCustomer(input: $input) {
      id
    }
  }
`);
const updateQ = graphql(`
  mutation GroupAnalyticsUpdateCustomer($id: ID!, $input: UpdateCustomerInput!) {
    updateCustomer(id: $id, input: $input) {
      id
      payer {
        id
      }
    }
  }
`);
const cancelQ = graphql(`
  mutation GroupAnalyticsCancel($id: ID!) {
    cancelSubscription(id: $id, atPeriodEnd: false) {
      status
    }
  }
`);
const metricsQ = graphql(`
  query GroupAnalyticsMetrics($from: DateTime!, $to: DateTime!, $currency: Currency!, $by: CustomerGrouping!) {
    revenueMetrics(from: $from, to: $to, interval: MONTH, currency: $currency, by: $by) {
      periodStart
      startMrr
      newMrr
      expansionMrr
      reactivationMrr
      contractionMrr
      churnedMrr
      mrr
      arr
      activeCustomers
      arpa
      logoChurnRate
      grossRevenueRetention
      netRevenueRetention
    }
  }
`);
const cohortsQ = graphql(`
  query GroupAnalyticsCohorts($from: DateTime!, $to: DateTime!, $currency: Currency!, $by: CustomerGrouping!) {
    cohorts(from: $from, to: $to, currency: $currency, by: $by) {
      month
      customers
      startMrr
      months {
        offset
        customers
        mrr
      }
    }
  }
`);
const mrrQ = graphql(`
  query GroupAnalyticsCustomerMrr($id: ID!) {
    customer(id: $id) {
      own: mrr
      rolledUp: mrr(rollUp: true)
      inUsd: mrr(currency: "USD", rollUp: true)
    }
  }
`);
const segmentQ = graphql(`
  query GroupAnalyticsSegment($filter: CustomerFilter!) {
    customers(first: 100, filter: $filter) {
      edges {
        node {
          id
        }
      }
    }
  }
`);

const WINDOW = { from: '2027-01-01T00:00:00Z', to: '2027-05-01T00:00:00Z', currency: 'EUR' };
const at = (iso: string) => clock.set(new Date(iso));
const basic = [{ priceCode: 'basic', quantity: '1' }];
const pro = [{ priceCode: 'pro', quantity: '1' }];
const ids: Record<string, string> = {};

async function customer(name: string, extra: Record<string, unknown> = {}): Promise<string> {
  const input = { name, email: 'ap@group.example', currency: 'EUR', taxStatus: 'EXEMPT' as const, ...extra };
  return (ids[name] = (await must(t, createQ, { input })).createCustomer.id);
}

const metrics = async (by: CustomerGrouping, window = WINDOW) => (await must(t, metricsQ, { ...window, by })).revenueMetrics;
const cancel = (id: string) => must(t, cancelQ, { id });

beforeAll(async () => {
  t = await startTestApp({ clock });
  await createProduct(t, 'plan');
  await createPrice(t, 'basic', { kind: 'flat', config: { amount: '100.00' } });
  await createPrice(t, 'pro', { kind: 'flat', config: { amount: '300.00' } });
  await createPrice(t, 'basic-usd', { kind: 'flat', config: { amount: '100.00' } }, { currency: 'USD' });

  // December 2026, before the window: the holding H and an independent customer I.
  const subH = await subscribe(t, await customer('H'), { items: basic });
  await subscribe(t, await customer('I'), { items: basic });
  // Two plants billed to H; a second group G whose parent buys nothing itself.
  await customer('P1', { parentId: ids.H, invoiceTo: 'PARENT' });
  await customer('P2', { parentId: ids.H, invoiceTo: 'PARENT' });
  await customer('G');
  await customer('Q1', { parentId: ids.G, invoiceTo: 'PARENT' });
  await customer('Q2', { parentId: ids.G, invoiceTo: 'PARENT' });
  await customer('Q3', { parentId: ids.G, invoiceTo: 'PARENT' });

  // January: both plants start at one instant, while H already has MRR.
  at('2027-01-10T00:00:00Z');
  await subscribe(t, ids.P1, { items: basic });
  await subscribe(t, ids.P2, { items: pro });
  // February: G's two members start at one instant; G had no MRR.
  at('2027-02-05T00:00:00Z');
  const subQ1 = await subscribe(t, ids.Q1, { items: basic });
  const subQ2 = await subscribe(t, ids.Q2, { items: basic });
  // March: H ends its own subscription (its plants go on); then G's members both end at one instant.
  at('2027-03-05T00:00:00Z');
  await cancel(subH);
  at('2027-03-20T00:00:00Z');
  await cancel(subQ1);
  await cancel(subQ2);
  // April: a third member of G starts: new for itself, G coming back.
  at('2027-04-10T00:00:00Z');
  await subscribe(t, ids.Q3, { items: basic });
  at('2027-05-01T00:00:00Z');
});
afterAll(async () => {
  await t.close();
});

const bridge = (p: {
  startMrr: string;
  newMrr: string;
  expansionMrr: string;
  reactivationMrr: string;
  contractionMrr: string;
  churnedMrr: string;
}) => [p.startMrr, p.newMrr, p.expansionMrr, p.reactivationMrr, p.contractionMrr, p.churnedMrr];
const counts = (p: { mrr: string; activeCustomers: number; arpa?: string | null; logoChurnRate?: string | null }) => [
  p.mrr,
  p.activeCustomers,
  p.arpa,
  p.logoChurnRate,
];

describe('revenueMetrics by customer and by payer (worked by hand, January to April 2027)', () => {
  it('by CUSTOMER: each group member is a customer of its own', async () => {
    const periods = await metrics('CUSTOMER');
    // start, new, expansion, reactivation, contraction, churned
    expect(periods.map(bridge)).toEqual([
      ['200.00', '400.00', '0.00', '0.00', '0.00', '0.00'], // P1 and P2 are new
      ['600.00', '200.00', '0.00', '0.00', '0.00', '0.00'], // Q1 and Q2 are new
      ['800.00', '0.00', '0.00', '0.00', '0.00', '300.00'], // H, Q1 and Q2 churn
      ['500.00', '100.00', '0.00', '0.00', '0.00', '0.00'], // Q3 is new
    ]);
    // mrr, active customers, ARPA, logo churn rate
    expect(periods.map(counts)).toEqual([
      ['600.00', 4, '150.00', '0.0000'], // H, I, P1, P2
      ['800.00', 6, '133.33', '0.0000'], // + Q1, Q2
      ['500.00', 3, '166.67', '0.5000'], // 3 of 6 churned: I, P1, P2 left
      ['600.00', 4, '150.00', '0.0000'], // + Q3
    ]);
  });

  it('by PAYER: the plants are H, the members of G are G; MRR is the same in every period', async () => {
    const periods = await metrics('PAYER');
    expect(periods.map(bridge)).toEqual([
      ['200.00', '0.00', '400.00', '0.00', '0.00', '0.00'], // the plants expand H
      ['600.00', '100.00', '100.00', '0.00', '0.00', '0.00'], // G is new with one member, the other expands it
      ['800.00', '0.00', '0.00', '0.00', '200.00', '100.00'], // H contracts (its plants go on); G: one member contracts, the last churns
      ['500.00', '0.00', '0.00', '100.00', '0.00', '0.00'], // G comes back through a member it never had before
    ]);
    expect(periods.map(counts)).toEqual([
      ['600.00', 2, '300.00', '0.0000'], // H and I
      ['800.00', 3, '266.67', '0.0000'], // + G
      ['500.00', 2, '250.00', '0.3333'], // G churned: 1 of 3
      ['600.00', 3, '200.00', '0.0000'], // G is back
    ]);
  });

  it('keeps MRR, ARR, gross retention and the bridge total identical; counts and net retention differ on the group', async () => {
    const [byCustomer, byPayer] = [await metrics('CUSTOMER'), await metrics('PAYER')];
    const net = (p: (typeof byCustomer)[number]) =>
      new Decimal(p.newMrr).plus(p.expansionMrr).plus(p.reactivationMrr).minus(p.contractionMrr).minus(p.churnedMrr).toFixed(2);
    const same = (p: (typeof byCustomer)[number]) => [p.periodStart, p.startMrr, p.mrr, p.arr, net(p), p.grossRevenueRetention];
    expect(byPayer.map(same)).toEqual(byCustomer.map(same));
    expect(byPayer.map((p) => p.activeCustomers)).not.toEqual(byCustomer.map((p) => p.activeCustomers));
    // A member's start is its payer's expansion, which net retention counts: (200 + 400) / 200 in January.
    expect([byCustomer[0].netRevenueRetention, byPayer[0].netRevenueRetention]).toEqual(['1.0000', '3.0000']);
  });

  it('is the customer view exactly where no customer pays for another', async () => {
    const [a, b] = [await customer('US-A', { currency: 'USD' }), await customer('US-B', { currency: 'USD' })];
    at('2027-05-02T00:00:00Z');
    const first = await subscribe(t, a, { items: [{ priceCode: 'basic-usd', quantity: '1' }] });
    await subscribe(t, a, { items: [{ priceCode: 'basic-usd', quantity: '2' }] });
    const only = await subscribe(t, b, { items: [{ priceCode: 'basic-usd', quantity: '1' }] });
    at('2027-06-03T00:00:00Z');
    await cancel(first); // a contraction
    await cancel(only); // a churn
    at('2027-07-01T00:00:00Z');
    const window = { from: '2027-05-01T00:00:00Z', to: '2027-07-01T00:00:00Z', currency: 'USD' };
    expect(await metrics('PAYER', window)).toEqual(await metrics('CUSTOMER', window));
    const cohorts = async (by: CustomerGrouping) => (await must(t, cohortsQ, { ...window, by })).cohorts;
    expect(await cohorts('PAYER')).toEqual(await cohorts('CUSTOMER'));
    at('2027-05-01T00:00:00Z');
  });
});

describe('cohorts by payer', () => {
  const COHORTS = { from: '2026-12-01T00:00:00Z', to: '2027-05-01T00:00:00Z', currency: 'EUR' };
  const shape = (c: { month: string; customers: number; startMrr: string; months: { customers: number; mrr: string }[] }) => [
    c.month.slice(0, 7),
    c.customers,
    c.startMrr,
    c.months.map((m) => `${m.customers}:${m.mrr}`),
  ];

  it('by CUSTOMER: each member is in the cohort of its own first MRR', async () => {
    const cohorts = (await must(t, cohortsQ, { ...COHORTS, by: 'CUSTOMER' })).cohorts;
    expect(cohorts.map(shape)).toEqual([
      ['2026-12', 2, '200.00', ['2:200.00', '2:200.00', '2:200.00', '1:100.00', '1:100.00']], // H, I
      ['2027-01', 2, '400.00', ['2:400.00', '2:400.00', '2:400.00', '2:400.00']], // P1, P2
      ['2027-02', 2, '200.00', ['2:200.00', '0:0.00', '0:0.00']], // Q1, Q2
      ['2027-04', 1, '100.00', ['1:100.00']], // Q3
    ]);
  });

  it('by PAYER: a payer is in the cohort of its group’s first MRR, and its members’ MRR is its own', async () => {
    const cohorts = (await must(t, cohortsQ, { ...COHORTS, by: 'PAYER' })).cohorts;
    expect(cohorts.map(shape)).toEqual([
      ['2026-12', 2, '200.00', ['2:200.00', '2:600.00', '2:600.00', '2:500.00', '2:500.00']], // H (with its plants), I
      ['2027-02', 1, '200.00', ['1:200.00', '0:0.00', '1:100.00']], // G: its members, churned, back through Q3
    ]);
  });
});

describe("a customer's MRR rolled up", () => {
  it('Customer.mrr(rollUp: true) is the MRR of everything billed through the customer', async () => {
    const read = async (name: string) => (await must(t, mrrQ, { id: ids[name] })).customer;
    expect(await read('H')).toEqual({ own: '0.00', rolledUp: '400.00', inUsd: '0.00' });
    expect(await read('G')).toEqual({ own: '0.00', rolledUp: '100.00', inUsd: '0.00' });
    expect(await read('P2')).toEqual({ own: '300.00', rolledUp: '300.00', inUsd: '0.00' });
    expect(await read('I')).toEqual({ own: '100.00', rolledUp: '100.00', inUsd: '0.00' });
  });

  it('customers(filter: { mrrRollUp: true }) compares the rolled-up MRR', async () => {
    const found = async (filter: Record<string, unknown>) =>
      (await must(t, segmentQ, { filter: { currency: 'EUR', ...filter } })).customers.edges.map((e) => e.node.id).sort();
    expect(await found({ mrrMin: '300' })).toEqual([ids.P2].sort());
    expect(await found({ mrrMin: '300', mrrRollUp: true })).toEqual([ids.H, ids.P2].sort());
    expect(await found({ mrrMin: '100', mrrMax: '100', mrrRollUp: true })).toEqual([ids.G, ids.I, ids.P1, ids.Q3].sort());
    const res = await t.gql(String(segmentQ), { filter: { mrrRollUp: true } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.mrrRollUp' });
  });

  it('is analytics: a SALES key reads it, a CUSTOMER key gets FORBIDDEN', async () => {
    const key = async (role: string, customerId?: string) =>
      (
        await must(t, 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }', {
          input: { role, name: `mrr ${role}`, ...(customerId ? { customerId } : {}) },
        })
      ).createApiKey.secret as string;
    expect((await must(t, mrrQ, { id: ids.H }, await key('SALES'))).customer?.rolledUp).toBe('400.00');
    const refused = await t.gql(String(mrrQ), { id: ids.H }, await key('CUSTOMER', ids.H));
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const metricsRefused = await t.gql(String(metricsQ), { ...WINDOW, by: 'PAYER' }, await key('CUSTOMER', ids.H));
    expect(metricsRefused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('a change of group', () => {
  it('counts a customer as its payer of today over its whole history; MRR does not move', async () => {
    const before = await metrics('PAYER');
    // I joins H's group, billed to H: from now on, and in the past of the PAYER view, it is H.
    expect((await must(t, updateQ, { id: ids.I, input: { parentId: ids.H, invoiceTo: 'PARENT' } })).updateCustomer.payer?.id).toBe(ids.H);
    const after = await metrics('PAYER');
    expect(after.map((p) => p.mrr)).toEqual(before.map((p) => p.mrr));
    expect(after.map((p) => p.activeCustomers)).toEqual([1, 2, 1, 2]);
    // Its NEW of December is H's history now: H starts the window with both.
    expect(after[0].startMrr).toBe('200.00');
    await must(t, updateQ, { id: ids.I, input: { parentId: null, invoiceTo: 'SELF' } });
    expect((await metrics('PAYER')).map((p) => p.activeCustomers)).toEqual(before.map((p) => p.activeCustomers));
  });
});
