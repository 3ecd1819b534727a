import { ManualClock } from '../../src/domain/shared/clock';
import { startTestApp, TestApp } from '../support/app';
import { createCustomer, must } from '../support/catalog';
import {
  createGoodsCatalog,
  customerKey,
  errorOf,
  eventsOf,
  invoiceKeysOf,
  ORDER_FIELDS,
  ordersOf,
  placeDue,
  portalKey,
  setStock,
  subscribeGoods,
} from '../support/goods';

// "Send now" (issue 17): the next SCHEDULED order placed at once by the billing run's placement;
// the cadence restarts from today; a second call or a billing run never places it twice.
const clock = new ManualClock(new Date('2026-12-01T08:00:00Z'));
const NOW = '2026-12-01T08:00:00.000Z';
let t: TestApp;

const SEND_NOW = `mutation($id: ID!) { sendOrderNow(id: $id) { ${ORDER_FIELDS} } }`;

beforeAll(async () => {
  t = await startTestApp({ clock });
  await createGoodsCatalog(t);
  await setStock(t, { 'GL-1': '1000' });
});
beforeEach(() => clock.set(new Date(NOW)));
afterAll(async () => {
  await t.close();
});

describe('sendOrderNow', () => {
  it('over the credit limit is CONFLICT CREDIT_LIMIT with the figures, and writes nothing: the order stays SCHEDULED, not held', async () => {
    const customerId = await createCustomer(t);
    await must(t, 'mutation($id: ID!) { updateCustomer(id: $id, input: { creditLimit: "5.00" }) { id } }', { id: customerId });
    const { sub } = await subscribeGoods(t, customerId, '2026-12-20T00:00:00Z', { billOn: 'ORDER' });
    const [first] = await ordersOf(t, sub);
    const refused = await t.gql(SEND_NOW, { id: first.id }, await portalKey(t, customerId, 'BUYER'));
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'CREDIT_LIMIT',
      creditLimit: '5.00',
      creditExposure: '0.00',
      amount: '10.00',
    });
    expect(await ordersOf(t, sub)).toEqual([
      expect.objectContaining({ id: first.id, status: 'SCHEDULED', scheduledFor: '2026-12-20T00:00:00.000Z', placedAt: null }),
    ]);
    expect(await eventsOf(t, first.id)).toEqual(['order.scheduled']);
    expect(await invoiceKeysOf(t, customerId)).toEqual([]);
  });

  it("a BUYER's portal session places the next order today, priced, stocked, PO carried and invoiced (billOn ORDER); the next follows from today", async () => {
    const customerId = await createCustomer(t);
    const { sub } = await subscribeGoods(t, customerId, '2026-12-20T00:00:00Z', { billOn: 'ORDER', purchaseOrderNumber: 'PO-77' });
    const [first] = await ordersOf(t, sub);
    const buyer = await portalKey(t, customerId, 'BUYER');
    const sent = (await must(t, SEND_NOW, { id: first.id }, buyer)).sendOrderNow;
    expect(sent).toMatchObject({
      id: first.id,
      status: 'PLACED',
      scheduledFor: NOW,
      placedAt: NOW,
      purchaseOrderNumber: 'PO-77',
      total: '10.00',
    });
    expect(sent.lines).toEqual([{ sku: 'GL-1', quantity: '4', amount: '10.00' }]);
    // Re-anchored: the next delivery is one interval (two weeks) after today, not on 3 January as before.
    expect((await ordersOf(t, sub)).map((o) => [o.status, o.scheduledFor])).toEqual([
      ['PLACED', NOW],
      ['SCHEDULED', '2026-12-15T08:00:00.000Z'],
    ]);
    expect(await eventsOf(t, first.id)).toEqual(['order.scheduled', 'order.placed']);
    expect(await invoiceKeysOf(t, customerId)).toEqual([`order:${first.id}`]);
    const level = await must(t, '{ product(code: "gloves") { inventory { available } } }');
    expect(level.product.inventory.available).toBe('996');

    // Again: refused, nothing placed twice; the billing run on the old date places nothing, on the new one the next order.
    expect(await errorOf(t, SEND_NOW, { id: first.id }, buyer)).toMatchObject({ code: 'CONFLICT', reason: 'ORDER_NOT_SCHEDULED' });
    expect(await placeDue(t, clock, '2026-12-14T08:00:00Z', [customerId])).toBe(0);
    expect(await placeDue(t, clock, '2026-12-15T08:00:00Z', [customerId])).toBe(1);
    expect((await ordersOf(t, sub)).map((o) => [o.status, o.scheduledFor])).toEqual([
      ['PLACED', NOW],
      ['PLACED', '2026-12-15T08:00:00.000Z'],
      ['SCHEDULED', '2026-12-29T08:00:00.000Z'],
    ]);
    expect(await invoiceKeysOf(t, customerId)).toHaveLength(2);
  });

  it('refuses VIEWER and ACCOUNTS_PAYABLE contacts and other customers (FORBIDDEN); a CUSTOMER key and staff may', async () => {
    const customerId = await createCustomer(t);
    const { sub } = await subscribeGoods(t, customerId, '2026-12-20T00:00:00Z');
    const [first] = await ordersOf(t, sub);
    for (const role of ['VIEWER', 'ACCOUNTS_PAYABLE']) {
      expect(await errorOf(t, SEND_NOW, { id: first.id }, await portalKey(t, customerId, role))).toMatchObject({ code: 'FORBIDDEN' });
    }
    const other = await customerKey(t, await createCustomer(t));
    expect(await errorOf(t, SEND_NOW, { id: first.id }, other)).toMatchObject({ code: 'FORBIDDEN' });
    expect((await ordersOf(t, sub)).map((o) => o.status)).toEqual(['SCHEDULED']);
    const own = await customerKey(t, customerId);
    expect((await must(t, SEND_NOW, { id: first.id }, own)).sendOrderNow.status).toBe('PLACED');
    const next = (await ordersOf(t, sub))[1];
    const sales = (
      await must(t, 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }', {
        input: { role: 'SALES', name: 's' },
      })
    ).createApiKey.secret;
    // The next one is dated two weeks out: sent now by the seller's staff too.
    expect((await must(t, SEND_NOW, { id: next.id }, sales)).sendOrderNow).toMatchObject({ status: 'PLACED', scheduledFor: NOW });
  });

  it('refuses a frozen order; an unknown one is NOT_FOUND', async () => {
    const customerId = await createCustomer(t);
    const { sub } = await subscribeGoods(t, customerId, '2026-12-02T00:00:00Z');
    const [first] = await ordersOf(t, sub);
    expect(await errorOf(t, SEND_NOW, { id: first.id })).toMatchObject({ code: 'CONFLICT', reason: 'ORDER_FROZEN' });
    for (const id of ['00000000-0000-4000-8000-000000000000', 'nope']) {
      expect(await errorOf(t, SEND_NOW, { id })).toMatchObject({ code: 'NOT_FOUND' });
    }
  });

  it('two concurrent calls place it once: one succeeds, the other is a CONFLICT, one order.placed, one next order', async () => {
    const customerId = await createCustomer(t);
    const { sub } = await subscribeGoods(t, customerId, '2026-12-20T00:00:00Z', { billOn: 'ORDER' });
    const [first] = await ordersOf(t, sub);
    const buyer = await portalKey(t, customerId, 'BUYER');
    const results = await Promise.all([t.gql(SEND_NOW, { id: first.id }, buyer), t.gql(SEND_NOW, { id: first.id }, buyer)]);
    const codes = results.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    expect((await ordersOf(t, sub)).map((o) => o.status)).toEqual(['PLACED', 'SCHEDULED']);
    expect(await eventsOf(t, first.id)).toEqual(['order.scheduled', 'order.placed']);
    expect(await invoiceKeysOf(t, customerId)).toHaveLength(1);
  });

  it('beside a concurrent delivery change on the same subscription: both succeed in either order, to the same schedule', async () => {
    const customerId = await createCustomer(t);
    const { sub } = await subscribeGoods(t, customerId, '2026-12-20T00:00:00Z');
    const [first] = await ordersOf(t, sub);
    const buyer = await portalKey(t, customerId, 'BUYER');
    const UPDATE =
      'mutation($id: ID!, $input: UpdateSubscriptionDeliveryInput!) { updateSubscriptionDelivery(subscriptionId: $id, input: $input) { id } }';
    const results = await Promise.all([
      t.gql(SEND_NOW, { id: first.id }, buyer),
      t.gql(UPDATE, { id: sub, input: { every: 1, unit: 'MONTH' } }, buyer),
    ]);
    expect(results.map((r) => r.errors ?? [])).toEqual([[], []]);
    // Sent first: the change re-dates the next order monthly from today. Changed first: sending re-anchors on today, monthly.
    expect((await ordersOf(t, sub)).map((o) => [o.status, o.scheduledFor])).toEqual([
      ['PLACED', NOW],
      ['SCHEDULED', '2027-01-01T08:00:00.000Z'],
    ]);
  });
});
