import { randomUUID } from 'node:crypto';
import { BillingInterval, Price } from '../../src/domain/catalog/price.entity';
import { Product } from '../../src/domain/catalog/product.entity';
import { contractTermsFor } from '../../src/domain/contracts/contract-terms';
import { startTestApp, TestApp, Untyped } from '../support/app';

let t: TestApp;
let eur: string;
let usd: string;

const JAN = '2026-01-01T00:00:00.000Z';
const FEB = '2026-02-01T00:00:00.000Z';
const MAR = '2026-03-01T00:00:00.000Z';
const APR = '2026-04-01T00:00:00.000Z';
const JUN = '2026-06-01T00:00:00.000Z';
const JUL = '2026-07-01T00:00:00.000Z';

async function seedPrice(code: string, currency: string, ruleKind: string, ruleConfig: Record<string, unknown>): Promise<void> {
  const em = t.app.db.orm.em.fork();
  const product =
    (await em.findOne(Product, { code: 'contracts-test' })) ??
    em.create(Product, { code: 'contracts-test', name: 'Contracts test', createdAt: new Date() });
  em.create(Price, { code, version: 1, product, currency, interval: BillingInterval.MONTH, ruleKind, ruleConfig, createdAt: new Date() });
  await em.flush();
}

const createCustomerQ = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`;
const contractFields = 'id code startsAt endsAt minimumCommitment createdAt customer { id } items { priceCode override discountPercent }';
const createQ = `mutation($input: CreateContractInput!) { createContract(input: $input) { ${contractFields} } }`;
const oneQ = `query($id: ID!) { contract(id: $id) { ${contractFields} } }`;
const ofCustomerQ = `query($id: ID!) { customer(id: $id) { contracts { code items { priceCode } } } }`;

async function newCustomer(currency = 'EUR'): Promise<string> {
  const res = await t.gql<Untyped>(createCustomerQ, {
    input: { name: 'Contract Co', email: 'c@contract.example', currency, taxStatus: 'EXEMPT' },
  });
  expect(res.errors).toBeUndefined();
  return res.data!.createCustomer.id;
}

async function keyFor(role: string, customerId?: string): Promise<string> {
  const res = await t.gql<Untyped>(`mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`, {
    input: { role, name: role, ...(customerId ? { customerId } : {}) },
  });
  return res.data!.createApiKey.secret;
}

function input(customerId: string, overrides: Record<string, unknown> = {}) {
  return { customerId, code: `C-${randomUUID().slice(0, 8)}`, startsAt: JAN, endsAt: null, items: [{ priceCode: 'SEAT' }], ...overrides };
}

function bundleOf(priceCode: string) {
  return { components: [{ priceCode, quantity: '2' }] };
}

async function codesOf(customerId: string): Promise<string[]> {
  const res = await t.gql<Untyped>(ofCustomerQ, { id: customerId });
  return res.data!.customer.contracts.map((c: { code: string }) => c.code);
}

beforeAll(async () => {
  t = await startTestApp();
  await seedPrice('SEAT', 'EUR', 'per_unit', { unitAmount: '10.00' });
  await seedPrice('SUPPORT', 'EUR', 'flat', { amount: '99.00' });
  await seedPrice('SEAT-USD', 'USD', 'per_unit', { unitAmount: '12.00' });
  await seedPrice('SUITE', 'EUR', 'bundle', { components: [{ priceCode: 'SEAT', quantity: '1' }] });
  eur = await newCustomer('EUR');
  usd = await newCustomer('USD');
});
afterAll(async () => {
  await t.close();
});

describe('createContract', () => {
  it('creates a contract with its items and lists it on the customer', async () => {
    const res = await t.gql<Untyped>(createQ, {
      input: {
        customerId: eur,
        code: 'ACME-2026',
        startsAt: JAN,
        endsAt: '2027-01-01T00:00:00+01:00',
        minimumCommitment: '500.00',
        items: [
          { priceCode: 'SEAT', override: { unitAmount: '8.00' }, discountPercent: '10' },
          { priceCode: 'SUPPORT', discountPercent: '2.5' },
        ],
      },
    });
    expect(res.errors).toBeUndefined();
    const c = res.data!.createContract;
    expect(c).toMatchObject({
      code: 'ACME-2026',
      startsAt: JAN,
      endsAt: '2026-12-31T23:00:00.000Z',
      minimumCommitment: '500',
      customer: { id: eur },
      items: [
        { priceCode: 'SEAT', override: { unitAmount: '8.00' }, discountPercent: '10' },
        { priceCode: 'SUPPORT', override: null, discountPercent: '2.5' },
      ],
    });
    const read = await t.gql<Untyped>(oneQ, { id: c.id });
    expect(read.data!.contract).toMatchObject({ id: c.id, code: 'ACME-2026', items: expect.arrayContaining(c.items) });
    expect(await codesOf(eur)).toContain('ACME-2026');
  });

  it('gives the engine the terms, parsed, through contractTermsFor and previewQuote', async () => {
    const customerId = await newCustomer();
    await t.gql(createQ, {
      input: input(customerId, { code: 'TERMS', items: [{ priceCode: 'SEAT', override: { unitAmount: '8.00' }, discountPercent: '10' }] }),
    });
    const terms = await contractTermsFor(t.app.db.orm.em.fork(), customerId);
    expect(terms).toHaveLength(1);
    expect(terms[0]).toMatchObject({ code: 'TERMS', endsAt: null, minimumCommitment: null });
    expect(terms[0].startsAt.toISOString()).toBe(JAN);
    expect(terms[0].items[0].priceCode).toBe('SEAT');
    expect(terms[0].items[0].discountPercent?.toFixed()).toBe('10');
    expect((terms[0].items[0].override as { unitAmount: { toFixed(): string } }).unitAmount.toFixed()).toBe('8');

    const quote = await t.gql<Untyped>(`query($input: PreviewQuoteInput!) { previewQuote(input: $input) { total lines { amount } } }`, {
      input: { customerId, currency: 'EUR', at: FEB, lines: [{ priceCode: 'SEAT', quantity: '10' }] },
    });
    expect(quote.errors).toBeUndefined();
    expect(quote.data!.previewQuote.lines[0].amount).toBe('72.00');
  });

  it.each([
    ['a malformed code', 'input.code', { code: 'no spaces' }],
    ['an end before the start', 'input.endsAt', { startsAt: FEB, endsAt: JAN }],
    ['an end equal to the start', 'input.endsAt', { startsAt: FEB, endsAt: FEB }],
    ['a negative minimum commitment', 'input.minimumCommitment', { minimumCommitment: '-0.01' }],
    ['no items', 'input.items', { items: [] }],
    ['101 items', 'input.items', { items: Array.from({ length: 101 }, (_, i) => ({ priceCode: `P${i}` })) }],
    ['an unknown price', 'input.items[1].priceCode', { items: [{ priceCode: 'SEAT' }, { priceCode: 'NOPE' }] }],
    ['a price in another currency', 'input.items[0].priceCode', { items: [{ priceCode: 'SEAT-USD' }] }],
    ['the same price twice', 'input.items[1].priceCode', { items: [{ priceCode: 'SEAT' }, { priceCode: 'SEAT' }] }],
    [
      'an override of another shape',
      'input.items[0].override.unitAmount',
      { items: [{ priceCode: 'SEAT', override: { unitAmount: 'ten' } }] },
    ],
    [
      'an override with an unknown key',
      'input.items[0].override',
      { items: [{ priceCode: 'SEAT', override: { unitAmount: '1', tiers: [] } }] },
    ],
    ['an override of the flat price without amount', 'input.items[0].override.amount', { items: [{ priceCode: 'SUPPORT', override: {} }] }],
    ['a discount over 100 %', 'input.items[0].discountPercent', { items: [{ priceCode: 'SEAT', discountPercent: '100.5' }] }],
    ['a negative discount', 'input.items[0].discountPercent', { items: [{ priceCode: 'SEAT', discountPercent: '-1' }] }],
    ['a start in year 0', 'input.startsAt', { startsAt: '0000-06-01T00:00:00Z' }],
    ['an end past 9999 in UTC', 'input.endsAt', { endsAt: '9999-12-31T23:00:00-05:00' }],
    ['a price code with NUL', 'input.items[0].priceCode', { items: [{ priceCode: 'SE\u0000AT' }] }],
    [
      'a bundle override with an unknown component',
      'input.items[0].override',
      { items: [{ priceCode: 'SUITE', override: bundleOf('NOPE') }] },
    ],
    [
      'a bundle override with a component in USD',
      'input.items[0].override',
      { items: [{ priceCode: 'SUITE', override: bundleOf('SEAT-USD') }] },
    ],
    ['a bundle override containing itself', 'input.items[0].override', { items: [{ priceCode: 'SUITE', override: bundleOf('SUITE') }] }],
    [
      'a bundle override with NUL',
      'input.items[0].override.components[0].priceCode',
      { items: [{ priceCode: 'SUITE', override: bundleOf('SE\u0000AT') }] },
    ],
  ])('refuses %s with BAD_USER_INPUT on %s and creates nothing', async (_what, field, overrides) => {
    const customerId = await newCustomer();
    const res = await t.gql(createQ, { input: input(customerId, overrides) });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(res.data ?? null).toBeNull(); // refused at execution (null) or before it (absent)
    expect(await codesOf(customerId)).toEqual([]);
  });

  it('accepts a bundle override whose components exist in the currency', async () => {
    const res = await t.gql<Untyped>(createQ, {
      input: input(await newCustomer(), { items: [{ priceCode: 'SUITE', override: bundleOf('SUPPORT') }] }),
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createContract.items).toEqual([{ priceCode: 'SUITE', override: bundleOf('SUPPORT'), discountPercent: null }]);
  });

  it('answers an unknown or malformed customer id with NOT_FOUND', async () => {
    for (const id of [randomUUID(), 'cus_123']) {
      const res = await t.gql(createQ, { input: input(id) });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.customerId' });
    }
  });

  it('refuses a code the customer already uses with CONFLICT; other customers may use it', async () => {
    const customerId = await newCustomer();
    await t.gql(createQ, { input: input(customerId, { code: 'DUP', startsAt: JAN, endsAt: FEB }) });
    const again = await t.gql(createQ, { input: input(customerId, { code: 'DUP', startsAt: MAR, endsAt: APR }) });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.code' });
    const elsewhere = await t.gql(createQ, { input: input(await newCustomer(), { code: 'DUP' }) });
    expect(elsewhere.errors).toBeUndefined();
  });

  it.each([
    ['overlapping ranges', true, [JAN, MAR], [FEB, APR]],
    ['one inside the other', true, [JAN, APR], [FEB, MAR]],
    ['an open-ended contract and a later one', true, [JAN, null], [JUN, JUL]],
    ['a later contract and an open-ended one', true, [JUN, JUL], [JAN, null]],
    ['two open-ended contracts', true, [JUN, null], [JAN, null]],
    ['adjacent ranges (half-open)', false, [JAN, MAR], [MAR, APR]],
    ['adjacent ranges, the new one first', false, [FEB, MAR], [JAN, FEB]],
    ['a range ending where an open-ended one starts', false, [JUN, null], [JAN, JUN]],
  ])('with %s on the same price, CONFLICT is %p', async (_what, conflict, [s1, e1], [s2, e2]) => {
    const customerId = await newCustomer();
    const first = await t.gql(createQ, { input: input(customerId, { code: 'FIRST', startsAt: s1, endsAt: e1 }) });
    expect(first.errors).toBeUndefined();
    const second = await t.gql(createQ, {
      input: input(customerId, { startsAt: s2, endsAt: e2, items: [{ priceCode: 'SUPPORT' }, { priceCode: 'SEAT' }] }),
    });
    if (conflict) {
      expect(second.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.items[1].priceCode', contractCode: 'FIRST' });
      expect(second.errors?.[0].message).toContain('FIRST');
      expect(await codesOf(customerId)).toEqual(['FIRST']);
    } else {
      expect(second.errors).toBeUndefined();
    }
  });

  it('lets contracts overlap when they price different codes', async () => {
    const customerId = await newCustomer();
    await t.gql(createQ, { input: input(customerId, { items: [{ priceCode: 'SEAT' }] }) });
    const res = await t.gql(createQ, { input: input(customerId, { items: [{ priceCode: 'SUPPORT' }] }) });
    expect(res.errors).toBeUndefined();
  });

  it('gives racing overlapping contracts exactly one winner, the rest CONFLICT', async () => {
    const customerId = await newCustomer();
    const results = await Promise.all(Array.from({ length: 5 }, () => t.gql<Untyped>(createQ, { input: input(customerId) })));
    expect(results.filter((r) => r.data?.createContract).length).toBe(1);
    for (const r of results.filter((x) => x.errors)) expect(r.errors![0].extensions?.code).toBe('CONFLICT');
    expect(await codesOf(customerId)).toHaveLength(1);
  });

  it('gives racing contracts with one code exactly one winner, the rest CONFLICT', async () => {
    const customerId = await newCustomer();
    const ranges = [
      [JAN, FEB],
      [FEB, MAR],
      [MAR, APR],
      [APR, JUN],
    ];
    const results = await Promise.all(
      ranges.map(([startsAt, endsAt]) => t.gql<Untyped>(createQ, { input: input(customerId, { code: 'SAME', startsAt, endsAt }) })),
    );
    expect(results.filter((r) => r.data?.createContract).length).toBe(1);
    for (const r of results.filter((x) => x.errors))
      expect(r.errors![0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.code' });
  });

  it('is FORBIDDEN to SALES and CUSTOMER keys', async () => {
    for (const key of [await keyFor('SALES'), await keyFor('CUSTOMER', eur)]) {
      const res = await t.gql(createQ, { input: input(eur, { startsAt: '2030-01-01T00:00:00Z' }) }, key);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('reading contracts', () => {
  let mine: string;
  let theirs: string;
  let mineContract: string;
  let theirsContract: string;
  beforeAll(async () => {
    mine = await newCustomer();
    theirs = await newCustomer();
    mineContract = (await t.gql<Untyped>(createQ, { input: input(mine, { code: 'MINE' }) })).data!.createContract.id;
    theirsContract = (await t.gql<Untyped>(createQ, { input: input(theirs, { code: 'THEIRS' }) })).data!.createContract.id;
  });

  it('answers null for unknown and malformed ids', async () => {
    expect((await t.gql<Untyped>(oneQ, { id: randomUUID() })).data!.contract).toBeNull();
    expect((await t.gql<Untyped>(oneQ, { id: 'ctr_1' })).data!.contract).toBeNull();
  });

  it('lets SALES read any contract', async () => {
    const key = await keyFor('SALES');
    expect((await t.gql<Untyped>(oneQ, { id: theirsContract }, key)).data!.contract.code).toBe('THEIRS');
    expect((await t.gql<Untyped>(ofCustomerQ, { id: theirs }, key)).data!.customer.contracts).toEqual([
      { code: 'THEIRS', items: [{ priceCode: 'SEAT' }] },
    ]);
  });

  it('lets a CUSTOMER key read its own contracts only', async () => {
    const key = await keyFor('CUSTOMER', mine);
    expect((await t.gql<Untyped>(oneQ, { id: mineContract }, key)).data!.contract.code).toBe('MINE');
    expect((await t.gql<Untyped>(ofCustomerQ, { id: mine }, key)).data!.customer.contracts).toEqual([
      { code: 'MINE', items: [{ priceCode: 'SEAT' }] },
    ]);
    const other = await t.gql(oneQ, { id: theirsContract }, key);
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('keeps contracts from PARTNER keys, which may read customers', async () => {
    const key = await keyFor('PARTNER');
    expect((await t.gql(oneQ, { id: mineContract }, key)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const viaCustomer = await t.gql(ofCustomerQ, { id: mine }, key);
    expect(viaCustomer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('lists the contracts of every customer on a page', async () => {
    const res = await t.gql<Untyped>(`{ customers(first: 100) { edges { node { id contracts { code customer { id } } } } } }`);
    expect(res.errors).toBeUndefined();
    const byId = new Map(res.data!.customers.edges.map((e: any) => [e.node.id, e.node.contracts]));
    expect(byId.get(mine)).toEqual([{ code: 'MINE', customer: { id: mine } }]);
    expect(byId.get(theirs)).toEqual([{ code: 'THEIRS', customer: { id: theirs } }]);
    expect(byId.get(usd)).toEqual([]);
  });
});
