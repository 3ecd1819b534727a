import { ManualClock } from '../../src/domain/shared/clock';
import { startTestApp, TestApp } from '../support/app';
import { createCustomer, must } from '../support/catalog';
import {
  createGoodsCatalog,
  createLocation,
  customerKey,
  errorOf,
  eventsOf,
  ordersOf,
  placeDue,
  portalKey,
  setStock,
  subscribeGoods,
} from '../support/goods';

// updateSubscriptionDelivery (issue 17): a new ship-to location or frequency; the SCHEDULED
// orders not yet frozen follow it, frozen and placed ones stay, and one next order remains.
const NOW = new Date('2026-12-01T08:00:00Z');
const clock = new ManualClock(NOW);
let t: TestApp;

const UPDATE = `mutation($id: ID!, $input: UpdateSubscriptionDeliveryInput!) {
  updateSubscriptionDelivery(subscriptionId: $id, input: $input) { id nextOrderAt delivery { every unit locationId firstDeliveryAt } } }`;
const statusAndDates = async (sub: string) => (await ordersOf(t, sub)).map((o) => [o.status, o.scheduledFor]);

beforeAll(async () => {
  t = await startTestApp({ clock });
  await createGoodsCatalog(t);
  await setStock(t, { 'GL-1': '1000' });
});
beforeEach(() => clock.set(NOW));
afterAll(async () => {
  await t.close();
});

describe('updateSubscriptionDelivery', () => {
  it('a new frequency re-dates the next order on the new cadence from the last delivery; the billing run follows it', async () => {
    const customerId = await createCustomer(t);
    const { sub } = await subscribeGoods(t, customerId, '2026-12-01T08:00:00Z');
    expect(await placeDue(t, clock, '2026-12-01T08:00:00Z', [customerId])).toBe(1);
    expect(await statusAndDates(sub)).toEqual([
      ['PLACED', '2026-12-01T08:00:00.000Z'],
      ['SCHEDULED', '2026-12-15T08:00:00.000Z'],
    ]);
    const buyer = await portalKey(t, customerId, 'BUYER');
    const monthly = (await must(t, UPDATE, { id: sub, input: { every: 1, unit: 'MONTH' } }, buyer)).updateSubscriptionDelivery;
    expect(monthly).toMatchObject({
      nextOrderAt: '2027-01-01T08:00:00.000Z',
      delivery: { every: 1, unit: 'MONTH', firstDeliveryAt: '2026-12-01T08:00:00.000Z' },
    });
    const [placed, next] = await ordersOf(t, sub);
    expect(next).toMatchObject({ status: 'SCHEDULED', scheduledFor: '2027-01-01T08:00:00.000Z', version: 2 });
    expect(await eventsOf(t, next.id)).toEqual(['order.scheduled', 'order.rescheduled']);
    expect(await eventsOf(t, placed.id)).toEqual(['order.scheduled', 'order.placed']);
    expect(await eventsOf(t, sub)).toContain('delivery_schedule.updated');

    // Daily: 2 and 3 December are inside the cut-off (2 days from now), so the first date after it is the 4th.
    await must(t, UPDATE, { id: sub, input: { every: 1, unit: 'DAY' } }, buyer);
    expect((await statusAndDates(sub))[1]).toEqual(['SCHEDULED', '2026-12-04T08:00:00.000Z']);
    // Back to monthly, and the billing run places the next one and schedules the one after on the new cadence.
    await must(t, UPDATE, { id: sub, input: { every: 1, unit: 'MONTH' } }, buyer);
    expect(await placeDue(t, clock, '2027-01-01T08:00:00Z', [customerId])).toBe(1);
    expect(await statusAndDates(sub)).toEqual([
      ['PLACED', '2026-12-01T08:00:00.000Z'],
      ['PLACED', '2027-01-01T08:00:00.000Z'],
      ['SCHEDULED', '2027-02-01T08:00:00.000Z'],
    ]);
  });

  it('a new frequency moves the goods MRR: a subscription event carries the new schedule to the revenue projection', async () => {
    const customerId = await createCustomer(t);
    const { sub } = await subscribeGoods(t, customerId, '2026-12-10T08:00:00Z');
    await must(t, UPDATE, { id: sub, input: { every: 1, unit: 'MONTH' } });
    await must(t, UPDATE, { id: sub, input: { locationId: await createLocation(t, customerId, 'Dock 2') } }); // no new value
    const movements = await t.app.db.orm.em
      .fork()
      .execute(
        'select kind, delta::text, goods_delta::text, mrr_after::text, cause from mrr_movement where subscription_id = ? order by at, kind',
        [sub],
      );
    // 4 boxes × 2.50 = 10.00 a delivery: every 2 weeks 10.00 × 30.436875 / 14 = 21.740625 a month, then 10.00 a month.
    expect(movements).toEqual([
      { kind: 'NEW', delta: '21.740625', goods_delta: '21.740625', mrr_after: '21.740625', cause: 'subscription.created' },
      { kind: 'CONTRACTION', delta: '-11.740625', goods_delta: '-11.740625', mrr_after: '10', cause: 'subscription.updated' },
    ]);
  });

  it('a frozen next order keeps its date and location; the deliveries after it follow the change', async () => {
    const customerId = await createCustomer(t);
    const { sub, locationId } = await subscribeGoods(t, customerId, '2026-12-02T00:00:00Z');
    const dock = await createLocation(t, customerId, 'Dock');
    const changed = (await must(t, UPDATE, { id: sub, input: { every: 3, locationId: dock } }, await customerKey(t, customerId)))
      .updateSubscriptionDelivery;
    expect(changed.delivery).toMatchObject({ every: 3, unit: 'WEEK', locationId: dock });
    const [frozen] = await ordersOf(t, sub);
    expect(frozen).toMatchObject({ scheduledFor: '2026-12-02T00:00:00.000Z', location: { id: locationId }, version: 1 });
    expect(await placeDue(t, clock, '2026-12-02T00:00:00Z', [customerId])).toBe(1);
    const [, next] = await ordersOf(t, sub);
    expect(next).toMatchObject({ status: 'SCHEDULED', scheduledFor: '2026-12-23T00:00:00.000Z', location: { id: dock } });
  });

  it('a new location alone goes on the open order without moving it', async () => {
    const customerId = await createCustomer(t);
    const { sub } = await subscribeGoods(t, customerId, '2026-12-10T00:00:00Z');
    await must(t, 'mutation($id: ID!, $to: DateTime!) { rescheduleOrder(id: $id, to: $to) { id } }', {
      id: (await ordersOf(t, sub))[0].id,
      to: '2026-12-12T00:00:00Z',
    });
    const dock = await createLocation(t, customerId, 'Dock');
    await must(t, UPDATE, { id: sub, input: { locationId: dock } }, await portalKey(t, customerId, null));
    const [order] = await ordersOf(t, sub);
    expect(order).toMatchObject({ scheduledFor: '2026-12-12T00:00:00.000Z', location: { id: dock }, version: 3 });
    expect(await eventsOf(t, order.id)).toEqual(['order.scheduled', 'order.rescheduled', 'order.updated']);
  });

  it('refuses bad input at its field, other roles and customers, and changes nothing then', async () => {
    const customerId = await createCustomer(t);
    const { sub, locationId } = await subscribeGoods(t, customerId, '2026-12-10T00:00:00Z');
    const elsewhere = await createLocation(t, await createCustomer(t), 'Elsewhere');
    for (const [input, field] of [
      [{}, 'input'],
      [{ every: 0 }, 'input.every'],
      [{ every: 366, unit: 'DAY' }, 'input.every'],
      [{ locationId: 'nope' }, 'input.locationId'],
      [{ locationId: elsewhere }, 'input.locationId'],
    ] as const) {
      expect(await errorOf(t, UPDATE, { id: sub, input })).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    // A customer's key may not learn of another customer's location.
    expect(await errorOf(t, UPDATE, { id: sub, input: { locationId: elsewhere } }, await customerKey(t, customerId))).toMatchObject({
      code: 'FORBIDDEN',
    });
    for (const role of ['VIEWER', 'ACCOUNTS_PAYABLE']) {
      expect(await errorOf(t, UPDATE, { id: sub, input: { every: 1 } }, await portalKey(t, customerId, role))).toMatchObject({
        code: 'FORBIDDEN',
      });
    }
    const other = await customerKey(t, await createCustomer(t));
    expect(await errorOf(t, UPDATE, { id: sub, input: { every: 1 } }, other)).toMatchObject({ code: 'FORBIDDEN' });
    for (const id of ['00000000-0000-4000-8000-000000000000', 'nope']) {
      expect(await errorOf(t, UPDATE, { id, input: { every: 1 } })).toMatchObject({ code: 'NOT_FOUND', field: 'subscriptionId' });
    }
    const unchanged = await must(t, 'query($id: ID!) { subscription(id: $id) { delivery { every unit locationId } } }', { id: sub });
    expect(unchanged.subscription.delivery).toEqual({ every: 2, unit: 'WEEK', locationId });
    expect(await eventsOf(t, sub)).not.toContain('delivery_schedule.updated');
  });
});
