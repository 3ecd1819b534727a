import { boundRows } from '../../src/db/bound-query';
import { SubscriptionStatus } from '../../src/domain/subscriptions/subscription.entity';
import { ManualClock } from '../../src/domain/shared/clock';
import { ImportRejection } from '../../src/import/import-rejection';
import { MappedSubscription, resolveSubscription } from '../../src/import/map/map-subscription';
import { startTestApp, TestApp } from '../support/app';
import { createPrice, createProduct, found, must } from '../support/catalog';
import { readableEvents } from '../support/events';
import { graphql } from '../support/generated';
import type { PurchaseOrdersInvoiceFragment } from '../support/generated/graphql';

// docs/purchase-orders.md: a customer with purchaseOrderRequired gets nothing bought without a
// purchase order number, at every entry point; the number travels quote → subscription → invoice
// and its lines, on every path that issues an invoice, and is printed and in the events.
const clock = new ManualClock(new Date('2027-01-04T09:00:00Z'));
let sql: string[] = [];
let t: TestApp;

graphql(`
  fragment PurchaseOrdersInvoice on Invoice {
    id
    number
    status
    purchaseOrderNumber
    periodStart
    subscription {
      id
    }
    lines {
      kind
      proration
      purchaseOrderNumber
    }
  }
`);

const createCustomerQ = graphql(`
  mutation PurchaseOrdersCreateCustomer($input: CreateCustomerInput!) {
    createCustomer(input: $input) {
      id
      purchaseOrderRequired
    }
  }
`);
const updateCustomerQ = graphql(`
  mutation PurchaseOrdersUpdateCustomer($id: ID!, $input: UpdateCustomerInput!) {
    updateCustomer(id: $id, input: $input) {
      id
      purchaseOrderRequired
    }
  }
`);
const upsertCustomerQ = graphql(`
  mutation PurchaseOrdersUpsertCustomer($input: UpsertCustomerInput!) {
    upsertCustomer(input: $input) {
      outcome
      customer {
        id
        purchaseOrderRequired
      }
    }
  }
`);
const subscribeQ = graphql(`
  mutation PurchaseOrdersSubscribe($input: CreateSubscriptionInput!) {
    createSubscription(input: $input) {
      id
      status
      purchaseOrderNumber
    }
  }
`);
const changeQ = graphql(`
  mutation PurchaseOrdersChange($input: ChangeSubscriptionInput!) {
    changeSubscription(input: $input) {
      id
      version
      purchaseOrderNumber
      history {
        type
        data
      }
    }
  }
`);
const previewQ = graphql(`
  query PurchaseOrdersPreviewChange($input: ChangeSubscriptionInput!) {
    previewSubscriptionChange(input: $input) {
      total
    }
  }
`);
const scheduleQ = graphql(`
  mutation PurchaseOrdersSchedule($input: ScheduleChangeInput!) {
    scheduleChange(input: $input) {
      id
    }
  }
`);
const cancelNowQ = graphql(`
  mutation PurchaseOrdersCancelNow($id: ID!) {
    cancelSubscription(id: $id, atPeriodEnd: false) {
      status
    }
  }
`);
const subscriptionQ = graphql(`
  query PurchaseOrdersSubscription($id: ID!) {
    subscription(id: $id) {
      status
      version
      purchaseOrderNumber
    }
  }
`);
const createQuoteQ = graphql(`
  mutation PurchaseOrdersCreateQuote($input: CreateQuoteInput!) {
    createQuote(input: $input) {
      id
      purchaseOrderNumber
    }
  }
`);
const updateQuoteQ = graphql(`
  mutation PurchaseOrdersUpdateQuote($id: ID!, $input: UpdateQuoteInput!) {
    updateQuote(id: $id, input: $input) {
      id
      purchaseOrderNumber
    }
  }
`);
const sendQuoteQ = graphql(`
  mutation PurchaseOrdersSendQuote($id: ID!) {
    sendQuote(id: $id) {
      id
      status
    }
  }
`);
const acceptQuoteQ = graphql(`
  mutation PurchaseOrdersAcceptQuote($id: ID!, $purchaseOrderNumber: String) {
    acceptQuote(id: $id, purchaseOrderNumber: $purchaseOrderNumber) {
      id
      status
      purchaseOrderNumber
    }
  }
`);
const quoteQ = graphql(`
  query PurchaseOrdersQuote($id: ID!) {
    quote(id: $id) {
      status
      purchaseOrderNumber
      subscription {
        id
      }
    }
  }
`);
const invoicesQ = graphql(`
  query PurchaseOrdersInvoices($c: ID) {
    invoices(customerId: $c, first: 50) {
      edges {
        node {
          ...PurchaseOrdersInvoice
        }
      }
    }
  }
`);
const upcomingQ = graphql(`
  query PurchaseOrdersUpcoming($id: ID!) {
    upcomingInvoice(subscriptionId: $id) {
      purchaseOrderNumber
      lines {
        purchaseOrderNumber
      }
    }
  }
`);
const createClockQ = graphql(`
  mutation PurchaseOrdersCreateClock($at: DateTime!) {
    createTestClock(frozenTime: $at) {
      id
    }
  }
`);
const advanceQ = graphql(`
  mutation PurchaseOrdersAdvance($id: ID!, $to: DateTime!) {
    advanceTestClock(id: $id, to: $to) {
      id
    }
  }
`);
const portalQ = graphql(`
  mutation PurchaseOrdersPortal($c: ID!, $contact: ID) {
    createPortalSession(customerId: $c, returnUrl: "https://buyer.example/back", contactId: $contact) {
      url
    }
  }
`);
const contactQ = graphql(`
  mutation PurchaseOrdersContact($c: ID!, $role: ContactRole!, $email: String!) {
    createContact(input: { customerId: $c, name: "Kim", email: $email, role: $role }) {
      id
    }
  }
`);

const seats = (quantity: string) => [{ priceCode: 'seat', quantity }];
const base = { email: 'ap@hospital.example', currency: 'EUR', taxStatus: 'EXEMPT' as const };

async function customer(purchaseOrderRequired: boolean | null, testClockId?: string): Promise<string> {
  return (await must(t, createCustomerQ, { input: { ...base, name: 'Hospital Group', purchaseOrderRequired, testClockId } })).createCustomer
    .id;
}

async function requirePurchaseOrders(customerId: string): Promise<void> {
  await must(t, updateCustomerQ, { id: customerId, input: { purchaseOrderRequired: true } });
}

async function subscribe(customerId: string, input: { purchaseOrderNumber?: string; trialDays?: number } = {}) {
  return (await must(t, subscribeQ, { input: { customerId, items: seats('2'), collection: 'SEND_INVOICE', ...input } })).createSubscription;
}

async function invoicesOf(customerId: string): Promise<PurchaseOrdersInvoiceFragment[]> {
  const nodes = (await must(t, invoicesQ, { c: customerId })).invoices.edges.map((e) => e.node as PurchaseOrdersInvoiceFragment);
  return nodes.sort((a, b) => String(a.periodStart).localeCompare(String(b.periodStart)));
}

/** Every row a refused call could have written for the customer, and the audit log (global: nothing else runs meanwhile). */
async function footprint(customerId: string): Promise<Record<string, string>> {
  const per = (table: string, what = 'count(*)') =>
    `(select ${what} from ${table} where customer_id = :c)::text as ${table}_${what.replace(/\W/g, '')}`;
  const [row] = await boundRows<Record<string, string>>(
    t.app.db.orm.em.fork(),
    `select ${[
      per('subscription'),
      per('subscription', 'coalesce(sum(version), 0)'),
      per('subscription_event'),
      per('subscription_item'),
      per('quote'),
      per('quote', 'coalesce(sum(version), 0)'),
      per('invoice'),
      per('scheduled_change'),
      per('pending_proration'),
      per('domain_event'),
    ].join(', ')}, (select count(*) from audit_entry)::text as audit`.replaceAll(':c', '?'),
    Array(10).fill(customerId),
  );
  return row;
}

/** closeBoundary's lock of one subscription row (the batch path locks its page in raw SQL, which the ORM does not log). */
const lockedOneByOne = (q: string) => /from "subscription" .*for update skip locked/.test(q);

function errorOf(res: { errors?: { message: string; extensions?: Record<string, unknown> }[] }) {
  return { code: res.errors?.[0]?.extensions?.code, field: res.errors?.[0]?.extensions?.field, message: res.errors?.[0]?.message };
}

/** Refused as BAD_USER_INPUT at `field`, and nothing of the customer's changed. */
async function expectRefused(customerId: string, call: () => Promise<{ errors?: any[] }>, field = 'input.purchaseOrderNumber') {
  const before = await footprint(customerId);
  const error = errorOf(await call());
  expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field });
  expect(await footprint(customerId)).toEqual(before);
  return error;
}

beforeAll(async () => {
  t = await startTestApp({ clock, onQuery: (q) => sql.push(q) });
  await createProduct(t, 'plan');
  await createPrice(t, 'seat', { kind: 'per_unit', config: { unitAmount: '10.00' } });
});
afterAll(async () => {
  await t.close();
});

describe('Customer.purchaseOrderRequired', () => {
  it('defaults to false; createCustomer, updateCustomer and upsertCustomer set it; the customer events carry it', async () => {
    const plain = await customer(null);
    const strict = await customer(true);
    expect((await must(t, updateCustomerQ, { id: plain, input: { name: 'Renamed' } })).updateCustomer.purchaseOrderRequired).toBe(false);
    expect(
      (await must(t, updateCustomerQ, { id: strict, input: { purchaseOrderRequired: false } })).updateCustomer.purchaseOrderRequired,
    ).toBe(false);
    const input = { ...base, name: 'Plant', externalId: { system: 'SAP', id: 'PO-1' }, purchaseOrderRequired: true };
    const made = (await must(t, upsertCustomerQ, { input })).upsertCustomer;
    expect(made).toMatchObject({ outcome: 'CREATED', customer: { purchaseOrderRequired: true } });
    expect((await must(t, upsertCustomerQ, { input })).upsertCustomer.outcome).toBe('UNCHANGED');
    expect((await must(t, upsertCustomerQ, { input: { ...input, purchaseOrderRequired: null } })).upsertCustomer).toMatchObject({
      outcome: 'UNCHANGED',
      customer: { purchaseOrderRequired: true },
    });
    expect((await must(t, upsertCustomerQ, { input: { ...input, purchaseOrderRequired: false } })).upsertCustomer).toMatchObject({
      outcome: 'UPDATED',
      customer: { purchaseOrderRequired: false },
    });
    const events = await readableEvents(t, ['customer.created', 'customer.updated']);
    const flags = (id: string) => events.filter((e) => e.data.id === id).map((e) => [e.type, e.data.purchaseOrderRequired]);
    expect(flags(plain)).toEqual([
      ['customer.created', false],
      ['customer.updated', false],
    ]);
    expect(flags(strict)).toEqual([
      ['customer.created', true],
      ['customer.updated', false],
    ]);
    expect(flags(made.customer.id)).toEqual([
      ['customer.created', true],
      ['customer.updated', false],
    ]);
  });
});

describe('the number itself', () => {
  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['101 characters', 'x'.repeat(101)],
    ['a tab', 'PO\t1'],
    ['a newline', 'PO-1\nPO-2'],
    ['a bell', 'PO\u0007'],
    ['NUL', 'PO\u00001'],
    ['a C1 control', 'PO\u00851'],
    ['a right-to-left override', 'PO-\u202E1234'],
    ['a lone surrogate', 'PO-\uD800'],
  ])('%s is BAD_USER_INPUT at input.purchaseOrderNumber, and nothing is written', async (_, purchaseOrderNumber) => {
    const c = await customer(false);
    const error = await expectRefused(c, () => t.gql(subscribeQ, { input: { customerId: c, items: seats('1'), purchaseOrderNumber } }));
    // NUL is refused at the edge for every text input (src/graphql), the rest by the rule.
    expect(error.message).toMatch(/purchaseOrderNumber must|control characters|NUL/);
  });

  it('is trimmed, and 100 characters and any script are fine', async () => {
    const c = await customer(false);
    expect((await subscribe(c, { purchaseOrderNumber: '  4500012345  ' })).purchaseOrderNumber).toBe('4500012345');
    expect((await subscribe(c, { purchaseOrderNumber: 'Ä'.repeat(100) })).purchaseOrderNumber).toBe('Ä'.repeat(100));
    expect((await subscribe(c, { purchaseOrderNumber: 'Bestellung 12/2027 – 発注 😀' })).purchaseOrderNumber).toBe(
      'Bestellung 12/2027 – 発注 😀',
    );
  });
});

describe('every entry point refuses a customer that requires one, naming the field, writing nothing', () => {
  it('createSubscription', async () => {
    const c = await customer(true);
    const error = await expectRefused(c, () => t.gql(subscribeQ, { input: { customerId: c, items: seats('1') } }));
    expect(error.message).toMatch(/requires a purchase order number/);
    expect((await subscribe(c, { purchaseOrderNumber: 'PO-1' })).purchaseOrderNumber).toBe('PO-1');
  });

  it('createQuote, updateQuote (of a quote made before the customer required one)', async () => {
    const c = await customer(false);
    const q = (await must(t, createQuoteQ, { input: { customerId: c, currency: 'EUR', lines: seats('1') } })).createQuote;
    await requirePurchaseOrders(c);
    await expectRefused(c, () => t.gql(createQuoteQ, { input: { customerId: c, currency: 'EUR', lines: seats('1') } }));
    await expectRefused(c, () => t.gql(updateQuoteQ, { id: q.id, input: { lines: seats('3') } }));
    const updated = (await must(t, updateQuoteQ, { id: q.id, input: { purchaseOrderNumber: ' PO-Q ' } })).updateQuote;
    expect(updated.purchaseOrderNumber).toBe('PO-Q');
    expect((await must(t, updateQuoteQ, { id: q.id, input: { lines: seats('3') } })).updateQuote.purchaseOrderNumber).toBe('PO-Q');
  });

  it('acceptQuote: a sent quote without one stays SENT; one given with the acceptance goes to the quote and the subscription', async () => {
    const c = await customer(false);
    const q = (await must(t, createQuoteQ, { input: { customerId: c, currency: 'EUR', lines: seats('1') } })).createQuote;
    await must(t, sendQuoteQ, { id: q.id });
    await requirePurchaseOrders(c);
    await expectRefused(c, () => t.gql(acceptQuoteQ, { id: q.id }), 'purchaseOrderNumber');
    await expectRefused(c, () => t.gql(acceptQuoteQ, { id: q.id, purchaseOrderNumber: '\u0000' }), 'purchaseOrderNumber');
    expect((await must(t, quoteQ, { id: q.id })).quote).toEqual({ status: 'SENT', purchaseOrderNumber: null, subscription: null });
    const sub = (await must(t, acceptQuoteQ, { id: q.id, purchaseOrderNumber: 'PO-ACCEPT' })).acceptQuote;
    expect(sub.purchaseOrderNumber).toBe('PO-ACCEPT');
    expect((await must(t, quoteQ, { id: q.id })).quote).toEqual({
      status: 'ACCEPTED',
      purchaseOrderNumber: 'PO-ACCEPT',
      subscription: { id: sub.id },
    });
  });

  it('changeSubscription, its preview and scheduleChange, of a subscription made before the customer required one', async () => {
    const c = await customer(false);
    const sub = await subscribe(c);
    await requirePurchaseOrders(c);
    const input = { id: sub.id, items: seats('3') };
    await expectRefused(c, () => t.gql(changeQ, { input }));
    await expectRefused(c, () => t.gql(changeQ, { input: { id: sub.id, items: seats('2') } }));
    await expectRefused(c, () => t.gql(previewQ, { input }));
    await expectRefused(c, () => t.gql(scheduleQ, { input: { id: sub.id, items: seats('1') } }));
    expect((await must(t, previewQ, { input: { ...input, purchaseOrderNumber: 'PO-C' } })).previewSubscriptionChange.total).toEqual(
      expect.any(String),
    );
    const changed = (await must(t, changeQ, { input: { ...input, purchaseOrderNumber: 'PO-C' } })).changeSubscription;
    expect(changed.purchaseOrderNumber).toBe('PO-C');
    expect(changed.history.at(-1)).toMatchObject({ type: 'changed', data: { purchaseOrderNumber: 'PO-C' } });
    // From now on the number is kept when none is given, and a new one replaces it.
    const kept = (await must(t, changeQ, { input: { id: sub.id, items: seats('4') } })).changeSubscription;
    expect(kept.purchaseOrderNumber).toBe('PO-C');
    const schedule = (await must(t, scheduleQ, { input: { id: sub.id, items: seats('1'), purchaseOrderNumber: 'PO-NEXT' } }))
      .scheduleChange;
    expect(schedule.id).toEqual(expect.any(String));
    expect((await must(t, subscriptionQ, { id: sub.id })).subscription?.purchaseOrderNumber).toBe('PO-NEXT');
  });

  it('a number alone is a change: the same items with a new number bump the version and emit subscription.updated', async () => {
    const c = await customer(false);
    const sub = await subscribe(c, { purchaseOrderNumber: 'PO-OLD' });
    const before = found((await must(t, subscriptionQ, { id: sub.id })).subscription, 'the subscription');
    const same = (await must(t, changeQ, { input: { id: sub.id, items: seats('2') } })).changeSubscription;
    expect(same.version).toBe(before.version);
    const renumbered = (await must(t, changeQ, { input: { id: sub.id, items: seats('2'), purchaseOrderNumber: 'PO-NEW' } }))
      .changeSubscription;
    expect(renumbered).toMatchObject({ version: before.version + 1, purchaseOrderNumber: 'PO-NEW' });
    const updates = (await readableEvents(t, ['subscription.updated'])).filter((e) => e.data.id === sub.id);
    expect(updates.map((e) => e.data.purchaseOrderNumber)).toEqual(['PO-NEW']);
  });

  it('the customer portal: a portal session changes only with a number, and can give one', async () => {
    const c = await customer(false);
    const subs = [await subscribe(c), await subscribe(c)];
    await requirePurchaseOrders(c);
    const buyer = (await must(t, contactQ, { c, role: 'BUYER', email: 'buyer@hospital.example' })).createContact.id;
    // The customer's own session, then a BUYER contact's, each on a subscription that has no number yet.
    for (const [sub, contact] of [
      [subs[0], null],
      [subs[1], buyer],
    ] as const) {
      const url = (await must(t, portalQ, { c, contact })).createPortalSession.url;
      const key = new URL(url).hash.replace('#session=', '');
      const input = { id: sub.id, items: seats('3'), prorationBehavior: 'CREATE_PRORATIONS' as const };
      await expectRefused(c, () => t.gql(changeQ, { input }, key));
      await expectRefused(c, () => t.gql(previewQ, { input }, key));
      const po = contact ? 'PO-BUYER' : 'PO-PORTAL';
      expect((await must(t, changeQ, { input: { ...input, purchaseOrderNumber: po } }, key)).changeSubscription.purchaseOrderNumber).toBe(
        po,
      );
    }
    // A VIEWER changes nothing, a number or not.
    const viewer = (await must(t, contactQ, { c, role: 'VIEWER', email: 'viewer@hospital.example' })).createContact.id;
    const key = new URL((await must(t, portalQ, { c, contact: viewer })).createPortalSession.url).hash.replace('#session=', '');
    const res = await t.gql(changeQ, { input: { id: subs[0].id, items: seats('9'), purchaseOrderNumber: 'PO-VIEWER' } }, key);
    expect(errorOf(res).code).toBe('FORBIDDEN');
  });

  it('the Stripe import: a subscription for a customer that requires one is rejected (a canceled one is history)', () => {
    const mapped = {
      stripeId: 'sub_1',
      id: '00000000-0000-4000-8000-000000000001',
      customerStripeId: 'cus_1',
      currency: 'EUR',
      status: SubscriptionStatus.ACTIVE,
      items: [],
    } as unknown as MappedSubscription;
    const strict = { id: 'c', currency: 'EUR', purchaseOrderRequired: true };
    expect(() => resolveSubscription(mapped, new Map(), strict)).toThrow(ImportRejection);
    expect(() => resolveSubscription(mapped, new Map(), strict)).toThrow(/^purchaseOrderNumber: .*requires a purchase order number/);
    // Past the rule, the next check (its items) is what fails.
    expect(() => resolveSubscription({ ...mapped, status: SubscriptionStatus.CANCELED }, new Map(), strict)).not.toThrow(/purchase order/);
  });
});

describe('the number travels to every invoice and each of its lines', () => {
  const expectCarried = (invoice: PurchaseOrdersInvoiceFragment, po: string) => {
    expect(invoice.purchaseOrderNumber).toBe(po);
    expect(invoice.lines.length).toBeGreaterThan(0);
    expect(invoice.lines.map((l) => l.purchaseOrderNumber)).toEqual(invoice.lines.map(() => po));
  };

  it('quote → subscription → first invoice, in the events and on the printed invoice', async () => {
    const c = await customer(true);
    const q = (
      await must(t, createQuoteQ, {
        input: { customerId: c, currency: 'EUR', lines: seats('2'), collection: 'SEND_INVOICE', purchaseOrderNumber: 'PO-<Q&1>' },
      })
    ).createQuote;
    expect(q.purchaseOrderNumber).toBe('PO-<Q&1>');
    await must(t, sendQuoteQ, { id: q.id });
    const sub = (await must(t, acceptQuoteQ, { id: q.id })).acceptQuote;
    expect(sub.purchaseOrderNumber).toBe('PO-<Q&1>');
    const [invoice] = await invoicesOf(c);
    expectCarried(invoice, 'PO-<Q&1>');
    const page = await (await fetch(`${t.url}/invoices/${invoice.id}.html`, { headers: { authorization: `Bearer ${t.adminKey}` } })).text();
    expect(page).toContain('<dt>Purchase order</dt><dd>PO-&lt;Q&amp;1&gt;</dd>');
    expect(page).not.toContain('PO-<Q');

    const events = (await readableEvents(t, ['quote.*', 'subscription.created', 'invoice.*'])).filter((e) => e.customerId === c);
    expect(events.map((e) => [e.type, e.data.purchaseOrderNumber])).toEqual([
      ['quote.created', 'PO-<Q&1>'],
      ['quote.sent', 'PO-<Q&1>'],
      ['subscription.created', 'PO-<Q&1>'],
      ['invoice.created', 'PO-<Q&1>'],
      ['invoice.finalized', 'PO-<Q&1>'],
      ['quote.accepted', 'PO-<Q&1>'],
    ]);
  });

  it('renewals through the billing run on a test clock take the batch path with the number, and a new number reaches only later invoices', async () => {
    const testClock = (await must(t, createClockQ, { at: '2027-01-04T09:00:00Z' })).createTestClock.id;
    const c = await customer(true, testClock);
    const sub = await subscribe(c, { purchaseOrderNumber: 'PO-RENEW-1' });
    expect((await must(t, upcomingQ, { id: sub.id })).upcomingInvoice).toEqual({
      purchaseOrderNumber: 'PO-RENEW-1',
      lines: [{ purchaseOrderNumber: 'PO-RENEW-1' }],
    });
    sql = [];
    await must(t, advanceQ, { id: testClock, to: '2027-02-04T09:00:00Z' });
    // A plain renewal takes the batch path (renewal-batch.ts, set-based SQL), never closeBoundary's ORM row lock.
    expect(sql.filter(lockedOneByOne)).toEqual([]);
    await must(t, changeQ, { input: { id: sub.id, items: seats('2'), purchaseOrderNumber: 'PO-RENEW-2' } });
    await must(t, advanceQ, { id: testClock, to: '2027-03-04T09:00:00Z' });
    const invoices = await invoicesOf(c);
    expect(invoices.map((i) => i.purchaseOrderNumber)).toEqual(['PO-RENEW-1', 'PO-RENEW-1', 'PO-RENEW-2']);
    invoices.forEach((i) => expectCarried(i, i.purchaseOrderNumber!));
    const renewed = (await readableEvents(t, ['subscription.renewed'])).filter((e) => e.data.id === sub.id);
    expect(renewed.map((e) => e.data.purchaseOrderNumber)).toEqual(['PO-RENEW-1', 'PO-RENEW-2']);
  });

  it('a trial that converts and a future start, closed one boundary at a time, bill under the number', async () => {
    const testClock = (await must(t, createClockQ, { at: '2027-01-04T09:00:00Z' })).createTestClock.id;
    const c = await customer(true, testClock);
    const trial = await subscribe(c, { purchaseOrderNumber: 'PO-TRIAL', trialDays: 14 });
    expect(trial.status).toBe('TRIALING');
    const later = (
      await must(t, subscribeQ, {
        input: { customerId: c, items: seats('1'), startsAt: '2027-01-10T00:00:00Z', purchaseOrderNumber: 'PO-LATER' },
      })
    ).createSubscription;
    expect(later.status).toBe('INCOMPLETE');
    expect(await invoicesOf(c)).toEqual([]);
    sql = [];
    await must(t, advanceQ, { id: testClock, to: '2027-01-20T00:00:00Z' });
    // Trials and starts are not plain renewals: closeBoundary takes them, one locked row at a time.
    expect(sql.filter(lockedOneByOne)).toHaveLength(2);
    const invoices = await invoicesOf(c);
    expect(invoices.map((i) => [i.subscription?.id, i.purchaseOrderNumber]).sort()).toEqual(
      [
        [trial.id, 'PO-TRIAL'],
        [later.id, 'PO-LATER'],
      ].sort(),
    );
    invoices.forEach((i) => expectCarried(i, i.purchaseOrderNumber!));
  });

  it('an ALWAYS_INVOICE change and a cancellation at once invoice out of cycle under the number', async () => {
    const c = await customer(true);
    clock.set(new Date('2027-01-04T09:00:00Z'));
    const sub = await subscribe(c, { purchaseOrderNumber: 'PO-A' });
    clock.set(new Date('2027-01-15T09:00:00Z'));
    await must(t, changeQ, { input: { id: sub.id, items: seats('5'), prorationBehavior: 'ALWAYS_INVOICE', purchaseOrderNumber: 'PO-B' } });
    clock.set(new Date('2027-01-20T09:00:00Z'));
    await must(t, cancelNowQ, { id: sub.id });
    const invoices = await invoicesOf(c);
    expect(invoices).toHaveLength(3);
    const [first, ...outOfCycle] = invoices;
    expectCarried(first, 'PO-A');
    for (const invoice of outOfCycle) {
      expect(invoice.lines.every((l) => l.proration)).toBe(true);
      expectCarried(invoice, 'PO-B');
    }
    clock.set(new Date('2027-01-04T09:00:00Z'));
  });
});

describe('a company group', () => {
  const groupInvoicesQ = graphql(`
    query PurchaseOrdersGroupInvoices($c: ID) {
      invoices(customerId: $c, first: 50) {
        edges {
          node {
            id
            periodStart
            purchaseOrderNumber
            lines {
              customerId
              purchaseOrderNumber
            }
          }
        }
      }
    }
  `);

  it('a member billed to a payer that requires one needs one; the consolidated invoice names each line’s own', async () => {
    const testClock = (await must(t, createClockQ, { at: '2027-01-04T09:00:00Z' })).createTestClock.id;
    const holding = await customer(true, testClock);
    const plant = (
      await must(t, createCustomerQ, {
        input: { ...base, name: 'Plant Lyon', testClockId: testClock, parentId: holding, invoiceTo: 'PARENT' },
      })
    ).createCustomer;
    expect(plant.purchaseOrderRequired).toBe(false);
    const error = await expectRefused(plant.id, () => t.gql(subscribeQ, { input: { customerId: plant.id, items: seats('1') } }));
    expect(error.message).toMatch(new RegExp(`invoiced to ${holding}, which requires a purchase order number`));
    await subscribe(holding, { purchaseOrderNumber: 'PO-HOLDING' });
    await subscribe(plant.id, { purchaseOrderNumber: 'PO-PLANT' });
    const read = async () =>
      (await must(t, groupInvoicesQ, { c: holding })).invoices.edges
        .map((e) => e.node)
        .sort((a, b) => String(a.periodStart).localeCompare(String(b.periodStart)));
    // The plant's first invoice is addressed to the holding, under the plant's number.
    expect((await read()).map((i) => i.purchaseOrderNumber).sort()).toEqual(['PO-HOLDING', 'PO-PLANT']);

    await must(t, advanceQ, { id: testClock, to: '2027-02-04T09:00:00Z' });
    const consolidated = (await read()).at(-1)!;
    // Two orders on one invoice: the invoice names none, each line its own.
    expect(consolidated.purchaseOrderNumber).toBeNull();
    expect(consolidated.lines.map((l) => [l.customerId, l.purchaseOrderNumber])).toEqual([
      [holding, 'PO-HOLDING'],
      [plant.id, 'PO-PLANT'],
    ]);
    const page = await (
      await fetch(`${t.url}/invoices/${consolidated.id}.html`, { headers: { authorization: `Bearer ${t.adminKey}` } })
    ).text();
    expect(page).not.toContain('<dt>Purchase order</dt>');
    expect(page).toContain('<small>Purchase order PO-HOLDING</small>');
    expect(page).toContain('<small>Purchase order PO-PLANT</small>');
  });
});
