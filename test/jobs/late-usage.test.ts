import fc from 'fast-check';
import { ManualClock } from '../../src/domain/shared/clock';
import { UsageEvent } from '../../src/domain/usage/usage-event.entity';
import { Decimal } from '../../src/pricing/decimal';
import { startTestApp, TestApp } from '../support/app';
import { createCustomer, createPrice, createProduct, must } from '../support/catalog';
import { bill, invoicesOf, subscribe, upcoming } from './billing-support';

// Late usage (issue 5): an event whose period is already invoiced goes on the next invoice as
// an adjustment line naming its period, never lost, never counted twice. Events go through
// recordUsage, the path that marks them late.
const clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
let t: TestApp;
const at = (iso: string) => clock.set(new Date(iso));
const only = (...customerIds: string[]) => ({ customerIds });
const RECORD = 'mutation($events: [UsageEventInput!]!) { recordUsage(events: $events) { accepted duplicates } }';
let eventSeq = 0;

async function record(
  customerId: string,
  events: [timestamp: string, value: string, metric?: string][],
): Promise<{ accepted: number; duplicates: number }> {
  const batch = events.map(([timestamp, value, metric]) => ({
    id: `e${++eventSeq}`,
    customerId,
    metric: metric ?? 'calls',
    value,
    timestamp,
  }));
  return (await must(t, RECORD, { events: batch })).recordUsage;
}

const lineRows = (invoice: any) => invoice.lines.map((l: any) => [l.kind, l.priceCode, l.quantity, l.amount, l.periodStart.slice(0, 10)]);
const pendingLate = (customerId: string) => t.app.db.orm.em.fork().count(UsageEvent, { customerId, latePending: true });

beforeAll(async () => {
  t = await startTestApp({ clock });
  await createProduct(t, 'plan');
  await createPrice(t, 'base', { kind: 'flat', config: { amount: '10.00' } });
  await createPrice(t, 'calls', {
    kind: 'usage',
    config: { metric: 'calls', aggregation: 'sum', pricing: { kind: 'per_unit', config: { unitAmount: '0.10' } } },
  });
  await createPrice(t, 'tiered-calls', {
    kind: 'usage',
    config: {
      metric: 'calls',
      aggregation: 'sum',
      pricing: {
        kind: 'graduated',
        config: {
          tiers: [
            { upTo: '100', unitAmount: '1.00' },
            { upTo: null, unitAmount: '0.50' },
          ],
        },
      },
    },
  });
  await createPrice(t, 'peak', {
    kind: 'usage',
    config: { metric: 'seats', aggregation: 'max', pricing: { kind: 'per_unit', config: { unitAmount: '5.00' } } },
  });
});
afterAll(async () => {
  await t.close();
});

describe('an event for a period already invoiced', () => {
  let customer: string;
  let sub: string;

  beforeAll(async () => {
    at('2026-01-01T00:00:00Z');
    customer = await createCustomer(t);
    sub = await subscribe(t, customer, {
      items: [
        { priceCode: 'base', quantity: '1' },
        { priceCode: 'calls', quantity: '0' },
      ],
    });
    at('2026-01-15T00:00:00Z');
    await record(customer, [['2026-01-15T00:00:00Z', '100']]);
    at('2026-02-01T00:00:00Z');
    await bill(t, clock, undefined, only(customer));
  });

  it('is stored and marked late, then shown on the upcoming invoice as an adjustment naming its period', async () => {
    at('2026-02-03T00:00:00Z');
    expect(
      await record(customer, [
        ['2026-01-20T00:00:00Z', '50'],
        ['2026-02-02T00:00:00Z', '7'],
      ]),
    ).toEqual({ accepted: 2, duplicates: 0 });
    expect(await pendingLate(customer)).toBe(1);
    const shown = await upcoming(t, sub);
    const adjustment = shown.lines.find((l: any) => l.kind === 'ADJUSTMENT');
    expect(adjustment).toMatchObject({
      priceCode: 'calls',
      quantity: '50',
      amount: '5.00',
      proration: false,
      periodStart: '2026-01-01T00:00:00.000Z',
      periodEnd: '2026-02-01T00:00:00.000Z',
    });
    expect(adjustment.description).toContain('2026-01-01T00:00:00.000Z → 2026-02-01T00:00:00.000Z');
    expect(adjustment.steps.join('\n')).toMatch(/already billed: 100 for 10\.00/);
  });

  it('goes on the next invoice once, beside the on-time usage of the period just ended', async () => {
    at('2026-03-01T00:00:00Z');
    await bill(t, clock, undefined, only(customer));
    const march = (await invoicesOf(t, customer)).at(-1);
    expect(lineRows(march)).toEqual([
      ['RECURRING', 'base', '1', '10.00', '2026-03-01'],
      ['USAGE', 'calls', '7', '0.70', '2026-02-01'],
      ['ADJUSTMENT', 'calls', '50', '5.00', '2026-01-01'],
    ]);
    expect(march.subtotal).toBe('15.70');
    expect(await pendingLate(customer)).toBe(0);
    // Never twice: the next invoice has no adjustment left to make.
    expect((await upcoming(t, sub)).lines.filter((l: any) => l.kind === 'ADJUSTMENT')).toEqual([]);
  });

  it('is counted once when resent, and a second late event adjusts the same period again by the difference', async () => {
    at('2026-03-02T00:00:00Z');
    const resent = { id: 'late-1', customerId: customer, metric: 'calls', value: '30', timestamp: '2026-01-25T00:00:00Z' };
    expect((await must(t, RECORD, { events: [resent] })).recordUsage).toEqual({ accepted: 1, duplicates: 0 });
    expect((await must(t, RECORD, { events: [resent, resent] })).recordUsage).toEqual({ accepted: 0, duplicates: 2 });
    const adjustments = (await upcoming(t, sub)).lines.filter((l: any) => l.kind === 'ADJUSTMENT');
    expect(adjustments.map((l: any) => [l.quantity, l.amount, l.periodStart])).toEqual([['30', '3.00', '2026-01-01T00:00:00.000Z']]);
  });
});

it('prices a late event across a tier boundary as the whole period re-priced, not the delta alone', async () => {
  at('2026-01-01T00:00:00Z');
  const customer = await createCustomer(t);
  const sub = await subscribe(t, customer, { items: [{ priceCode: 'tiered-calls', quantity: '0' }] });
  at('2026-01-10T00:00:00Z');
  await record(customer, [['2026-01-10T00:00:00Z', '90']]);
  at('2026-02-01T00:00:00Z');
  await bill(t, clock, undefined, only(customer));
  at('2026-02-05T00:00:00Z');
  await record(customer, [['2026-01-31T23:59:59Z', '30']]);
  // 90 → 120: 100 × 1.00 + 20 × 0.50 = 110.00, of which 90.00 was billed.
  const [adjustment] = (await upcoming(t, sub)).lines.filter((l: any) => l.kind === 'ADJUSTMENT');
  expect([adjustment.quantity, adjustment.amount]).toEqual(['30', '20.00']);
});

it('adds no line when a late event does not change the period (max) and bills nothing for a trial', async () => {
  at('2026-01-01T00:00:00Z');
  const customer = await createCustomer(t);
  const sub = await subscribe(t, customer, { trialDays: 14, items: [{ priceCode: 'peak', quantity: '0' }] });
  // The trial runs to Jan 15; the first paid period is [Jan 15, Feb 15).
  at('2026-01-20T00:00:00Z');
  await record(customer, [['2026-01-20T00:00:00Z', '4', 'seats']]);
  at('2026-02-15T00:00:00Z');
  await bill(t, clock, undefined, only(customer));
  at('2026-02-16T00:00:00Z');
  // Below the period's peak, and one inside the trial, which is never billed.
  const late = await record(customer, [
    ['2026-01-25T00:00:00Z', '3', 'seats'],
    ['2026-01-05T00:00:00Z', '9', 'seats'],
  ]);
  expect(late.accepted).toBe(2);
  expect(await pendingLate(customer)).toBe(2);
  expect((await upcoming(t, sub)).lines.filter((l: any) => l.kind === 'ADJUSTMENT')).toEqual([]);
  at('2026-03-15T00:00:00Z');
  await bill(t, clock, undefined, only(customer));
  expect(await pendingLate(customer)).toBe(0);
  const invoices = await invoicesOf(t, customer);
  expect(invoices.flatMap((i) => i.lines).filter((l: any) => l.kind === 'ADJUSTMENT')).toEqual([]);
});

it('refuses a second live subscription metering the same metric for a customer', async () => {
  at('2026-01-01T00:00:00Z');
  const customer = await createCustomer(t);
  await subscribe(t, customer, { items: [{ priceCode: 'calls', quantity: '0' }] });
  const res = await t.gql('mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }', {
    input: { customerId: customer, items: [{ priceCode: 'tiered-calls', quantity: '0' }] },
  });
  expect(res.errors?.[0].extensions?.code).toBe('CONFLICT');
  expect(res.errors?.[0].message).toMatch(/already meters 'calls'/);
});

/**
 * The invariant: whatever the order in which events arrive relative to the billing run, each
 * period's billed quantity (its usage line plus its adjustments) is the period's whole usage.
 */
it('bills every event exactly once, however late it arrives (property)', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(
        fc.record({
          day: fc.integer({ min: 0, max: 88 }),
          value: fc.integer({ min: 1, max: 500 }),
          arrivesAfter: fc.integer({ min: 0, max: 3 }),
        }),
        { minLength: 1, maxLength: 10 },
      ),
      async (events) => {
        at('2026-01-01T00:00:00Z');
        const customer = await createCustomer(t);
        await subscribe(t, customer, { items: [{ priceCode: 'tiered-calls', quantity: '0' }] });
        // A timeline: each event is recorded `delay` days after it happened; the billing run
        // closes each month as the clock passes it. Events and boundaries run in time order.
        const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);
        const stamp = (n: number) => day(n).toISOString();
        const boundaries = [1, 2, 3, 4, 5, 6].map((m) => ({ when: new Date(Date.UTC(2026, m, 1)), run: 'bill' as const }));
        const arrivals = events.map((e) => ({ when: day(e.day + [0, 20, 45, 70][e.arrivesAfter]), run: 'record' as const, e }));
        const timeline = [...boundaries, ...arrivals].sort((a, b) => a.when.getTime() - b.when.getTime() || (a.run === 'bill' ? -1 : 1));
        for (const step of timeline) {
          clock.set(step.when);
          if (step.run === 'bill') await bill(t, clock, undefined, only(customer));
          else await record(customer, [[stamp(step.e.day), String(step.e.value)]]);
        }
        at('2026-08-01T00:00:00Z');
        await bill(t, clock, undefined, only(customer));
        const lines = (await invoicesOf(t, customer))
          .flatMap((i) => i.lines)
          .filter((l: any) => l.kind === 'USAGE' || l.kind === 'ADJUSTMENT');
        for (const month of [0, 1, 2, 3]) {
          const start = new Date(Date.UTC(2026, month, 1)).toISOString();
          const end = new Date(Date.UTC(2026, month + 1, 1)).getTime();
          const used = events
            .filter((e) => new Date(stamp(e.day)).getTime() >= Date.parse(start) && new Date(stamp(e.day)).getTime() < end)
            .reduce((s, e) => s + e.value, 0);
          const billed = lines.filter((l: any) => l.periodStart === start);
          const quantity = billed.reduce((s: Decimal, l: any) => s.plus(l.quantity), new Decimal(0));
          const amount = billed.reduce((s: Decimal, l: any) => s.plus(l.amount), new Decimal(0));
          const expected = used <= 100 ? used : 100 + (used - 100) * 0.5;
          expect([start, quantity.toFixed()]).toEqual([start, String(used)]);
          expect([start, amount.toFixed(2)]).toEqual([start, expected.toFixed(2)]);
        }
      },
    ),
    { numRuns: 8 },
  );
}, 120_000);

it('loses and doubles nothing when usage arrives while billing runs (concurrent writers and runs)', async () => {
  at('2026-01-01T00:00:00Z');
  const customers: string[] = [];
  for (let i = 0; i < 6; i++) {
    const customer = await createCustomer(t);
    await subscribe(t, customer, { items: [{ priceCode: 'calls', quantity: '0' }] });
    customers.push(customer);
  }
  // The request clock stands after every event; the runs close Feb, Mar and Apr 1 as they go.
  at('2026-04-02T00:00:00Z');
  const sent: { customer: string; timestamp: number; value: number }[] = [];
  let billing = true;
  const writer = (async () => {
    for (let batch = 0; billing || batch < 5; batch++) {
      const events = customers.map((customer, i) => {
        const timestamp = Date.UTC(2026, 0, 1) + ((batch * 7 + i * 13) % 89) * 86_400_000 + batch * 1000;
        sent.push({ customer, timestamp, value: batch + 1 });
        return {
          id: `c${batch}-${i}`,
          customerId: customer,
          metric: 'calls',
          value: String(batch + 1),
          timestamp: new Date(timestamp).toISOString(),
        };
      });
      await must(t, RECORD, { events });
    }
  })();
  for (const boundary of ['2026-02-01', '2026-03-01', '2026-04-01']) await bill(t, clock, `${boundary}T00:00:00Z`, only(...customers));
  billing = false;
  await writer;
  // What arrived after the last boundary is late for its month: the May invoice adjusts it.
  await bill(t, clock, '2026-05-01T00:00:00Z', only(...customers));
  for (const customer of customers) {
    const lines = (await invoicesOf(t, customer)).flatMap((i) => i.lines).filter((l: any) => l.kind === 'USAGE' || l.kind === 'ADJUSTMENT');
    for (const month of [0, 1, 2]) {
      const start = Date.UTC(2026, month, 1);
      const end = Date.UTC(2026, month + 1, 1);
      const used = sent
        .filter((e) => e.customer === customer && e.timestamp >= start && e.timestamp < end)
        .reduce((s, e) => s + e.value, 0);
      const billed = lines
        .filter((l: any) => Date.parse(l.periodStart) === start)
        .reduce((s: Decimal, l: any) => s.plus(l.quantity), new Decimal(0));
      expect([customer, month, billed.toFixed()]).toEqual([customer, month, String(used)]);
    }
  }
}, 60_000);

it('bills the usage to date and the credit on a final invoice when a subscription is canceled at once', async () => {
  at('2026-01-01T00:00:00Z');
  const customer = await createCustomer(t);
  const sub = await subscribe(t, customer, {
    items: [
      { priceCode: 'base', quantity: '1' },
      { priceCode: 'calls', quantity: '0' },
    ],
  });
  at('2026-01-10T00:00:00Z');
  await record(customer, [['2026-01-05T00:00:00Z', '40']]);
  at('2026-01-16T12:00:00Z');
  await must(t, 'mutation($id: ID!) { cancelSubscription(id: $id, atPeriodEnd: false) { id } }', { id: sub });
  const final = (await invoicesOf(t, customer)).find((i) => i.periodEnd === '2026-01-16T12:00:00.000Z');
  expect(lineRows(final)).toEqual([
    ['USAGE', 'calls', '40', '4.00', '2026-01-01'],
    ['PRORATION', 'base', '1', '-5.00', '2026-01-16'],
  ]);
  expect(final.subtotal).toBe('-1.00');
  // Usage of the canceled time that arrives later is late against the final invoice's watermark.
  await record(customer, [['2026-01-12T00:00:00Z', '5']]);
  expect(await pendingLate(customer)).toBe(1);
});

it('bills the usage up to a pause when the subscription resumes in a later period', async () => {
  at('2026-01-01T00:00:00Z');
  const customer = await createCustomer(t);
  const sub = await subscribe(t, customer, { items: [{ priceCode: 'calls', quantity: '0' }] });
  at('2026-01-10T00:00:00Z');
  await record(customer, [['2026-01-09T00:00:00Z', '70']]);
  await must(t, 'mutation($id: ID!) { pauseSubscription(id: $id) { id } }', { id: sub });
  at('2026-03-05T00:00:00Z');
  await must(t, 'mutation($id: ID!) { resumeSubscription(id: $id) { id } }', { id: sub });
  const usage = (await invoicesOf(t, customer)).flatMap((i) => i.lines).filter((l: any) => l.kind === 'USAGE');
  expect(usage.map((l: any) => [l.quantity, l.amount, l.periodStart, l.periodEnd])).toEqual([
    ['70', '7.00', '2026-01-01T00:00:00.000Z', '2026-01-10T00:00:00.000Z'],
  ]);
});
