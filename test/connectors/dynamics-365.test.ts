import { randomBytes, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { connectorHarness } from '../support/connector-harness';
import { startTestApp, TestApp } from '../support/app';
import { createPrice, createProduct } from '../support/catalog';
import { eventually } from '../support/eventually';
import { subscribe } from '../jobs/billing-support';
import { BusinessCentralServer, startBusinessCentralServer } from '../fixtures/dynamics-365/server';
import { ConnectedSystem } from '../../src/domain/connectors/connection.entity';
import { dynamicsConnector } from '../../src/connectors/dynamics-365/dynamics.connector';
import {
  customerBody,
  customerNumberOf,
  customerPaymentBody,
  paymentDocumentNumberOf,
  salesCreditMemoBody,
  salesInvoiceBody,
  salesOrderBody,
} from '../../src/connectors/dynamics-365/dynamics.mapping';
import { toODataJson } from '../../src/connectors/dynamics-365/dynamics.http';
import { settingsOf } from '../../src/connectors/dynamics-365/dynamics.settings';
import { checkBody, loadModel } from '../fixtures/dynamics-365/edmx';
import { ManualClock } from '../../src/domain/shared/clock';
import { boundRows } from '../../src/db/bound-query';
import { runOrderPlacement } from '../../src/domain/billing/order-run';

// The Business Central connector against a local server that checks every request against BC's
// API v2.0 $metadata (test/fixtures/dynamics-365/README.md): docs/connectors.md, Dynamics 365.

/** Recognizable, so a search for it anywhere means it leaked. */
const SECRET = `bc~LEAKCHECK-${randomBytes(12).toString('hex')}`;
const TENANT = 'contoso.onmicrosoft.com';
const CLIENT_ID = randomUUID();
const COMPANY_ID = randomUUID();

let t: TestApp;
const {
  keyHex: KEY_HEX,
  logLines,
  answers,
  logStream,
  clock,
  gql,
  pass,
} = connectorHarness(ConnectedSystem.DYNAMICS_365, dynamicsConnector, () => t);
const servers: BusinessCentralServer[] = [];

async function businessCentral(pageSize?: number): Promise<BusinessCentralServer> {
  const bc = await startBusinessCentralServer({
    pageSize,
    tenantId: TENANT,
    clientId: CLIENT_ID,
    clientSecret: SECRET,
    environment: 'production',
    companyId: COMPANY_ID,
  });
  servers.push(bc);
  return bc;
}

async function connect(bc: BusinessCentralServer, settings: Record<string, unknown> = {}): Promise<string> {
  const data = await gql(
    `mutation($input: CreateConnectionInput!) { createConnection(input: $input) { id system status baseUrl pending failed } }`,
    {
      input: {
        system: 'DYNAMICS_365',
        baseUrl: bc.url,
        credentials: { tenantId: TENANT, clientId: CLIENT_ID, clientSecret: SECRET },
        settings: {
          environment: 'production',
          companyId: COMPANY_ID,
          tokenUrl: bc.tokenUrl,
          localCurrency: 'EUR',
          salesAccountNumber: '6110',
          ...settings,
        },
      },
    },
  );
  expect(data.createConnection).toMatchObject({ system: 'DYNAMICS_365', status: 'ACTIVE', pending: 0, failed: 0 });
  return data.createConnection.id;
}

async function records(connectionId: string, status?: string): Promise<any[]> {
  const data = await gql(
    `query($id: ID!, $status: ConnectionRecordStatus) { connection(id: $id) { pending failed
       records(first: 100, status: $status) { edges { node { id recordType tariffId externalId status attempts lastError } } } } }`,
    { id: connectionId, status },
  );
  return data.connection.records.edges.map((e: any) => e.node);
}

async function customer(name: string, extra = ''): Promise<string> {
  return (
    await gql(
      `mutation($name: String!) { createCustomer(input: { name: $name, email: "billing@acme.example", currency: "EUR", taxStatus: EXEMPT ${extra} }) { id } }`,
      { name },
    )
  ).createCustomer.id;
}

async function invoiceOf(customerId: string): Promise<{ id: string; number: string; subtotal: string }> {
  const data = await gql(`query($c: ID!) { invoices(customerId: $c, first: 5) { edges { node { id number subtotal } } } }`, {
    c: customerId,
  });
  return data.invoices.edges[0].node;
}

beforeAll(async () => {
  t = await startTestApp({ env: { TARIFF_SECRETS_KEY: KEY_HEX, LOG_LEVEL: 'debug' }, logDestination: logStream });
  await createProduct(t, 'plan');
  await createPrice(t, 'seat', { kind: 'per_unit', config: { unitAmount: '10.00' } });
  await gql('mutation { createProduct(input: { code: "toner", name: "Toner", kind: PHYSICAL, sku: "TN-1" }) { id } }');
  await createPrice(t, 'toner-box', { kind: 'per_unit', config: { unitAmount: '5.00' } }, { productCode: 'toner' });
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await t?.close();
});

it('the local server refuses what BC’s $metadata does not allow (the check can fail)', async () => {
  const bc = await businessCentral();
  const token = (await (
    await fetch(bc.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: CLIENT_ID,
        client_secret: SECRET,
        scope: 'https://api.businesscentral.dynamics.com/.default',
      }).toString(),
    })
  ).json()) as { access_token: string };
  const api = `${bc.url}/v2.0/${TENANT}/production/api/v2.0/companies(${COMPANY_ID})`;
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token.access_token}` };
  const cases: [string, RequestInit][] = [
    ['customers', { method: 'POST', headers, body: JSON.stringify({ displayName: 'x', tariffId: 'not a BC field' }) }],
    ['customers', { method: 'POST', headers, body: JSON.stringify({ displayName: 'x'.repeat(101) }) }],
    ['salesOrders', { method: 'POST', headers, body: JSON.stringify({ salesOrderLines: [{ lineType: 'Item', quantity: '12' }] }) }],
    ['salesShipments', { method: 'POST', headers, body: JSON.stringify({ number: 'S-1' }) }],
    [`customers(${randomUUID()})`, { method: 'PATCH', headers, body: JSON.stringify({ displayName: 'no If-Match' }) }],
    ["items?$filter=sku eq 'A'", { method: 'GET', headers }],
  ];
  for (const [path, init] of cases) expect((await fetch(`${api}/${path}`, init)).status).toBe(400);
  expect(bc.invalid.map((i) => i.errors.join('; '))).toEqual([
    'customer has no property tariffId',
    'customer.displayName is longer than its MaxLength 100',
    'salesOrderLine.salesOrderLines[0].quantity must be a JSON number (Edm.Decimal)',
    expect.stringContaining('salesShipment is not Insertable'),
    'PATCH without If-Match (BC requires a concurrency token)',
    '$filter: item has no property sku',
  ]);
  expect(bc.all('customers')).toEqual([]);
});

it('story: a customer and its invoice appear in Business Central with the right fields, each once', async () => {
  const bc = await businessCentral();
  const connectionId = await connect(bc);
  const c = await customer(
    'Acme Distribution GmbH',
    ', vatId: "DE136695976", billingAddress: { line1: "Hafenstr. 1", city: "Hamburg", postalCode: "20457", country: "DE" }',
  );
  await subscribe(t, c, { items: [{ priceCode: 'seat', quantity: '3' }], collection: 'SEND_INVOICE', purchaseOrderNumber: 'PO-4711' });
  const invoice = await invoiceOf(c);

  await eventually(
    async () => {
      await pass(connectionId);
      return bc.all('salesInvoices').length;
    },
    { until: (n) => n === 1, what: 'the invoice in BC' },
  );
  expect(bc.invalid).toEqual([]);
  const bcCustomer = bc.byNumber('customers', customerNumberOf(c))!;
  expect(bcCustomer).toMatchObject({
    displayName: 'Acme Distribution GmbH',
    email: 'billing@acme.example',
    addressLine1: 'Hafenstr. 1',
    city: 'Hamburg',
    postalCode: '20457',
    country: 'DE',
    currencyCode: '', // the local currency, as BC writes it
    taxRegistrationNumber: 'DE136695976',
  });
  const bcInvoice = bc.byNumber('salesInvoices', invoice.number)!;
  expect(bcInvoice).toMatchObject({ customerId: bcCustomer.id, currencyCode: '' });
  expect(bc.all('salesInvoiceLines').filter((l) => l.documentId === bcInvoice.id)).toEqual([
    expect.objectContaining({ lineType: 'Account', lineObjectNumber: '6110', quantity: 1, unitPrice: Number(invoice.subtotal) }),
  ]);
  const log = await records(connectionId);
  expect(log.find((r) => r.recordType === 'customer')).toMatchObject({ status: 'SYNCED', externalId: bcCustomer.id });
  expect(log.find((r) => r.recordType === 'invoice')).toMatchObject({ status: 'SYNCED', externalId: bcInvoice.id });
  // One token for the whole pass, sent as a Bearer on every API request.
  expect(bc.tokenRequests).toBe(1);
  expect(bc.requests.every((r) => r.authorization?.startsWith('Bearer ') && !r.authorization.includes(SECRET))).toBe(true);
});

it('story (ERP): an order becomes a sales order with its PO number and ship-to, its invoice and a credit note follow; stock and a shipment come back in', async () => {
  const bc = await businessCentral(2); // pages of two: the first stock read follows @odata.nextLink
  // Items BC has before the connection: none is a Tariff SKU, so they are read and left out.
  for (const number of ['BC-ONLY', 'PALLET', 'WRAP']) bc.put('items', { number, displayName: number, type: 'Inventory', inventory: 3 });
  const connectionId = await connect(bc);
  const c = await customer(
    'Delta Wholesale AG',
    ', billingAddress: { line1: "Marktplatz 2", city: "Bremen", postalCode: "28195", country: "DE" }',
  );
  const locationId = (
    await gql('mutation($input: CreateLocationInput!) { createLocation(input: $input) { id } }', {
      input: { customerId: c, name: 'Dock 4', address: { line1: 'Hafenstr. 1', city: 'Hamburg', postalCode: '20457', country: 'DE' } },
    })
  ).createLocation.id;
  const deliveryAt = new Date(Date.now() + 2 * 86_400_000);
  deliveryAt.setUTCHours(0, 0, 0, 0);
  const sub = await subscribe(t, c, {
    purchaseOrderNumber: 'PO-4711',
    items: [{ priceCode: 'toner-box', quantity: '12' }],
    delivery: { every: 1, unit: 'MONTH', locationId, firstDeliveryAt: deliveryAt.toISOString(), billOn: 'ORDER' },
  });
  await gql('mutation($levels: [InventoryLevelInput!]!) { setInventoryLevels(levels: $levels) }', {
    levels: [{ sku: 'TN-1', available: '50' }],
  });
  await runOrderPlacement({ fork: () => t.app.db.orm.em.fork(), at: deliveryAt, clock: new ManualClock(deliveryAt), customerIds: [c] });
  const orders = (
    await gql(`query($s: ID) { orders(subscriptionId: $s, status: null, first: 10) { edges { node { id number status } } } }`, { s: sub })
  ).orders.edges.map((e: any) => e.node);
  const order = orders.find((o: any) => o.status === 'PLACED');
  expect(order).toBeDefined();
  const invoice = await invoiceOf(c);
  const note = (
    await gql('mutation($input: CreateCreditNoteInput!) { createCreditNote(input: $input) { id number subtotal } }', {
      input: { invoiceId: invoice.id, reason: 'Damaged box' },
    })
  ).createCreditNote;

  await eventually(
    async () => {
      await pass(connectionId);
      return bc.all('salesCreditMemos').length;
    },
    { until: (n) => n === 1, what: 'the credit memo in BC' },
  );
  expect(bc.invalid).toEqual([]);
  // The first stock read took both pages (of two items, then one).
  expect(bc.requests.filter((r) => r.path.endsWith('/items')).length).toBe(2);
  const bcCustomer = bc.byNumber('customers', customerNumberOf(c))!;
  const salesOrder = bc.byNumber('salesOrders', order.number)!;
  expect(salesOrder).toMatchObject({
    customerId: bcCustomer.id,
    externalDocumentNumber: 'PO-4711',
    requestedDeliveryDate: deliveryAt.toISOString().slice(0, 10),
    currencyCode: '',
    shipToName: 'Dock 4',
    shipToAddressLine1: 'Hafenstr. 1',
    shipToCity: 'Hamburg',
    shipToPostCode: '20457',
    shipToCountry: 'DE',
  });
  expect(bc.all('salesOrderLines').filter((l) => l.documentId === salesOrder.id)).toEqual([
    expect.objectContaining({ lineType: 'Item', lineObjectNumber: 'TN-1', quantity: 12, unitPrice: 5 }),
  ]);
  const bcInvoice = bc.byNumber('salesInvoices', invoice.number)!;
  expect(bcInvoice).toMatchObject({ customerId: bcCustomer.id, externalDocumentNumber: 'PO-4711' });
  const memo = bc.byNumber('salesCreditMemos', note.number)!;
  expect(memo).toMatchObject({ customerId: bcCustomer.id });
  expect(bc.all('salesCreditMemoLines').filter((l) => l.documentId === memo.id)).toEqual([
    expect.objectContaining({
      lineType: 'Account',
      lineObjectNumber: '6110',
      description: `Tariff credit note ${note.number}: Damaged box`,
      quantity: 1,
      unitPrice: Number(note.subtotal),
    }),
  ]);
  const log = await records(connectionId);
  expect(log.find((r) => r.tariffId === order.id)).toMatchObject({ recordType: 'order', status: 'SYNCED', externalId: order.number });
  // The subscription's next order is only SCHEDULED: the engine logs orders once placed, so nothing for BC yet.
  expect(log.filter((r) => r.recordType === 'order' && r.tariffId !== order.id)).toEqual([]);
  expect(log.find((r) => r.recordType === 'credit_note')).toMatchObject({ status: 'SYNCED', externalId: memo.id });

  // In BC: stock is posted (an item ledger entry) and the warehouse ships 5 of the 12 boxes.
  bc.put('items', { number: 'TN-1', displayName: 'Toner', type: 'Inventory', inventory: 37 });
  bc.put('itemLedgerEntries', { entryNumber: 1, itemNumber: 'TN-1', entryType: 'Positive Adjmt.', quantity: 37 });
  const shippedOn = new Date(deliveryAt.getTime() + 86_400_000).toISOString().slice(0, 10);
  const shipment = bc.put('salesShipments', {
    number: '102001',
    orderNumber: order.number,
    customerNumber: customerNumberOf(c),
    postingDate: shippedOn,
    shipmentMethodCode: 'DHL',
  });
  bc.put('salesShipmentLines', { documentId: shipment.id, documentNo: '102001', lineType: 'Item', lineObjectNumber: 'TN-1', quantity: 5 });
  // The engine's clock past the level set above through the API: BC's count is the newer one.
  clock.set(new Date(Math.max(clock.now().getTime(), Date.now()) + 1000));
  await pass(connectionId);
  await pass(connectionId); // read again: nothing twice
  expect(bc.invalid).toEqual([]);
  const [level] = await boundRows<{ available: string }>(
    t.app.db.orm.em.fork(),
    `select available::text as available from inventory_level where sku = 'TN-1'`,
  );
  expect(level.available).toBe('37'); // BC's count (placement reserved the order's 12 in Tariff before)
  const read = (
    await gql(
      `query($id: ID!) { order(id: $id) { status shipments { externalId carrier trackingNumber shippedAt lines { sku quantity } } } }`,
      { id: order.id },
    )
  ).order;
  expect(read.status).toBe('PARTIALLY_SHIPPED');
  expect(read.shipments).toEqual([
    {
      externalId: '102001',
      carrier: 'DHL',
      trackingNumber: null,
      shippedAt: `${shippedOn}T00:00:00.000Z`,
      lines: [{ sku: 'TN-1', quantity: '5' }],
    },
  ]);
  // The shipped order went back to BC as an update of the same sales order.
  expect(bc.all('salesOrders')).toHaveLength(1);
});

it('story (ERP, payments): two payments become lines of the payment journal, applied to their invoice once it is posted, each once even after a lost answer; none without a journal', async () => {
  const bc = await businessCentral();
  const other = bc.put('customerPaymentJournals', { code: 'GENERAL', displayName: 'General' });
  const journal = bc.put('customerPaymentJournals', { code: 'CASHRCPT', displayName: 'Cash receipts' });
  const connectionId = await connect(bc, { paymentJournalCode: 'cashrcpt', inventory: false, shipments: false });
  // A second company whose connection names no journal: its payments are not sent.
  const bare = await businessCentral();
  const bareId = await connect(bare, { inventory: false, shipments: false });
  const from = new Date();
  const c = await customer('Zeta Handel KG');
  await subscribe(t, c, { items: [{ priceCode: 'seat', quantity: '3' }], collection: 'SEND_INVOICE' });
  const invoice = await invoiceOf(c);
  await eventually(
    async () => {
      await pass(connectionId);
      await pass(bareId);
      return bc.all('salesInvoices').length + bare.all('salesInvoices').length;
    },
    { until: (n) => n === 2, what: 'the invoice in both companies' },
  );
  const pay = (amount: string, reference: string) =>
    gql('mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { amountRemaining attempts { id at providerReference } } }', {
      input: { invoiceId: invoice.id, amount, reference },
    });
  const first = (await pay('12.34', 'BANK-2026-0042')).recordPayment;
  const { id: firstId, at: paidAt } = first.attempts.find((a: any) => a.providerReference === 'BANK-2026-0042');

  // The invoice is still a draft in BC, which applies payments to posted invoices only: the payment waits, not counted.
  await pass(connectionId);
  expect(bc.all('customerPayments')).toEqual([]);
  const waiting = (await records(connectionId)).find((r) => r.tariffId === firstId);
  expect(waiting).toMatchObject({ status: 'PENDING', attempts: 0, externalId: null });
  expect(waiting.lastError).toBe(
    `waiting for invoice ${invoice.number} to be posted in Business Central (Draft): a payment applies to a posted invoice only`,
  );
  // The accountant posts it: BC gives it a posted number and keeps its id.
  const bcInvoice = bc.byNumber('salesInvoices', invoice.number)!;
  Object.assign(bcInvoice, { status: 'Open', number: '103001' });

  // BC writes the line, and the answer is lost (a gateway time-out): the record stays PENDING.
  bc.fault = { timeoutAfterWrite: true };
  clock.advanceSeconds(16 * 60); // past the 15 minutes a waiting payment looks again after
  await pass(connectionId);
  expect(bc.all('customerPayments')).toHaveLength(1);
  expect((await records(connectionId)).find((r) => r.tariffId === firstId)).toMatchObject({ status: 'PENDING', externalId: null });
  bc.fault = null;
  clock.advanceSeconds(600);
  await pass(connectionId);
  expect(first.amountRemaining).toBe('17.66');
  const rest = (await pay(first.amountRemaining, 'BANK-2026-0043')).recordPayment;
  expect(rest.amountRemaining).toBe('0.00');
  const secondId = rest.attempts.find((a: any) => a.providerReference === 'BANK-2026-0043').id;
  clock.advanceSeconds(600);
  await pass(connectionId);
  await pass(bareId);
  // Replayed: both payments are due again, and nothing more is written (the sync log holds their lines).
  await gql(`mutation($id: ID!, $from: DateTime!) { replayConnection(id: $id, from: $from) { pending } }`, {
    id: connectionId,
    from: from.toISOString(),
  });
  clock.set(new Date(Math.max(clock.now().getTime(), Date.now()) + 1000));
  await pass(connectionId);
  expect(bc.invalid).toEqual([]);
  expect(bare.invalid).toEqual([]);

  const bcCustomer = bc.byNumber('customers', customerNumberOf(c))!;
  const lines = bc.all('customerPayments');
  expect(lines).toEqual([
    expect.objectContaining({
      journalId: journal.id,
      journalDisplayName: 'CASHRCPT',
      lineNumber: 10000,
      customerId: bcCustomer.id,
      postingDate: paidAt.slice(0, 10), // the payment's day (UTC)
      documentNumber: paymentDocumentNumberOf(firstId),
      externalDocumentNumber: 'BANK-2026-0042',
      amount: -12.34, // money received credits the customer
      appliesToInvoiceId: bcInvoice.id,
      description: 'Tariff payment (manual)',
      comment: `Tariff payment ${firstId}, reference BANK-2026-0042`,
    }),
    expect.objectContaining({
      journalId: journal.id,
      lineNumber: 20000,
      documentNumber: paymentDocumentNumberOf(secondId),
      externalDocumentNumber: 'BANK-2026-0043',
      appliesToInvoiceId: bcInvoice.id,
    }),
  ]);
  // One POST each; together they credit the invoice's amount.
  const posted = bc.writes.filter((w) => w.set === 'customerPayments');
  expect(posted.map((w) => [w.method, w.number, w.body.amount])).toEqual([
    ['post', paymentDocumentNumberOf(firstId), -12.34],
    ['post', paymentDocumentNumberOf(secondId), -17.66],
  ]);
  expect(invoice.subtotal).toBe('30.00');
  expect(lines.every((l) => l.journalId !== other.id)).toBe(true);
  // The retry after the lost answer looked the line up in the journal by its document number, and found it.
  expect(
    bc.requests.filter((r) => r.method === 'get' && r.path.endsWith(`/customerPaymentJournals(${journal.id})/customerPayments`)),
  ).toHaveLength(3); // the first attempt's, the retry's (which found the line), the second payment's
  const log = await records(connectionId);
  expect(log.filter((r) => r.recordType === 'payment')).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ tariffId: firstId, status: 'SYNCED', externalId: lines[0].id }),
      expect.objectContaining({ tariffId: secondId, status: 'SYNCED', externalId: lines[1].id }),
    ]),
  );
  // Without a journal: the payments are logged as having nothing to send, and BC gets none.
  expect(bare.all('customerPayments')).toEqual([]);
  expect((await records(bareId)).filter((r) => r.recordType === 'payment').map((r) => [r.status, r.externalId])).toEqual([
    ['SYNCED', ''],
    ['SYNCED', ''],
  ]);
});

it('payments: a refund is not a payment line, a missing journal or invoice is shown on the record, without a request for either', async () => {
  const bc = await businessCentral();
  const target = {
    connectionId: randomUUID(),
    baseUrl: bc.url,
    credentials: { tenantId: TENANT, clientId: CLIENT_ID, clientSecret: SECRET },
    settings: { companyId: COMPANY_ID, tokenUrl: bc.tokenUrl, salesAccountNumber: '6110', paymentJournalCode: 'NOPE' },
  };
  const item = (amount: string, parentExternalId: string | null, type = 'payment.succeeded') => ({
    recordId: randomUUID(),
    recordType: 'payment' as const,
    tariffId: randomUUID(),
    externalId: null,
    customerExternalId: randomUUID(),
    customerName: 'Zeta',
    mrr: null,
    parentExternalId,
    event: {
      aggregateType: 'payment',
      aggregateId: randomUUID(),
      type,
      customerId: randomUUID(),
      payload: {
        id: randomUUID(),
        invoiceId: 'inv-1',
        customerId: randomUUID(),
        kind: 'CHARGE',
        step: 0,
        amount,
        currency: 'EUR',
        outcome: 'succeeded',
        provider: 'stripe',
        providerReference: 're_1',
        error: null,
        at: '2026-12-08T10:00:00.000Z',
      },
      at: new Date(),
    } as any,
  });
  const outcomes = await dynamicsConnector.push(target, 'payment', [
    item('-10.00', randomUUID(), 'payment.refunded'),
    item('10.00', null),
    item('10.00', randomUUID()),
  ]);
  expect(outcomes).toEqual([
    { ok: true, externalId: '' },
    expect.objectContaining({ ok: false, kind: 'rejected', message: expect.stringMatching(/^invoice inv-1 is not in Business Central/) }),
    expect.objectContaining({
      ok: false,
      kind: 'rejected',
      message: "Business Central has no customer payment journal 'NOPE' (settings.paymentJournalCode)",
    }),
  ]);
  // One read: the journal by its code, for the one payment that had a line to write.
  expect(bc.requests.map((r) => [r.method, r.path.split('/').pop()])).toEqual([['get', 'customerPaymentJournals']]);
  expect(bc.invalid).toEqual([]);
});

it('outage: 503s, then 429 with Retry-After, then a lost answer after a write: every record arrives exactly once, in order; a refused one is DEAD with BC’s message', async () => {
  const bc = await businessCentral();
  const connectionId = await connect(bc, { maxAttempts: 3 });
  bc.fault = { status: 503 };
  const b = await customer('Beta v1');
  for (const name of ['Beta v2', 'Beta v3'])
    await gql(`mutation($id: ID!, $name: String!) { updateCustomer(id: $id, input: { name: $name }) { id } }`, { id: b, name });
  await subscribe(t, b, { items: [{ priceCode: 'seat', quantity: '1' }], collection: 'SEND_INVOICE' });
  const invoice = await invoiceOf(b);
  const refused = await customer('Refused GmbH', ', billingAddress: { line1: "Nowhere 1", city: "McMurdo", country: "AQ" }');

  await eventually(
    async () => {
      await pass(connectionId);
      return records(connectionId);
    },
    { until: (log) => log.some((r) => r.tariffId === refused && r.lastError), what: 'both customers tried' },
  );
  let log = await records(connectionId);
  expect(log.find((r) => r.tariffId === b)).toMatchObject({ status: 'PENDING', attempts: 1 });
  expect(log.find((r) => r.tariffId === b).lastError).toMatch(/^503: The service is temporarily unavailable\./);
  expect(log.find((r) => r.tariffId === invoice.id)).toMatchObject({ status: 'PENDING', attempts: 0, lastError: null });

  // Throttled: BC's 429 with Retry-After 120 s; not counted, and not one request inside it.
  clock.advanceSeconds(5);
  bc.fault = { status: 429, retryAfterSeconds: 120 };
  await pass(connectionId);
  log = await records(connectionId);
  expect(log.find((r) => r.tariffId === b)).toMatchObject({ attempts: 1 });
  expect(log.find((r) => r.tariffId === b).lastError).toMatch(/^429: Too many requests reached/);
  const asked = bc.requests.length;
  clock.advanceSeconds(60);
  await pass(connectionId);
  expect(bc.requests.length).toBe(asked); // neither the records nor the stock and shipment reads

  // Back, but the answers to the first writes are lost (a gateway time-out after BC wrote them).
  bc.fault = { timeoutAfterWrite: true };
  bc.reject = (set, body) =>
    set === 'customers' && body.country === 'AQ'
      ? 'The field Country/Region Code of table Customer contains a value (AQ) that cannot be found in the related table (Country/Region).'
      : null;
  clock.advanceSeconds(600);
  await pass(connectionId);
  expect(bc.all('customers')).toHaveLength(1); // written, its answer lost
  // The refused one: FAILED (the 503 was its first attempt) with BC's message, tried again later.
  expect((await records(connectionId, 'FAILED')).map((r) => [r.tariffId, r.attempts, r.lastError.slice(0, 64)])).toEqual([
    [refused, 2, '400: The field Country/Region Code of table Customer contains a '],
  ]);
  bc.fault = null;
  for (let i = 0; i < 6; i++) {
    clock.advanceSeconds(600);
    await pass(connectionId);
  }
  expect(bc.invalid).toEqual([]);
  // Exactly once on BC's side: the retry found the customer by its number and updated it.
  expect(bc.all('customers')).toHaveLength(1);
  expect(bc.all('salesInvoices')).toHaveLength(1);
  expect(bc.writes.filter((w) => w.set === 'customers' && w.method === 'post')).toHaveLength(1);
  // Per-aggregate order: the names BC received only move forward, the last is the latest.
  const order = ['Beta v1', 'Beta v2', 'Beta v3'];
  const names = bc.writes.filter((w) => w.set === 'customers' && w.body.displayName).map((w) => order.indexOf(String(w.body.displayName)));
  expect(names).toEqual([...names].sort());
  expect(bc.byNumber('customers', customerNumberOf(b))!.displayName).toBe('Beta v3');

  const dead = await records(connectionId, 'DEAD');
  expect(dead).toEqual([
    expect.objectContaining({ recordType: 'customer', tariffId: refused, status: 'DEAD', attempts: 3, externalId: null }),
  ]);
  expect(dead[0].lastError).toMatch(/^400: The field Country\/Region Code of table Customer contains a value \(AQ\)/);

  bc.reject = null;
  await gql(`mutation($id: ID!) { retryConnectionRecord(id: $id) { status } }`, { id: dead[0].id });
  clock.set(new Date(Math.max(clock.now().getTime(), Date.now()) + 1000));
  await pass(connectionId);
  expect(bc.byNumber('customers', customerNumberOf(refused))?.displayName).toBe('Refused GmbH');
  expect(await records(connectionId, 'DEAD')).toEqual([]);
});

it('replays from a point in time onto the same Business Central customer (PATCHed by the id the sync log holds)', async () => {
  const bc = await businessCentral();
  const connectionId = await connect(bc, { inventory: false, shipments: false });
  const from = new Date();
  const c = await customer('Epsilon');
  await eventually(
    async () => {
      await pass(connectionId);
      return bc.all('customers').length;
    },
    { until: (n) => n === 1, what: 'the customer' },
  );
  const replayed = await gql(`mutation($id: ID!, $from: DateTime!) { replayConnection(id: $id, from: $from) { pending } }`, {
    id: connectionId,
    from: from.toISOString(),
  });
  expect(replayed.replayConnection.pending).toBeGreaterThanOrEqual(1);
  clock.set(new Date(Math.max(clock.now().getTime(), Date.now()) + 1000));
  await pass(connectionId);
  const number = customerNumberOf(c);
  expect(bc.all('customers').filter((e) => e.number === number)).toHaveLength(1);
  const writes = bc.writes.filter((w) => w.set === 'customers' && w.number === number);
  expect(writes.map((w) => w.method)).toEqual(['post', 'patch']);
  // The PATCH went to the id the sync log holds, and left `number`, the lookup key, alone.
  expect(writes[1].body.number).toBeUndefined();
  expect(bc.byNumber('customers', number)!.displayName).toBe('Epsilon');
  expect(bc.invalid).toEqual([]);
});

it('a wrong client secret: FAILED with Entra ID’s message, never the secret; refuses bad input with the field named', async () => {
  const bc = await businessCentral();
  const data = await gql(`mutation($input: CreateConnectionInput!) { createConnection(input: $input) { id } }`, {
    input: {
      system: 'DYNAMICS_365',
      baseUrl: bc.url,
      credentials: { tenantId: TENANT, clientId: CLIENT_ID, clientSecret: `${SECRET}-old` },
      settings: { companyId: COMPANY_ID, tokenUrl: bc.tokenUrl, salesAccountNumber: '6110' },
    },
  });
  const connectionId = data.createConnection.id;
  await customer('Gamma');
  await customer('Gamma 2');
  await pass(connectionId);
  const failed = await records(connectionId, 'FAILED');
  expect(failed).toHaveLength(2);
  for (const r of failed) expect(r.lastError).toMatch(/^401: Entra ID: AADSTS7000215: Invalid client secret provided/);
  // One token request for the batch (the second record got the same answer without asking again), one for the stock read.
  expect(bc.tokenRequests).toBe(2);
  expect(bc.requests).toEqual([]);

  for (const [input, field] of [
    [
      {
        credentials: { tenantId: TENANT, clientId: 'x', clientSecret: SECRET },
        settings: { companyId: COMPANY_ID, salesAccountNumber: '6110' },
      },
      'input.credentials.clientId',
    ],
    [
      { credentials: { tenantId: TENANT, clientId: CLIENT_ID, clientSecret: SECRET }, settings: { salesAccountNumber: '6110' } },
      'input.settings.companyId',
    ],
    [
      { credentials: { tenantId: TENANT, clientId: CLIENT_ID, clientSecret: SECRET }, settings: { companyId: COMPANY_ID } },
      'input.settings.salesAccountNumber',
    ],
    [
      {
        credentials: { tenantId: TENANT, clientId: CLIENT_ID, clientSecret: SECRET },
        settings: { companyId: COMPANY_ID, salesAccountNumber: '6110', tokenUrl: 'https://u:p@login.example' },
      },
      'input.settings.tokenUrl',
    ],
    [
      {
        credentials: { tenantId: TENANT, clientId: CLIENT_ID, clientSecret: SECRET },
        settings: { companyId: COMPANY_ID, salesAccountNumber: '6110', paymentJournalCode: 'CASH-RECEIPTS' },
      },
      'input.settings.paymentJournalCode',
    ],
  ] as const) {
    const res = await t.gql(`mutation($input: CreateConnectionInput!) { createConnection(input: $input) { id } }`, {
      input: { system: 'DYNAMICS_365', ...input },
    });
    answers.push(JSON.stringify(res));
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  }
});

it('never returns, logs or emits the credentials', async () => {
  const everything = await t.gql(
    `{ connections { id system baseUrl settings status records(first: 100) { edges { node { lastError } } } } }`,
  );
  answers.push(JSON.stringify(everything));
  expect(everything.data).toBeDefined();
  const em = t.app.db.orm.em.fork();
  const rows = async (table: string) =>
    (await boundRows<{ row: string }>(em, `select row_to_json(x)::text as row from ${table} x`)).map((r) => r.row);
  const texts = {
    answers,
    logLines,
    events: await rows('domain_event'),
    connections: await rows('connection'),
    records: await rows('connection_record'),
    audit: await rows('audit_entry'),
  };
  expect(logLines.some((l) => l.includes('will retry'))).toBe(true);
  expect(texts.connections.length).toBe(7);
  for (const [where, list] of Object.entries(texts)) {
    expect({ where, leaked: list.filter((x) => x.includes(SECRET) || x.includes(SECRET.slice(-24))) }).toEqual({ where, leaked: [] });
  }
});

describe('mapping against the description (no server)', () => {
  const model = loadModel();
  const entity = (name: string) => model.entityTypes.get(`Microsoft.NAV.${name}`)!;
  const settings = settingsOf({ companyId: COMPANY_ID, salesAccountNumber: '6110', localCurrency: 'EUR' });
  const text = (max: number) => fc.string({ maxLength: max, unit: 'grapheme' });
  const amount = fc.tuple(fc.nat(10_000_000), fc.nat(99)).map(([a, b]) => `${a}.${String(b).padStart(2, '0')}`);
  const quantity = fc.tuple(fc.integer({ min: 1, max: 100_000 }), fc.nat(999)).map(([a, b]) => `${a}.${b}`);
  const address = fc.record({
    line1: text(300),
    line2: fc.option(text(300)),
    city: text(300),
    postalCode: fc.option(text(60)),
    region: fc.option(text(100)),
    country: text(4),
  });
  const valid = (type: string, body: unknown) => checkBody(model, entity(type), JSON.parse(toODataJson(body)), true);

  it('whatever Tariff holds, every body the connector writes is one BC’s $metadata allows (types, MaxLength, enum members)', () => {
    fc.assert(
      fc.property(
        fc.uuid(),
        text(300),
        address,
        fc.option(text(40)),
        fc.constantFrom('EUR', 'USD', 'CHF'),
        fc.boolean(),
        (id, name, billing, vatId, currency, existing) => {
          const c = { name, email: `${name.slice(0, 10)}@x.example`, currency, billingAddress: billing, vatId } as any;
          expect(valid('customer', customerBody(id, c, settings, existing))).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
    fc.assert(
      fc.property(
        text(40),
        fc.option(text(200)),
        fc.array(fc.record({ sku: text(60), quantity, amount }), { minLength: 1, maxLength: 5 }),
        fc.option(fc.record({ name: text(300), address })),
        (number, po, lines, shipTo) => {
          const o = {
            number,
            status: 'PLACED',
            purchaseOrderNumber: po,
            currency: 'USD',
            scheduledFor: '2026-12-10T00:00:00.000Z',
            placedAt: '2026-12-10T06:00:00.000Z',
            lines: lines.map((l) => ({ ...l, priceCode: 'p', quantityBackordered: '0', quantityShipped: '0' })),
          } as any;
          expect(valid('salesOrder', salesOrderBody(o, COMPANY_ID, shipTo, settings))).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
    fc.assert(
      fc.property(text(40), fc.option(text(200)), amount, fc.option(text(500)), (number, po, subtotal, reason) => {
        const i = {
          number,
          purchaseOrderNumber: po,
          subtotal,
          currency: 'EUR',
          createdAt: '2026-12-10T06:00:00.000Z',
          dueAt: null,
          finalizedAt: null,
        } as any;
        expect(valid('salesInvoice', salesInvoiceBody(i, COMPANY_ID, settings))).toEqual([]);
        const n = { number, reason, subtotal, currency: 'EUR', createdAt: '2026-12-10T06:00:00.000Z' } as any;
        expect(valid('salesCreditMemo', salesCreditMemoBody(n, COMPANY_ID, settings))).toEqual([]);
      }),
      { numRuns: 150 },
    );
    fc.assert(
      fc.property(
        fc.uuid(),
        amount,
        fc.option(text(300)),
        fc.constantFrom('CHARGE', 'MANUAL', 'DIRECT_DEBIT'),
        fc.option(text(40)),
        (id, paid, reference, kind, provider) => {
          const p = { amount: paid, kind, provider, providerReference: reference, at: '2026-12-10T06:00:00.000Z' } as any;
          const body = customerPaymentBody(id, p, COMPANY_ID, COMPANY_ID);
          expect(valid('customerPayment', body)).toEqual([]);
          // The amount on the wire is Tariff's decimal, digit for digit, as a credit.
          expect(toODataJson(body)).toContain(`"amount":-${paid},`);
        },
      ),
      { numRuns: 150 },
    );
  });
});
