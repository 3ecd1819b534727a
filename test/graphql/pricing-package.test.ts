import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { Decimal, formatMoney, parseRule, priceDocument, pricingRuleKinds } from 'tariff/pricing';
import { startTestApp, TestApp, Untyped } from '../support/app';
import { createProduct, must } from '../support/catalog';

// The engine as a package (docs/pricing-plugins.md#the-engine-as-a-package): another program
// that imports `tariff/pricing` prices quotes exactly as the server's previewQuote does, lines,
// steps and totals, with contracts, tax and a plugin kind. The program is
// examples/pricing-offline/price-quotes.js: in this process on the engine's sources, and in a
// process of its own on the package `npm run build:pricing` builds.
const ROOT = path.resolve(__dirname, '../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the example is a plain CommonJS program
const { priceQuotes } = require('../../examples/pricing-offline/price-quotes.js') as { priceQuotes: (input: unknown) => Preview[] };

interface Preview {
  currency: string;
  subtotal: string;
  tax: string;
  total: string;
  notes: string[];
  lines: Record<string, unknown>[];
}
interface Quote {
  currency: string;
  customer: string | null;
  lines: { priceCode: string; quantity: string }[];
}

const AT = '2026-06-15T00:00:00.000Z';
const TIERS = [
  { upTo: '10', unitAmount: '5' },
  { upTo: '50', unitAmount: '4' },
  { upTo: null, unitAmount: '3', flatAmount: '20' },
];
const PRICES = [
  { code: 'plan', kind: 'flat', config: { amount: '99.00' } },
  { code: 'api-calls', kind: 'per_unit', config: { unitAmount: '0.000125' } },
  { code: 'seats', kind: 'graduated', config: { tiers: TIERS } },
  {
    code: 'storage',
    kind: 'volume',
    config: {
      tiers: [
        { upTo: '100', unitAmount: '2.5', flatAmount: '10' },
        { upTo: null, unitAmount: '1.75' },
      ],
    },
  },
  { code: 'sms', kind: 'package', config: { packageSize: '100', packageAmount: '7.5' } },
  {
    code: 'events',
    kind: 'usage',
    config: { metric: 'events', aggregation: 'sum', pricing: { kind: 'graduated', config: { tiers: TIERS } } },
  },
  {
    code: 'suite',
    kind: 'bundle',
    config: {
      components: [
        { priceCode: 'seats', quantity: '5' },
        { priceCode: 'api-calls', quantity: '10000' },
      ],
      discountPercent: '15',
    },
  },
  { code: 'calls', kind: 'formula', config: { expression: 'min(q, 100) * 2.5 + max(q - 100, 0) * 2' } },
  { code: 'pallets', kind: 'formula', config: { expression: 'if(q > 20, ceil(q / 20) * 180, q * 9.99) / 3' } },
  {
    code: 'stairs',
    kind: 'stairstep',
    config: {
      steps: [
        { upTo: '10', amount: '49' },
        { upTo: '50', amount: '199' },
        { upTo: null, amount: '499' },
      ],
    },
  },
].map((p) => ({ ...p, currency: 'EUR' }));
const CONTRACT = {
  code: 'ACME-2026',
  startsAt: '2026-01-01T00:00:00.000Z',
  endsAt: null,
  minimumCommitment: null,
  items: [
    { priceCode: 'seats', discountPercent: '12.5' },
    { priceCode: 'api-calls', override: { unitAmount: '0.0001' } },
    { priceCode: 'suite', discountPercent: '5' },
    { priceCode: 'calls', override: { expression: 'q * 2.25' }, discountPercent: '3.333' },
    {
      priceCode: 'stairs',
      override: {
        steps: [
          { upTo: '20', amount: '149.995' },
          { upTo: null, amount: '449' },
        ],
      },
    },
  ],
};
const CUSTOMERS = { acme: { tax: { status: 'TAXABLE', ratePercent: '19' }, contracts: [CONTRACT] } };
const input = (quotes: Quote[], plugins: string[] = []) => ({ at: AT, plugins, prices: PRICES, customers: CUSTOMERS, quotes });

let t: TestApp;
let acme: string;

beforeAll(async () => {
  t = await startTestApp({ env: { TARIFF_PRICING_PLUGINS: path.join(ROOT, 'examples/pricing-plugin/stairstep.js') } });
  await createProduct(t, 'plan');
  for (const p of PRICES) {
    await must(t, 'mutation($input: CreatePriceInput!) { createPrice(input: $input) { id } }', {
      input: { code: p.code, productCode: 'plan', currency: p.currency, interval: 'MONTH', rule: { kind: p.kind, config: p.config } },
    });
  }
  acme = (
    await must(
      t,
      'mutation { createCustomer(input: { name: "Acme", email: "a@acme.example", currency: "EUR", taxStatus: TAXABLE, taxRate: "19" }) { id } }',
    )
  ).createCustomer.id;
  await must(t, 'mutation($input: CreateContractInput!) { createContract(input: $input) { id } }', {
    input: { customerId: acme, code: CONTRACT.code, startsAt: CONTRACT.startsAt, items: CONTRACT.items },
  });
}, 60_000);
afterAll(async () => {
  await t?.close();
});

const FIELDS = 'currency subtotal tax total notes lines { kind priceCode quantity amount tax steps contractCode couponCode }';

/** The quotes through previewQuote, many per request (aliases), in order. */
async function previewQuotes(quotes: Quote[]): Promise<Preview[]> {
  const variables = Object.fromEntries(
    quotes.map((q, i) => [`q${i}`, { currency: q.currency, at: AT, customerId: q.customer ? acme : null, lines: q.lines }]),
  );
  const document = `query PricingPackageBatch(${quotes.map((_, i) => `$q${i}: PreviewQuoteInput!`).join(', ')}) {
    ${quotes.map((_, i) => `q${i}: previewQuote(input: $q${i}) { ${FIELDS} }`).join('\n')}
  }`;
  const res = await t.gql<Untyped>(document, variables);
  if (res.errors) throw new Error(JSON.stringify(res.errors).slice(0, 2000));
  return quotes.map((_, i) => res.data![`q${i}`]);
}

const quantity = fc.oneof(
  fc.nat({ max: 2500 }).map(String),
  fc.tuple(fc.nat({ max: 2500 }), fc.nat({ max: 9999 })).map(([whole, part]) => `${whole}.${String(part).padStart(4, '0')}`),
);
const quote: fc.Arbitrary<Quote> = fc.record({
  currency: fc.constant('EUR'),
  customer: fc.option(fc.constant('acme'), { nil: null }),
  lines: fc.array(fc.record({ priceCode: fc.constantFrom(...PRICES.map((p) => p.code)), quantity }), { minLength: 1, maxLength: 5 }),
});

describe('the engine as a package', () => {
  it('prices a quote in this process as previewQuote does, with contracts, tax, formulas and a plugin kind', async () => {
    const quotes: Quote[] = [
      { currency: 'EUR', customer: 'acme', lines: PRICES.map((p) => ({ priceCode: p.code, quantity: '12.5' })) },
      { currency: 'EUR', customer: null, lines: PRICES.map((p) => ({ priceCode: p.code, quantity: '150' })) },
    ];
    const offline = priceQuotes(input(quotes));
    expect(await previewQuotes(quotes)).toEqual(offline);
    expect(offline[0].lines.find((l) => l.priceCode === 'stairs')).toMatchObject({
      amount: '150.00',
      steps: [
        'contract ACME-2026: contract stairstep price replaces the catalog price',
        'stairstep: 12.5 units fall in step 1 = 149.995',
        'rounded half-up to 2 decimals: 150.00',
      ],
      contractCode: 'ACME-2026',
    });
    expect(offline[1].lines.find((l) => l.priceCode === 'calls')).toMatchObject({ amount: '350.00' });
  });

  it('agrees with previewQuote on 1,000 random quotes: lines, steps and totals', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(quote, { minLength: 50, maxLength: 50 }), async (quotes) => {
        expect(await previewQuotes(quotes)).toEqual(priceQuotes(input(quotes)));
      }),
      { numRuns: 20 },
    );
  }, 120_000);

  it('is, imported as tariff/pricing, the engine the server runs: the same kinds, schemas, and amounts', async () => {
    const served = await must(t, '{ pricingRuleKinds { kind builtIn configSchema } }');
    expect(served.pricingRuleKinds).toEqual(pricingRuleKinds().map(({ kind, builtIn, configSchema }) => ({ kind, builtIn, configSchema })));
    const price = {
      code: 'stairs',
      currency: 'EUR',
      interval: 'MONTH' as const,
      intervalCount: 1,
      rule: parseRule('stairstep', PRICES[9].config),
    };
    const doc = priceDocument({
      currency: 'EUR',
      lines: [{ price, quantity: new Decimal('10.5') }],
      contracts: [],
      at: new Date(AT),
      tax: { status: 'EXEMPT' },
      resolvePrice: () => undefined,
    });
    expect(formatMoney(doc.total, 'EUR')).toBe('199.00');
  });

  // Plain Node, no swc, no server, no jest: the package as another program installs it.
  it('works as a built package in a Node program of its own', () => {
    const consumer = mkdtempSync(path.join(tmpdir(), 'tariff-consumer-'));
    try {
      const installed = path.join(consumer, 'node_modules', 'tariff');
      mkdirSync(installed, { recursive: true });
      copyFileSync(path.join(ROOT, 'package.json'), path.join(installed, 'package.json'));
      symlinkSync(path.join(ROOT, 'node_modules'), path.join(installed, 'node_modules'), 'dir');
      execFileSync(
        process.execPath,
        [
          path.join(ROOT, 'node_modules/typescript/bin/tsc'),
          '-p',
          'tsconfig.pricing.json',
          '--outDir',
          path.join(installed, 'dist/pricing'),
        ],
        {
          cwd: ROOT,
        },
      );
      copyFileSync(path.join(ROOT, 'examples/pricing-offline/price-quotes.js'), path.join(consumer, 'price-quotes.js'));
      copyFileSync(path.join(ROOT, 'examples/pricing-plugin/stairstep.js'), path.join(consumer, 'stairstep.js'));
      const quotes = fc.sample(quote, { numRuns: 300, seed: 21 });
      writeFileSync(path.join(consumer, 'quotes.json'), JSON.stringify(input(quotes, ['./stairstep.js'])));
      const { NODE_OPTIONS: _, ...env } = process.env;
      const printed = execFileSync(process.execPath, ['price-quotes.js', 'quotes.json'], { cwd: consumer, env, encoding: 'utf8' });
      expect(JSON.parse(printed)).toEqual(priceQuotes(input(quotes)));
    } finally {
      rmSync(consumer, { recursive: true, force: true });
    }
  }, 120_000);
});
