/**
 * `npm run bench:quote`: previewQuote of a 50-line quote over HTTP against Tariff, and the same
 * requests against a bare Apollo Server whose resolver returns a constant response of the same
 * size, behind the same HTTP stack. Target: Tariff ≥ 50 % of the baseline's throughput.
 * Uses DATABASE_URL when set (a database of its own on that server), the embedded one otherwise.
 */
import '../src/production-defaults';
import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestApp } from '../test/support/app';
import { runLoad } from './http-load';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const TARGET = 0.5;

const previewQuery = `query($input: PreviewQuoteInput!) {
  previewQuote(input: $input) { currency subtotal tax total notes lines { priceCode quantity amount tax steps contractCode } }
}`;

async function main(): Promise<void> {
  const t = await startTestApp({ env: { LOG_LEVEL: 'silent' } });
  try {
    const { customerId, lines } = await seedCatalog(t.gql.bind(t));
    const body = JSON.stringify({
      query: previewQuery,
      variables: { input: { customerId: process.env.BENCH_NO_CUSTOMER ? undefined : customerId, currency: 'EUR', lines } },
    });
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${t.adminKey}` };
    const sample = await (await fetch(`${t.url}/graphql`, { method: 'POST', headers, body })).text();
    const parsed = JSON.parse(sample);
    if (parsed.errors) throw new Error(`previewQuote failed: ${sample}`);

    const baseline = await startBaseline(parsed.data.previewQuote);
    const expectPrefix = '{"data":{"previewQuote"';
    try {
      // Warm both up (JIT, connection pools, caches) before measuring.
      await runLoad(`${baseline.url}/graphql`, { headers, body }, { concurrency: CONCURRENCY, seconds: 2, expectPrefix });
      await runLoad(`${t.url}/graphql`, { headers, body }, { concurrency: CONCURRENCY, seconds: 2, expectPrefix });
      const base = await runLoad(
        `${baseline.url}/graphql`,
        { headers, body },
        { concurrency: CONCURRENCY, seconds: SECONDS, expectPrefix },
      );
      const tariff = await runLoad(`${t.url}/graphql`, { headers, body }, { concurrency: CONCURRENCY, seconds: SECONDS, expectPrefix });
      const ratio = tariff.perSecond / base.perSecond;
      console.log(
        `database: ${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'embedded PGlite'}; ${lines.length}-line quote, response ${sample.length} bytes, concurrency ${CONCURRENCY}, ${SECONDS} s each`,
      );
      console.log(`baseline (constant resolver): ${base.perSecond.toFixed(0)} req/s (${base.failures} failures)`);
      console.log(`previewQuote:                 ${tariff.perSecond.toFixed(0)} req/s (${tariff.failures} failures)`);
      console.log(`ratio ${(ratio * 100).toFixed(0)}% of baseline (target ≥ ${TARGET * 100}%, aim 60%)`);
      if (tariff.failures > 0 || base.failures > 0) process.exitCode = 1;
      else if (ratio < TARGET) process.exitCode = 2;
    } finally {
      await baseline.close();
    }
  } finally {
    await t.close();
  }
}

type Gql = (q: string, v?: Record<string, unknown>) => Promise<{ data?: any; errors?: unknown[] }>;

/** 50 prices of every kind, a customer with a contract over some of them, and a 50-line quote. */
async function seedCatalog(gql: Gql): Promise<{ customerId: string; lines: { priceCode: string; quantity: string }[] }> {
  const must = async (q: string, v?: Record<string, unknown>) => {
    const r = await gql(q, v);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data;
  };
  await must('mutation { createProduct(input: { code: "bench", name: "Bench" }) { id } }');
  const tiers = [
    { upTo: 10, unitAmount: '5.00' },
    { upTo: 50, unitAmount: '4.00', flatAmount: '10.00' },
    { upTo: null, unitAmount: '3.00' },
  ];
  const rules = [
    { kind: 'flat', config: { amount: '49.00' } },
    { kind: 'per_unit', config: { unitAmount: '0.000125' } },
    { kind: 'graduated', config: { tiers } },
    { kind: 'volume', config: { tiers } },
    { kind: 'package', config: { packageSize: '100', packageAmount: '5.00' } },
    { kind: 'usage', config: { metric: 'calls', aggregation: 'sum', pricing: { kind: 'graduated', config: { tiers } } } },
  ];
  const codes: string[] = [];
  for (let i = 0; i < 45; i++) {
    const code = `p${i}`;
    await must('mutation($input: CreatePriceInput!) { createPrice(input: $input) { id } }', {
      input: { code, productCode: 'bench', currency: 'EUR', interval: 'MONTH', rule: rules[i % rules.length] },
    });
    codes.push(code);
  }
  for (let i = 0; i < 5; i++) {
    const code = `bundle${i}`;
    await must('mutation($input: CreatePriceInput!) { createPrice(input: $input) { id } }', {
      input: {
        code,
        productCode: 'bench',
        currency: 'EUR',
        interval: 'MONTH',
        rule: {
          kind: 'bundle',
          config: {
            components: [
              { priceCode: 'p0', quantity: '1' },
              { priceCode: 'p2', quantity: '5' },
            ],
            discountPercent: '10',
          },
        },
      },
    });
    codes.push(code);
  }
  const customer = await must(
    `mutation { createCustomer(input: { name: "Bench AG", email: "bench@example.com", currency: "EUR", taxStatus: TAXABLE, taxRate: "19" }) { id } }`,
  );
  const customerId = customer.createCustomer.id as string;
  await must('mutation($input: CreateContractInput!) { createContract(input: $input) { id } }', {
    input: {
      customerId,
      code: 'BENCH-1',
      startsAt: '2020-01-01T00:00:00Z',
      items: [
        { priceCode: 'p2', discountPercent: '10' },
        {
          priceCode: 'p8',
          override: {
            tiers: [
              { upTo: 100, unitAmount: '3.50' },
              { upTo: null, unitAmount: '2.00' },
            ],
          },
        },
      ],
    },
  });
  const lines = codes.map((priceCode, i) => ({ priceCode, quantity: String(7 + ((i * 37) % 200)) }));
  return { customerId, lines };
}

async function startBaseline(response: unknown): Promise<{ url: string; close(): Promise<void> }> {
  const apollo = new ApolloServer({
    typeDefs: `type Query { previewQuote(input: PreviewQuoteInput!): QuotePreview! }
      input PreviewQuoteInput { customerId: ID, currency: String!, lines: [QuoteLineInput!]! }
      input QuoteLineInput { priceCode: String!, quantity: String! }
      type QuotePreview { currency: String!, subtotal: String!, tax: String!, total: String!, notes: [String!]!, lines: [PricedLine!]! }
      type PricedLine { priceCode: String!, quantity: String!, amount: String!, tax: String!, steps: [String!]!, contractCode: String }`,
    resolvers: { Query: { previewQuote: () => response } },
  });
  await apollo.start();
  const app = express();
  app.use('/graphql', express.json({ limit: 1_048_576 }), expressMiddleware(apollo));
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise<void>((r) => server.close(() => r()));
      await apollo.stop();
    },
  };
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
