import { boundRows } from '../../src/db/bound-query';
import { ManualClock } from '../../src/domain/shared/clock';
import { startTestApp, TestApp } from '../support/app';
import { must } from '../support/catalog';
import { readableEvents } from '../support/events';

const clock = new ManualClock(new Date('2026-03-01T00:00:00Z'));
let t: TestApp;

const ADDRESS = 'billingAddress { line1 line2 city postalCode region country }';
const FIELDS = `id taxStatus vatId ${ADDRESS} updatedAt`;
const CREATE = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateCustomerInput!) { updateCustomer(id: $id, input: $input) { ${FIELDS} } }`;
const UPSERT = `mutation($input: UpsertCustomerInput!) { upsertCustomer(input: $input) { outcome customer { ${FIELDS} } } }`;
const READ = `query($id: ID!) { customer(id: $id) { ${FIELDS} } }`;

const berlin = { line1: 'Hauptstr. 1', city: 'Berlin', postalCode: '10115', country: 'de' };
const stored = { line1: 'Hauptstr. 1', line2: null, city: 'Berlin', postalCode: '10115', region: null, country: 'DE' };
const base = { name: 'Acme GmbH', email: 'ap@acme.example', currency: 'EUR', taxStatus: 'EXEMPT' };

async function refused(query: string, variables: Record<string, unknown>): Promise<{ field: string; message: string }> {
  const res = await t.gql(query, variables);
  expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  return { field: String(res.errors![0].extensions!.field), message: res.errors![0].message };
}

beforeAll(async () => {
  t = await startTestApp({ clock });
});
afterAll(async () => {
  await t.close();
});

describe('customers: billing address and VAT id', () => {
  it('stores them normalized and puts them on customer.created', async () => {
    const c = (await must(t, CREATE, { input: { ...base, billingAddress: berlin, vatId: 'de 136.695.976' } })).createCustomer;
    expect(c).toMatchObject({ vatId: 'DE136695976', billingAddress: stored });
    expect((await must(t, READ, { id: c.id })).customer).toEqual(c);
    const events = (await readableEvents(t, ['customer.created'])).filter((e) => e.data.id === c.id);
    expect(events[0].data).toMatchObject({ vatId: 'DE136695976', billingAddress: stored });
  });

  it.each([
    ['an unknown country', { billingAddress: { ...berlin, country: 'XX' } }, 'input.billingAddress.country', /unknown country 'XX'/],
    ['an alpha-3 country', { billingAddress: { ...berlin, country: 'DEU' } }, 'input.billingAddress.country', /unknown country/],
    ['an empty city', { billingAddress: { ...berlin, city: ' ' } }, 'input.billingAddress.city', /must not be empty/],
    ['a malformed VAT id', { billingAddress: berlin, vatId: 'DE12' }, 'input.vatId', /not a well-formed VAT id of DE/],
    ["another country's VAT id", { billingAddress: berlin, vatId: 'FR40303265045' }, 'input.vatId', /VAT id of FR/],
    ["Greece's GR prefix (it is EL)", { billingAddress: { ...berlin, country: 'GR' }, vatId: 'GR094259216' }, 'input.vatId', /prefix EL/],
    ['a VAT id without a prefix', { vatId: '136695976' }, 'input.vatId', /not a well-formed VAT id/],
    [
      'REVERSE_CHARGE without a VAT id',
      { taxStatus: 'REVERSE_CHARGE', billingAddress: berlin },
      'input.vatId',
      /REVERSE_CHARGE customer needs a VAT id/,
    ],
  ])('refuses %s, and writes nothing', async (_, fields, field, message) => {
    const before = await boundRows<{ n: string }>(t.app.db.orm.em.fork(), 'select count(*) as n from customer');
    const error = await refused(CREATE, { input: { ...base, ...fields } });
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
    expect(await boundRows<{ n: string }>(t.app.db.orm.em.fork(), 'select count(*) as n from customer')).toEqual(before);
  });

  it('takes a Greek VAT id with EL and a REVERSE_CHARGE customer with its VAT id', async () => {
    const c = (
      await must(t, CREATE, {
        input: { ...base, taxStatus: 'REVERSE_CHARGE', billingAddress: { ...berlin, city: 'Athens', country: 'GR' }, vatId: 'EL094259216' },
      })
    ).createCustomer;
    expect(c).toMatchObject({ taxStatus: 'REVERSE_CHARGE', vatId: 'EL094259216' });
  });

  it('updates: keeps what is absent, checks the pair after the change, clears with null', async () => {
    const c = (await must(t, CREATE, { input: { ...base, billingAddress: berlin, vatId: 'DE136695976' } })).createCustomer;
    const moved = await refused(UPDATE, { id: c.id, input: { billingAddress: { ...berlin, city: 'Paris', country: 'FR' } } });
    expect(moved.field).toBe('input.billingAddress.country');
    expect((await must(t, READ, { id: c.id })).customer).toEqual(c);
    clock.advanceSeconds(60);
    const renamed = (await must(t, UPDATE, { id: c.id, input: { name: 'Acme AG' } })).updateCustomer;
    expect(renamed).toMatchObject({ vatId: 'DE136695976', billingAddress: stored });
    const toFrance = (
      await must(t, UPDATE, { id: c.id, input: { billingAddress: { ...berlin, city: 'Paris', country: 'FR' }, vatId: 'FR40303265045' } })
    ).updateCustomer;
    expect(toFrance).toMatchObject({ vatId: 'FR40303265045', billingAddress: { city: 'Paris', country: 'FR' } });
    const cleared = (await must(t, UPDATE, { id: c.id, input: { billingAddress: null, vatId: null } })).updateCustomer;
    expect(cleared).toMatchObject({ vatId: null, billingAddress: null });
    const updates = (await readableEvents(t, ['customer.updated'])).filter((e) => e.data.id === c.id);
    expect(updates.map((e) => e.data.vatId)).toEqual(['DE136695976', 'FR40303265045', null]);
  });

  it('a REVERSE_CHARGE customer keeps its VAT id; one made before the rule keeps working', async () => {
    const c = (await must(t, CREATE, { input: { ...base, billingAddress: berlin } })).createCustomer;
    expect((await refused(UPDATE, { id: c.id, input: { taxStatus: 'REVERSE_CHARGE' } })).field).toBe('input.vatId');
    const rc = (await must(t, UPDATE, { id: c.id, input: { taxStatus: 'REVERSE_CHARGE', vatId: 'DE136695976' } })).updateCustomer;
    expect(rc.taxStatus).toBe('REVERSE_CHARGE');
    expect((await refused(UPDATE, { id: c.id, input: { vatId: null } })).field).toBe('input.vatId');
    // As a reverse-charge customer stored before VAT ids existed: other changes still go through.
    await t.app.db.orm.em.fork().getConnection().execute(`update customer set vat_id = null where id = '${c.id}'`);
    expect(
      (await must(t, UPDATE, { id: c.id, input: { name: 'Legacy BV', billingAddress: { ...berlin, city: 'Munich' } } })).updateCustomer,
    ).toMatchObject({ vatId: null, taxStatus: 'REVERSE_CHARGE' });
  });

  it('upsertCustomer carries them; a replay is UNCHANGED; omitted keeps them', async () => {
    const input = { ...base, externalId: { system: 'SAP', id: '4711' }, billingAddress: berlin, vatId: 'DE 136 695 976' };
    const first = (await must(t, UPSERT, { input })).upsertCustomer;
    expect(first).toMatchObject({ outcome: 'CREATED', customer: { vatId: 'DE136695976', billingAddress: stored } });
    expect((await must(t, UPSERT, { input })).upsertCustomer.outcome).toBe('UNCHANGED');
    const { billingAddress: _a, vatId: _v, ...without } = input;
    expect((await must(t, UPSERT, { input: without })).upsertCustomer).toMatchObject({
      outcome: 'UNCHANGED',
      customer: { vatId: 'DE136695976' },
    });
    const moved = (await must(t, UPSERT, { input: { ...input, billingAddress: { ...berlin, city: 'Hamburg' } } })).upsertCustomer;
    expect(moved).toMatchObject({ outcome: 'UPDATED', customer: { billingAddress: { city: 'Hamburg' } } });
    const bad = await refused(UPSERT, { input: { ...input, vatId: 'DE1' } });
    expect(bad.field).toBe('input.vatId');
    const rc = await refused(UPSERT, { input: { ...without, externalId: { system: 'SAP', id: '4712' }, taxStatus: 'REVERSE_CHARGE' } });
    expect(rc.field).toBe('input.vatId');
  });
});

describe('hostile values in the new fields', () => {
  it.each([
    ['NUL in a line', { billingAddress: { ...berlin, line1: 'a\u0000b' } }, 'input.billingAddress.line1'],
    ['a lone surrogate in a line', { billingAddress: { ...berlin, line2: 'x\uDC00' } }, 'input.billingAddress.line2'],
    ['a huge city', { billingAddress: { ...berlin, city: 'x'.repeat(100_000) } }, 'input.billingAddress.city'],
    ['NUL in the country', { billingAddress: { ...berlin, country: 'D\u0000' } }, 'input.billingAddress.country'],
    ['a lone surrogate in the VAT id', { vatId: 'DE\uD800136695976' }, 'input.vatId'],
    ['a huge VAT id', { vatId: 'DE'.repeat(50_000) }, 'input.vatId'],
    ['an emoji country', { billingAddress: { ...berlin, country: '🇩🇪' } }, 'input.billingAddress.country'],
  ])('%s is BAD_USER_INPUT at its field', async (_, fields, field) => {
    expect((await refused(CREATE, { input: { ...base, ...fields } })).field).toBe(field);
  });
});

describe('seller settings: legal identity', () => {
  const SETTINGS = 'legalName vatId registrationNumber address { line1 line2 city postalCode region country }';
  const SET = `mutation($input: UpdateSellerSettingsInput!) { updateSellerSettings(input: $input) { ${SETTINGS} } }`;

  it('takes legal name, address, VAT id and registration number, checked as a customer', async () => {
    const s = (
      await must(t, SET, {
        input: { legalName: 'Tariff Demo GmbH', address: berlin, vatId: 'de136695976', registrationNumber: 'HRB 12345' },
      })
    ).updateSellerSettings;
    expect(s).toEqual({ legalName: 'Tariff Demo GmbH', vatId: 'DE136695976', registrationNumber: 'HRB 12345', address: stored });
    expect((await refused(SET, { input: { address: { ...berlin, country: 'FR' } } })).field).toBe('input.address.country');
    expect((await refused(SET, { input: { vatId: 'ATU1', legalName: 'Changed' } })).field).toBe('input.vatId');
    expect((await refused(SET, { input: { address: { ...berlin, country: 'ZZ' } } })).field).toBe('input.address.country');
    expect((await refused(SET, { input: { address: { ...berlin, region: '\uD800' } } })).field).toBe('input.address.region');
    expect((await must(t, `{ sellerSettings { ${SETTINGS} } }`)).sellerSettings).toEqual(s);
    const cleared = (await must(t, SET, { input: { vatId: null, address: null, legalName: null, registrationNumber: null } }))
      .updateSellerSettings;
    expect(cleared).toEqual({ legalName: null, vatId: null, registrationNumber: null, address: null });
  });
});
