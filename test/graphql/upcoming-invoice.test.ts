import { ManualClock } from '../../src/domain/shared/clock';
import { UsageEvent } from '../../src/domain/usage/usage-event.entity';
import { Decimal } from '../../src/pricing/decimal';
import { startTestApp, TestApp } from '../support/app';
import { createCustomer, createPrice, createProduct, must } from '../support/catalog';

const clock = new ManualClock(new Date('2026-03-01T00:00:00Z'));
let t: TestApp;
let customer: string;

const upcoming = `query($id: ID!) { upcomingInvoice(subscriptionId: $id) {
  id number status currency periodStart periodEnd subtotal tax total amountDue notes customer { id } subscription { id }
  lines { kind description priceCode quantity amount tax periodStart periodEnd proration }
} }`;

beforeAll(async () => {
  t = await startTestApp({ clock });
  await createProduct(t, 'plan');
  await createPrice(t, 'seat', { kind: 'per_unit', config: { unitAmount: '30.00' } });
  await createPrice(t, 'calls', {
    kind: 'usage',
    config: { metric: 'calls', aggregation: 'sum', pricing: { kind: 'per_unit', config: { unitAmount: '0.01' } } },
  });
  customer = await createCustomer(t, 'currency: "EUR", taxStatus: TAXABLE, taxRate: "20"');
  // Usage written as recordUsage stores it; events at the period's edges test its half-open window.
  const em = t.app.db.orm.em.fork();
  const event = (id: string, at: string, value: string) =>
    em.create(UsageEvent, {
      customerId: customer,
      eventId: id,
      metric: 'calls',
      value: new Decimal(value),
      timestamp: new Date(at),
      receivedAt: new Date(at),
    });
  event('before', '2026-02-28T23:59:59Z', '1000'); // previous period: not this invoice's
  event('first', '2026-03-01T00:00:00Z', '100');
  event('mid', '2026-03-15T00:00:00Z', '250');
  event('at-end', '2026-04-01T00:00:00Z', '5000'); // next period
  await em.flush();
});
afterAll(async () => {
  await t.close();
});

async function subscribe(input: Record<string, unknown>): Promise<string> {
  return (
    await must(t, 'mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }', {
      input: { customerId: customer, ...input },
    })
  ).createSubscription.id;
}

it('bills the next period in advance, this period’s usage in arrears, and pending prorations, with tax per line', async () => {
  clock.set(new Date('2026-03-01T00:00:00Z'));
  const id = await subscribe({
    items: [
      { priceCode: 'seat', quantity: '2' },
      { priceCode: 'calls', quantity: '0' },
    ],
  });
  clock.set(new Date('2026-03-16T00:00:00Z'));
  await must(
    t,
    'mutation($id: ID!) { changeSubscription(input: { id: $id, items: [{ priceCode: "seat", quantity: "3" }, { priceCode: "calls", quantity: "0" }] }) { id } }',
    { id },
  );
  const inv = (await must(t, upcoming, { id })).upcomingInvoice;
  expect(inv).toMatchObject({
    id: `upcoming_${id}`,
    number: null,
    status: 'DRAFT',
    currency: 'EUR',
    periodStart: '2026-04-01T00:00:00.000Z',
    periodEnd: '2026-05-01T00:00:00.000Z',
    customer: { id: customer },
    subscription: { id },
  });
  expect(inv.lines.map((l: any) => [l.kind, l.priceCode, l.quantity, l.amount, l.tax, l.proration])).toEqual([
    ['RECURRING', 'seat', '3', '90.00', '18.00', false],
    ['USAGE', 'calls', '350', '3.50', '0.70', false], // 100 + 250 in [Mar 1, Apr 1)
    ['PRORATION', 'seat', '2', '-30.97', '-6.19', true], // 60 × 16/31
    ['PRORATION', 'seat', '3', '46.45', '9.29', true], // 90 × 16/31
  ]);
  expect(inv.lines[1]).toMatchObject({ periodStart: '2026-03-01T00:00:00.000Z', periodEnd: '2026-04-01T00:00:00.000Z' });
  // It adds up to the cent: 90 + 3.50 − 30.97 + 46.45 = 108.98; tax 18 + 0.70 − 6.19 + 9.29 = 21.80.
  expect(inv).toMatchObject({ subtotal: '108.98', tax: '21.80', total: '130.78', amountDue: '130.78' });
});

it('applies a scheduled change and bills nothing recurring for a subscription ending at its period end', async () => {
  clock.set(new Date('2026-03-01T00:00:00Z'));
  const a = await subscribe({ items: [{ priceCode: 'seat', quantity: '5' }] });
  await must(t, 'mutation($id: ID!) { scheduleChange(input: { id: $id, items: [{ priceCode: "seat", quantity: "1" }] }) { id } }', {
    id: a,
  });
  expect((await must(t, upcoming, { id: a })).upcomingInvoice.lines.map((l: any) => [l.quantity, l.amount])).toEqual([['1', '30.00']]);
  const b = await subscribe({ items: [{ priceCode: 'seat', quantity: '5' }] });
  await must(t, 'mutation($id: ID!) { cancelSubscription(id: $id, atPeriodEnd: true) { id } }', { id: b });
  expect((await must(t, upcoming, { id: b })).upcomingInvoice).toMatchObject({ lines: [], total: '0.00' });
});

it('makes the first invoice of a trial at its end, without usage', async () => {
  clock.set(new Date('2026-03-01T00:00:00Z'));
  // One live subscription meters a customer's metric: end the first test's before this one takes 'calls'.
  const live = await must(t, 'query($c: ID) { subscriptions(customerId: $c, status: ACTIVE, first: 50) { edges { node { id } } } }', {
    c: customer,
  });
  for (const { node } of live.subscriptions.edges)
    await must(t, 'mutation($id: ID!) { cancelSubscription(id: $id, atPeriodEnd: false) { id } }', { id: node.id });
  const id = await subscribe({
    trialDays: 14,
    items: [
      { priceCode: 'seat', quantity: '1' },
      { priceCode: 'calls', quantity: '0' },
    ],
  });
  const inv = (await must(t, upcoming, { id })).upcomingInvoice;
  expect(inv).toMatchObject({ periodStart: '2026-03-15T00:00:00.000Z', periodEnd: '2026-04-15T00:00:00.000Z', total: '36.00' });
  expect(inv.lines.map((l: any) => l.kind)).toEqual(['RECURRING']);
});

it('refuses paused and canceled subscriptions with CONFLICT, and unknown ones with NOT_FOUND', async () => {
  const id = await subscribe({ items: [{ priceCode: 'seat', quantity: '1' }] });
  await must(t, 'mutation($id: ID!) { pauseSubscription(id: $id) { id } }', { id });
  expect((await t.gql(upcoming, { id })).errors?.[0].extensions?.code).toBe('CONFLICT');
  const missing = await t.gql(upcoming, { id: '00000000-0000-4000-8000-000000000000' });
  expect(missing.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'subscriptionId' });
});
