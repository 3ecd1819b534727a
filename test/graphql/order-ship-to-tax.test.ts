import { boundRows } from '../../src/db/bound-query';
import { runOrderPlacement } from '../../src/domain/billing/order-run';
import { ManualClock } from '../../src/domain/shared/clock';
import { startTestApp, TestApp } from '../support/app';
import { createCustomer, must } from '../support/catalog';

// Tax by ship-to (CONTRACT.md, Recurring orders): a German seller taxing orders by where they go.
const clock = new ManualClock(new Date('2026-12-01T08:00:00Z'));
let t: TestApp;

const SETTINGS = `mutation($input: UpdateSellerSettingsInput!) { updateSellerSettings(input: $input) { taxByShipTo domesticTaxRate } }`;
const PARIS = { line1: '1 rue de Rivoli', city: 'Paris', country: 'FR' };
const HAMBURG = { line1: 'Hafenstr. 1', city: 'Hamburg', country: 'DE' };
const ZURICH = { line1: 'Bahnhofstr. 1', city: 'Zürich', country: 'CH' };

async function errorOf(query: string, variables: Record<string, unknown>) {
  const res = await t.gql(query, variables);
  expect(res.errors).toHaveLength(1);
  return { code: res.errors![0].extensions?.code, field: res.errors![0].extensions?.field };
}
async function location(customerId: string, address: typeof PARIS): Promise<string> {
  return (
    await must(t, 'mutation($input: CreateLocationInput!) { createLocation(input: $input) { id } }', {
      input: { customerId, name: address.city, address },
    })
  ).createLocation.id;
}
async function subscribe(customerId: string, locationId: string, billOn: 'ORDER' | 'SHIPMENT' = 'ORDER'): Promise<string> {
  return (
    await must(t, 'mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }', {
      input: {
        customerId,
        items: [{ priceCode: 'toner-box', quantity: '12' }],
        delivery: { every: 1, unit: 'MONTH', locationId, firstDeliveryAt: '2026-12-10T00:00:00Z', billOn },
      },
    })
  ).createSubscription.id;
}
/** The subscription's orders (placed first, then the next SCHEDULED estimate), and the placed one's invoice lines' stored VAT category. */
async function ordersOf(sub: string) {
  const orders = (
    await must(
      t,
      `query($s: ID) { orders(subscriptionId: $s, first: 10) { edges { node { id status subtotal tax total
         invoices { id subtotal tax total notes } } } } }`,
      { s: sub },
    )
  ).orders.edges.map((e: any) => e.node);
  const placed = orders.find((o: any) => o.status !== 'SCHEDULED');
  const scheduled = orders.find((o: any) => o.status === 'SCHEDULED');
  const lines = placed?.invoices.length
    ? await boundRows<{ tax_category: string; tax_rate: string }>(
        t.app.db.orm.em.fork(),
        'select tax_category, tax_rate::text as tax_rate from invoice_line where invoice_id = ?',
        [placed.invoices[0].id],
      )
    : [];
  return { placed, scheduled, categories: lines.map((l) => [l.tax_category, Number(l.tax_rate)]) };
}
/** The HTML of the placed order's invoice, through its signed document link. */
async function printed(sub: string): Promise<string> {
  const { placed } = await ordersOf(sub);
  const link = (await must(t, 'query($id: ID!) { invoice(id: $id) { documentUrl(format: HTML) } }', { id: placed.invoices[0].id })).invoice
    .documentUrl as string;
  const res = await fetch(link.startsWith('/') ? `${t.url}${link}` : link);
  expect(res.status).toBe(200);
  return res.text();
}
async function place(customerId: string): Promise<void> {
  const at = new Date('2026-12-10T00:00:00Z');
  await runOrderPlacement({ fork: () => t.app.db.orm.em.fork(), at, clock: new ManualClock(at), customerIds: [customerId] });
}

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
      rule: { kind: 'per_unit', config: { unitAmount: '5.00' } },
    },
  });
  await must(t, 'mutation($levels: [InventoryLevelInput!]!) { setInventoryLevels(levels: $levels) }', {
    levels: [{ sku: 'TN-1', available: '100000' }],
  });
});
afterAll(async () => {
  await t.close();
});

describe('tax by ship-to', () => {
  it('is off by default, and on needs the seller address and a domestic rate (BAD_USER_INPUT naming the field)', async () => {
    expect((await must(t, 'query { sellerSettings { taxByShipTo domesticTaxRate } }')).sellerSettings).toEqual({
      taxByShipTo: false,
      domesticTaxRate: null,
    });
    expect(await errorOf(SETTINGS, { input: { taxByShipTo: true } })).toEqual({ code: 'BAD_USER_INPUT', field: 'input.taxByShipTo' });
    expect(await errorOf(SETTINGS, { input: { taxByShipTo: true, domesticTaxRate: '19' } })).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.taxByShipTo',
    });
    expect(await errorOf(SETTINGS, { input: { domesticTaxRate: '101' } })).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.domesticTaxRate',
    });
    // Nothing was kept of the refused updates.
    expect((await must(t, 'query { sellerSettings { taxByShipTo domesticTaxRate } }')).sellerSettings).toEqual({
      taxByShipTo: false,
      domesticTaxRate: null,
    });
  });

  it("off: the customer's own treatment wherever the goods go", async () => {
    const customerId = await createCustomer(
      t,
      'currency: "EUR", taxStatus: REVERSE_CHARGE, vatId: "FR40303265045", billingAddress: { line1: "1 rue", city: "Paris", country: "FR" }',
    );
    const sub = await subscribe(customerId, await location(customerId, HAMBURG));
    await place(customerId);
    const { placed, categories } = await ordersOf(sub);
    expect(placed).toMatchObject({ subtotal: '60.00', tax: '0.00', total: '60.00' });
    expect(categories).toEqual([['AE', 0]]);
  });

  it('on: a French VAT-registered buyer is reverse charged in France and taxed at the German rate in Germany; others keep their own', async () => {
    await must(t, SETTINGS, { input: { address: HAMBURG, domesticTaxRate: '19', taxByShipTo: true } });
    expect(await errorOf(SETTINGS, { input: { domesticTaxRate: null } })).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.domesticTaxRate',
    });

    const french = await createCustomer(
      t,
      'currency: "EUR", taxStatus: REVERSE_CHARGE, vatId: "FR40303265045", billingAddress: { line1: "1 rue", city: "Paris", country: "FR" }',
    );
    const toParis = await subscribe(french, await location(french, PARIS));
    const toHamburg = await subscribe(french, await location(french, HAMBURG));
    const toZurich = await subscribe(french, await location(french, ZURICH));
    const shippedToHamburg = await subscribe(french, await location(french, HAMBURG), 'SHIPMENT');
    // A buyer without a VAT id, taxed at 20 % of its own: no reverse charge abroad, the German rate at home.
    const unregistered = await createCustomer(t, 'currency: "EUR", taxStatus: TAXABLE, taxRate: "20"');
    const unregisteredToParis = await subscribe(unregistered, await location(unregistered, PARIS));
    const unregisteredToHamburg = await subscribe(unregistered, await location(unregistered, HAMBURG));
    const exempt = await createCustomer(t, 'currency: "EUR", taxStatus: EXEMPT');
    const exemptToHamburg = await subscribe(exempt, await location(exempt, HAMBURG));

    // The estimates of scheduled orders already follow the rule.
    expect((await ordersOf(toHamburg)).scheduled).toMatchObject({ tax: '11.40', total: '71.40' });
    expect((await ordersOf(toParis)).scheduled).toMatchObject({ tax: '0.00' });

    for (const c of [french, unregistered, exempt]) await place(c);
    const cases: [string, string, string, [string, number]][] = [
      [toParis, '0.00', '60.00', ['AE', 0]],
      [toHamburg, '11.40', '71.40', ['S', 19]],
      [toZurich, '0.00', '60.00', ['AE', 0]],
      [unregisteredToParis, '12.00', '72.00', ['S', 20]],
      [unregisteredToHamburg, '11.40', '71.40', ['S', 19]],
      [exemptToHamburg, '0.00', '60.00', ['E', 0]],
    ];
    for (const [sub, tax, total, category] of cases) {
      const { placed, categories } = await ordersOf(sub);
      expect([sub, placed.tax, placed.total]).toEqual([sub, tax, total]);
      // Its invoice says the same: amounts and the stored VAT category of its lines.
      expect(placed.invoices).toEqual([expect.objectContaining({ subtotal: '60.00', tax, total })]);
      expect([sub, categories]).toEqual([sub, [category]]);
    }
    // The printed invoices label the VAT and the mention by the lines' treatment, not by the buyer's status.
    expect(await printed(toParis)).toMatch(/Reverse charge/);
    const domestic = await printed(toHamburg);
    expect(domestic).toMatch(/VAT 19 %/);
    expect(domestic).not.toMatch(/Reverse charge/);

    // Billed per shipment, later: the shipment's invoice keeps the treatment the order was placed under.
    const { placed: shippedOrder } = await ordersOf(shippedToHamburg);
    expect(shippedOrder).toMatchObject({ tax: '11.40', total: '71.40', invoices: [] });
    await must(t, 'mutation($input: RecordShipmentInput!) { recordShipment(input: $input) { id } }', {
      input: { orderId: shippedOrder.id, externalId: 'TAX-1', shippedAt: '2026-12-11T00:00:00Z', lines: [{ sku: 'TN-1', quantity: '5' }] },
    });
    const afterShipment = await ordersOf(shippedToHamburg);
    expect(afterShipment.placed.invoices).toEqual([expect.objectContaining({ subtotal: '25.00', tax: '4.75', total: '29.75' })]);
    expect(afterShipment.categories).toEqual([['S', 19]]);
    // The reverse-charged invoice carries the legal mention, the domestic one does not.
    const rc = (await ordersOf(toParis)).placed.invoices[0].notes;
    expect(rc.some((n: string) => /Reverse charge/.test(n))).toBe(true);
    expect((await ordersOf(toHamburg)).placed.invoices[0].notes.some((n: string) => /Reverse charge/.test(n))).toBe(false);
  });
});
