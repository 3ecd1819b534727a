import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { boundRows } from '../../src/db/bound-query';
import { creditExposures } from '../../src/domain/customers/credit-exposure';
import { InvoiceStatus } from '../../src/domain/invoices/invoice.entity';
import { newInvoiceFacts, writeInvoices } from '../../src/domain/invoices/invoice-writer';
import { ManualClock } from '../../src/domain/shared/clock';
import { Decimal, ZERO } from '../../src/pricing/decimal';
import { startTestApp, TestApp, GraphQLResponse } from '../support/app';
import { createPrice, createProduct, found, must } from '../support/catalog';
import { readableEvents } from '../support/events';
import { graphql } from '../support/generated';

// docs/credit-limits.md: creditExposure = the rest of OPEN invoices + DRAFT totals; an operation
// that would raise it above creditLimit is CONFLICT / CREDIT_LIMIT and writes nothing. The seat
// costs 10.00 + 20 % tax, so one seat is 12.00 on an invoice.
const clock = new ManualClock(new Date('2026-03-01T00:00:00Z'));
let t: TestApp;

graphql(`
  fragment CreditLimitsCustomerFields on Customer {
    id
    currency
    creditLimit
    creditExposure
  }
`);
const createCustomerDoc = graphql(`
  mutation CreditLimitsCreateCustomer($input: CreateCustomerInput!) {
    createCustomer(input: $input) {
      ...CreditLimitsCustomerFields
    }
  }
`);
const updateCustomerDoc = graphql(`
  mutation CreditLimitsUpdateCustomer($id: ID!, $input: UpdateCustomerInput!) {
    updateCustomer(id: $id, input: $input) {
      ...CreditLimitsCustomerFields
    }
  }
`);
const upsertCustomerDoc = graphql(`
  mutation CreditLimitsUpsertCustomer($input: UpsertCustomerInput!) {
    upsertCustomer(input: $input) {
      outcome
      customer {
        ...CreditLimitsCustomerFields
      }
    }
  }
`);
const readCustomerDoc = graphql(`
  query CreditLimitsReadCustomer($id: ID!) {
    customer(id: $id) {
      ...CreditLimitsCustomerFields
    }
  }
`);
const subscribeDoc = graphql(`
  mutation CreditLimitsSubscribe($input: CreateSubscriptionInput!) {
    createSubscription(input: $input) {
      id
      version
      status
    }
  }
`);
const changeDoc = graphql(`
  mutation CreditLimitsChange($input: ChangeSubscriptionInput!) {
    changeSubscription(input: $input) {
      id
      version
    }
  }
`);
const scheduleDoc = graphql(`
  mutation CreditLimitsSchedule($input: ScheduleChangeInput!) {
    scheduleChange(input: $input) {
      effectiveAt
    }
  }
`);
const invoicesDoc = graphql(`
  query CreditLimitsInvoices($customerId: ID) {
    invoices(customerId: $customerId) {
      edges {
        node {
          id
          status
          total
          amountRemaining
        }
      }
    }
  }
`);
const payDoc = graphql(`
  mutation CreditLimitsPay($input: RecordPaymentInput!) {
    recordPayment(input: $input) {
      id
      status
    }
  }
`);
const quoteDoc = graphql(`
  mutation CreditLimitsCreateQuote($input: CreateQuoteInput!) {
    createQuote(input: $input) {
      id
    }
  }
`);
const sendQuoteDoc = graphql(`
  mutation CreditLimitsSendQuote($id: ID!) {
    sendQuote(id: $id) {
      id
      status
      total
    }
  }
`);
const acceptQuoteDoc = graphql(`
  mutation CreditLimitsAcceptQuote($id: ID!) {
    acceptQuote(id: $id) {
      id
    }
  }
`);
const readQuoteDoc = graphql(`
  query CreditLimitsReadQuote($id: ID!) {
    quote(id: $id) {
      status
    }
  }
`);
const overLimitDoc = graphql(`
  query CreditLimitsOverLimit($filter: CustomerFilter) {
    customers(first: 100, filter: $filter) {
      edges {
        node {
          id
          creditLimit
          creditExposure
        }
      }
    }
  }
`);
const portalSessionDoc = graphql(`
  mutation CreditLimitsPortalSession($customerId: ID!) {
    createPortalSession(customerId: $customerId, returnUrl: "https://shop.example.com/") {
      url
    }
  }
`);
const settingsDoc = graphql(`
  mutation CreditLimitsSettings($input: UpdateSellerSettingsInput!) {
    updateSellerSettings(input: $input) {
      allowSelfServiceQuantityChange
    }
  }
`);

const base = { name: 'Hospital group', email: 'ap@hospital.example', currency: 'EUR', taxStatus: 'TAXABLE' as const, taxRate: '20' };

async function customer(creditLimit: string | null): Promise<string> {
  return (await must(t, createCustomerDoc, { input: { ...base, creditLimit } })).createCustomer.id;
}

async function exposure(id: string): Promise<string> {
  return found((await must(t, readCustomerDoc, { id })).customer, 'the customer').creditExposure;
}

function subscribeInput(customerId: string, quantity: string, extra: { trialDays?: number } = {}) {
  return { customerId, items: [{ priceCode: 'seat', quantity }], collection: 'SEND_INVOICE' as const, ...extra };
}

async function subscribe(customerId: string, quantity: string): Promise<{ id: string; version: number }> {
  return (await must(t, subscribeDoc, { input: subscribeInput(customerId, quantity) })).createSubscription;
}

/** The refusal's extensions and message; fails unless it is CONFLICT / CREDIT_LIMIT. */
function creditRefusal(res: GraphQLResponse<unknown>): { message: string; extensions: Record<string, unknown> } {
  const error = found(res.errors?.[0], `a refusal, got ${JSON.stringify(res.data)}`);
  expect(error.extensions).toMatchObject({ code: 'CONFLICT', reason: 'CREDIT_LIMIT' });
  expect(res.data).toBeNull();
  return { message: error.message, extensions: error.extensions! };
}

const WRITTEN = [
  'subscription',
  'subscription_item',
  'subscription_event',
  'pending_proration',
  'invoice',
  'invoice_line',
  'coupon_redemption',
  'mrr_movement',
  'domain_event',
  'audit_entry',
];

/** Everything an operation could write: row counts, subscription and quote versions, the number counters. */
async function snapshot(): Promise<Record<string, unknown>> {
  const counts = WRITTEN.map((table) => `(select count(*)::int from ${table}) as ${table}`).join(', ');
  const [row] = await boundRows(
    t.app.db.orm.em.fork(),
    `select ${counts},
            (select coalesce(sum(version), 0)::int from subscription) as subscription_versions,
            (select string_agg(id || ':' || status || ':' || updated_at::text, ',' order by id) from quote) as quotes,
            (select string_agg(series || year || ':' || last, ',' order by series, year) from invoice_number) as numbers`,
  );
  return row;
}

/** `work` is refused for credit, and the database is as it was. */
async function refusedWritingNothing(work: () => Promise<GraphQLResponse<unknown>>) {
  const before = await snapshot();
  const refusal = creditRefusal(await work());
  expect(await snapshot()).toEqual(before);
  return refusal;
}

beforeAll(async () => {
  t = await startTestApp({ clock });
  await createProduct(t, 'plan');
  await createPrice(t, 'seat', { kind: 'per_unit', config: { unitAmount: '10.00' } });
  await must(t, settingsDoc, { input: { allowSelfServiceQuantityChange: true, selfServicePriceCodes: ['seat'] } });
});
afterAll(async () => {
  await t.close();
});

describe('creditLimit on customers', () => {
  it('is set, kept when absent, lifted with null, and carried by the customer events', async () => {
    const created = (await must(t, createCustomerDoc, { input: { ...base, creditLimit: '5000' } })).createCustomer;
    expect(created).toMatchObject({ creditLimit: '5000.00', creditExposure: '0.00' });
    const kept = (await must(t, updateCustomerDoc, { id: created.id, input: { name: 'Renamed' } })).updateCustomer;
    expect(kept.creditLimit).toBe('5000.00');
    const lowered = (await must(t, updateCustomerDoc, { id: created.id, input: { creditLimit: '0' } })).updateCustomer;
    expect(lowered.creditLimit).toBe('0.00');
    const lifted = (await must(t, updateCustomerDoc, { id: created.id, input: { creditLimit: null } })).updateCustomer;
    expect(lifted.creditLimit).toBeNull();
    const events = (await readableEvents(t, ['customer.created', 'customer.updated'])).filter((e) => e.data.id === created.id);
    expect(events.map((e) => [e.type, e.data.creditLimit])).toEqual([
      ['customer.created', '5000.00'],
      ['customer.updated', '5000.00'],
      ['customer.updated', '0.00'],
      ['customer.updated', null],
    ]);
  });

  it.each([
    ['a negative limit', { creditLimit: '-1' }, /at least 0/],
    ['more decimals than the currency has', { creditLimit: '10.001' }, /EUR amounts have at most 2 decimal places/],
    ['decimals in a currency without them', { currency: 'JPY', creditLimit: '10.5' }, /JPY amounts have at most 0 decimal places/],
  ])('refuses %s at input.creditLimit, writing nothing', async (_, fields, message) => {
    const before = await snapshot();
    const res = await t.gql(createCustomerDoc, { input: { ...base, ...fields } });
    expect(res.errors?.[0]).toMatchObject({
      message: expect.stringMatching(message),
      extensions: { code: 'BAD_USER_INPUT', field: 'input.creditLimit' },
    });
    expect(await snapshot()).toEqual(before);
    const currency = 'currency' in fields ? fields.currency : 'EUR';
    const id = (await must(t, createCustomerDoc, { input: { ...base, currency } })).createCustomer.id;
    const update = await t.gql(updateCustomerDoc, { id, input: { creditLimit: fields.creditLimit } });
    expect(update.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.creditLimit' });
  });

  it('upsertCustomer sets it; omitted or null keeps it; updateCustomer lifts it', async () => {
    const input = { ...base, externalId: { system: 'SAP', id: 'credit-1' }, creditLimit: '2500.5' };
    const first = (await must(t, upsertCustomerDoc, { input })).upsertCustomer;
    expect(first).toMatchObject({ outcome: 'CREATED', customer: { creditLimit: '2500.50' } });
    expect((await must(t, upsertCustomerDoc, { input: { ...input, creditLimit: '2500.50' } })).upsertCustomer.outcome).toBe('UNCHANGED');
    const { creditLimit: _omitted, ...without } = input;
    expect((await must(t, upsertCustomerDoc, { input: without })).upsertCustomer.outcome).toBe('UNCHANGED');
    expect((await must(t, upsertCustomerDoc, { input: { ...without, creditLimit: null } })).upsertCustomer.outcome).toBe('UNCHANGED');
    // With the tax rate: both are Decimal columns, which the upsert sets in one change.
    const raised = (await must(t, upsertCustomerDoc, { input: { ...input, taxRate: '21', creditLimit: '3000' } })).upsertCustomer;
    expect(raised).toMatchObject({ outcome: 'UPDATED', customer: { creditLimit: '3000.00' } });
    const res = await t.gql(upsertCustomerDoc, { input: { ...input, creditLimit: '-5' } });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.creditLimit' });
    const lifted = (await must(t, updateCustomerDoc, { id: first.customer.id, input: { creditLimit: null } })).updateCustomer;
    expect(lifted.creditLimit).toBeNull();
  });
});

describe('createSubscription', () => {
  it('passes under the limit, then refuses what would pass it, naming limit, exposure and amount', async () => {
    const id = await customer('100');
    await subscribe(id, '8');
    expect(await exposure(id)).toBe('96.00');
    // Exactly at the limit is within it.
    const other = await customer('96');
    await subscribe(other, '8');
    const refusal = await refusedWritingNothing(() => t.gql(subscribeDoc, { input: subscribeInput(id, '1') }));
    expect(refusal.extensions).toMatchObject({ creditLimit: '100.00', creditExposure: '96.00', amount: '12.00' });
    expect(refusal.message).toMatch(/createSubscription .* 12\.00 EUR.* from 96\.00 to 108\.00 EUR.* credit limit of 100\.00 EUR/);
  });

  it('counts the first invoice of a trial, which comes at its end', async () => {
    const id = await customer('100');
    await refusedWritingNothing(() => t.gql(subscribeDoc, { input: subscribeInput(id, '9', { trialDays: 14 }) }));
    const trial = (await must(t, subscribeDoc, { input: subscribeInput(id, '8', { trialDays: 14 }) })).createSubscription;
    expect(trial.status).toBe('TRIALING');
    // Nothing is invoiced yet: the trial's invoice is a commitment, not exposure (docs/credit-limits.md).
    expect(await exposure(id)).toBe('0.00');
  });

  it('a free plan or a customer without a limit is never refused', async () => {
    await createPrice(t, 'free', { kind: 'per_unit', config: { unitAmount: '0' } });
    const over = await customer('0');
    await must(t, subscribeDoc, { input: { customerId: over, items: [{ priceCode: 'free', quantity: '3' }] } });
    const unlimited = await customer(null);
    await subscribe(unlimited, '1000');
    expect(await exposure(unlimited)).toBe('12000.00');
  });

  it('lets only one of two concurrent subscriptions through when both would not fit', async () => {
    const id = await customer('30');
    const results = await Promise.all([1, 2].map(() => t.gql(subscribeDoc, { input: subscribeInput(id, '2') })));
    const passed = results.filter((r) => !r.errors);
    expect(passed).toHaveLength(1);
    creditRefusal(
      found(
        results.find((r) => r.errors),
        'the refused one',
      ),
    );
    expect(await exposure(id)).toBe('24.00');
    const [{ n }] = await boundRows<{ n: number }>(
      t.app.db.orm.em.fork(),
      'select count(*)::int as n from subscription where customer_id = ?',
      [id],
    );
    expect(n).toBe(1);
  });
});

describe('the exposure falls as invoices are paid', () => {
  it('a part payment and then the rest lower it, and what was refused then fits', async () => {
    const id = await customer('30');
    await subscribe(id, '2');
    creditRefusal(await t.gql(subscribeDoc, { input: subscribeInput(id, '1') }));
    const invoice = (await must(t, invoicesDoc, { customerId: id })).invoices.edges[0].node;
    expect(invoice).toMatchObject({ status: 'OPEN', total: '24.00', amountRemaining: '24.00' });
    await must(t, payDoc, { input: { invoiceId: invoice.id, amount: '10.00', reference: 'part' } });
    expect(await exposure(id)).toBe('14.00');
    await must(t, payDoc, { input: { invoiceId: invoice.id, amount: '14.00', reference: 'rest' } });
    expect(await exposure(id)).toBe('0.00');
    await subscribe(id, '1');
    expect(await exposure(id)).toBe('12.00');
  });
});

describe('changeSubscription', () => {
  // At the start of the period a change prorates over the whole of it: 2 → 6 seats is a proration
  // of 4 seats (48.00), and the next period's charge grows by as much.
  it('CREATE_PRORATIONS: refused for what it adds to the next invoice; a smaller change passes', async () => {
    const id = await customer('100');
    const sub = await subscribe(id, '2');
    const refusal = await refusedWritingNothing(() =>
      t.gql(changeDoc, { input: { id: sub.id, items: [{ priceCode: 'seat', quantity: '6' }], prorationBehavior: 'CREATE_PRORATIONS' } }),
    );
    expect(refusal.extensions).toMatchObject({ creditLimit: '100.00', creditExposure: '24.00', amount: '96.00' });
    expect(refusal.message).toMatch(/^changeSubscription /);
    await must(t, changeDoc, {
      input: { id: sub.id, items: [{ priceCode: 'seat', quantity: '5' }], prorationBehavior: 'CREATE_PRORATIONS' },
    });
    // The prorations wait for the next invoice: not invoiced, so not exposure.
    expect(await exposure(id)).toBe('24.00');
  });

  it('ALWAYS_INVOICE: refused for the invoice it would make now; a downgrade passes even over the limit', async () => {
    const id = await customer('100');
    const sub = await subscribe(id, '2');
    const refusal = await refusedWritingNothing(() =>
      t.gql(changeDoc, { input: { id: sub.id, items: [{ priceCode: 'seat', quantity: '9' }], prorationBehavior: 'ALWAYS_INVOICE' } }),
    );
    expect(refusal.extensions).toMatchObject({ creditExposure: '24.00', amount: '84.00' });
    await must(t, changeDoc, { input: { id: sub.id, items: [{ priceCode: 'seat', quantity: '6' }], prorationBehavior: 'ALWAYS_INVOICE' } });
    expect(await exposure(id)).toBe('72.00');
    await must(t, updateCustomerDoc, { id, input: { creditLimit: '50' } });
    await must(t, changeDoc, {
      input: { id: sub.id, items: [{ priceCode: 'seat', quantity: '3' }], prorationBehavior: 'CREATE_PRORATIONS' },
    });
  });

  it('scheduleChange: refused for what the change adds to the invoice of the period it starts', async () => {
    const id = await customer('100');
    const sub = await subscribe(id, '2');
    const refusal = await refusedWritingNothing(() =>
      t.gql(scheduleDoc, { input: { id: sub.id, items: [{ priceCode: 'seat', quantity: '9' }] } }),
    );
    expect(refusal.extensions).toMatchObject({ creditExposure: '24.00', amount: '84.00' });
    expect(refusal.message).toMatch(/^scheduleChange /);
    expect((await must(t, scheduleDoc, { input: { id: sub.id, items: [{ priceCode: 'seat', quantity: '8' }] } })).scheduleChange).toEqual({
      effectiveAt: '2026-04-01T00:00:00.000Z',
    });
  });

  it('the portal: a customer changing its own quantity is refused the same way', async () => {
    const id = await customer('50');
    const sub = await subscribe(id, '2');
    const { url } = (await must(t, portalSessionDoc, { customerId: id })).createPortalSession;
    const secret = new URL(url).hash.replace(/^#session=/, '');
    await refusedWritingNothing(() => t.gql(changeDoc, { input: { id: sub.id, items: [{ priceCode: 'seat', quantity: '4' }] } }, secret));
    await must(t, changeDoc, { input: { id: sub.id, items: [{ priceCode: 'seat', quantity: '3' }] } }, secret);
  });
});

describe('acceptQuote', () => {
  it('refuses the quote whose first invoice would pass the limit; the quote stays SENT', async () => {
    const id = await customer('100');
    const quote = (await must(t, quoteDoc, { input: { customerId: id, currency: 'EUR', lines: [{ priceCode: 'seat', quantity: '9' }] } }))
      .createQuote;
    expect((await must(t, sendQuoteDoc, { id: quote.id })).sendQuote).toMatchObject({ status: 'SENT', total: '108.00' });
    const refusal = await refusedWritingNothing(() => t.gql(acceptQuoteDoc, { id: quote.id }));
    expect(refusal.extensions).toMatchObject({ amount: '108.00', creditExposure: '0.00' });
    expect(refusal.message).toMatch(/^acceptQuote /);
    expect(found((await must(t, readQuoteDoc, { id: quote.id })).quote, 'the quote').status).toBe('SENT');
    await must(t, updateCustomerDoc, { id, input: { creditLimit: '108' } });
    await must(t, acceptQuoteDoc, { id: quote.id });
    expect(await exposure(id)).toBe('108.00');
  });
});

describe('customers(filter: { overCreditLimit })', () => {
  it('lists the customers whose exposure is above their limit, and the others with false', async () => {
    const over = await customer('100');
    const within = await customer('100');
    const unlimited = await customer(null);
    for (const id of [over, within, unlimited]) await subscribe(id, '5');
    await must(t, updateCustomerDoc, { id: over, input: { creditLimit: '59.99' } });
    const ids = async (overCreditLimit: boolean) =>
      (await must(t, overLimitDoc, { filter: { overCreditLimit } })).customers.edges.map((e) => e.node.id);
    const overs = await ids(true);
    expect(overs).toContain(over);
    expect(overs).not.toEqual(expect.arrayContaining([within]));
    expect(overs).not.toEqual(expect.arrayContaining([unlimited]));
    const others = await ids(false);
    expect(others).toEqual(expect.arrayContaining([within, unlimited]));
    expect(others).not.toContain(over);
    // Paid down, it is within its limit again.
    const invoice = (await must(t, invoicesDoc, { customerId: over })).invoices.edges[0].node;
    await must(t, payDoc, { input: { invoiceId: invoice.id, amount: '0.01', reference: 'cent' } });
    expect(await ids(true)).not.toContain(over);
  });
});

describe('creditExposures, the definition', () => {
  const cents = (max: number, min = 0) => fc.integer({ min, max }).map((n) => new Decimal(n).div(100));
  const invoice = fc
    .record({
      status: fc.constantFrom(...Object.values(InvoiceStatus)),
      total: cents(100_000, -5_000),
      creditedShare: fc.integer({ min: 0, max: 100 }),
      paidShare: fc.integer({ min: 0, max: 110 }),
    })
    .map(({ status, total, creditedShare, paidShare }) => {
      const credited = total.gt(0) ? total.mul(creditedShare).div(100).toDecimalPlaces(2) : ZERO;
      const amountDue = total.minus(credited);
      // Up to 10 % more than due: an overpaid invoice owes nothing, and lends nothing either.
      const amountPaid = amountDue.gt(0) ? amountDue.mul(paidShare).div(100).toDecimalPlaces(2) : ZERO;
      return { status, total, amountCredited: credited, amountDue, amountPaid };
    });

  it('is, per customer, the sum of what its OPEN invoices still ask and its DRAFT totals, never below 0 each', async () => {
    const customers = await Promise.all([1, 2, 3].map(() => customer(null)));
    const em = t.app.db.orm.em.fork();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), invoice), { maxLength: 12 }), async (drawn) => {
        await boundRows(em, 'delete from invoice where customer_id = any(?::uuid[])', [customers]);
        const now = clock.now();
        await writeInvoices(
          em,
          drawn.map(([owner, i]) => ({
            invoice: newInvoiceFacts({
              id: randomUUID(),
              customerId: customers[owner],
              currency: 'EUR',
              subtotal: i.total,
              tax: ZERO,
              ...i,
              createdAt: now,
            }),
            lines: [],
          })),
        );
        const expected = customers.map((id) =>
          drawn
            .filter(([owner]) => customers[owner] === id)
            .map(([, i]) => (i.status === 'OPEN' ? i.amountDue.minus(i.amountPaid) : i.status === 'DRAFT' ? i.total : ZERO))
            .reduce((sum, owed) => sum.plus(Decimal.max(owed, 0)), ZERO),
        );
        const measured = await creditExposures(em, customers);
        expect(customers.map((id) => measured.get(id)!.toFixed(2))).toEqual(expected.map((d) => d.toFixed(2)));
        expect(await exposure(customers[0])).toBe(expected[0].toFixed(2));
      }),
      { numRuns: 40 },
    );
  });
});
