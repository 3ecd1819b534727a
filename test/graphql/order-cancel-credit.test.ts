import fc from 'fast-check';
import { boundRows } from '../../src/db/bound-query';
import { runOrderPlacement } from '../../src/domain/billing/order-run';
import { ManualClock } from '../../src/domain/shared/clock';
import { Decimal, ZERO } from '../../src/pricing/decimal';
import { startTestApp, TestApp } from '../support/app';
import { createCustomer, must } from '../support/catalog';

// Canceling placed quantities after invoicing (issue 17): credit notes, stock, and documents that add up.
const clock = new ManualClock(new Date('2026-12-01T08:00:00Z'));
let t: TestApp;
let subscriptions = 0;

const ORDER = `id number status total canceledTotal
  lines { sku quantity quantityShipped quantityBackordered quantityCanceled amount tax }
  invoices { id status subtotal tax total amountDue amountCredited }
  creditNotes { number subtotal tax total invoice { id } }`;
const READ = `query($id: ID!) { order(id: $id) { ${ORDER} } }`;
const SHIP = `mutation($input: RecordShipmentInput!) { recordShipment(input: $input) { id } }`;
const CANCEL_LINES = `mutation($input: CancelOrderLinesInput!) { cancelOrderLines(input: $input) { status } }`;
const CANCEL = `mutation($id: ID!, $reason: String) { cancelOrder(id: $id, reason: $reason) { status } }`;
const EXPOSURE = `query($id: ID!) { customer(id: $id) { creditExposure } }`;

type Billing = 'SHIPMENT' | 'ORDER';

async function errorOf(query: string, variables: Record<string, unknown>) {
  const res = await t.gql(query, variables);
  expect(res.errors).toHaveLength(1);
  const e = res.errors![0];
  return { code: e.extensions?.code, field: e.extensions?.field, reason: e.extensions?.reason };
}
async function stock(levels: Record<string, string>): Promise<void> {
  await must(t, 'mutation($levels: [InventoryLevelInput!]!) { setInventoryLevels(levels: $levels) }', {
    levels: Object.entries(levels).map(([sku, available]) => ({ sku, available })),
  });
}
async function available(sku: string): Promise<Decimal> {
  const [row] = await boundRows<{ a: string }>(t.app.db.orm.em.fork(), 'select available::text as a from inventory_level where sku = ?', [
    sku,
  ]);
  return new Decimal(row.a);
}
async function eventsOf(orderId: string): Promise<string[]> {
  const rows = await boundRows<{ type: string }>(
    t.app.db.orm.em.fork(),
    'select type from domain_event where aggregate_id = ? order by aggregate_seq',
    [orderId],
  );
  return rows.map((r) => r.type);
}

/** A placed order of `items` (priceCode → quantity) for a new customer at 19 % VAT, with `inStock` per SKU in the warehouse. */
async function placedOrder(billOn: Billing, items: Record<string, number>, inStock: Record<string, string>, customerFields = '') {
  const customerId = await createCustomer(t, `currency: "EUR", taxStatus: TAXABLE, taxRate: "19"${customerFields}`);
  const locationId = (
    await must(t, 'mutation($input: CreateLocationInput!) { createLocation(input: $input) { id } }', {
      input: { customerId, name: 'Dock', address: { line1: 'Hafenstr. 1', city: 'Hamburg', country: 'DE' } },
    })
  ).createLocation.id;
  subscriptions++;
  const sub = (
    await must(t, 'mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }', {
      input: {
        customerId,
        items: Object.entries(items).map(([priceCode, q]) => ({ priceCode, quantity: String(q) })),
        delivery: { every: 1, unit: 'MONTH', locationId, firstDeliveryAt: '2026-12-10T00:00:00Z', billOn },
      },
    })
  ).createSubscription.id;
  await stock(inStock);
  const at = new Date('2026-12-10T00:00:00Z');
  await runOrderPlacement({ fork: () => t.app.db.orm.em.fork(), at, clock: new ManualClock(at), customerIds: [customerId] });
  const orders = (
    await must(t, `query($s: ID) { orders(subscriptionId: $s, status: null, first: 10) { edges { node { id status } } } }`, { s: sub })
  ).orders.edges;
  const placed = orders.map((e: any) => e.node).find((o: any) => o.status !== 'SCHEDULED');
  return { customerId, order: (await must(t, READ, { id: placed.id })).order };
}
const shipment = (orderId: string, externalId: string, lines: { sku: string; quantity: string }[]) => ({
  input: { orderId, externalId, shippedAt: '2026-12-11T10:00:00Z', lines },
});
const sum = (xs: readonly { [k: string]: string }[], key: string) => xs.reduce((s, x) => s.plus(x[key]), ZERO);

/** What `units` of a line come to at the order's prices, computed here on its own: pro rata, half up to the cent; all of it, exactly the line. */
function shippedValue(line: { quantity: string; amount: string; tax: string }, units: Decimal) {
  const q = new Decimal(line.quantity);
  if (units.gte(q)) return { amount: new Decimal(line.amount), tax: new Decimal(line.tax) };
  const part = (x: string) => new Decimal(x).times(units).div(q).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  return { amount: part(line.amount), tax: part(line.tax) };
}

beforeAll(async () => {
  t = await startTestApp({ clock });
  await must(t, 'mutation { createProduct(input: { code: "toner", name: "Toner", kind: PHYSICAL, sku: "TN-1" }) { id } }');
  await must(t, 'mutation { createProduct(input: { code: "gloves", name: "Gloves", kind: PHYSICAL, sku: "GL-1" }) { id } }');
  const price = (code: string, productCode: string, rule: unknown) =>
    must(t, 'mutation($input: CreatePriceInput!) { createPrice(input: $input) { id } }', {
      input: { code, productCode, currency: 'EUR', interval: 'MONTH', intervalCount: 1, rule },
    });
  // 10 × 5.00, then 4.00 each: amounts that quantities rarely divide into cents.
  await price('toner-box', 'toner', {
    kind: 'graduated',
    config: {
      tiers: [
        { upTo: '10', unitAmount: '5.00' },
        { upTo: null, unitAmount: '4.00' },
      ],
    },
  });
  await price('gloves-pack', 'gloves', { kind: 'per_unit', config: { unitAmount: '3.33' } });
});
afterAll(async () => {
  await t.close();
});

describe('canceling after invoicing (billOn ORDER)', () => {
  it('credits the backordered rest of a partly shipped order, gives its reserved stock back, and the order ends SHIPPED', async () => {
    await stock({ 'TN-1': '0' });
    const { customerId, order } = await placedOrder('ORDER', { 'toner-box': 12 }, { 'TN-1': '8' });
    expect(order).toMatchObject({ status: 'BACKORDERED', total: '69.02', canceledTotal: '0.00' });
    expect(order.invoices).toEqual([expect.objectContaining({ status: 'OPEN', total: '69.02', amountDue: '69.02' })]);
    expect((await available('TN-1')).toFixed()).toBe('0');

    await must(t, SHIP, shipment(order.id, 'CC-1', [{ sku: 'TN-1', quantity: '5' }]));
    // 7 open: 4 backordered, 3 reserved. Canceling all of it gives back the 3 reserved.
    expect((await must(t, CANCEL_LINES, { input: { orderId: order.id, reason: 'no longer needed' } })).cancelOrderLines.status).toBe(
      'SHIPPED',
    );
    expect((await available('TN-1')).toFixed()).toBe('3');
    const now = (await must(t, READ, { id: order.id })).order;
    expect(now.lines[0]).toMatchObject({ quantityShipped: '5', quantityCanceled: '7', quantityBackordered: '0' });
    // 5 of 12 shipped: 58.00 × 5/12 = 24.17 and 11.02 × 5/12 = 4.59; the rest is credited: 33.83 + 6.43.
    expect(now.creditNotes).toEqual([
      { number: expect.stringMatching(/^CN-2026-/), subtotal: '33.83', tax: '6.43', total: '40.26', invoice: { id: now.invoices[0].id } },
    ]);
    expect(now.canceledTotal).toBe('40.26');
    expect(now.invoices[0]).toMatchObject({ status: 'OPEN', amountCredited: '40.26', amountDue: '28.76' });
    expect((await must(t, EXPOSURE, { id: customerId })).customer.creditExposure).toBe('28.76');
    expect((await eventsOf(order.id)).slice(-2)).toEqual(['order.shipped', 'order.lines_canceled']);
    // Nothing left to ship, nothing left to cancel.
    expect(await errorOf(CANCEL_LINES, { input: { orderId: order.id } })).toMatchObject({
      code: 'CONFLICT',
      reason: 'ORDER_NOT_CANCELABLE',
    });
  });

  it('credits a whole canceled order: the open invoice is credited to nothing due and becomes PAID', async () => {
    await stock({ 'TN-1': '0' });
    const { order } = await placedOrder('ORDER', { 'toner-box': 12 }, { 'TN-1': '20' });
    expect((await must(t, CANCEL, { id: order.id, reason: 'customer moved' })).cancelOrder.status).toBe('CANCELED');
    expect((await available('TN-1')).toFixed()).toBe('20');
    const now = (await must(t, READ, { id: order.id })).order;
    expect(now.creditNotes.map((n: any) => n.total)).toEqual(['69.02']);
    expect(now.invoices[0]).toMatchObject({ status: 'PAID', amountDue: '0.00', amountCredited: '69.02' });
    expect(now.lines[0].quantityCanceled).toBe('12');
    const [event] = await boundRows<{ payload: any }>(
      t.app.db.orm.em.fork(),
      `select payload from domain_event where aggregate_id = ? and type = 'order.canceled'`,
      [order.id],
    );
    expect(event.payload).toMatchObject({ reason: 'customer moved', creditNoteId: expect.any(String), status: 'CANCELED' });
  });

  it('credits a paid invoice as any credit note does: it stays PAID, the note records what is owed back', async () => {
    await stock({ 'TN-1': '0' });
    const { order } = await placedOrder('ORDER', { 'toner-box': 12 }, { 'TN-1': '20' });
    await must(t, 'mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { status } }', {
      input: { invoiceId: order.invoices[0].id, amount: '69.02', reference: `PAY-${order.number}` },
    });
    await must(t, CANCEL_LINES, { input: { orderId: order.id, lines: [{ sku: 'TN-1', quantity: '2' }] } });
    const now = (await must(t, READ, { id: order.id })).order;
    expect(now.status).toBe('PLACED');
    expect(now.invoices[0]).toMatchObject({ status: 'PAID', amountCredited: '11.51' });
    // 10 of 12 kept: 48.33 + 9.18; credited 9.67 + 1.84.
    expect(now.creditNotes.map((n: any) => [n.subtotal, n.tax, n.total])).toEqual([['9.67', '1.84', '11.51']]);
    expect(now.canceledTotal).toBe('11.51');
  });

  it('refuses to credit a DRAFT order invoice (a customer who reviews drafts): nothing is canceled', async () => {
    await stock({ 'TN-1': '0' });
    const { order } = await placedOrder('ORDER', { 'toner-box': 12 }, { 'TN-1': '20' }, ', invoiceDrafts: true');
    expect(order.invoices).toEqual([expect.objectContaining({ status: 'DRAFT', total: '69.02' })]);
    expect(await errorOf(CANCEL, { id: order.id })).toMatchObject({ code: 'CONFLICT', reason: 'ORDER_INVOICE_DRAFT' });
    const now = (await must(t, READ, { id: order.id })).order;
    expect(now).toMatchObject({ status: 'PLACED', canceledTotal: '0.00', creditNotes: [], lines: [{ quantityCanceled: '0' }] });
    expect((await available('TN-1')).toFixed()).toBe('8');
  });

  it('refuses bad quantities with the field named, writing nothing', async () => {
    await stock({ 'TN-1': '0' });
    const { order } = await placedOrder('ORDER', { 'toner-box': 12 }, { 'TN-1': '20' });
    for (const [lines, field] of [
      [[{ sku: 'TN-1', quantity: '13' }], 'input.lines[0].quantity'],
      [[{ sku: 'TN-1', quantity: '0' }], 'input.lines[0].quantity'],
      [[{ sku: 'NOPE', quantity: '1' }], 'input.lines[0].sku'],
      [
        [
          { sku: 'TN-1', quantity: '1' },
          { sku: 'TN-1', quantity: '1' },
        ],
        'input.lines[1].sku',
      ],
    ] as const) {
      expect(await errorOf(CANCEL_LINES, { input: { orderId: order.id, lines } })).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const now = (await must(t, READ, { id: order.id })).order;
    expect(now).toMatchObject({ status: 'PLACED', canceledTotal: '0.00', creditNotes: [], lines: [{ quantityCanceled: '0' }] });
    expect((await available('TN-1')).toFixed()).toBe('8');
  });
});

describe('documents add up', () => {
  const op = fc.record({
    kind: fc.constantFrom('ship', 'cancel'),
    sku: fc.constantFrom('TN-1', 'GL-1'),
    share: fc.integer({ min: 1, max: 100 }),
  });
  it("invoiced − credited = what shipped at the order's prices, to the cent; canceled reserved stock goes back (ORDER and SHIPMENT)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<Billing>('ORDER', 'SHIPMENT'),
        fc.integer({ min: 1, max: 25 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 12 }),
        fc.array(op, { maxLength: 6 }),
        async (billOn, toner, gloves, tonerStock, glovesStock, ops) => {
          await stock({ 'TN-1': '0', 'GL-1': '0' });
          const { customerId, order } = await placedOrder(
            billOn,
            { 'toner-box': toner, 'gloves-pack': gloves },
            { 'TN-1': String(tonerStock), 'GL-1': String(glovesStock) },
          );
          const taken = { 'TN-1': Math.min(toner, tonerStock), 'GL-1': Math.min(gloves, glovesStock) };
          // Before anything ships, the customer is exposed to the whole order either way: as its invoice, or as what it will invoice.
          expect((await must(t, EXPOSURE, { id: customerId })).customer.creditExposure).toBe(order.total);
          let n = 0;
          for (const o of ops) {
            const now = (await must(t, READ, { id: order.id })).order;
            const line = now.lines.find((l: any) => l.sku === o.sku);
            const open = new Decimal(line.quantity).minus(line.quantityShipped).minus(line.quantityCanceled);
            const quantity = open.times(o.share).div(100).ceil();
            if (!quantity.gt(0)) continue;
            if (o.kind === 'ship') {
              await must(t, SHIP, shipment(order.id, `P-${subscriptions}-${n++}`, [{ sku: o.sku, quantity: quantity.toFixed() }]));
            } else {
              await must(t, CANCEL_LINES, { input: { orderId: order.id, lines: [{ sku: o.sku, quantity: quantity.toFixed() }] } });
            }
          }
          // Whatever is left is canceled: the order is settled.
          const before = (await must(t, READ, { id: order.id })).order;
          if (['PLACED', 'BACKORDERED', 'PARTIALLY_SHIPPED'].includes(before.status)) {
            await must(t, CANCEL_LINES, { input: { orderId: order.id } });
          }
          const end = (await must(t, READ, { id: order.id })).order;
          expect(['SHIPPED', 'CANCELED']).toContain(end.status);
          const shipped = end.lines.map((l: any) => shippedValue(l, new Decimal(l.quantityShipped)));
          const shippedAmount = shipped.reduce((s: Decimal, v: any) => s.plus(v.amount), ZERO);
          const shippedTax = shipped.reduce((s: Decimal, v: any) => s.plus(v.tax), ZERO);
          const invoiced = { subtotal: sum(end.invoices, 'subtotal'), tax: sum(end.invoices, 'tax') };
          const credited = { subtotal: sum(end.creditNotes, 'subtotal'), tax: sum(end.creditNotes, 'tax') };
          expect(invoiced.subtotal.minus(credited.subtotal).toFixed(2)).toBe(shippedAmount.toFixed(2));
          expect(invoiced.tax.minus(credited.tax).toFixed(2)).toBe(shippedTax.toFixed(2));
          if (billOn === 'SHIPMENT') expect(end.creditNotes).toEqual([]);
          // What the order will never bill is what it canceled.
          expect(new Decimal(end.total).minus(end.canceledTotal).toFixed(2)).toBe(shippedAmount.plus(shippedTax).toFixed(2));
          // Each SKU's stock: what placement took, less what canceled quantities gave back, is what shipped of it (reserved first).
          for (const sku of ['TN-1', 'GL-1'] as const) {
            const l = end.lines.find((x: any) => x.sku === sku);
            const used = Decimal.min(new Decimal(l.quantityShipped), taken[sku]);
            const initial = sku === 'TN-1' ? tonerStock : glovesStock;
            expect((await available(sku)).toFixed()).toBe(new Decimal(initial).minus(used).toFixed());
          }
          // Settled: nothing of the order counts beyond its unpaid invoices.
          const due = sum(end.invoices, 'amountDue');
          expect((await must(t, EXPOSURE, { id: customerId })).customer.creditExposure).toBe(due.toFixed(2));
        },
      ),
      { numRuns: 12 },
    );
  });
});
