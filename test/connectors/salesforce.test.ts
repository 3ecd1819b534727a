import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { connectorHarness } from '../support/connector-harness';
import { startTestApp, TestApp } from '../support/app';
import { createPrice, createProduct } from '../support/catalog';
import { eventually } from '../support/eventually';
import { subscribe } from '../jobs/billing-support';
import { startSalesforceServer, SalesforceServer } from '../fixtures/salesforce/server';
import { ConnectedSystem } from '../../src/domain/connectors/connection.entity';
import { salesforceConnector } from '../../src/connectors/salesforce/salesforce.connector';
import { exactNumber } from '../../src/connectors/salesforce/salesforce.mapping';
import { boundRows } from '../../src/db/bound-query';

/** Recognizable, so a search for it anywhere means it leaked (a Salesforce session id starts with the org id and `!`). */
const SECRET = `00D5g000004LEAK!AQ-${randomBytes(16).toString('hex')}`;
/** A connected app's consumer key and secret (the client credentials flow). */
const CLIENT_ID = `3MVG9LEAKCHECK${randomBytes(8).toString('hex')}`;
const CLIENT_SECRET = `CS-LEAKCHECK-${randomBytes(16).toString('hex')}`;
/** Access tokens the local orgs issued: searched for too. */
const issuedTokens: string[] = [];

let t: TestApp;
const {
  keyHex: KEY_HEX,
  logLines,
  answers,
  logStream,
  clock,
  gql,
  pass,
} = connectorHarness(ConnectedSystem.SALESFORCE, salesforceConnector, () => t);
const servers: SalesforceServer[] = [];

async function connect(
  org: SalesforceServer,
  settings: Record<string, unknown> = {},
  credentials: Record<string, unknown> = { accessToken: SECRET },
): Promise<string> {
  const data = await gql(
    `mutation($input: CreateConnectionInput!) { createConnection(input: $input) { id system status baseUrl settings lastSyncAt pending failed } }`,
    { input: { system: 'SALESFORCE', baseUrl: org.url, credentials, settings } },
  );
  expect(data.createConnection).toMatchObject({ system: 'SALESFORCE', status: 'ACTIVE', baseUrl: org.url, pending: 0, failed: 0 });
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

async function invoiceOf(customerId: string): Promise<{ id: string; number: string; total: string }> {
  const data = await gql(`query($c: ID!) { invoices(customerId: $c, first: 5) { edges { node { id number total } } } }`, { c: customerId });
  return data.invoices.edges[0].node;
}

async function salesforce(): Promise<SalesforceServer> {
  const org = await startSalesforceServer({ accessToken: SECRET, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
  servers.push(org);
  return org;
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

it('the local org refuses a request the encoded description does not allow (the check can fail)', async () => {
  const org = await salesforce();
  const res = await fetch(`${org.url}/services/data/v62.0/composite/sobjects/Account/Tariff_Id__c`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${SECRET}` },
    // Records without `attributes.type`: the guide requires it in sObject Collections.
    body: JSON.stringify({ allOrNone: false, records: [{ Name: 'no type', Tariff_Id__c: 'x' }] }),
  });
  expect(res.status).toBe(400);
  expect(org.invalid).toHaveLength(1);
  expect(org.count('Account')).toBe(0);
});

it('amounts go as JSON numbers only when exact', () => {
  fc.assert(
    fc.property(fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n }), (cents) => {
      const text = (Number(cents) / 100).toFixed(2);
      expect(exactNumber(text).toFixed(2)).toBe(text);
    }),
  );
  expect(() => exactNumber('12345678901234567.89')).toThrow('no exact JSON number');
});

it('story: a customer, a contact, a subscription, an invoice and a payment appear in Salesforce with the right fields and lookups', async () => {
  const org = await salesforce();
  const connectionId = await connect(org, { stageName: 'Closed Won' });
  const c = await customer('Acme GmbH');
  await gql(
    `mutation($c: ID!) { createContact(input: { customerId: $c, name: "Kim Meyer", email: "kim@acme.example", role: BUYER }) { id } }`,
    { c },
  );
  const sub = await subscribe(t, c, { items: [{ priceCode: 'seat', quantity: '3' }], collection: 'SEND_INVOICE' });
  const invoice = await invoiceOf(c);
  expect(invoice.total).toBe('30.00');
  await gql(`mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { status } }`, {
    input: { invoiceId: invoice.id, amount: '30.00', reference: 'SEPA-SALESFORCE-1' },
  });

  await eventually(
    async () => {
      await pass(connectionId);
      return org.count('Tariff_Payment__c');
    },
    { until: (n) => n === 1, what: 'the payment in Salesforce' },
  );
  expect(org.invalid).toEqual([]);
  const account = org.byTariffId('Account', c)!;
  expect(account.fields).toMatchObject({ Name: 'Acme GmbH', Tariff_Billing_Email__c: 'billing@acme.example', Tariff_Currency__c: 'EUR' });
  const contact = [...org.objects.get('Contact')!.values()][0];
  expect(contact.fields).toMatchObject({
    AccountId: account.Id,
    Email: 'kim@acme.example',
    FirstName: 'Kim',
    LastName: 'Meyer',
    Title: 'BUYER',
  });
  const opportunity = org.byTariffId('Opportunity', sub)!;
  expect(opportunity.fields).toMatchObject({
    AccountId: account.Id,
    Name: 'Acme GmbH: seat',
    StageName: 'Closed Won',
    Amount: 360,
    Tariff_MRR__c: 30,
    Tariff_Period_Amount__c: 30,
    Tariff_Status__c: 'ACTIVE',
    Tariff_Currency__c: 'EUR',
  });
  expect(opportunity.fields.CloseDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(opportunity.fields).not.toHaveProperty('CurrencyIsoCode'); // a single-currency org unless the settings say otherwise
  const sfInvoice = org.byTariffId('Tariff_Invoice__c', invoice.id)!;
  expect(sfInvoice.fields).toMatchObject({
    Name: invoice.number,
    Account__c: account.Id,
    Opportunity__c: opportunity.Id,
    Currency__c: 'EUR',
    Total__c: 30,
    Amount_Paid__c: 30,
    Amount_Due__c: 30,
    Status__c: 'PAID',
  });
  const payment = [...org.objects.get('Tariff_Payment__c')!.values()][0];
  expect(payment.fields).toMatchObject({ Account__c: account.Id, Invoice__c: sfInvoice.Id, Amount__c: 30, Currency__c: 'EUR' });
  // Each record once, its Salesforce id in the log.
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
  expect(log.find((r) => r.recordType === 'customer').externalId).toBe(account.Id);
  // One record a type: the single-record upsert by external id.
  expect(org.requests.map((r) => `${r.method} ${r.path}`)).toContain(`patch /services/data/v62.0/sobjects/Account/Tariff_Id__c/${c}`);
  // Every request carried the token as Salesforce asks (Bearer), and only there.
  expect(org.requests.every((r) => r.authorization === `Bearer ${SECRET}`)).toBe(true);
});

it('outage: 503s, then REQUEST_LIMIT_EXCEEDED, then a recovery: every record arrives once, in order; a refused one is FAILED then DEAD with Salesforce’s message', async () => {
  const org = await salesforce();
  const connectionId = await connect(org, { maxAttempts: 3, requestLimitWaitSeconds: 600 });
  org.fault = { status: 503 };
  const b = await customer('Beta v1');
  for (const name of ['Beta v2', 'Beta v3'])
    await gql(`mutation($id: ID!, $name: String!) { updateCustomer(id: $id, input: { name: $name }) { id } }`, { id: b, name });
  const sub = await subscribe(t, b, { items: [{ priceCode: 'seat', quantity: '1' }], collection: 'SEND_INVOICE' });
  const invoice = await invoiceOf(b);
  await gql(`mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { status } }`, {
    input: { invoiceId: invoice.id, amount: '10.00', reference: 'SEPA-SALESFORCE-2' },
  });
  const refused = await customer('REFUSED GmbH');
  const others = [await customer('Gamma'), await customer('Delta')];

  // Down: the records wait with Salesforce's answer; nothing is stored.
  await eventually(
    async () => {
      await pass(connectionId);
      return records(connectionId);
    },
    { until: (log) => log.some((r) => r.recordType === 'customer' && r.tariffId === refused && r.lastError), what: 'the customers tried' },
  );
  let log = await records(connectionId);
  expect(log.find((r) => r.tariffId === b)).toMatchObject({
    status: 'PENDING',
    attempts: 1,
    lastError: '503: SERVER_UNAVAILABLE: Server is unavailable',
  });
  // The rest waits for its Account: not tried yet.
  expect(log.find((r) => r.tariffId === sub)).toMatchObject({ status: 'PENDING', attempts: 0, lastError: null });
  expect(org.count('Account')).toBe(0);

  // The org's API request limit: 403 REQUEST_LIMIT_EXCEEDED, not counted as an attempt, and the connection waits as set.
  clock.advanceSeconds(5);
  org.fault = { status: 403 };
  await pass(connectionId);
  log = await records(connectionId);
  expect(log.find((r) => r.tariffId === b)).toMatchObject({
    status: 'PENDING',
    attempts: 1,
    lastError: '403: REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.',
  });
  const asked = org.requests.length;
  clock.advanceSeconds(300);
  await pass(connectionId);
  expect(org.requests.length).toBe(asked); // still inside the wait: not a single request

  // Back, refusing one Account by a validation rule.
  org.fault = null;
  org.reject = (sObject, fields) => (sObject === 'Account' && fields.Name === 'REFUSED GmbH' ? 'Accounts named REFUSED are blocked' : null);
  clock.advanceSeconds(600);
  await pass(connectionId);
  // The customers went as one sObject Collections upsert: the refused one failed alone (the 503 counted as its first attempt).
  expect(org.requests.some((r) => r.path === '/services/data/v62.0/composite/sobjects/Account/Tariff_Id__c' && r.status === 200)).toBe(
    true,
  );
  expect((await records(connectionId, 'FAILED')).map((r) => [r.tariffId, r.attempts, r.lastError])).toEqual([
    [refused, 2, 'FIELD_CUSTOM_VALIDATION_EXCEPTION: Accounts named REFUSED are blocked'],
  ]);
  for (let i = 0; i < 8; i++) {
    clock.advanceSeconds(600);
    await pass(connectionId);
  }
  expect(org.invalid).toEqual([]);
  // Exactly once on the vendor side: one record per Tariff record.
  expect([org.count('Account'), org.count('Opportunity'), org.count('Tariff_Invoice__c'), org.count('Tariff_Payment__c')]).toEqual([
    3, 1, 1, 1,
  ]);
  for (const id of [b, ...others]) expect(org.byTariffId('Account', id)).toBeDefined();
  // Per-record order: versions only move forward, and the last one is the latest.
  const names = org.byTariffId('Account', b)!.versions.map((v) => v.Name as string);
  const order = ['Beta v1', 'Beta v2', 'Beta v3'];
  expect(names.map((n) => order.indexOf(n))).toEqual([...names.map((n) => order.indexOf(n))].sort());
  expect(names.at(-1)).toBe('Beta v3');
  expect(org.byTariffId('Tariff_Invoice__c', invoice.id)!.fields.Status__c).toBe('PAID');

  const dead = await records(connectionId, 'DEAD');
  expect(dead).toEqual([
    expect.objectContaining({
      recordType: 'customer',
      tariffId: refused,
      status: 'DEAD',
      attempts: 3,
      externalId: null,
      // Its last attempt was alone, by the single-record upsert: the rule's answer came with its 400.
      lastError: '400: FIELD_CUSTOM_VALIDATION_EXCEPTION: Accounts named REFUSED are blocked',
    }),
  ]);
  const counts = await gql(`query($id: ID!) { connection(id: $id) { pending failed } }`, { id: connectionId });
  expect(counts.connection).toMatchObject({ pending: 0, failed: 1 });

  // The admin fixes the rule and retries: the single-record upsert creates it.
  org.reject = null;
  await gql(`mutation($id: ID!) { retryConnectionRecord(id: $id) { status } }`, { id: dead[0].id });
  clock.set(new Date(Math.max(clock.now().getTime(), Date.now()) + 1000));
  await pass(connectionId);
  expect(org.byTariffId('Account', refused)?.fields.Name).toBe('REFUSED GmbH');
  expect(org.count('Account')).toBe(4);
});

it('inbound: an Opportunity set Closed Won with a line item whose ProductCode is a price code becomes an accepted quote, with its PO number and contact; once', async () => {
  const org = await salesforce();
  const connectionId = await connect(org, { inbound: { closedWonStage: 'Closed Won', accept: true } });
  const c = await customer('Epsilon AG');
  await gql(
    `mutation($c: ID!) { createContact(input: { customerId: $c, name: "Dana Buyer", email: "dana@epsilon.example", role: BUYER }) { id } }`,
    { c },
  );
  const synced = await eventually(
    async () => {
      await pass(connectionId);
      return { account: org.byTariffId('Account', c), contact: [...(org.objects.get('Contact')?.values() ?? [])][0] };
    },
    { until: (v) => v.account !== undefined && v.contact !== undefined, what: 'the Account and Contact in Salesforce' },
  );
  // A salesperson works the Opportunity in Salesforce.
  const opp = org.put('Opportunity', {
    Name: 'Epsilon seats',
    AccountId: synced.account!.Id,
    StageName: 'Negotiation/Review',
    IsWon: false,
    CloseDate: '2026-12-31',
    Tariff_Purchase_Order_Number__c: 'PO-4711',
  });
  org.put('OpportunityLineItem', { OpportunityId: opp, ProductCode: 'seat', Quantity: 5, UnitPrice: 10 });
  org.put('OpportunityLineItem', { OpportunityId: opp, ProductCode: 'not-in-tariff', Quantity: 1, UnitPrice: 900 });
  org.put('OpportunityContactRole', { OpportunityId: opp, ContactId: synced.contact.Id, IsPrimary: true });
  // Another won one with nothing Tariff sells: left aside, with the reason.
  const nothing = org.put('Opportunity', {
    Name: 'Epsilon consulting',
    AccountId: synced.account!.Id,
    StageName: 'Closed Won',
    IsWon: true,
    CloseDate: '2026-12-31',
  });
  org.put('OpportunityLineItem', { OpportunityId: nothing, ProductCode: 'not-in-tariff', Quantity: 1, UnitPrice: 900 });

  const quotesOf = async () =>
    (
      await gql(
        `query($c: ID!) { quotes(customerId: $c, first: 10) { edges { node { id status purchaseOrderNumber lines { priceCode quantity } subscription { id status } } } } }`,
        { c },
      )
    ).quotes.edges.map((e: any) => e.node);
  await pass(connectionId);
  expect(await quotesOf()).toEqual([]); // not won yet

  org.edit('Opportunity', opp, { StageName: 'Closed Won', IsWon: true });
  await pass(connectionId);
  const [quote] = await quotesOf();
  expect(quote).toMatchObject({ status: 'ACCEPTED', purchaseOrderNumber: 'PO-4711', lines: [{ priceCode: 'seat', quantity: '5' }] });
  expect(quote.subscription).toMatchObject({ status: 'ACTIVE' });

  // Read again after another change, and after Tariff's own Opportunity for the subscription reached Salesforce: still one quote.
  org.edit('Opportunity', opp, { Name: 'Epsilon seats (signed)' });
  for (let i = 0; i < 3; i++) {
    clock.advanceSeconds(60);
    await pass(connectionId);
  }
  expect(await quotesOf()).toHaveLength(1);
  expect(org.byTariffId('Opportunity', quote.subscription.id)?.fields.StageName).toBe('Closed Won');
  // The query: won, in the stage, not Tariff's own, after the cursor (from the second pass on).
  expect(org.queries.at(-1)).toMatch(
    /FROM Opportunity WHERE IsWon = true AND StageName = 'Closed Won' AND Tariff_Id__c = null AND SystemModstamp > \d{4}-\d{2}-\d{2}T[\d:.]+Z ORDER BY SystemModstamp ASC LIMIT 100$/,
  );
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
      { external_id: opp, status: 'ACCEPTED', quote_id: quote.id, contact_id: contactId, message: null },
      {
        external_id: nothing,
        status: 'SKIPPED',
        quote_id: null,
        contact_id: null,
        message: "no line item's SKU is a Tariff price code or product SKU in EUR",
      },
    ]),
  );
  expect(org.invalid).toEqual([]);
});

it('a multi-currency org, and a stage name with a quote and a backslash: CurrencyIsoCode written and read, the stage quoted in SOQL', async () => {
  const org = await salesforce();
  const stage = "Won – it's \\ final";
  const connectionId = await connect(org, { multiCurrency: true, stageName: stage, inbound: { closedWonStage: stage } });
  const c = await customer('Iota SA');
  const account = await eventually(
    async () => {
      await pass(connectionId);
      return org.byTariffId('Account', c);
    },
    { until: (a) => a !== undefined, what: 'the Account' },
  );
  expect(account!.fields).toMatchObject({ CurrencyIsoCode: 'EUR', Tariff_Currency__c: 'EUR' });
  const won = (currency: string) => {
    const id = org.put('Opportunity', {
      Name: `Iota ${currency}`,
      AccountId: account!.Id,
      StageName: stage,
      IsWon: true,
      CloseDate: '2026-12-31',
      CurrencyIsoCode: currency,
    });
    org.put('OpportunityLineItem', { OpportunityId: id, ProductCode: 'seat', Quantity: 2, UnitPrice: 10 });
    return id;
  };
  const eur = won('EUR');
  const usd = won('USD');
  await pass(connectionId);
  expect(org.queries.at(-1)).toContain(`StageName = 'Won – it\\'s \\\\ final'`);
  expect(org.queries.at(-1)).toMatch(/^SELECT Id, AccountId, SystemModstamp, Tariff_Purchase_Order_Number__c, CurrencyIsoCode, /);
  const quotes = (
    await gql(
      `query($c: ID!) { quotes(customerId: $c, first: 10) { edges { node { id status currency lines { priceCode quantity } } } } }`,
      { c },
    )
  ).quotes.edges.map((e: any) => e.node);
  // Not accepted: the settings do not say so.
  expect(quotes).toEqual([expect.objectContaining({ status: 'DRAFT', currency: 'EUR', lines: [{ priceCode: 'seat', quantity: '2' }] })]);
  const inbound = await boundRows<{ external_id: string; status: string; message: string | null }>(
    t.app.db.orm.em.fork(),
    `select external_id, status, message from connection_inbound where connection_id = ? order by status`,
    [connectionId],
  );
  expect(inbound).toEqual([
    { external_id: eur, status: 'QUOTED', message: null },
    { external_id: usd, status: 'SKIPPED', message: "no line item's SKU is a Tariff price code or product SKU in USD" },
  ]);
  expect(org.invalid).toEqual([]);
});

it('client credentials: the connector gets a token from the org’s token endpoint, and a new one when the session ends', async () => {
  const org = await salesforce();
  const connectionId = await connect(org, {}, { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
  const c = await customer('Eta v1');
  await eventually(
    async () => {
      await pass(connectionId);
      return org.byTariffId('Account', c);
    },
    { until: (a) => a !== undefined, what: 'the Account' },
  );
  const tokenRequests = () => org.requests.filter((r) => r.path === '/services/oauth2/token');
  expect(tokenRequests()).toHaveLength(1);
  const [first] = [...org.issued];
  issuedTokens.push(first);
  expect(org.requests.filter((r) => r.path !== '/services/oauth2/token').every((r) => r.authorization === `Bearer ${first}`)).toBe(true);

  // The session ends (a timeout, a revoked token): answered 401, the connector asks for a new token and sends again.
  org.expireSessions();
  await gql(`mutation($id: ID!) { updateCustomer(id: $id, input: { name: "Eta v2" }) { id } }`, { id: c });
  await pass(connectionId);
  expect(org.byTariffId('Account', c)!.fields.Name).toBe('Eta v2');
  expect(tokenRequests()).toHaveLength(2);
  expect(org.requests.filter((r) => r.status === 401)).toHaveLength(1); // the old token, once
  issuedTokens.push(...org.issued);
  expect((await records(connectionId)).every((r) => r.status === 'SYNCED')).toBe(true);

  // A wrong secret: the token endpoint's refusal on the record, in its words.
  const wrong = await connect(org, {}, { clientId: CLIENT_ID, clientSecret: `${CLIENT_SECRET}-old` });
  const d = await customer('Theta');
  await eventually(
    async () => {
      await pass(wrong);
      return records(wrong);
    },
    { until: (log) => log.some((r) => r.tariffId === d && r.lastError), what: 'the refused client' },
  );
  expect((await records(wrong)).find((r) => r.tariffId === d)).toMatchObject({
    status: 'FAILED',
    lastError: '400: invalid_client: invalid client credentials',
  });
  expect(org.invalid).toEqual([]);
});

it('refuses bad input with the field named, and never returns, logs or emits the credentials', async () => {
  const org = await salesforce();
  for (const [input, field] of [
    [{ system: 'SALESFORCE', credentials: { accessToken: 'abcdefghij' } }, 'input.baseUrl'],
    [{ system: 'SALESFORCE', baseUrl: org.url, credentials: { token: 'x' } }, 'input.credentials.accessToken'],
    [{ system: 'SALESFORCE', baseUrl: org.url, credentials: { clientId: CLIENT_ID } }, 'input.credentials.clientSecret'],
    [
      { system: 'SALESFORCE', baseUrl: org.url, credentials: { accessToken: 'abcdefghij' }, settings: { apiVersion: '45.0' } },
      'input.settings.apiVersion',
    ],
    [
      { system: 'SALESFORCE', baseUrl: org.url, credentials: { accessToken: 'abcdefghij' }, settings: { crmOwnedFields: ["Name' OR x"] } },
      'input.settings.crmOwnedFields',
    ],
    [
      {
        system: 'SALESFORCE',
        baseUrl: org.url,
        credentials: { accessToken: 'abcdefghij' },
        settings: { inbound: { closedWonStage: 'Closed Won', purchaseOrderProperty: 'PO__c FROM User' } },
      },
      'input.settings.inbound.purchaseOrderProperty',
    ],
    [
      { system: 'SALESFORCE', baseUrl: org.url, credentials: { accessToken: 'abcdefghij' }, settings: { inbound: { accept: true } } },
      'input.settings.inbound.closedWonStage',
    ],
  ] as const) {
    const res = await t.gql(`mutation($input: CreateConnectionInput!) { createConnection(input: $input) { id } }`, { input });
    answers.push(JSON.stringify(res));
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  }
  // Whatever JSON comes in, never an internal error.
  await fc.assert(
    fc.asyncProperty(
      fc.dictionary(fc.string(), fc.jsonValue()),
      fc.dictionary(fc.string(), fc.jsonValue()),
      async (credentials, settings) => {
        const res = await t.gql(`mutation($input: CreateConnectionInput!) { createConnection(input: $input) { id } }`, {
          input: { system: 'SALESFORCE', baseUrl: org.url, credentials, settings },
        });
        answers.push(JSON.stringify(res));
        expect(res.status).toBeLessThan(500);
        expect(res.errors?.map((e) => e.extensions?.code) ?? []).not.toContain('INTERNAL_SERVER_ERROR');
      },
    ),
    { numRuns: 30 },
  );
  // A token the org does not take: the records say so, in Salesforce's words and without the token.
  const data = await gql(`mutation($input: CreateConnectionInput!) { createConnection(input: $input) { id } }`, {
    input: { system: 'SALESFORCE', baseUrl: org.url, credentials: { accessToken: `${SECRET}-revoked` } },
  });
  const c = await customer('Zeta');
  await eventually(
    async () => {
      await pass(data.createConnection.id);
      return records(data.createConnection.id);
    },
    { until: (log) => log.some((r) => r.tariffId === c && r.lastError), what: 'the refused token' },
  );
  expect((await records(data.createConnection.id)).find((r) => r.tariffId === c)).toMatchObject({
    status: 'FAILED',
    lastError: '401: INVALID_SESSION_ID: Session expired or invalid',
  });

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
  expect(logLines.length).toBeGreaterThan(10);
  expect(logLines.some((l) => l.includes('will retry'))).toBe(true);
  expect(events.length).toBeGreaterThan(5);
  expect(stored.length).toBeGreaterThanOrEqual(6);
  expect(issuedTokens.length).toBeGreaterThanOrEqual(2);
  const tail = SECRET.slice(-24);
  for (const [where, texts] of Object.entries({
    answers,
    logLines,
    events: events.map((r) => r.row),
    connections: stored.map((r) => r.row),
    records: recordRows.map((r) => r.row),
    audit: audit.map((r) => r.row),
  })) {
    const leaked = texts.filter(
      (x) => x.includes(SECRET) || x.includes(tail) || x.includes(CLIENT_SECRET) || issuedTokens.some((token) => x.includes(token)),
    );
    expect({ where, leaked }).toEqual({ where, leaked: [] });
  }
});
