import { randomBytes } from 'node:crypto';
import { boundRows } from '../../src/db/bound-query';
import { ManualClock } from '../../src/domain/shared/clock';
import { runLifecycleSignals } from '../../src/domain/billing/lifecycle-signals-run';
import { startTestApp, TestApp, Untyped } from '../support/app';
import { createCustomer, createPrice, createProduct, must } from '../support/catalog';
import { readEvents } from '../support/events';
import { eventually } from '../support/eventually';
import { runner, subscribe } from './billing-support';
import { Receiver, WebhookHarness } from './webhook-support';

// Lifecycle signals: clock-driven outbox events for CRM and marketing, each emitted exactly once,
// dated at its own instant, by the billing run, `npm run billing` and test clocks alike.
const T0 = '2026-03-01T00:00:00.000Z';
const clock = new ManualClock(new Date(T0));
const SIGNAL_TYPES = [
  'subscription.trial_ending',
  'subscription.renewal_upcoming',
  'usage.threshold_crossed',
  'payment_method.expiring',
  'quote.expiring',
];
let t: TestApp;
let h: WebhookHarness;
let receiver: Receiver;

const advanceQ = 'mutation($id: ID!, $to: DateTime!) { advanceTestClock(id: $id, to: $to) { frozenTime status } }';
const thresholdQ =
  'mutation($s: ID!, $m: String!, $v: Decimal!) { setUsageThreshold(subscriptionId: $s, metric: $m, threshold: $v) { id subscriptionId metric threshold createdAt } }';
const runBillingQ = `mutation($at: DateTime!) { runBilling(at: $at) { invoicesCreated signalsEmitted signalsFailed } }`;

async function newClock(at = T0): Promise<string> {
  return (await must(t, 'mutation($at: DateTime!) { createTestClock(frozenTime: $at) { id } }', { at })).createTestClock.id;
}
async function customerOn(clockId: string): Promise<string> {
  return createCustomer(t, `currency: "EUR", taxStatus: EXEMPT, testClockId: "${clockId}"`);
}
async function advance(clockId: string, to: string): Promise<void> {
  expect((await must(t, advanceQ, { id: clockId, to })).advanceTestClock).toEqual({
    frozenTime: new Date(to).toISOString(),
    status: 'READY',
  });
}
async function errorOf(query: string, variables: Record<string, unknown>, key?: string) {
  const res = await t.gql(query, variables, key);
  expect(res.errors).toHaveLength(1);
  return res.errors![0];
}

interface Signal {
  type: string;
  aggregateType: string;
  aggregateId: string;
  sequence: number;
  occurredAt: string;
  data: Record<string, any>;
}

/** How many events of these types the customer has in the outbox, committed or not yet readable. */
async function stored(customerId: string, types: string[]): Promise<number> {
  const exact = types.filter((x) => !x.endsWith('.*'));
  const aggregates = types.filter((x) => x.endsWith('.*')).map((x) => x.slice(0, -2));
  const [row] = await boundRows<{ n: number }>(
    t.app.db.orm.em.fork(),
    'select count(*)::int as n from domain_event where customer_id = ?::uuid and (type = any(?::text[]) or aggregate_type = any(?::text[]))',
    [customerId, exact, aggregates],
  );
  return row.n;
}

/**
 * Every event of the customer's of these types, in outbox order, through the API. The read
 * horizon is the oldest transaction on the whole server, so on a shared PostgreSQL another test
 * file's transaction can hold back what just committed: wait until all stored are readable.
 */
async function eventsOf(customerId: string, types = SIGNAL_TYPES): Promise<Signal[]> {
  const key = (
    await must(t, 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }', {
      input: { role: 'CUSTOMER', customerId, name: 'reader' },
    })
  ).createApiKey.secret;
  const want = await stored(customerId, types);
  return eventually(() => readEvents(t, { types, key, fields: 'type aggregateType aggregateId sequence occurredAt data' }), {
    until: (out) => out.length >= want,
    what: `${want} stored signals readable`,
  });
}
const brief = (events: Signal[]) => events.map((e) => [e.type, e.occurredAt]);

async function recordUsage(customerId: string, metric: string, events: [at: string, value: string, key?: string][]): Promise<void> {
  const batch = events.map(([timestamp, value, uniqueKey]) => ({
    id: `${metric}-${randomBytes(6).toString('hex')}`,
    customerId,
    metric,
    value,
    timestamp,
    uniqueKey,
  }));
  const data = await must(t, 'mutation($events: [UsageEventInput!]!) { recordUsage(events: $events) { accepted } }', { events: batch });
  expect(data.recordUsage.accepted).toBe(events.length);
}

function usagePrice(code: string, metric: string, aggregation: string): Promise<void> {
  return createPrice(t, code, {
    kind: 'usage',
    config: { metric, aggregation, pricing: { kind: 'per_unit', config: { unitAmount: '0.01' } } },
  });
}

beforeAll(async () => {
  t = await startTestApp({ clock });
  h = new WebhookHarness(t, clock);
  receiver = await new Receiver().start();
  await createProduct(t, 'plan');
  await createPrice(t, 'seat', { kind: 'per_unit', config: { unitAmount: '10.00' } });
  await createPrice(t, 'annual', { kind: 'per_unit', config: { unitAmount: '100.00' } }, { interval: 'YEAR' });
  await usagePrice('api', 'calls', 'sum');
  for (const aggregation of ['sum', 'count', 'max', 'last', 'unique_count'])
    await usagePrice(`m-${aggregation}`, `m-${aggregation}`, aggregation);
}, 60_000);
afterAll(async () => {
  await receiver?.stop();
  await t?.close();
});
afterEach(() => clock.set(new Date(T0)));

describe('subscription.trial_ending', () => {
  it('is emitted once, 3 days before the trial ends, at that instant, between the subscription’s other events', async () => {
    const c = await newClock();
    const customer = await customerOn(c);
    const sub = await subscribe(t, customer, { items: [{ priceCode: 'seat', quantity: '1' }], trialDays: 14 });
    await advance(c, '2026-03-11T23:59:59Z');
    expect(await eventsOf(customer)).toEqual([]);

    await advance(c, '2026-03-20T00:00:00Z');
    const [signal, ...more] = await eventsOf(customer);
    expect(more).toEqual([]);
    expect(signal).toMatchObject({
      type: 'subscription.trial_ending',
      aggregateType: 'subscription',
      aggregateId: sub,
      occurredAt: '2026-03-12T00:00:00.000Z',
      data: {
        id: sub,
        customerId: customer,
        status: 'TRIALING',
        trialEnd: '2026-03-15T00:00:00.000Z',
        items: [{ priceCode: 'seat', quantity: '1' }],
      },
    });
    // In the subscription's sequence, after its creation and before the conversion at the trial's end.
    const history = (await eventsOf(customer, ['subscription.*'])).filter((e) => e.aggregateId === sub);
    expect(history.map((e) => [e.type, e.sequence, e.occurredAt])).toEqual([
      ['subscription.created', 1, T0],
      ['subscription.trial_ending', 2, '2026-03-12T00:00:00.000Z'],
      ['subscription.trial_converted', 3, '2026-03-15T00:00:00.000Z'],
    ]);

    await advance(c, '2026-05-20T00:00:00Z');
    expect(await eventsOf(customer)).toHaveLength(1);
  });

  it('comes as the trial starts when the trial is shorter than 3 days, and not at all for a subscription without one', async () => {
    const c = await newClock();
    const short = await customerOn(c);
    const none = await customerOn(c);
    await subscribe(t, short, { items: [{ priceCode: 'seat', quantity: '1' }], trialDays: 2 });
    await subscribe(t, none, { items: [{ priceCode: 'seat', quantity: '1' }] });
    await advance(c, '2026-03-10T00:00:00Z');
    expect(brief(await eventsOf(short))).toEqual([['subscription.trial_ending', T0]]);
    expect(await eventsOf(none)).toEqual([]);
  });
});

describe('subscription.renewal_upcoming', () => {
  it('is emitted 7 days before each yearly renewal, once per year; not for monthly plans or one set to cancel', async () => {
    const c = await newClock();
    const yearly = await customerOn(c);
    const monthly = await customerOn(c);
    const leaving = await customerOn(c);
    // Charged automatically without a payment method: invoices wait, unchased, and the subscriptions stay ACTIVE.
    const sub = await subscribe(t, yearly, { items: [{ priceCode: 'annual', quantity: '1' }] });
    await subscribe(t, monthly, { items: [{ priceCode: 'seat', quantity: '1' }] });
    const ending = await subscribe(t, leaving, { items: [{ priceCode: 'annual', quantity: '1' }] });
    await must(t, 'mutation($id: ID!) { cancelSubscription(id: $id, atPeriodEnd: true) { cancelAtPeriodEnd } }', { id: ending });

    await advance(c, '2027-02-21T23:00:00Z');
    expect(await eventsOf(yearly)).toEqual([]);
    await advance(c, '2027-03-05T00:00:00Z');
    const [first] = await eventsOf(yearly);
    expect(first).toMatchObject({
      type: 'subscription.renewal_upcoming',
      aggregateId: sub,
      occurredAt: '2027-02-22T00:00:00.000Z',
      data: { id: sub, status: 'ACTIVE', interval: 'YEAR', currentPeriodEnd: '2027-03-01T00:00:00.000Z', cancelAtPeriodEnd: false },
    });
    await advance(c, '2028-03-05T00:00:00Z');
    // 2028 is a leap year: 7 × 24 hours before March 1 is February 23.
    expect(brief(await eventsOf(yearly))).toEqual([
      ['subscription.renewal_upcoming', '2027-02-22T00:00:00.000Z'],
      ['subscription.renewal_upcoming', '2028-02-23T00:00:00.000Z'],
    ]);
    expect(await eventsOf(monthly)).toEqual([]);
    expect(await eventsOf(leaving)).toEqual([]);
  }, 60_000);
});

describe('usage.threshold_crossed', () => {
  it('is emitted once per period and threshold, dated at the event that reached it', async () => {
    const c = await newClock();
    const customer = await customerOn(c);
    const sub = await subscribe(t, customer, {
      items: [
        { priceCode: 'seat', quantity: '1' },
        { priceCode: 'api', quantity: '1' },
      ],
      collection: 'SEND_INVOICE',
    });
    const hundred = (await must(t, thresholdQ, { s: sub, m: 'calls', v: '100' })).setUsageThreshold;
    expect(hundred).toEqual({ id: expect.any(String), subscriptionId: sub, metric: 'calls', threshold: '100', createdAt: T0 });
    const five = (await must(t, thresholdQ, { s: sub, m: 'calls', v: '500' })).setUsageThreshold;
    // recordUsage checks timestamps against the server's clock (at most a day ahead).
    clock.set(new Date('2026-05-01T00:00:00Z'));
    await recordUsage(customer, 'calls', [
      ['2026-02-20T00:00:00Z', '1000'],
      ['2026-03-05T00:00:00Z', '60'],
      ['2026-03-10T08:00:00Z', '50'],
    ]);

    await advance(c, '2026-03-20T00:00:00Z');
    const [crossed, ...none] = await eventsOf(customer);
    expect(none).toEqual([]);
    expect(crossed).toEqual({
      type: 'usage.threshold_crossed',
      aggregateType: 'usage',
      aggregateId: hundred.id,
      sequence: 1,
      occurredAt: '2026-03-10T08:00:00.000Z',
      data: {
        id: hundred.id,
        subscriptionId: sub,
        customerId: customer,
        metric: 'calls',
        aggregation: 'sum',
        threshold: '100',
        usage: '110',
        crossedAt: '2026-03-10T08:00:00.000Z',
        periodStart: T0,
        periodEnd: '2026-04-01T00:00:00.000Z',
      },
    });

    await recordUsage(customer, 'calls', [
      ['2026-03-25T00:00:00Z', '400'],
      ['2026-04-05T00:00:00Z', '150'],
    ]);
    await advance(c, '2026-04-10T00:00:00Z');
    await advance(c, '2026-04-20T00:00:00Z');
    const all = await eventsOf(customer);
    expect(
      all.map((e) => [
        e.aggregateId === hundred.id ? '100' : e.aggregateId === five.id ? '500' : '?',
        e.sequence,
        e.occurredAt,
        e.data.usage,
        e.data.periodEnd,
      ]),
    ).toEqual([
      ['100', 1, '2026-03-10T08:00:00.000Z', '110', '2026-04-01T00:00:00.000Z'],
      ['500', 1, '2026-03-25T00:00:00.000Z', '510', '2026-04-01T00:00:00.000Z'],
      ['100', 2, '2026-04-05T00:00:00.000Z', '150', '2026-05-01T00:00:00.000Z'],
    ]);
  });

  it.each([
    [
      'sum',
      [
        ['2026-03-02T00:00:00Z', '3'],
        ['2026-03-03T00:00:00Z', '4'],
        ['2026-03-04T00:00:00Z', '2'],
        ['2026-03-04T00:00:00Z', '2'],
        ['2026-03-05T00:00:00Z', '9'],
      ],
      '10',
      '2026-03-04T00:00:00.000Z',
      '11',
    ],
    [
      'count',
      [
        ['2026-03-02T00:00:00Z', '0'],
        ['2026-03-03T00:00:00Z', '0'],
        ['2026-03-04T00:00:00Z', '0'],
        ['2026-03-05T00:00:00Z', '0'],
      ],
      '3',
      '2026-03-04T00:00:00.000Z',
      '3',
    ],
    [
      'max',
      [
        ['2026-03-02T00:00:00Z', '3'],
        ['2026-03-03T00:00:00Z', '12'],
        ['2026-03-03T00:00:00Z', '15'],
        ['2026-03-04T00:00:00Z', '40'],
      ],
      '10',
      '2026-03-03T00:00:00.000Z',
      '15',
    ],
    // `last` drops back under it later in the period: it was reached all the same, once.
    [
      'last',
      [
        ['2026-03-02T00:00:00Z', '3'],
        ['2026-03-03T00:00:00Z', '12'],
        ['2026-03-04T00:00:00Z', '4'],
        ['2026-03-05T00:00:00Z', '20'],
      ],
      '10',
      '2026-03-03T00:00:00.000Z',
      '12',
    ],
    [
      'unique_count',
      [
        ['2026-03-02T00:00:00Z', '1', 'a'],
        ['2026-03-03T00:00:00Z', '1', 'a'],
        ['2026-03-04T00:00:00Z', '1', 'b'],
        ['2026-03-04T12:00:00Z', '1'],
        ['2026-03-05T00:00:00Z', '1', 'c'],
      ],
      '3',
      '2026-03-05T00:00:00.000Z',
      '3',
    ],
  ] as const)('reaches a threshold as the %s aggregation counts it', async (aggregation, usage, threshold, at, level) => {
    const c = await newClock();
    const customer = await customerOn(c);
    const sub = await subscribe(t, customer, { items: [{ priceCode: `m-${aggregation}`, quantity: '1' }], collection: 'SEND_INVOICE' });
    await must(t, thresholdQ, { s: sub, m: `m-${aggregation}`, v: threshold });
    clock.set(new Date('2026-04-01T00:00:00Z'));
    await recordUsage(
      customer,
      `m-${aggregation}`,
      usage.map((u) => [...u] as [string, string, string?]),
    );
    await advance(c, '2026-03-25T00:00:00Z');
    expect((await eventsOf(customer)).map((e) => [e.occurredAt, e.data.usage, e.data.aggregation])).toEqual([[at, level, aggregation]]);
  });

  it('is found by the real billing run in the period it just closed, and a second run emits nothing', async () => {
    const customer = await createCustomer(t);
    const sub = await subscribe(t, customer, { items: [{ priceCode: 'api', quantity: '1' }], collection: 'SEND_INVOICE' });
    await must(t, thresholdQ, { s: sub, m: 'calls', v: '100' });
    clock.set(new Date('2026-03-31T12:00:00Z'));
    await recordUsage(customer, 'calls', [['2026-03-31T10:00:00Z', '120']]);
    clock.set(new Date('2026-04-02T00:00:00Z'));
    // The run closes the March period first: the crossing is in the period before the current one.
    const first = (await must(t, runBillingQ, { at: '2026-04-02T00:00:00Z' })).runBilling;
    expect(first.signalsEmitted).toBeGreaterThanOrEqual(1);
    expect(first.signalsFailed).toBe(0);
    expect((await eventsOf(customer)).map((e) => [e.type, e.occurredAt, e.data.periodEnd])).toEqual([
      ['usage.threshold_crossed', '2026-03-31T10:00:00.000Z', '2026-04-01T00:00:00.000Z'],
    ]);
    const again = (await must(t, runBillingQ, { at: '2026-04-02T00:00:00Z' })).runBilling;
    expect(again).toEqual({ invoicesCreated: 0, signalsEmitted: 0, signalsFailed: 0 });
    expect(await eventsOf(customer)).toHaveLength(1);
  });

  it('dates a threshold set after usage had reached it at the threshold’s creation', async () => {
    const c = await newClock();
    const customer = await customerOn(c);
    const sub = await subscribe(t, customer, { items: [{ priceCode: 'api', quantity: '1' }], collection: 'SEND_INVOICE' });
    clock.set(new Date('2026-03-05T00:00:00Z'));
    await recordUsage(customer, 'calls', [['2026-03-02T00:00:00Z', '300']]);
    await advance(c, '2026-03-10T00:00:00Z');
    await must(t, thresholdQ, { s: sub, m: 'calls', v: '100' });
    await advance(c, '2026-03-11T00:00:00Z');
    expect(brief(await eventsOf(customer))).toEqual([['usage.threshold_crossed', '2026-03-10T00:00:00.000Z']]);
  });
});

describe('setUsageThreshold', () => {
  it('is idempotent, checks the metric and the level, and is for the seller’s staff', async () => {
    const customer = await createCustomer(t);
    const sub = await subscribe(t, customer, {
      items: [
        { priceCode: 'seat', quantity: '1' },
        { priceCode: 'api', quantity: '1' },
      ],
      collection: 'SEND_INVOICE',
    });
    const sales = (await must(t, 'mutation { createApiKey(input: { role: SALES, name: "sales" }) { secret } }')).createApiKey.secret;
    const own = (
      await must(t, 'mutation($c: ID!) { createApiKey(input: { role: CUSTOMER, name: "own", customerId: $c }) { secret } }', {
        c: customer,
      })
    ).createApiKey.secret;

    const set = (await must(t, thresholdQ, { s: sub, m: 'calls', v: '50' }, sales)).setUsageThreshold;
    expect((await must(t, thresholdQ, { s: sub, m: 'calls', v: '50.000' })).setUsageThreshold.id).toBe(set.id);
    await must(t, thresholdQ, { s: sub, m: 'calls', v: '7.5' });
    const listQ = 'query($s: ID!) { usageThresholds(subscriptionId: $s) { id metric threshold } }';
    expect((await must(t, listQ, { s: sub }, own)).usageThresholds.map((x: any) => x.threshold)).toEqual(['7.5', '50']);

    const refusals: [Record<string, unknown>, string | undefined, string, string | undefined][] = [
      [{ s: sub, m: 'seats', v: '1' }, undefined, 'BAD_USER_INPUT', 'metric'],
      [{ s: sub, m: 'calls\u0000', v: '1' }, undefined, 'BAD_USER_INPUT', undefined],
      [{ s: sub, m: 'calls', v: '0' }, undefined, 'BAD_USER_INPUT', 'threshold'],
      [{ s: sub, m: 'calls', v: '-5' }, undefined, 'BAD_USER_INPUT', 'threshold'],
      [{ s: '00000000-0000-4000-8000-000000000000', m: 'calls', v: '1' }, undefined, 'NOT_FOUND', 'subscriptionId'],
      [{ s: 'not-an-id', m: 'calls', v: '1' }, undefined, 'NOT_FOUND', 'subscriptionId'],
      [{ s: sub, m: 'calls', v: '1' }, own, 'FORBIDDEN', undefined],
    ];
    for (const [variables, key, code, field] of refusals) {
      const err = await errorOf(thresholdQ, variables, key);
      expect({ variables, ext: err.extensions }).toMatchObject({ variables, ext: { code, ...(field ? { field } : {}) } });
    }
    for (let i = 3; i <= 10; i++) await must(t, thresholdQ, { s: sub, m: 'calls', v: String(i * 100) });
    expect((await errorOf(thresholdQ, { s: sub, m: 'calls', v: '99999' })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'threshold',
    });

    expect((await errorOf('mutation($id: ID!) { removeUsageThreshold(id: $id) }', { id: set.id }, own)).extensions?.code).toBe('FORBIDDEN');
    expect((await must(t, 'mutation($id: ID!) { removeUsageThreshold(id: $id) }', { id: set.id }, sales)).removeUsageThreshold).toBe(true);
    expect((await must(t, 'mutation($id: ID!) { removeUsageThreshold(id: $id) }', { id: set.id })).removeUsageThreshold).toBe(false);
    expect((await must(t, listQ, { s: sub })).usageThresholds.map((x: any) => x.threshold)).not.toContain('50');
  });
});

describe('payment_method.expiring', () => {
  it('is emitted 30 days before an attached method expires, not for a detached one; an expired method is refused', async () => {
    const c = await newClock();
    const customer = await customerOn(c);
    const attachQ = 'mutation($input: AttachPaymentMethodInput!) { attachPaymentMethod(input: $input) { id expiresAt } }';
    const attach = (expiresAt: string | null, makeDefault = true) =>
      t.gql<Untyped>(attachQ, { input: { customerId: customer, provider: 'sandbox', token: 'pm_sandbox_ok', expiresAt, makeDefault } });
    const card = (await attach('2026-05-31T00:00:00Z')).data!.attachPaymentMethod;
    expect(card.expiresAt).toBe('2026-05-31T00:00:00.000Z');
    const old = (await attach('2026-04-15T00:00:00Z', false)).data!.attachPaymentMethod;
    await must(t, 'mutation($id: ID!) { detachPaymentMethod(id: $id) { id } }', { id: old.id });
    expect((await attach(null, false)).data!.attachPaymentMethod.expiresAt).toBeNull();
    // The customer's clock decides what has expired: T0 on its test clock, whatever the server's says.
    const expired = await attach('2026-02-28T00:00:00Z');
    expect(expired.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.expiresAt' });

    await advance(c, '2026-04-30T00:00:00Z');
    expect(await eventsOf(customer)).toEqual([]);
    await advance(c, '2026-06-10T00:00:00Z');
    const events = await eventsOf(customer);
    expect(events).toEqual([
      expect.objectContaining({
        type: 'payment_method.expiring',
        aggregateType: 'payment_method',
        aggregateId: card.id,
        occurredAt: '2026-05-01T00:00:00.000Z',
        data: expect.objectContaining({ id: card.id, expiresAt: '2026-05-31T00:00:00.000Z', isDefault: true }),
      }),
    ]);
  });
});

describe('quote.expiring', () => {
  it('is emitted 3 days before a sent quote’s validUntil (at sending when less is left); not for a draft', async () => {
    const c = await newClock();
    const customer = await customerOn(c);
    const quote = async (validUntil: string, send: boolean) => {
      const id = (
        await must(t, 'mutation($input: CreateQuoteInput!) { createQuote(input: $input) { id } }', {
          input: { customerId: customer, currency: 'EUR', lines: [{ priceCode: 'seat', quantity: '2' }], validUntil },
        })
      ).createQuote.id;
      if (send) await must(t, 'mutation($id: ID!) { sendQuote(id: $id) { status } }', { id });
      return id;
    };
    const sent = await quote('2026-03-20T00:00:00Z', true);
    const soon = await quote('2026-03-02T00:00:00Z', true);
    await quote('2026-03-20T00:00:00Z', false);

    await advance(c, '2026-03-16T00:00:00Z');
    expect((await eventsOf(customer)).map((e) => [e.type, e.aggregateId, e.occurredAt])).toEqual([['quote.expiring', soon, T0]]);
    await advance(c, '2026-03-25T00:00:00Z');
    const events = await eventsOf(customer);
    expect(events.map((e) => [e.type, e.aggregateId, e.occurredAt])).toEqual([
      ['quote.expiring', soon, T0],
      ['quote.expiring', sent, '2026-03-17T00:00:00.000Z'],
    ]);
    expect(events[1].data).toMatchObject({ id: sent, status: 'SENT', validUntil: '2026-03-20T00:00:00.000Z', total: '20.00' });
  });
});

describe('the real clock', () => {
  it('leaves test-clock customers to their clocks: runBilling emits nothing of theirs, however late', async () => {
    const c = await newClock();
    const customer = await customerOn(c);
    await subscribe(t, customer, { items: [{ priceCode: 'seat', quantity: '1' }], trialDays: 2 });
    // The real clock runs late (runBilling refuses an instant after it); the test clock stays behind.
    clock.set(new Date('2026-03-10T00:00:00Z'));
    await must(t, runBillingQ, { at: '2026-03-10T00:00:00Z' });
    expect(await eventsOf(customer)).toEqual([]);
    await advance(c, '2026-03-02T00:00:00Z');
    expect(brief(await eventsOf(customer))).toEqual([['subscription.trial_ending', T0]]);
  });

  async function twoDue(): Promise<{ customers: string[]; run: () => ReturnType<typeof runLifecycleSignals> }> {
    const c = await newClock();
    const customers = [await customerOn(c), await customerOn(c)];
    for (const customer of customers) await subscribe(t, customer, { items: [{ priceCode: 'seat', quantity: '1' }], trialDays: 1 });
    const run = () =>
      runLifecycleSignals({
        fork: () => t.app.db.orm.em.fork(),
        at: new Date('2026-03-02T00:00:00Z'),
        clock,
        actor: runner,
        customerIds: customers,
      });
    return { customers, run };
  }

  it('emits each signal once however often the job runs', async () => {
    const { customers, run } = await twoDue();
    expect(await run()).toEqual({ signalsEmitted: 2, signalsFailed: 0 });
    expect(await run()).toEqual({ signalsEmitted: 0, signalsFailed: 0 });
    for (const customer of customers) expect(await eventsOf(customer)).toHaveLength(1);
  });

  // The embedded database runs one statement at a time: racing runs need a real server.
  if (process.env.DATABASE_URL)
    it('emits each signal once however many runs race for it', async () => {
      const { customers, run } = await twoDue();
      const results = await Promise.all([run(), run(), run(), run()]);
      expect(results.reduce((n, r) => n + r.signalsEmitted, 0)).toBe(2);
      expect(results.every((r) => r.signalsFailed === 0)).toBe(true);
      for (const customer of customers) expect(await eventsOf(customer)).toHaveLength(1);
      const rows = await boundRows<{ n: number }>(
        t.app.db.orm.em.fork(),
        'select count(*)::int as n from lifecycle_signal where customer_id = any(?::uuid[])',
        [customers],
      );
      expect(rows[0].n).toBe(2);
      expect((await run()).signalsEmitted).toBe(0);
    });
});

describe('webhooks', () => {
  it('deliver the signals as ordinary outbox events to an endpoint subscribed to them, and nothing else', async () => {
    await h.createEndpoint(receiver.url, [
      'subscription.trial_ending',
      'subscription.renewal_upcoming',
      'usage.*',
      'payment_method.expiring',
      'quote.expiring',
    ]);
    const c = await newClock();
    const [trial, yearly] = [await customerOn(c), await customerOn(c)];
    await subscribe(t, trial, {
      items: [
        { priceCode: 'seat', quantity: '1' },
        { priceCode: 'api', quantity: '1' },
      ],
      trialDays: 2,
    });
    const sub = await subscribe(t, yearly, { items: [{ priceCode: 'annual', quantity: '1' }] });
    await must(t, 'mutation($input: AttachPaymentMethodInput!) { attachPaymentMethod(input: $input) { id } }', {
      input: { customerId: yearly, provider: 'sandbox', token: 'pm_sandbox_ok', expiresAt: '2026-03-20T00:00:00Z' },
    });
    const quote = (
      await must(t, 'mutation($input: CreateQuoteInput!) { createQuote(input: $input) { id } }', {
        input: { customerId: yearly, currency: 'EUR', lines: [{ priceCode: 'seat', quantity: '1' }], validUntil: '2026-03-02T00:00:00Z' },
      })
    ).createQuote.id;
    await must(t, 'mutation($id: ID!) { sendQuote(id: $id) { id } }', { id: quote });
    const usageSub = (await eventsOf(trial, ['subscription.created']))[0].aggregateId;
    await must(t, thresholdQ, { s: usageSub, m: 'calls', v: '10' });
    clock.set(new Date('2026-03-02T00:00:00Z'));
    await recordUsage(trial, 'calls', [['2026-03-01T06:00:00Z', '10']]);
    await advance(c, '2027-02-23T00:00:00Z');

    const emitted = [...(await eventsOf(trial)), ...(await eventsOf(yearly))];
    expect(new Set(emitted.map((e) => e.type))).toEqual(new Set(SIGNAL_TYPES));
    expect(emitted.find((e) => e.type === 'subscription.renewal_upcoming')?.aggregateId).toBe(sub);
    const ids = (
      await boundRows<{ id: string }>(
        t.app.db.orm.em.fork(),
        'select id from domain_event where type = any(?::text[]) and customer_id = any(?::uuid[])',
        [SIGNAL_TYPES, [trial, yearly]],
      )
    ).map((r) => r.id);
    expect(ids).toHaveLength(emitted.length);
    const received = await eventually(
      async () => {
        await h.pass();
        return receiver.accepted();
      },
      { until: (accepted) => accepted.length >= ids.length, what: `${ids.length} signals delivered`, timeoutMs: 30_000, intervalMs: 0 },
    );
    // Every signal, once, and nothing else of all these customers did.
    expect(received.map((b) => b.id).sort()).toEqual(ids.sort());
    expect(received.every((b) => SIGNAL_TYPES.includes(b.type) && b.data && b.createdAt)).toBe(true);
  }, 60_000);
});
