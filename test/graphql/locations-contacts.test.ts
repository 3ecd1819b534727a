import { ManualClock } from '../../src/domain/shared/clock';
import { startTestApp, TestApp } from '../support/app';
import { createCustomer, createPrice, createProduct, must } from '../support/catalog';
import { readableEvents } from '../support/events';

const clock = new ManualClock(new Date('2027-03-01T10:00:00Z'));
let t: TestApp;
let sql: string[] = [];
let acme: string;
let other: string;
const keys: Record<string, string> = {};

const LOCATION = 'id name address { line1 line2 city postalCode region country } externalIds { system id } customer { id }';
const CONTACT = 'id name email role archivedAt customer { id }';
const createLocation = `mutation($input: CreateLocationInput!) { createLocation(input: $input) { ${LOCATION} } }`;
const updateLocation = `mutation($id: ID!, $input: UpdateLocationInput!) { updateLocation(id: $id, input: $input) { ${LOCATION} } }`;
const removeLocation = `mutation($id: ID!) { removeLocation(id: $id) { ${LOCATION} } }`;
const createContact = `mutation($input: CreateContactInput!) { createContact(input: $input) { ${CONTACT} } }`;
const updateContact = `mutation($id: ID!, $input: UpdateContactInput!) { updateContact(id: $id, input: $input) { ${CONTACT} } }`;
const removeContact = `mutation($id: ID!) { removeContact(id: $id) { ${CONTACT} } }`;
const readCustomer = `query($id: ID!) { customer(id: $id) { locations { ${LOCATION} } contacts { ${CONTACT} } } }`;

const dock = { line1: 'Hafenstraße 1', line2: '', city: 'Hamburg', postalCode: '20457', country: 'de' };

async function newKey(role: string, customerId?: string): Promise<string> {
  const data = await must(t, 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }', {
    input: { role, name: `${role} key`, customerId: customerId ?? null },
  });
  return data.createApiKey.secret;
}

async function read(customerId: string, key?: string) {
  return (await must(t, readCustomer, { id: customerId }, key)).customer;
}

async function events(customerId: string): Promise<{ type: string; sequence: number; data: Record<string, unknown> }[]> {
  const all = await readableEvents(
    t,
    [
      'customer.location_created',
      'customer.location_updated',
      'customer.location_removed',
      'customer.contact_created',
      'customer.contact_updated',
      'customer.contact_removed',
    ],
    'type sequence customerId data',
  );
  return all.filter((n: any) => n.customerId === customerId);
}

function errorOf(res: { errors?: { extensions?: Record<string, any> }[] }) {
  return { code: res.errors?.[0].extensions?.code, field: res.errors?.[0].extensions?.field };
}

beforeAll(async () => {
  t = await startTestApp({ clock, onQuery: (q) => sql.push(q) });
  acme = await createCustomer(t);
  other = await createCustomer(t);
  keys.sales = await newKey('SALES');
  keys.acme = await newKey('CUSTOMER', acme);
  keys.other = await newKey('CUSTOMER', other);
  keys.partner = await newKey('PARTNER');
  keys.storefront = await newKey('STOREFRONT');
});
afterAll(async () => {
  await t.close();
});

describe('locations', () => {
  it('creates a location with a normalized address and external ids, listed on its customer, with a customer.location_created event', async () => {
    const made = (
      await must(t, createLocation, {
        input: { customerId: acme, name: 'Plant Hamburg', address: dock, externalIds: [{ system: 'SAP', id: 'SH-1' }] },
      })
    ).createLocation;
    expect(made).toMatchObject({
      name: 'Plant Hamburg',
      address: { line1: 'Hafenstraße 1', line2: null, city: 'Hamburg', postalCode: '20457', region: null, country: 'DE' },
      externalIds: [{ system: 'SAP', id: 'SH-1' }],
      customer: { id: acme },
    });
    expect((await read(acme)).locations).toEqual([made]);
    const [event] = (await events(acme)).filter((e) => e.type === 'customer.location_created');
    expect(event.data).toMatchObject({
      id: made.id,
      customerId: acme,
      name: 'Plant Hamburg',
      address: { country: 'DE', line2: null },
      externalIds: [{ system: 'SAP', id: 'SH-1' }],
    });
  });

  it.each([
    ['an unknown country', { ...dock, country: 'XX' }, 'input.address.country'],
    ['an alpha-3 country', { ...dock, country: 'DEU' }, 'input.address.country'],
    ['an empty line1', { ...dock, line1: '  ' }, 'input.address.line1'],
    ['a NUL in the city', { ...dock, city: 'Ham\u0000burg' }, 'input.address.city'],
    ['a postal code of 21 characters', { ...dock, postalCode: '1'.repeat(21) }, 'input.address.postalCode'],
  ])('refuses %s as BAD_USER_INPUT at the field, writing nothing', async (_label, address, field) => {
    const before = await read(other);
    const res = await t.gql(createLocation, { input: { customerId: other, name: 'Dock', address } });
    expect(errorOf(res)).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(await read(other)).toEqual(before);
  });

  it('refuses an unknown or malformed customer as NOT_FOUND at input.customerId', async () => {
    for (const customerId of ['00000000-0000-4000-8000-000000000000', 'nope']) {
      expect(errorOf(await t.gql(createLocation, { input: { customerId, name: 'Dock', address: dock } }))).toEqual({
        code: 'NOT_FOUND',
        field: 'input.customerId',
      });
    }
  });

  it('updates name and address, keeps what is absent, and refuses an external id another location holds (nothing written)', async () => {
    const a = (
      await must(t, createLocation, { input: { customerId: other, name: 'A', address: dock, externalIds: [{ system: 'WMS', id: 'A' }] } })
    ).createLocation;
    const b = (
      await must(t, createLocation, { input: { customerId: other, name: 'B', address: dock, externalIds: [{ system: 'WMS', id: 'B' }] } })
    ).createLocation;
    const renamed = (
      await must(t, updateLocation, {
        id: a.id,
        input: {
          name: 'A2',
          externalIds: [
            { system: 'WMS', id: 'A' },
            { system: 'SAP', id: 'A' },
          ],
        },
      })
    ).updateLocation;
    expect(renamed).toMatchObject({
      name: 'A2',
      address: a.address,
      externalIds: [
        { system: 'SAP', id: 'A' },
        { system: 'WMS', id: 'A' },
      ],
    });
    const moved = (
      await must(t, updateLocation, { id: a.id, input: { address: { line1: '1 Rue de Rivoli', city: 'Paris', country: 'FR' } } })
    ).updateLocation;
    expect(moved.address).toEqual({ line1: '1 Rue de Rivoli', line2: null, city: 'Paris', postalCode: null, region: null, country: 'FR' });

    const before = await read(other);
    const res = await t.gql(updateLocation, {
      id: a.id,
      input: {
        name: 'taken',
        externalIds: [
          { system: 'SAP', id: 'A' },
          { system: 'WMS', id: 'B' },
        ],
      },
    });
    expect(errorOf(res)).toEqual({ code: 'CONFLICT', field: 'input.externalIds[1]' });
    expect(await read(other)).toEqual(before);
    expect(errorOf(await t.gql(updateLocation, { id: b.id, input: { address: { ...dock, country: 'ZZ' } } }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.address.country',
    });
    expect(errorOf(await t.gql(updateLocation, { id: 'nope', input: { name: 'x' } }))).toEqual({ code: 'NOT_FOUND', field: 'id' });
    const types = (await events(other)).map((e) => e.type);
    expect(types.filter((x) => x === 'customer.location_updated')).toHaveLength(2);
  });
});

describe('removing a location', () => {
  const execute = (query: string, params: unknown[] = []) => t.app.db.orm.em.fork().execute(query, params);
  const audited = async (recordId: string) =>
    (
      await must(t, 'query($r: ID) { auditLog(first: 10, recordId: $r) { edges { node { operation recordType changes } } } }', {
        r: recordId,
      })
    ).auditLog.edges.map((e: any) => e.node);

  it('deletes it with its external ids, answers it as it was, audits it and emits customer.location_removed', async () => {
    const made = (
      await must(t, createLocation, {
        input: { customerId: other, name: 'Old dock', address: dock, externalIds: [{ system: 'ERP', id: 'OLD-1' }] },
      })
    ).createLocation;
    clock.advanceSeconds(60);
    const removed = (await must(t, removeLocation, { id: made.id })).removeLocation;
    expect(removed).toEqual(made);
    expect((await read(other)).locations.map((l: any) => l.id)).not.toContain(made.id);
    expect(await execute('select id from location_external_id where external_id = ?', ['OLD-1'])).toEqual([]);
    // Its external id is free for another location at once.
    await must(t, createLocation, {
      input: { customerId: other, name: 'New dock', address: dock, externalIds: [{ system: 'ERP', id: 'OLD-1' }] },
    });

    const [event] = (await events(other)).filter((e) => e.type === 'customer.location_removed');
    expect(event.data).toMatchObject({ id: made.id, customerId: other, name: 'Old dock', externalIds: [{ system: 'ERP', id: 'OLD-1' }] });
    const [entry] = await audited(made.id);
    expect(entry).toMatchObject({ operation: 'removeLocation', recordType: 'Location' });
    // A deletion lists every column the record held as `before`, values as an update would show them.
    expect(entry.changes).toEqual({
      id: { before: made.id, after: null },
      name: { before: 'Old dock', after: null },
      address: { before: { ...made.address }, after: null },
      customer: { before: other, after: null },
      createdAt: { before: expect.any(String), after: null },
      updatedAt: { before: expect.any(String), after: null },
    });
    const removals = (await must(t, '{ auditLog(first: 10) { edges { node { operation recordType } } } }')).auditLog.edges
      .map((e: any) => e.node)
      .filter((n: any) => n.operation === 'removeLocation');
    expect(removals.map((n: any) => n.recordType).sort()).toEqual(['Location', 'LocationExternalId']);

    expect(errorOf(await t.gql(removeLocation, { id: made.id }))).toEqual({ code: 'NOT_FOUND', field: 'id' });
    expect(errorOf(await t.gql(removeLocation, { id: 'nope' }))).toEqual({ code: 'NOT_FOUND', field: 'id' });
  });

  it('refuses while a subscription is for it, or an invoice line names it', async () => {
    await createProduct(t, 'plan');
    await createPrice(t, 'seat', { kind: 'per_unit', config: { unitAmount: '10.00' } });
    const used = (await must(t, createLocation, { input: { customerId: other, name: 'Used dock', address: dock } })).createLocation;
    const billed = (await must(t, createLocation, { input: { customerId: other, name: 'Billed dock', address: dock } })).createLocation;
    const sub = (
      await must(t, 'mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }', {
        input: { customerId: other, locationId: used.id, items: [{ priceCode: 'seat', quantity: '1' }], collection: 'SEND_INVOICE' },
      })
    ).createSubscription.id;
    await execute('update invoice_line set location_id = ? where invoice_id in (select id from invoice where subscription_id = ?)', [
      billed.id,
      sub,
    ]);
    for (const [location, table] of [
      [used, 'subscription'],
      [billed, 'invoice_line'],
    ] as const) {
      const res = await t.gql(removeLocation, { id: location.id });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'LOCATION_IN_USE', referencedBy: [table] });
    }
    const still = await must(t, 'query($id: ID!) { subscription(id: $id) { location { id } } }', { id: sub });
    expect(still.subscription.location).toEqual({ id: used.id });
  });

  // Orders will refer to a location too: a table of the test's own stands in for them. Any foreign
  // key to location that does not cascade blocks the removal, found in the catalog; a cascading
  // one is the location's own part.
  it('refuses with CONFLICT LOCATION_IN_USE, naming the table, while a row refers to it; nothing written', async () => {
    await execute('create table delivery_stub (id serial primary key, location_id uuid not null references location (id))');
    await execute('create table location_note_stub (id serial primary key, location_id uuid references location (id) on delete cascade)');
    try {
      const made = (
        await must(t, createLocation, {
          input: { customerId: other, name: 'Busy dock', address: dock, externalIds: [{ system: 'ERP', id: 'BUSY-1' }] },
        })
      ).createLocation;
      await execute('insert into delivery_stub (location_id) values (?), (?)', [made.id, made.id]);
      await execute('insert into location_note_stub (location_id) values (?)', [made.id]);
      const before = await read(other);
      const eventsBefore = (await events(other)).length;

      const res = await t.gql(removeLocation, { id: made.id });
      expect(res.errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        field: 'id',
        reason: 'LOCATION_IN_USE',
        referencedBy: ['delivery_stub'],
      });
      expect(res.errors?.[0].message).toMatch(/2 delivery_stub row\(s\) still refer to it/);
      expect(await read(other)).toEqual(before);
      expect((await events(other)).length).toBe(eventsBefore);
      expect(await audited(made.id)).toHaveLength(1);

      await execute('delete from delivery_stub');
      await must(t, removeLocation, { id: made.id });
      expect(await execute('select * from location_note_stub')).toEqual([]);
    } finally {
      await execute('drop table delivery_stub');
      await execute('drop table location_note_stub');
    }
  });
});

describe('contacts', () => {
  it('creates, updates and removes a contact; a removed one is no longer listed, not writable, and its e-mail is free again', async () => {
    const made = (await must(t, createContact, { input: { customerId: acme, name: 'Ada Buyer', email: 'ada@acme.test', role: 'BUYER' } }))
      .createContact;
    expect(made).toMatchObject({ name: 'Ada Buyer', email: 'ada@acme.test', role: 'BUYER', archivedAt: null, customer: { id: acme } });
    // The same address in another case is the same person.
    expect(
      errorOf(await t.gql(createContact, { input: { customerId: acme, name: 'Ada again', email: 'ADA@acme.test', role: 'VIEWER' } })),
    ).toEqual({ code: 'CONFLICT', field: 'input.email' });

    const promoted = (await must(t, updateContact, { id: made.id, input: { role: 'APPROVER' } })).updateContact;
    expect(promoted).toMatchObject({ name: 'Ada Buyer', role: 'APPROVER' });
    expect((await read(acme)).contacts.map((c: any) => c.id)).toContain(made.id);

    clock.advanceSeconds(60);
    const removed = (await must(t, removeContact, { id: made.id })).removeContact;
    expect(removed.archivedAt).toBe(clock.now().toISOString());
    expect((await read(acme)).contacts.map((c: any) => c.id)).not.toContain(made.id);
    expect(errorOf(await t.gql(removeContact, { id: made.id }))).toEqual({ code: 'NOT_FOUND', field: 'id' });
    expect(errorOf(await t.gql(updateContact, { id: made.id, input: { name: 'x' } }))).toEqual({ code: 'NOT_FOUND', field: 'id' });
    await must(t, createContact, { input: { customerId: acme, name: 'Ada', email: 'ada@acme.test', role: 'VIEWER' } });

    const seen = (await events(acme)).filter((e) => e.type.startsWith('customer.contact_'));
    expect(seen.map((e) => e.type)).toEqual([
      'customer.contact_created',
      'customer.contact_updated',
      'customer.contact_removed',
      'customer.contact_created',
    ]);
    // One aggregate, the customer: its events are numbered in the order the changes were made.
    const seqs = seen.map((e) => e.sequence);
    expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
    expect(seen[2].data).toMatchObject({ id: made.id, role: 'APPROVER', archivedAt: removed.archivedAt });
  });

  it.each([
    ['an e-mail that is not one', { email: 'not-an-email' }, 'input.email'],
    ['an empty name', { name: '' }, 'input.name'],
    ['a name of 201 characters', { name: 'x'.repeat(201) }, 'input.name'],
  ])('refuses %s as BAD_USER_INPUT at the field, writing nothing', async (_label, fields, field) => {
    const before = await read(other);
    const res = await t.gql(createContact, { input: { customerId: other, name: 'Bo', email: 'bo@other.test', role: 'VIEWER', ...fields } });
    expect(errorOf(res)).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(await read(other)).toEqual(before);
  });

  it('refuses an unknown role at the GraphQL layer (never INTERNAL_SERVER_ERROR)', async () => {
    const res = await t.gql(createContact, { input: { customerId: other, name: 'Bo', email: 'bo@other.test', role: 'OWNER' } });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('who may do what', () => {
  it('only ADMIN writes; SALES and PARTNER read; a CUSTOMER key reads its own customer only', async () => {
    const contact = (await must(t, createContact, { input: { customerId: other, name: 'Cy', email: 'cy@other.test', role: 'ADMIN' } }))
      .createContact;
    const location = (await must(t, createLocation, { input: { customerId: other, name: 'C', address: dock } })).createLocation;
    for (const key of [keys.sales, keys.other, keys.partner, keys.storefront]) {
      expect(errorOf(await t.gql(createLocation, { input: { customerId: other, name: 'D', address: dock } }, key)).code).toBe('FORBIDDEN');
      expect(errorOf(await t.gql(updateLocation, { id: location.id, input: { name: 'D' } }, key)).code).toBe('FORBIDDEN');
      expect(errorOf(await t.gql(removeLocation, { id: location.id }, key)).code).toBe('FORBIDDEN');
      expect(
        errorOf(await t.gql(createContact, { input: { customerId: other, name: 'D', email: 'd@other.test', role: 'ADMIN' } }, key)).code,
      ).toBe('FORBIDDEN');
      expect(errorOf(await t.gql(updateContact, { id: contact.id, input: { role: 'VIEWER' } }, key)).code).toBe('FORBIDDEN');
      expect(errorOf(await t.gql(removeContact, { id: contact.id }, key)).code).toBe('FORBIDDEN');
    }
    const all = await read(other);
    expect(await read(other, keys.sales)).toEqual(all);
    expect(await read(other, keys.partner)).toEqual(all);
    expect(await read(other, keys.other)).toEqual(all);
    expect(errorOf(await t.gql(readCustomer, { id: other }, keys.acme)).code).toBe('FORBIDDEN');
    expect(errorOf(await t.gql(readCustomer, { id: other }, keys.storefront)).code).toBe('FORBIDDEN');
  });

  it('a STOREFRONT key reads the locations and contacts of the customers it created, and writes none', async () => {
    const own = (
      await must(
        t,
        'mutation { createCustomer(input: { name: "Shop buyer", email: "s@shop.test", currency: "EUR", taxStatus: EXEMPT }) { id } }',
        undefined,
        keys.storefront,
      )
    ).createCustomer.id;
    await must(t, createContact, { input: { customerId: own, name: 'Sy', email: 'sy@shop.test', role: 'BUYER' } });
    expect((await read(own, keys.storefront)).contacts.map((c: any) => c.email)).toEqual(['sy@shop.test']);
    expect(
      errorOf(await t.gql(createContact, { input: { customerId: own, name: 'Sz', email: 'sz@shop.test', role: 'BUYER' } }, keys.storefront))
        .code,
    ).toBe('FORBIDDEN');
  });
});

describe('loading', () => {
  it('a page of customers reads their locations and contacts in one query each', async () => {
    sql = [];
    const data = await must(t, '{ customers(first: 50) { edges { node { id locations { id } contacts { id } } } } }');
    expect(data.customers.edges.length).toBeGreaterThanOrEqual(3);
    expect(sql.filter((q) => /from "location" as/.test(q))).toHaveLength(1);
    expect(sql.filter((q) => /from "contact" as/.test(q))).toHaveLength(1);
  });
});
