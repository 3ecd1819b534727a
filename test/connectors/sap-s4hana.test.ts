import { randomBytes } from 'node:crypto';
import { connectorHarness } from '../support/connector-harness';
import { startTestApp, TestApp } from '../support/app';
import { must } from '../support/catalog';
import { odataDate, SapServer, startSapServer } from '../fixtures/sap/server';
import { ConnectedSystem } from '../../src/domain/connectors/connection.entity';
import { sapS4HanaConnector } from '../../src/connectors/sap-s4hana/sap-s4hana.connector';
import { runOrderPlacement } from '../../src/domain/billing/order-run';
import { ManualClock } from '../../src/domain/shared/clock';
import { boundRows } from '../../src/db/bound-query';

// The SAP S/4HANA connector (issue 20, docs/connectors.md) against a local server that validates
// every request against SAP's published EDMX (test/fixtures/sap/README.md).

/** Recognizable, so a search for it anywhere means it leaked. */
const USER = `TARIFF_COMM_${randomBytes(4).toString('hex').toUpperCase()}`;
const PASSWORD = `LEAKCHECK-${randomBytes(12).toString('hex')}`;
const SALES_AREA = { salesOrganization: '1010', distributionChannel: '10', organizationDivision: '00' };

let t: TestApp;
const {
  keyHex: KEY_HEX,
  logLines,
  answers,
  logStream,
  clock,
  gql,
  pass,
} = connectorHarness(ConnectedSystem.SAP_S4HANA, sapS4HanaConnector, () => t, new Date('2026-12-01T08:00:00Z'));
const servers: SapServer[] = [];
let seq = 0;

async function sap(): Promise<SapServer> {
  const server = await startSapServer({ username: USER, password: PASSWORD });
  servers.push(server);
  return server;
}

async function connect(server: SapServer, settings: Record<string, unknown> = {}): Promise<string> {
  const data = await gql(
    `mutation($input: CreateConnectionInput!) { createConnection(input: $input) { id system status baseUrl settings pending failed } }`,
    {
      input: {
        system: 'SAP_S4HANA',
        baseUrl: server.url,
        credentials: { username: USER, password: PASSWORD },
        settings: { ...SALES_AREA, ...settings },
      },
    },
  );
  expect(data.createConnection).toMatchObject({ system: 'SAP_S4HANA', status: 'ACTIVE', pending: 0, failed: 0 });
  return data.createConnection.id;
}

async function records(connectionId: string): Promise<any[]> {
  const data = await gql(
    `query($id: ID!) { connection(id: $id) { records(first: 100) { edges { node { recordType tariffId externalId status attempts lastError } } } } }`,
    { id: connectionId },
  );
  return data.connection.records.edges.map((e: any) => e.node);
}

/** A customer with a billing address and VAT id, a ship-to location, and a placed order of 12 toner boxes on PO `po`. */
async function placedOrder(
  name: string,
  po: string,
  shipToParty?: string,
): Promise<{ customerId: string; orderId: string; number: string }> {
  const customerId = (
    await gql(`mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, {
      input: {
        name,
        email: 'billing@acme.example',
        currency: 'EUR',
        taxStatus: 'TAXABLE',
        taxRate: '19',
        vatId: 'DE136695976',
        billingAddress: { line1: 'Ring 5', city: 'Berlin', postalCode: '10115', country: 'DE' },
      },
    })
  ).createCustomer.id;
  const locationId = (
    await gql('mutation($input: CreateLocationInput!) { createLocation(input: $input) { id } }', {
      input: {
        customerId,
        name: 'Dock 7',
        address: { line1: 'Hafenstr. 1', city: 'Hamburg', postalCode: '20457', country: 'DE' },
        ...(shipToParty ? { externalIds: [{ system: 'SAP_S4HANA', id: shipToParty }] } : {}),
      },
    })
  ).createLocation.id;
  const firstDeliveryAt = new Date(clock.now().getTime() + 9 * 86_400_000 + seq++ * 60_000).toISOString();
  const sub = (
    await gql('mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }', {
      input: {
        customerId,
        purchaseOrderNumber: po,
        items: [{ priceCode: 'toner-box', quantity: '12' }],
        delivery: { every: 1, unit: 'MONTH', locationId, firstDeliveryAt, billOn: 'ORDER' },
      },
    })
  ).createSubscription.id;
  const at = new Date(firstDeliveryAt);
  await runOrderPlacement({ fork: () => t.app.db.orm.em.fork(), at, clock: new ManualClock(at), customerIds: [customerId] });
  const orders = (
    await gql(`query($s: ID) { orders(subscriptionId: $s, status: null, first: 10) { edges { node { id number status } } } }`, { s: sub })
  ).orders.edges;
  const placed = orders.map((e: any) => e.node).find((o: any) => o.status !== 'SCHEDULED');
  return { customerId, orderId: placed.id, number: placed.number };
}

/** Passes until nothing is due (the clock moved past every backoff), at most `n`. */
async function drain(connectionId: string, n = 6): Promise<void> {
  for (let i = 0; i < n; i++) {
    const r = await pass(connectionId);
    clock.advanceSeconds(3600);
    if (r.attempts === 0 && r.recordsQueued === 0) return;
  }
}

beforeAll(async () => {
  t = await startTestApp({ clock, env: { TARIFF_SECRETS_KEY: KEY_HEX, LOG_LEVEL: 'debug' }, logDestination: logStream });
  await must(t, 'mutation { createProduct(input: { code: "toner", name: "Toner", kind: PHYSICAL, sku: "TN-1" }) { id } }');
  await must(t, 'mutation($input: CreatePriceInput!) { createPrice(input: $input) { id } }', {
    input: {
      code: 'toner-box',
      productCode: 'toner',
      currency: 'EUR',
      interval: 'MONTH',
      intervalCount: 1,
      rule: { kind: 'per_unit', config: { unitAmount: '5.00' } },
    },
  });
  await must(t, 'mutation { setInventoryLevels(levels: [{ sku: "TN-1", available: "100" }]) }');
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await t?.close();
});

it('the local server refuses what the EDMX does not allow (an unknown property, a wrong type, a missing required field) and a write without a CSRF token', async () => {
  const server = await sap();
  const auth = { authorization: `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}` };
  const root = `${server.url}/sap/opu/odata/sap/API_BUSINESS_PARTNER`;
  const noToken = await fetch(`${root}/A_BusinessPartner`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: '{}',
  });
  expect(noToken.status).toBe(403);
  expect(noToken.headers.get('x-csrf-token')).toBe('Required');
  const head = await fetch(`${root}/`, { method: 'HEAD', headers: { ...auth, 'x-csrf-token': 'Fetch' } });
  const token = head.headers.get('x-csrf-token')!;
  const post = (body: unknown) =>
    fetch(`${root}/A_BusinessPartner`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json', 'x-csrf-token': token },
      body: JSON.stringify(body),
    });
  expect((await post({ BusinessPartnerCategory: '2', Nickname: 'x' })).status).toBe(400);
  expect((await post({ BusinessPartnerCategory: 2 })).status).toBe(400);
  expect((await post({ OrganizationBPName1: 'no category' })).status).toBe(400);
  const bad = await post({ BusinessPartnerCategory: '2', to_BusinessPartnerRole: [{ Role: 'FLCU01' }] });
  expect(bad.status).toBe(400);
  expect(((await bad.json()) as any).error.message.value).toContain("has no property or navigation 'Role'");
  expect(server.invalid).toHaveLength(4);
  expect(server.created.size).toBe(0);
  const ok = await post({
    BusinessPartnerCategory: '2',
    OrganizationBPName1: 'Valid AG',
    to_BusinessPartnerRole: [{ BusinessPartnerRole: 'FLCU01' }],
  });
  expect(ok.status).toBe(201);
  const deliveries = `${server.url}/sap/opu/odata/sap/API_OUTBOUND_DELIVERY_SRV;v=0002/A_OutbDeliveryHeader`;
  // An Edm.DateTime compared with a plain string, and a property the type does not have.
  expect((await fetch(`${deliveries}?$filter=ActualGoodsMovementDate ge '2026-12-01'`, { headers: auth })).status).toBe(400);
  expect((await fetch(`${deliveries}?$select=TrackingNumber`, { headers: auth })).status).toBe(400);
  expect((await fetch(`${deliveries}?$filter=ActualGoodsMovementDate ge datetime'2026-12-01T00:00:00'`, { headers: auth })).status).toBe(
    200,
  );
  expect(server.invalid).toHaveLength(6);
});

it('story: a customer becomes a business partner, its order a sales order with PO number and ship-to; stock comes in; a delivery comes back as a shipment, once', async () => {
  const server = await sap();
  const connectionId = await connect(server, { inventory: true, shipments: true, stockIntervalMinutes: 0 });
  const { customerId, orderId, number } = await placedOrder('Acme Handels GmbH', 'PO-4711');
  const invoices = (await gql(`query($c: ID!) { invoices(customerId: $c, first: 5) { edges { node { id total } } } }`, { c: customerId }))
    .invoices.edges;
  expect(invoices).toHaveLength(1);

  await drain(connectionId);
  expect(server.invalid).toEqual([]);
  const [bp] = server.all('A_BusinessPartner');
  expect(bp.data).toMatchObject({
    BusinessPartnerCategory: '2',
    OrganizationBPName1: 'Acme Handels GmbH',
    to_BusinessPartnerRole: [{ BusinessPartnerRole: 'FLCU01' }],
    to_BusinessPartnerAddress: [
      {
        StreetName: 'Ring 5',
        CityName: 'Berlin',
        PostalCode: '10115',
        Country: 'DE',
        to_EmailAddress: [{ EmailAddress: 'billing@acme.example' }],
      },
    ],
    to_BusinessPartnerTax: [{ BPTaxType: 'DE0', BPTaxNumber: 'DE136695976' }],
  });
  const [so] = server.all('A_SalesOrder');
  expect(so.data).toMatchObject({
    SalesOrganization: '1010',
    DistributionChannel: '10',
    OrganizationDivision: '00',
    SalesOrderType: 'OR',
    SoldToParty: bp.key,
    PurchaseOrderByCustomer: 'PO-4711',
    AssignmentReference: number,
    TransactionCurrency: 'EUR',
    to_Partner: [
      {
        PartnerFunction: 'WE',
        Customer: bp.key,
        to_Address: [{ OrganizationName1: 'Dock 7', CityName: 'Hamburg', PostalCode: '20457', Country: 'DE' }],
      },
    ],
    to_Item: [{ SalesOrderItem: '10', Material: 'TN-1', RequestedQuantity: '12' }],
  });
  const log = await records(connectionId);
  expect(log.map((r) => [r.recordType, r.tariffId, r.externalId, r.status]).sort()).toEqual(
    [
      ['customer', customerId, bp.key, 'SYNCED'],
      ['order', orderId, so.key, 'SYNCED'],
    ].sort(),
  );
  // The invoice is Tariff's; SAP bills its own sales orders (docs/connectors.md, why no invoice record).
  expect(log.some((r) => r.recordType === 'invoice')).toBe(false);

  // Stock: two plants' unrestricted stock of TN-1 is summed; a material Tariff does not sell is left out.
  for (const [plant, material, qty] of [
    ['1010', 'TN-1', '30.000'],
    ['1020', 'TN-1', '12.500'],
    ['1010', 'RAW-STEEL', '900.000'],
  ] as const) {
    server.seed('A_MatlStkInAcctMod', `${material}/${plant}`, {
      Material: material,
      Plant: plant,
      InventoryStockType: '01',
      MatlWrhsStkQtyInMatlBaseUnit: qty,
    });
  }
  // Deliveries: one for our sales order, one of a sales order Tariff never sent, one shipping more than ordered.
  const delivery = (id: string, salesOrder: string, qty: string) =>
    server.seed('A_OutbDeliveryHeader', id, {
      DeliveryDocument: id,
      OverallGoodsMovementStatus: 'C',
      ActualGoodsMovementDate: odataDate(new Date('2026-12-11T00:00:00Z')),
      ActualGoodsMovementTime: 'PT10H30M00S',
      BillOfLading: `TRK-${id}`,
      to_DeliveryDocumentItem: {
        results: [
          {
            DeliveryDocument: id,
            DeliveryDocumentItem: '10',
            Material: 'TN-1',
            ActualDeliveryQuantity: qty,
            ReferenceSDDocument: salesOrder,
          },
        ],
      },
    });
  delivery('80000001', so.key, '5.000');
  delivery('80000002', '4711999', '1.000');
  delivery('80000003', so.key, '50.000');
  // Past the orders' placement (which took stock as of its day): SAP's count is read as of now, and the latest count wins.
  clock.advanceSeconds(15 * 86_400);
  const r = await pass(connectionId);
  expect(r).toMatchObject({ levelsChanged: 1, shipmentsRecorded: 1, shipmentsRejected: 2 });
  expect(server.invalid).toEqual([]);
  const [level] = await boundRows<{ a: string }>(
    t.app.db.orm.em.fork(),
    `select available::text as a from inventory_level where sku = 'TN-1'`,
    [],
  );
  expect(level.a).toBe('42.5');
  const order = (
    await gql(`query($id: ID!) { order(id: $id) { status shipments { externalId trackingNumber shippedAt lines { sku quantity } } } }`, {
      id: orderId,
    })
  ).order;
  expect(order.status).toBe('PARTIALLY_SHIPPED');
  expect(order.shipments).toEqual([
    {
      externalId: '80000001',
      trackingNumber: 'TRK-80000001',
      shippedAt: '2026-12-11T10:30:00.000Z',
      lines: [{ sku: 'TN-1', quantity: '5' }],
    },
  ]);
  const inbound = await boundRows<{ external_id: string; status: string; message: string | null }>(
    t.app.db.orm.em.fork(),
    `select external_id, status, message from connection_inbound_shipment where connection_id = ? order by external_id`,
    [connectionId],
  );
  expect(inbound.map((i) => [i.external_id, i.status])).toEqual([
    ['80000001', 'RECORDED'],
    ['80000002', 'REJECTED'],
    ['80000003', 'REJECTED'],
  ]);
  expect(inbound[1].message).toContain("'4711999'");
  expect(inbound[2].message).toMatch(/quantity: 50 of 'TN-1' is more than order/);
  // Read again: nothing recorded twice, nothing rejected again unchanged.
  const again = await pass(connectionId);
  expect(again).toMatchObject({ shipmentsRecorded: 0, shipmentsRejected: 0 });
  // The shipment made a new version of the order (order.shipped): its sales order is updated, not created again.
  await drain(connectionId);
  expect(server.created.get('A_SalesOrder')).toBe(1);
  expect(server.get('A_SalesOrder', so.key)!.versions.length).toBeGreaterThan(1);
  expect(server.invalid).toEqual([]);
});

it('a location with an SAP ship-to party sends that party as ship-to (WE)', async () => {
  const server = await sap();
  const connectionId = await connect(server);
  await placedOrder('Shipto KG', 'PO-77', '17100001');
  await drain(connectionId);
  expect(server.invalid).toEqual([]);
  const [so] = server.all('A_SalesOrder');
  expect(so.data.to_Partner).toEqual([{ PartnerFunction: 'WE', Customer: '17100001' }]);
});

it('outage: SAP answers 503 for a while, then recovers: every record arrives exactly once, a customer before its order, its versions in order', async () => {
  const server = await sap();
  const connectionId = await connect(server);
  const gamma = (
    await gql(
      `mutation { createCustomer(input: { name: "Gamma v1", email: "g@gamma.example", currency: "EUR", taxStatus: EXEMPT }) { id } }`,
    )
  ).createCustomer.id;
  await drain(connectionId);
  expect(server.created.get('A_BusinessPartner')).toBe(1);

  server.fault = { status: 503 };
  await gql(`mutation($id: ID!) { updateCustomer(id: $id, input: { name: "Gamma v2" }) { id } }`, { id: gamma });
  const { customerId } = await placedOrder('Delta AG', 'PO-D');
  for (let i = 0; i < 3; i++) {
    const r = await pass(connectionId);
    expect(r.synced).toBe(0);
    clock.advanceSeconds(3600);
  }
  await gql(`mutation($id: ID!) { updateCustomer(id: $id, input: { name: "Gamma v3" }) { id } }`, { id: gamma });
  const during = (await records(connectionId)).filter((r) => r.status !== 'SYNCED');
  expect(during.length).toBeGreaterThan(0);
  expect(during.every((r) => r.status === 'PENDING')).toBe(true);
  expect(during.find((r) => r.tariffId === customerId)?.lastError).toContain('Service temporarily unavailable');

  server.fault = null;
  await drain(connectionId);
  expect(server.invalid).toEqual([]);
  expect((await records(connectionId)).every((r) => r.status === 'SYNCED')).toBe(true);
  // Exactly once on SAP's side: two partners, one sales order.
  expect(server.created.get('A_BusinessPartner')).toBe(2);
  expect(server.created.get('A_SalesOrder')).toBe(1);
  const names = server
    .all('A_BusinessPartner')
    .find((b) => b.data.OrganizationBPName1 !== 'Delta AG')!
    .versions.map((v) => v.OrganizationBPName1);
  expect(names[0]).toBe('Gamma v1');
  expect(names[names.length - 1]).toBe('Gamma v3');
  expect(names.indexOf('Gamma v2') === -1 || names.indexOf('Gamma v2') < names.indexOf('Gamma v3')).toBe(true);
  // The order's sales order was created after its customer's business partner.
  const writes = server.requests.filter((r) => r.method === 'POST' && r.status === 201).map((r) => r.path.split('/').pop());
  expect(writes.lastIndexOf('A_BusinessPartner')).toBeLessThan(writes.indexOf('A_SalesOrder'));
});

it('a record SAP refuses is FAILED, then DEAD with SAP’s message; no credential in any answer, log line, event or row', async () => {
  const server = await sap();
  const connectionId = await connect(server, { maxAttempts: 2 });
  server.reject = (set, body) =>
    set === 'A_BusinessPartner' && body.OrganizationBPName1 === 'Refused AG'
      ? `Tax number category ${USER} DE0 is not allowed for country XX`
      : null;
  const refused = (
    await gql(
      `mutation { createCustomer(input: { name: "Refused AG", email: "r@refused.example", currency: "EUR", taxStatus: EXEMPT }) { id } }`,
    )
  ).createCustomer.id;
  await pass(connectionId);
  let [rec] = (await records(connectionId)).filter((r) => r.tariffId === refused);
  expect(rec).toMatchObject({ status: 'FAILED', attempts: 1 });
  expect(rec.lastError).toContain('is not allowed for country XX (BAPI/001)');
  clock.advanceSeconds(3600);
  await pass(connectionId);
  [rec] = (await records(connectionId)).filter((r) => r.tariffId === refused);
  expect(rec).toMatchObject({ status: 'DEAD', attempts: 2, externalId: null });
  // SAP echoed the user name in its message: scrubbed before it reached the log.
  expect(rec.lastError).toContain('[redacted]');
  expect(server.invalid).toEqual([]);

  // Every request carried basic authentication, and the credentials appear nowhere of ours.
  expect(server.requests.every((r) => r.authorization === `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`)).toBe(true);
  const em = t.app.db.orm.em.fork();
  const rows = await boundRows<{ j: string }>(
    em,
    `select coalesce((select string_agg(row_to_json(e)::text, '') from domain_event e), '') ||
            coalesce((select string_agg(row_to_json(c)::text, '') from connection c), '') ||
            coalesce((select string_agg(row_to_json(r)::text, '') from connection_record r), '') ||
            coalesce((select string_agg(row_to_json(s)::text, '') from connection_inbound_shipment s), '') as j`,
    [],
  );
  for (const secret of [PASSWORD, USER]) {
    expect(answers.join('\n')).not.toContain(secret);
    expect(logLines.join('\n')).not.toContain(secret);
    expect(rows[0].j).not.toContain(secret);
  }
  expect(logLines.length).toBeGreaterThan(0);
});
