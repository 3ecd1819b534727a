import { ManualClock } from '../../src/domain/shared/clock';
import { startTestApp, TestApp, Untyped } from '../support/app';
import { createCustomer, createPrice, createProduct, must } from '../support/catalog';

const clock = new ManualClock(new Date('2026-03-01T00:00:00Z'));
let t: TestApp;
let acme: string;
let globex: string;
let acmeKey: string;
let salesKey: string;
let partnerKey: string;

const FIELDS = `id number status currency periodStart periodEnd subtotal tax total amountDue notes createdAt finalizedAt dueAt
  customer { id } subscription { id status }
  lines { kind description priceCode quantity amount tax periodStart periodEnd proration steps }`;
const invoiceQ = `query($id: ID!) { invoice(id: $id) { ${FIELDS} } }`;
const listQ = `query($first: Int, $after: String, $customerId: ID, $status: InvoiceStatus) {
  invoices(first: $first, after: $after, customerId: $customerId, status: $status) { edges { cursor node { id number status customer { id } } } pageInfo { hasNextPage endCursor } } }`;
const runQ = 'mutation($at: DateTime!) { runBilling(at: $at) { subscriptionsProcessed invoicesCreated subscriptionsFailed } }';

async function key(role: string, customerId?: string): Promise<string> {
  return (
    await must(t, 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }', {
      input: { role, name: role.toLowerCase(), customerId },
    })
  ).createApiKey.secret;
}
async function subscribe(customerId: string, input: Record<string, unknown>): Promise<string> {
  return (
    await must(t, 'mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }', {
      input: { customerId, ...input },
    })
  ).createSubscription.id;
}
async function list(variables: Record<string, unknown>, as?: string) {
  return (await must(t, listQ, variables, as)).invoices;
}

beforeAll(async () => {
  t = await startTestApp({ clock });
  await createProduct(t, 'plan');
  await createPrice(t, 'seat', { kind: 'per_unit', config: { unitAmount: '19.99' } });
  await createPrice(t, 'seat-jpy', { kind: 'per_unit', config: { unitAmount: '1500' } }, { currency: 'JPY' });
  acme = await createCustomer(t, 'currency: "EUR", taxStatus: TAXABLE, taxRate: "20"');
  globex = await createCustomer(t, 'currency: "JPY", taxStatus: REVERSE_CHARGE, vatId: "DE136695976"');
  acmeKey = await key('CUSTOMER', acme);
  salesKey = await key('SALES');
  partnerKey = await key('PARTNER');
});
afterAll(async () => {
  await t.close();
});

describe('invoice', () => {
  let first: any;
  let sub: string;

  it('reads the first invoice, made at creation, with its lines and their steps', async () => {
    sub = await subscribe(acme, { items: [{ priceCode: 'seat', quantity: '3' }] });
    const { edges } = await list({ customerId: acme });
    first = (await must(t, invoiceQ, { id: edges[0].node.id })).invoice;
    expect(first).toMatchObject({
      number: 'INV-2026-000001',
      status: 'OPEN',
      currency: 'EUR',
      subtotal: '59.97',
      tax: '11.99',
      total: '71.96',
      amountDue: '71.96',
      notes: [],
      periodStart: '2026-03-01T00:00:00.000Z',
      periodEnd: '2026-04-01T00:00:00.000Z',
      createdAt: '2026-03-01T00:00:00.000Z',
      finalizedAt: '2026-03-01T00:00:00.000Z',
      // Finalization + the default 30-day terms, though it is charged automatically.
      dueAt: '2026-03-31T00:00:00.000Z',
      customer: { id: acme },
      subscription: { id: sub, status: 'ACTIVE' },
    });
    expect(first.lines).toEqual([
      {
        kind: 'RECURRING',
        description: '3 × seat',
        priceCode: 'seat',
        quantity: '3',
        amount: '59.97',
        tax: '11.99',
        periodStart: '2026-03-01T00:00:00.000Z',
        periodEnd: '2026-04-01T00:00:00.000Z',
        proration: false,
        steps: expect.arrayContaining([expect.any(String)]),
      },
    ]);
  });

  it('is null when unknown or malformed', async () => {
    expect((await must(t, invoiceQ, { id: '00000000-0000-4000-8000-000000000000' })).invoice).toBeNull();
    expect((await must(t, invoiceQ, { id: 'nope' })).invoice).toBeNull();
  });

  it('is readable by SALES, PARTNER and the customer’s own key, and FORBIDDEN to another customer’s key', async () => {
    for (const as of [salesKey, partnerKey, acmeKey]) expect((await must(t, invoiceQ, { id: first.id }, as)).invoice.id).toBe(first.id);
    const otherKey = await key('CUSTOMER', globex);
    const res = await t.gql<Untyped>(invoiceQ, { id: first.id }, otherKey);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(res.data?.invoice).toBeNull();
  });

  it('formats amounts at the currency’s scale and carries the reverse-charge mention', async () => {
    await subscribe(globex, { items: [{ priceCode: 'seat-jpy', quantity: '2' }] });
    const { edges } = await list({ customerId: globex });
    const inv = (await must(t, invoiceQ, { id: edges[0].node.id })).invoice;
    expect(inv).toMatchObject({ currency: 'JPY', subtotal: '3000', tax: '0', total: '3000' });
    expect(inv.notes.length).toBeGreaterThan(0);
  });
});

describe('runBilling', () => {
  it('closes the boundaries due, as ADMIN only, and makes what upcomingInvoice showed', async () => {
    const sub = (await list({ customerId: acme })).edges[0].node;
    clock.set(new Date('2026-04-01T00:00:00Z'));
    const subId = (await must(t, invoiceQ, { id: sub.id })).invoice.subscription.id;
    const shown = (await must(t, `query($id: ID!) { upcomingInvoice(subscriptionId: $id) { ${FIELDS} } }`, { id: subId })).upcomingInvoice;
    for (const as of [salesKey, acmeKey, partnerKey]) {
      expect((await t.gql(runQ, { at: '2026-04-01T00:00:00Z' }, as)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    // Both subscriptions (acme's and globex's) reach their first period end.
    expect((await must(t, runQ, { at: '2026-04-01T00:00:00Z' })).runBilling).toEqual({
      subscriptionsProcessed: 2,
      invoicesCreated: 2,
      subscriptionsFailed: 0,
    });
    expect((await must(t, runQ, { at: '2026-04-01T00:00:00Z' })).runBilling).toEqual({
      subscriptionsProcessed: 0,
      invoicesCreated: 0,
      subscriptionsFailed: 0,
    });
    const { edges } = await list({ customerId: acme });
    const made = (await must(t, invoiceQ, { id: edges[1].node.id })).invoice;
    const { id: _a, number: _b, status: _c, createdAt: _d, finalizedAt: _e, dueAt: _f, ...content } = made;
    const { id: _g, number: _h, status: _i, createdAt: _j, finalizedAt: _k, dueAt: _l, ...expected } = shown;
    expect(content).toEqual(expected);
    expect(made).toMatchObject({ status: 'OPEN', periodStart: '2026-04-01T00:00:00.000Z', finalizedAt: '2026-04-01T00:00:00.000Z' });
    const history = (await must(t, 'query($id: ID!) { subscription(id: $id) { history { type actor } } }', { id: subId })).subscription
      .history;
    expect(history.at(-1)).toEqual({ type: 'period_closed', actor: 'TARIFF_ADMIN_KEY' });
  });

  it('dates SEND_INVOICE invoices due 30 days after finalization', async () => {
    const customer = await createCustomer(t);
    await subscribe(customer, { collection: 'SEND_INVOICE', items: [{ priceCode: 'seat', quantity: '1' }] });
    const { edges } = await list({ customerId: customer });
    expect((await must(t, invoiceQ, { id: edges[0].node.id })).invoice).toMatchObject({
      finalizedAt: '2026-04-01T00:00:00.000Z',
      dueAt: '2026-05-01T00:00:00.000Z',
    });
  });

  it('refuses an `at` that is not an instant with BAD_USER_INPUT', async () => {
    const res = await t.gql(runQ, { at: 'tomorrow' });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('invoices', () => {
  it('pages by creation, oldest first, with Relay cursors', async () => {
    const all = await list({ first: 100 });
    expect(all.pageInfo.hasNextPage).toBe(false);
    const ids = all.edges.map((e: any) => e.node.id);
    const page1 = await list({ first: 2 });
    expect(page1.pageInfo).toEqual({ hasNextPage: true, endCursor: page1.edges[1].cursor });
    const page2 = await list({ first: 100, after: page1.pageInfo.endCursor });
    expect([...page1.edges, ...page2.edges].map((e: any) => e.node.id)).toEqual(ids);
    expect(ids.length).toBeGreaterThanOrEqual(5);
  });

  it('filters by customer and status; a CUSTOMER key sees its own only', async () => {
    const drafty = await createCustomer(t, 'currency: "EUR", taxStatus: EXEMPT, invoiceDrafts: true');
    await subscribe(drafty, { items: [{ priceCode: 'seat', quantity: '1' }] });
    const drafts = await list({ status: 'DRAFT' });
    expect(drafts.edges.map((e: any) => [e.node.customer.id, e.node.number])).toEqual([[drafty, null]]);
    expect((await list({ status: 'OPEN' })).edges.every((e: any) => e.node.status === 'OPEN' && e.node.number)).toBe(true);
    const own = await list({ first: 100 }, acmeKey);
    expect(own.edges.length).toBe(2);
    expect(own.edges.every((e: any) => e.node.customer.id === acme)).toBe(true);
    expect((await list({ customerId: globex }, acmeKey)).edges).toEqual([]);
    expect((await list({ customerId: 'not-an-id' })).edges).toEqual([]);
  });

  it('refuses a bad cursor or page size with BAD_USER_INPUT naming the argument', async () => {
    expect((await t.gql(listQ, { after: 'garbage' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect((await t.gql(listQ, { first: 101 })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});
