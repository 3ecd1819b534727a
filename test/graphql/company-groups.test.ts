import { boundRows } from '../../src/db/bound-query';
import { ManualClock } from '../../src/domain/shared/clock';
import { Decimal } from '../../src/pricing/decimal';
import { bill } from '../jobs/billing-support';
import { startTestApp, TestApp } from '../support/app';
import { createPrice, createProduct, must } from '../support/catalog';
import { readableEvents } from '../support/events';

// Company groups (issue 16): a parent, its children, who pays, and one consolidated invoice per
// paying customer and billing instant.
const clock = new ManualClock(new Date('2026-11-25T12:00:00Z'));
let t: TestApp;

const GROUP = 'id currency invoiceTo parent { id } children { id } payer { id }';
const CREATE = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { ${GROUP} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateCustomerInput!) { updateCustomer(id: $id, input: $input) { ${GROUP} } }`;
const READ = `query($id: ID!) { customer(id: $id) { ${GROUP} } }`;
const INVOICES = `query($c: ID) { invoices(customerId: $c, first: 50) { edges { node {
  id number status customer { id } subscription { id } periodStart subtotal tax total finalizedAt dueAt collectionMethod
  lines { description amount tax customerId subscriptionId locationId } } } } }`;

const base = { email: 'ap@group.example', currency: 'EUR', taxStatus: 'TAXABLE', taxRate: '20' };

async function customer(name: string, extra: Record<string, unknown> = {}): Promise<any> {
  return (await must(t, CREATE, { input: { ...base, name, ...extra } })).createCustomer;
}

async function refused(query: string, variables: Record<string, unknown>, key?: string): Promise<{ field: string; message: string }> {
  const res = await t.gql(query, variables, key);
  expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  return { field: String(res.errors![0].extensions!.field), message: res.errors![0].message };
}

async function invoicesOf(customerId: string): Promise<any[]> {
  const nodes = (await must(t, INVOICES, { c: customerId })).invoices.edges.map(({ node: { customer, subscription, ...rest } }: any) => ({
    ...rest,
    customerId: customer.id,
    subscriptionId: subscription?.id ?? null,
  }));
  return nodes.sort((a: any, b: any) => a.periodStart.localeCompare(b.periodStart));
}

async function count(table: string): Promise<number> {
  const [row] = await boundRows<{ n: string }>(t.app.db.orm.em.fork(), `select count(*) as n from ${table}`);
  return Number(row.n);
}

beforeAll(async () => {
  t = await startTestApp({ clock });
  await createProduct(t, 'plan');
  await createPrice(t, 'seat', { kind: 'per_unit', config: { unitAmount: '10.01' } });
  await createPrice(t, 'site', { kind: 'flat', config: { amount: '99.99' } });
});
afterAll(async () => {
  await t.close();
});

describe('company groups: the hierarchy', () => {
  it('links a parent and its children, reads them back both ways, and puts them on the events', async () => {
    const holding = await customer('Holding');
    const plant = await customer('Plant', { parentId: holding.id, invoiceTo: 'PARENT' });
    const shop = await customer('Shop', { parentId: holding.id });
    expect(plant).toMatchObject({ invoiceTo: 'PARENT', parent: { id: holding.id }, payer: { id: holding.id }, children: [] });
    expect(shop).toMatchObject({ invoiceTo: 'SELF', parent: { id: holding.id }, payer: { id: shop.id } });
    const children = (await must(t, READ, { id: holding.id })).customer.children.map((c: any) => c.id);
    expect(children.sort()).toEqual([plant.id, shop.id].sort());
    // Any depth: a dock of the plant billed to it is billed to the holding.
    const dock = await customer('Dock', { parentId: plant.id, invoiceTo: 'PARENT' });
    expect(dock.payer).toEqual({ id: holding.id });
    const events = (await readableEvents(t, ['customer.created'])).filter((e) => e.data.id === dock.id);
    expect(events[0].data).toMatchObject({ parentId: plant.id, invoiceTo: 'PARENT' });
  });

  it('refuses a cycle, another currency, another clock, PARENT without a parent, and an unknown parent; writes nothing', async () => {
    const a = await customer('A');
    const b = await customer('B', { parentId: a.id });
    const c = await customer('C', { parentId: b.id });
    const usd = await customer('US', { currency: 'USD' });
    const clockId = (await must(t, 'mutation { createTestClock(frozenTime: "2026-01-01T00:00:00Z") { id } }')).createTestClock.id;
    const simulated = await customer('Simulated', { testClockId: clockId });
    const customers = await count('customer');

    const cases: [string, Record<string, unknown>, string, RegExp][] = [
      [a.id, { parentId: c.id }, 'input.parentId', /own descendants/],
      [a.id, { parentId: a.id }, 'input.parentId', /its own parent/],
      [usd.id, { parentId: a.id }, 'input.parentId', /one currency/],
      [simulated.id, { parentId: a.id }, 'input.parentId', /another clock/],
      [a.id, { invoiceTo: 'PARENT' }, 'input.invoiceTo', /needs a parent/],
      [a.id, { parentId: '00000000-0000-4000-8000-000000000000' }, 'input.parentId', /not found/],
      [a.id, { parentId: 'not-an-id' }, 'input.parentId', /not found/],
      [b.id, { parentId: null, invoiceTo: 'PARENT' }, 'input.invoiceTo', /needs a parent/],
    ];
    for (const [id, input, field, message] of cases) {
      const error = await refused(UPDATE, { id, input });
      expect(error).toMatchObject({ field });
      expect(error.message).toMatch(message);
    }
    expect(await refused(CREATE, { input: { ...base, name: 'X', currency: 'USD', parentId: a.id } })).toMatchObject({
      field: 'input.parentId',
    });
    expect(await count('customer')).toBe(customers);
    expect((await must(t, READ, { id: a.id })).customer).toMatchObject({ parent: null, invoiceTo: 'SELF' });

    // null removes the parent; the move that was a cycle is then fine.
    expect((await must(t, UPDATE, { id: b.id, input: { parentId: null } })).updateCustomer.parent).toBeNull();
    expect((await must(t, UPDATE, { id: b.id, input: { parentId: a.id, invoiceTo: 'PARENT' } })).updateCustomer).toMatchObject({
      payer: { id: a.id },
    });
  });

  it('shows a CUSTOMER key its own account only: not its parent, nor its siblings', async () => {
    const holding = await customer('Holding 2');
    const plant = await customer('Plant 2', { parentId: holding.id, invoiceTo: 'PARENT' });
    await customer('Plant 3', { parentId: holding.id });
    const key = (
      await must(t, 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }', {
        input: { role: 'CUSTOMER', name: 'plant', customerId: plant.id },
      })
    ).createApiKey.secret;
    expect((await must(t, READ, { id: plant.id }, key)).customer).toMatchObject({ parent: null, payer: null, invoiceTo: 'PARENT' });
    // Nor can such a key (or a storefront's) attach a customer it cannot see.
    expect((await t.gql(UPDATE, { id: plant.id, input: { parentId: holding.id } }, key)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('company groups: consolidated invoices', () => {
  /** A parent, a child billed to it at a location, a child paying for itself; all on their own test clock. */
  async function group(consolidated: boolean): Promise<{ parent: any; billed: any; own: any; clockId: string; location: string }> {
    const clockId = (await must(t, 'mutation { createTestClock(frozenTime: "2025-12-31T00:00:00Z") { id } }')).createTestClock.id;
    const parent = await customer('Holding', { testClockId: clockId, paymentTermsDays: 45 });
    const billed = await customer('Plant Lyon', {
      testClockId: clockId,
      taxRate: '5.5',
      ...(consolidated ? { parentId: parent.id, invoiceTo: 'PARENT' } : {}),
    });
    const own = await customer('Shop', { testClockId: clockId, ...(consolidated ? { parentId: parent.id } : {}) });
    const location = (
      await must(t, 'mutation($input: CreateLocationInput!) { createLocation(input: $input) { id } }', {
        input: { customerId: billed.id, name: 'Dock 3', address: { line1: '1 quai', city: 'Lyon', country: 'FR' } },
      })
    ).createLocation.id;
    const subscribe = (customerId: string, items: unknown[], extra: Record<string, unknown> = {}) =>
      must(t, 'mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }', {
        input: { customerId, items, startsAt: '2026-01-01T00:00:00Z', collection: 'SEND_INVOICE', ...extra },
      });
    await subscribe(parent.id, [{ priceCode: 'site', quantity: '1' }]);
    await subscribe(billed.id, [{ priceCode: 'seat', quantity: '3' }], { locationId: location });
    await subscribe(billed.id, [{ priceCode: 'site', quantity: '1' }]);
    await subscribe(own.id, [{ priceCode: 'seat', quantity: '7' }]);
    return { parent, billed, own, clockId, location };
  }

  async function advance(clockId: string, to: string): Promise<void> {
    const res = await must(t, 'mutation($id: ID!, $to: DateTime!) { advanceTestClock(id: $id, to: $to) { status } }', { id: clockId, to });
    expect(res.advanceTestClock.status).toBe('READY');
  }

  const sum = (values: string[]) => values.reduce((s, v) => s.plus(v), new Decimal(0)).toFixed(2);
  const amounts = (lines: any[]) => lines.map((l) => `${l.amount}|${l.tax}`).sort();

  it('bills a group through two periods on one invoice per instant, adding up to what each would be billed alone', async () => {
    const g = await group(true);
    const alone = await group(false);
    for (const to of ['2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z']) {
      await advance(g.clockId, to);
      await advance(alone.clockId, to);
    }

    // The child billed to its parent has no invoice of its own; the one paying for itself is untouched.
    expect(await invoicesOf(g.billed.id)).toEqual([]);
    const ownGrouped = await invoicesOf(g.own.id);
    const ownAlone = await invoicesOf(alone.own.id);
    expect(ownGrouped.map((i) => i.total)).toEqual(ownAlone.map((i) => i.total));

    const consolidated = await invoicesOf(g.parent.id);
    const parentAlone = await invoicesOf(alone.parent.id);
    const childAlone = await invoicesOf(alone.billed.id);
    // One invoice per billing instant: the start (Jan 1) and the renewal (Feb 1).
    expect(consolidated.map((i) => i.periodStart)).toEqual(['2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z']);
    expect(parentAlone).toHaveLength(2);
    expect(childAlone).toHaveLength(4);
    for (const [n, invoice] of consolidated.entries()) {
      const instant = invoice.periodStart;
      const parts = [...parentAlone, ...childAlone].filter((i) => i.periodStart === instant);
      expect(parts).toHaveLength(3);
      // Tax is per line (PRICING.md), so the parts add up to the cent: subtotal, tax and total.
      expect(invoice.subtotal).toBe(sum(parts.map((p) => p.subtotal)));
      expect(invoice.tax).toBe(sum(parts.map((p) => p.tax)));
      expect(invoice.total).toBe(sum(parts.map((p) => p.total)));
      expect(amounts(invoice.lines)).toEqual(amounts(parts.flatMap((p) => p.lines)));
      expect(invoice.lines.reduce((s: Decimal, l: any) => s.plus(l.amount), new Decimal(0)).toFixed(2)).toBe(invoice.subtotal);
      // The child's lines name it (and the subscription's location); the parent's own come first, unprefixed.
      const childLines = invoice.lines.filter((l: any) => l.customerId === g.billed.id);
      expect(childLines).toHaveLength(2);
      expect(childLines.map((l: any) => l.description.split(':')[0]).sort()).toEqual(['Plant Lyon', 'Plant Lyon, Dock 3']);
      expect(childLines.find((l: any) => l.description.startsWith('Plant Lyon, Dock 3')).locationId).toBe(g.location);
      expect(invoice.lines[0].customerId).toBe(g.parent.id);
      expect(invoice.lines[0].description).not.toMatch(/^Plant/);
      // The parent's terms: sent, due 45 days after finalization; numbered.
      expect(invoice).toMatchObject({ status: 'OPEN', customerId: g.parent.id, subscriptionId: null, collectionMethod: 'SEND_INVOICE' });
      expect(new Date(invoice.dueAt).getTime() - new Date(invoice.finalizedAt).getTime()).toBe(45 * 86_400_000);
      expect(invoice.number).toMatch(/^INV-/);
      expect(n === 0 || invoice.number !== consolidated[0].number).toBe(true);
    }
  });

  it("takes every member's subscription on an overdue consolidated invoice into dunning, and out again when it is paid", async () => {
    const g = await group(true);
    const subscriptionsOf = async (customerId: string) =>
      (
        await must(t, 'query($c: ID!) { subscriptions(first: 10, customerId: $c) { edges { node { id status } } } }', { c: customerId })
      ).subscriptions.edges.map((e: any) => e.node.status);
    await advance(g.clockId, '2026-01-01T00:00:00Z');
    const [invoice] = await invoicesOf(g.parent.id);
    expect(invoice).toMatchObject({ subscriptionId: null, status: 'OPEN' });
    // Due 45 days after Jan 1: the overdue notice on Feb 15 is the invoice's first failed step.
    await advance(g.clockId, '2026-02-16T00:00:00Z');
    expect(await subscriptionsOf(g.parent.id)).toEqual(['PAST_DUE']);
    expect(await subscriptionsOf(g.billed.id)).toEqual(['PAST_DUE', 'PAST_DUE']);
    // The member paying for itself is overdue on its own invoice, which the payment below does not settle.
    expect(await subscriptionsOf(g.own.id)).toEqual(['PAST_DUE']);
    await must(t, 'mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { status } }', {
      input: { invoiceId: invoice.id, amount: invoice.total, reference: 'transfer-1' },
    });
    // The February invoice is open but not overdue: nothing holds them back.
    expect(await subscriptionsOf(g.parent.id)).toEqual(['ACTIVE']);
    expect(await subscriptionsOf(g.billed.id)).toEqual(['ACTIVE', 'ACTIVE']);
    expect(await subscriptionsOf(g.own.id)).toEqual(['PAST_DUE']);
  });

  it("puts a child's sign-up invoice on its payer's account, naming it", async () => {
    const parent = await customer('Group HQ');
    const child = await customer('Clinic', { parentId: parent.id, invoiceTo: 'PARENT' });
    await must(t, 'mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }', {
      input: { customerId: child.id, items: [{ priceCode: 'seat', quantity: '2' }] },
    });
    expect(await invoicesOf(child.id)).toEqual([]);
    const [invoice] = await invoicesOf(parent.id);
    expect(invoice).toMatchObject({ customerId: parent.id, total: '24.02' });
    expect(invoice.lines.map((l: any) => [l.customerId, l.description.split(':')[0]])).toEqual([[child.id, 'Clinic']]);
  });

  it("checks a member billed to its parent against the payer's credit limit, with what the group owes", async () => {
    const parent = await customer('Limited HQ', { creditLimit: '30.00' });
    const child = await customer('Limited plant', { parentId: parent.id, invoiceTo: 'PARENT' });
    const subscribe = (customerId: string) =>
      t.gql('mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }', {
        input: { customerId, items: [{ priceCode: 'seat', quantity: '2' }] },
      });
    // 24.02 (10.01 × 2 + 20 %) on the payer's invoice; a second one would owe 48.04 > 30.00.
    expect((await subscribe(child.id)).errors).toBeUndefined();
    const subscriptions = await count('subscription');
    const refused = await subscribe(child.id);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'CREDIT_LIMIT', creditExposure: '24.02' });
    expect(await count('subscription')).toBe(subscriptions);
  });

  it('bills a group once when runs meet its members on several pages, or run side by side, and a later run bills nothing', async () => {
    const parent = await customer('Paged HQ');
    const members = [];
    for (let i = 0; i < 3; i++) members.push(await customer(`Paged ${i}`, { parentId: parent.id, invoiceTo: 'PARENT' }));
    for (const c of [parent, ...members]) {
      await must(t, 'mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }', {
        input: { customerId: c.id, items: [{ priceCode: 'seat', quantity: '1' }], startsAt: '2026-12-01T00:00:00Z' },
      });
    }
    // Two runs at once (separate connections on a server): the payer's row lock makes them take turns on the group.
    const scope = { batchSize: 1, customerIds: [parent.id, ...members.map((m) => m.id)] };
    const runs = await Promise.all([bill(t, clock, '2026-12-01T00:00:00Z', scope), bill(t, clock, '2026-12-01T00:00:00Z', scope)]);
    expect(runs.map((r) => r.subscriptionsFailed)).toEqual([0, 0]);
    expect(runs[0].invoicesCreated + runs[1].invoicesCreated).toBe(1);
    expect(runs[0].subscriptionsProcessed + runs[1].subscriptionsProcessed).toBe(4);
    expect(await invoicesOf(parent.id)).toHaveLength(1);
    const [invoice] = await invoicesOf(parent.id);
    expect(invoice.lines).toHaveLength(4);
    // 10.01 + 20 % tax (2.00, rounded per line) for each of the four.
    expect(invoice.total).toBe('48.04');
    const again = await bill(t, clock, '2026-12-01T00:00:00Z', { customerIds: [parent.id, ...members.map((m) => m.id)] });
    expect(again).toMatchObject({ subscriptionsProcessed: 0, invoicesCreated: 0 });
    expect(await invoicesOf(parent.id)).toHaveLength(1);
  });
});
