import { ManualClock } from '../../src/domain/shared/clock';
import { TestClock, TestClockStatus } from '../../src/domain/test-clocks/test-clock.entity';
import { bill, invoicesOf, subscribe, subscription } from '../jobs/billing-support';
import { startTestApp, TestApp } from '../support/app';
import { createCustomer, createPrice, createProduct, must } from '../support/catalog';

// The request clock stands long after the test clocks: whatever these customers do must read the
// test clock's time, never this one.
const clock = new ManualClock(new Date('2026-11-25T12:00:00Z'));
let t: TestApp;
let salesKey: string;

const CLOCK_FIELDS = 'id name frozenTime status createdAt';
const createClockQ = `mutation($frozenTime: DateTime!, $name: String) { createTestClock(frozenTime: $frozenTime, name: $name) { ${CLOCK_FIELDS} } }`;
const advanceQ = `mutation($id: ID!, $to: DateTime!) { advanceTestClock(id: $id, to: $to) { ${CLOCK_FIELDS} } }`;
const clockQ = `query($id: ID!) { testClock(id: $id) { ${CLOCK_FIELDS} } }`;

async function key(role: string, customerId?: string): Promise<string> {
  return (
    await must(t, 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }', {
      input: { role, name: role.toLowerCase(), customerId },
    })
  ).createApiKey.secret;
}
async function newClock(frozenTime: string, name?: string): Promise<any> {
  return (await must(t, createClockQ, { frozenTime, name })).createTestClock;
}
async function advance(id: string, to: string): Promise<any> {
  return (await must(t, advanceQ, { id, to })).advanceTestClock;
}
async function customerOn(clockId: string): Promise<string> {
  return createCustomer(t, `currency: "EUR", taxStatus: EXEMPT, testClockId: "${clockId}"`);
}
async function errorOf(query: string, variables: Record<string, unknown>, as?: string) {
  const res = await t.gql(query, variables, as);
  expect(res.errors).toHaveLength(1);
  return res.errors![0];
}
async function setStatus(id: string, status: TestClockStatus): Promise<void> {
  await t.app.db.orm.em.fork().nativeUpdate(TestClock, { id }, { status });
}
const month = (m: number) => `2026-${String(m).padStart(2, '0')}-01T00:00:00.000Z`;

beforeAll(async () => {
  t = await startTestApp({ clock });
  await createProduct(t, 'plan');
  await createPrice(t, 'seat', { kind: 'per_unit', config: { unitAmount: '10.00' } });
  salesKey = await key('SALES');
});
afterAll(async () => {
  await t.close();
});

describe('test clocks', () => {
  it('are created READY at their frozen time, read back, and carry their customers', async () => {
    const created = await newClock('2026-01-01T00:00:00Z', 'demo');
    expect(created).toEqual({
      id: expect.any(String),
      name: 'demo',
      frozenTime: month(1),
      status: 'READY',
      createdAt: '2026-11-25T12:00:00.000Z',
    });
    expect((await must(t, clockQ, { id: created.id })).testClock).toEqual(created);
    expect((await must(t, clockQ, { id: created.id }, salesKey)).testClock.id).toBe(created.id);
    expect((await must(t, clockQ, { id: 'nope' })).testClock).toBeNull();

    const customer = await customerOn(created.id);
    const read = (await must(t, 'query($id: ID!) { customer(id: $id) { testClockId testClock { id frozenTime } } }', { id: customer }))
      .customer;
    expect(read).toEqual({ testClockId: created.id, testClock: { id: created.id, frozenTime: month(1) } });
    const plain = await createCustomer(t);
    expect((await must(t, 'query($id: ID!) { customer(id: $id) { testClockId testClock { id } } }', { id: plain })).customer).toEqual({
      testClockId: null,
      testClock: null,
    });
  });

  it('refuses an unknown clock for a new customer, and updateCustomer has no way to set one', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'nope']) {
      const err = await errorOf(
        'mutation($id: ID) { createCustomer(input: { name: "C", email: "c@example.com", currency: "EUR", taxStatus: EXEMPT, testClockId: $id }) { id } }',
        { id },
      );
      expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.testClockId' });
    }
    const customer = await createCustomer(t);
    const res = await t.gql('mutation($id: ID!) { updateCustomer(id: $id, input: { testClockId: "x" }) { id } }', { id: customer });
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('bills a monthly subscription at each boundary it passes, each invoice dated at its boundary', async () => {
    const c = await newClock('2026-01-01T00:00:00Z');
    const customer = await customerOn(c.id);
    const sub = await subscribe(t, customer, { items: [{ priceCode: 'seat', quantity: '2' }] });
    const first = await invoicesOf(t, customer);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({
      periodStart: month(1),
      periodEnd: month(2),
      createdAt: month(1),
      finalizedAt: month(1),
      total: '20.00',
      status: 'OPEN',
    });

    const advanced = await advance(c.id, '2026-04-01T00:00:00Z');
    expect(advanced).toMatchObject({ id: c.id, frozenTime: month(4), status: 'READY' });
    const invoices = await invoicesOf(t, customer);
    expect(invoices.map((i) => [i.periodStart, i.periodEnd, i.createdAt, i.finalizedAt, i.total])).toEqual([
      [month(1), month(2), month(1), month(1), '20.00'],
      [month(2), month(3), month(2), month(2), '20.00'],
      [month(3), month(4), month(3), month(3), '20.00'],
      [month(4), month(5), month(4), month(4), '20.00'],
    ]);
    expect(invoices.every((i) => /^INV-2026-\d{6}$/.test(i.number))).toBe(true);
    expect(await subscription(t, sub)).toMatchObject({ status: 'ACTIVE', currentPeriodStart: month(4), currentPeriodEnd: month(5) });

    // Mid-period, nothing is due: only the time moves.
    expect(await advance(c.id, '2026-04-15T00:00:00Z')).toMatchObject({ frozenTime: '2026-04-15T00:00:00.000Z', status: 'READY' });
    expect(await invoicesOf(t, customer)).toHaveLength(4);
  });

  it('converts a trial when the clock passes its end, and not before', async () => {
    const c = await newClock('2026-01-01T00:00:00Z');
    const customer = await customerOn(c.id);
    const sub = await subscribe(t, customer, { items: [{ priceCode: 'seat', quantity: '1' }], trialDays: 14 });
    expect(await subscription(t, sub)).toMatchObject({ status: 'TRIALING', currentPeriodStart: month(1) });

    await advance(c.id, '2026-01-10T00:00:00Z');
    expect((await subscription(t, sub)).status).toBe('TRIALING');
    expect(await invoicesOf(t, customer)).toEqual([]);

    await advance(c.id, '2026-01-20T00:00:00Z');
    expect((await subscription(t, sub)).status).toBe('ACTIVE');
    const invoices = await invoicesOf(t, customer);
    expect(invoices.map((i) => [i.periodStart, i.periodEnd, i.finalizedAt])).toEqual([
      ['2026-01-15T00:00:00.000Z', '2026-02-15T00:00:00.000Z', '2026-01-15T00:00:00.000Z'],
    ]);
  });

  it('applies a scheduled change at the period end, and prorates a change at the clock’s time', async () => {
    const c = await newClock('2026-01-01T00:00:00Z');
    const customer = await customerOn(c.id);
    const sub = await subscribe(t, customer, { items: [{ priceCode: 'seat', quantity: '1' }] });
    await must(t, 'mutation($input: ScheduleChangeInput!) { scheduleChange(input: $input) { effectiveAt } }', {
      input: { id: sub, items: [{ priceCode: 'seat', quantity: '5' }] },
    });

    await advance(c.id, '2026-02-15T00:00:00Z');
    const after = await subscription(t, sub);
    expect(after).toMatchObject({ items: [{ priceCode: 'seat', quantity: '5' }], scheduledChange: null, currentPeriodStart: month(2) });
    const feb = (await invoicesOf(t, customer))[1];
    expect(feb).toMatchObject({ periodStart: month(2), finalizedAt: month(2), total: '50.00' });

    // Half of February is left at the clock's time (the request clock's November would leave none).
    const changed = await must(
      t,
      'mutation($input: ChangeSubscriptionInput!) { changeSubscription(input: $input) { pendingProrations { amount } } }',
      {
        input: { id: sub, items: [{ priceCode: 'seat', quantity: '6' }] },
      },
    );
    expect(changed.changeSubscription.pendingProrations.map((p: any) => p.amount).sort()).toEqual(['-25.00', '30.00']);
    const history = (await must(t, 'query($id: ID!) { subscription(id: $id) { history { type at } } }', { id: sub })).subscription.history;
    expect(history.find((h: any) => h.type === 'changed').at).toBe('2026-02-15T00:00:00.000Z');
  });

  it('starts a subscription from an accepted quote at the clock’s time', async () => {
    const c = await newClock('2026-03-10T00:00:00Z');
    const customer = await customerOn(c.id);
    const quote = (
      await must(t, 'mutation($input: CreateQuoteInput!) { createQuote(input: $input) { id } }', {
        input: { customerId: customer, currency: 'EUR', lines: [{ priceCode: 'seat', quantity: '3' }] },
      })
    ).createQuote;
    await must(t, 'mutation($id: ID!) { sendQuote(id: $id) { id } }', { id: quote.id });
    const sub = (await must(t, 'mutation($id: ID!) { acceptQuote(id: $id) { id currentPeriodStart currentPeriodEnd } }', { id: quote.id }))
      .acceptQuote;
    expect(sub).toMatchObject({ currentPeriodStart: '2026-03-10T00:00:00.000Z', currentPeriodEnd: '2026-04-10T00:00:00.000Z' });
    expect((await invoicesOf(t, customer))[0]).toMatchObject({ finalizedAt: '2026-03-10T00:00:00.000Z', total: '30.00' });
  });

  it('is left alone by the real billing run, which still bills everyone else', async () => {
    const c = await newClock('2026-01-01T00:00:00Z');
    const onClock = await customerOn(c.id);
    const clockSub = await subscribe(t, onClock, { items: [{ priceCode: 'seat', quantity: '1' }] });
    const ordinary = await createCustomer(t);
    const ordinarySub = await subscribe(t, ordinary, { items: [{ priceCode: 'seat', quantity: '1' }] });

    const result = await bill(t, clock, '2027-06-01T00:00:00Z');
    expect(result.subscriptionsFailed).toBe(0);
    expect(await invoicesOf(t, onClock)).toHaveLength(1);
    expect(await subscription(t, clockSub)).toMatchObject({ currentPeriodStart: month(1), currentPeriodEnd: month(2) });
    expect((await invoicesOf(t, ordinary)).length).toBeGreaterThan(1);
    expect((await subscription(t, ordinarySub)).currentPeriodEnd).toBe('2027-06-25T12:00:00.000Z');

    // The clock still moves it, from where it stood.
    await advance(c.id, '2026-02-01T00:00:00Z');
    expect((await invoicesOf(t, onClock)).map((i) => i.finalizedAt)).toEqual([month(1), month(2)]);
  });

  it('refuses to go back, to stand still, or to leap more than five years', async () => {
    const c = await newClock('2026-01-01T00:00:00Z');
    for (const to of ['2025-12-31T23:59:59Z', '2026-01-01T00:00:00Z', '2031-01-01T00:00:01Z']) {
      const err = await errorOf(advanceQ, { id: c.id, to });
      expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    }
    expect(await advance(c.id, '2031-01-01T00:00:00Z')).toMatchObject({ frozenTime: '2031-01-01T00:00:00.000Z', status: 'READY' });
    expect((await errorOf(advanceQ, { id: '00000000-0000-4000-8000-000000000000', to: '2027-01-01T00:00:00Z' })).extensions?.code).toBe(
      'NOT_FOUND',
    );
    expect((await errorOf(createClockQ, { frozenTime: '9999-01-01T00:00:00Z' })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'frozenTime',
    });
  });

  it('is CONFLICT while advancing, for a second advance and for changes to its customers', async () => {
    const c = await newClock('2026-01-01T00:00:00Z');
    const customer = await customerOn(c.id);
    const sub = await subscribe(t, customer, { items: [{ priceCode: 'seat', quantity: '1' }] });
    await setStatus(c.id, TestClockStatus.ADVANCING);
    expect((await errorOf(advanceQ, { id: c.id, to: '2026-02-01T00:00:00Z' })).extensions?.code).toBe('CONFLICT');
    expect((await errorOf('mutation($id: ID!) { pauseSubscription(id: $id) { id } }', { id: sub })).extensions?.code).toBe('CONFLICT');
    const create = await errorOf('mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }', {
      input: { customerId: customer, items: [{ priceCode: 'seat', quantity: '1' }] },
    });
    expect(create.extensions?.code).toBe('CONFLICT');
    expect(await invoicesOf(t, customer)).toHaveLength(1);
    expect((await subscription(t, sub)).status).toBe('ACTIVE');

    await setStatus(c.id, TestClockStatus.READY);
    expect(await advance(c.id, '2026-02-01T00:00:00Z')).toMatchObject({ status: 'READY' });
    expect(await invoicesOf(t, customer)).toHaveLength(2);
  });

  // On PostgreSQL these really overlap; on the embedded database they run one after the other,
  // and the same assertions hold.
  it('lets a change to its customer land before an advance or after it, never in the middle', async () => {
    const c = await newClock('2026-01-01T00:00:00Z');
    const customer = await customerOn(c.id);
    const sub = await subscribe(t, customer, { items: [{ priceCode: 'seat', quantity: '1' }] });
    // The 20 ms only shifts where the pause tends to land; every landing is asserted below, so it decides nothing.
    const [advanced, paused] = await Promise.all([
      t.gql(advanceQ, { id: c.id, to: '2027-01-01T00:00:00Z' }),
      new Promise((resolve) => setTimeout(resolve, 20)).then(() =>
        t.gql('mutation($id: ID!) { pauseSubscription(id: $id) { id } }', { id: sub }),
      ),
    ]);
    expect(advanced.errors).toBeUndefined();
    const invoices = await invoicesOf(t, customer);
    expect(invoices.every((i) => i.finalizedAt === i.periodStart)).toBe(true);
    if (paused.errors) {
      expect(paused.errors[0].extensions?.code).toBe('CONFLICT');
      expect(invoices).toHaveLength(13);
    } else {
      const history = (await must(t, 'query($id: ID!) { subscription(id: $id) { history { type at } } }', { id: sub })).subscription
        .history;
      const at = history.find((h: any) => h.type === 'paused').at;
      expect([
        [month(1), 1],
        ['2027-01-01T00:00:00.000Z', 13],
      ]).toContainEqual([at, invoices.length]);
    }
  });

  it('runs one advance of a clock at a time', async () => {
    const c = await newClock('2026-01-01T00:00:00Z');
    const customer = await customerOn(c.id);
    await subscribe(t, customer, { items: [{ priceCode: 'seat', quantity: '1' }] });
    const results = await Promise.all(['2026-07-01T00:00:00Z', '2026-04-01T00:00:00Z'].map((to) => t.gql(advanceQ, { id: c.id, to })));
    const codes = results.flatMap((r) => r.errors?.map((e) => e.extensions?.code) ?? []);
    expect(codes.length).toBeLessThan(2);
    for (const code of codes) expect(['CONFLICT', 'BAD_USER_INPUT']).toContain(code);
    const frozen = (await must(t, clockQ, { id: c.id })).testClock;
    expect(frozen.status).toBe('READY');
    const invoices = await invoicesOf(t, customer);
    expect(invoices.map((i) => i.finalizedAt)).toEqual(invoices.map((_, m) => month(m + 1)));
    expect(invoices[invoices.length - 1].periodStart).toBe(frozen.frozenTime);
  });

  it('stops at the last instant reached, READY, when billing fails on the way, and resumes from there', async () => {
    const c = await newClock('2026-01-01T00:00:00Z');
    const customer = await customerOn(c.id);
    const sub = await subscribe(t, customer, { items: [{ priceCode: 'seat', quantity: '1' }] });
    // An invoice already holding March's billing key makes that boundary fail (the key is unique).
    const em = t.app.db.orm.em.fork();
    const columns = (
      await em.execute<{ c: string }[]>(
        `select string_agg(quote_ident(column_name), ',') as c from information_schema.columns where table_schema = current_schema() and table_name = 'invoice' and column_name not in ('id', 'number', 'billing_key')`,
      )
    )[0].c;
    const marchKey = `${sub}:${month(3)}`;
    await em.execute(
      `insert into invoice (id, number, billing_key, ${columns}) select gen_random_uuid(), null, ?, ${columns} from invoice where subscription_id = ?`,
      [marchKey, sub],
    );

    const err = await errorOf(advanceQ, { id: c.id, to: '2026-04-01T00:00:00Z' });
    expect(err.extensions?.code).toBe('CONFLICT');
    expect((await must(t, clockQ, { id: c.id })).testClock).toMatchObject({ frozenTime: month(3), status: 'READY' });
    expect((await subscription(t, sub)).currentPeriodStart).toBe(month(2));

    await em.execute('delete from invoice where billing_key = ?', [marchKey]);
    expect(await advance(c.id, '2026-04-01T00:00:00Z')).toMatchObject({ frozenTime: month(4), status: 'READY' });
    const invoices = (await invoicesOf(t, customer)).filter((i) => i.number);
    expect(invoices.map((i) => [i.periodStart, i.finalizedAt])).toEqual([1, 2, 3, 4].map((m) => [month(m), month(m)]));
  });

  it('is ADMIN only to create and advance; SALES may read; other keys may not', async () => {
    const c = await newClock('2026-01-01T00:00:00Z');
    const customer = await customerOn(c.id);
    const customerKey = await key('CUSTOMER', customer);
    const partnerKey = await key('PARTNER');
    for (const as of [salesKey, customerKey, partnerKey]) {
      expect((await errorOf(createClockQ, { frozenTime: '2026-01-01T00:00:00Z' }, as)).extensions?.code).toBe('FORBIDDEN');
      expect((await errorOf(advanceQ, { id: c.id, to: '2026-02-01T00:00:00Z' }, as)).extensions?.code).toBe('FORBIDDEN');
    }
    for (const as of [customerKey, partnerKey]) expect((await errorOf(clockQ, { id: c.id }, as)).extensions?.code).toBe('FORBIDDEN');
    // A customer key reads which clock its account lives on, not the clock itself.
    expect(
      (await must(t, 'query($id: ID!) { customer(id: $id) { testClockId } }', { id: customer }, customerKey)).customer.testClockId,
    ).toBe(c.id);
    expect((await must(t, clockQ, { id: c.id })).testClock).toMatchObject({ frozenTime: month(1), status: 'READY' });
  });
});
