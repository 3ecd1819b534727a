import { runOrderPlacement } from '../../src/domain/billing/order-run';
import { ManualClock } from '../../src/domain/shared/clock';
import { startTestApp, TestApp } from '../support/app';
import { createCustomer, must } from '../support/catalog';

// Placed orders not yet invoiced in creditExposure (docs/credit-limits.md), and what that does to placing the next ones.
const clock = new ManualClock(new Date('2026-12-01T08:00:00Z'));
let t: TestApp;

const EXPOSURE = `query($id: ID!) { customer(id: $id) { creditExposure } }`;
const OVER = `query { customers(filter: { overCreditLimit: true }, first: 100) { edges { node { id } } } }`;
const SHIP = `mutation($input: RecordShipmentInput!) { recordShipment(input: $input) { id } }`;

async function subscribe(customerId: string, locationId: string, quantity: number, billOn: 'SHIPMENT' | 'ORDER', first: string) {
  return (
    await must(t, 'mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }', {
      input: {
        customerId,
        items: [{ priceCode: 'toner-box', quantity: String(quantity) }],
        delivery: { every: 1, unit: 'MONTH', locationId, firstDeliveryAt: first, billOn },
      },
    })
  ).createSubscription.id;
}
async function orderOf(sub: string, status: string) {
  const orders = (
    await must(t, `query($s: ID) { orders(subscriptionId: $s, first: 10) { edges { node { id status holdReason total } } } }`, { s: sub })
  ).orders.edges.map((e: any) => e.node);
  return orders.find((o: any) => o.status === status);
}
async function place(customerId: string, at: Date): Promise<void> {
  await runOrderPlacement({ fork: () => t.app.db.orm.em.fork(), at, clock: new ManualClock(at), customerIds: [customerId] });
}
const exposure = async (id: string) => (await must(t, EXPOSURE, { id })).customer.creditExposure;
const over = async () => (await must(t, OVER)).customers.edges.map((e: any) => e.node.id);

beforeAll(async () => {
  t = await startTestApp({ clock });
  await must(t, 'mutation { createProduct(input: { code: "toner", name: "Toner", kind: PHYSICAL, sku: "TN-1" }) { id } }');
  await must(t, 'mutation($input: CreatePriceInput!) { createPrice(input: $input) { id } }', {
    input: {
      code: 'toner-box',
      productCode: 'toner',
      currency: 'EUR',
      interval: 'MONTH',
      intervalCount: 1,
      rule: { kind: 'per_unit', config: { unitAmount: '10.00' } },
    },
  });
  await must(t, 'mutation($levels: [InventoryLevelInput!]!) { setInventoryLevels(levels: $levels) }', {
    levels: [{ sku: 'TN-1', available: '100000' }],
  });
});
afterAll(async () => {
  await t.close();
});

describe('placed orders in creditExposure', () => {
  it('counts what a billOn SHIPMENT order has still to invoice, until it ships or is canceled; the limit then holds the next order', async () => {
    const customerId = await createCustomer(t, 'currency: "EUR", taxStatus: EXEMPT, creditLimit: "150.00"');
    const locationId = (
      await must(t, 'mutation($input: CreateLocationInput!) { createLocation(input: $input) { id } }', {
        input: { customerId, name: 'Dock', address: { line1: 'Hafenstr. 1', city: 'Hamburg', country: 'DE' } },
      })
    ).createLocation.id;
    const first = await subscribe(customerId, locationId, 10, 'SHIPMENT', '2026-12-10T00:00:00Z');
    // A SCHEDULED order commits nothing yet.
    expect(await exposure(customerId)).toBe('0.00');
    await place(customerId, new Date('2026-12-10T00:00:00Z'));
    const order = await orderOf(first, 'PLACED');
    expect(order.total).toBe('100.00');
    // Placed, nothing invoiced: the whole order counts.
    expect(await exposure(customerId)).toBe('100.00');

    // A second delivery of 60.00 the same day would take it to 160.00, above 150.00: held, not placed.
    const second = await subscribe(customerId, locationId, 6, 'SHIPMENT', '2026-12-10T00:00:00Z');
    await place(customerId, new Date('2026-12-10T00:00:00Z'));
    expect(await orderOf(second, 'SCHEDULED')).toMatchObject({ holdReason: 'CREDIT_LIMIT' });
    expect(await exposure(customerId)).toBe('100.00');

    // Shipping 4 invoices 40.00: the invoice counts, the order only its rest: still 100.00.
    await must(t, SHIP, {
      input: {
        orderId: order.id,
        externalId: `EXP-${order.id}`,
        shippedAt: '2026-12-11T00:00:00Z',
        lines: [{ sku: 'TN-1', quantity: '4' }],
      },
    });
    expect(await exposure(customerId)).toBe('100.00');
    // Canceling the rest takes it off: 40.00, the shipment's invoice.
    await must(t, `mutation($input: CancelOrderLinesInput!) { cancelOrderLines(input: $input) { status } }`, {
      input: { orderId: order.id },
    });
    expect(await exposure(customerId)).toBe('40.00');
  });

  it('is the same figure in the list filter, and a billOn ORDER order counts once (as its invoice)', async () => {
    const customerId = await createCustomer(t, 'currency: "EUR", taxStatus: EXEMPT, creditLimit: "150.00"');
    const locationId = (
      await must(t, 'mutation($input: CreateLocationInput!) { createLocation(input: $input) { id } }', {
        input: { customerId, name: 'Dock', address: { line1: 'Hafenstr. 1', city: 'Hamburg', country: 'DE' } },
      })
    ).createLocation.id;
    const shipmentBilled = await subscribe(customerId, locationId, 9, 'SHIPMENT', '2026-12-10T00:00:00Z');
    const orderBilled = await subscribe(customerId, locationId, 5, 'ORDER', '2026-12-10T00:00:00Z');
    await place(customerId, new Date('2026-12-10T00:00:00Z'));
    expect(await orderOf(shipmentBilled, 'PLACED')).toBeDefined();
    expect(await orderOf(orderBilled, 'PLACED')).toBeDefined();
    // 90.00 to invoice + 50.00 invoiced.
    expect(await exposure(customerId)).toBe('140.00');
    expect(await over()).not.toContain(customerId);
    await must(t, 'mutation($id: ID!, $input: UpdateCustomerInput!) { updateCustomer(id: $id, input: $input) { id } }', {
      id: customerId,
      input: { creditLimit: '139.99' },
    });
    expect(await over()).toContain(customerId);
  });

  it("counts a group member's placed orders for its payer too (invoiceTo PARENT): the payer's limit holds the member's next order", async () => {
    const parent = await createCustomer(t, 'currency: "EUR", taxStatus: EXEMPT, creditLimit: "150.00"');
    const member = await createCustomer(t, `currency: "EUR", taxStatus: EXEMPT, parentId: "${parent}", invoiceTo: PARENT`);
    const locationId = (
      await must(t, 'mutation($input: CreateLocationInput!) { createLocation(input: $input) { id } }', {
        input: { customerId: member, name: 'Branch', address: { line1: 'Hafenstr. 2', city: 'Hamburg', country: 'DE' } },
      })
    ).createLocation.id;
    await subscribe(member, locationId, 10, 'SHIPMENT', '2026-12-10T00:00:00Z');
    await place(member, new Date('2026-12-10T00:00:00Z'));
    expect(await exposure(member)).toBe('100.00');
    expect(await exposure(parent)).toBe('100.00');
    const next = await subscribe(member, locationId, 6, 'SHIPMENT', '2026-12-10T00:00:00Z');
    await place(member, new Date('2026-12-10T00:00:00Z'));
    expect(await orderOf(next, 'SCHEDULED')).toMatchObject({ holdReason: 'CREDIT_LIMIT' });
  });
});
