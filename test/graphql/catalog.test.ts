import { startTestApp, TestApp, Untyped } from '../support/app';

let t: TestApp;
let salesKey: string;
beforeAll(async () => {
  t = await startTestApp();
  salesKey = (await t.gql<Untyped>('mutation { createApiKey(input: { role: SALES, name: "sales" }) { secret } }')).data!.createApiKey
    .secret;
  await t.gql('mutation { createProduct(input: { code: "api", name: "API platform" }) { id } }');
});
afterAll(async () => {
  await t.close();
});

const createPrice = `mutation($input: CreatePriceInput!) {
  createPrice(input: $input) { id code version isCurrent currency interval intervalCount status rule { kind config } product { code } }
}`;

const tiers = [
  { upTo: 10, unitAmount: '5.00' },
  { upTo: 50, unitAmount: '4.00' },
  { upTo: null, unitAmount: '3.00' },
];

function price(code: string, rule: { kind: string; config: unknown }, extra: Record<string, unknown> = {}) {
  return { input: { code, productCode: 'api', currency: 'EUR', interval: 'MONTH', rule, ...extra } };
}

describe('products', () => {
  it('creates, reads and lists products', async () => {
    const created = await t.gql<Untyped>('mutation { createProduct(input: { code: "seats", name: "Seats" }) { code name } }');
    expect(created.data?.createProduct).toEqual({ code: 'seats', name: 'Seats' });
    const read = await t.gql<Untyped>('{ product(code: "seats") { name prices { code } } }', undefined, salesKey);
    expect(read.data?.product).toEqual({ name: 'Seats', prices: [] });
    const list = await t.gql<Untyped>('{ products(first: 10) { edges { node { code } } pageInfo { hasNextPage } } }');
    expect(list.data?.products.edges.map((e: any) => e.node.code)).toEqual(['api', 'seats']);
  });

  it('refuses a duplicate code with CONFLICT and a bad code with BAD_USER_INPUT', async () => {
    const dup = await t.gql('mutation { createProduct(input: { code: "api", name: "again" }) { id } }');
    expect(dup.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.code' });
    const bad = await t.gql('mutation { createProduct(input: { code: "has space", name: "x" }) { id } }');
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.code' });
  });

  it('lets only ADMIN write the catalog', async () => {
    const res = await t.gql('mutation { createProduct(input: { code: "nope", name: "x" }) { id } }', undefined, salesKey);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('prices', () => {
  it('creates a graduated price and reads it by code', async () => {
    const res = await t.gql<Untyped>(createPrice, price('api-calls', { kind: 'graduated', config: { tiers } }));
    expect(res.errors).toBeUndefined();
    expect(res.data?.createPrice).toMatchObject({
      code: 'api-calls',
      version: 1,
      isCurrent: true,
      currency: 'EUR',
      status: 'ACTIVE',
      rule: { kind: 'graduated' },
      product: { code: 'api' },
    });
    const read = await t.gql<Untyped>('{ price(code: "api-calls") { version rule { config } } }', undefined, salesKey);
    expect(read.data?.price.rule.config.tiers).toHaveLength(3);
  });

  it.each([
    ['an unknown kind', { kind: 'magic', config: {} }, 'input.rule.kind'],
    ['an empty tier list', { kind: 'graduated', config: { tiers: [] } }, 'input.rule.config.tiers'],
    [
      'unsorted tiers',
      {
        kind: 'volume',
        config: {
          tiers: [
            { upTo: 50, unitAmount: '1' },
            { upTo: 10, unitAmount: '1' },
            { upTo: null, unitAmount: '1' },
          ],
        },
      },
      'input.rule.config.tiers',
    ],
    ['a last tier with a ceiling', { kind: 'graduated', config: { tiers: [{ upTo: 10, unitAmount: '1' }] } }, 'input.rule.config.tiers'],
    ['an exponent amount', { kind: 'per_unit', config: { unitAmount: '1e3' } }, 'input.rule.config.unitAmount'],
    ['a zero package size', { kind: 'package', config: { packageSize: '0', packageAmount: '10' } }, 'input.rule.config.packageSize'],
  ])('rejects %s with BAD_USER_INPUT and the field path', async (_what, rule, field) => {
    const res = await t.gql(createPrice, price(`bad-${Math.random().toString(36).slice(2, 8)}`, rule));
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(String(res.errors?.[0].extensions?.field)).toContain(field);
  });

  it('rejects an unknown currency, an unknown product and a duplicate code', async () => {
    const currency = await t.gql(createPrice, price('p-xxx', { kind: 'flat', config: { amount: '1' } }, { currency: 'XXY' }));
    expect(currency.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const product = await t.gql(createPrice, price('p-noprod', { kind: 'flat', config: { amount: '1' } }, { productCode: 'ghost' }));
    expect(product.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.productCode' });
    await t.gql(createPrice, price('p-dup', { kind: 'flat', config: { amount: '1' } }));
    const dup = await t.gql(createPrice, price('p-dup', { kind: 'flat', config: { amount: '2' } }));
    expect(dup.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.code' });
  });

  it('validates bundle components: they must exist, share the currency and the interval', async () => {
    await t.gql(createPrice, price('seat-m', { kind: 'per_unit', config: { unitAmount: '10.00' } }));
    await t.gql(createPrice, price('seat-y', { kind: 'per_unit', config: { unitAmount: '100.00' } }, { interval: 'YEAR' }));
    await t.gql(createPrice, price('seat-usd', { kind: 'per_unit', config: { unitAmount: '10.00' } }, { currency: 'USD' }));
    const bundle = (code: string, component: string) =>
      price(code, { kind: 'bundle', config: { components: [{ priceCode: component, quantity: '5' }], discountPercent: '10' } });
    const missing = await t.gql(createPrice, bundle('b1', 'ghost'));
    expect(missing.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(missing.errors?.[0].message).toContain('ghost');
    const currency = await t.gql(createPrice, bundle('b2', 'seat-usd'));
    expect(currency.errors?.[0].message).toContain('USD');
    const interval = await t.gql(createPrice, bundle('b3', 'seat-y'));
    expect(interval.errors?.[0].message).toContain('YEAR');
    const ok = await t.gql(createPrice, bundle('b4', 'seat-m'));
    expect(ok.errors).toBeUndefined();
  });

  it('updates by adding a version, keeping the old one readable', async () => {
    await t.gql(createPrice, price('storage', { kind: 'per_unit', config: { unitAmount: '0.10' } }));
    const res = await t.gql<Untyped>(
      'mutation { updatePrice(code: "storage", input: { rule: { kind: "per_unit", config: { unitAmount: "0.12" } } }) { version isCurrent rule { config } } }',
    );
    expect(res.data?.updatePrice).toEqual({ version: 2, isCurrent: true, rule: { config: { unitAmount: '0.12' } } });
    const v1 = await t.gql<Untyped>('{ price(code: "storage", version: 1) { isCurrent rule { config } } }');
    expect(v1.data?.price).toEqual({ isCurrent: false, rule: { config: { unitAmount: '0.10' } } });
    const current = await t.gql<Untyped>('{ price(code: "storage") { version } }');
    expect(current.data?.price.version).toBe(2);
  });

  it('archives a price: it stays readable, cannot be archived twice or updated', async () => {
    await t.gql(createPrice, price('legacy', { kind: 'flat', config: { amount: '99.00' } }));
    const archived = await t.gql<Untyped>('mutation { archivePrice(code: "legacy") { status } }');
    expect(archived.data?.archivePrice.status).toBe('ARCHIVED');
    const again = await t.gql('mutation { archivePrice(code: "legacy") { status } }');
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    const update = await t.gql(
      'mutation { updatePrice(code: "legacy", input: { rule: { kind: "flat", config: { amount: "1" } } }) { id } }',
    );
    expect(update.errors?.[0].extensions?.code).toBe('CONFLICT');
    const missing = await t.gql('mutation { archivePrice(code: "never") { status } }');
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('lists current prices with filters and pages', async () => {
    const usd = await t.gql<Untyped>('{ prices(currency: "USD") { edges { node { code } } } }');
    expect(usd.data?.prices.edges.map((e: any) => e.node.code)).toEqual(['seat-usd']);
    const yearly = await t.gql<Untyped>('{ prices(interval: YEAR) { edges { node { code } } } }');
    expect(yearly.data?.prices.edges.map((e: any) => e.node.code)).toEqual(['seat-y']);

    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await t.gql(
        'query($after: String) { prices(first: 2, after: $after) { edges { node { code version } } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      seen.push(...page.data.prices.edges.map((e: any) => `${e.node.code}@${e.node.version}`));
      if (!page.data.prices.pageInfo.hasNextPage) break;
      after = page.data.prices.pageInfo.endCursor;
    }
    expect(seen).toContain('storage@2');
    expect(seen).not.toContain('storage@1');
    expect(new Set(seen).size).toBe(seen.length);
    const bad = await t.gql('{ prices(first: 1000) { edges { cursor } } }');
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const badCursor = await t.gql('{ prices(after: "!!") { edges { cursor } } }');
    expect(badCursor.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
