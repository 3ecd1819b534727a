import { boundRows } from '../../src/db/bound-query';
import { runOrderPlacement } from '../../src/domain/billing/order-run';
import type { ManualClock } from '../../src/domain/shared/clock';
import type { TestApp } from './app';
import { must } from './catalog';

// Recurring orders of goods for the customer-control tests (issue 17): a catalog of two PHYSICAL
// products, a customer's locations, delivery subscriptions, portal keys by contact role, and
// reading orders, events and invoices back.

export const ORDER_FIELDS =
  'id number status scheduledFor placedAt purchaseOrderNumber total version location { id } lines { sku quantity amount }';

export async function createGoodsCatalog(t: TestApp): Promise<void> {
  for (const [code, sku, unitAmount] of [
    ['gloves', 'GL-1', '2.50'],
    ['masks', 'MS-1', '7.00'],
  ]) {
    await must(t, 'mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }', {
      input: { code, name: code, kind: 'PHYSICAL', sku },
    });
    await must(t, 'mutation($input: CreatePriceInput!) { createPrice(input: $input) { id } }', {
      input: {
        code: `${code}-box`,
        productCode: code,
        currency: 'EUR',
        interval: 'MONTH',
        rule: { kind: 'per_unit', config: { unitAmount } },
      },
    });
  }
}

export async function createLocation(t: TestApp, customerId: string, name = 'Lab'): Promise<string> {
  return (
    await must(t, 'mutation($input: CreateLocationInput!) { createLocation(input: $input) { id } }', {
      input: { customerId, name, address: { line1: 'Main St 1', city: 'Oslo', country: 'NO' } },
    })
  ).createLocation.id;
}

export async function setStock(t: TestApp, levels: Record<string, string>): Promise<void> {
  await must(t, 'mutation($levels: [InventoryLevelInput!]!) { setInventoryLevels(levels: $levels) }', {
    levels: Object.entries(levels).map(([sku, available]) => ({ sku, available })),
  });
}

/** Four boxes of gloves every two weeks from `firstDeliveryAt`, to a new location of the customer's. */
export async function subscribeGoods(
  t: TestApp,
  customerId: string,
  firstDeliveryAt: string,
  extra: { billOn?: string; purchaseOrderNumber?: string; every?: number; unit?: string } = {},
): Promise<{ sub: string; locationId: string }> {
  const locationId = await createLocation(t, customerId);
  const sub = (
    await must(t, 'mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }', {
      input: {
        customerId,
        items: [{ priceCode: 'gloves-box', quantity: '4' }],
        ...(extra.purchaseOrderNumber ? { purchaseOrderNumber: extra.purchaseOrderNumber } : {}),
        delivery: { every: extra.every ?? 2, unit: extra.unit ?? 'WEEK', locationId, firstDeliveryAt, billOn: extra.billOn ?? 'SHIPMENT' },
      },
    })
  ).createSubscription.id;
  return { sub, locationId };
}

/** A subscription's orders by delivery date. */
export async function ordersOf(t: TestApp, subscriptionId: string): Promise<any[]> {
  const q = `query($s: ID) { orders(subscriptionId: $s, first: 100) { edges { node { ${ORDER_FIELDS} } } } }`;
  const orders = (await must(t, q, { s: subscriptionId })).orders.edges.map((e: any) => e.node);
  return orders.sort((a: any, b: any) => a.scheduledFor.localeCompare(b.scheduledFor) || a.number.localeCompare(b.number));
}

export async function errorOf(t: TestApp, query: string, variables: Record<string, unknown>, key?: string) {
  const res = await t.gql(query, variables, key);
  expect(res.errors).toHaveLength(1);
  const e = res.errors![0];
  return { code: e.extensions?.code, field: e.extensions?.field, reason: e.extensions?.reason };
}

/** The event types of one aggregate, in order. */
export async function eventsOf(t: TestApp, aggregateId: string): Promise<string[]> {
  const rows = await boundRows<{ type: string }>(
    t.app.db.orm.em.fork(),
    'select type from domain_event where aggregate_id = ? order by aggregate_seq',
    [aggregateId],
  );
  return rows.map((r) => r.type);
}

export async function invoiceKeysOf(t: TestApp, customerId: string): Promise<string[]> {
  const rows = await boundRows<{ key: string }>(
    t.app.db.orm.em.fork(),
    'select billing_key as key from invoice where customer_id = ? order by number',
    [customerId],
  );
  return rows.map((r) => r.key);
}

/** A portal session's key for a new contact of this role (null: a session without a contact, the whole CUSTOMER role). */
export async function portalKey(t: TestApp, customerId: string, role: string | null): Promise<string> {
  let contactId: string | null = null;
  if (role) {
    contactId = (
      await must(t, 'mutation($input: CreateContactInput!) { createContact(input: $input) { id } }', {
        input: { customerId, name: role, email: `${role.toLowerCase()}-${Math.random().toString(36).slice(2)}@acme.test`, role },
      })
    ).createContact.id;
  }
  const { url } = (
    await must(
      t,
      'mutation($c: ID!, $k: ID) { createPortalSession(customerId: $c, returnUrl: "https://shop.example.com/", contactId: $k) { url } }',
      { c: customerId, k: contactId },
    )
  ).createPortalSession;
  return new URL(url).hash.replace(/^#session=/, '');
}

export async function customerKey(t: TestApp, customerId: string): Promise<string> {
  return (
    await must(t, 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }', {
      input: { role: 'CUSTOMER', name: 'customer', customerId },
    })
  ).createApiKey.secret;
}

/** The billing run's order placement for these customers, with the clock moved to `at` (as a run at that time would be). */
export async function placeDue(t: TestApp, clock: ManualClock, at: string, customerIds: string[]): Promise<number> {
  clock.set(new Date(at));
  const result = await runOrderPlacement({ fork: () => t.app.db.orm.em.fork(), at: new Date(at), clock, customerIds });
  return result.ordersPlaced;
}
