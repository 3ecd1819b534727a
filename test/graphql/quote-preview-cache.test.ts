import { Client } from 'pg';
import { startApp, RunningApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startTestApp, TestApp, Untyped } from '../support/app';

/*
 * The in-process caches (docs/caches.md) with two app instances on one database, as two API
 * processes behind a load balancer: a change committed through one is seen by the other's very
 * next request, with no wait, whether or not its notification has arrived yet.
 */
let a: TestApp;
let b: RunningApp;
let dbUrl: string;
const statementsOfB: string[] = [];
let customerId: string;

const preview = `query($input: PreviewQuoteInput!) {
  previewQuote(input: $input) { subtotal tax total lines { priceCode amount tax contractCode } }
}`;

async function gqlB(query: string, variables?: Record<string, unknown>, key = a.adminKey) {
  const res = await fetch(`${b.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, ...((await res.json()) as { data?: Untyped; errors?: { extensions?: { code?: string } }[] }) };
}

async function mustA(query: string, variables?: Record<string, unknown>, key?: string): Promise<Untyped> {
  const res = await a.gql<Untyped>(query, variables, key);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
}

/** B's preview of 3 seats for the customer. */
async function previewOnB(key = a.adminKey) {
  const res = await gqlB(preview, { input: { customerId, currency: 'EUR', lines: [{ priceCode: 'seat', quantity: '3' }] } }, key);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.previewQuote as {
    subtotal: string;
    tax: string;
    total: string;
    lines: { amount: string; contractCode: string | null }[];
  };
}

/** What B sent to the database while serving `run`. */
async function statementsOf(run: () => Promise<unknown>): Promise<string[]> {
  const from = statementsOfB.length;
  await run();
  return statementsOfB.slice(from);
}

beforeAll(async () => {
  a = await startTestApp();
  dbUrl = String(a.app.db.orm.config.get('clientUrl'));
  const config = loadConfig({ PORT: '0', TARIFF_ADMIN_KEY: a.adminKey, TARIFF_RATE_LIMIT: '0', LOG_LEVEL: 'silent', DATABASE_URL: dbUrl });
  b = await startApp({ config, logger: createLogger('silent'), dataDir: null, onQuery: (sql) => statementsOfB.push(sql) });
  await mustA('mutation { createProduct(input: { code: "seats", name: "Seats" }) { id } }');
  await mustA('mutation($input: CreatePriceInput!) { createPrice(input: $input) { id } }', {
    input: {
      code: 'seat',
      productCode: 'seats',
      currency: 'EUR',
      interval: 'MONTH',
      rule: { kind: 'per_unit', config: { unitAmount: '10.00' } },
    },
  });
  customerId = (
    await mustA(
      'mutation { createCustomer(input: { name: "Initech", email: "i@initech.example", currency: "EUR", taxStatus: TAXABLE, taxRate: "20" }) { id } }',
    )
  ).createCustomer.id;
});

afterAll(async () => {
  await b?.close();
  await a?.close();
});

it('serves a repeated preview from the cache: its only statement is the version read', async () => {
  expect((await previewOnB()).total).toBe('36.00');
  const statements = await statementsOf(() => previewOnB());
  expect(statements.some((s) => s.includes('cache_version'))).toBe(true);
  expect(statements.filter((s) => /\b(price|customer|contract|api_key)\b/.test(s.replace(/cache_version/g, '')))).toEqual([]);
});

it('prices at a new price version written through the other instance on the very next request', async () => {
  expect((await previewOnB()).subtotal).toBe('30.00');
  await mustA('mutation($input: UpdatePriceInput!) { updatePrice(code: "seat", input: $input) { version } }', {
    input: { rule: { kind: 'per_unit', config: { unitAmount: '12.00' } } },
  });
  expect(await previewOnB()).toMatchObject({ subtotal: '36.00', tax: '7.20', total: '43.20' });
});

it('applies a contract made through the other instance on the very next request', async () => {
  expect((await previewOnB()).lines[0].contractCode).toBeNull();
  await mustA('mutation($input: CreateContractInput!) { createContract(input: $input) { id } }', {
    input: { customerId, code: 'INI-1', startsAt: '2020-01-01T00:00:00Z', items: [{ priceCode: 'seat', discountPercent: '10' }] },
  });
  const next = await previewOnB();
  expect(next.lines[0]).toMatchObject({ contractCode: 'INI-1', amount: '32.40' });
});

it('sees a tax rate written by any client, not only through the API, on the very next request', async () => {
  expect((await previewOnB()).tax).toBe('6.48');
  const sql = new Client({ connectionString: dbUrl });
  await sql.connect();
  try {
    await sql.query('update customer set tax_rate = 10 where id = $1', [customerId]);
  } finally {
    await sql.end();
  }
  expect(await previewOnB()).toMatchObject({ subtotal: '32.40', tax: '3.24', total: '35.64' });
});

it('refuses a key revoked through the other instance on the very next request', async () => {
  const created = (await mustA('mutation { createApiKey(input: { role: SALES, name: "sales" }) { apiKey { id } secret } }')).createApiKey;
  await previewOnB(created.secret);
  await previewOnB(created.secret); // from B's cache now
  await mustA('mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }', { id: created.apiKey.id });
  const refused = await gqlB('{ __typename }', undefined, created.secret);
  expect(refused.status).toBe(401);
  expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
});
