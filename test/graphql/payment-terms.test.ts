import fc from 'fast-check';
import { boundRows } from '../../src/db/bound-query';
import { runLifecycleSignals } from '../../src/domain/billing/lifecycle-signals-run';
import { invoiceDueAt } from '../../src/domain/payments/payment-terms';
import { ManualClock } from '../../src/domain/shared/clock';
import { importDump } from '../import/import-support';
import {
  customer as stripeCustomer,
  DAY as STRIPE_DAY,
  invoice as stripeInvoice,
  line,
  removeDumps,
  T0,
  writeDump,
} from '../import/stripe-builders';
import { runner, subscribe } from '../jobs/billing-support';
import { startTestApp, TestApp } from '../support/app';
import { createCustomer, createPrice, createProduct, found, must } from '../support/catalog';
import { readEvents } from '../support/events';
import { eventually } from '../support/eventually';
import { graphql } from '../support/generated';
import type { PaymentTermsInvoiceFieldsFragment } from '../support/generated/graphql';

// Payment terms everywhere (CONTRACT.md, B2B accounts: "Invoice.dueAt = finalization + the
// customer's paymentTermsDays"), end-of-month terms, invoice.due_soon before the due date, and
// dunning after it for invoices paid by transfer, all on test clocks as the real clock would do it.
const clock = new ManualClock(new Date('2027-01-05T00:00:00.000Z'));
let t: TestApp;

const DAY = 86_400_000;
const plus = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY).toISOString();

graphql(`
  fragment PaymentTermsInvoiceFields on Invoice {
    id
    status
    collectionMethod
    total
    finalizedAt
    dueAt
    paidAt
    nextPaymentAttemptAt
    amountRemaining
    attempts {
      kind
      step
      at
      outcome
    }
  }
`);

const invoicesQ = graphql(`
  query PaymentTermsInvoices($customerId: ID!) {
    invoices(first: 50, customerId: $customerId) {
      edges {
        node {
          ...PaymentTermsInvoiceFields
        }
      }
    }
  }
`);

const customerQ = graphql(`
  query PaymentTermsCustomer($id: ID!) {
    customer(id: $id) {
      id
      paymentTermsDays
      paymentTermsEndOfMonth
    }
  }
`);

const settingsQ = graphql(`
  mutation PaymentTermsUpdateSellerSettings($input: UpdateSellerSettingsInput!) {
    updateSellerSettings(input: $input) {
      defaultPaymentTermsDays
      defaultPaymentTermsEndOfMonth
      invoiceDueSoonDays
    }
  }
`);

const advanceQ = graphql(`
  mutation PaymentTermsAdvanceTestClock($id: ID!, $to: DateTime!) {
    advanceTestClock(id: $id, to: $to) {
      frozenTime
      status
    }
  }
`);

const recordPaymentQ = graphql(`
  mutation PaymentTermsRecordPayment($input: RecordPaymentInput!) {
    recordPayment(input: $input) {
      status
      amountRemaining
    }
  }
`);

async function invoices(customerId: string): Promise<PaymentTermsInvoiceFieldsFragment[]> {
  return (await must(t, invoicesQ, { customerId })).invoices.edges.map((e) => e.node as PaymentTermsInvoiceFieldsFragment);
}

async function newClock(at: string): Promise<string> {
  return (await must(t, 'mutation($at: DateTime!) { createTestClock(frozenTime: $at) { id } }', { at })).createTestClock.id;
}

async function advance(clockId: string, to: string): Promise<void> {
  expect((await must(t, advanceQ, { id: clockId, to })).advanceTestClock).toEqual({
    frozenTime: new Date(to).toISOString(),
    status: 'READY',
  });
}

/** A customer on the clock with these terms (and any other createCustomer fields). */
function customerOn(clockId: string, fields: string): Promise<string> {
  return createCustomer(t, `currency: "EUR", taxStatus: EXEMPT, testClockId: "${clockId}", ${fields}`);
}

async function attach(customerId: string, provider: string, token: string): Promise<void> {
  await must(t, 'mutation($input: AttachPaymentMethodInput!) { attachPaymentMethod(input: $input) { id } }', {
    input: { customerId, provider, token },
  });
}

async function updateSettings(input: Record<string, unknown>) {
  return (await must(t, settingsQ, { input })).updateSellerSettings;
}

interface StoredEvent {
  type: string;
  aggregateId: string;
  sequence: number;
  occurredAt: string;
  data: Record<string, any>;
}

/**
 * The customer's events of these types through the API (a CUSTOMER key), once every stored one is
 * readable: on a shared PostgreSQL the read horizon is the oldest transaction on the server.
 */
async function eventsOf(customerId: string, types: string[]): Promise<StoredEvent[]> {
  const key = (
    await must(t, 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }', {
      input: { role: 'CUSTOMER', customerId, name: 'reader' },
    })
  ).createApiKey.secret;
  const [{ n }] = await boundRows<{ n: number }>(
    t.app.db.orm.em.fork(),
    'select count(*)::int as n from domain_event where customer_id = ?::uuid and type = any(?::text[])',
    [customerId, types],
  );
  return eventually(() => readEvents(t, { types, key, fields: 'type aggregateId sequence occurredAt data' }), {
    until: (read) => read.length >= n,
    what: `${n} stored events readable`,
  });
}

/** Each invoice.due_soon as [the invoice's finalization, the signal's instant], in outbox order. */
async function dueSoonOf(customerId: string): Promise<[string | null, string][]> {
  const all = await invoices(customerId);
  return (await eventsOf(customerId, ['invoice.due_soon'])).map((e) => [
    found(
      all.find((i) => i.id === e.aggregateId),
      `invoice ${e.aggregateId}`,
    ).finalizedAt,
    e.occurredAt,
  ]);
}

beforeAll(async () => {
  t = await startTestApp({ clock });
  await createProduct(t, 'plan');
  await createPrice(t, 'seat', { kind: 'per_unit', config: { unitAmount: '10.00' } });
}, 60_000);
afterAll(async () => {
  removeDumps();
  await t?.close();
});

describe('the due date rule (invoiceDueAt)', () => {
  it.each([
    ['net 30', '2027-01-10T09:30:00.000Z', 30, false, '2027-02-09T09:30:00.000Z'],
    ['net 0', '2027-01-10T09:30:00.000Z', 0, false, '2027-01-10T09:30:00.000Z'],
    ['net 30 EOM', '2027-01-10T09:30:00.000Z', 30, true, '2027-02-28T23:59:59.999Z'],
    // January 31 + 30 days is March 2: the end of March, not of February.
    ['net 30 EOM from the 31st', '2027-01-31T00:00:00.000Z', 30, true, '2027-03-31T23:59:59.999Z'],
    ['net 30 EOM in a leap year', '2028-01-30T12:00:00.000Z', 30, true, '2028-02-29T23:59:59.999Z'],
    // April 1 + 30 days is May 1: a whole month later than "net 30" would be.
    ['net 30 EOM from the 1st of a 30-day month', '2027-04-01T00:00:00.000Z', 30, true, '2027-05-31T23:59:59.999Z'],
    ['net 0 EOM', '2027-12-15T08:00:00.000Z', 0, true, '2027-12-31T23:59:59.999Z'],
    ['net 0 EOM at the last instant of a month', '2027-12-31T23:59:59.999Z', 0, true, '2027-12-31T23:59:59.999Z'],
    ['net 1 EOM into a new year', '2027-12-31T23:59:59.999Z', 1, true, '2028-01-31T23:59:59.999Z'],
  ])('%s: finalized %s, %i days, end of month %p → %s', (_name, finalized, days, endOfMonth, due) => {
    expect(invoiceDueAt(new Date(finalized), { paymentTermsDays: days, paymentTermsEndOfMonth: endOfMonth }).toISOString()).toBe(due);
  });

  const instants = fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2999-12-31T00:00:00Z'), noInvalidDate: true });
  const days = fc.integer({ min: 0, max: 365 });

  it('end of month: due at the last instant of the month in which finalization + N days falls, within 31 days of it', () => {
    fc.assert(
      fc.property(instants, days, (finalized, n) => {
        const due = invoiceDueAt(finalized, { paymentTermsDays: n, paymentTermsEndOfMonth: true });
        const net = new Date(finalized.getTime() + n * DAY);
        const next = new Date(due.getTime() + 1);
        return (
          due.getTime() >= net.getTime() &&
          due.getTime() - net.getTime() < 31 * DAY &&
          // The last instant of a month: one millisecond later is midnight UTC on a 1st.
          next.getUTCDate() === 1 &&
          next.getUTCHours() + next.getUTCMinutes() + next.getUTCSeconds() + next.getUTCMilliseconds() === 0 &&
          // …of the month finalization + N falls in.
          due.getUTCFullYear() === net.getUTCFullYear() &&
          due.getUTCMonth() === net.getUTCMonth()
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('plain terms: due exactly N × 24 hours after finalization', () => {
    fc.assert(
      fc.property(instants, days, (finalized, n) => {
        const due = invoiceDueAt(finalized, { paymentTermsDays: n, paymentTermsEndOfMonth: false });
        return due.getTime() - finalized.getTime() === n * DAY;
      }),
    );
  });
});

describe('due dates on every kind of invoice', () => {
  const START = '2027-03-10T10:00:00.000Z';
  let clockId: string;
  beforeAll(async () => {
    clockId = await newClock(START);
  });

  it('sent invoices: the first, an ALWAYS_INVOICE change, a renewal and a final invoice are each due finalization + 45 days', async () => {
    const customer = await customerOn(clockId, 'paymentTermsDays: 45');
    const sub = await subscribe(t, customer, { items: [{ priceCode: 'seat', quantity: '1' }], collection: 'SEND_INVOICE' });
    await must(
      t,
      'mutation($id: ID!) { changeSubscription(input: { id: $id, prorationBehavior: ALWAYS_INVOICE, items: [{ priceCode: "seat", quantity: "3" }] }) { version } }',
      { id: sub },
    );
    await advance(clockId, '2027-04-10T10:00:00.000Z');
    await must(t, 'mutation($id: ID!) { cancelSubscription(id: $id, atPeriodEnd: false, prorationBehavior: ALWAYS_INVOICE) { status } }', {
      id: sub,
    });
    const all = await invoices(customer);
    expect(all.map((i) => [i.collectionMethod, i.finalizedAt, i.dueAt])).toEqual([
      ['SEND_INVOICE', START, plus(START, 45)],
      ['SEND_INVOICE', START, plus(START, 45)],
      ['SEND_INVOICE', '2027-04-10T10:00:00.000Z', '2027-05-25T10:00:00.000Z'],
      ['SEND_INVOICE', '2027-04-10T10:00:00.000Z', '2027-05-25T10:00:00.000Z'],
    ]);
    expect(all.map((i) => i.nextPaymentAttemptAt)).toEqual(all.map((i) => (Number(i.total) > 0 ? i.dueAt : null)));
  });

  it('charged invoices: a card is charged as the invoice is finalized, yet the document is due at the end of the month of + 30 days', async () => {
    // The clock stands at April 10 now.
    const customer = await customerOn(clockId, 'paymentTermsDays: 30, paymentTermsEndOfMonth: true');
    await attach(customer, 'sandbox', 'pm_sandbox_ok');
    await subscribe(t, customer, { items: [{ priceCode: 'seat', quantity: '1' }] });
    await advance(clockId, '2027-05-10T10:00:00.000Z');
    expect((await invoices(customer)).map((i) => [i.collectionMethod, i.status, i.finalizedAt, i.paidAt, i.dueAt])).toEqual([
      // April 10 + 30 days is May 10: due at the end of May.
      ['CHARGE_AUTOMATICALLY', 'PAID', '2027-04-10T10:00:00.000Z', '2027-04-10T10:00:00.000Z', '2027-05-31T23:59:59.999Z'],
      ['CHARGE_AUTOMATICALLY', 'PAID', '2027-05-10T10:00:00.000Z', '2027-05-10T10:00:00.000Z', '2027-06-30T23:59:59.999Z'],
    ]);
  });

  it('a customer paying by bank transfer gets sent invoices due after its terms; a draft is due after the terms from its finalization', async () => {
    const transfer = await customerOn(clockId, 'paymentTermsDays: 14');
    await attach(transfer, 'manual', 'DE89 3704 0044 0532 0130 00');
    await subscribe(t, transfer, { items: [{ priceCode: 'seat', quantity: '1' }] });
    const [sent] = await invoices(transfer);
    expect(sent).toMatchObject({ collectionMethod: 'SEND_INVOICE', status: 'OPEN', dueAt: '2027-05-24T10:00:00.000Z' });
    expect(sent.finalizedAt).toBe('2027-05-10T10:00:00.000Z');

    const reviewed = await customerOn(clockId, 'paymentTermsDays: 10, invoiceDrafts: true');
    await subscribe(t, reviewed, { items: [{ priceCode: 'seat', quantity: '1' }], collection: 'SEND_INVOICE' });
    const [draft] = await invoices(reviewed);
    expect(draft).toMatchObject({ status: 'DRAFT', finalizedAt: null, dueAt: null });
    await advance(clockId, '2027-05-12T10:00:00.000Z');
    const finalized = (await must(t, 'mutation($id: ID!) { finalizeInvoice(id: $id) { status finalizedAt dueAt } }', { id: draft.id }))
      .finalizeInvoice;
    expect(finalized).toEqual({ status: 'OPEN', finalizedAt: '2027-05-12T10:00:00.000Z', dueAt: '2027-05-22T10:00:00.000Z' });
  });

  it('an accepted quote’s first invoice is due after the customer’s terms', async () => {
    const customer = await customerOn(clockId, 'paymentTermsDays: 20, paymentTermsEndOfMonth: true');
    const quote = (
      await must(t, 'mutation($input: CreateQuoteInput!) { createQuote(input: $input) { id } }', {
        input: { customerId: customer, currency: 'EUR', lines: [{ priceCode: 'seat', quantity: '2' }], collection: 'SEND_INVOICE' },
      })
    ).createQuote.id;
    await must(t, 'mutation($id: ID!) { sendQuote(id: $id) { status } }', { id: quote });
    await must(t, 'mutation($id: ID!) { acceptQuote(id: $id) { id } }', { id: quote });
    const [first] = await invoices(customer);
    // May 12 + 20 days is June 1: due at the end of June.
    expect(first).toMatchObject({
      collectionMethod: 'SEND_INVOICE',
      finalizedAt: '2027-05-12T10:00:00.000Z',
      dueAt: '2027-06-30T23:59:59.999Z',
    });
  });
});

describe('consolidated invoices (company groups)', () => {
  it('are due after the paying parent’s terms, not the child’s, and announced on the parent’s account', async () => {
    const START = '2027-03-01T00:00:00.000Z';
    const clockId = await newClock(START);
    const parent = await customerOn(clockId, 'paymentTermsDays: 30, paymentTermsEndOfMonth: true');
    const child = await customerOn(clockId, `paymentTermsDays: 7, parentId: "${parent}", invoiceTo: PARENT`);
    await subscribe(t, child, { items: [{ priceCode: 'seat', quantity: '2' }], collection: 'SEND_INVOICE' });
    await advance(clockId, '2027-04-02T00:00:00.000Z');
    expect(await invoices(child)).toEqual([]);
    expect((await invoices(parent)).map((i) => [i.collectionMethod, i.finalizedAt, i.dueAt])).toEqual([
      ['SEND_INVOICE', START, '2027-03-31T23:59:59.999Z'],
      // April 1 + 30 days is May 1: the end of May.
      ['SEND_INVOICE', '2027-04-01T00:00:00.000Z', '2027-05-31T23:59:59.999Z'],
    ]);
    expect(await dueSoonOf(parent)).toEqual([[START, '2027-03-24T23:59:59.999Z']]);
  });
});

describe('terms on the customer and the seller’s defaults', () => {
  afterEach(async () => {
    await updateSettings({ defaultPaymentTermsDays: 30, defaultPaymentTermsEndOfMonth: false, invoiceDueSoonDays: 7 });
  });

  it('a customer created or upserted without terms gets the seller’s default; given terms win; updates keep what is not given', async () => {
    expect(await updateSettings({ defaultPaymentTermsDays: 14, defaultPaymentTermsEndOfMonth: true })).toEqual({
      defaultPaymentTermsDays: 14,
      defaultPaymentTermsEndOfMonth: true,
      invoiceDueSoonDays: 7,
    });
    const plain = await createCustomer(t);
    expect((await must(t, customerQ, { id: plain })).customer).toMatchObject({ paymentTermsDays: 14, paymentTermsEndOfMonth: true });
    const given = await createCustomer(t, 'currency: "EUR", taxStatus: EXEMPT, paymentTermsDays: 60');
    expect((await must(t, customerQ, { id: given })).customer).toMatchObject({ paymentTermsDays: 60, paymentTermsEndOfMonth: true });

    const updated = (
      await must(
        t,
        'mutation($id: ID!) { updateCustomer(id: $id, input: { paymentTermsEndOfMonth: false }) { paymentTermsDays paymentTermsEndOfMonth } }',
        {
          id: given,
        },
      )
    ).updateCustomer;
    expect(updated).toEqual({ paymentTermsDays: 60, paymentTermsEndOfMonth: false });

    const upsert = `mutation($input: UpsertCustomerInput!) { upsertCustomer(input: $input) { outcome customer { id paymentTermsDays paymentTermsEndOfMonth } } }`;
    const base = {
      externalId: { system: 'ERP', id: 'terms-1' },
      name: 'Upserted',
      email: 'u@example.com',
      currency: 'EUR',
      taxStatus: 'EXEMPT',
    };
    expect((await must(t, upsert, { input: base })).upsertCustomer).toMatchObject({
      outcome: 'CREATED',
      customer: { paymentTermsDays: 14, paymentTermsEndOfMonth: true },
    });
    expect(
      (await must(t, upsert, { input: { ...base, paymentTermsDays: 45, paymentTermsEndOfMonth: false } })).upsertCustomer,
    ).toMatchObject({
      outcome: 'UPDATED',
      customer: { paymentTermsDays: 45, paymentTermsEndOfMonth: false },
    });
    // Omitted: kept, so a sync that does not hold terms does not reset them.
    expect((await must(t, upsert, { input: base })).upsertCustomer).toMatchObject({
      outcome: 'UNCHANGED',
      customer: { paymentTermsDays: 45, paymentTermsEndOfMonth: false },
    });
    const events = (await eventsOf(given, ['customer.created', 'customer.updated'])).map((e) => [
      e.type,
      e.data.paymentTermsDays,
      e.data.paymentTermsEndOfMonth,
    ]);
    expect(events).toEqual([
      ['customer.created', 60, true],
      ['customer.updated', 60, false],
    ]);
  });

  it.each([
    [
      'createCustomer',
      'input.paymentTermsDays',
      'createCustomer(input: { name: "X", email: "x@example.com", currency: "EUR", taxStatus: EXEMPT, paymentTermsDays: 366 }) { id }',
    ],
    [
      'updateCustomer',
      'input.paymentTermsDays',
      'updateCustomer(id: "00000000-0000-4000-8000-000000000000", input: { paymentTermsDays: 400 }) { id }',
    ],
    [
      'upsertCustomer',
      'input.paymentTermsDays',
      'upsertCustomer(input: { externalId: { system: "ERP", id: "bad" }, name: "X", email: "x@example.com", currency: "EUR", taxStatus: EXEMPT, paymentTermsDays: -1 }) { outcome }',
    ],
    ['updateSellerSettings', 'input.defaultPaymentTermsDays', 'updateSellerSettings(input: { defaultPaymentTermsDays: 400 }) { name }'],
    ['updateSellerSettings', 'input.invoiceDueSoonDays', 'updateSellerSettings(input: { invoiceDueSoonDays: 91 }) { name }'],
    ['updateSellerSettings', 'input.invoiceDueSoonDays', 'updateSellerSettings(input: { invoiceDueSoonDays: -1 }) { name }'],
  ])('%s refuses terms out of range with BAD_USER_INPUT at %s', async (_name, field, mutation) => {
    const res = await t.gql(`mutation { ${mutation} }`);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('the Stripe import gives a customer without Stripe terms the seller’s default; an invoice keeps Stripe’s due date, or is due after the terms', async () => {
    await updateSettings({ defaultPaymentTermsDays: 21 });
    const finalized = T0 - 5 * STRIPE_DAY + 3600;
    const dir = writeDump({
      customers: [stripeCustomer('cus_Terms0001')],
      invoices: [
        stripeInvoice('in_Terms0001', 'cus_Terms0001', [line('il_Terms0001', 4000)]),
        stripeInvoice('in_Terms0002', 'cus_Terms0001', [line('il_Terms0002', 2000)], {
          collection_method: 'send_invoice',
          due_date: T0 + 10 * STRIPE_DAY,
          number: 'TEST0001-0002',
        }),
      ],
    });
    const report = await importDump(t, clock, dir);
    expect(report.rejected).toEqual([]);
    const imported = (
      await must(t, 'query { customerByExternalId(system: "STRIPE", id: "cus_Terms0001") { id paymentTermsDays paymentTermsEndOfMonth } }')
    ).customerByExternalId;
    expect(imported).toMatchObject({ paymentTermsDays: 21, paymentTermsEndOfMonth: false });
    const byTotal = new Map((await invoices(imported.id)).map((i) => [i.total, i]));
    expect(byTotal.get('40.00')).toMatchObject({
      collectionMethod: 'CHARGE_AUTOMATICALLY',
      finalizedAt: new Date(finalized * 1000).toISOString(),
      dueAt: new Date((finalized + 21 * STRIPE_DAY) * 1000).toISOString(),
    });
    expect(byTotal.get('20.00')).toMatchObject({
      collectionMethod: 'SEND_INVOICE',
      dueAt: new Date((T0 + 10 * STRIPE_DAY) * 1000).toISOString(),
      nextPaymentAttemptAt: new Date((T0 + 10 * STRIPE_DAY) * 1000).toISOString(),
    });
  });
});

describe('invoice.due_soon', () => {
  const START = '2027-03-01T00:00:00.000Z';

  it('comes once per sent invoice, 7 days before its due date (at finalization when the terms are shorter); never for one paid, charged or due at once', async () => {
    const clockId = await newClock(START);
    const net30 = await customerOn(clockId, 'paymentTermsDays: 30');
    const eom = await customerOn(clockId, 'paymentTermsDays: 30, paymentTermsEndOfMonth: true');
    const paid = await customerOn(clockId, 'paymentTermsDays: 30');
    const card = await customerOn(clockId, 'paymentTermsDays: 30');
    const short = await customerOn(clockId, 'paymentTermsDays: 3');
    const atOnce = await customerOn(clockId, 'paymentTermsDays: 0');
    await attach(card, 'sandbox', 'pm_sandbox_ok');
    for (const c of [net30, eom, paid, short, atOnce])
      await subscribe(t, c, { items: [{ priceCode: 'seat', quantity: '1' }], collection: 'SEND_INVOICE' });
    await subscribe(t, card, { items: [{ priceCode: 'seat', quantity: '1' }] });
    const [toPay] = await invoices(paid);
    expect(
      (await must(t, recordPaymentQ, { input: { invoiceId: toPay.id, amount: '10.00', reference: 'SEPA-T1' } })).recordPayment,
    ).toEqual({
      status: 'PAID',
      amountRemaining: '0.00',
    });

    await advance(clockId, '2027-03-23T23:59:59.999Z');
    expect(await dueSoonOf(net30)).toEqual([]);
    expect(await dueSoonOf(short)).toEqual([[START, START]]);

    await advance(clockId, '2027-03-27T00:00:00.000Z');
    const [signal, ...more] = await eventsOf(net30, ['invoice.due_soon']);
    expect(more).toEqual([]);
    const [first] = await invoices(net30);
    expect(signal).toMatchObject({
      type: 'invoice.due_soon',
      aggregateId: first.id,
      occurredAt: '2027-03-24T00:00:00.000Z',
      data: { id: first.id, status: 'OPEN', dueAt: '2027-03-31T00:00:00.000Z', amountRemaining: '10.00', daysBeforeDue: 7 },
    });
    // March 1 + 30 days is March 31: due at its last instant, announced 7 × 24 hours before.
    expect(await dueSoonOf(eom)).toEqual([[START, '2027-03-24T23:59:59.999Z']]);

    await advance(clockId, '2027-05-10T00:00:00.000Z');
    expect(await dueSoonOf(net30)).toEqual([
      [START, '2027-03-24T00:00:00.000Z'],
      ['2027-04-01T00:00:00.000Z', '2027-04-24T00:00:00.000Z'],
    ]);
    // April 1 + 30 is May 1: due May 31, so not yet.
    expect(await dueSoonOf(eom)).toEqual([[START, '2027-03-24T23:59:59.999Z']]);
    // The first was paid before its time: only the renewal's.
    expect(await dueSoonOf(paid)).toEqual([['2027-04-01T00:00:00.000Z', '2027-04-24T00:00:00.000Z']]);
    expect(await dueSoonOf(short)).toEqual([
      [START, START],
      ['2027-04-01T00:00:00.000Z', '2027-04-01T00:00:00.000Z'],
      ['2027-05-01T00:00:00.000Z', '2027-05-01T00:00:00.000Z'],
    ]);
    expect(await dueSoonOf(card)).toEqual([]);
    expect(await dueSoonOf(atOnce)).toEqual([]);

    // In the invoice's own sequence: finalized, announced, then overdue at the due date.
    const history = (await eventsOf(net30, ['invoice.finalized', 'invoice.due_soon', 'invoice.overdue'])).filter(
      (e) => e.aggregateId === first.id,
    );
    expect(history.map((e) => [e.type, e.occurredAt])).toEqual([
      ['invoice.finalized', START],
      ['invoice.due_soon', '2027-03-24T00:00:00.000Z'],
      ['invoice.overdue', '2027-03-31T00:00:00.000Z'],
    ]);
    expect(history.map((e) => e.sequence)).toEqual([...history.map((e) => e.sequence)].sort((a, b) => a - b));

    await advance(clockId, '2027-05-12T00:00:00.000Z');
    expect(await dueSoonOf(net30)).toHaveLength(2);
  });

  it('follows the seller’s invoiceDueSoonDays, and 0 turns it off', async () => {
    await updateSettings({ invoiceDueSoonDays: 0 });
    try {
      const clockId = await newClock(START);
      const quiet = await customerOn(clockId, 'paymentTermsDays: 30');
      await subscribe(t, quiet, { items: [{ priceCode: 'seat', quantity: '1' }], collection: 'SEND_INVOICE' });
      await advance(clockId, '2027-03-30T00:00:00.000Z');
      expect(await dueSoonOf(quiet)).toEqual([]);

      await updateSettings({ invoiceDueSoonDays: 2 });
      const soon = await customerOn(clockId, 'paymentTermsDays: 10');
      await subscribe(t, soon, { items: [{ priceCode: 'seat', quantity: '1' }], collection: 'SEND_INVOICE' });
      await advance(clockId, '2027-04-15T00:00:00.000Z');
      const [e] = await eventsOf(soon, ['invoice.due_soon']);
      expect([e.occurredAt, e.data.dueAt, e.data.daysBeforeDue]).toEqual(['2027-04-07T00:00:00.000Z', '2027-04-09T00:00:00.000Z', 2]);
      // Turned on while the first one was not yet due: its instant (2 days before March 31) had passed, so the next
      // step of the clock emitted it, dated at its own instant, before the due date's overdue notice.
      expect(await dueSoonOf(quiet)).toEqual([[START, '2027-03-29T00:00:00.000Z']]);
    } finally {
      await updateSettings({ invoiceDueSoonDays: 7 });
    }
  });

  describe('exactly once', () => {
    async function dueOne(): Promise<{ customer: string; run: () => ReturnType<typeof runLifecycleSignals> }> {
      const clockId = await newClock(START);
      const customer = await customerOn(clockId, 'paymentTermsDays: 30');
      await subscribe(t, customer, { items: [{ priceCode: 'seat', quantity: '1' }], collection: 'SEND_INVOICE' });
      const run = () =>
        runLifecycleSignals({
          fork: () => t.app.db.orm.em.fork(),
          at: new Date('2027-03-25T00:00:00.000Z'),
          clock,
          actor: runner,
          customerIds: [customer],
        });
      return { customer, run };
    }

    it('however often the job runs', async () => {
      const { customer, run } = await dueOne();
      expect(await run()).toEqual({ signalsEmitted: 1, signalsFailed: 0 });
      expect(await run()).toEqual({ signalsEmitted: 0, signalsFailed: 0 });
      expect(await dueSoonOf(customer)).toEqual([[START, '2027-03-24T00:00:00.000Z']]);
    });

    // The embedded database runs one statement at a time: racing runs need a real server.
    if (process.env.DATABASE_URL)
      it('however many runs race for it', async () => {
        const { customer, run } = await dueOne();
        const results = await Promise.all([run(), run(), run(), run()]);
        expect(results.reduce((n, r) => n + r.signalsEmitted, 0)).toBe(1);
        expect(results.every((r) => r.signalsFailed === 0)).toBe(true);
        expect(await dueSoonOf(customer)).toHaveLength(1);
        const [{ n }] = await boundRows<{ n: number }>(
          t.app.db.orm.em.fork(),
          `select count(*)::int as n from lifecycle_signal where type = 'invoice.due_soon' and customer_id = ?::uuid`,
          [customer],
        );
        expect(n).toBe(1);
      });
  });
});

describe('overdue dunning of invoices paid by transfer', () => {
  afterAll(async () => {
    await must(
      t,
      'mutation { setDunningPolicy(input: { retryAfterDays: [1, 3, 5, 7], finalAction: LEAVE_PAST_DUE, graceDays: 0 }) { retryAfterDays } }',
    );
  });

  it('end-of-month terms: the overdue notice at the due date, reminders on the schedule from it, and a payment recovers the subscription', async () => {
    await must(t, 'mutation { setDunningPolicy(input: { retryAfterDays: [2, 5], finalAction: LEAVE_PAST_DUE }) { retryAfterDays } }');
    const START = '2027-03-01T00:00:00.000Z';
    const DUE = '2027-03-31T23:59:59.999Z';
    const clockId = await newClock(START);
    const customer = await customerOn(clockId, 'paymentTermsDays: 30, paymentTermsEndOfMonth: true');
    await attach(customer, 'manual', 'SEPA transfer');
    const sub = await subscribe(t, customer, { items: [{ priceCode: 'seat', quantity: '1' }] });
    const status = async () => (await must(t, 'query($id: ID!) { subscription(id: $id) { status } }', { id: sub })).subscription.status;

    await advance(clockId, '2027-03-31T23:59:59.998Z');
    let [first] = await invoices(customer);
    expect(first).toMatchObject({ collectionMethod: 'SEND_INVOICE', status: 'OPEN', dueAt: DUE, nextPaymentAttemptAt: DUE, attempts: [] });
    expect(await status()).toBe('ACTIVE');

    await advance(clockId, '2027-04-08T00:00:00.000Z');
    const all = await invoices(customer);
    first = found(
      all.find((i) => i.finalizedAt === START),
      'the first invoice',
    );
    expect(first.attempts.map((a) => [a.kind, a.step, a.at, a.outcome])).toEqual([
      ['REMINDER', 0, DUE, 'reminder_sent'],
      ['REMINDER', 1, plus(DUE, 2), 'reminder_sent'],
      ['REMINDER', 2, plus(DUE, 5), 'reminder_sent'],
    ]);
    expect(await status()).toBe('PAST_DUE');
    const told = (await eventsOf(customer, ['invoice.due_soon', 'invoice.overdue', 'invoice.reminder_sent'])).filter(
      (e) => e.aggregateId === first.id,
    );
    expect(told.map((e) => [e.type, e.occurredAt])).toEqual([
      ['invoice.due_soon', '2027-03-24T23:59:59.999Z'],
      ['invoice.overdue', DUE],
      ['invoice.reminder_sent', plus(DUE, 2)],
      ['invoice.reminder_sent', plus(DUE, 5)],
    ]);
    // The renewal of April 1 is due at the end of May (April 1 + 30 days is May 1): not chased yet.
    const renewal = found(
      all.find((i) => i.finalizedAt === '2027-04-01T00:00:00.000Z'),
      'the renewal',
    );
    expect(renewal).toMatchObject({ status: 'OPEN', dueAt: '2027-05-31T23:59:59.999Z', attempts: [] });

    expect(
      (await must(t, recordPaymentQ, { input: { invoiceId: first.id, amount: '10.00', reference: 'SEPA-EOM-1' } })).recordPayment,
    ).toEqual({
      status: 'PAID',
      amountRemaining: '0.00',
    });
    expect(await status()).toBe('ACTIVE');
  });
});
