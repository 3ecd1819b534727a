import fc from 'fast-check';
import { ManualClock } from '../../src/domain/shared/clock';
import { Decimal, aggregateUsage, type UsageAggregation } from '../../src/pricing';
import { startTestApp, TestApp, Untyped } from '../support/app';
import { createCustomer, createPrice, createProduct, must } from '../support/catalog';

const START = '2026-03-10T12:00:00.000Z';
const END = '2026-04-10T12:00:00.000Z';
const clock = new ManualClock(new Date(START));
let t: TestApp;

const record = 'mutation($events: [UsageEventInput!]!) { recordUsage(events: $events) { accepted duplicates } }';
const summaryQuery = `query($s: ID!, $m: String!, $from: DateTime, $to: DateTime, $p: String) {
  usageSummary(subscriptionId: $s, metric: $m, from: $from, to: $to, priceCode: $p) { metric aggregation priceCode from to quantity amount currency steps }
}`;

/** metric → the price metering it, with its aggregation. */
const meters: Record<UsageAggregation, { metric: string; price: string }> = {
  sum: { metric: 'api_calls', price: 'calls' },
  count: { metric: 'requests', price: 'requests' },
  max: { metric: 'storage.gb', price: 'storage' },
  unique_count: { metric: 'active-users', price: 'users' },
  last: { metric: 'seats', price: 'seats' },
};
const aggregations = Object.keys(meters) as UsageAggregation[];

let seq = 0;
interface Ev {
  id: string;
  customerId: string;
  metric: string;
  value: string;
  timestamp: string;
  uniqueKey?: string | null;
}
const ev = (customerId: string, fields: Partial<Ev> = {}): Ev => ({
  id: `evt-${++seq}`,
  customerId,
  metric: 'api_calls',
  value: '1',
  timestamp: START,
  ...fields,
});

async function subscribe(customerId: string, codes: string[]): Promise<string> {
  const data = await must(t, 'mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }', {
    input: { customerId, items: codes.map((priceCode) => ({ priceCode, quantity: '1' })) },
  });
  return data.createSubscription.id;
}

async function keyFor(role: string, customerId?: string): Promise<string> {
  const data = await must(t, 'mutation($r: Role!, $c: ID) { createApiKey(input: { role: $r, customerId: $c, name: "k" }) { secret } }', {
    r: role,
    c: customerId,
  });
  return data.createApiKey.secret;
}

async function summary(s: string, m: string, window: { from?: string; to?: string; p?: string } = {}, key?: string) {
  return t.gql<Untyped>(summaryQuery, { s, m, ...window }, key);
}

async function quantity(s: string, m: string, from: string, to: string): Promise<string> {
  const res = await summary(s, m, { from, to });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.usageSummary.quantity;
}

let customer: string;

beforeAll(async () => {
  t = await startTestApp({ clock });
  await createProduct(t, 'plan');
  const perUnit = (unitAmount: string) => ({ kind: 'per_unit', config: { unitAmount } });
  for (const aggregation of aggregations) {
    const { metric, price } = meters[aggregation];
    const pricing =
      aggregation === 'max'
        ? {
            kind: 'graduated',
            config: {
              tiers: [
                { upTo: 10, unitAmount: '1.00' },
                { upTo: null, unitAmount: '0.50' },
              ],
            },
          }
        : perUnit(aggregation === 'sum' ? '0.01' : '2.00');
    await createPrice(t, price, { kind: 'usage', config: { metric, aggregation, pricing } });
  }
  await createPrice(t, 'base', { kind: 'flat', config: { amount: '100.00' } });
  customer = await createCustomer(t);
});
afterAll(async () => {
  await t.close();
});

describe('recordUsage', () => {
  it('counts a resent batch as duplicates, and repeats inside one batch', async () => {
    const batch = [ev(customer), ev(customer), ev(customer)];
    expect((await must(t, record, { events: batch })).recordUsage).toEqual({ accepted: 3, duplicates: 0 });
    expect((await must(t, record, { events: batch })).recordUsage).toEqual({ accepted: 0, duplicates: 3 });
    const fresh = ev(customer);
    const repeated = [fresh, fresh, { ...fresh, customerId: customer.toUpperCase() }, batch[0], ev(customer)];
    expect((await must(t, record, { events: repeated })).recordUsage).toEqual({ accepted: 2, duplicates: 3 });
  });

  it('keeps the first copy of an id resent with other content (a duplicate, not an update)', async () => {
    const other = await createCustomer(t);
    const otherSub = await subscribe(other, ['calls']);
    const first = ev(other, { value: '5' });
    await must(t, record, { events: [first] });
    const changed = await must(t, record, {
      events: [
        { ...first, value: '500' },
        { ...first, value: '7' },
      ],
    });
    expect(changed.recordUsage).toEqual({ accepted: 0, duplicates: 2 });
    expect(await quantity(otherSub, 'api_calls', START, END)).toBe('5');
    // The same id is another event for another customer.
    expect((await must(t, record, { events: [{ ...first, customerId: customer }] })).recordUsage).toEqual({ accepted: 1, duplicates: 0 });
  });

  it('takes 1,000 events at once and refuses 0 or 1,001 at `events`', async () => {
    const thousand = Array.from({ length: 1000 }, () => ev(customer, { metric: 'bulk' }));
    expect((await must(t, record, { events: thousand })).recordUsage).toEqual({ accepted: 1000, duplicates: 0 });
    for (const events of [[...thousand, ev(customer)], []]) {
      const res = await t.gql(record, { events });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'events' });
    }
  });

  const tomorrow = new Date(Date.parse(START) + 86_400_000);
  it.each([
    ['an empty id', { id: '' }, 'id'],
    ['a blank id', { id: '   ' }, 'id'],
    ['an id of 256 characters', { id: 'x'.repeat(256) }, 'id'],
    ['an empty metric', { metric: '' }, 'metric'],
    ['a metric with surrounding spaces', { metric: ' api_calls' }, 'metric'],
    ['a negative value', { value: '-0.5' }, 'value'],
    ['an exponent value', { value: '1e3' }, 'value'],
    ['a timestamp more than a day ahead', { timestamp: new Date(tomorrow.getTime() + 1).toISOString() }, 'timestamp'],
    ['an empty uniqueKey', { uniqueKey: '' }, 'uniqueKey'],
    ['a uniqueKey of 256 characters', { uniqueKey: 'k'.repeat(256) }, 'uniqueKey'],
    ['a customerId that is no id', { customerId: 'acme' }, 'customerId'],
    ['an id with a lone surrogate', { id: 'evt-\uD800' }, 'id'],
    ['a uniqueKey with a lone surrogate', { uniqueKey: '\uDC00x' }, 'uniqueKey'],
    ['a metric with a NUL', { metric: 'api\u0000calls' }, 'metric'],
  ])('refuses %s at events[1].<field> and writes nothing', async (_what, fields, field) => {
    const good = ev(customer, { metric: 'validation' });
    const res = await t.gql(record, { events: [good, ev(customer, { metric: 'validation', ...fields })] });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: `events[1].${field}` });
    expect((await must(t, record, { events: [good] })).recordUsage.accepted).toBe(1);
  });

  it('stores any well-formed text as sent', async () => {
    const odd = ev(customer, { id: "evt-😀𝄞-'; drop table usage_event; --", metric: 'api calls / Zürich', uniqueKey: '%_\\"{}[]' });
    expect((await must(t, record, { events: [odd] })).recordUsage).toEqual({ accepted: 1, duplicates: 0 });
    expect((await must(t, record, { events: [odd] })).recordUsage).toEqual({ accepted: 0, duplicates: 1 });
    const stored = await t.app.db.orm.em
      .fork()
      .execute('select event_id, metric, unique_key, value from usage_event where event_id = ?', [odd.id]);
    expect(stored).toEqual([{ event_id: odd.id, metric: odd.metric, unique_key: odd.uniqueKey, value: '1' }]);
  });

  it('accepts a timestamp exactly a day ahead, and any old one', async () => {
    const events = [
      ev(customer, { metric: 'edge', timestamp: tomorrow.toISOString() }),
      ev(customer, { metric: 'edge', timestamp: '2001-01-01T00:00:00Z' }),
    ];
    expect((await must(t, record, { events })).recordUsage).toEqual({ accepted: 2, duplicates: 0 });
  });

  it('lists every problem of a batch in `issues`', async () => {
    const res = await t.gql<Untyped>(record, {
      events: [ev(customer, { value: '-1' }), ev(customer), ev(customer, { id: '', metric: '' })],
    });
    expect((res.errors?.[0].extensions?.issues as { field: string }[]).map((i) => i.field)).toEqual([
      'events[0].value',
      'events[2].id',
      'events[2].metric',
    ]);
  });

  it('refuses an unknown customer at its path and writes nothing of the batch', async () => {
    const good = ev(customer, { metric: 'unknown-customer' });
    const res = await t.gql(record, { events: [good, ev('00000000-0000-4000-8000-000000000000')] });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'events[1].customerId' });
    expect((await must(t, record, { events: [good] })).recordUsage).toEqual({ accepted: 1, duplicates: 0 });
  });

  it.each(['SALES', 'PARTNER', 'CUSTOMER'])('is FORBIDDEN to a %s key, even for its own customer', async (role) => {
    const key = await keyFor(role, role === 'CUSTOMER' ? customer : undefined);
    const res = await t.gql(record, { events: [ev(customer)] }, key);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('usageSummary', () => {
  const ms = (iso: string, delta: number) => new Date(Date.parse(iso) + delta).toISOString();
  // Per aggregation: events just before, at, inside and just before the end of the period, and at its end.
  const boundary: Record<UsageAggregation, { value: string; uniqueKey?: string; at: string }[]> = {
    sum: [
      { value: '1000', at: ms(START, -1) },
      { value: '1', at: START },
      { value: '2.5', at: ms(START, 3_600_000) },
      { value: '4', at: ms(END, -1) },
      { value: '700', at: END },
    ],
    count: [
      { value: '1', at: ms(START, -1) },
      { value: '0', at: START },
      { value: '3', at: ms(END, -1) },
      { value: '1', at: END },
      { value: '1', at: END },
    ],
    max: [
      { value: '99', at: ms(START, -1) },
      { value: '12', at: START },
      { value: '3', at: ms(END, -1) },
      { value: '50', at: END },
    ],
    unique_count: [
      { value: '1', uniqueKey: 'zoe', at: ms(START, -1) },
      { value: '1', uniqueKey: 'ann', at: START },
      { value: '1', uniqueKey: 'bob', at: ms(START, 60_000) },
      { value: '1', uniqueKey: 'ann', at: ms(END, -1) },
      { value: '1', at: ms(END, -2) },
      { value: '1', uniqueKey: 'cy', at: END },
    ],
    last: [
      { value: '9', at: ms(START, -1) },
      { value: '4', at: START },
      { value: '7', at: ms(END, -1) },
      { value: '5', at: ms(END, -1) },
      { value: '30', at: END },
    ],
  };
  const expected: Record<UsageAggregation, { quantity: string; amount: string; next: string }> = {
    sum: { quantity: '7.5', amount: '0.08', next: '700' },
    count: { quantity: '2', amount: '4.00', next: '2' },
    max: { quantity: '12', amount: '11.00', next: '50' },
    unique_count: { quantity: '2', amount: '4.00', next: '1' },
    last: { quantity: '7', amount: '14.00', next: '30' },
  };

  // A customer of its own: recordUsage's tests above add usage to theirs.
  let metered: string;
  let sub: string;
  beforeAll(async () => {
    metered = await createCustomer(t);
    sub = await subscribe(metered, ['base', ...aggregations.map((a) => meters[a].price)]);
    clock.set(new Date(END)); // so that events at the period end are not in the future
    const events = aggregations.flatMap((a) =>
      boundary[a].map((e) => ev(metered, { metric: meters[a].metric, value: e.value, timestamp: e.at, uniqueKey: e.uniqueKey ?? null })),
    );
    await must(t, record, { events });
    clock.set(new Date(START));
  });

  it.each(aggregations)('%s: the current period [start, end) by default', async (aggregation) => {
    const { metric, price } = meters[aggregation];
    const res = await summary(sub, metric);
    expect(res.data?.usageSummary).toMatchObject({
      metric,
      aggregation,
      priceCode: price,
      from: START,
      to: END,
      currency: 'EUR',
      quantity: expected[aggregation].quantity,
      amount: expected[aggregation].amount,
    });
    expect(res.data?.usageSummary.steps[0]).toContain(`usage: ${expected[aggregation].quantity} ${metric} (${aggregation}`);
    const inWindow = boundary[aggregation].filter((e) => e.at >= START && e.at < END);
    const pure = aggregateUsage(
      aggregation,
      inWindow.map((e) => ({ value: new Decimal(e.value), uniqueKey: e.uniqueKey ?? null, timestamp: new Date(e.at) })),
    );
    expect(res.data?.usageSummary.quantity).toBe(pure.toFixed());
  });

  it.each(aggregations)('%s: an event at the end belongs to the next window', async (aggregation) => {
    expect(await quantity(sub, meters[aggregation].metric, END, '2026-05-10T12:00:00Z')).toBe(expected[aggregation].next);
  });

  it('agrees with aggregateUsage on generated events, ties on `last` included', async () => {
    const event = fc.record({
      value: fc.integer({ min: 0, max: 100_000 }).map((n) => new Decimal(n).div(1000)),
      uniqueKey: fc.option(fc.constantFrom('a', 'b', 'c', 'd', 'e')),
      minute: fc.integer({ min: 0, max: 30 }),
    });
    const samples = fc.sample(fc.array(event, { minLength: 0, maxLength: 40 }), { numRuns: 6, seed: 20261125 });
    for (const [run, list] of samples.entries()) {
      const from = new Date(Date.UTC(2024, run, 1));
      const to = new Date(Date.UTC(2024, run, 1, 0, 31));
      const stored = list.map((e) => ({ ...e, timestamp: new Date(from.getTime() + e.minute * 60_000) }));
      const events = aggregations.flatMap((a) =>
        stored.map((e) =>
          ev(metered, { metric: meters[a].metric, value: e.value.toFixed(), uniqueKey: e.uniqueKey, timestamp: e.timestamp.toISOString() }),
        ),
      );
      // Sent in reverse: the order of arrival must not matter.
      if (events.length > 0) await must(t, record, { events: events.reverse() });
      for (const aggregation of aggregations) {
        const got = await quantity(sub, meters[aggregation].metric, from.toISOString(), to.toISOString());
        expect([run, aggregation, got]).toEqual([run, aggregation, aggregateUsage(aggregation, stored).toFixed()]);
      }
    }
  });

  it('counts a late event in its own period, not in the one it arrived in', async () => {
    const late = await createCustomer(t);
    const lateSub = await subscribe(late, ['calls']);
    const NEXT = '2026-05-10T12:00:00.000Z';
    clock.set(new Date('2026-04-20T00:00:00Z'));
    try {
      await must(t, record, {
        events: [ev(late, { value: '40', timestamp: '2026-03-15T00:00:00Z' }), ev(late, { value: '2', timestamp: '2026-04-15T00:00:00Z' })],
      });
      expect(await quantity(lateSub, 'api_calls', START, END)).toBe('40');
      expect(await quantity(lateSub, 'api_calls', END, NEXT)).toBe('2');
    } finally {
      clock.set(new Date(START));
    }
  });

  it("applies the customer's contract to the usage price", async () => {
    const acme = await createCustomer(t);
    await must(t, 'mutation($input: CreateContractInput!) { createContract(input: $input) { id } }', {
      input: { customerId: acme, code: 'ACME-1', startsAt: '2026-01-01T00:00:00Z', items: [{ priceCode: 'calls', discountPercent: '10' }] },
    });
    const acmeSub = await subscribe(acme, ['calls']);
    await must(t, record, { events: ['1000', '200', '34'].map((value) => ev(acme, { value, timestamp: ms(START, 1000) })) });
    const s = (await summary(acmeSub, 'api_calls')).data?.usageSummary;
    // 1234 × 0.01 = 12.34, −10 % = 11.106, rounded once: 11.11.
    expect(s).toMatchObject({ quantity: '1234', amount: '11.11' });
    expect(s.steps.join('\n')).toContain('ACME-1');
  });

  it('refuses an unknown subscription, a metric it does not meter and an empty window', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'nope']) {
      expect((await summary(id, 'api_calls')).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'subscriptionId' });
    }
    expect((await summary(sub, 'bulk')).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'metric' });
    expect((await summary(sub, 'api_calls', { p: 'seats' })).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'priceCode',
    });
    expect((await summary(sub, 'api_calls', { from: END, to: START })).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'to',
    });
  });

  it('shows a CUSTOMER key its own usage only; PARTNER keys none', async () => {
    const mine = await createCustomer(t);
    const mySub = await subscribe(mine, ['calls']);
    await must(t, record, { events: [ev(mine, { value: '3' })] });
    const key = await keyFor('CUSTOMER', mine);
    expect((await summary(mySub, 'api_calls', {}, key)).data?.usageSummary.quantity).toBe('3');
    expect((await summary(sub, 'api_calls', {}, key)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await summary(mySub, 'api_calls', {}, await keyFor('PARTNER'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await summary(mySub, 'api_calls', {}, await keyFor('SALES'))).data?.usageSummary.quantity).toBe('3');
  });
});
