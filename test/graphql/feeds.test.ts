import { boundRows } from '../../src/db/bound-query';
import { runOrderPlacement } from '../../src/domain/billing/order-run';
import { ManualClock } from '../../src/domain/shared/clock';
import { startTestApp, TestApp } from '../support/app';
import { createCustomer, found, must } from '../support/catalog';
import { graphql } from '../support/generated';
import type { FeedType } from '../support/generated/graphql';

// PIM and WMS feeds (issue 20): importFeed applies each record through the mutation it stands for.
const clock = new ManualClock(new Date('2026-12-01T08:00:00Z'));
let t: TestApp;

const IMPORT = graphql(`
  mutation FeedsImport($input: ImportFeedInput!) {
    importFeed(input: $input) {
      type
      applied
      unchanged
      rejected
      rejections {
        line
        field
        code
        message
        reason
      }
    }
  }
`);
const PRODUCT = graphql(`
  query FeedsProduct($system: String!, $id: String!) {
    productByExternalId(system: $system, id: $id) {
      code
      name
      kind
      sku
      stockPolicy
      inventory {
        available
        asOf
      }
    }
  }
`);
const ORDER = graphql(`
  query FeedsOrder($id: ID!) {
    order(id: $id) {
      id
      number
      status
      lines {
        sku
        quantity
        quantityShipped
        quantityBackordered
      }
      shipments {
        externalId
        carrier
        trackingNumber
        lines {
          sku
          quantity
        }
      }
      invoices {
        total
      }
    }
  }
`);

const jsonl = (...records: unknown[]) => records.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n');
const feed = async (type: FeedType, content: string, key?: string) =>
  (await must(t, IMPORT, { input: { type, format: 'JSONL', content, system: 'PIM' } }, key)).importFeed;
const product = async (id: string) => (await must(t, PRODUCT, { system: 'PIM', id })).productByExternalId;

beforeAll(async () => {
  t = await startTestApp({ clock });
});
afterAll(async () => {
  await t.close();
});

const toner = { externalId: 'PIM-1', code: 'toner', name: 'Toner', kind: 'PHYSICAL', sku: 'TN-1', stockPolicy: 'BACKORDER' };
const paper = { externalId: 'PIM-2', code: 'paper', name: 'Paper', kind: 'PHYSICAL', sku: 'PAP-1' };
const service = { system: 'ERP', externalId: 'SVC-1', code: 'maintenance', name: 'Maintenance' };

describe('product feeds', () => {
  it('creates and updates products by external id; a second run changes nothing', async () => {
    const first = await feed('PRODUCT', jsonl(toner, paper, service));
    expect(first).toEqual({ type: 'PRODUCT', applied: 3, unchanged: 0, rejected: 0, rejections: [] });
    expect(await product('PIM-1')).toMatchObject({ code: 'toner', name: 'Toner', kind: 'PHYSICAL', sku: 'TN-1', stockPolicy: 'BACKORDER' });
    // BACKORDER unless given; a record's own system wins over the feed's.
    expect(await product('PIM-2')).toMatchObject({ sku: 'PAP-1', stockPolicy: 'BACKORDER' });
    expect((await must(t, PRODUCT, { system: 'ERP', id: 'SVC-1' })).productByExternalId).toMatchObject({ kind: 'SERVICE', sku: null });

    expect(await feed('PRODUCT', jsonl(toner, paper, service))).toMatchObject({ applied: 0, unchanged: 3, rejected: 0 });

    const renamed = await feed('PRODUCT', jsonl(toner, { ...paper, name: 'Copy paper A4', stockPolicy: 'SKIP_LINE' }, service));
    expect(renamed).toMatchObject({ applied: 1, unchanged: 2, rejected: 0 });
    expect(await product('PIM-2')).toMatchObject({ code: 'paper', name: 'Copy paper A4', stockPolicy: 'SKIP_LINE' });
    const [{ n }] = await boundRows<{ n: number }>(t.app.db.orm.em.fork(), 'select count(*)::int as n from product');
    expect(n).toBe(3);
  });

  it('reports bad records by line and field, and applies the rest', async () => {
    const content = [
      JSON.stringify({ externalId: 'PIM-10', code: 'stapler', name: 'Stapler', kind: 'PHYSICAL', sku: 'ST-1' }),
      '{"externalId": "PIM-11", "code": ',
      '',
      JSON.stringify({ externalId: 'PIM-12', code: 'pens', name: 'Pens', kind: 'PHYSICAL' }),
      JSON.stringify({ externalId: 'PIM-13', code: 'ink', name: 'Ink', kind: 'PHYSICAL', sku: 'has space' }),
      JSON.stringify({ externalId: 'PIM-14', code: 'ink2', name: 'Ink', kind: 'PHYSICAL', sku: 'TN-1' }),
      JSON.stringify({ externalId: 'PIM-15', code: 'clips', name: 'Clips', warehouse: 'north' }),
      JSON.stringify({ externalId: 'PIM-16', code: 'tape', kind: 'GADGET', name: 'Tape' }),
      JSON.stringify({ externalId: 'PIM-17', code: 'toner', name: 'Toner again' }),
      JSON.stringify({ externalId: 'PIM-18', code: 'glue', name: ' ' }),
      '[1, 2]',
      JSON.stringify({ externalId: 'PIM-19', code: 'folder', name: 'Folder' }),
    ].join('\r\n');
    const result = await feed('PRODUCT', content);
    expect(result).toMatchObject({ applied: 2, unchanged: 0, rejected: 9 });
    expect(result.rejections.map(({ line, field, code }) => ({ line, field, code }))).toEqual([
      { line: 2, field: null, code: 'BAD_USER_INPUT' },
      { line: 4, field: 'sku', code: 'BAD_USER_INPUT' },
      { line: 5, field: 'sku', code: 'BAD_USER_INPUT' },
      { line: 6, field: 'sku', code: 'CONFLICT' },
      { line: 7, field: 'warehouse', code: 'BAD_USER_INPUT' },
      { line: 8, field: 'kind', code: 'BAD_USER_INPUT' },
      { line: 9, field: 'code', code: 'CONFLICT' },
      { line: 10, field: 'name', code: 'BAD_USER_INPUT' },
      { line: 11, field: null, code: 'BAD_USER_INPUT' },
    ]);
    const messages = result.rejections.map((r) => r.message);
    expect(messages[0]).toMatch(/^not JSON/);
    expect(messages[1]).toBe('a PHYSICAL product needs a SKU');
    expect(messages[3]).toBe("SKU 'TN-1' is product 'toner'");
    expect(messages[4]).toBe("unknown field 'warehouse'");
    expect(messages[7]).toBe('name must not be empty');
    expect(await product('PIM-10')).toMatchObject({ code: 'stapler', sku: 'ST-1' });
    expect(await product('PIM-19')).toMatchObject({ code: 'folder', kind: 'SERVICE' });
    expect(await product('PIM-12')).toBeNull();
  });

  it('needs the permission of the mutation behind the feed, before any record', async () => {
    const sales = (await must(t, 'mutation { createApiKey(input: { role: SALES, name: "sales" }) { secret } }')).createApiKey.secret;
    const res = await t.gql(IMPORT, { input: { type: 'PRODUCT', format: 'JSONL', content: jsonl({ ...toner, name: 'Hijacked' }) } }, sales);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await product('PIM-1')).toMatchObject({ name: 'Toner' });
  });
});

/** The order the toner subscription places: 12 boxes, with what the stock feed said is in the warehouse. */
async function placeTonerOrder(): Promise<string> {
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
  const customerId = await createCustomer(t, 'currency: "EUR", taxStatus: EXEMPT');
  const locationId = (
    await must(t, 'mutation($input: CreateLocationInput!) { createLocation(input: $input) { id } }', {
      input: { customerId, name: 'Dock', address: { line1: 'Hafenstr. 1', city: 'Hamburg', country: 'DE' } },
    })
  ).createLocation.id;
  const sub = (
    await must(t, 'mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }', {
      input: {
        customerId,
        items: [{ priceCode: 'toner-box', quantity: '12' }],
        delivery: { every: 1, unit: 'MONTH', locationId, firstDeliveryAt: '2026-12-10T00:00:00Z', billOn: 'SHIPMENT' },
      },
    })
  ).createSubscription.id;
  const at = new Date('2026-12-10T00:00:00Z');
  await runOrderPlacement({ fork: () => t.app.db.orm.em.fork(), at, clock: new ManualClock(at), customerIds: [customerId] });
  const orders = (
    await must(t, `query($s: ID) { orders(subscriptionId: $s, status: null, first: 10) { edges { node { id status } } } }`, { s: sub })
  ).orders.edges;
  return found(
    orders.map((e: { node: { id: string; status: string } }) => e.node).find((o: { status: string }) => o.status !== 'SCHEDULED'),
    'a placed order',
  ).id;
}

describe('stock and shipment feeds', () => {
  let orderId: string;

  it('sets stock levels by SKU or product external id, which order placement then takes', async () => {
    const stock = jsonl({ sku: 'TN-1', available: '8', asOf: '2026-12-01T06:00:00Z' }, { productExternalId: 'PIM-2', available: 40 });
    expect(await feed('STOCK', stock)).toMatchObject({ applied: 2, unchanged: 0, rejected: 0 });
    expect((await product('PIM-1'))?.inventory).toEqual({ available: '8', asOf: '2026-12-01T06:00:00.000Z' });
    expect((await product('PIM-2'))?.inventory?.available).toBe('40');
    expect(await feed('STOCK', jsonl({ sku: 'TN-1', available: '8', asOf: '2026-12-01T06:00:00Z' }))).toMatchObject({
      applied: 0,
      unchanged: 1,
    });
    // An older count than the one stored changes nothing: the latest wins.
    expect(await feed('STOCK', jsonl({ sku: 'TN-1', available: '500', asOf: '2026-11-30T06:00:00Z' }))).toMatchObject({ unchanged: 1 });

    orderId = await placeTonerOrder();
    const order = found((await must(t, ORDER, { id: orderId })).order, 'the order');
    expect(order.status).toBe('BACKORDERED');
    expect(order.lines).toEqual([{ sku: 'TN-1', quantity: '12', quantityShipped: '0', quantityBackordered: '4' }]);
    expect((await product('PIM-1'))?.inventory?.available).toBe('0');
  });

  it('reports bad stock records by line and field', async () => {
    const result = await feed(
      'STOCK',
      jsonl(
        { sku: 'NOPE-1', available: '1' },
        { sku: 'PAP-1', available: '-1' },
        { sku: 'PAP-1', available: 2.5 },
        { productExternalId: 'SVC-1', system: 'ERP', available: '1' },
        { productExternalId: 'PIM-404', available: '1' },
        { sku: 'PAP-1', productExternalId: 'PIM-2', available: '1' },
        { sku: 'PAP-1', available: '1', asOf: '2026-12-01' },
        { sku: 'PAP-1', available: '41', location: 'north' },
      ),
    );
    expect(result).toMatchObject({ applied: 0, rejected: 8 });
    expect(result.rejections.map(({ line, field, code }) => [line, field, code])).toEqual([
      [1, 'sku', 'BAD_USER_INPUT'],
      [2, 'available', 'BAD_USER_INPUT'],
      [3, 'available', 'BAD_USER_INPUT'],
      [4, 'productExternalId', 'BAD_USER_INPUT'],
      [5, 'productExternalId', 'NOT_FOUND'],
      [6, 'sku', 'BAD_USER_INPUT'],
      [7, 'asOf', 'BAD_USER_INPUT'],
      [8, 'location', 'BAD_USER_INPUT'],
    ]);
    expect(result.rejections[0].message).toBe("no PHYSICAL product has SKU 'NOPE-1'");
    expect((await product('PIM-2'))?.inventory?.available).toBe('40');
  });

  it('records shipments by order number or id, once per shipment id, and reports bad ones', async () => {
    const before = found((await must(t, ORDER, { id: orderId })).order, 'the order');
    const first = {
      orderNumber: before.number,
      shipmentId: 'WMS-1',
      carrier: 'DHL',
      trackingNumber: 'TRK-1',
      shippedAt: '2026-12-11T10:00:00Z',
    };
    const shipments = jsonl(
      { ...first, lines: [{ sku: 'TN-1', quantity: '5' }] },
      { orderId, shipmentId: 'WMS-2', shippedAt: '2026-12-12T10:00:00Z', lines: [{ sku: 'TN-1', quantity: 7 }] },
    );
    const partial = await feed('SHIPMENT', jsonl({ ...first, lines: [{ sku: 'TN-1', quantity: '5' }] }));
    expect(partial).toMatchObject({ applied: 1, unchanged: 0, rejected: 0 });
    expect(found((await must(t, ORDER, { id: orderId })).order, 'the order').status).toBe('PARTIALLY_SHIPPED');

    expect(await feed('SHIPMENT', shipments)).toMatchObject({ applied: 1, unchanged: 1, rejected: 0 });
    expect(await feed('SHIPMENT', shipments)).toMatchObject({ applied: 0, unchanged: 2, rejected: 0 });
    const order = found((await must(t, ORDER, { id: orderId })).order, 'the order');
    expect(order.status).toBe('SHIPPED');
    expect(order.lines[0]).toMatchObject({ quantityShipped: '12', quantityBackordered: '0' });
    expect(order.shipments).toEqual([
      { externalId: 'WMS-1', carrier: 'DHL', trackingNumber: 'TRK-1', lines: [{ sku: 'TN-1', quantity: '5' }] },
      { externalId: 'WMS-2', carrier: null, trackingNumber: null, lines: [{ sku: 'TN-1', quantity: '7' }] },
    ]);
    // billOn SHIPMENT: one invoice per shipment, none for the replays; one order.shipped event each, through the outbox.
    expect(order.invoices.map((i) => i.total)).toEqual(['25.00', '35.00']);
    const events = await boundRows<{ type: string }>(
      t.app.db.orm.em.fork(),
      `select type from domain_event where aggregate_id = ? and type = 'order.shipped'`,
      [orderId],
    );
    expect(events).toHaveLength(2);

    const bad = await feed(
      'SHIPMENT',
      jsonl(
        { orderNumber: 'ORD-1999-000001', shipmentId: 'WMS-3', shippedAt: '2026-12-12T10:00:00Z', lines: [{ sku: 'TN-1', quantity: '1' }] },
        { ...first, lines: [{ sku: 'TN-1', quantity: '6' }] },
        { orderId, shipmentId: 'WMS-4', shippedAt: '2026-12-12T10:00:00Z', lines: [{ sku: 'TN-1', quantity: '1' }] },
        { orderId, shipmentId: 'WMS-5', shippedAt: 'yesterday', lines: [{ sku: 'TN-1', quantity: '1' }] },
        { orderId, shipmentId: 'WMS-6', shippedAt: '2026-12-12T10:00:00Z', lines: [{ sku: 'TN-1', quantity: '0' }] },
        { shipmentId: 'WMS-7', shippedAt: '2026-12-12T10:00:00Z', lines: [{ sku: 'TN-1', quantity: '1' }] },
      ),
    );
    expect(bad.rejections.map(({ line, field, code, reason }) => [line, field, code, reason])).toEqual([
      [1, 'orderNumber', 'NOT_FOUND', null],
      [2, null, 'CONFLICT', 'SHIPMENT_MISMATCH'],
      [3, null, 'CONFLICT', 'ORDER_NOT_SHIPPABLE'],
      [4, 'shippedAt', 'BAD_USER_INPUT', null],
      [5, 'lines[0].quantity', 'BAD_USER_INPUT', null],
      [6, 'orderNumber', 'BAD_USER_INPUT', null],
    ]);
    expect(bad.rejections[1].message).toBe("shipment 'WMS-1' was recorded with other content");
    expect(found((await must(t, ORDER, { id: orderId })).order, 'the order').shipments).toHaveLength(2);
  });
});

describe('CSV feeds', () => {
  const csv = async (type: FeedType, content: string) =>
    (await must(t, IMPORT, { input: { type, format: 'CSV', content, system: 'PIM' } })).importFeed;

  it('applies the same records as JSON lines: a header row, quoted cells, empty cells as fields not given', async () => {
    const content = [
      'externalId,code,name,kind,sku,stockPolicy',
      'PIM-30,labels,"Labels, 100 per box",PHYSICAL,LB-1,SKIP_LINE',
      'PIM-31,setup,"Setup ""on site""",,,',
    ].join('\r\n');
    expect(await csv('PRODUCT', content)).toEqual({ type: 'PRODUCT', applied: 2, unchanged: 0, rejected: 0, rejections: [] });
    expect(await product('PIM-30')).toMatchObject({ name: 'Labels, 100 per box', kind: 'PHYSICAL', sku: 'LB-1', stockPolicy: 'SKIP_LINE' });
    expect(await product('PIM-31')).toMatchObject({ name: 'Setup "on site"', kind: 'SERVICE', sku: null });
    expect(await csv('PRODUCT', content)).toMatchObject({ applied: 0, unchanged: 2 });
    // The same record as a JSON line is unchanged too: one format is the other's.
    expect(
      await feed(
        'PRODUCT',
        jsonl({
          externalId: 'PIM-30',
          code: 'labels',
          name: 'Labels, 100 per box',
          kind: 'PHYSICAL',
          sku: 'LB-1',
          stockPolicy: 'SKIP_LINE',
        }),
      ),
    ).toMatchObject({ unchanged: 1 });
  });

  it('reports a bad row at its line and field, and a CSV that cannot be read further where it breaks', async () => {
    const bad = await csv('STOCK', ['sku,available', 'LB-1,3', 'LB-1,-3', 'LB-1,3,extra'].join('\n'));
    expect(bad).toMatchObject({ applied: 1, rejected: 2 });
    expect(bad.rejections.map(({ line, field }) => [line, field])).toEqual([
      [3, 'available'],
      [4, null],
    ]);
    expect(bad.rejections[1].message).toMatch(/^not CSV: /);
    expect((await product('PIM-30'))?.inventory?.available).toBe('3');
  });
});
