import { randomBytes, randomUUID } from 'node:crypto';
import { ManualClock } from '../../src/domain/shared/clock';
import { subscribe } from '../jobs/billing-support';
import { Document, startTestApp, TestApp } from '../support/app';
import { createPrice, createProduct, must } from '../support/catalog';
import { readEvents } from '../support/events';
import { eventually } from '../support/eventually';
import { graphql } from '../support/generated';
import type { Role } from '../support/generated/graphql';

// Segments: customers carry tags and metadata, and customers(filter:) selects by plan, MRR,
// subscription status, tenure and tags, keyset-paginated, scoped as customers(…) is.
const T0 = new Date('2026-03-01T00:00:00Z');
const DAY = 86_400_000;
const clock = new ManualClock(T0);
let t: TestApp;

graphql(`
  fragment SegmentCustomerFields on Customer {
    id
    name
    tags
    metadata
  }
`);
const createQ = graphql(`
  mutation SegmentsCreateCustomer($input: CreateCustomerInput!) {
    createCustomer(input: $input) {
      ...SegmentCustomerFields
    }
  }
`);
const updateQ = graphql(`
  mutation SegmentsUpdateCustomer($id: ID!, $input: UpdateCustomerInput!) {
    updateCustomer(id: $id, input: $input) {
      ...SegmentCustomerFields
    }
  }
`);
const upsertQ = graphql(`
  mutation SegmentsUpsertCustomer($input: UpsertCustomerInput!) {
    upsertCustomer(input: $input) {
      outcome
      customer {
        ...SegmentCustomerFields
        updatedAt
      }
    }
  }
`);
const listQ = graphql(`
  query SegmentsCustomers($first: Int, $after: String, $search: String, $filter: CustomerFilter) {
    customers(first: $first, after: $after, search: $search, filter: $filter) {
      edges {
        cursor
        node {
          id
          name
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** A run of customers whose names share a prefix no other test uses: `search` keeps each test to its own. */
function group(): { prefix: string; name: (n: string) => string } {
  const prefix = `seg-${randomBytes(4).toString('hex')}`;
  return { prefix, name: (n) => `${prefix} ${n}` };
}

/** One second apart, so that creation order is the list's order ((createdAt, id)). */
async function customer(name: string, extra: Record<string, unknown> = {}): Promise<string> {
  clock.advanceSeconds(1);
  return (await must(t, createQ, { input: { name, email: 'c@example.com', currency: 'EUR', taxStatus: 'EXEMPT', ...extra } }))
    .createCustomer.id;
}

async function names(search: string, filter?: Record<string, unknown>, key?: string): Promise<string[]> {
  const data = await must(t, listQ, { first: 100, search, filter }, key);
  return data.customers.edges.map((e) => e.node.name.slice(search.length + 1));
}

/** The one error of a request whose variables are wrong on purpose, so they are not typed. */
async function errorOf(query: Document<unknown, never>, variables: Record<string, unknown>, key?: string) {
  const res = await t.gql(String(query), variables, key);
  expect(res.errors).toHaveLength(1);
  return res.errors![0];
}

async function apiKey(role: Role, customerId?: string): Promise<string> {
  return (
    await must(
      t,
      graphql(`
        mutation SegmentsCreateApiKey($input: CreateApiKeyInput!) {
          createApiKey(input: $input) {
            secret
          }
        }
      `),
      { input: { role, name: role.toLowerCase(), customerId } },
    )
  ).createApiKey.secret;
}

/** Revenue ledger rows written directly, as the ledger's writers would (they are not what is under test here). */
async function mrr(customerId: string, currency: string, delta: string, at = T0): Promise<void> {
  await t.app.db.orm.em
    .fork()
    .execute(
      `insert into mrr_movement (id, customer_id, subscription_id, currency, kind, delta, mrr_after, cause, at) values (?, ?, ?, ?, 'NEW', ?, ?, 'test', ?)`,
      [randomUUID(), customerId, randomUUID(), currency, delta, delta, at],
    );
}

beforeAll(async () => {
  t = await startTestApp({ clock });
  await createProduct(t, 'plan');
  await createPrice(t, 'basic', { kind: 'per_unit', config: { unitAmount: '10.00' } });
  await createPrice(t, 'pro', { kind: 'per_unit', config: { unitAmount: '50.00' } });
});
afterAll(async () => {
  await t.close();
});
afterEach(() => clock.set(T0));

describe('customer tags and metadata', () => {
  it('are set at creation, replaced by updateCustomer, shown on the customer and in its events', async () => {
    const created = (
      await must(t, createQ, {
        input: {
          name: 'Tagged',
          email: 't@example.com',
          currency: 'EUR',
          taxStatus: 'EXEMPT',
          tags: ['vip', 'region:eu', 'vip'],
          metadata: { owner: 'Ana', seats: 12, beta: true, churnRisk: null },
        },
      })
    ).createCustomer;
    // Distinct, in the order given.
    expect(created).toMatchObject({ tags: ['vip', 'region:eu'], metadata: { owner: 'Ana', seats: 12, beta: true, churnRisk: null } });
    const plain = (await must(t, createQ, { input: { name: 'Plain', email: 'p@example.com', currency: 'EUR', taxStatus: 'EXEMPT' } }))
      .createCustomer;
    expect(plain).toMatchObject({ tags: [], metadata: {} });

    // Omitted: kept; given: the whole set or object.
    expect((await must(t, updateQ, { id: created.id, input: { name: 'Tagged 2' } })).updateCustomer).toMatchObject({
      tags: ['vip', 'region:eu'],
      metadata: { owner: 'Ana' },
    });
    const updated = (await must(t, updateQ, { id: created.id, input: { tags: ['enterprise'], metadata: { owner: 'Bo' } } })).updateCustomer;
    expect(updated).toMatchObject({ tags: ['enterprise'], metadata: { owner: 'Bo' } });
    expect((await must(t, updateQ, { id: created.id, input: { tags: [], metadata: {} } })).updateCustomer).toMatchObject({
      tags: [],
      metadata: {},
    });

    // The read horizon is the oldest transaction on the whole server: on a shared PostgreSQL, wait for it.
    const events = await eventually(
      async () =>
        (await readEvents(t, { types: ['customer.*'], fields: 'aggregateId type data' })).filter((e) => e.aggregateId === created.id),
      {
        until: (events) => events.length >= 4,
        what: 'four customer events',
      },
    );
    expect(events.map((e) => [e.type, e.data.tags, e.data.metadata])).toEqual([
      ['customer.created', ['vip', 'region:eu'], { owner: 'Ana', seats: 12, beta: true, churnRisk: null }],
      ['customer.updated', ['vip', 'region:eu'], { owner: 'Ana', seats: 12, beta: true, churnRisk: null }],
      ['customer.updated', ['enterprise'], { owner: 'Bo' }],
      ['customer.updated', [], {}],
    ]);
  });

  it('are part of an upsert’s whole state: a replay (keys in another order) is UNCHANGED, a difference UPDATED, an omission keeps them', async () => {
    const input = {
      externalId: { system: 'CRM', id: `seg-${randomBytes(3).toString('hex')}` },
      name: 'Synced',
      email: 's@example.com',
      currency: 'EUR',
      taxStatus: 'EXEMPT',
    } as const;
    const first = (await must(t, upsertQ, { input: { ...input, tags: ['a', 'b'], metadata: { x: '1', y: 2 } } })).upsertCustomer;
    expect(first).toMatchObject({ outcome: 'CREATED', customer: { tags: ['a', 'b'], metadata: { x: '1', y: 2 } } });
    const replay = (await must(t, upsertQ, { input: { ...input, tags: ['a', 'b'], metadata: { y: 2, x: '1' } } })).upsertCustomer;
    expect(replay).toMatchObject({ outcome: 'UNCHANGED', customer: { updatedAt: first.customer.updatedAt } });
    expect((await must(t, upsertQ, { input })).upsertCustomer.outcome).toBe('UNCHANGED');
    clock.set(new Date(T0.getTime() + 1000));
    const changed = (await must(t, upsertQ, { input: { ...input, tags: ['b', 'a'] } })).upsertCustomer;
    expect(changed).toMatchObject({ outcome: 'UPDATED', customer: { tags: ['b', 'a'], metadata: { x: '1', y: 2 } } });
    expect((await must(t, upsertQ, { input: { ...input, metadata: { x: '2', y: 2 } } })).upsertCustomer).toMatchObject({
      outcome: 'UPDATED',
      customer: { metadata: { x: '2', y: 2 } },
    });
  });

  it('are bounded and validated, each refusal naming its field', async () => {
    const base = { name: 'Bad', email: 'b@example.com', currency: 'EUR', taxStatus: 'EXEMPT' } as const;
    const cases: [Record<string, unknown>, string][] = [
      [{ tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'input.tags'],
      [{ tags: ['ok', 'a,b'] }, 'input.tags[1]'],
      [{ tags: [''] }, 'input.tags[0]'],
      [{ tags: ['trailing '] }, 'input.tags[0]'],
      [{ tags: ['x'.repeat(65)] }, 'input.tags[0]'],
      [{ tags: ['nul\u0000'] }, 'input.tags[0]'],
      [{ metadata: { nested: { a: 1 } } }, 'input.metadata.nested'],
      [{ metadata: { list: [1] } }, 'input.metadata.list'],
      [{ metadata: { long: 'x'.repeat(501) } }, 'input.metadata.long'],
      [{ metadata: { ['k'.repeat(41)]: 'v' } }, `input.metadata.${'k'.repeat(40)}`],
      [{ metadata: { nul: 'a\u0000b' } }, 'input.metadata.nul'],
      [{ metadata: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i])) }, 'input.metadata'],
    ];
    for (const [extra, field] of cases) {
      const err = await errorOf(createQ, { input: { ...base, ...extra } });
      expect({ field, extensions: err.extensions }).toMatchObject({ field, extensions: { code: 'BAD_USER_INPUT', field } });
    }
    // At the limits, and a key that is JavaScript's prototype stays a key.
    const edge = (
      await must(t, createQ, {
        input: {
          ...base,
          tags: Array.from({ length: 20 }, (_, i) => `tag ${i}`),
          metadata: { ...Object.fromEntries(Array.from({ length: 49 }, (_, i) => [`k${i}`, 'v'.repeat(500)])), ['__proto__']: 'kept' },
        },
      })
    ).createCustomer;
    expect(edge.tags).toHaveLength(20);
    expect(Object.keys(edge.metadata)).toHaveLength(50);
    expect(edge.metadata.__proto__).toBe('kept');
  });
});

describe('customers(filter:)', () => {
  it('selects by tags: customers holding every tag named', async () => {
    const g = group();
    await customer(g.name('both'), { tags: ['vip', 'region:eu'] });
    await customer(g.name('vip'), { tags: ['vip'] });
    await customer(g.name('eu'), { tags: ['region:eu', 'other'] });
    await customer(g.name('none'));
    expect(await names(g.prefix, { tags: ['vip'] })).toEqual(['both', 'vip']);
    expect(await names(g.prefix, { tags: ['region:eu', 'vip'] })).toEqual(['both']);
    expect(await names(g.prefix, { tags: ['VIP'] })).toEqual([]);
    expect(await names(g.prefix, {})).toEqual(['both', 'vip', 'eu', 'none']);
  });

  it('answers the same customer as customer(id) does, every field', async () => {
    const g = group();
    const id = await customer(g.name('full'), {
      taxStatus: 'TAXABLE',
      taxRate: '19.5',
      paymentTermsDays: 14,
      invoiceDrafts: true,
      tags: ['full'],
      metadata: { a: 1 },
      externalIds: [{ system: 'SAP', id: `${g.prefix}-1` }],
    });
    const fields =
      'id name email currency taxStatus taxRate invoiceDrafts paymentTermsDays tags metadata createdAt updatedAt testClockId externalIds { system id }';
    const one = (await must(t, `query($id: ID!) { customer(id: $id) { ${fields} } }`, { id })).customer;
    const listed = await must(
      t,
      `query($s: String, $f: CustomerFilter) { customers(first: 5, search: $s, filter: $f) { edges { node { ${fields} } } } }`,
      { s: g.prefix, f: { tags: ['full'] } },
    );
    expect(listed.customers.edges.map((e: any) => e.node)).toEqual([one]);
    expect(one).toMatchObject({
      taxRate: '19.5',
      tags: ['full'],
      metadata: { a: 1 },
      externalIds: [{ system: 'SAP', id: `${g.prefix}-1` }],
    });
  });

  it('selects by plan: a live subscription with an item of one of the price codes, or one in the statuses named', async () => {
    const g = group();
    const basic = await customer(g.name('basic'));
    const pro = await customer(g.name('pro'));
    const canceled = await customer(g.name('canceled'));
    const trial = await customer(g.name('trial'));
    await customer(g.name('none'));
    await subscribe(t, basic, { items: [{ priceCode: 'basic', quantity: '1' }] });
    await subscribe(t, pro, {
      items: [
        { priceCode: 'pro', quantity: '1' },
        { priceCode: 'basic', quantity: '2' },
      ],
    });
    const gone = await subscribe(t, canceled, { items: [{ priceCode: 'basic', quantity: '1' }] });
    await must(
      t,
      graphql(`
        mutation SegmentsCancelSubscription($id: ID!) {
          cancelSubscription(id: $id, atPeriodEnd: false) {
            status
          }
        }
      `),
      { id: gone },
    );
    await subscribe(t, trial, { items: [{ priceCode: 'pro', quantity: '1' }], trialDays: 14 });

    expect(await names(g.prefix, { planPriceCodes: ['basic'] })).toEqual(['basic', 'pro']);
    expect(await names(g.prefix, { planPriceCodes: ['pro'] })).toEqual(['pro', 'trial']);
    expect(await names(g.prefix, { planPriceCodes: ['pro', 'basic'] })).toEqual(['basic', 'pro', 'trial']);
    expect(await names(g.prefix, { planPriceCodes: ['unknown-code'] })).toEqual([]);
    // Plan and status together: the same subscription has both.
    expect(await names(g.prefix, { planPriceCodes: ['basic'], subscriptionStatus: ['CANCELED'] })).toEqual(['canceled']);
    expect(await names(g.prefix, { planPriceCodes: ['pro'], subscriptionStatus: ['ACTIVE'] })).toEqual(['pro']);
    // Status alone, one or several; a single value is a list of one.
    expect(await names(g.prefix, { subscriptionStatus: ['TRIALING'] })).toEqual(['trial']);
    expect(await names(g.prefix, { subscriptionStatus: 'CANCELED' })).toEqual(['canceled']);
    expect(await names(g.prefix, { subscriptionStatus: ['ACTIVE', 'TRIALING'] })).toEqual(['basic', 'pro', 'trial']);
  });

  it('selects by current MRR in a currency: the ledger’s sum, rounded once to the minor unit, bounds inclusive', async () => {
    const g = group();
    const big = await customer(g.name('big'));
    const churned = await customer(g.name('churned'));
    await customer(g.name('never'));
    const usd = await customer(g.name('usd'));
    const future = await customer(g.name('future'));
    await mrr(big, 'EUR', '100');
    await mrr(big, 'EUR', '50.005');
    await mrr(churned, 'EUR', '30');
    await mrr(churned, 'EUR', '-30');
    await mrr(usd, 'USD', '200');
    // A movement dated after now is not current yet.
    await mrr(future, 'EUR', '500', new Date(T0.getTime() + DAY));

    expect(await names(g.prefix, { mrrMin: '150.01', currency: 'EUR' })).toEqual(['big']);
    expect(await names(g.prefix, { mrrMin: '150.02', currency: 'EUR' })).toEqual([]);
    expect(await names(g.prefix, { mrrMin: '100', mrrMax: '150.01', currency: 'EUR' })).toEqual(['big']);
    expect(await names(g.prefix, { mrrMax: '0', currency: 'EUR' })).toEqual(['churned', 'never', 'usd', 'future']);
    expect(await names(g.prefix, { mrrMin: '0.01', currency: 'usd' })).toEqual(['usd']);
    clock.set(new Date(T0.getTime() + 2 * DAY));
    expect(await names(g.prefix, { mrrMin: '500', currency: 'EUR' })).toEqual(['future']);
  });

  it('selects by tenure: whole days since the first subscription started, on the customer’s own clock', async () => {
    const g = group();
    const old = await customer(g.name('old'));
    await subscribe(t, old, { items: [{ priceCode: 'basic', quantity: '1' }] });
    const testClock = (
      await must(
        t,
        graphql(`
          mutation SegmentsCreateTestClock($at: DateTime!) {
            createTestClock(frozenTime: $at) {
              id
            }
          }
        `),
        { at: T0.toISOString() },
      )
    ).createTestClock.id;
    const demo = await customer(g.name('demo'), { testClockId: testClock });
    await subscribe(t, demo, { items: [{ priceCode: 'basic', quantity: '1' }] });
    await customer(g.name('none'));
    // Canceled before it started: never a customer's start.
    const later = await customer(g.name('later'));
    const pending = await subscribe(t, later, {
      items: [{ priceCode: 'basic', quantity: '1' }],
      startsAt: new Date(T0.getTime() + 10 * DAY).toISOString(),
    });
    await must(
      t,
      graphql(`
        mutation SegmentsCancelSubscription2($id: ID!) {
          cancelSubscription(id: $id, atPeriodEnd: false) {
            status
          }
        }
      `),
      { id: pending },
    );

    // 40 days and an hour later on the real clock; the demo customer's test clock still stands at T0.
    clock.set(new Date(T0.getTime() + 40 * DAY + 3_600_000));
    expect(await names(g.prefix, { tenureMinDays: 40 })).toEqual(['old']);
    expect(await names(g.prefix, { tenureMinDays: 41 })).toEqual([]);
    expect(await names(g.prefix, { tenureMaxDays: 39 })).toEqual(['demo']);
    expect(await names(g.prefix, { tenureMinDays: 0, tenureMaxDays: 40 })).toEqual(['old', 'demo']);
    expect(await names(g.prefix, { tenureMinDays: 0 })).toEqual(['old', 'demo']);
  });

  it('combines criteria: all must hold, with search', async () => {
    const g = group();
    const a = await customer(g.name('a'), { tags: ['vip'] });
    const b = await customer(g.name('b'), { tags: ['vip'] });
    const c = await customer(g.name('c'));
    for (const id of [a, b, c]) await subscribe(t, id, { items: [{ priceCode: 'pro', quantity: '1' }] });
    // Far above anything a subscription of this test could add to the ledger itself.
    await mrr(a, 'EUR', '10000');
    await mrr(c, 'EUR', '10000');
    clock.set(new Date(T0.getTime() + 5 * DAY + 3_600_000));
    const all = {
      planPriceCodes: ['pro'],
      tags: ['vip'],
      mrrMin: '5000',
      currency: 'EUR',
      subscriptionStatus: ['ACTIVE'],
      tenureMinDays: 5,
      tenureMaxDays: 5,
    };
    expect(await names(g.prefix, all)).toEqual(['a']);
    expect(await names(g.prefix, { ...all, tags: undefined })).toEqual(['a', 'c']);
    expect(await names(g.prefix, { ...all, mrrMin: undefined, currency: undefined })).toEqual(['a', 'b']);
    expect(await names(g.prefix, { ...all, tenureMinDays: 6, tenureMaxDays: undefined })).toEqual([]);
    expect(await names(`${g.prefix} b`, { ...all, mrrMin: undefined, currency: undefined })).toEqual(['']);
  });

  it('pages by keyset in creation order, on the plain list’s cursors, and refuses a forged cursor', async () => {
    const g = group();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(await customer(g.name(`n${i}`), { tags: ['paged'] }));
      await customer(g.name(`other${i}`));
    }
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const data: any = await must(t, listQ, { first: 2, after, search: g.prefix, filter: { tags: ['paged'] } });
      pages++;
      seen.push(...data.customers.edges.map((e: any) => e.node.id));
      expect(data.customers.edges.at(-1)?.cursor).toBe(data.customers.pageInfo.endCursor);
      if (!data.customers.pageInfo.hasNextPage) break;
      after = data.customers.pageInfo.endCursor;
    }
    expect({ pages, seen }).toEqual({ pages: 3, seen: ids });
    // The cursor is the unfiltered list's: a page of the plain list can be continued with a filter and back.
    const plain = await must(t, listQ, { first: 1, search: g.prefix });
    const cont = await must(t, listQ, {
      first: 2,
      after: plain.customers.pageInfo.endCursor,
      search: g.prefix,
      filter: { tags: ['paged'] },
    });
    expect(cont.customers.edges.map((e) => e.node.id)).toEqual(ids.slice(1, 3));

    for (const after of [
      'garbage',
      Buffer.from('2026-01-01T00:00:00Z|not-a-uuid').toString('base64url'),
      Buffer.from('+275760-09-13T00:00:00.000Z|00000000-0000-4000-8000-000000000000').toString('base64url'),
    ]) {
      const err = await errorOf(listQ, { first: 2, after, filter: { tags: ['paged'] } });
      expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    }
  });

  it('is read as customers(…) is: SALES and ADMIN see every customer, a CUSTOMER key itself only', async () => {
    const g = group();
    const mine = await customer(g.name('mine'), { tags: ['scoped'] });
    await customer(g.name('theirs'), { tags: ['scoped'] });
    await customer(g.name('untagged'));
    const sales = await apiKey('SALES');
    const own = await apiKey('CUSTOMER', mine);
    expect(await names(g.prefix, { tags: ['scoped'] }, sales)).toEqual(['mine', 'theirs']);
    expect(await names(g.prefix, { tags: ['scoped'] }, own)).toEqual(['mine']);
    const all = await must(t, listQ, { first: 100, filter: {} }, own);
    expect(all.customers.edges.map((e) => e.node.id)).toEqual([mine]);
    // A filter the own customer does not meet shows nothing, not someone else.
    expect(await names(g.prefix, { tags: ['other'] }, own)).toEqual([]);
    expect(await names(g.prefix, { mrrMax: '0', currency: 'EUR' }, own)).toEqual(['mine']);
  });

  it('refuses bad criteria with the field, never as a server error', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ planPriceCodes: [] }, 'filter.planPriceCodes'],
      [{ planPriceCodes: ["'; drop table customer; --"] }, 'filter.planPriceCodes[0]'],
      [{ planPriceCodes: Array.from({ length: 51 }, (_, i) => `p${i}`) }, 'filter.planPriceCodes'],
      [{ subscriptionStatus: [] }, 'filter.subscriptionStatus'],
      [{ tags: [] }, 'filter.tags'],
      [{ tags: ['%_\\'] }, 'filter.tags[0]'],
      [{ tags: ['\u0000'] }, 'filter.tags[0]'],
      [{ mrrMin: '10' }, 'filter.currency'],
      [{ currency: 'EUR' }, 'filter.currency'],
      [{ mrrMin: '10', mrrMax: '5', currency: 'EUR' }, 'filter.mrrMax'],
      [{ mrrMin: '10', currency: 'XXX' }, 'filter.currency'],
      [{ tenureMinDays: -1 }, 'filter.tenureMinDays'],
      [{ tenureMaxDays: 36501 }, 'filter.tenureMaxDays'],
      [{ tenureMinDays: 5, tenureMaxDays: 4 }, 'filter.tenureMaxDays'],
    ];
    for (const [filter, field] of cases) {
      const err = await errorOf(listQ, { first: 5, filter });
      expect({ filter, extensions: err.extensions }).toMatchObject({ filter, extensions: { code: 'BAD_USER_INPUT', field } });
    }
    for (const filter of [{ mrrMin: 'NaN', currency: 'EUR' }, { subscriptionStatus: ['DELETED'] }, { tenureMinDays: 1.5 }]) {
      const res = await t.gql(String(listQ), { first: 5, filter });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    // Hostile search text next to a filter is a pattern like any other.
    expect(await names("%_\\'; drop", { tags: ['vip'] })).toEqual([]);
  });
});
