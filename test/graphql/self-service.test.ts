import { ManualClock } from '../../src/domain/shared/clock';
import { startTestApp, TestApp, Untyped } from '../support/app';
import { createCustomer, createPrice, createProduct, must } from '../support/catalog';

// A CUSTOMER key changes its own subscriptions within what the seller's settings allow; the
// services enforce it (self-service-policy.ts), so every refusal below comes over plain GraphQL.
const clock = new ManualClock(new Date('2026-03-01T00:00:00Z'));
let t: TestApp;
let alice: string;
let bob: string;
const keys: Record<string, { secret: string; id: string }> = {};

const SUB =
  'id status version cancelAtPeriodEnd items { priceCode quantity } pendingProrations { priceCode amount } history { type actor data }';
const CHANGE = `mutation($input: ChangeSubscriptionInput!) { changeSubscription(input: $input) { ${SUB} } }`;
const READ = `query($id: ID!) { subscription(id: $id) { ${SUB} } }`;

async function key(name: string, role: string, customerId?: string): Promise<{ secret: string; id: string }> {
  const data = await must(t, 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id } } }', {
    input: { role, name, customerId },
  });
  return { secret: data.createApiKey.secret, id: data.createApiKey.apiKey.id };
}

async function settings(input: Record<string, unknown>): Promise<void> {
  await must(t, 'mutation($input: UpdateSellerSettingsInput!) { updateSellerSettings(input: $input) { name } }', { input });
}

async function subscribe(customerId: string, items: { priceCode: string; quantity: string }[]): Promise<string> {
  clock.set(new Date('2026-03-01T00:00:00Z'));
  // Invoiced, not charged: these tests are about who may change what, not about collection.
  const data = await must(t, 'mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }', {
    input: { customerId, items, collection: 'SEND_INVOICE' },
  });
  clock.set(new Date('2026-03-16T00:00:00Z'));
  return data.createSubscription.id;
}

function change(id: string, items: { priceCode: string; quantity: string }[], as: string, extra: Record<string, unknown> = {}) {
  return t.gql<Untyped>(CHANGE, { input: { id, items, ...extra } }, as);
}

async function read(id: string) {
  return (await must(t, READ, { id })).subscription;
}

/** A refusal that names its reason and leaves the subscription exactly as it was. */
async function expectRefused(
  id: string,
  res: { errors?: { message: string; extensions?: Record<string, any> }[] },
  code: string,
  message: RegExp,
  before: unknown,
) {
  expect(res.errors?.[0].extensions?.code).toBe(code);
  expect(res.errors?.[0].message).toMatch(message);
  expect(await read(id)).toEqual(before);
}

const DEFAULTS = {
  allowSelfServicePause: false,
  allowSelfServiceCancel: true,
  allowSelfServiceQuantityChange: true,
  selfServicePriceCodes: ['basic', 'pro', 'pro-usd', 'pro-yearly'],
};

beforeAll(async () => {
  t = await startTestApp({ clock });
  await createProduct(t, 'plan');
  await createPrice(t, 'basic', { kind: 'per_unit', config: { unitAmount: '10.00' } });
  await createPrice(t, 'pro', { kind: 'per_unit', config: { unitAmount: '20.00' } });
  await createPrice(t, 'enterprise', { kind: 'per_unit', config: { unitAmount: '50.00' } });
  await createPrice(t, 'support', { kind: 'flat', config: { amount: '5.00' } });
  await createPrice(t, 'pro-usd', { kind: 'per_unit', config: { unitAmount: '22.00' } }, { currency: 'USD' });
  await createPrice(t, 'pro-yearly', { kind: 'per_unit', config: { unitAmount: '200.00' } }, { interval: 'YEAR' });
  alice = await createCustomer(t);
  bob = await createCustomer(t);
  keys.alice = await key('alice portal', 'CUSTOMER', alice);
  keys.bob = await key('bob portal', 'CUSTOMER', bob);
  keys.sales = await key('sales desk', 'SALES');
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => {
  await settings(DEFAULTS);
});

describe('self-service changes by a CUSTOMER key', () => {
  it('changes a quantity of its own subscription, prorated, recorded with the key that did it', async () => {
    const id = await subscribe(alice, [{ priceCode: 'basic', quantity: '2' }]);
    const res = await change(id, [{ priceCode: 'basic', quantity: '3' }], keys.alice.secret);
    expect(res.errors).toBeUndefined();
    const s = res.data!.changeSubscription;
    expect(s.items).toEqual([{ priceCode: 'basic', quantity: '3' }]);
    // 16 of March's 31 days remain: −20.00 × 16/31 and +30.00 × 16/31.
    expect(s.pendingProrations).toEqual([
      { priceCode: 'basic', amount: '-10.32' },
      { priceCode: 'basic', amount: '15.48' },
    ]);
    const last = s.history.at(-1);
    expect(last).toMatchObject({
      type: 'changed',
      actor: 'alice portal',
      data: { prorationBehavior: 'CREATE_PRORATIONS', by: { keyId: keys.alice.id, role: 'CUSTOMER' } },
    });
    expect(s.history[0].data.by.role).toBe('ADMIN');
  });

  it('refuses a quantity change when the seller does not allow it, naming the setting', async () => {
    const id = await subscribe(alice, [{ priceCode: 'basic', quantity: '2' }]);
    await settings({ allowSelfServiceQuantityChange: false });
    const before = await read(id);
    const res = await change(id, [{ priceCode: 'basic', quantity: '5' }], keys.alice.secret);
    await expectRefused(id, res, 'FORBIDDEN', /allowSelfServiceQuantityChange/, before);
    expect(res.errors?.[0].extensions?.field).toBe('input.items[0].quantity');
  });

  it('switches plans only between the listed prices, within the same currency and interval rules', async () => {
    const id = await subscribe(alice, [{ priceCode: 'basic', quantity: '2' }]);
    const before = await read(id);
    await expectRefused(
      id,
      await change(id, [{ priceCode: 'enterprise', quantity: '2' }], keys.alice.secret),
      'FORBIDDEN',
      /'enterprise'.*selfServicePriceCodes/,
      before,
    );
    await expectRefused(
      id,
      await change(id, [{ priceCode: 'pro-usd', quantity: '2' }], keys.alice.secret),
      'BAD_USER_INPUT',
      /in USD, the customer pays in EUR/,
      before,
    );
    await expectRefused(
      id,
      await change(id, [{ priceCode: 'pro-yearly', quantity: '2' }], keys.alice.secret),
      'BAD_USER_INPUT',
      /bills every 1 YEAR/,
      before,
    );
    const res = await change(id, [{ priceCode: 'pro', quantity: '2' }], keys.alice.secret);
    expect(res.errors).toBeUndefined();
    expect(res.data!.changeSubscription.items).toEqual([{ priceCode: 'pro', quantity: '2' }]);
    expect(res.data!.changeSubscription.pendingProrations).toEqual([
      { priceCode: 'basic', amount: '-10.32' },
      { priceCode: 'pro', amount: '20.65' },
    ]);
  });

  it('cannot drop an item the seller sold outside the listed plans', async () => {
    const id = await subscribe(alice, [
      { priceCode: 'basic', quantity: '1' },
      { priceCode: 'support', quantity: '1' },
    ]);
    const before = await read(id);
    await expectRefused(
      id,
      await change(id, [{ priceCode: 'basic', quantity: '1' }], keys.alice.secret),
      'FORBIDDEN',
      /'support'.*selfServicePriceCodes/,
      before,
    );
    // Keeping it while switching the plan is fine.
    const res = await change(
      id,
      [
        { priceCode: 'pro', quantity: '1' },
        { priceCode: 'support', quantity: '1' },
      ],
      keys.alice.secret,
    );
    expect(res.data?.changeSubscription.items).toEqual(
      expect.arrayContaining([
        { priceCode: 'pro', quantity: '1' },
        { priceCode: 'support', quantity: '1' },
      ]),
    );
  });

  it('without quantity changes, a plan switch keeps the quantity', async () => {
    const id = await subscribe(alice, [{ priceCode: 'basic', quantity: '2' }]);
    await settings({ allowSelfServiceQuantityChange: false });
    const before = await read(id);
    await expectRefused(
      id,
      await change(id, [{ priceCode: 'pro', quantity: '3' }], keys.alice.secret),
      'FORBIDDEN',
      /allowSelfServiceQuantityChange/,
      before,
    );
    const res = await change(id, [{ priceCode: 'pro', quantity: '2.0' }], keys.alice.secret);
    expect(res.data?.changeSubscription.items).toEqual([{ priceCode: 'pro', quantity: '2' }]);
  });

  it('never without prorations: NONE is refused, ALWAYS_INVOICE invoices at once', async () => {
    const id = await subscribe(alice, [{ priceCode: 'basic', quantity: '1' }]);
    const before = await read(id);
    const none = await change(id, [{ priceCode: 'pro', quantity: '1' }], keys.alice.secret, { prorationBehavior: 'NONE' });
    await expectRefused(id, none, 'FORBIDDEN', /always prorated.*NONE/, before);
    expect(none.errors?.[0].extensions?.field).toBe('input.prorationBehavior');
    const invoices =
      'query($c: ID) { invoices(customerId: $c, first: 100) { edges { node { subscription { id } total lines { amount proration } } } } }';
    const count = async () =>
      (await must(t, invoices, { c: alice }, keys.alice.secret)).invoices.edges.filter((e: any) => e.node.subscription?.id === id);
    expect(await count()).toHaveLength(1);
    const res = await change(id, [{ priceCode: 'pro', quantity: '1' }], keys.alice.secret, { prorationBehavior: 'ALWAYS_INVOICE' });
    expect(res.errors).toBeUndefined();
    const after = await count();
    expect(after).toHaveLength(2);
    expect(after[1].node).toMatchObject({
      total: '5.16',
      lines: [
        { amount: '-5.16', proration: true },
        { amount: '10.32', proration: true },
      ],
    });
  });

  it('pauses and resumes only when the seller allows it', async () => {
    const id = await subscribe(alice, [{ priceCode: 'basic', quantity: '1' }]);
    const before = await read(id);
    const pause = 'mutation($id: ID!) { pauseSubscription(id: $id) { status } }';
    const resume = 'mutation($id: ID!) { resumeSubscription(id: $id) { status } }';
    await expectRefused(id, await t.gql(pause, { id }, keys.alice.secret), 'FORBIDDEN', /allowSelfServicePause/, before);
    await settings({ allowSelfServicePause: true });
    expect((await t.gql<Untyped>(pause, { id }, keys.alice.secret)).data?.pauseSubscription.status).toBe('PAUSED');
    await settings({ allowSelfServicePause: false });
    const paused = await read(id);
    await expectRefused(id, await t.gql(resume, { id }, keys.alice.secret), 'FORBIDDEN', /allowSelfServicePause/, paused);
    await settings({ allowSelfServicePause: true });
    expect((await t.gql<Untyped>(resume, { id }, keys.alice.secret)).data?.resumeSubscription.status).toBe('ACTIVE');
    const history = (await read(id)).history.slice(-2);
    expect(history.map((h: any) => [h.type, h.actor, h.data.by.role])).toEqual([
      ['paused', 'alice portal', 'CUSTOMER'],
      ['resumed', 'alice portal', 'CUSTOMER'],
    ]);
  });

  it('cancels at the period end only, and only when the seller allows it', async () => {
    const id = await subscribe(alice, [{ priceCode: 'basic', quantity: '1' }]);
    const cancel = 'mutation($id: ID!, $end: Boolean!) { cancelSubscription(id: $id, atPeriodEnd: $end) { status cancelAtPeriodEnd } }';
    const before = await read(id);
    await expectRefused(
      id,
      await t.gql(cancel, { id, end: false }, keys.alice.secret),
      'FORBIDDEN',
      /only cancel at the period end/,
      before,
    );
    await settings({ allowSelfServiceCancel: false });
    await expectRefused(id, await t.gql(cancel, { id, end: true }, keys.alice.secret), 'FORBIDDEN', /allowSelfServiceCancel/, before);
    await settings({ allowSelfServiceCancel: true });
    expect((await t.gql<Untyped>(cancel, { id, end: true }, keys.alice.secret)).data?.cancelSubscription).toEqual({
      status: 'ACTIVE',
      cancelAtPeriodEnd: true,
    });
    expect((await read(id)).history.at(-1)).toMatchObject({
      type: 'cancel_scheduled',
      actor: 'alice portal',
      data: { by: { keyId: keys.alice.id, role: 'CUSTOMER' } },
    });
  });

  it("touches nothing of another customer's subscriptions, whatever the settings allow", async () => {
    await settings({ allowSelfServicePause: true });
    const id = await subscribe(bob, [{ priceCode: 'basic', quantity: '1' }]);
    const before = await read(id);
    const attempts = [
      change(id, [{ priceCode: 'basic', quantity: '2' }], keys.alice.secret),
      t.gql(
        'query($input: ChangeSubscriptionInput!) { previewSubscriptionChange(input: $input) { total } }',
        { input: { id, items: [{ priceCode: 'basic', quantity: '2' }] } },
        keys.alice.secret,
      ),
      t.gql('mutation($id: ID!) { pauseSubscription(id: $id) { status } }', { id }, keys.alice.secret),
      t.gql('mutation($id: ID!) { cancelSubscription(id: $id, atPeriodEnd: true) { status } }', { id }, keys.alice.secret),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(res.errors?.[0].message).toMatch(/its own customer/);
    }
    expect(await read(id)).toEqual(before);
    // Bob's own key may.
    expect((await change(id, [{ priceCode: 'basic', quantity: '2' }], keys.bob.secret)).errors).toBeUndefined();
  });

  it('may not schedule changes, migrate prices or create subscriptions', async () => {
    const id = await subscribe(alice, [{ priceCode: 'basic', quantity: '1' }]);
    const before = await read(id);
    const refused = [
      await t.gql(
        'mutation($input: ScheduleChangeInput!) { scheduleChange(input: $input) { id } }',
        { input: { id, items: [{ priceCode: 'pro', quantity: '1' }] } },
        keys.alice.secret,
      ),
      await t.gql('mutation($id: ID!) { cancelScheduledChange(subscriptionId: $id) { id } }', { id }, keys.alice.secret),
      await t.gql<Untyped>(
        'mutation { migratePriceVersion(priceCode: "basic", toVersion: 1, when: NOW) { __typename } }',
        {},
        keys.alice.secret,
      ),
      await t.gql<Untyped>(
        'mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }',
        { input: { customerId: alice, items: [{ priceCode: 'pro', quantity: '1' }] } },
        keys.alice.secret,
      ),
    ];
    for (const res of refused) expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await read(id)).toEqual(before);
  });

  it("binds customers only: the seller's staff are not limited by the settings", async () => {
    await settings({ allowSelfServicePause: false, allowSelfServiceQuantityChange: false, selfServicePriceCodes: [] });
    const id = await subscribe(alice, [{ priceCode: 'basic', quantity: '1' }]);
    const res = await change(id, [{ priceCode: 'enterprise', quantity: '4' }], keys.sales.secret, { prorationBehavior: 'NONE' });
    expect(res.data?.changeSubscription).toMatchObject({ items: [{ priceCode: 'enterprise', quantity: '4' }], pendingProrations: [] });
    expect(res.data?.changeSubscription.history.at(-1)).toMatchObject({
      actor: 'sales desk',
      data: { by: { keyId: keys.sales.id, role: 'SALES' } },
    });
    expect(
      (await t.gql<Untyped>('mutation($id: ID!) { pauseSubscription(id: $id) { status } }', { id }, keys.sales.secret)).data
        ?.pauseSubscription.status,
    ).toBe('PAUSED');
  });
});
