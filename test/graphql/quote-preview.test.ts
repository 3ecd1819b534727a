import { startTestApp, TestApp, Untyped } from '../support/app';

let t: TestApp;
let salesKey: string;
let acme: string; // TAXABLE 20 %, contract ACME on seats
let globex: string; // REVERSE_CHARGE
let yen: string; // JPY, exempt

const preview = `query($input: PreviewQuoteInput!) {
  previewQuote(input: $input) { currency subtotal tax total notes lines { priceCode quantity amount tax steps contractCode } }
}`;

async function must(query: string, variables?: Record<string, unknown>) {
  const res = await t.gql<Untyped>(query, variables);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
}

async function createPrice(code: string, rule: unknown, currency = 'EUR') {
  await must('mutation($input: CreatePriceInput!) { createPrice(input: $input) { id } }', {
    input: { code, productCode: 'api', currency, interval: 'MONTH', rule },
  });
}

async function createCustomer(input: string): Promise<string> {
  return (await must(`mutation { createCustomer(input: { ${input} }) { id } }`)).createCustomer.id;
}

beforeAll(async () => {
  t = await startTestApp();
  salesKey = (await must('mutation { createApiKey(input: { role: SALES, name: "sales" }) { secret } }')).createApiKey.secret;
  await must('mutation { createProduct(input: { code: "api", name: "API" }) { id } }');
  const tiers = [
    { upTo: 10, unitAmount: '5.00' },
    { upTo: 50, unitAmount: '4.00' },
    { upTo: null, unitAmount: '3.00' },
  ];
  await createPrice('graduated', { kind: 'graduated', config: { tiers } });
  await createPrice('volume', { kind: 'volume', config: { tiers } });
  await createPrice('seats', { kind: 'per_unit', config: { unitAmount: '10.00' } });
  await createPrice('calls', {
    kind: 'usage',
    config: { metric: 'api_calls', aggregation: 'sum', pricing: { kind: 'per_unit', config: { unitAmount: '0.000125' } } },
  });
  await createPrice('half', { kind: 'per_unit', config: { unitAmount: '0.125' } });
  await createPrice('yen-seat', { kind: 'per_unit', config: { unitAmount: '0.5' } }, 'JPY');
  await createPrice('team', {
    kind: 'bundle',
    config: {
      components: [
        { priceCode: 'seats', quantity: '5' },
        { priceCode: 'graduated', quantity: '10' },
      ],
      discountPercent: '10',
    },
  });
  await createPrice('old', { kind: 'flat', config: { amount: '1.00' } });
  await must('mutation { archivePrice(code: "old") { status } }');
  acme = await createCustomer('name: "Acme", email: "a@acme.example", currency: "EUR", taxStatus: TAXABLE, taxRate: "20"');
  globex = await createCustomer(
    'name: "Globex", email: "ap@globex.example", currency: "EUR", taxStatus: REVERSE_CHARGE, vatId: "DE136695976"',
  );
  yen = await createCustomer('name: "Nippon", email: "k@nippon.example", currency: "JPY", taxStatus: EXEMPT');
  await must('mutation($input: CreateContractInput!) { createContract(input: $input) { id } }', {
    input: {
      customerId: acme,
      code: 'ACME-2026',
      startsAt: '2026-01-01T00:00:00Z',
      endsAt: '2027-01-01T00:00:00Z',
      items: [
        { priceCode: 'seats', discountPercent: '10' },
        {
          priceCode: 'graduated',
          override: {
            tiers: [
              { upTo: 100, unitAmount: '2.00' },
              { upTo: null, unitAmount: '1.00' },
            ],
          },
        },
      ],
    },
  });
});
afterAll(async () => {
  await t.close();
});

describe('previewQuote', () => {
  it('prices the PRICING.md tier examples and explains them', async () => {
    const res = await t.gql<Untyped>(
      preview,
      {
        input: {
          currency: 'EUR',
          lines: [
            { priceCode: 'graduated', quantity: '60' },
            { priceCode: 'volume', quantity: '60' },
          ],
        },
      },
      salesKey,
    );
    expect(res.errors).toBeUndefined();
    const q = res.data!.previewQuote;
    expect(q.lines.map((l: any) => l.amount)).toEqual(['240.00', '180.00']);
    expect(q.lines[0].steps[0]).toBe('graduated: 10 × 5.00 + 40 × 4.00 + 10 × 3.00 = 240.00');
    expect(q).toMatchObject({ currency: 'EUR', subtotal: '420.00', tax: '0.00', total: '420.00', notes: [] });
  });

  it('applies the customer’s contract (override and discount) and tax while the contract is in force', async () => {
    const lines = [
      { priceCode: 'seats', quantity: '3' },
      { priceCode: 'graduated', quantity: '60' },
    ];
    const during = (
      await t.gql<Untyped>(preview, { input: { customerId: acme, currency: 'EUR', at: '2026-06-01T00:00:00Z', lines } }, salesKey)
    ).data!.previewQuote;
    expect(during.lines.map((l: any) => [l.amount, l.tax, l.contractCode])).toEqual([
      ['27.00', '5.40', 'ACME-2026'], // 3 × 10.00 − 10 %
      ['120.00', '24.00', 'ACME-2026'], // overridden tiers: 60 × 2.00
    ]);
    expect(during.lines[0].steps.join(' | ')).toContain('ACME-2026');
    expect(during).toMatchObject({ subtotal: '147.00', tax: '29.40', total: '176.40' });

    const after = (
      await t.gql<Untyped>(preview, { input: { customerId: acme, currency: 'EUR', at: '2027-01-01T00:00:00Z', lines } }, salesKey)
    ).data!.previewQuote;
    expect(after.lines.map((l: any) => [l.amount, l.contractCode])).toEqual([
      ['30.00', null],
      ['240.00', null],
    ]);
  });

  it('prices usage lines on the usage given, with 12-decimal unit prices', async () => {
    const q = (await t.gql<Untyped>(preview, { input: { currency: 'EUR', lines: [{ priceCode: 'calls', quantity: '1000000' }] } })).data!
      .previewQuote;
    expect(q.lines[0].amount).toBe('125.00');
  });

  it('rounds half-up once per line: 0.125 → 0.13, and JPY to whole yen', async () => {
    const eur = (await t.gql<Untyped>(preview, { input: { currency: 'EUR', lines: [{ priceCode: 'half', quantity: '1' }] } })).data!
      .previewQuote;
    expect(eur.lines[0].amount).toBe('0.13');
    const jpy = (
      await t.gql<Untyped>(preview, { input: { customerId: yen, currency: 'JPY', lines: [{ priceCode: 'yen-seat', quantity: '5' }] } })
    ).data!.previewQuote;
    expect(jpy).toMatchObject({ currency: 'JPY', subtotal: '3', total: '3' }); // 2.5 → 3
  });

  it('prices a bundle through its components with the bundle discount', async () => {
    const q = (await t.gql<Untyped>(preview, { input: { currency: 'EUR', lines: [{ priceCode: 'team', quantity: '2' }] } })).data!
      .previewQuote;
    // components at quantity × 2 bundles: 10 seats × 10.00 = 100, graduated(20) = 10 × 5 + 10 × 4 = 90;
    // 190 − 10 % = 171 (graduated is not linear, so it is not 2 × one bundle)
    expect(q.lines[0].amount).toBe('171.00');
  });

  it('prices a contract override that gives a bundle other components', async () => {
    await createPrice('support', { kind: 'flat', config: { amount: '100.00' } });
    await must('mutation($input: CreateContractInput!) { createContract(input: $input) { id } }', {
      input: {
        customerId: globex,
        code: 'GLOBEX-SUPPORT',
        startsAt: '2026-01-01T00:00:00Z',
        items: [
          {
            priceCode: 'team',
            override: {
              components: [
                { priceCode: 'support', quantity: '1' },
                { priceCode: 'seats', quantity: '2' },
              ],
            },
          },
        ],
      },
    });
    const q = (
      await t.gql<Untyped>(preview, {
        input: { customerId: globex, currency: 'EUR', at: '2026-06-01T00:00:00Z', lines: [{ priceCode: 'team', quantity: '1' }] },
      })
    ).data!.previewQuote;
    expect(q.lines[0]).toMatchObject({ amount: '120.00', contractCode: 'GLOBEX-SUPPORT' }); // 100 + 2 × 10
  });

  it('adds the reverse-charge mention with zero tax', async () => {
    const q = (
      await t.gql<Untyped>(preview, { input: { customerId: globex, currency: 'EUR', lines: [{ priceCode: 'seats', quantity: '1' }] } })
    ).data!.previewQuote;
    expect(q.tax).toBe('0.00');
    expect(q.notes[0]).toMatch(/reverse charge/i);
  });

  it.each([
    ['an unknown price', { currency: 'EUR', lines: [{ priceCode: 'ghost', quantity: '1' }] }, 'BAD_USER_INPUT', 'input.lines[0].priceCode'],
    ['an archived price', { currency: 'EUR', lines: [{ priceCode: 'old', quantity: '1' }] }, 'BAD_USER_INPUT', 'input.lines[0].priceCode'],
    [
      'a price in another currency',
      { currency: 'USD', lines: [{ priceCode: 'seats', quantity: '1' }] },
      'BAD_USER_INPUT',
      'input.lines[0].priceCode',
    ],
    [
      'a negative quantity',
      { currency: 'EUR', lines: [{ priceCode: 'seats', quantity: '-1' }] },
      'BAD_USER_INPUT',
      'input.lines[0].quantity',
    ],
    ['no lines', { currency: 'EUR', lines: [] }, 'BAD_USER_INPUT', 'input.lines'],
    [
      'an unknown customer',
      { customerId: '00000000-0000-4000-8000-000000000000', currency: 'EUR', lines: [{ priceCode: 'seats', quantity: '1' }] },
      'NOT_FOUND',
      'input.customerId',
    ],
    [
      'a malformed customer id',
      { customerId: 'nope', currency: 'EUR', lines: [{ priceCode: 'seats', quantity: '1' }] },
      'NOT_FOUND',
      'input.customerId',
    ],
  ])('refuses %s', async (_what, input, code, field) => {
    const res = await t.gql(preview, { input }, salesKey);
    expect(res.errors?.[0].extensions).toMatchObject({ code, field });
  });

  it('refuses the customer’s currency mismatch', async () => {
    const res = await t.gql(preview, { input: { customerId: yen, currency: 'EUR', lines: [{ priceCode: 'seats', quantity: '1' }] } });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.currency' });
  });

  it.each([['1e3'], ['NaN'], [' 1'], [''], ['1.0000000000001'], ['0x10']])('refuses the malformed quantity %p', async (quantity) => {
    const res = await t.gql<Untyped>(preview, { input: { currency: 'EUR', lines: [{ priceCode: 'seats', quantity }] } });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('is for SALES and ADMIN only', async () => {
    const partner = (await must('mutation { createApiKey(input: { role: PARTNER, name: "p" }) { secret } }')).createApiKey.secret;
    const res = await t.gql(preview, { input: { currency: 'EUR', lines: [{ priceCode: 'seats', quantity: '1' }] } }, partner);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
