import fc from 'fast-check';
import { boundRows } from '../../src/db/bound-query';
import { runOrderPlacement } from '../../src/domain/billing/order-run';
import { splitShipped } from '../../src/domain/orders/shipment-split';
import { ManualClock } from '../../src/domain/shared/clock';
import { Decimal, ZERO } from '../../src/pricing/decimal';
import { startTestApp, TestApp } from '../support/app';
import { createCustomer, must } from '../support/catalog';

// Shipments, delivery, cancelation and billing of placed orders (issue 17).
const clock = new ManualClock(new Date('2026-12-01T08:00:00Z'));
let t: TestApp;

const ORDER = `id number status total lines { sku quantity quantityShipped quantityBackordered amount tax }
  shipments { id externalId carrier trackingNumber shippedAt lines { sku quantity } }
  invoices { number status subtotal tax total purchaseOrderNumber }`;
const READ = `query($id: ID!) { order(id: $id) { ${ORDER} } }`;
const SHIP = `mutation($input: RecordShipmentInput!) { recordShipment(input: $input) { id externalId carrier trackingNumber shippedAt lines { sku quantity } } }`;
const DELIVERED = `mutation($id: ID!, $at: DateTime!) { markOrderDelivered(id: $id, at: $at) { status } }`;
const CANCEL = `mutation($id: ID!, $reason: String) { cancelOrder(id: $id, reason: $reason) { status } }`;

async function errorOf(query: string, variables: Record<string, unknown>, key?: string) {
  const res = await t.gql(query, variables, key);
  expect(res.errors).toHaveLength(1);
  const e = res.errors![0];
  return { code: e.extensions?.code, field: e.extensions?.field, reason: e.extensions?.reason };
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
async function eventsOf(orderId: string): Promise<string[]> {
  const rows = await boundRows<{ type: string }>(
    t.app.db.orm.em.fork(),
    'select type from domain_event where aggregate_id = ? order by aggregate_seq',
    [orderId],
  );
  return rows.map((r) => r.type);
}
/** A placed order of 12 toner boxes (58.00 + 19 % = 69.02) for a new customer, with `inStock` boxes in the warehouse. */
async function placedOrder(billOn: 'SHIPMENT' | 'ORDER', inStock: string): Promise<{ customerId: string; sub: string; order: any }> {
  const customerId = await createCustomer(t, 'currency: "EUR", taxStatus: TAXABLE, taxRate: "19"');
  const locationId = (
    await must(t, 'mutation($input: CreateLocationInput!) { createLocation(input: $input) { id } }', {
      input: { customerId, name: 'Dock', address: { line1: 'Hafenstr. 1', city: 'Hamburg', country: 'DE' } },
    })
  ).createLocation.id;
  const sub = (
    await must(t, 'mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }', {
      input: {
        customerId,
        purchaseOrderNumber: 'PO-9',
        items: [{ priceCode: 'toner-box', quantity: '12' }],
        delivery: { every: 1, unit: 'MONTH', locationId, firstDeliveryAt: '2026-12-10T00:00:00Z', billOn },
      },
    })
  ).createSubscription.id;
  await stock({ 'TN-1': inStock });
  const at = new Date('2026-12-10T00:00:00Z');
  await runOrderPlacement({ fork: () => t.app.db.orm.em.fork(), at, clock: new ManualClock(at), customerIds: [customerId] });
  const orders = (
    await must(t, `query($s: ID) { orders(subscriptionId: $s, status: null, first: 10) { edges { node { id status } } } }`, { s: sub })
  ).orders.edges;
  const placed = orders.map((e: any) => e.node).find((o: any) => o.status !== 'SCHEDULED');
  return { customerId, sub, order: (await must(t, READ, { id: placed.id })).order };
}
const shipment = (orderId: string, externalId: string, quantity: string, sku = 'TN-1', shippedAt = '2026-12-11T10:00:00Z') => ({
  input: { orderId, externalId, carrier: 'DHL', trackingNumber: `TRK-${externalId}`, shippedAt, lines: [{ sku, quantity }] },
});
const sum = (xs: string[]) => xs.reduce((s, x) => s.plus(x), ZERO).toFixed(2);

beforeAll(async () => {
  t = await startTestApp({ clock });
  await must(t, 'mutation { createProduct(input: { code: "toner", name: "Toner", kind: PHYSICAL, sku: "TN-1" }) { id } }');
  // 10 × 5.00, then 4.00 each: 12 boxes are 58.00, which 12 does not divide into cents.
  await must(t, 'mutation($input: CreatePriceInput!) { createPrice(input: $input) { id } }', {
    input: {
      code: 'toner-box',
      productCode: 'toner',
      currency: 'EUR',
      interval: 'MONTH',
      intervalCount: 1,
      rule: {
        kind: 'graduated',
        config: {
          tiers: [
            { upTo: '10', unitAmount: '5.00' },
            { upTo: null, unitAmount: '4.00' },
          ],
        },
      },
    },
  });
});
afterAll(async () => {
  await t.close();
});

describe('shipments', () => {
  it('ships partially then fully, replays idempotently, refuses over-shipment, invoices each shipment adding up to the total', async () => {
    const { order } = await placedOrder('SHIPMENT', '8');
    expect(order).toMatchObject({ status: 'BACKORDERED', total: '69.02', shipments: [], invoices: [] });
    expect(order.lines[0]).toMatchObject({ quantity: '12', quantityBackordered: '4', amount: '58.00', tax: '11.02' });

    const first = (await must(t, SHIP, shipment(order.id, 'WMS-1', '5'))).recordShipment;
    expect(first).toMatchObject({
      externalId: 'WMS-1',
      carrier: 'DHL',
      trackingNumber: 'TRK-WMS-1',
      lines: [{ sku: 'TN-1', quantity: '5' }],
    });
    let now = (await must(t, READ, { id: order.id })).order;
    expect(now.status).toBe('PARTIALLY_SHIPPED');
    expect(now.lines[0]).toMatchObject({ quantityShipped: '5', quantityBackordered: '4' });
    // 58.00 × 5/12 = 24.17, 11.02 × 5/12 = 4.59.
    expect(now.invoices).toEqual([
      { number: expect.any(String), status: 'OPEN', subtotal: '24.17', tax: '4.59', total: '28.76', purchaseOrderNumber: 'PO-9' },
    ]);

    // A replay returns the same shipment and ships and bills nothing more; other content under the same id is a conflict.
    expect((await must(t, SHIP, shipment(order.id, 'WMS-1', '5'))).recordShipment.id).toBe(first.id);
    expect(await errorOf(SHIP, shipment(order.id, 'WMS-1', '6'))).toMatchObject({ code: 'CONFLICT', reason: 'SHIPMENT_MISMATCH' });
    // 7 are left to ship, the 4 backordered included.
    expect(await errorOf(SHIP, shipment(order.id, 'WMS-2', '8'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.lines[0].quantity',
    });
    now = (await must(t, READ, { id: order.id })).order;
    expect(now.shipments).toHaveLength(1);
    expect(now.invoices).toHaveLength(1);
    expect(now.lines[0].quantityShipped).toBe('5');

    await must(t, SHIP, shipment(order.id, 'WMS-2', '7', 'TN-1', '2026-12-12T10:00:00Z'));
    now = (await must(t, READ, { id: order.id })).order;
    expect(now.status).toBe('SHIPPED');
    expect(now.lines[0]).toMatchObject({ quantityShipped: '12', quantityBackordered: '0' });
    expect(now.shipments.map((s: any) => s.externalId)).toEqual(['WMS-1', 'WMS-2']);
    expect(now.invoices.map((i: any) => i.total)).toEqual(['28.76', '40.26']);
    expect(sum(now.invoices.map((i: any) => i.total))).toBe(now.total);
    expect(await errorOf(SHIP, shipment(order.id, 'WMS-3', '1'))).toMatchObject({ code: 'CONFLICT', reason: 'ORDER_NOT_SHIPPABLE' });

    expect((await must(t, DELIVERED, { id: order.id, at: '2026-12-12T09:00:00Z' })).markOrderDelivered.status).toBe('DELIVERED');
    expect(await errorOf(DELIVERED, { id: order.id, at: '2026-12-12T09:00:00Z' })).toMatchObject({
      code: 'CONFLICT',
      reason: 'ORDER_NOT_SHIPPED',
    });
    expect((await eventsOf(order.id)).filter((e) => e !== 'order.scheduled')).toEqual([
      'order.placed',
      'order.backordered',
      'order.shipped',
      'order.shipped',
      'order.delivered',
    ]);
  });

  it('applies concurrent shipments of one order one after the other: the second finds only what is left', async () => {
    const { order } = await placedOrder('SHIPMENT', '20');
    const results = await Promise.all([
      t.gql(SHIP, shipment(order.id, 'RACE-1', '7')),
      t.gql(SHIP, shipment(order.id, 'RACE-2', '7', 'TN-1', '2026-12-12T10:00:00Z')),
    ]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.flatMap((r) => r.errors ?? []).map((e) => e.extensions?.field)).toEqual(['input.lines[0].quantity']);
    const now = (await must(t, READ, { id: order.id })).order;
    expect(now).toMatchObject({ status: 'PARTIALLY_SHIPPED', lines: [{ quantityShipped: '7' }] });
    expect(now.invoices).toHaveLength(1);
  });

  it('billOn ORDER invoices the whole order at placement, and shipments bill nothing more', async () => {
    const { order } = await placedOrder('ORDER', '100');
    expect(order.status).toBe('PLACED');
    expect(order.invoices).toEqual([
      { number: expect.any(String), status: 'OPEN', subtotal: '58.00', tax: '11.02', total: '69.02', purchaseOrderNumber: 'PO-9' },
    ]);
    await must(t, SHIP, shipment(order.id, 'ORD-BILL-1', '12'));
    const now = (await must(t, READ, { id: order.id })).order;
    expect(now.status).toBe('SHIPPED');
    expect(now.invoices).toHaveLength(1);
  });

  it('cancels a placed order while nothing shipped, giving its reserved stock back', async () => {
    const { order } = await placedOrder('SHIPMENT', '20');
    expect(await available('TN-1')).toBe('8');
    expect((await must(t, CANCEL, { id: order.id, reason: 'customer moved' })).cancelOrder.status).toBe('CANCELED');
    expect(await available('TN-1')).toBe('20');
    expect(await errorOf(CANCEL, { id: order.id })).toMatchObject({ code: 'CONFLICT', reason: 'ORDER_NOT_CANCELABLE' });
    expect(await errorOf(SHIP, shipment(order.id, 'CXL-1', '1'))).toMatchObject({ code: 'CONFLICT', reason: 'ORDER_NOT_SHIPPABLE' });
    expect((await eventsOf(order.id)).slice(-1)).toEqual(['order.canceled']);

    // Once something shipped, it cannot be canceled.
    const { order: shipped } = await placedOrder('SHIPMENT', '20');
    await must(t, SHIP, shipment(shipped.id, 'CXL-2', '1'));
    expect(await errorOf(CANCEL, { id: shipped.id })).toMatchObject({ code: 'CONFLICT', reason: 'ORDER_NOT_CANCELABLE' });
  });

  it('canceling the subscription cancels its SCHEDULED order, leaving the placed one to the warehouse', async () => {
    const { sub, order } = await placedOrder('SHIPMENT', '20');
    await must(t, 'mutation($id: ID!) { cancelSubscription(id: $id, atPeriodEnd: false) { status } }', { id: sub });
    const orders = (
      await must(t, 'query($s: ID) { orders(subscriptionId: $s, first: 10) { edges { node { id status scheduledFor } } } }', { s: sub })
    ).orders.edges.map((e: any) => e.node);
    expect(orders.map((o: any) => [o.id === order.id, o.status]).sort()).toEqual([
      [false, 'CANCELED'],
      [true, 'PLACED'],
    ]);
    const next = orders.find((o: any) => o.id !== order.id);
    expect(await eventsOf(next.id)).toEqual(['order.scheduled', 'order.canceled']);
  });

  it('refuses a CUSTOMER key and bad input with typed errors, writing nothing', async () => {
    const { customerId, order } = await placedOrder('SHIPMENT', '20');
    const key = (
      await must(t, 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }', {
        input: { role: 'CUSTOMER', name: 'buyer', customerId },
      })
    ).createApiKey.secret;
    expect(await errorOf(SHIP, shipment(order.id, 'AUTH-1', '1'), key)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await errorOf(DELIVERED, { id: order.id, at: '2026-12-12T00:00:00Z' }, key)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await errorOf(CANCEL, { id: order.id }, key)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await errorOf(SHIP, shipment(order.id, 'BAD-1', '1', 'NOPE'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.lines[0].sku',
    });
    expect(await errorOf(SHIP, shipment(order.id, 'BAD-2', '0'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.lines[0].quantity',
    });
    expect(await errorOf(SHIP, shipment(order.id, ' ', '1'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.externalId' });
    const twice = shipment(order.id, 'BAD-3', '1');
    twice.input.lines.push({ sku: 'TN-1', quantity: '1' });
    expect(await errorOf(SHIP, twice)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lines[1].sku' });
    for (const id of ['00000000-0000-4000-8000-000000000000', 'nope']) {
      expect(await errorOf(SHIP, shipment(id, 'BAD-4', '1'))).toMatchObject({ code: 'NOT_FOUND' });
    }
    const now = (await must(t, READ, { id: order.id })).order;
    expect(now).toMatchObject({ status: 'PLACED', shipments: [], invoices: [] });
  });
});

describe('splitting a line over shipments', () => {
  it('bills every shipment pro rata, the last one the remainder: the parts add up to the line exactly', () => {
    const cents = fc.integer({ min: 0, max: 10_000_000 }).map((c) => new Decimal(c).div(100));
    fc.assert(
      fc.property(cents, cents, fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 8 }), (amount, tax, parts) => {
        const quantity = new Decimal(parts.reduce((s, p) => s + p, 0));
        let shipped = ZERO;
        let billed = ZERO;
        let taxed = ZERO;
        for (const p of parts) {
          const split = splitShipped(
            { quantity, amount, tax, shippedBefore: shipped, amountBefore: billed, taxBefore: taxed },
            new Decimal(p),
            'EUR',
          );
          expect(split.amount.gte(0) && split.amount.decimalPlaces() <= 2).toBe(true);
          shipped = shipped.plus(p);
          billed = billed.plus(split.amount);
          taxed = taxed.plus(split.tax);
        }
        expect(billed.eq(amount)).toBe(true);
        expect(taxed.eq(tax)).toBe(true);
      }),
    );
  });
});
