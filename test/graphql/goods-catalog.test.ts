import { boundRows } from '../../src/db/bound-query';
import { ManualClock } from '../../src/domain/shared/clock';
import { startTestApp, TestApp } from '../support/app';
import { must } from '../support/catalog';

// Goods in the catalog and the warehouse's counts (issue 17, first slice).
const clock = new ManualClock(new Date('2026-12-01T08:00:00Z'));
let t: TestApp;

const PRODUCT = 'code kind sku stockPolicy';
const CREATE = `mutation($input: CreateProductInput!) { createProduct(input: $input) { ${PRODUCT} } }`;
const UPSERT = `mutation($input: UpsertProductInput!) { upsertProduct(input: $input) { outcome product { ${PRODUCT} } } }`;
const LEVELS = `mutation($levels: [InventoryLevelInput!]!, $asOf: DateTime) { setInventoryLevels(levels: $levels, asOf: $asOf) }`;
const STOCK = `query($code: String!) { product(code: $code) { sku inventory { sku available asOf } } }`;

async function error(
  query: string,
  variables: Record<string, unknown>,
  key?: string,
): Promise<{ code: string; field: string; message: string }> {
  const res = await t.gql(query, variables, key);
  expect(res.errors).toHaveLength(1);
  const e = res.errors![0];
  return { code: String(e.extensions?.code), field: String(e.extensions?.field), message: e.message };
}

async function count(table: string): Promise<number> {
  const [row] = await boundRows<{ n: string }>(t.app.db.orm.em.fork(), `select count(*) as n from ${table}`);
  return Number(row.n);
}

beforeAll(async () => {
  t = await startTestApp({ clock });
});
afterAll(async () => {
  await t.close();
});

describe('goods in the catalog', () => {
  it('creates services by default and goods with a SKU and a stock policy (BACKORDER unless given)', async () => {
    expect((await must(t, CREATE, { input: { code: 'support', name: 'Support' } })).createProduct).toEqual({
      code: 'support',
      kind: 'SERVICE',
      sku: null,
      stockPolicy: null,
    });
    expect((await must(t, CREATE, { input: { code: 'toner', name: 'Toner', kind: 'PHYSICAL', sku: ' TN-2420 ' } })).createProduct).toEqual({
      code: 'toner',
      kind: 'PHYSICAL',
      sku: 'TN-2420',
      stockPolicy: 'BACKORDER',
    });
    const gloves = { code: 'gloves', name: 'Gloves', kind: 'PHYSICAL', sku: 'GL/M/100', stockPolicy: 'HOLD_ORDER' };
    expect((await must(t, CREATE, { input: gloves })).createProduct).toMatchObject({ sku: 'GL/M/100', stockPolicy: 'HOLD_ORDER' });
  });

  it.each([
    ['PHYSICAL without a SKU', { kind: 'PHYSICAL' }, 'BAD_USER_INPUT', 'input.sku', /needs a SKU/],
    ['a SKU on a service', { sku: 'X-1' }, 'BAD_USER_INPUT', 'input.sku', /only a PHYSICAL/],
    ['a stock policy on a service', { stockPolicy: 'SKIP_LINE' }, 'BAD_USER_INPUT', 'input.stockPolicy', /only a PHYSICAL/],
    ['a SKU with a space', { kind: 'PHYSICAL', sku: 'TN 2420' }, 'BAD_USER_INPUT', 'input.sku', /a SKU is/],
    ['a SKU of 65 characters', { kind: 'PHYSICAL', sku: 'A'.repeat(65) }, 'BAD_USER_INPUT', 'input.sku', /a SKU is/],
    ['a SKU another product has', { kind: 'PHYSICAL', sku: 'TN-2420' }, 'CONFLICT', 'input.sku', /SKU 'TN-2420' exists/],
  ])('refuses %s, and writes nothing', async (_, fields, code, field, message) => {
    const before = await count('product');
    const e = await error(CREATE, { input: { code: `p-${before}`, name: 'P', ...fields } });
    expect(e).toMatchObject({ code, field });
    expect(e.message).toMatch(message);
    expect(await count('product')).toBe(before);
  });

  it('upserts from a PIM: carries kind, SKU and policy, keeps them when a sync sends names only, and a replay writes nothing', async () => {
    const key = { system: 'PIM', id: 'A-100' };
    const input = { externalId: key, code: 'reagent', name: 'Reagent', kind: 'PHYSICAL', sku: 'RG-100', stockPolicy: 'SKIP_LINE' };
    expect((await must(t, UPSERT, { input })).upsertProduct).toEqual({
      outcome: 'CREATED',
      product: { code: 'reagent', kind: 'PHYSICAL', sku: 'RG-100', stockPolicy: 'SKIP_LINE' },
    });
    expect((await must(t, UPSERT, { input })).upsertProduct.outcome).toBe('UNCHANGED');
    const namesOnly = (await must(t, UPSERT, { input: { externalId: key, code: 'reagent', name: 'Reagent 100' } })).upsertProduct;
    expect(namesOnly).toEqual({
      outcome: 'UPDATED',
      product: { code: 'reagent', kind: 'PHYSICAL', sku: 'RG-100', stockPolicy: 'SKIP_LINE' },
    });
    const moved = (await must(t, UPSERT, { input: { ...input, sku: 'RG-100B' } })).upsertProduct;
    expect(moved.product.sku).toBe('RG-100B');
    expect(await error(UPSERT, { input: { ...input, sku: 'TN-2420' } })).toMatchObject({ code: 'CONFLICT', field: 'input.sku' });
    // Turning goods into a service drops the SKU and the policy.
    const service = (await must(t, UPSERT, { input: { externalId: key, code: 'reagent', name: 'Reagent', kind: 'SERVICE' } }))
      .upsertProduct;
    expect(service.product).toEqual({ code: 'reagent', kind: 'SERVICE', sku: null, stockPolicy: null });
  });
});

describe('inventory levels', () => {
  it('stores the counts all or none, idempotently, the latest count winning', async () => {
    await must(t, CREATE, { input: { code: 'paper', name: 'Paper', kind: 'PHYSICAL', sku: 'PA-4' } });
    const levels = [
      { sku: 'TN-2420', available: '120' },
      { sku: 'PA-4', available: '7.5' },
    ];
    expect((await must(t, LEVELS, { levels, asOf: '2026-12-01T06:00:00Z' })).setInventoryLevels).toBe(2);
    // A replay changes nothing, and neither does an older report arriving late.
    expect((await must(t, LEVELS, { levels, asOf: '2026-12-01T06:00:00Z' })).setInventoryLevels).toBe(0);
    expect((await must(t, LEVELS, { levels: [{ sku: 'PA-4', available: '1' }], asOf: '2026-12-01T05:00:00Z' })).setInventoryLevels).toBe(0);
    expect((await must(t, STOCK, { code: 'paper' })).product.inventory).toEqual({
      sku: 'PA-4',
      available: '7.5',
      asOf: '2026-12-01T06:00:00.000Z',
    });
    // A newer one wins; without asOf, "now".
    expect((await must(t, LEVELS, { levels: [{ sku: 'PA-4', available: '3' }] })).setInventoryLevels).toBe(1);
    expect((await must(t, STOCK, { code: 'paper' })).product.inventory).toMatchObject({ available: '3', asOf: clock.now().toISOString() });
    expect((await must(t, STOCK, { code: 'toner' })).product.inventory.available).toBe('120');
    expect((await must(t, 'query { product(code: "support") { inventory { sku } } }')).product.inventory).toBeNull();
  });

  it.each([
    ['an unknown SKU', [{ sku: 'NOPE', available: '1' }], 'levels[0].sku', /no PHYSICAL product/],
    ['a negative quantity', [{ sku: 'PA-4', available: '-1' }], 'levels[0].available', /from 0/],
    ['seven decimals', [{ sku: 'PA-4', available: '0.0000001' }], 'levels[0].available', /6 decimals/],
    [
      'a SKU twice',
      [
        { sku: 'PA-4', available: '1' },
        { sku: 'PA-4', available: '2' },
      ],
      'levels[1]',
      /listed twice/,
    ],
    ['no level', [], 'levels', /at least one/],
  ])('refuses %s, and stores nothing', async (_, levels, field, message) => {
    const before = await boundRows(t.app.db.orm.em.fork(), 'select sku, available::text, as_of from inventory_level order by sku');
    const mixed = [{ sku: 'TN-2420', available: '999' }, ...levels];
    const e = await error(LEVELS, { levels: levels.length === 0 ? levels : mixed });
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.field).toBe(levels.length === 0 ? field : field.replace(/\[(\d)\]/, (_m, i) => `[${Number(i) + 1}]`));
    expect(e.message).toMatch(message);
    expect(await boundRows(t.app.db.orm.em.fork(), 'select sku, available::text, as_of from inventory_level order by sku')).toEqual(before);
  });

  it('lets only ADMIN keys set levels, and staff read them; a customer key reads neither', async () => {
    const keyOf = async (role: string, customerId?: string) =>
      (
        await must(t, 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }', {
          input: { role, name: role, customerId },
        })
      ).createApiKey.secret;
    const sales = await keyOf('SALES');
    const customer = (
      await must(t, 'mutation { createCustomer(input: { name: "C", email: "c@example.com", currency: "EUR", taxStatus: EXEMPT }) { id } }')
    ).createCustomer.id;
    const customerKey = await keyOf('CUSTOMER', customer);
    expect((await error(LEVELS, { levels: [{ sku: 'PA-4', available: '1' }] }, sales)).code).toBe('FORBIDDEN');
    expect((await must(t, STOCK, { code: 'paper' }, sales)).product.inventory.available).toBe('3');
    expect((await error(STOCK, { code: 'paper' }, customerKey)).code).toBe('FORBIDDEN');
  });
});
