import { boundRows } from '../../src/db/bound-query';
import { runOrderPlacement } from '../../src/domain/billing/order-run';
import { ManualClock } from '../../src/domain/shared/clock';
import { bill } from '../jobs/billing-support';
import { startTestApp, TestApp } from '../support/app';
import { createCustomer, must } from '../support/catalog';

// Recurring orders of goods (issue 17): delivery schedules, orders placed on their dates, stock.
const clock = new ManualClock(new Date('2026-12-01T08:00:00Z'));
let t: TestApp;

const ORDER = `id number status scheduledFor placedAt purchaseOrderNumber currency subtotal tax total holdReason
  customer { id } subscription { id } location { id }
  lines { sku priceCode quantity quantityOrdered quantityShipped quantityBackordered amount tax steps }`;
const ORDERS = `query($customerId: ID, $subscriptionId: ID, $status: OrderStatus, $first: Int, $after: String) {
  orders(customerId: $customerId, subscriptionId: $subscriptionId, status: $status, first: $first, after: $after) {
    edges { node { ${ORDER} } } pageInfo { hasNextPage endCursor } } }`;
const SUBSCRIBE = `mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) {
  id nextOrderAt delivery { every unit locationId firstDeliveryAt billOn items { priceCode sku quantity } } items { priceCode } } }`;

async function product(input: Record<string, unknown>): Promise<void> {
  await must(t, 'mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }', { input });
}
async function price(code: string, productCode: string, rule: unknown): Promise<void> {
  await must(t, 'mutation($input: CreatePriceInput!) { createPrice(input: $input) { id } }', {
    input: { code, productCode, currency: 'EUR', interval: 'MONTH', intervalCount: 1, rule },
  });
}
async function location(customerId: string): Promise<string> {
  const data = await must(t, 'mutation($input: CreateLocationInput!) { createLocation(input: $input) { id } }', {
    input: { customerId, name: 'Dock 1', address: { line1: 'Hafenstr. 1', city: 'Hamburg', country: 'DE' } },
  });
  return data.createLocation.id;
}
async function stock(levels: Record<string, string>): Promise<void> {
  await must(t, 'mutation($levels: [InventoryLevelInput!]!) { setInventoryLevels(levels: $levels) }', {
    levels: Object.entries(levels).map(([sku, available]) => ({ sku, available })),
  });
}
async function available(sku: string): Promise<string> {
  const [row] = await boundRows<{ a: string }>(t.app.db.orm.em.fork(), 'select available::text as a from inventory_level where sku = ?', [
    sku,
  ]);
  return row.a;
}
async function ordersOf(subscriptionId: string, key?: string): Promise<any[]> {
  return (await must(t, ORDERS, { subscriptionId, first: 100 }, key)).orders.edges.map((e: any) => e.node);
}
async function eventsOf(orderId: string): Promise<string[]> {
  const rows = await boundRows<{ type: string }>(
    t.app.db.orm.em.fork(),
    'select type from domain_event where aggregate_id = ? order by aggregate_seq',
    [orderId],
  );
  return rows.map((r) => r.type);
}
async function errorOf(query: string, variables: Record<string, unknown>, key?: string) {
  const res = await t.gql(query, variables, key);
  expect(res.errors).toHaveLength(1);
  return { code: res.errors![0].extensions?.code, field: res.errors![0].extensions?.field, message: res.errors![0].message };
}
async function key(role: string, customerId?: string): Promise<string> {
  const data = await must(t, 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }', {
    input: { role, name: role.toLowerCase(), customerId },
  });
  return data.createApiKey.secret;
}
const place = (at: string, customerIds: string[]) =>
  runOrderPlacement({ fork: () => t.app.db.orm.em.fork(), at: new Date(at), clock: new ManualClock(new Date(at)), customerIds });

beforeAll(async () => {
  t = await startTestApp({ clock });
  await product({ code: 'support', name: 'Support' });
  await product({ code: 'toner', name: 'Toner', kind: 'PHYSICAL', sku: 'TN-1' });
  await product({ code: 'gloves', name: 'Gloves', kind: 'PHYSICAL', sku: 'GL-1', stockPolicy: 'SKIP_LINE' });
  await product({ code: 'reagent', name: 'Reagent', kind: 'PHYSICAL', sku: 'RG-1', stockPolicy: 'HOLD_ORDER' });
  await price('support-monthly', 'support', { kind: 'flat', config: { amount: '100.00' } });
  // 10 × 5.00, then 4.00 each: 12 boxes are 58.00.
  await price('toner-box', 'toner', {
    kind: 'graduated',
    config: {
      tiers: [
        { upTo: '10', unitAmount: '5.00' },
        { upTo: null, unitAmount: '4.00' },
      ],
    },
  });
  await price('gloves-box', 'gloves', { kind: 'per_unit', config: { unitAmount: '2.50' } });
  await price('reagent-kit', 'reagent', { kind: 'per_unit', config: { unitAmount: '30.00' } });
});
afterAll(async () => {
  await t.close();
});

describe('a two-weekly delivery on a test clock', () => {
  let customerId: string;
  let subscriptionId: string;
  let clockId: string;
  let shipTo: string;

  it('is created with its SERVICE items billed per period and its goods on a SCHEDULED first order', async () => {
    clockId = (await must(t, 'mutation { createTestClock(frozenTime: "2027-01-04T00:00:00Z", name: "orders") { id } }')).createTestClock.id;
    customerId = await createCustomer(t, `currency: "EUR", taxStatus: TAXABLE, taxRate: "19", testClockId: "${clockId}"`);
    shipTo = await location(customerId);
    await stock({ 'TN-1': '1000' });
    const sub = (
      await must(t, SUBSCRIBE, {
        input: {
          customerId,
          purchaseOrderNumber: 'PO-77',
          items: [
            { priceCode: 'support-monthly', quantity: '1' },
            { priceCode: 'toner-box', quantity: '12' },
          ],
          delivery: { every: 2, unit: 'WEEK', locationId: shipTo, firstDeliveryAt: '2027-01-11T06:00:00Z' },
        },
      })
    ).createSubscription;
    subscriptionId = sub.id;
    expect(sub).toMatchObject({
      nextOrderAt: '2027-01-11T06:00:00.000Z',
      delivery: {
        every: 2,
        unit: 'WEEK',
        locationId: shipTo,
        billOn: 'SHIPMENT',
        items: [{ priceCode: 'toner-box', sku: 'TN-1', quantity: '12' }],
      },
      items: [{ priceCode: 'support-monthly' }],
    });
    const [first] = await ordersOf(subscriptionId);
    expect(first).toMatchObject({
      number: 'ORD-2027-000001',
      status: 'SCHEDULED',
      scheduledFor: '2027-01-11T06:00:00.000Z',
      placedAt: null,
      purchaseOrderNumber: 'PO-77',
      subtotal: '58.00',
      tax: '11.02',
      total: '69.02',
    });
    // The period invoice bills the service only, as before goods existed.
    const invoices = await boundRows<{ total: string; codes: string[] }>(
      t.app.db.orm.em.fork(),
      `select i.total::text as total, array_agg(l.price_code) as codes from invoice i join invoice_line l on l.invoice_id = i.id
        where i.customer_id = ? group by i.id`,
      [customerId],
    );
    expect(invoices).toEqual([{ total: '119', codes: ['support-monthly'] }]);
  });

  it('places each order on its date, numbered gaplessly, priced by tiers, taxed, with the PO, taking stock', async () => {
    await must(t, 'mutation($id: ID!, $to: DateTime!) { advanceTestClock(id: $id, to: $to) { id } }', {
      id: clockId,
      to: '2027-02-10T00:00:00Z',
    });
    const orders = await ordersOf(subscriptionId);
    expect(orders.map((o) => [o.number, o.status, o.scheduledFor, o.placedAt])).toEqual([
      ['ORD-2027-000001', 'PLACED', '2027-01-11T06:00:00.000Z', '2027-01-11T06:00:00.000Z'],
      ['ORD-2027-000002', 'PLACED', '2027-01-25T06:00:00.000Z', '2027-01-25T06:00:00.000Z'],
      ['ORD-2027-000003', 'PLACED', '2027-02-08T06:00:00.000Z', '2027-02-08T06:00:00.000Z'],
      ['ORD-2027-000004', 'SCHEDULED', '2027-02-22T06:00:00.000Z', null],
    ]);
    for (const o of orders.slice(0, 3)) {
      expect(o).toMatchObject({ purchaseOrderNumber: 'PO-77', subtotal: '58.00', tax: '11.02', total: '69.02', location: { id: shipTo } });
      expect(o.lines).toEqual([
        {
          sku: 'TN-1',
          priceCode: 'toner-box',
          quantity: '12',
          quantityOrdered: '12',
          quantityShipped: '0',
          quantityBackordered: '0',
          amount: '58.00',
          tax: '11.02',
          steps: expect.arrayContaining([expect.stringContaining('5.00')]),
        },
      ]);
      expect(await eventsOf(o.id)).toEqual(['order.scheduled', 'order.placed']);
    }
    expect(await available('TN-1')).toBe('964');
    const sub = (await must(t, 'query($id: ID!) { subscription(id: $id) { nextOrderAt } }', { id: subscriptionId })).subscription;
    expect(sub.nextOrderAt).toBe('2027-02-22T06:00:00.000Z');
  });

  it('places nothing twice when the billing run is replayed, or two runs race', async () => {
    const runs = await Promise.all([place('2027-02-10T00:00:00Z', [customerId]), place('2027-02-10T00:00:00Z', [customerId])]);
    expect(runs.map((r) => r.ordersPlaced)).toEqual([0, 0]);
    const replay = await bill(t, clock, '2027-02-10T00:00:00Z', { customerIds: [customerId] });
    expect(replay.invoicesCreated).toBe(0);
    expect(await ordersOf(subscriptionId)).toHaveLength(4);
    expect(await available('TN-1')).toBe('964');
  });
});

describe('placing orders', () => {
  async function deliver(customerId: string, items: [string, string][], extra: Record<string, unknown> = {}): Promise<string> {
    const shipTo = await location(customerId);
    return (
      await must(t, SUBSCRIBE, {
        input: {
          customerId,
          items: items.map(([priceCode, quantity]) => ({ priceCode, quantity })),
          delivery: { every: 1, unit: 'MONTH', locationId: shipTo, firstDeliveryAt: '2026-12-02T00:00:00Z' },
          ...extra,
        },
      })
    ).createSubscription.id;
  }

  it('two concurrent runs place a due order once', async () => {
    const customerId = await createCustomer(t);
    await stock({ 'TN-1': '1000' });
    const sub = await deliver(customerId, [['toner-box', '1']]);
    const runs = await Promise.all([place('2026-12-03T00:00:00Z', [customerId]), place('2026-12-03T00:00:00Z', [customerId])]);
    expect(runs[0].ordersPlaced + runs[1].ordersPlaced).toBe(1);
    const orders = await ordersOf(sub);
    expect(orders.map((o) => o.status)).toEqual(['PLACED', 'SCHEDULED']);
    expect(orders[1].scheduledFor).toBe('2027-01-02T00:00:00.000Z');
  });

  it('BACKORDER ships what there is and backorders the rest', async () => {
    const customerId = await createCustomer(t);
    await stock({ 'TN-1': '5' });
    const sub = await deliver(customerId, [['toner-box', '8']]);
    expect((await place('2026-12-03T00:00:00Z', [customerId])).ordersPlaced).toBe(1);
    const [order] = await ordersOf(sub);
    expect(order).toMatchObject({ status: 'BACKORDERED', total: '40.00' });
    expect(order.lines[0]).toMatchObject({ quantity: '8', quantityBackordered: '3' });
    expect(await available('TN-1')).toBe('0');
    expect(await eventsOf(order.id)).toEqual(['order.scheduled', 'order.placed', 'order.backordered']);
  });

  it('SKIP_LINE carries what there is, priced at that quantity', async () => {
    const customerId = await createCustomer(t);
    await stock({ 'GL-1': '5', 'TN-1': '10' });
    const sub = await deliver(customerId, [
      ['gloves-box', '8'],
      ['toner-box', '2'],
    ]);
    await place('2026-12-03T00:00:00Z', [customerId]);
    const [order] = await ordersOf(sub);
    expect(order.status).toBe('PLACED');
    expect(order.lines.map((l: any) => [l.sku, l.quantityOrdered, l.quantity, l.quantityBackordered, l.amount])).toEqual([
      ['GL-1', '8', '5', '0', '12.50'],
      ['TN-1', '2', '2', '0', '10.00'],
    ]);
    expect(order.total).toBe('22.50');
    expect([await available('GL-1'), await available('TN-1')]).toEqual(['0', '8']);
  });

  it('HOLD_ORDER short anywhere backorders the whole order and takes nothing', async () => {
    const customerId = await createCustomer(t);
    await stock({ 'RG-1': '1', 'TN-1': '10' });
    const sub = await deliver(customerId, [
      ['reagent-kit', '2'],
      ['toner-box', '2'],
    ]);
    await place('2026-12-03T00:00:00Z', [customerId]);
    const [order] = await ordersOf(sub);
    expect(order.status).toBe('BACKORDERED');
    expect(order.lines.map((l: any) => [l.sku, l.quantity, l.quantityBackordered])).toEqual([
      ['RG-1', '2', '2'],
      ['TN-1', '2', '2'],
    ]);
    expect([await available('RG-1'), await available('TN-1')]).toEqual(['1', '10']);
  });

  it('holds an order that would take the customer over its credit limit, and schedules the next', async () => {
    const customerId = await createCustomer(t, 'currency: "EUR", taxStatus: EXEMPT, creditLimit: "50"');
    await stock({ 'TN-1': '100' });
    const sub = await deliver(customerId, [['toner-box', '12']]);
    const run = await place('2026-12-03T00:00:00Z', [customerId]);
    expect(run).toEqual({ ordersPlaced: 0, ordersHeld: 1, ordersFailed: 0 });
    const [held, next] = await ordersOf(sub);
    expect(held).toMatchObject({ status: 'SCHEDULED', holdReason: 'CREDIT_LIMIT', placedAt: null });
    expect(next).toMatchObject({ status: 'SCHEDULED', holdReason: null, scheduledFor: '2027-01-02T00:00:00.000Z' });
    expect(await available('TN-1')).toBe('100');
    expect(await eventsOf(held.id)).toEqual(['order.scheduled', 'order.held']);
    // Held orders are out of the run's way: a second run does nothing.
    expect((await place('2026-12-03T00:00:00Z', [customerId])).ordersHeld).toBe(0);
  });
});

describe('who sees orders, and bad input', () => {
  it('a CUSTOMER key sees its own orders only', async () => {
    const mine = await createCustomer(t);
    const theirs = await createCustomer(t);
    const shipMine = await location(mine);
    const shipTheirs = await location(theirs);
    const input = (customerId: string, locationId: string) => ({
      customerId,
      items: [{ priceCode: 'toner-box', quantity: '1' }],
      delivery: { every: 3, unit: 'DAY', locationId },
    });
    const subMine = (await must(t, SUBSCRIBE, { input: input(mine, shipMine) })).createSubscription.id;
    const subTheirs = (await must(t, SUBSCRIBE, { input: input(theirs, shipTheirs) })).createSubscription.id;
    const customerKey = await key('CUSTOMER', mine);
    const [own] = await ordersOf(subMine, customerKey);
    expect(own.customer.id).toBe(mine);
    expect(await ordersOf(subTheirs, customerKey)).toEqual([]);
    const all = (await must(t, ORDERS, { first: 100 }, customerKey)).orders.edges.map((e: any) => e.node.customer.id);
    expect(new Set(all)).toEqual(new Set([mine]));
    const [other] = await ordersOf(subTheirs);
    expect((await errorOf(`query($id: ID!) { order(id: $id) { id } }`, { id: other.id }, customerKey)).code).toBe('FORBIDDEN');
    expect((await must(t, `query($id: ID!) { order(id: $id) { id } }`, { id: own.id }, customerKey)).order.id).toBe(own.id);
    const partner = await key('PARTNER');
    expect((await errorOf(ORDERS, {}, partner)).code).toBe('FORBIDDEN');
  });

  it.each([
    ['goods without a delivery', (_l: string) => ({ items: [{ priceCode: 'toner-box', quantity: '1' }] }), 'input.items[0].priceCode'],
    [
      'a delivery without goods',
      (l: string) => ({ items: [{ priceCode: 'support-monthly', quantity: '1' }], delivery: { every: 1, unit: 'WEEK', locationId: l } }),
      'input.delivery',
    ],
    [
      'every 0',
      (l: string) => ({ items: [{ priceCode: 'toner-box', quantity: '1' }], delivery: { every: 0, unit: 'WEEK', locationId: l } }),
      'input.delivery.every',
    ],
    [
      'an unknown location',
      (_l: string) => ({
        items: [{ priceCode: 'toner-box', quantity: '1' }],
        delivery: { every: 1, unit: 'WEEK', locationId: '00000000-0000-4000-8000-000000000000' },
      }),
      'input.delivery.locationId',
    ],
    [
      'a first delivery before the start',
      (l: string) => ({
        items: [{ priceCode: 'toner-box', quantity: '1' }],
        delivery: { every: 1, unit: 'WEEK', locationId: l, firstDeliveryAt: '2026-11-01T00:00:00Z' },
      }),
      'input.delivery.firstDeliveryAt',
    ],
  ])('refuses %s as BAD_USER_INPUT at its field, writing nothing', async (_, input, field) => {
    const customerId = await createCustomer(t);
    const shipTo = await location(customerId);
    const e = await errorOf(SUBSCRIBE, { input: { customerId, ...input(shipTo) } });
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field });
    const [row] = await boundRows<{ n: number }>(
      t.app.db.orm.em.fork(),
      'select count(*)::int as n from subscription where customer_id = ?',
      [customerId],
    );
    expect(row.n).toBe(0);
  });

  it("refuses another customer's location", async () => {
    const customerId = await createCustomer(t);
    const elsewhere = await location(await createCustomer(t));
    const e = await errorOf(SUBSCRIBE, {
      input: {
        customerId,
        items: [{ priceCode: 'toner-box', quantity: '1' }],
        delivery: { every: 1, unit: 'WEEK', locationId: elsewhere },
      },
    });
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.delivery.locationId' });
  });
});
