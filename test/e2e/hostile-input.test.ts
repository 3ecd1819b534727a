import fc from 'fast-check';
import { buildTariffSchema } from '../../src/graphql/schema';
import { operationsOf, variablesFor, Operation } from '../support/operations';
import { startTestApp, TestApp, Untyped } from '../support/app';

// CONTRACT.md: INTERNAL_SERVER_ERROR means a bug; no input, however bad, may produce it.
// Every operation of the schema (new ones included, automatically) gets generated hostile input.
let t: TestApp;
let operations: Operation[];
beforeAll(async () => {
  t = await startTestApp();
  operations = operationsOf(await buildTariffSchema());
  // Something to collide with: a product, prices and a customer with a contract.
  await t.gql('mutation { createProduct(input: { code: "x", name: "X" }) { id } }');
  await t.gql(
    'mutation { createPrice(input: { code: "x", productCode: "x", currency: "EUR", interval: MONTH, rule: { kind: "flat", config: { amount: "1" } } }) { id } }',
  );
  await t.gql(
    'mutation { createCustomer(input: { name: "C", email: "c@c.example", currency: "EUR", taxStatus: EXEMPT, externalIds: [{ system: "SAP", id: "1" }] }) { id } }',
  );
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
      await fc
        .assert(
          fc.asyncProperty(variablesFor(op.field.args), async (variables) => {
            const res = await t.gql(op.document, variables);
            const internal = res.status >= 500 || res.errors?.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR');
            if (internal) {
              const culprit = res.errors?.find((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR') ?? res.errors?.[0];
              failures.push(
                `${op.name} HTTP ${res.status} ${JSON.stringify(variables).slice(0, 300)} → ${JSON.stringify(culprit).slice(0, 300)}`,
              );
            }
            return !internal;
          }),
          { numRuns: RUNS, endOnFailure: true },
        )
        .catch(() => undefined);
    }
    expect(failures).toEqual([]);
  }, 180_000);
});

// The sweep above sends ids that exist nowhere; here the locations and contacts of a real
// customer get hostile text in every field, so the checks past the lookup are reached too.
describe('hostile input to a real customer’s locations and contacts', () => {
  const text = fc.oneof(
    fc.constantFrom(
      '',
      ' ',
      'x'.repeat(5000),
      '\u0000',
      'a\uD800b',
      '\uDC00',
      "'; drop table location; --",
      '%_\\',
      '😀𝄞',
      'de',
      'DEU',
      'xx',
    ),
    fc.string({ maxLength: 20 }),
  );
  const address = fc.record({
    line1: text,
    line2: fc.option(text),
    city: text,
    postalCode: fc.option(text),
    region: fc.option(text),
    country: text,
  });

  it('never answers INTERNAL_SERVER_ERROR, and refuses with a field named', async () => {
    const customerId = (
      await t.gql<Untyped>(
        'mutation { createCustomer(input: { name: "L", email: "l@c.example", currency: "EUR", taxStatus: EXEMPT }) { id } }',
      )
    ).data!.createCustomer.id;
    const location = (
      await t.gql<Untyped>(
        'mutation($c: ID!) { createLocation(input: { customerId: $c, name: "Dock", address: { line1: "1 Main St", city: "Oslo", country: "NO" } }) { id } }',
        { c: customerId },
      )
    ).data!.createLocation.id;
    const contact = (
      await t.gql<Untyped>(
        'mutation($c: ID!) { createContact(input: { customerId: $c, name: "Kim", email: "kim@c.example", role: VIEWER }) { id } }',
        { c: customerId },
      )
    ).data!.createContact.id;
    const calls: [string, fc.Arbitrary<Record<string, unknown>>][] = [
      [
        'mutation($input: CreateLocationInput!) { createLocation(input: $input) { id } }',
        fc.record({
          input: fc.record({
            customerId: fc.constant(customerId),
            name: text,
            address,
            externalIds: fc.array(fc.record({ system: text, id: text }), { maxLength: 2 }),
          }),
        }),
      ],
      [
        'mutation($id: ID!, $input: UpdateLocationInput!) { updateLocation(id: $id, input: $input) { id } }',
        fc.record({ id: fc.constant(location), input: fc.record({ name: fc.option(text), address: fc.option(address) }) }),
      ],
      [
        'mutation($input: CreateContactInput!) { createContact(input: $input) { id } }',
        fc.record({
          input: fc.record({ customerId: fc.constant(customerId), name: text, email: text, role: fc.constantFrom('ADMIN', 'VIEWER') }),
        }),
      ],
      [
        'mutation($id: ID!, $input: UpdateContactInput!) { updateContact(id: $id, input: $input) { id } }',
        fc.record({ id: fc.constant(contact), input: fc.record({ name: fc.option(text), email: fc.option(text) }) }),
      ],
    ];
    const failures: string[] = [];
    for (const [document, variables] of calls) {
      await fc
        .assert(
          fc.asyncProperty(variables, async (v) => {
            const res = await t.gql(document, v);
            const error = res.errors?.[0];
            const bad =
              res.status >= 500 ||
              error?.extensions?.code === 'INTERNAL_SERVER_ERROR' ||
              (error?.extensions?.code === 'BAD_USER_INPUT' && !error.extensions.field);
            if (bad) failures.push(`${document.slice(9, 40)} ${JSON.stringify(v).slice(0, 200)} → ${JSON.stringify(error).slice(0, 200)}`);
            return !bad;
          }),
          { numRuns: RUNS * 4, endOnFailure: true },
        )
        .catch(() => undefined);
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
