import { randomUUID } from 'node:crypto';
import { ManualClock } from '../../src/domain/shared/clock';
import { startTestApp, TestApp, Untyped } from '../support/app';

// Every write moves the clock, so creation order is listing order.
const clock = new ManualClock(new Date('2026-03-01T00:00:00Z'));
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clock });
});
afterAll(async () => {
  await t.close();
});

const fields = 'id name email currency taxStatus taxRate invoiceDrafts externalIds { system id } createdAt updatedAt';
const create = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { ${fields} } }`;
const update = `mutation($id: ID!, $input: UpdateCustomerInput!) { updateCustomer(id: $id, input: $input) { ${fields} } }`;
const one = `query($id: ID!) { customer(id: $id) { ${fields} } }`;
const list = `query($first: Int, $after: String, $search: String) {
  customers(first: $first, after: $after, search: $search) { edges { cursor node { id name } } pageInfo { hasNextPage endCursor } }
}`;
const byExternal = `query($system: String!, $id: String!) { customerByExternalId(system: $system, id: $id) { id } }`;
const createKey = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`;

function base(overrides: Record<string, unknown> = {}) {
  return { name: 'Acme GmbH', email: 'billing@acme.example', currency: 'EUR', taxStatus: 'EXEMPT', ...overrides };
}

async function createCustomer(overrides: Record<string, unknown> = {}): Promise<{ id: string } & Record<string, any>> {
  clock.advanceSeconds(1);
  const res = await t.gql<Untyped>(create, { input: base(overrides) });
  expect(res.errors).toBeUndefined();
  return res.data!.createCustomer;
}

async function keyFor(role: string, customerId?: string): Promise<string> {
  const res = await t.gql<Untyped>(createKey, { input: { role, name: `${role} key`, ...(customerId ? { customerId } : {}) } });
  expect(res.errors).toBeUndefined();
  return res.data!.createApiKey.secret;
}

async function countNamed(name: string): Promise<number> {
  const res = await t.gql<Untyped>(list, { first: 100, search: name });
  return res.data!.customers.edges.length;
}

describe('createCustomer', () => {
  it('creates a taxable customer with external ids', async () => {
    const c = await createCustomer({
      taxStatus: 'TAXABLE',
      taxRate: '19.5',
      invoiceDrafts: true,
      externalIds: [
        { system: 'SAP', id: 'sap-1' },
        { system: 'SALESFORCE', id: '001xx' },
      ],
    });
    expect(c).toMatchObject({
      name: 'Acme GmbH',
      email: 'billing@acme.example',
      currency: 'EUR',
      taxStatus: 'TAXABLE',
      taxRate: '19.5',
      invoiceDrafts: true,
      externalIds: [
        { system: 'SAP', id: 'sap-1' },
        { system: 'SALESFORCE', id: '001xx' },
      ],
    });
    expect(c.createdAt).toBe(c.updatedAt);
    const read = await t.gql<Untyped>(one, { id: c.id });
    expect(read.data!.customer).toMatchObject({
      id: c.id,
      taxRate: '19.5',
      externalIds: expect.arrayContaining([{ system: 'SAP', id: 'sap-1' }]),
    });
  });

  it('defaults invoiceDrafts to false and trims the name', async () => {
    const c = await createCustomer({ name: '  Trim Ltd ', taxStatus: 'REVERSE_CHARGE', vatId: 'DE136695976' });
    expect(c).toMatchObject({ name: 'Trim Ltd', invoiceDrafts: false, taxRate: null, externalIds: [] });
  });

  it.each([
    ['an empty name', 'input.name', { name: '  ' }],
    ['a name with NUL', 'input.name', { name: 'Ac\u0000me' }],
    ['a name over 200 characters', 'input.name', { name: 'x'.repeat(201) }],
    ['an email without @', 'input.email', { email: 'billing.acme.example' }],
    ['an email without a domain dot', 'input.email', { email: 'billing@localhost' }],
    ['an email with spaces', 'input.email', { email: 'bil ling@acme.example' }],
    ['a currency ISO has withdrawn', 'input.currency', { currency: 'HRK' }],
    ['TAXABLE without a rate', 'input.taxRate', { taxStatus: 'TAXABLE' }],
    ['a zero rate', 'input.taxRate', { taxStatus: 'TAXABLE', taxRate: '0' }],
    ['a negative rate', 'input.taxRate', { taxStatus: 'TAXABLE', taxRate: '-5' }],
    ['a rate over 100', 'input.taxRate', { taxStatus: 'TAXABLE', taxRate: '100.0001' }],
    ['a rate with 5 decimals', 'input.taxRate', { taxStatus: 'TAXABLE', taxRate: '7.12345' }],
    ['a rate on an EXEMPT customer', 'input.taxRate', { taxStatus: 'EXEMPT', taxRate: '20' }],
    ['a rate on a REVERSE_CHARGE customer', 'input.taxRate', { taxStatus: 'REVERSE_CHARGE', taxRate: '20' }],
    [
      'the same external id twice',
      'input.externalIds[1]',
      {
        externalIds: [
          { system: 'SAP', id: 'dup' },
          { system: 'SAP', id: 'dup' },
        ],
      },
    ],
    ['an empty external system', 'input.externalIds[0].system', { externalIds: [{ system: ' ', id: 'x' }] }],
    ['an empty external id', 'input.externalIds[0].id', { externalIds: [{ system: 'SAP', id: '' }] }],
    ['an external id with NUL', 'input.externalIds[0].id', { externalIds: [{ system: 'SAP', id: 'a\u0000' }] }],
    ['21 external ids', 'input.externalIds', { externalIds: Array.from({ length: 21 }, (_, i) => ({ system: 'SAP', id: `many-${i}` })) }],
  ])('refuses %s with BAD_USER_INPUT on %s', async (_what, field, overrides) => {
    const name = `Invalid ${randomUUID()}`;
    const res = await t.gql(create, { input: base({ name, ...overrides }) });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(res.data ?? null).toBeNull(); // refused at execution (null) or before it (absent)
    if (!('name' in overrides)) expect(await countNamed(name)).toBe(0);
  });

  it('accepts a rate of exactly 100 with 4 decimals', async () => {
    const c = await createCustomer({ taxStatus: 'TAXABLE', taxRate: '100.0000' });
    expect(c.taxRate).toBe('100');
  });

  it('refuses an unknown currency or tax status at the schema', async () => {
    const currency = await t.gql(create, { input: base({ currency: 'XYZ' }) });
    expect(currency.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const status = await t.gql(create, { input: base({ taxStatus: 'ZERO' }) });
    expect(status.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const decimal = await t.gql(create, { input: base({ taxStatus: 'TAXABLE', taxRate: '1e1' }) });
    expect(decimal.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses an external id another customer holds with CONFLICT, and creates nothing', async () => {
    await createCustomer({ externalIds: [{ system: 'SAP', id: 'taken-1' }] });
    const name = `Second ${randomUUID()}`;
    const res = await t.gql(create, {
      input: base({
        name,
        externalIds: [
          { system: 'SAP', id: 'free-1' },
          { system: 'SAP', id: 'taken-1' },
        ],
      }),
    });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.externalIds[1]' });
    expect(await countNamed(name)).toBe(0);
    const free = await t.gql<Untyped>(byExternal, { system: 'SAP', id: 'free-1' });
    expect(free.data!.customerByExternalId).toBeNull();
  });

  it('lets the same id exist in two systems', async () => {
    await createCustomer({ externalIds: [{ system: 'SAP', id: 'shared-42' }] });
    const other = await createCustomer({ externalIds: [{ system: 'HUBSPOT', id: 'shared-42' }] });
    expect(other.externalIds).toEqual([{ system: 'HUBSPOT', id: 'shared-42' }]);
  });

  it('gives racing creates with one external id exactly one winner, the rest CONFLICT', async () => {
    const name = `Racer ${randomUUID()}`;
    const results = await Promise.all(
      Array.from({ length: 5 }, () => t.gql<Untyped>(create, { input: base({ name, externalIds: [{ system: 'SAP', id: 'race-1' }] }) })),
    );
    expect(results.filter((r) => r.data?.createCustomer).length).toBe(1);
    for (const r of results.filter((x) => x.errors)) {
      expect(r.errors![0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.externalIds[0]' });
    }
    expect(await countNamed(name)).toBe(1);
  });

  it('lets only ADMIN create customers', async () => {
    for (const role of ['SALES', 'PARTNER']) {
      const res = await t.gql(create, { input: base() }, await keyFor(role));
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('updateCustomer', () => {
  it('changes only the fields given', async () => {
    const c = await createCustomer({ taxStatus: 'TAXABLE', taxRate: '20', externalIds: [{ system: 'SAP', id: 'upd-1' }] });
    clock.advanceSeconds(60);
    const res = await t.gql<Untyped>(update, { id: c.id, input: { name: 'Acme AG' } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateCustomer).toMatchObject({
      name: 'Acme AG',
      email: c.email,
      taxStatus: 'TAXABLE',
      taxRate: '20',
      externalIds: [{ system: 'SAP', id: 'upd-1' }],
      createdAt: c.createdAt,
    });
    expect(new Date(res.data!.updateCustomer.updatedAt).getTime()).toBeGreaterThan(new Date(c.updatedAt).getTime());
  });

  it('drops the rate when leaving TAXABLE and asks for one when entering it', async () => {
    const c = await createCustomer({ taxStatus: 'TAXABLE', taxRate: '20' });
    const exempt = await t.gql<Untyped>(update, { id: c.id, input: { taxStatus: 'EXEMPT' } });
    expect(exempt.data!.updateCustomer).toMatchObject({ taxStatus: 'EXEMPT', taxRate: null });
    const bare = await t.gql(update, { id: c.id, input: { taxStatus: 'TAXABLE' } });
    expect(bare.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.taxRate' });
    const rateOnly = await t.gql(update, { id: c.id, input: { taxRate: '10' } });
    expect(rateOnly.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.taxRate' });
    const taxable = await t.gql<Untyped>(update, { id: c.id, input: { taxStatus: 'TAXABLE', taxRate: '7.7' } });
    expect(taxable.data!.updateCustomer).toMatchObject({ taxStatus: 'TAXABLE', taxRate: '7.7' });
    const cleared = await t.gql<Untyped>(update, { id: c.id, input: { taxRate: null } });
    expect(cleared.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.taxRate' });
    const newRate = await t.gql<Untyped>(update, { id: c.id, input: { taxRate: '8.1', invoiceDrafts: true } });
    expect(newRate.data!.updateCustomer).toMatchObject({ taxRate: '8.1', invoiceDrafts: true });
  });

  it('replaces the external ids, keeping the ones that stay', async () => {
    const c = await createCustomer({
      externalIds: [
        { system: 'SAP', id: 'keep-1' },
        { system: 'SAP', id: 'drop-1' },
      ],
    });
    const res = await t.gql<Untyped>(update, {
      id: c.id,
      input: {
        externalIds: [
          { system: 'SAP', id: 'keep-1' },
          { system: 'STRIPE', id: 'cus_new' },
        ],
      },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateCustomer.externalIds).toEqual(
      expect.arrayContaining([
        { system: 'SAP', id: 'keep-1' },
        { system: 'STRIPE', id: 'cus_new' },
      ]),
    );
    expect(res.data!.updateCustomer.externalIds).toHaveLength(2);
    expect((await t.gql<Untyped>(byExternal, { system: 'SAP', id: 'drop-1' })).data!.customerByExternalId).toBeNull();
    expect((await t.gql<Untyped>(byExternal, { system: 'STRIPE', id: 'cus_new' })).data!.customerByExternalId).toEqual({ id: c.id });
    const read = await t.gql<Untyped>(one, { id: c.id });
    expect(read.data!.customer.externalIds).toEqual([
      { system: 'SAP', id: 'keep-1' },
      { system: 'STRIPE', id: 'cus_new' },
    ]);
  });

  it('refuses an external id of another customer with CONFLICT and changes nothing', async () => {
    await createCustomer({ externalIds: [{ system: 'SAP', id: 'someone-else' }] });
    const c = await createCustomer({ name: 'Unchanged', externalIds: [{ system: 'SAP', id: 'mine' }] });
    const res = await t.gql(update, { id: c.id, input: { name: 'Changed', externalIds: [{ system: 'SAP', id: 'someone-else' }] } });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.externalIds[0]' });
    const read = await t.gql<Untyped>(one, { id: c.id });
    expect(read.data!.customer).toMatchObject({ name: 'Unchanged', externalIds: [{ system: 'SAP', id: 'mine' }] });
  });

  it('validates like createCustomer', async () => {
    const c = await createCustomer();
    const email = await t.gql(update, { id: c.id, input: { email: 'nope' } });
    expect(email.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.email' });
    const name = await t.gql(update, { id: c.id, input: { name: '' } });
    expect(name.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
  });

  it('has no currency field: the currency is immutable', async () => {
    const c = await createCustomer();
    const res = await t.gql(update, { id: c.id, input: { currency: 'USD' } });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers unknown and malformed ids with NOT_FOUND', async () => {
    const unknown = await t.gql(update, { id: randomUUID(), input: { name: 'x' } });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const malformed = await t.gql(update, { id: 'cus_123', input: { name: 'x' } });
    expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  it('is FORBIDDEN to SALES', async () => {
    const c = await createCustomer();
    const res = await t.gql(update, { id: c.id, input: { name: 'x' } }, await keyFor('SALES'));
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('customer and customerByExternalId', () => {
  it('answers null for unknown and malformed ids', async () => {
    expect((await t.gql<Untyped>(one, { id: randomUUID() })).data!.customer).toBeNull();
    expect((await t.gql<Untyped>(one, { id: 'not-a-uuid' })).data!.customer).toBeNull();
    expect((await t.gql<Untyped>(byExternal, { system: 'SAP', id: 'nobody' })).data!.customerByExternalId).toBeNull();
    const nul = await t.gql(byExternal, { system: 'SAP\u0000', id: 'x' });
    expect(nul.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'system' });
  });

  it('lets SALES and PARTNER read any customer', async () => {
    const c = await createCustomer({ externalIds: [{ system: 'CRM', id: 'read-1' }] });
    for (const role of ['SALES', 'PARTNER']) {
      const key = await keyFor(role);
      expect((await t.gql<Untyped>(one, { id: c.id }, key)).data!.customer.id).toBe(c.id);
      expect((await t.gql<Untyped>(byExternal, { system: 'CRM', id: 'read-1' }, key)).data!.customerByExternalId.id).toBe(c.id);
    }
  });

  it('lets a CUSTOMER key read its own customer only', async () => {
    const mine = await createCustomer({ externalIds: [{ system: 'CRM', id: 'own-1' }] });
    const theirs = await createCustomer({ externalIds: [{ system: 'CRM', id: 'their-1' }] });
    const key = await keyFor('CUSTOMER', mine.id);
    expect((await t.gql<Untyped>(one, { id: mine.id }, key)).data!.customer.id).toBe(mine.id);
    const other = await t.gql(one, { id: theirs.id }, key);
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql<Untyped>(byExternal, { system: 'CRM', id: 'own-1' }, key)).data!.customerByExternalId.id).toBe(mine.id);
    const otherExternal = await t.gql(byExternal, { system: 'CRM', id: 'their-1' }, key);
    expect(otherExternal.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const listed = await t.gql<Untyped>(list, { first: 100 }, key);
    expect(listed.data!.customers.edges.map((e: any) => e.node.id)).toEqual([mine.id]);
  });
});

describe('customers', () => {
  it('pages through a search, oldest first, matching name or email case-insensitively', async () => {
    const token = randomUUID().slice(0, 8);
    const made: string[] = [];
    for (let i = 0; i < 3; i++) made.push((await createCustomer({ name: `Pager ${token} ${i}` })).id);
    for (let i = 0; i < 2; i++) made.push((await createCustomer({ name: `Other ${i}`, email: `ap@PAGER-${token}.example` })).id);
    await createCustomer({ name: 'Not matching' });

    const seen: string[] = [];
    const pages: boolean[] = [];
    let after: string | null = null;
    do {
      const res: any = await t.gql(list, { first: 2, after, search: token.toUpperCase() });
      expect(res.errors).toBeUndefined();
      const { edges, pageInfo } = res.data.customers;
      seen.push(...edges.map((e: any) => e.node.id));
      pages.push(pageInfo.hasNextPage);
      expect(pageInfo.endCursor).toBe(edges.at(-1)?.cursor ?? null);
      after = pageInfo.hasNextPage ? pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(made);
    expect(pages).toEqual([true, true, false]);
  });

  it('treats LIKE wildcards in a search literally', async () => {
    const token = randomUUID().slice(0, 8);
    const literal = await createCustomer({ name: `100% ${token}` });
    await createCustomer({ name: `1000 ${token}` });
    const percent = await t.gql<Untyped>(list, { search: `0% ${token}` });
    expect(percent.data!.customers.edges.map((e: any) => e.node.id)).toEqual([literal.id]);
    const underscore = await t.gql<Untyped>(list, { search: `10_0 ${token}` });
    expect(underscore.data!.customers.edges).toEqual([]);
  });

  it('refuses bad cursors and page sizes with BAD_USER_INPUT', async () => {
    const cursor = await t.gql(list, { after: 'garbage' });
    expect(cursor.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const zero = await t.gql(list, { first: 0 });
    expect(zero.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const big = await t.gql(list, { first: 101 });
    expect(big.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const long = await t.gql(list, { search: 'x'.repeat(201) });
    expect(long.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'search' });
    const nul = await t.gql(list, { search: 'a\u0000' });
    expect(nul.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'search' });
  });

  it.each([
    ['an id that is no uuid', `2026-01-01T00:00:00.000Z|abc`],
    ['a year PostgreSQL cannot store', `-000001-01-01T00:00:00.000Z|${randomUUID()}`],
  ])('refuses a forged cursor with %s as BAD_USER_INPUT', async (_what, raw) => {
    const res = await t.gql(list, { after: Buffer.from(raw, 'utf8').toString('base64url') });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
