import { boundRows } from '../../src/db/bound-query';
import { ManualClock } from '../../src/domain/shared/clock';
import { bill } from '../jobs/billing-support';
import { startTestApp, TestApp } from '../support/app';
import { createCustomer, must } from '../support/catalog';

// Goods-only subscriptions over many periods, and a year of a two-weekly delivery on a test clock (issue 17).
const clock = new ManualClock(new Date('2026-12-01T08:00:00Z'));
let t: TestApp;

const SHIP = `mutation($input: RecordShipmentInput!) { recordShipment(input: $input) { id } }`;
const ADVANCE = 'mutation($id: ID!, $to: DateTime!) { advanceTestClock(id: $id, to: $to) { id } }';

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
async function ordersOf(subscriptionId: string): Promise<any[]> {
  const q = `query($s: ID, $after: String) { orders(subscriptionId: $s, first: 100, after: $after) {
    edges { node { id number status scheduledFor placedAt total lines { sku priceCode quantity quantityOrdered quantityBackordered quantityShipped amount } } }
    pageInfo { hasNextPage endCursor } } }`;
  const all: any[] = [];
  for (let after: string | null = null; ;) {
    const page: any = (await must(t, q, { s: subscriptionId, after })).orders;
    all.push(...page.edges.map((e: any) => e.node));
    if (!page.pageInfo.hasNextPage) return all;
    after = page.pageInfo.endCursor;
  }
}
/** Every invoice of the customer, as stored: its billing key says what made it. */
async function invoicesOf(customerId: string): Promise<{ key: string; number: string; total: string }[]> {
  return boundRows(
    t.app.db.orm.em.fork(),
    `select billing_key as key, number, total::text as total from invoice where customer_id = ? order by number`,
    [customerId],
  );
}
async function ship(orderId: string, externalId: string, shippedAt: string, lines: [string, string][]): Promise<void> {
  await must(t, SHIP, {
    input: {
      orderId,
      externalId,
      carrier: 'DHL',
      trackingNumber: `TRK-${externalId}`,
      shippedAt,
      lines: lines.map(([sku, quantity]) => ({ sku, quantity })),
    },
  });
}

beforeAll(async () => {
  t = await startTestApp({ clock });
  await must(t, 'mutation { createProduct(input: { code: "toner", name: "Toner", kind: PHYSICAL, sku: "TN-1" }) { id } }');
  await must(t, 'mutation { createProduct(input: { code: "paper", name: "Paper", kind: PHYSICAL, sku: "PP-1" }) { id } }');
  const price = (code: string, productCode: string, unitAmount: string) =>
    must(t, 'mutation($input: CreatePriceInput!) { createPrice(input: $input) { id } }', {
      input: {
        code,
        productCode,
        currency: 'EUR',
        interval: 'MONTH',
        intervalCount: 1,
        rule: { kind: 'per_unit', config: { unitAmount } },
      },
    });
  await price('toner-box', 'toner', '5.00');
  await price('paper-ream', 'paper', '3.00');
  // The year's goods, on SKUs of their own.
  await must(t, 'mutation { createProduct(input: { code: "ink", name: "Ink", kind: PHYSICAL, sku: "INK-1" }) { id } }');
  await must(t, 'mutation { createProduct(input: { code: "tape", name: "Tape", kind: PHYSICAL, sku: "TP-1" }) { id } }');
  await price('ink-cartridge', 'ink', '5.00');
  await price('tape-roll', 'tape', '3.00');
});
afterAll(async () => {
  await t.close();
});

describe('a goods-only subscription', () => {
  it('gets no period invoices of 0.00 over several periods, nor at its start or its end: only its shipments are invoiced', async () => {
    const clockId = (await must(t, 'mutation { createTestClock(frozenTime: "2027-01-04T00:00:00Z", name: "goods") { id } }'))
      .createTestClock.id;
    const customerId = await createCustomer(t, `currency: "EUR", taxStatus: EXEMPT, testClockId: "${clockId}"`);
    const locationId = await location(customerId);
    await stock({ 'TN-1': '100000' });
    const sub = (
      await must(t, 'mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }', {
        input: {
          customerId,
          items: [{ priceCode: 'toner-box', quantity: '2' }],
          delivery: { every: 1, unit: 'MONTH', locationId, firstDeliveryAt: '2027-01-10T00:00:00Z' },
        },
      })
    ).createSubscription.id;
    expect(await invoicesOf(customerId)).toEqual([]);
    // Three period ends (4 Feb, Mar, Apr) through the billing run's batch path.
    await must(t, ADVANCE, { id: clockId, to: '2027-04-20T00:00:00Z' });
    const history = await boundRows<{ type: string }>(
      t.app.db.orm.em.fork(),
      `select type from subscription_event where subscription_id = ? order by version`,
      [sub],
    );
    expect(history.filter((h) => h.type === 'period_closed')).toHaveLength(3);
    const placed = (await ordersOf(sub)).filter((o) => o.status === 'PLACED');
    expect(placed.map((o) => o.scheduledFor)).toEqual([
      '2027-01-10T00:00:00.000Z',
      '2027-02-10T00:00:00.000Z',
      '2027-03-10T00:00:00.000Z',
      '2027-04-10T00:00:00.000Z',
    ]);
    for (const [i, o] of placed.entries()) await ship(o.id, `G-${i}`, o.scheduledFor, [['TN-1', '2']]);
    // Canceling at the period end: the final boundary goes one subscription at a time (closeBoundary), and bills nothing either.
    await must(t, 'mutation($id: ID!) { cancelSubscription(id: $id, atPeriodEnd: true) { id } }', { id: sub });
    await must(t, ADVANCE, { id: clockId, to: '2027-05-05T00:00:00Z' });
    const status = (await must(t, 'query($id: ID!) { subscription(id: $id) { status } }', { id: sub })).subscription.status;
    expect(status).toBe('CANCELED');
    const invoices = await invoicesOf(customerId);
    expect(invoices).toHaveLength(4);
    expect(invoices.every((i) => i.key.startsWith('shipment:') && i.total === '10')).toBe(true);
  });

  it('on the real clock too: a billing run closes its period without an invoice, and a replay does nothing', async () => {
    const customerId = await createCustomer(t, 'currency: "EUR", taxStatus: EXEMPT');
    const locationId = await location(customerId);
    const sub = (
      await must(t, 'mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id currentPeriodEnd } }', {
        input: {
          customerId,
          items: [{ priceCode: 'paper-ream', quantity: '1' }],
          delivery: { every: 1, unit: 'MONTH', locationId, firstDeliveryAt: '2026-12-20T00:00:00Z' },
        },
      })
    ).createSubscription;
    const at = sub.currentPeriodEnd;
    const run = await bill(t, clock, at, { customerIds: [customerId] });
    expect(run).toMatchObject({ subscriptionsProcessed: 1, invoicesCreated: 0, subscriptionsFailed: 0 });
    expect((await bill(t, clock, at, { customerIds: [customerId] })).subscriptionsProcessed).toBe(0);
    const after = (await must(t, 'query($id: ID!) { subscription(id: $id) { currentPeriodStart } }', { id: sub.id })).subscription;
    expect(after.currentPeriodStart).toBe(at);
    expect(await invoicesOf(customerId)).toEqual([]);
  });
});

describe('a year of a two-weekly delivery on a test clock', () => {
  const DAY = 86_400_000;
  /** Delivery n of the schedule: 11 January 2027, 06:00, and every 14 days after. */
  const date = (n: number) => new Date(Date.parse('2027-01-11T06:00:00Z') + n * 14 * DAY).toISOString();
  let clockId: string;
  let customerId: string;
  let sub: string;
  const advance = (to: string) => must(t, ADVANCE, { id: clockId, to });
  const byIndex = async () => (await ordersOf(sub)).sort((a, b) => a.number.localeCompare(b.number));
  /** Ships every line of these orders in full (what is left of each), the day after its date. */
  async function shipInFull(orders: any[], prefix = 'S'): Promise<void> {
    for (const o of orders) {
      const left = o.lines.map((l: any) => [l.sku, String(Number(l.quantity) - Number(l.quantityShipped))] as [string, string]);
      await ship(o.id, `${prefix}-${o.scheduledFor.slice(0, 10)}`, new Date(Date.parse(o.scheduledFor) + DAY).toISOString(), left);
    }
  }

  it('gives exactly the orders, shipments and invoices computed by hand: one skip, one reschedule, one swap, one shortage, partial shipments', async () => {
    clockId = (await must(t, 'mutation { createTestClock(frozenTime: "2027-01-04T00:00:00Z", name: "a year") { id } }')).createTestClock.id;
    customerId = await createCustomer(t, `currency: "EUR", taxStatus: TAXABLE, taxRate: "19", testClockId: "${clockId}"`);
    const locationId = await location(customerId);
    // 42 cartridges: ten orders of 4 and 2 more; the eleventh toner order runs short.
    await stock({ 'INK-1': '42', 'TP-1': '100' });
    sub = (
      await must(t, 'mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }', {
        input: {
          customerId,
          purchaseOrderNumber: 'PO-2027',
          items: [{ priceCode: 'ink-cartridge', quantity: '4' }],
          delivery: { every: 2, unit: 'WEEK', locationId, firstDeliveryAt: date(0), billOn: 'SHIPMENT' },
        },
      })
    ).createSubscription.id;

    // Stop 1: deliveries 0-2 placed. Delivery 1 ships 3 now and 1 later; delivery 3 is skipped.
    await advance('2027-02-10T00:00:00Z');
    let orders = await byIndex();
    expect(orders.map((o) => [o.scheduledFor, o.status])).toEqual([
      [date(0), 'PLACED'],
      [date(1), 'PLACED'],
      [date(2), 'PLACED'],
      [date(3), 'SCHEDULED'],
    ]);
    await shipInFull([orders[0], orders[2]]);
    await ship(orders[1].id, 'S-1a', '2027-01-26T10:00:00Z', [['INK-1', '3']]);
    await must(t, 'mutation($id: ID!) { skipOrder(id: $id) { status } }', { id: orders[3].id });

    // Stop 2: delivery 4 placed; the rest of delivery 1 ships; delivery 5 moves from 22 to 25 March.
    await advance('2027-03-10T00:00:00Z');
    orders = await byIndex();
    expect(orders.slice(3).map((o) => [o.scheduledFor, o.status])).toEqual([
      [date(3), 'SKIPPED'],
      [date(4), 'PLACED'],
      [date(5), 'SCHEDULED'],
    ]);
    await ship(orders[1].id, 'S-1b', '2027-03-01T10:00:00Z', [['INK-1', '1']]);
    await shipInFull([orders[4]]);
    await must(t, 'mutation($id: ID!, $to: DateTime!) { rescheduleOrder(id: $id, to: $to) { scheduledFor } }', {
      id: orders[5].id,
      to: '2027-03-25T06:00:00Z',
    });

    // Stop 3: deliveries 5 (on its new date), 6 and 7 placed; delivery 8 swaps the ink for 10 rolls of tape, for that order only.
    await advance('2027-04-20T00:00:00Z');
    orders = await byIndex();
    expect(orders.slice(5).map((o) => [o.scheduledFor, o.status])).toEqual([
      ['2027-03-25T06:00:00.000Z', 'PLACED'],
      [date(6), 'PLACED'],
      [date(7), 'PLACED'],
      [date(8), 'SCHEDULED'],
    ]);
    await shipInFull(orders.slice(5, 8));
    await must(t, 'mutation($id: ID!, $lines: [OrderLineInput!]!) { updateOrderLines(id: $id, lines: $lines) { id } }', {
      id: orders[8].id,
      lines: [{ priceCode: 'tape-roll', quantity: '10' }],
    });

    // Stop 4: deliveries 8-12 placed; delivery 12 finds 2 cartridges of 4 (BACKORDER): 2 ship now, 2 after the restock.
    await advance('2027-07-01T00:00:00Z');
    orders = await byIndex();
    expect(orders.slice(8).map((o) => [o.scheduledFor, o.status])).toEqual([
      [date(8), 'PLACED'],
      [date(9), 'PLACED'],
      [date(10), 'PLACED'],
      [date(11), 'PLACED'],
      [date(12), 'BACKORDERED'],
      [date(13), 'SCHEDULED'],
    ]);
    expect(orders[12].lines).toEqual([
      expect.objectContaining({ sku: 'INK-1', quantity: '4', quantityOrdered: '4', quantityBackordered: '2', amount: '20.00' }),
    ]);
    await shipInFull(orders.slice(8, 12));
    await ship(orders[12].id, 'S-12a', '2027-06-29T10:00:00Z', [['INK-1', '2']]);
    await stock({ 'INK-1': '1000' });

    // Stop 5: the rest of the year, deliveries 13-25; delivery 26 (10 January 2028) is the one ahead.
    await advance('2028-01-04T00:00:00Z');
    orders = await byIndex();
    await ship(orders[12].id, 'S-12b', '2027-07-02T10:00:00Z', [['INK-1', '2']]);
    await shipInFull(orders.slice(13, 26));

    // The orders, by hand: 27 deliveries (0-26), delivery 3 skipped, 5 moved, 8 tape, 26 ahead, every other shipped in full.
    orders = await byIndex();
    const ink = {
      sku: 'INK-1',
      priceCode: 'ink-cartridge',
      quantity: '4',
      quantityOrdered: '4',
      quantityBackordered: '0',
      quantityShipped: '4',
      amount: '20.00',
    };
    const expected = Array.from({ length: 27 }, (_, n) => {
      if (n === 3) return [date(3), 'SKIPPED', '23.80', [{ ...ink, quantityShipped: '0' }]];
      if (n === 5) return ['2027-03-25T06:00:00.000Z', 'SHIPPED', '23.80', [ink]];
      if (n === 8)
        return [
          date(8),
          'SHIPPED',
          '35.70',
          [
            {
              sku: 'TP-1',
              priceCode: 'tape-roll',
              quantity: '10',
              quantityOrdered: '10',
              quantityBackordered: '0',
              quantityShipped: '10',
              amount: '30.00',
            },
          ],
        ];
      if (n === 26) return [date(26), 'SCHEDULED', '23.80', [{ ...ink, quantityShipped: '0' }]];
      return [date(n), 'SHIPPED', '23.80', [ink]];
    });
    expect(orders.map((o) => [o.scheduledFor, o.status, o.total, o.lines])).toEqual(expected);
    // Placed on their (new) dates; numbers from the gapless series, one per delivery, in the order they were scheduled.
    for (const [n, o] of orders.entries()) {
      if (n !== 3 && n !== 26) expect([n, o.placedAt]).toEqual([n, o.scheduledFor]);
    }
    const seqs = orders.map((o) => Number(o.number.split('-')[2]));
    expect(new Set(orders.map((o) => o.number.split('-')[1])).size).toBe(1);
    expect(seqs.slice(1).every((x, i) => x > seqs[i])).toBe(true);
    const all = await boundRows<{ number: string }>(t.app.db.orm.em.fork(), 'select number from customer_order', []);
    const byYear = new Map<string, number[]>();
    for (const { number } of all)
      byYear.set(number.split('-')[1], [...(byYear.get(number.split('-')[1]) ?? []), Number(number.split('-')[2])]);
    for (const [year, list] of byYear) expect([year, list.sort((a, b) => a - b)]).toEqual([year, list.map((_, i) => i + 1)]);

    // Stock: 42 − 11 orders of ink up to the shortage (44 asked, 42 there); reset to 1000, then 13 orders of 4. Tape: 100 − 10.
    const levels = await boundRows<{ sku: string; a: string }>(
      t.app.db.orm.em.fork(),
      `select sku, available::text as a from inventory_level where sku in ('INK-1', 'TP-1') order by sku`,
      [],
    );
    expect(levels.map((l) => [l.sku, Number(l.a)])).toEqual([
      ['INK-1', 1000 - 13 * 4],
      ['TP-1', 90],
    ]);

    // The invoices, by hand: one per shipment, at the order's prices (4 × 5.00 = 20.00 + 19 % = 3.80; tape 30.00 + 5.70),
    // partial shipments pro rata (3 of 4: 15.00 + 2.85, the rest 5.00 + 0.95; 2 of 4: 10.00 + 1.90 twice). No period invoice.
    const invoices = await boundRows<{ key: string; ext: string; subtotal: string; tax: string; total: string; po: string }>(
      t.app.db.orm.em.fork(),
      `select i.billing_key as key, s.external_id as ext, i.subtotal::numeric(12, 2)::text as subtotal, i.tax::numeric(12, 2)::text as tax,
              i.total::numeric(12, 2)::text as total, i.purchase_order_number as po
         from invoice i left join shipment s on i.billing_key = 'shipment:' || s.id where i.customer_id = ? order by s.external_id`,
      [customerId],
    );
    const full = (n: number) => [`S-${date(n).slice(0, 10)}`, '20.00', '3.80', '23.80'];
    const expectedInvoices = [
      ...[0, 2, 4, 5, 6, 7].map((n) => (n === 5 ? ['S-2027-03-25', '20.00', '3.80', '23.80'] : full(n))),
      ['S-2027-05-03', '30.00', '5.70', '35.70'],
      ...[9, 10, 11, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25].map(full),
      ['S-1a', '15.00', '2.85', '17.85'],
      ['S-1b', '5.00', '0.95', '5.95'],
      ['S-12a', '10.00', '1.90', '11.90'],
      ['S-12b', '10.00', '1.90', '11.90'],
    ].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    expect(invoices.map((i) => [i.ext, i.subtotal, i.tax, i.total])).toEqual(expectedInvoices);
    expect(invoices.every((i) => i.key.startsWith('shipment:') && i.po === 'PO-2027')).toBe(true);
    // Every document adds up: what was invoiced is what the shipped orders total.
    const invoiced = invoices.reduce((s, i) => s + Math.round(Number(i.total) * 100), 0);
    expect(invoiced).toBe(24 * 2380 + 3570);
  }, 120_000);
});
