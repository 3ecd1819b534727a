import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { main } from '../../examples/storefront/storefront';
import { TariffError, tariffClient } from '../../examples/storefront/tariff-client';
import { SignUpCustomerDocument } from '../../examples/storefront/generated/graphql';
import { startTestApp, TestApp } from '../support/app';
import { must } from '../support/catalog';

// examples/storefront is what a client developer copies: it runs here, against the server, with
// a STOREFRONT key, through the documents graphql-codegen generated from the committed schema.
const root = path.join(__dirname, '../..');
let t: TestApp;
let storefrontKey: string;

beforeAll(async () => {
  t = await startTestApp();
  await must(t, 'mutation { createProduct(input: { code: "pro", name: "Pro plan" }) { id } }');
  const price = 'mutation($input: CreatePriceInput!) { createPrice(input: $input) { id } }';
  await must(t, price, {
    input: {
      code: 'pro-monthly',
      productCode: 'pro',
      currency: 'EUR',
      interval: 'MONTH',
      rule: { kind: 'per_unit', config: { unitAmount: '12.50' } },
    },
  });
  await must(t, price, {
    input: {
      code: 'pro-seats',
      productCode: 'pro',
      currency: 'EUR',
      interval: 'MONTH',
      rule: {
        kind: 'graduated',
        config: {
          tiers: [
            { upTo: '5', unitAmount: '8' },
            { upTo: null, unitAmount: '6' },
          ],
        },
      },
    },
  });
  await must(t, price, {
    input: { code: 'pro-usd', productCode: 'pro', currency: 'USD', interval: 'MONTH', rule: { kind: 'flat', config: { amount: '99' } } },
  });
  storefrontKey = (await must(t, 'mutation { createApiKey(input: { role: STOREFRONT, name: "example shop" }) { secret } }')).createApiKey
    .secret;
}, 60_000);
afterAll(async () => {
  await t?.close();
});

describe('examples/storefront', () => {
  it('lists prices, signs a customer up, previews its checkout and subscribes it, as a STOREFRONT key', async () => {
    const result = await main({
      url: t.url,
      apiKey: storefrontKey,
      order: {
        customer: { name: 'Example Shopper GmbH', email: 'shopper@example.com', taxRate: '19' },
        currency: 'EUR',
        cart: [
          { priceCode: 'pro-monthly', quantity: '2' },
          { priceCode: 'pro-seats', quantity: '7' },
        ],
      },
    });
    expect(result.prices.map((p) => p.code).sort()).toEqual(['pro-monthly', 'pro-seats']);
    expect(result.prices.find((p) => p.code === 'pro-seats')).toMatchObject({
      currency: 'EUR',
      interval: 'MONTH',
      product: { code: 'pro', name: 'Pro plan' },
      rule: { kind: 'graduated' },
    });
    // 2 × 12.50 + (5 × 8 + 2 × 6) = 77.00, plus 19 % VAT = 91.63: exact decimals as strings, end to end.
    expect(result.quotedTotal).toBe('91.63');
    expect(result.subscription.status).toBe('ACTIVE');
    expect(result.firstInvoice).toMatchObject({ total: result.quotedTotal, status: 'OPEN', number: expect.any(String) });

    // The customer is the storefront's: its key reads it, and the seller's staff see who signed it up.
    const seen = await must(
      t,
      'query($id: ID!) { customer(id: $id) { name } subscriptions(customerId: $id) { edges { node { id } } } }',
      { id: result.customerId },
      storefrontKey,
    );
    expect(seen).toEqual({
      customer: { name: 'Example Shopper GmbH' },
      subscriptions: { edges: [{ node: { id: result.subscription.id } }] },
    });
    const rows = await t.app.db.orm.em
      .fork()
      .execute<{ role: string }[]>('select k.role from customer c join api_key k on k.id = c.created_by_key_id where c.id = ?', [
        result.customerId,
      ]);
    expect(rows).toEqual([{ role: 'STOREFRONT' }]);
  });

  it('throws the server’s refusal with its code and field, and writes nothing', async () => {
    const order = {
      customer: { name: 'Bad Cart AG', email: 'cart@example.com', taxRate: '19' },
      currency: 'EUR',
      cart: [{ priceCode: 'pro-usd', quantity: '1' }],
    };
    await expect(main({ url: t.url, apiKey: storefrontKey, order })).rejects.toThrow('not for sale in EUR: pro-usd');
    const request = tariffClient({ url: t.url, apiKey: storefrontKey });
    const refused = await request(SignUpCustomerDocument, {
      input: { name: 'x', email: 'not-an-email', currency: 'EUR', taxStatus: 'TAXABLE', taxRate: '19' },
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TariffError);
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', errors: [{ extensions: { field: 'input.email' } }] });
    const names = (await must(t, '{ customers(first: 100) { edges { node { name } } } }')).customers.edges.map((e: any) => e.node.name);
    expect(names).not.toContain('Bad Cart AG');
    const wrongKey = tariffClient({ url: t.url, apiKey: 'trf_not_a_key' });
    await expect(
      wrongKey(SignUpCustomerDocument, { input: { name: 'x', email: 'x@example.com', currency: 'EUR', taxStatus: 'EXEMPT' } }),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
  });
});

describe('examples/storefront/generated/graphql.ts', () => {
  it('is what graphql-codegen makes of codegen.ts and the committed schema (run `npx graphql-codegen` after `npm run schema:emit`)', async () => {
    // The CLI itself (it cannot load inside Jest, being ESM), in its dry-run mode: it exits 1 and
    // names the file when what it would write differs from what is committed.
    const cli = path.join(root, 'node_modules/.bin/graphql-codegen');
    const run = await promisify(execFile)(process.execPath, [cli, '--config', 'codegen.ts', '--check'], { cwd: root }).catch(
      (err: { code: number; stdout: string; stderr: string }) => err,
    );
    expect({ code: 'code' in run ? run.code : 0, stale: /stale files/.test(run.stdout + run.stderr) }).toEqual({ code: 0, stale: false });
  }, 60_000);

  it('types the custom scalars as strings and JSON objects, never as unknown or number', () => {
    const generated = readFileSync(path.join(root, 'examples/storefront/generated/graphql.ts'), 'utf8');
    for (const [scalar, type] of [
      ['Decimal', 'string'],
      ['DateTime', 'string'],
      ['Currency', 'string'],
      ['JSONObject', 'Record<string, unknown>'],
    ]) {
      expect(generated).toContain(`  ${scalar}: { input: ${type}; output: ${type}; }`);
    }
  });
});
