import { DomainEvent } from '../../src/domain/events/domain-event.entity';
import { ManualClock } from '../../src/domain/shared/clock';
import { startTestApp, TestApp, Untyped } from '../support/app';
import { createPrice, createProduct, must } from '../support/catalog';

// Every write moves the clock, so an updatedAt that did not move was not written.
const clock = new ManualClock(new Date('2026-03-01T00:00:00Z'));
let t: TestApp;
let sql: string[] = [];
let salesKey: string;

const customerFields = 'id name email currency taxStatus taxRate invoiceDrafts externalIds { system id } createdAt updatedAt';
const upsertCustomerQ = `mutation($input: UpsertCustomerInput!) { upsertCustomer(input: $input) { outcome customer { ${customerFields} } } }`;
const upsertProductQ =
  'mutation($input: UpsertProductInput!) { upsertProduct(input: $input) { outcome product { id code name externalIds { system id } } } }';
const setQ = `mutation($kind: ExternalIdKind!, $recordId: ID!, $system: String!, $id: String!) {
  setExternalId(kind: $kind, recordId: $recordId, system: $system, id: $id) { kind recordId system id } }`;
const removeQ =
  'mutation($kind: ExternalIdKind!, $system: String!, $id: String!) { removeExternalId(kind: $kind, system: $system, id: $id) }';
const customerByQ =
  'query($system: String!, $id: String!) { customerByExternalId(system: $system, id: $id) { id externalIds { system id } } }';
const productByQ =
  'query($system: String!, $id: String!) { productByExternalId(system: $system, id: $id) { id code externalIds { system id } } }';
const priceByQ =
  'query($system: String!, $id: String!) { priceByExternalId(system: $system, id: $id) { id code version externalIds { system id } } }';
const invoiceByQ =
  'query($system: String!, $id: String!) { invoiceByExternalId(system: $system, id: $id) { id total customer { id } externalIds { system id } lines { priceCode } } }';
const createKeyQ = 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }';

function sap(id: string, overrides: Record<string, unknown> = {}) {
  return {
    externalId: { system: 'SAP', id },
    name: 'Acme GmbH',
    email: 'billing@acme.example',
    currency: 'EUR',
    taxStatus: 'TAXABLE',
    taxRate: '19',
    ...overrides,
  };
}

async function upsertCustomer(input: Record<string, unknown>, key?: string) {
  clock.advanceSeconds(60);
  return (await must(t, upsertCustomerQ, { input }, key)).upsertCustomer;
}

async function upsertProduct(input: Record<string, unknown>) {
  clock.advanceSeconds(60);
  return (await must(t, upsertProductQ, { input })).upsertProduct;
}

async function link(kind: string, recordId: string, system: string, id: string) {
  return (await must(t, setQ, { kind, recordId, system, id })).setExternalId;
}

async function keyFor(role: string, customerId?: string): Promise<string> {
  return (await must(t, createKeyQ, { input: { role, name: `${role} key`, customerId } })).createApiKey.secret;
}

async function customersNamed(search: string): Promise<number> {
  return (await must(t, 'query($s: String) { customers(first: 100, search: $s) { edges { node { id } } } }', { s: search })).customers.edges
    .length;
}

/** The customer's outbox events, oldest first: what webhooks and `events` would carry. */
async function eventTypes(customerId: string): Promise<string[]> {
  const rows = await t.app.db.orm.em.fork().find(DomainEvent, { aggregateId: customerId }, { orderBy: { aggregateSeq: 'asc' } });
  return rows.map((e) => e.type);
}

async function firstInvoiceOf(customerId: string): Promise<string> {
  await must(t, 'mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }', {
    input: { customerId, items: [{ priceCode: 'seat', quantity: '2' }] },
  });
  return (await must(t, 'query($c: ID) { invoices(customerId: $c) { edges { node { id } } } }', { c: customerId })).invoices.edges[0].node
    .id;
}

beforeAll(async () => {
  t = await startTestApp({ clock, onQuery: (s) => sql.push(s) });
  await createProduct(t, 'plan');
  await createPrice(t, 'seat', { kind: 'per_unit', config: { unitAmount: '10.00' } });
  salesKey = await keyFor('SALES');
});
afterAll(async () => {
  await t.close();
});

describe('upsertCustomer', () => {
  it('creates the customer with its external id, then a replay changes nothing', async () => {
    const first = await upsertCustomer(sap('0000123', { name: 'Replay AG' }));
    expect(first.outcome).toBe('CREATED');
    expect(first.customer).toMatchObject({
      name: 'Replay AG',
      currency: 'EUR',
      taxStatus: 'TAXABLE',
      taxRate: '19',
      invoiceDrafts: false,
      externalIds: [{ system: 'SAP', id: '0000123' }],
    });
    expect(first.customer.updatedAt).toBe(first.customer.createdAt);

    for (let i = 0; i < 3; i++) {
      const again = await upsertCustomer(sap('0000123', { name: 'Replay AG' }));
      expect(again).toEqual({ outcome: 'UNCHANGED', customer: first.customer });
    }
    // Spelling that normalizes to the stored values is the same state, not a change.
    expect((await upsertCustomer(sap('0000123', { name: '  Replay AG ', taxRate: '19.000', currency: 'eur' }))).outcome).toBe('UNCHANGED');
    expect(await customersNamed('Replay AG')).toBe(1);
    expect(await eventTypes(first.customer.id)).toEqual(['customer.created']);
  });

  it('updates only what differs, bumping updatedAt once', async () => {
    const created = (await upsertCustomer(sap('upd-1', { name: 'Update GmbH', invoiceDrafts: true }))).customer;
    const changed = await upsertCustomer(
      sap('upd-1', { name: 'Update GmbH', email: 'ap@update.example', taxStatus: 'REVERSE_CHARGE', taxRate: null, vatId: 'DE136695976' }),
    );
    expect(changed.outcome).toBe('UPDATED');
    expect(changed.customer).toMatchObject({
      id: created.id,
      email: 'ap@update.example',
      taxStatus: 'REVERSE_CHARGE',
      taxRate: null,
      invoiceDrafts: true,
      createdAt: created.createdAt,
    });
    expect(Date.parse(changed.customer.updatedAt)).toBeGreaterThan(Date.parse(created.updatedAt));
    const read = (await must(t, `query($id: ID!) { customer(id: $id) { ${customerFields} } }`, { id: created.id })).customer;
    expect(read).toEqual(changed.customer);
    // invoiceDrafts omitted is kept, so replaying without it is still a replay.
    expect(
      (
        await upsertCustomer(
          sap('upd-1', {
            name: 'Update GmbH',
            email: 'ap@update.example',
            taxStatus: 'REVERSE_CHARGE',
            taxRate: null,
            vatId: 'DE136695976',
          }),
        )
      ).outcome,
    ).toBe('UNCHANGED');
    expect(await eventTypes(created.id)).toEqual(['customer.created', 'customer.updated']);
  });

  it('changes a tax rate (a Decimal column) of a known customer', async () => {
    const created = (await upsertCustomer(sap('rate-1'))).customer;
    const changed = await upsertCustomer(sap('rate-1', { taxRate: '21' }));
    expect(changed).toMatchObject({ outcome: 'UPDATED', customer: { id: created.id, taxRate: '21' } });
  });

  it('changes the currency only while nothing is priced in it', async () => {
    const c = (await upsertCustomer(sap('cur-1', { name: 'Currency Ltd', taxStatus: 'EXEMPT', taxRate: null }))).customer;
    const moved = await upsertCustomer(sap('cur-1', { name: 'Currency Ltd', taxStatus: 'EXEMPT', taxRate: null, currency: 'USD' }));
    expect(moved).toMatchObject({ outcome: 'UPDATED', customer: { id: c.id, currency: 'USD' } });
    await upsertCustomer(sap('cur-1', { name: 'Currency Ltd', taxStatus: 'EXEMPT', taxRate: null, currency: 'EUR' }));
    await firstInvoiceOf(c.id);

    clock.advanceSeconds(60);
    const res = await t.gql(upsertCustomerQ, {
      input: sap('cur-1', { name: 'Currency Renamed', taxStatus: 'EXEMPT', taxRate: null, currency: 'USD' }),
    });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.currency' });
    // Nothing half-written: the rename in the same request did not happen either.
    expect((await must(t, 'query($id: ID!) { customer(id: $id) { name currency } }', { id: c.id })).customer).toEqual({
      name: 'Currency Ltd',
      currency: 'EUR',
    });
    expect(await eventTypes(c.id)).toEqual(['customer.created', 'customer.updated', 'customer.updated']);
  });

  it.each([
    ['an empty system', 'input.externalId.system', { externalId: { system: ' ', id: '1' } }],
    ['an external id with NUL', 'input.externalId.id', { externalId: { system: 'SAP', id: 'a\u0000' } }],
    ['an external id of 201 characters', 'input.externalId.id', { externalId: { system: 'SAP', id: 'x'.repeat(201) } }],
    ['a TAXABLE customer without a rate', 'input.taxRate', { taxRate: null }],
    ['a bad email', 'input.email', { email: 'nope' }],
    ['a name with NUL', 'input.name', { name: 'A\u0000' }],
  ])('refuses %s with BAD_USER_INPUT at %s, creating nothing', async (_what, field, overrides) => {
    const res = await t.gql<Untyped>(upsertCustomerQ, { input: sap('bad-1', overrides) });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect((await must(t, customerByQ, { system: 'SAP', id: 'bad-1' })).customerByExternalId).toBeNull();
  });

  it.each([1, 2, 3])('gives concurrent upserts of one new external id one customer and no errors (round %i)', async (round) => {
    const name = `Race ${round} Inc`;
    const results = await Promise.all(
      Array.from({ length: 5 }, () => t.gql<Untyped>(upsertCustomerQ, { input: sap(`race-${round}`, { name }) })),
    );
    for (const r of results) expect(r.errors).toBeUndefined();
    const outcomes = results.map((r) => r.data!.upsertCustomer.outcome).sort();
    expect(outcomes).toEqual(['CREATED', 'UNCHANGED', 'UNCHANGED', 'UNCHANGED', 'UNCHANGED']);
    expect(new Set(results.map((r) => r.data!.upsertCustomer.customer.id)).size).toBe(1);
    expect(await customersNamed(name)).toBe(1);
    expect(await eventTypes(results[0].data!.upsertCustomer.customer.id)).toEqual(['customer.created']);
  });

  it('is ADMIN only', async () => {
    const res = await t.gql(upsertCustomerQ, { input: sap('sales-1') }, salesKey);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await must(t, customerByQ, { system: 'SAP', id: 'sales-1' })).customerByExternalId).toBeNull();
  });
});

describe('upsertProduct', () => {
  it('creates, leaves a replay unchanged, renames, and never changes the code', async () => {
    const input = { externalId: { system: 'SAP', id: 'MAT-1' }, code: 'erp-seats', name: 'Seats' };
    const first = await upsertProduct(input);
    expect(first).toMatchObject({
      outcome: 'CREATED',
      product: { code: 'erp-seats', name: 'Seats', externalIds: [{ system: 'SAP', id: 'MAT-1' }] },
    });
    expect(await upsertProduct(input)).toEqual({ ...first, outcome: 'UNCHANGED' });
    const renamed = await upsertProduct({ ...input, name: 'Seats (named users)' });
    expect(renamed).toMatchObject({ outcome: 'UPDATED', product: { id: first.product.id, name: 'Seats (named users)' } });

    const recoded = await t.gql(upsertProductQ, { input: { ...input, code: 'erp-seats-2' } });
    expect(recoded.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.code' });
    expect((await must(t, '{ product(code: "erp-seats-2") { id } }')).product).toBeNull();
  });

  it('does not adopt a product that exists under the code without the external id', async () => {
    const res = await t.gql<Untyped>(upsertProductQ, {
      input: { externalId: { system: 'SAP', id: 'MAT-PLAN' }, code: 'plan', name: 'Plan' },
    });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.code' });
    expect((await must(t, productByQ, { system: 'SAP', id: 'MAT-PLAN' })).productByExternalId).toBeNull();
  });

  it.each([1, 2, 3])('gives concurrent upserts of one new external id one product and no errors (round %i)', async (round) => {
    const input = { externalId: { system: 'SAP', id: `MAT-RACE-${round}` }, code: `race-product-${round}`, name: 'Race' };
    const results = await Promise.all(Array.from({ length: 5 }, () => t.gql<Untyped>(upsertProductQ, { input })));
    for (const r of results) expect(r.errors).toBeUndefined();
    expect(results.map((r) => r.data!.upsertProduct.outcome).sort()).toEqual([
      'CREATED',
      'UNCHANGED',
      'UNCHANGED',
      'UNCHANGED',
      'UNCHANGED',
    ]);
    expect(new Set(results.map((r) => r.data!.upsertProduct.product.id)).size).toBe(1);
  });
});

describe('external ids of every kind', () => {
  let customerId: string;
  let invoiceId: string;

  beforeAll(async () => {
    customerId = (await upsertCustomer(sap('kinds-1', { name: 'Kinds GmbH' }))).customer.id;
    invoiceId = await firstInvoiceOf(customerId);
  });

  it('holds two systems’ ids on one record, each finding it', async () => {
    expect(await link('CUSTOMER', customerId, 'SALESFORCE', '001A')).toEqual({
      kind: 'CUSTOMER',
      recordId: customerId,
      system: 'SALESFORCE',
      id: '001A',
    });
    const bySap = (await must(t, customerByQ, { system: 'SAP', id: 'kinds-1' })).customerByExternalId;
    expect(bySap).toEqual({
      id: customerId,
      externalIds: [
        { system: 'SALESFORCE', id: '001A' },
        { system: 'SAP', id: 'kinds-1' },
      ],
    });
    expect((await must(t, customerByQ, { system: 'SALESFORCE', id: '001A' })).customerByExternalId.id).toBe(customerId);
    // The CRM's sync, keyed by its own id, finds the same customer: nothing new.
    const crm = await upsertCustomer({ ...sap('kinds-1', { name: 'Kinds GmbH' }), externalId: { system: 'SALESFORCE', id: '001A' } });
    expect(crm).toMatchObject({ outcome: 'UNCHANGED', customer: { id: customerId } });
  });

  it('finds products, prices (every version), invoices and customers by external id', async () => {
    const product = (await must(t, '{ product(code: "plan") { id } }')).product.id;
    await link('PRODUCT', product, 'STRIPE', 'prod_1');
    await link('PRICE', 'seat', 'STRIPE', 'price_1');
    await link('INVOICE', invoiceId, 'STRIPE', 'in_1');

    expect((await must(t, productByQ, { system: 'STRIPE', id: 'prod_1' })).productByExternalId).toEqual({
      id: product,
      code: 'plan',
      externalIds: [{ system: 'STRIPE', id: 'prod_1' }],
    });
    const v1 = (await must(t, priceByQ, { system: 'STRIPE', id: 'price_1' })).priceByExternalId;
    expect(v1).toMatchObject({ code: 'seat', version: 1, externalIds: [{ system: 'STRIPE', id: 'price_1' }] });
    await must(
      t,
      'mutation { updatePrice(code: "seat", input: { rule: { kind: "per_unit", config: { unitAmount: "12.00" } } }) { version } }',
    );
    const v2 = (await must(t, priceByQ, { system: 'STRIPE', id: 'price_1' })).priceByExternalId;
    expect(v2).toMatchObject({ code: 'seat', version: 2, externalIds: [{ system: 'STRIPE', id: 'price_1' }] });
    expect(v2.id).not.toBe(v1.id);
    expect((await must(t, '{ price(code: "seat", version: 1) { externalIds { id } } }')).price.externalIds).toEqual([{ id: 'price_1' }]);

    expect((await must(t, invoiceByQ, { system: 'STRIPE', id: 'in_1' })).invoiceByExternalId).toMatchObject({
      id: invoiceId,
      customer: { id: customerId },
      externalIds: [{ system: 'STRIPE', id: 'in_1' }],
      lines: [{ priceCode: 'seat' }],
    });
    expect((await must(t, customerByQ, { system: 'SAP', id: 'kinds-1' })).customerByExternalId.id).toBe(customerId);
    for (const q of [productByQ, priceByQ, invoiceByQ, customerByQ]) {
      const data = await must(t, q, { system: 'STRIPE', id: 'nope' });
      expect(Object.values(data)).toEqual([null]);
    }
  });

  it('keeps each id unique per system and kind, with the field that clashed', async () => {
    const other = (await upsertCustomer(sap('kinds-2', { name: 'Other GmbH' }))).customer.id;
    const taken = await t.gql(setQ, { kind: 'CUSTOMER', recordId: other, system: 'SAP', id: 'kinds-1' });
    expect(taken.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'id' });
    const created = await t.gql('mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }', {
      input: {
        name: 'Third',
        email: 'x@third.example',
        currency: 'EUR',
        taxStatus: 'EXEMPT',
        externalIds: [
          { system: 'HUBSPOT', id: '9' },
          { system: 'SAP', id: 'kinds-1' },
        ],
      },
    });
    expect(created.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.externalIds[1]' });
    const invoiceClash = await t.gql(setQ, { kind: 'INVOICE', recordId: await firstInvoiceOf(other), system: 'STRIPE', id: 'in_1' });
    expect(invoiceClash.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'id' });

    // The same value in another system, or on another kind of record, is another id.
    await link('CUSTOMER', other, 'HUBSPOT', 'kinds-1');
    await link('PRICE', 'seat', 'SAP', 'kinds-1');
    expect((await must(t, customerByQ, { system: 'SAP', id: 'kinds-1' })).customerByExternalId.id).toBe(customerId);
    expect((await must(t, customerByQ, { system: 'HUBSPOT', id: 'kinds-1' })).customerByExternalId.id).toBe(other);
  });

  it('links idempotently, unlinks, and names a missing record', async () => {
    expect(await link('PRICE', 'seat', 'ERP', 'P-1')).toEqual({ kind: 'PRICE', recordId: 'seat', system: 'ERP', id: 'P-1' });
    expect(await link('PRICE', 'seat', 'ERP', 'P-1')).toEqual({ kind: 'PRICE', recordId: 'seat', system: 'ERP', id: 'P-1' });
    expect(
      (await must(t, '{ price(code: "seat") { externalIds { system id } } }')).price.externalIds.filter(
        (x: { system: string }) => x.system === 'ERP',
      ),
    ).toHaveLength(1);
    expect((await must(t, removeQ, { kind: 'PRICE', system: 'ERP', id: 'P-1' })).removeExternalId).toBe(true);
    expect((await must(t, removeQ, { kind: 'PRICE', system: 'ERP', id: 'P-1' })).removeExternalId).toBe(false);
    expect((await must(t, priceByQ, { system: 'ERP', id: 'P-1' })).priceByExternalId).toBeNull();

    for (const [kind, recordId] of [
      ['PRICE', 'no-such-price'],
      ['INVOICE', '00000000-0000-4000-8000-000000000000'],
      ['PRODUCT', 'not-a-uuid'],
    ]) {
      const res = await t.gql(setQ, { kind, recordId, system: 'ERP', id: 'P-2' });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'recordId' });
    }
    const nul = await t.gql(setQ, { kind: 'PRICE', recordId: 'seat\u0000', system: 'ERP', id: 'P-2' });
    expect(nul.errors?.[0].extensions).toMatchObject({ field: 'recordId' });
    expect(nul.errors?.[0].extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
    const forbidden = await t.gql(setQ, { kind: 'PRICE', recordId: 'seat', system: 'ERP', id: 'P-3' }, salesKey);
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('lets a CUSTOMER key find its own invoices only', async () => {
    const ownKey = await keyFor('CUSTOMER', customerId);
    expect((await must(t, invoiceByQ, { system: 'STRIPE', id: 'in_1' }, ownKey)).invoiceByExternalId.id).toBe(invoiceId);
    const stranger = (await upsertCustomer(sap('kinds-3', { name: 'Stranger' }))).customer.id;
    const strangerKey = await keyFor('CUSTOMER', stranger);
    const res = await t.gql<Untyped>(invoiceByQ, { system: 'STRIPE', id: 'in_1' }, strangerKey);
    expect(res.errors).toBeUndefined();
    expect(res.data!.invoiceByExternalId).toBeNull();
    expect((await must(t, invoiceByQ, { system: 'STRIPE', id: 'in_1' }, salesKey)).invoiceByExternalId.id).toBe(invoiceId);
  });

  it('shows no external ids on an upcoming invoice, which is not stored', async () => {
    const sub = (await must(t, 'query($c: ID) { subscriptions(customerId: $c) { edges { node { id } } } }', { c: customerId }))
      .subscriptions.edges[0].node.id;
    expect(
      (await must(t, 'query($s: ID!) { upcomingInvoice(subscriptionId: $s) { externalIds { id } } }', { s: sub })).upcomingInvoice
        .externalIds,
    ).toEqual([]);
  });

  it('reads the external ids of a list in one query per kind', async () => {
    for (const code of ['batch-a', 'batch-b', 'batch-c'])
      await upsertProduct({ externalId: { system: 'SAP', id: code }, code, name: code });
    sql = [];
    const products = (await must(t, '{ products(first: 10) { edges { node { code externalIds { id } prices { externalIds { id } } } } } }'))
      .products.edges;
    expect(products.find((e: any) => e.node.code === 'batch-b').node.externalIds).toEqual([{ id: 'batch-b' }]);
    expect(sql.filter((s) => s.includes('"product_external_id"'))).toHaveLength(1);
    expect(sql.filter((s) => s.includes('"price_external_id"'))).toHaveLength(1);
  });
});
