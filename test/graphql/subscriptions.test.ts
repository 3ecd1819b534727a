import { ManualClock } from '../../src/domain/shared/clock';
import { startTestApp, TestApp, Untyped } from '../support/app';
import { createCustomer, createPrice, createProduct, must } from '../support/catalog';

const clock = new ManualClock(new Date('2026-03-10T12:00:00Z'));
let t: TestApp;
let customer: string;

const SUB_FIELDS =
  'id status version currency billingAnchor startsAt currentPeriodStart currentPeriodEnd trialEnd cancelAtPeriodEnd items { priceCode quantity price { code version product { code } } } customer { id }';
const create = `mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { ${SUB_FIELDS} } }`;

beforeAll(async () => {
  t = await startTestApp({ clock });
  await createProduct(t, 'plan');
  await createPrice(t, 'seat', { kind: 'per_unit', config: { unitAmount: '10.00' } });
  await createPrice(t, 'base', { kind: 'flat', config: { amount: '100.00' } });
  await createPrice(t, 'calls', {
    kind: 'usage',
    config: { metric: 'calls', aggregation: 'sum', pricing: { kind: 'per_unit', config: { unitAmount: '0.01' } } },
  });
  await createPrice(t, 'seat-yearly', { kind: 'per_unit', config: { unitAmount: '100.00' } }, { interval: 'YEAR' });
  await createPrice(t, 'seat-usd', { kind: 'per_unit', config: { unitAmount: '10.00' } }, { currency: 'USD' });
  await createPrice(t, 'setup', { kind: 'flat', config: { amount: '500.00' } }, { interval: 'ONE_TIME' });
  customer = await createCustomer(t);
});
afterAll(async () => {
  await t.close();
});

describe('createSubscription', () => {
  it('starts now as ACTIVE with a monthly period from now', async () => {
    const { createSubscription: s } = await must(t, create, {
      input: {
        customerId: customer,
        items: [
          { priceCode: 'seat', quantity: '3' },
          { priceCode: 'base', quantity: '1' },
        ],
      },
    });
    expect(s).toMatchObject({
      status: 'ACTIVE',
      version: 1,
      currency: 'EUR',
      trialEnd: null,
      cancelAtPeriodEnd: false,
      currentPeriodStart: '2026-03-10T12:00:00.000Z',
      currentPeriodEnd: '2026-04-10T12:00:00.000Z',
      billingAnchor: '2026-03-10T12:00:00.000Z',
      customer: { id: customer },
    });
    expect(s.items).toEqual([
      { priceCode: 'base', quantity: '1', price: { code: 'base', version: 1, product: { code: 'plan' } } },
      { priceCode: 'seat', quantity: '3', price: { code: 'seat', version: 1, product: { code: 'plan' } } },
    ]);
  });

  it('waits as INCOMPLETE for a future start', async () => {
    const { createSubscription: s } = await must(t, create, {
      input: { customerId: customer, startsAt: '2026-04-01T00:00:00Z', items: [{ priceCode: 'seat', quantity: '1' }] },
    });
    expect(s).toMatchObject({
      status: 'INCOMPLETE',
      currentPeriodStart: '2026-04-01T00:00:00.000Z',
      currentPeriodEnd: '2026-05-01T00:00:00.000Z',
    });
  });

  it('starts a trial as TRIALING, anchored at the trial end', async () => {
    const { createSubscription: s } = await must(t, create, {
      input: { customerId: customer, trialDays: 14, items: [{ priceCode: 'seat', quantity: '1' }] },
    });
    expect(s).toMatchObject({
      status: 'TRIALING',
      trialEnd: '2026-03-24T12:00:00.000Z',
      billingAnchor: '2026-03-24T12:00:00.000Z',
      currentPeriodEnd: '2026-03-24T12:00:00.000Z',
    });
  });

  it('keeps the price version it was sold at when the catalog changes', async () => {
    await createPrice(t, 'pro', { kind: 'per_unit', config: { unitAmount: '20.00' } });
    const { createSubscription: s } = await must(t, create, {
      input: { customerId: customer, items: [{ priceCode: 'pro', quantity: '1' }] },
    });
    await must(
      t,
      'mutation { updatePrice(code: "pro", input: { rule: { kind: "per_unit", config: { unitAmount: "25.00" } } }) { version } }',
    );
    const { subscription } = await must(t, 'query($id: ID!) { subscription(id: $id) { items { price { version rule { config } } } } }', {
      id: s.id,
    });
    expect(subscription.items[0].price).toEqual({ version: 1, rule: { config: { unitAmount: '20.00' } } });
  });

  it.each([
    ['no items', { items: [] }, 'input.items'],
    ['an unknown price', { items: [{ priceCode: 'ghost', quantity: '1' }] }, 'input.items[0].priceCode'],
    ['a price in another currency', { items: [{ priceCode: 'seat-usd', quantity: '1' }] }, 'input.items[0].priceCode'],
    ['a one-time price', { items: [{ priceCode: 'setup', quantity: '1' }] }, 'input.items[0].priceCode'],
    [
      'mixed billing cycles',
      {
        items: [
          { priceCode: 'seat', quantity: '1' },
          { priceCode: 'seat-yearly', quantity: '1' },
        ],
      },
      'input.items[1].priceCode',
    ],
    [
      'the same price twice',
      {
        items: [
          { priceCode: 'seat', quantity: '1' },
          { priceCode: 'seat', quantity: '2' },
        ],
      },
      'input.items[1].priceCode',
    ],
    ['a negative quantity', { items: [{ priceCode: 'seat', quantity: '-1' }] }, 'input.items[0].quantity'],
    ['a trial of -1 days', { trialDays: -1, items: [{ priceCode: 'seat', quantity: '1' }] }, 'input.trialDays'],
  ])('refuses %s with BAD_USER_INPUT', async (_what, input, field) => {
    const res = await t.gql(create, { input: { customerId: customer, ...input } });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('refuses an unknown customer with NOT_FOUND', async () => {
    const res = await t.gql(create, {
      input: { customerId: '00000000-0000-4000-8000-000000000000', items: [{ priceCode: 'seat', quantity: '1' }] },
    });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.customerId' });
  });
});

describe('reading subscriptions', () => {
  it('lists by customer and status, with history', async () => {
    const other = await createCustomer(t);
    await must(t, create, { input: { customerId: other, items: [{ priceCode: 'seat', quantity: '2' }] } });
    clock.advanceSeconds(1); // lists are ordered by creation
    await must(t, create, { input: { customerId: other, trialDays: 7, items: [{ priceCode: 'seat', quantity: '2' }] } });
    const all = await must(
      t,
      'query($c: ID) { subscriptions(customerId: $c) { edges { node { status history { type version actor } } } } }',
      { c: other },
    );
    expect(all.subscriptions.edges.map((e: any) => e.node.status)).toEqual(['ACTIVE', 'TRIALING']);
    expect(all.subscriptions.edges[0].node.history).toEqual([{ type: 'created', version: 1, actor: 'TARIFF_ADMIN_KEY' }]);
    const trials = await must(t, 'query($c: ID) { subscriptions(customerId: $c, status: TRIALING) { edges { node { status } } } }', {
      c: other,
    });
    expect(trials.subscriptions.edges).toHaveLength(1);
  });

  it('shows a CUSTOMER key its own subscriptions only', async () => {
    const mine = await createCustomer(t);
    const { createSubscription: s } = await must(t, create, { input: { customerId: mine, items: [{ priceCode: 'seat', quantity: '1' }] } });
    const key = (
      await must(t, 'mutation($c: ID) { createApiKey(input: { role: CUSTOMER, customerId: $c, name: "portal" }) { secret } }', { c: mine })
    ).createApiKey.secret;
    const list = await t.gql<Untyped>('{ subscriptions(first: 100) { edges { node { id customer { id } } } } }', undefined, key);
    expect(list.data?.subscriptions.edges.map((e: any) => e.node.id)).toEqual([s.id]);
    const foreign = await t.gql<Untyped>('query($c: ID) { subscriptions(customerId: $c) { edges { node { id } } } }', { c: customer }, key);
    expect(foreign.data?.subscriptions.edges).toEqual([]);
    const others = (await must(t, create, { input: { customerId: customer, items: [{ priceCode: 'seat', quantity: '1' }] } }))
      .createSubscription.id;
    const read = await t.gql('query($id: ID!) { subscription(id: $id) { id } }', { id: others }, key);
    expect(read.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const write = await t.gql('mutation($id: ID!) { pauseSubscription(id: $id) { id } }', { id: others }, key);
    expect(write.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('scheduled changes', () => {
  const schedule =
    'mutation($input: ScheduleChangeInput!) { scheduleChange(input: $input) { id effectiveAt status items { priceCode quantity } } }';

  it('schedules a downgrade for the period end, shows it, and cancels it', async () => {
    const { createSubscription: s } = await must(t, create, {
      input: { customerId: customer, items: [{ priceCode: 'seat', quantity: '10' }] },
    });
    const { scheduleChange: c } = await must(t, schedule, { input: { id: s.id, items: [{ priceCode: 'seat', quantity: '4' }] } });
    expect(c).toMatchObject({ effectiveAt: s.currentPeriodEnd, status: 'PENDING', items: [{ priceCode: 'seat', quantity: '4' }] });
    const read = await must(
      t,
      'query($id: ID!) { subscription(id: $id) { version items { quantity } pendingProrations { amount } scheduledChange { id } } }',
      { id: s.id },
    );
    // Nothing changes until the period ends, and nothing is prorated.
    expect(read.subscription).toEqual({ version: 2, items: [{ quantity: '10' }], pendingProrations: [], scheduledChange: { id: c.id } });
    const again = await t.gql(schedule, { input: { id: s.id, items: [{ priceCode: 'seat', quantity: '3' }] } });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    const canceled = await must(t, 'mutation($id: ID!) { cancelScheduledChange(subscriptionId: $id) { status } }', { id: s.id });
    expect(canceled.cancelScheduledChange.status).toBe('CANCELED');
    const after = await must(t, 'query($id: ID!) { subscription(id: $id) { scheduledChange { id } } }', { id: s.id });
    expect(after.subscription.scheduledChange).toBeNull();
    const none = await t.gql('mutation($id: ID!) { cancelScheduledChange(subscriptionId: $id) { status } }', { id: s.id });
    expect(none.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses a schedule on a subscription that ends at its period end, or with bad items', async () => {
    const { createSubscription: s } = await must(t, create, {
      input: { customerId: customer, items: [{ priceCode: 'seat', quantity: '1' }] },
    });
    const bad = await t.gql(schedule, { input: { id: s.id, items: [{ priceCode: 'seat-yearly', quantity: '1' }] } });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.items[0].priceCode' });
    await must(t, 'mutation($id: ID!) { cancelSubscription(id: $id, atPeriodEnd: true) { id } }', { id: s.id });
    const ending = await t.gql(schedule, { input: { id: s.id, items: [{ priceCode: 'seat', quantity: '2' }] } });
    expect(ending.errors?.[0].extensions?.code).toBe('CONFLICT');
  });
});
