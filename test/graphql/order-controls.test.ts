import { boundRows } from '../../src/db/bound-query';
import { ManualClock } from '../../src/domain/shared/clock';
import { startTestApp, TestApp } from '../support/app';
import { createCustomer, must } from '../support/catalog';

// Customer controls on a SCHEDULED order (issue 17): skip, reschedule, change lines, and the cut-off.
const clock = new ManualClock(new Date('2026-12-01T08:00:00Z'));
let t: TestApp;

const ORDER = 'id number status scheduledFor total version lines { sku priceCode quantity amount }';
const SKIP = `mutation($id: ID!) { skipOrder(id: $id) { ${ORDER} } }`;
const RESCHEDULE = `mutation($id: ID!, $to: DateTime!) { rescheduleOrder(id: $id, to: $to) { ${ORDER} } }`;
const UPDATE = `mutation($id: ID!, $lines: [OrderLineInput!]!) { updateOrderLines(id: $id, lines: $lines) { ${ORDER} } }`;
const ORDERS = `query($subscriptionId: ID) { orders(subscriptionId: $subscriptionId, first: 100) { edges { node { ${ORDER} } } } }`;

/** By delivery date: orders made at one instant (the request clock does not move here) list in id order. */
async function ordersOf(subscriptionId: string): Promise<any[]> {
  const orders = (await must(t, ORDERS, { subscriptionId })).orders.edges.map((e: any) => e.node);
  return orders.sort((a: any, b: any) => a.scheduledFor.localeCompare(b.scheduledFor));
}
async function errorOf(query: string, variables: Record<string, unknown>, key?: string) {
  const res = await t.gql(query, variables, key);
  expect(res.errors).toHaveLength(1);
  const e = res.errors![0];
  return { code: e.extensions?.code, field: e.extensions?.field, reason: e.extensions?.reason };
}
async function subscribeGoods(customerId: string, firstDeliveryAt: string): Promise<{ sub: string; first: any }> {
  const locationId = (
    await must(t, 'mutation($input: CreateLocationInput!) { createLocation(input: $input) { id } }', {
      input: { customerId, name: 'Lab', address: { line1: 'Main St 1', city: 'Oslo', country: 'NO' } },
    })
  ).createLocation.id;
  const sub = (
    await must(t, 'mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }', {
      input: {
        customerId,
        items: [{ priceCode: 'gloves-box', quantity: '4' }],
        delivery: { every: 2, unit: 'WEEK', locationId, firstDeliveryAt },
      },
    })
  ).createSubscription.id;
  return { sub, first: (await ordersOf(sub))[0] };
}
async function eventsOf(orderId: string): Promise<string[]> {
  const rows = await boundRows<{ type: string }>(
    t.app.db.orm.em.fork(),
    'select type from domain_event where aggregate_id = ? order by aggregate_seq',
    [orderId],
  );
  return rows.map((r) => r.type);
}

beforeAll(async () => {
  t = await startTestApp({ clock });
  for (const [code, sku] of [
    ['gloves', 'GL-1'],
    ['masks', 'MS-1'],
  ]) {
    await must(t, 'mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }', {
      input: { code, name: code, kind: 'PHYSICAL', sku },
    });
  }
  await must(t, 'mutation { createProduct(input: { code: "support", name: "Support" }) { id } }');
  for (const [code, productCode, unitAmount] of [
    ['gloves-box', 'gloves', '2.50'],
    ['masks-box', 'masks', '7.00'],
    ['support-hour', 'support', '90.00'],
  ]) {
    await must(t, 'mutation($input: CreatePriceInput!) { createPrice(input: $input) { id } }', {
      input: {
        code,
        productCode,
        currency: 'EUR',
        interval: 'MONTH',
        intervalCount: 1,
        rule: { kind: 'per_unit', config: { unitAmount } },
      },
    });
  }
});
afterAll(async () => {
  await t.close();
});

describe('customer controls', () => {
  it('skips a scheduled order and schedules the next delivery; a skipped order cannot be changed again', async () => {
    const customerId = await createCustomer(t);
    const { sub, first } = await subscribeGoods(customerId, '2026-12-10T00:00:00Z');
    const key = (
      await must(t, 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }', {
        input: { role: 'CUSTOMER', name: 'buyer', customerId },
      })
    ).createApiKey.secret;
    expect((await must(t, SKIP, { id: first.id }, key)).skipOrder).toMatchObject({ status: 'SKIPPED', version: 2 });
    const orders = await ordersOf(sub);
    expect(orders.map((o) => [o.status, o.scheduledFor])).toEqual([
      ['SKIPPED', '2026-12-10T00:00:00.000Z'],
      ['SCHEDULED', '2026-12-24T00:00:00.000Z'],
    ]);
    expect(await eventsOf(first.id)).toEqual(['order.scheduled', 'order.skipped']);
    expect(await errorOf(SKIP, { id: first.id })).toMatchObject({ code: 'CONFLICT', reason: 'ORDER_NOT_SCHEDULED' });
    // Another customer's key may not touch it.
    const other = await createCustomer(t);
    const otherKey = (
      await must(t, 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }', {
        input: { role: 'CUSTOMER', name: 'other', customerId: other },
      })
    ).createApiKey.secret;
    expect(await errorOf(SKIP, { id: orders[1].id }, otherKey)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('reschedules within the window, refusing the frozen window and a date past the next delivery', async () => {
    const customerId = await createCustomer(t);
    const { first } = await subscribeGoods(customerId, '2026-12-10T00:00:00Z');
    const moved = (await must(t, RESCHEDULE, { id: first.id, to: '2026-12-12T00:00:00Z' })).rescheduleOrder;
    expect(moved).toMatchObject({ scheduledFor: '2026-12-12T00:00:00.000Z', status: 'SCHEDULED' });
    expect(await errorOf(RESCHEDULE, { id: first.id, to: '2026-12-02T00:00:00Z' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    expect(await errorOf(RESCHEDULE, { id: first.id, to: '2026-12-24T00:00:00Z' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    expect(await eventsOf(first.id)).toEqual(['order.scheduled', 'order.rescheduled']);
  });

  it('changes the lines of this order only (a swap and a quantity), priced again; refuses bad lines', async () => {
    const customerId = await createCustomer(t);
    const { sub, first } = await subscribeGoods(customerId, '2026-12-10T00:00:00Z');
    expect(first.total).toBe('10.00');
    const updated = (
      await must(t, UPDATE, {
        id: first.id,
        lines: [
          { priceCode: 'masks-box', quantity: '2' },
          { priceCode: 'gloves-box', quantity: '1' },
        ],
      })
    ).updateOrderLines;
    expect(updated).toMatchObject({ total: '16.50' });
    expect(updated.lines.map((l: any) => [l.sku, l.quantity, l.amount])).toEqual([
      ['MS-1', '2', '14.00'],
      ['GL-1', '1', '2.50'],
    ]);
    const sched = (await must(t, 'query($id: ID!) { subscription(id: $id) { delivery { items { priceCode quantity } } } }', { id: sub }))
      .subscription;
    expect(sched.delivery.items).toEqual([{ priceCode: 'gloves-box', quantity: '4' }]);
    for (const [lines, field] of [
      [[], 'lines'],
      [[{ priceCode: 'support-hour', quantity: '1' }], 'lines[0].priceCode'],
      [[{ priceCode: 'nope', quantity: '1' }], 'lines[0].priceCode'],
      [[{ priceCode: 'masks-box', quantity: '0' }], 'lines[0].quantity'],
      [
        [
          { priceCode: 'masks-box', quantity: '1' },
          { priceCode: 'masks-box', quantity: '2' },
        ],
        'lines[1].priceCode',
      ],
    ] as const) {
      expect(await errorOf(UPDATE, { id: first.id, lines })).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect((await ordersOf(sub))[0].total).toBe('16.50');
  });

  it('freezes an order orderLeadDays before its date (default 2; the seller may change it)', async () => {
    const customerId = await createCustomer(t);
    const { first } = await subscribeGoods(customerId, '2026-12-03T00:00:00Z');
    expect(await errorOf(SKIP, { id: first.id })).toMatchObject({ code: 'CONFLICT', reason: 'ORDER_FROZEN' });
    expect(await errorOf(UPDATE, { id: first.id, lines: [{ priceCode: 'gloves-box', quantity: '1' }] })).toMatchObject({
      reason: 'ORDER_FROZEN',
    });
    await must(t, 'mutation { updateSellerSettings(input: { orderLeadDays: 0 }) { orderLeadDays } }');
    expect((await must(t, SKIP, { id: first.id })).skipOrder.status).toBe('SKIPPED');
    await must(t, 'mutation { updateSellerSettings(input: { orderLeadDays: 2 }) { orderLeadDays } }');
    expect(await errorOf('mutation { updateSellerSettings(input: { orderLeadDays: 31 }) { orderLeadDays } }', {})).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.orderLeadDays',
    });
  });

  it('an unknown order is NOT_FOUND', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'nope']) {
      expect(await errorOf(SKIP, { id })).toMatchObject({ code: 'NOT_FOUND' });
    }
  });
});
