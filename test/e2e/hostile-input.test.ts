import fc from 'fast-check';
import { buildTariffSchema } from '../../src/graphql/schema';
import { operationsOf, variablesFor, Operation } from '../support/operations';
import { startTestApp, TestApp } from '../support/app';

// CONTRACT.md: INTERNAL_SERVER_ERROR means a bug; no input, however bad, may produce it.
// Every operation of the schema (new ones included, automatically) gets generated hostile input.
let t: TestApp;
let operations: Operation[];
beforeAll(async () => {
  t = await startTestApp();
  operations = operationsOf(await buildTariffSchema());
  // Something to collide with: a product, prices and a customer with a contract.
  await t.gql('mutation { createProduct(input: { code: "x", name: "X" }) { id } }');
  await t.gql('mutation { createPrice(input: { code: "x", productCode: "x", currency: "EUR", interval: MONTH, rule: { kind: "flat", config: { amount: "1" } } }) { id } }');
  await t.gql('mutation { createCustomer(input: { name: "C", email: "c@c.example", currency: "EUR", taxStatus: EXEMPT, externalIds: [{ system: "SAP", id: "1" }] }) { id } }');
});
afterAll(async () => {
  await t.close();
});

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);

describe('hostile input', () => {
  it('covers every root operation of the schema', () => {
    expect(operations.length).toBeGreaterThanOrEqual(19);
  });

  it('never answers INTERNAL_SERVER_ERROR or HTTP 500, whatever the variables', async () => {
    const failures: string[] = [];
    for (const op of operations) {
      await fc.assert(
        fc.asyncProperty(variablesFor(op.field.args), async (variables) => {
          const res = await t.gql(op.document, variables);
          const internal = res.status >= 500 || res.errors?.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR');
          if (internal) {
            const culprit = res.errors?.find((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR') ?? res.errors?.[0];
            failures.push(`${op.name} HTTP ${res.status} ${JSON.stringify(variables).slice(0, 300)} → ${JSON.stringify(culprit).slice(0, 300)}`);
          }
          return !internal;
        }),
        { numRuns: RUNS, endOnFailure: true },
      ).catch(() => undefined);
    }
    expect(failures).toEqual([]);
  }, 180_000);
});
