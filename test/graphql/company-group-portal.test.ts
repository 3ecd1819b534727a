import { ManualClock } from '../../src/domain/shared/clock';
import { startTestApp, TestApp } from '../support/app';
import { createPrice, createProduct, must } from '../support/catalog';
import { graphql } from '../support/generated';

// "The child's portal shows what it consumed, the parent's portal pays" (issue 16): a member
// billed to its parent reads its own lines of the parent's consolidated invoices through
// Customer.consumption, and never the parent's invoice itself.
const clock = new ManualClock(new Date('2026-11-25T12:00:00Z'));
let t: TestApp;

const createQ = graphql(`
  mutation GroupPortalCreateCustomer($input: CreateCustomerInput!) {
    createCustomer(input: $input) {
      id
    }
  }
`);
const invoicesQ = graphql(`
  query GroupPortalInvoices($c: ID) {
    invoices(customerId: $c, first: 50) {
      edges {
        node {
          id
          number
          finalizedAt
          total
          lines {
            id
            description
            amount
            tax
            periodStart
            periodEnd
            customerId
            subscriptionId
            locationId
          }
        }
      }
    }
  }
`);
const consumptionQ = graphql(`
  query GroupPortalConsumption($id: ID!, $first: Int, $after: String) {
    customer(id: $id) {
      consumption(first: $first, after: $after) {
        edges {
          cursor
          node {
            id
            invoiceNumber
            issuedAt
            currency
            kind
            description
            quantity
            amount
            tax
            periodStart
            periodEnd
            subscriptionId
            locationId
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);
const invoiceQ = graphql(`
  query GroupPortalInvoice($id: ID!) {
    invoice(id: $id) {
      id
      total
    }
  }
`);
const parentQ = graphql(`
  query GroupPortalParent($id: ID!) {
    customer(id: $id) {
      id
    }
  }
`);
const portalQ = graphql(`
  mutation GroupPortalSession($c: ID!, $contact: ID) {
    createPortalSession(customerId: $c, returnUrl: "https://shop.example.com/account", contactId: $contact) {
      url
    }
  }
`);

let parent: string;
let member: string;
let sibling: string;
let location: string;
let memberKey: string;
let parentKey: string;

const base = { email: 'ap@group.example', currency: 'EUR', taxStatus: 'TAXABLE' as const, taxRate: '20' };
const customer = async (name: string, extra: Record<string, unknown>) =>
  (await must(t, createQ, { input: { ...base, name, ...extra } })).createCustomer.id;
const portalKey = async (customerId: string, contactId?: string) =>
  new URL((await must(t, portalQ, { c: customerId, contact: contactId ?? null })).createPortalSession.url).hash.replace('#session=', '');
const invoicesOf = async (customerId: string, key?: string) =>
  (await must(t, invoicesQ, { c: customerId }, key)).invoices.edges.map((e) => e.node);

beforeAll(async () => {
  t = await startTestApp({ clock });
  await createProduct(t, 'plan');
  await createPrice(t, 'seat', { kind: 'per_unit', config: { unitAmount: '10.01' } });
  await createPrice(t, 'site', { kind: 'flat', config: { amount: '99.99' } });

  // A holding, a plant billed to it (at a location, taxed at 5.5 %) and a shop paying for itself, on one test clock.
  const clockId = (await must(t, 'mutation { createTestClock(frozenTime: "2025-12-31T00:00:00Z") { id } }')).createTestClock.id;
  parent = await customer('Holding', { testClockId: clockId });
  member = await customer('Plant Lyon', { testClockId: clockId, taxRate: '5.5', parentId: parent, invoiceTo: 'PARENT' });
  sibling = await customer('Plant Nantes', { testClockId: clockId, parentId: parent, invoiceTo: 'PARENT' });
  location = (
    await must(t, 'mutation($input: CreateLocationInput!) { createLocation(input: $input) { id } }', {
      input: { customerId: member, name: 'Dock 3', address: { line1: '1 quai', city: 'Lyon', country: 'FR' } },
    })
  ).createLocation.id;
  const subscribe = (customerId: string, items: unknown[], extra: Record<string, unknown> = {}) =>
    must(t, 'mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }', {
      input: { customerId, items, startsAt: '2026-01-01T00:00:00Z', collection: 'SEND_INVOICE', ...extra },
    });
  await subscribe(parent, [{ priceCode: 'site', quantity: '1' }]);
  await subscribe(member, [{ priceCode: 'seat', quantity: '3' }], { locationId: location });
  await subscribe(member, [{ priceCode: 'site', quantity: '1' }]);
  await subscribe(sibling, [{ priceCode: 'seat', quantity: '7' }]);
  for (const to of ['2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z']) {
    await must(t, 'mutation($id: ID!, $to: DateTime!) { advanceTestClock(id: $id, to: $to) { status } }', { id: clockId, to });
  }
  memberKey = await portalKey(member);
  parentKey = await portalKey(parent);
});
afterAll(async () => {
  await t.close();
});

describe("a member's portal: what it consumed on its payer's invoices", () => {
  it("lists exactly its own lines of the payer's invoices, with the invoice's number and date", async () => {
    const consolidated = await invoicesOf(parent);
    expect(consolidated).toHaveLength(2);
    const expected = consolidated
      .flatMap((i) =>
        i.lines.filter((l) => l.customerId === member).map((l) => ({ ...l, invoiceNumber: i.number, issuedAt: i.finalizedAt })),
      )
      .map(({ id, invoiceNumber, issuedAt, description, amount, tax, periodStart, periodEnd, subscriptionId, locationId }) => ({
        id,
        invoiceNumber,
        issuedAt,
        description,
        amount,
        tax,
        periodStart,
        periodEnd,
        subscriptionId,
        locationId,
      }));
    expect(expected).toHaveLength(4);
    // The parent's own lines and the sibling's are on the same invoices, and must not show.
    expect(consolidated.every((i) => i.lines.some((l) => l.customerId !== member))).toBe(true);

    const lines = (await must(t, consumptionQ, { id: member }, memberKey)).customer!.consumption.edges.map((e) => e.node);
    expect(lines.map(({ currency: _c, kind: _k, quantity: _q, ...rest }) => rest)).toEqual(expected);
    expect(lines.every((l) => l.description.startsWith('Plant Lyon') && l.currency === 'EUR')).toBe(true);
    expect(lines.filter((l) => l.locationId === location).map((l) => l.description.split(':')[0])).toEqual([
      'Plant Lyon, Dock 3',
      'Plant Lyon, Dock 3',
    ]);
    // The member's tax rate (5.5 %), not the holding's: 3 × 10.01 = 30.03, tax 1.65.
    expect(lines.find((l) => l.locationId === location)).toMatchObject({ amount: '30.03', tax: '1.65', quantity: '3' });
  });

  it('pages through the lines with first and after, in invoice order', async () => {
    const all = (await must(t, consumptionQ, { id: member })).customer!.consumption.edges.map((e) => e.node.id);
    const seen: string[] = [];
    for (let after: string | null = null, more = true; more;) {
      const page: any = (await must(t, consumptionQ, { id: member, first: 3, after }, memberKey)).customer!.consumption;
      seen.push(...page.edges.map((e: any) => e.node.id));
      ({ hasNextPage: more, endCursor: after } = page.pageInfo);
    }
    expect(seen).toEqual(all);
    expect(all).toHaveLength(4);
    for (const [variables, field] of [
      [{ first: 0 }, 'first'],
      [{ first: 101 }, 'first'],
      [{ after: 'nope' }, 'after'],
    ] as const) {
      const res = await t.gql(String(consumptionQ), { id: member, ...variables }, memberKey);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it("never shows the member the payer's invoice, its list, its document or the payer itself", async () => {
    const [invoice] = await invoicesOf(parent);
    const code = async (res: Promise<{ errors?: readonly { extensions?: Record<string, unknown> }[] }>) =>
      (await res).errors?.[0]?.extensions?.code;
    expect(await code(t.gql(String(invoiceQ), { id: invoice.id }, memberKey))).toBe('FORBIDDEN');
    expect(await code(t.gql(String(parentQ), { id: parent }, memberKey))).toBe('FORBIDDEN');
    expect(await code(t.gql(String(consumptionQ), { id: sibling }, memberKey))).toBe('FORBIDDEN');
    // Lists narrow to the key's own customer: the payer's invoices are not among them, and it has none.
    expect(await invoicesOf(parent, memberKey)).toEqual([]);
    expect(await invoicesOf(member, memberKey)).toEqual([]);
    const document = await fetch(`${t.url}/invoices/${invoice.id}.html`, { headers: { authorization: `Bearer ${memberKey}` } });
    expect(document.status).toBe(403);
    expect(await document.text()).not.toContain(invoice.number!);
  });

  it('is read as invoices are: a VIEWER contact’s session reads it, another storefront’s key does not', async () => {
    const contact = (
      await must(t, 'mutation($input: CreateContactInput!) { createContact(input: $input) { id } }', {
        input: { customerId: member, name: 'Kim', email: 'kim@lyon.example', role: 'VIEWER' },
      })
    ).createContact.id;
    const viewer = await portalKey(member, contact);
    expect((await must(t, consumptionQ, { id: member }, viewer)).customer!.consumption.edges).toHaveLength(4);
    const storefront = (await must(t, 'mutation { createApiKey(input: { role: STOREFRONT, name: "shop" }) { secret } }')).createApiKey
      .secret as string;
    expect((await t.gql(String(consumptionQ), { id: member }, storefront)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe("the payer's portal", () => {
  it('lists its consolidated invoices, whose lines name the members, and has no consumption of its own', async () => {
    const invoices = await invoicesOf(parent, parentKey);
    expect(invoices).toHaveLength(2);
    for (const invoice of invoices) {
      const names = invoice.lines.map((l) => l.description.split(':')[0].split(',')[0]);
      expect(names).toEqual(expect.arrayContaining(['Plant Lyon', 'Plant Nantes']));
    }
    const document = await fetch(`${t.url}/invoices/${invoices[0].id}.html`, { headers: { authorization: `Bearer ${parentKey}` } });
    expect(document.status).toBe(200);
    const html = await document.text();
    expect(html).toContain('Plant Lyon, Dock 3');
    expect(html).toContain('Plant Nantes');
    expect((await must(t, consumptionQ, { id: parent }, parentKey)).customer!.consumption.edges).toEqual([]);
  });
});
