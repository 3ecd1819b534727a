import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { connectorHarness } from '../support/connector-harness';
import { startTestApp, TestApp } from '../support/app';
import { createPrice, createProduct } from '../support/catalog';
import { eventually } from '../support/eventually';
import { subscribe } from '../jobs/billing-support';
import { startHubSpotServer, HubSpotServer } from '../fixtures/hubspot/server';
import { ConnectedSystem } from '../../src/domain/connectors/connection.entity';
import { hubspotConnector } from '../../src/connectors/hubspot/hubspot.connector';
import { boundRows } from '../../src/db/bound-query';

/** Recognizable, so a search for it anywhere means it leaked. */
const SECRET = `pat-na1-LEAKCHECK-${randomBytes(12).toString('hex')}`;

let t: TestApp;
const {
  keyHex: KEY_HEX,
  logLines,
  answers,
  logStream,
  clock,
  gql,
  pass,
} = connectorHarness(ConnectedSystem.HUBSPOT, hubspotConnector, () => t);
const servers: HubSpotServer[] = [];

async function connect(hub: HubSpotServer, settings: Record<string, unknown> = {}): Promise<string> {
  const data = await gql(
    `mutation($input: CreateConnectionInput!) { createConnection(input: $input) { id system status baseUrl settings lastSyncAt pending failed } }`,
    { input: { system: 'HUBSPOT', baseUrl: hub.url, credentials: { accessToken: SECRET }, settings } },
  );
  expect(data.createConnection).toMatchObject({ system: 'HUBSPOT', status: 'ACTIVE', baseUrl: hub.url, pending: 0, failed: 0 });
  return data.createConnection.id;
}

async function records(connectionId: string, status?: string): Promise<any[]> {
  const data = await gql(
    `query($id: ID!, $status: ConnectionRecordStatus) { connection(id: $id) { pending failed lastSyncAt
       records(first: 100, status: $status) { edges { node { id recordType tariffId externalId status attempts lastError lastAttemptAt nextAttemptAt } } } } }`,
    { id: connectionId, status },
  );
  return data.connection.records.edges.map((e: any) => e.node);
}

async function customer(name: string): Promise<string> {
  return (
    await gql(
      `mutation($name: String!) { createCustomer(input: { name: $name, email: "billing@acme.example", currency: "EUR", taxStatus: EXEMPT }) { id } }`,
      { name },
    )
  ).createCustomer.id;
}

async function invoiceOf(customerId: string): Promise<{ id: string; total: string }> {
  const data = await gql(`query($c: ID!) { invoices(customerId: $c, first: 5) { edges { node { id total } } } }`, { c: customerId });
  return data.invoices.edges[0].node;
}

beforeAll(async () => {
  t = await startTestApp({ env: { TARIFF_SECRETS_KEY: KEY_HEX, LOG_LEVEL: 'debug' }, logDestination: logStream });
  await createProduct(t, 'plan');
  await createPrice(t, 'seat', { kind: 'per_unit', config: { unitAmount: '10.00' } });
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await t?.close();
});

async function hubspot(): Promise<HubSpotServer> {
  const hub = await startHubSpotServer({ accessToken: SECRET });
  servers.push(hub);
  return hub;
}

it('the local server refuses a request HubSpot’s description does not allow (the check can fail)', async () => {
  const hub = await hubspot();
  const res = await fetch(`${hub.url}/crm/v3/objects/companies/batch/upsert`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${SECRET}` },
    body: JSON.stringify({ inputs: [{ properties: { name: 'no id' } }] }),
  });
  expect(res.status).toBe(400);
  expect(hub.invalid).toHaveLength(1);
  expect(hub.count('companies')).toBe(0);
});

it('story: a customer, a contact, a subscription, an invoice and a payment appear in HubSpot with the right fields and associations', async () => {
  const hub = await hubspot();
  const connectionId = await connect(hub, { dealStage: 'closedwon', pipeline: 'default' });
  const c = await customer('Acme GmbH');
  await gql(
    `mutation($c: ID!) { createContact(input: { customerId: $c, name: "Kim Meyer", email: "kim@acme.example", role: BUYER }) { id } }`,
    { c },
  );
  const sub = await subscribe(t, c, { items: [{ priceCode: 'seat', quantity: '3' }], collection: 'SEND_INVOICE' });
  const invoice = await invoiceOf(c);
  expect(invoice.total).toBe('30.00');
  await gql(`mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { status } }`, {
    input: { invoiceId: invoice.id, amount: '30.00', reference: 'SEPA-HUBSPOT-1' },
  });

  await eventually(
    async () => {
      await pass(connectionId);
      return hub.count('commerce_payments');
    },
    { until: (n) => n === 1, what: 'the payment in HubSpot' },
  );
  expect(hub.invalid).toEqual([]);
  const company = hub.byTariffId('companies', c)!;
  expect(company.properties).toMatchObject({ name: 'Acme GmbH', tariff_billing_email: 'billing@acme.example', tariff_currency: 'EUR' });
  const contact = [...hub.objects.get('contacts')!.values()][0];
  expect(contact.properties).toMatchObject({ email: 'kim@acme.example', firstname: 'Kim', lastname: 'Meyer', jobtitle: 'BUYER' });
  const deal = hub.byTariffId('deals', sub)!;
  expect(deal.properties).toMatchObject({
    dealname: 'Acme GmbH: seat',
    dealstage: 'closedwon',
    pipeline: 'default',
    deal_currency_code: 'EUR',
    amount: '360.00',
    tariff_period_amount: '30.00',
    tariff_status: 'ACTIVE',
  });
  expect(Number(deal.properties.tariff_mrr)).toBe(30);
  const hsInvoice = hub.byTariffId('invoices', invoice.id)!;
  expect(hsInvoice.properties).toMatchObject({
    hs_currency: 'EUR',
    tariff_total: '30.00',
    tariff_amount_paid: '30.00',
    tariff_status: 'PAID',
  });
  const payment = [...hub.objects.get('commerce_payments')!.values()][0];
  expect(payment.properties).toMatchObject({ hs_initial_amount: '30.00', hs_currency_code: 'EUR' });
  expect([...hub.associations].sort()).toEqual(
    [
      `commerce_payments/${payment.id}->invoices/${hsInvoice.id}`,
      `contacts/${contact.id}->companies/${company.id}`,
      `deals/${deal.id}->companies/${company.id}`,
      `invoices/${hsInvoice.id}->companies/${company.id}`,
      `invoices/${hsInvoice.id}->deals/${deal.id}`,
      `commerce_payments/${payment.id}->companies/${company.id}`,
    ].sort(),
  );
  // Each record once, its vendor id in the log.
  const log = await records(connectionId);
  expect(log.map((r) => [r.recordType, r.status]).sort()).toEqual(
    [
      ['contact', 'SYNCED'],
      ['customer', 'SYNCED'],
      ['invoice', 'SYNCED'],
      ['payment', 'SYNCED'],
      ['subscription', 'SYNCED'],
    ].sort(),
  );
  expect(log.find((r) => r.recordType === 'customer').externalId).toBe(company.id);
  // Every request carried the token as HubSpot asks (Bearer), and only there.
  expect(hub.requests.every((r) => r.authorization === `Bearer ${SECRET}`)).toBe(true);
});

it('outage: 503s, then 429 with Retry-After, then a recovery: every record arrives once, in order; a refused one is DEAD with HubSpot’s message, and a retry sends it', async () => {
  const hub = await hubspot();
  const connectionId = await connect(hub, { maxAttempts: 3 });
  hub.fault = { status: 503 };
  const b = await customer('Beta v1');
  for (const name of ['Beta v2', 'Beta v3'])
    await gql(`mutation($id: ID!, $name: String!) { updateCustomer(id: $id, input: { name: $name }) { id } }`, { id: b, name });
  const sub = await subscribe(t, b, { items: [{ priceCode: 'seat', quantity: '1' }], collection: 'SEND_INVOICE' });
  const invoice = await invoiceOf(b);
  await gql(`mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { status } }`, {
    input: { invoiceId: invoice.id, amount: '10.00', reference: 'SEPA-HUBSPOT-2' },
  });
  const refused = await customer('REFUSED GmbH');

  // Down: the records wait with HubSpot's answer; nothing is stored.
  await eventually(
    async () => {
      await pass(connectionId);
      return records(connectionId);
    },
    { until: (log) => log.some((r) => r.recordType === 'customer' && r.tariffId === refused && r.lastError), what: 'both customers tried' },
  );
  let log = await records(connectionId);
  expect(log.find((r) => r.tariffId === b)).toMatchObject({ status: 'PENDING', attempts: 1, lastError: '503: Service Unavailable' });
  // The rest waits for its company: not tried yet.
  expect(log.find((r) => r.tariffId === sub)).toMatchObject({ status: 'PENDING', attempts: 0, lastError: null });
  expect(hub.count('companies')).toBe(0);

  // Throttled: Retry-After 120 s is longer than the backoff; a 429 is not counted as an attempt.
  clock.advanceSeconds(5);
  hub.fault = { status: 429, retryAfterSeconds: 120 };
  await pass(connectionId);
  log = await records(connectionId);
  expect(log.find((r) => r.tariffId === b)).toMatchObject({ attempts: 1, lastError: '429: You have reached your secondly limit.' });
  const asked = hub.requests.length;
  clock.advanceSeconds(60);
  await pass(connectionId);
  expect(hub.requests.length).toBe(asked); // still inside Retry-After: not a single request

  // Back, refusing one company as a portal with a property rule would.
  hub.fault = null;
  hub.reject = (type, p) =>
    type === 'companies' && p.name === 'REFUSED GmbH' ? 'Property values were not valid: name is on the block list' : null;
  clock.advanceSeconds(600);
  await pass(connectionId);
  // Refused once more (the 503 counted as the first attempt): FAILED, with HubSpot's message, retried later.
  expect((await records(connectionId, 'FAILED')).map((r) => [r.tariffId, r.attempts, r.lastError])).toEqual([
    [refused, 2, '400: Property values were not valid: name is on the block list'],
  ]);
  for (let i = 0; i < 8; i++) {
    clock.advanceSeconds(600);
    await pass(connectionId);
  }
  expect(hub.invalid).toEqual([]);
  // Exactly once on the vendor side: one object per record.
  expect([hub.count('companies'), hub.count('deals'), hub.count('invoices'), hub.count('commerce_payments')]).toEqual([1, 1, 1, 1]);
  // Per-record order: versions only move forward, and the last one is the latest.
  const names = hub.byTariffId('companies', b)!.versions.map((v) => v.name);
  const order = ['Beta v1', 'Beta v2', 'Beta v3'];
  expect(names.map((n) => order.indexOf(n))).toEqual([...names.map((n) => order.indexOf(n))].sort());
  expect(names.at(-1)).toBe('Beta v3');
  expect(hub.byTariffId('invoices', invoice.id)!.properties.tariff_status).toBe('PAID');

  const dead = await records(connectionId, 'DEAD');
  expect(dead).toEqual([
    expect.objectContaining({
      recordType: 'customer',
      tariffId: refused,
      status: 'DEAD',
      attempts: 3,
      externalId: null,
      lastError: '400: Property values were not valid: name is on the block list',
    }),
  ]);
  const counts = await gql(`query($id: ID!) { connection(id: $id) { pending failed lastSyncAt } }`, { id: connectionId });
  expect(counts.connection).toMatchObject({ pending: 0, failed: 1 });
  expect(counts.connection.lastSyncAt).not.toBeNull();

  // The operator fixes the rule and retries.
  hub.reject = null;
  const retried = await gql(`mutation($id: ID!) { retryConnectionRecord(id: $id) { status attempts } }`, { id: dead[0].id });
  expect(retried.retryConnectionRecord).toEqual({ status: 'PENDING', attempts: 0 });
  clock.set(new Date(Math.max(clock.now().getTime(), Date.now()) + 1000));
  await pass(connectionId);
  expect(hub.byTariffId('companies', refused)?.properties.name).toBe('REFUSED GmbH');
  expect((await records(connectionId, 'DEAD')).length).toBe(0);
});

it('replays from a point in time: what changed since is sent again, onto the same HubSpot objects', async () => {
  const hub = await hubspot();
  const connectionId = await connect(hub);
  const from = new Date();
  const c = await customer('Gamma');
  await eventually(
    async () => {
      await pass(connectionId);
      return hub.count('companies');
    },
    { until: (n) => n === 1, what: 'the company' },
  );
  const before = hub.byTariffId('companies', c)!.versions.length;
  const replayed = await gql(`mutation($id: ID!, $from: DateTime!) { replayConnection(id: $id, from: $from) { id pending } }`, {
    id: connectionId,
    from: from.toISOString(),
  });
  expect(replayed.replayConnection.pending).toBe(1);
  clock.set(new Date(Math.max(clock.now().getTime(), Date.now()) + 1000));
  await pass(connectionId);
  expect(hub.byTariffId('companies', c)!.versions.length).toBe(before + 1);
  expect(hub.count('companies')).toBe(1);
});

it('inbound: a deal moved to closed-won with a line item whose SKU is a price code becomes an accepted quote, with its PO number; once, however often it is read', async () => {
  const hub = await hubspot();
  const connectionId = await connect(hub, { inbound: { closedWonStage: 'closedwon', accept: true } });
  const c = await customer('Delta AG');
  await gql(
    `mutation($c: ID!) { createContact(input: { customerId: $c, name: "Dana Buyer", email: "dana@delta.example", role: BUYER }) { id } }`,
    { c },
  );
  const synced = await eventually(
    async () => {
      await pass(connectionId);
      return { company: hub.byTariffId('companies', c), contact: [...(hub.objects.get('contacts')?.values() ?? [])][0] };
    },
    { until: (v) => v.company !== undefined && v.contact !== undefined, what: 'the company and contact in HubSpot' },
  );
  // A salesperson works the deal in HubSpot.
  const deal = hub.put('deals', {
    dealname: 'Delta seats',
    dealstage: 'contractsent',
    deal_currency_code: 'EUR',
    tariff_purchase_order_number: 'PO-4711',
  });
  const seats = hub.put('line_items', { name: 'Seats', hs_sku: 'seat', quantity: '5', price: '10' });
  const other = hub.put('line_items', { name: 'Onboarding workshop', hs_sku: 'not-in-tariff', quantity: '1', price: '900' });
  hub.associate('deals', deal, 'companies', synced.company!.id);
  hub.associate('deals', deal, 'contacts', synced.contact.id);
  hub.associate('deals', deal, 'line_items', seats);
  hub.associate('deals', deal, 'line_items', other);
  // Another won deal with nothing Tariff sells: left aside, with the reason.
  const nothing = hub.put('deals', { dealname: 'Delta consulting', dealstage: 'closedwon', deal_currency_code: 'EUR' });
  hub.associate('deals', nothing, 'companies', synced.company!.id);
  hub.associate('deals', nothing, 'line_items', other);

  const quotesOf = async () =>
    (
      await gql(
        `query($c: ID!) { quotes(customerId: $c, first: 10) { edges { node { id status purchaseOrderNumber lines { priceCode quantity } subscription { id status } } } } }`,
        { c },
      )
    ).quotes.edges.map((e: any) => e.node);
  await pass(connectionId);
  expect(await quotesOf()).toEqual([]); // not won yet

  hub.edit('deals', deal, { dealstage: 'closedwon' });
  await pass(connectionId);
  const [quote] = await quotesOf();
  expect(quote).toMatchObject({ status: 'ACCEPTED', purchaseOrderNumber: 'PO-4711', lines: [{ priceCode: 'seat', quantity: '5' }] });
  expect(quote.subscription).toMatchObject({ status: 'ACTIVE' });

  // Read again after another change, and after Tariff's own deal for the subscription reached HubSpot: still one quote.
  hub.edit('deals', deal, { dealname: 'Delta seats (signed)' });
  for (let i = 0; i < 3; i++) {
    clock.advanceSeconds(60);
    await pass(connectionId);
  }
  expect(await quotesOf()).toHaveLength(1);
  expect(hub.byTariffId('deals', quote.subscription.id)?.properties.dealstage).toBe('closedwon');
  const em = t.app.db.orm.em.fork();
  const inbound = await boundRows<{
    external_id: string;
    status: string;
    quote_id: string | null;
    contact_id: string | null;
    message: string | null;
  }>(em, `select external_id, status, quote_id, contact_id, message from connection_inbound where connection_id = ? order by external_id`, [
    connectionId,
  ]);
  const contactId = (await gql(`query($c: ID!) { customer(id: $c) { contacts { id } } }`, { c })).customer.contacts[0].id;
  expect(inbound).toEqual(
    expect.arrayContaining([
      { external_id: deal, status: 'ACCEPTED', quote_id: quote.id, contact_id: contactId, message: null },
      {
        external_id: nothing,
        status: 'SKIPPED',
        quote_id: null,
        contact_id: null,
        message: "no line item's SKU is a Tariff price code or product SKU in EUR",
      },
    ]),
  );
  expect(hub.invalid).toEqual([]);
});

it('refuses bad input with the field named, and never returns, logs or emits the credentials', async () => {
  const bad = await t.gql(`mutation { createConnection(input: { system: HUBSPOT, credentials: { token: "x" } }) { id } }`);
  answers.push(JSON.stringify(bad));
  expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.credentials.accessToken' });
  // Another vendor's connection with a HubSpot token: checked by that vendor's connector.
  const sap = await t.gql(
    `mutation { createConnection(input: { system: SAP_S4HANA, baseUrl: "https://sap.example.com", credentials: { accessToken: "abcdefghij" } }) { id } }`,
  );
  answers.push(JSON.stringify(sap));
  expect(sap.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.credentials.username' });
  for (const [input, field] of [
    [{ system: 'HUBSPOT', baseUrl: 'ftp://example.com', credentials: { accessToken: 'abcdefghij' } }, 'input.baseUrl'],
    [{ system: 'HUBSPOT', baseUrl: 'https://user:pw@example.com', credentials: { accessToken: 'abcdefghij' } }, 'input.baseUrl'],
    [{ system: 'HUBSPOT', credentials: { accessToken: 'abcdefghij' }, settings: { note: 'a\u0000b' } }, 'input.settings.note'],
    [{ system: 'HUBSPOT', credentials: { accessToken: 'abcdefghij' }, settings: { ['\ud800']: 1 } }, 'input.settings'],
    [{ system: 'HUBSPOT', credentials: { accessToken: 'abcdefghij' }, settings: { maxAttempts: 0 } }, 'input.settings.maxAttempts'],
    [
      { system: 'HUBSPOT', credentials: { accessToken: 'abcdefghij' }, settings: { inbound: { accept: true } } },
      'input.settings.inbound.closedWonStage',
    ],
  ] as const) {
    const res = await t.gql(`mutation($input: CreateConnectionInput!) { createConnection(input: $input) { id } }`, { input });
    answers.push(JSON.stringify(res));
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(String(res.errors?.[0].extensions?.field)).toMatch(new RegExp(`^${field.replace(/\./g, '\\.')}`));
  }
  // Whatever JSON comes in, never an internal error.
  await fc.assert(
    fc.asyncProperty(
      fc.dictionary(fc.string(), fc.jsonValue()),
      fc.dictionary(fc.string(), fc.jsonValue()),
      fc.option(fc.string()),
      async (credentials, settings, baseUrl) => {
        const res = await t.gql(`mutation($input: CreateConnectionInput!) { createConnection(input: $input) { id } }`, {
          input: { system: 'HUBSPOT', credentials, settings, baseUrl },
        });
        answers.push(JSON.stringify(res));
        expect(res.status).toBeLessThan(500);
        expect(res.errors?.map((e) => e.extensions?.code) ?? []).not.toContain('INTERNAL_SERVER_ERROR');
      },
    ),
    { numRuns: 40 },
  );
  const everything = await t.gql(
    `{ connections { id system baseUrl settings status records(first: 100) { edges { node { lastError } } } } }`,
  );
  answers.push(JSON.stringify(everything));
  expect(everything.data).toBeDefined();

  const em = t.app.db.orm.em.fork();
  const events = await boundRows<{ row: string }>(em, `select row_to_json(e)::text as row from domain_event e`);
  const stored = await boundRows<{ row: string }>(em, `select row_to_json(c)::text as row from connection c`);
  const recordRows = await boundRows<{ row: string }>(em, `select row_to_json(r)::text as row from connection_record r`);
  const audit = await boundRows<{ row: string }>(em, `select row_to_json(a)::text as row from audit_entry a`);
  // The audit log records the connection, with its encrypted credentials redacted as a secret.
  const connectionAudit = audit.filter((a) => a.row.includes('"Connection"'));
  expect(connectionAudit.length).toBeGreaterThan(0);
  expect(connectionAudit.every((a) => a.row.includes('[REDACTED]') && !a.row.includes('v1.'))).toBe(true);
  expect(logLines.length).toBeGreaterThan(10);
  expect(logLines.some((l) => l.includes('will retry'))).toBe(true);
  expect(events.length).toBeGreaterThan(5);
  expect(stored.length).toBeGreaterThanOrEqual(3);
  for (const [where, texts] of Object.entries({
    answers,
    logLines,
    events: events.map((r) => r.row),
    connections: stored.map((r) => r.row),
    records: recordRows.map((r) => r.row),
    audit: audit.map((r) => r.row),
  })) {
    expect({ where, leaked: texts.filter((x) => x.includes(SECRET) || x.includes(SECRET.slice(-24))) }).toEqual({ where, leaked: [] });
  }
});
