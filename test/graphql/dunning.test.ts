import { ManualClock } from '../../src/domain/shared/clock';
import { subscribe } from '../jobs/billing-support';
import { startTestApp, TestApp } from '../support/app';
import { createCustomer, createPrice, createProduct, found, must } from '../support/catalog';
import { readEvents } from '../support/events';
import { eventually } from '../support/eventually';
import { graphql } from '../support/generated';
import type {
  DunningAttachPaymentMethodMutation,
  DunningFinalAction,
  DunningInvoicesQuery,
  DunningSubscriptionFieldsFragment,
} from '../support/generated/graphql';

// The dunning story, end to end over HTTP, driven by test clocks (CONTRACT.md: "a test clock
// drives them too"): each retry happens when its clock reaches it, dated there.
const clock = new ManualClock(new Date('2026-11-25T12:00:00Z'));
let t: TestApp;

const START = '2027-03-01T00:00:00.000Z';
const day = (n: number) => new Date(Date.parse(START) + n * 86_400_000).toISOString();

graphql(`
  fragment DunningInvoiceFields on Invoice {
    id
    number
    status
    total
    amountDue
    amountPaid
    amountRemaining
    paidAt
    dueAt
    collectionMethod
    nextPaymentAttemptAt
    attempts {
      kind
      step
      at
      amount
      outcome
      error
      provider
      providerReference
    }
  }
`);
graphql(`
  fragment DunningSubscriptionFields on Subscription {
    status
    version
    history {
      type
    }
  }
`);

async function setPolicy(retryAfterDays: number[], finalAction: DunningFinalAction, graceDays = 0): Promise<void> {
  await must(
    t,
    graphql(`
      mutation DunningSetDunningPolicy($input: SetDunningPolicyInput!) {
        setDunningPolicy(input: $input) {
          retryAfterDays
        }
      }
    `),
    { input: { retryAfterDays, finalAction, graceDays } },
  );
}

/** A customer on its own clock at START, with a card (a sandbox token), subscribed to 100.00 a month: its first invoice is charged at once. */
async function story(
  token: string | null,
  collection = 'CHARGE_AUTOMATICALLY',
  customerFields = '',
): Promise<{ clockId: string; customerId: string; subId: string }> {
  const clockId = (await must(t, `mutation { createTestClock(frozenTime: "${START}") { id } }`)).createTestClock.id;
  const customerId = await createCustomer(t, `currency: "EUR", taxStatus: EXEMPT, testClockId: "${clockId}" ${customerFields}`);
  if (token) await attach(customerId, token);
  const subId = await subscribe(t, customerId, { items: [{ priceCode: 'plan-monthly', quantity: '1' }], collection });
  return { clockId, customerId, subId };
}

async function attach(
  customerId: string,
  token: string,
  provider = 'sandbox',
  as?: string,
): Promise<DunningAttachPaymentMethodMutation['attachPaymentMethod']> {
  const q = graphql(`
    mutation DunningAttachPaymentMethod($input: AttachPaymentMethodInput!) {
      attachPaymentMethod(input: $input) {
        id
        provider
        label
        isDefault
      }
    }
  `);
  return (await must(t, q, { input: { customerId, provider, token } }, as)).attachPaymentMethod;
}

async function advance(clockId: string, to: string): Promise<void> {
  await must(
    t,
    graphql(`
      mutation DunningAdvanceTestClock($id: ID!, $to: DateTime!) {
        advanceTestClock(id: $id, to: $to) {
          status
        }
      }
    `),
    { id: clockId, to },
  );
}

async function invoices(customerId: string): Promise<DunningInvoicesQuery['invoices']['edges'][number]['node'][]> {
  const data = await must(
    t,
    graphql(`
      query DunningInvoices($c: ID) {
        invoices(customerId: $c, first: 10) {
          edges {
            node {
              ...DunningInvoiceFields
              periodStart
            }
          }
        }
      }
    `),
    { c: customerId },
  );
  return data.invoices.edges.map((e) => e.node).sort((a, b) => (a.periodStart ?? '').localeCompare(b.periodStart ?? ''));
}

async function sub(id: string): Promise<DunningSubscriptionFieldsFragment> {
  return found(
    (
      await must(
        t,
        graphql(`
          query DunningSubscription($id: ID!) {
            subscription(id: $id) {
              ...DunningSubscriptionFields
            }
          }
        `),
        { id },
      )
    ).subscription,
    `subscription ${id}`,
  );
}

/**
 * The customer's event types, once the reader shows every event stored for it: `events` only
 * lists transactions older than every running one (cluster-wide on PostgreSQL), so under load
 * the last ones can take a moment to appear.
 */
async function eventTypes(customerId: string): Promise<string[]> {
  const [{ n }] = await t.app.db.orm.em
    .fork()
    .getConnection()
    .execute<{ n: string }[]>('select count(*) as n from domain_event where customer_id = ?', [customerId]);
  const read = () =>
    readEvents(t, { fields: 'type customerId' }).then((events) =>
      events.filter((e) => e.customerId === customerId).map((e) => e.type as string),
    );
  return eventually(read, { until: (types) => types.length >= Number(n), what: `the customer's ${n} stored events readable` });
}

async function sandboxCharges(invoiceId: string): Promise<number> {
  const rows = await t.app.db.orm.em
    .fork()
    .getConnection()
    .execute<{ n: string }[]>('select count(*) as n from sandbox_charge where invoice_id = ?', [invoiceId]);
  return Number(rows[0].n);
}

beforeAll(async () => {
  t = await startTestApp({ clock });
  await createProduct(t, 'plan');
  await createPrice(t, 'plan-monthly', { kind: 'flat', config: { amount: '100.00' } });
  await createPrice(t, 'plan-free', { kind: 'flat', config: { amount: '0' } });
});
afterAll(async () => {
  await t.close();
});

describe('dunning', () => {
  it('recovers: a declined first charge makes the subscription PAST_DUE, retries follow the policy, and a new card pays it', async () => {
    await setPolicy([1, 3, 5], 'CANCEL_SUBSCRIPTION');
    const { clockId, customerId, subId } = await story('pm_sandbox_decline');

    let [invoice] = await invoices(customerId);
    expect(invoice).toMatchObject({
      status: 'OPEN',
      total: '100.00',
      amountPaid: '0.00',
      amountRemaining: '100.00',
      // Due after the customer's terms (30 days by default) like any invoice; the card was charged at finalization all the same.
      dueAt: day(30),
      collectionMethod: 'CHARGE_AUTOMATICALLY',
      nextPaymentAttemptAt: day(1),
    });
    expect(invoice.attempts).toEqual([
      {
        kind: 'CHARGE',
        step: 0,
        at: START,
        amount: '100.00',
        outcome: 'failed',
        error: expect.stringContaining('card_declined'),
        provider: 'sandbox',
        providerReference: expect.stringMatching(/^sb_ch_/),
      },
    ]);
    expect((await sub(subId)).status).toBe('PAST_DUE');

    // Retry 1, a day after the first failure: declined again.
    await advance(clockId, day(2));
    [invoice] = await invoices(customerId);
    expect(invoice.attempts.map((a) => [a.step, a.at, a.outcome])).toEqual([
      [0, START, 'failed'],
      [1, day(1), 'failed'],
    ]);
    expect(invoice.nextPaymentAttemptAt).toBe(day(3));

    // The customer replaces the card with its own key (self-service): retry 2 succeeds.
    const customerKey = (
      await must(t, `mutation { createApiKey(input: { role: CUSTOMER, customerId: "${customerId}", name: "self" }) { secret } }`)
    ).createApiKey.secret;
    expect(await attach(customerId, 'pm_sandbox_ok', 'sandbox', customerKey)).toMatchObject({
      provider: 'sandbox',
      label: 'Sandbox card (always succeeds)',
      isDefault: true,
    });
    await advance(clockId, day(4));
    [invoice] = await invoices(customerId);
    expect(invoice).toMatchObject({
      status: 'PAID',
      amountPaid: '100.00',
      amountRemaining: '0.00',
      paidAt: day(3),
      nextPaymentAttemptAt: null,
    });
    expect(invoice.attempts.map((a) => [a.step, a.at, a.outcome])).toEqual([
      [0, START, 'failed'],
      [1, day(1), 'failed'],
      [2, day(3), 'succeeded'],
    ]);
    const recovered = await sub(subId);
    expect(recovered.status).toBe('ACTIVE');
    expect(recovered.history.map((h: any) => h.type)).toEqual(expect.arrayContaining(['past_due', 'recovered']));
    expect(await sandboxCharges(invoice.id)).toBe(3);

    const types = await eventTypes(customerId);
    expect(types.filter((x) => x === 'payment.failed')).toHaveLength(2);
    expect(types).toEqual(
      expect.arrayContaining([
        'payment_method.attached',
        'invoice.payment_failed',
        'subscription.past_due',
        'payment.succeeded',
        'invoice.paid',
        'subscription.recovered',
      ]),
    );
    expect(types.indexOf('subscription.past_due')).toBeLessThan(types.indexOf('subscription.recovered'));

    // Nothing more happens when the clock moves on (within the period): every step was taken once.
    await advance(clockId, day(20));
    expect((await invoices(customerId))[0].attempts).toHaveLength(3);
  });

  it.each<[DunningFinalAction, string, string]>([
    ['CANCEL_SUBSCRIPTION', 'OPEN', 'CANCELED'],
    ['MARK_UNCOLLECTIBLE', 'UNCOLLECTIBLE', 'ACTIVE'],
    ['LEAVE_PAST_DUE', 'OPEN', 'PAST_DUE'],
  ])('exhausts the retries and takes the final action %s', async (finalAction, invoiceStatus, subStatus) => {
    await setPolicy([1, 3], finalAction);
    const { clockId, customerId, subId } = await story('pm_sandbox_insufficient_funds');
    await advance(clockId, day(2));
    expect((await sub(subId)).status).toBe('PAST_DUE');
    await advance(clockId, day(10));

    const [invoice] = await invoices(customerId);
    expect(invoice.attempts.map((a) => [a.step, a.at, a.outcome, a.error])).toEqual([
      [0, START, 'failed', expect.stringContaining('insufficient_funds')],
      [1, day(1), 'failed', expect.stringContaining('insufficient_funds')],
      [2, day(3), 'failed', expect.stringContaining('insufficient_funds')],
    ]);
    expect(invoice).toMatchObject({ status: invoiceStatus, amountRemaining: '100.00', nextPaymentAttemptAt: null });
    expect((await sub(subId)).status).toBe(subStatus);
    const types = await eventTypes(customerId);
    expect(types.filter((x) => x === 'invoice.dunning_exhausted')).toHaveLength(1);
    if (finalAction === 'CANCEL_SUBSCRIPTION') expect(types).toContain('subscription.canceled');
    if (finalAction === 'MARK_UNCOLLECTIBLE')
      expect(types).toEqual(expect.arrayContaining(['invoice.marked_uncollectible', 'subscription.recovered']));
  });

  it('waits the grace period after the last retry before the final action', async () => {
    await setPolicy([2], 'CANCEL_SUBSCRIPTION', 3);
    const { clockId, subId } = await story('pm_sandbox_decline');
    await advance(clockId, day(4));
    expect((await sub(subId)).status).toBe('PAST_DUE');
    await advance(clockId, day(5));
    expect((await sub(subId)).status).toBe('CANCELED');
  });

  it('pm_sandbox_fail_once: the first charge of each invoice fails, the first retry pays it', async () => {
    await setPolicy([1, 3, 5], 'LEAVE_PAST_DUE');
    const { clockId, customerId, subId } = await story('pm_sandbox_fail_once');
    expect((await sub(subId)).status).toBe('PAST_DUE');
    await advance(clockId, day(1));
    expect((await sub(subId)).status).toBe('ACTIVE');

    // The renewal a month later: its own first charge fails once too, then the retry pays it.
    await advance(clockId, '2027-04-02T12:00:00.000Z');
    const all = await invoices(customerId);
    expect(all.map((i) => [i.status, i.attempts.map((a) => a.outcome)])).toEqual([
      ['PAID', ['failed', 'succeeded']],
      ['PAID', ['failed', 'succeeded']],
    ]);
    expect(all[1].attempts.map((a) => a.at)).toEqual(['2027-04-01T00:00:00.000Z', '2027-04-02T00:00:00.000Z']);
  });

  it('pm_sandbox_ok: invoices are paid as they are finalized, the renewals of the billing run included', async () => {
    const { clockId, customerId, subId } = await story('pm_sandbox_ok');
    await advance(clockId, '2027-06-01T00:00:00.000Z');
    const all = await invoices(customerId);
    expect(all).toHaveLength(4);
    for (const invoice of all) {
      expect(invoice).toMatchObject({ status: 'PAID', amountPaid: '100.00', amountRemaining: '0.00', nextPaymentAttemptAt: null });
      // Charged as finalized, 30 days (the default terms) before the due date the document shows.
      expect(Date.parse(invoice.dueAt ?? '') - Date.parse(invoice.paidAt ?? '')).toBe(30 * 86_400_000);
      expect(invoice.attempts).toEqual([expect.objectContaining({ kind: 'CHARGE', step: 0, outcome: 'succeeded', error: null })]);
    }
    expect((await sub(subId)).status).toBe('ACTIVE');
  });

  it('CHARGE_AUTOMATICALLY without a payment method waits, unchased, and attaching one pays it at once', async () => {
    await setPolicy([1], 'LEAVE_PAST_DUE');
    const { clockId, customerId, subId } = await story(null);
    await advance(clockId, day(10));
    let [invoice] = await invoices(customerId);
    expect(invoice).toMatchObject({ status: 'OPEN', collectionMethod: 'CHARGE_AUTOMATICALLY', nextPaymentAttemptAt: null, attempts: [] });
    expect((await sub(subId)).status).toBe('ACTIVE');

    await attach(customerId, 'pm_sandbox_ok');
    [invoice] = await invoices(customerId);
    expect(invoice).toMatchObject({
      status: 'PAID',
      paidAt: day(10),
      attempts: [expect.objectContaining({ kind: 'CHARGE', step: 0, at: day(10), outcome: 'succeeded' })],
    });
  });

  it('a payment method detached before a retry fails that retry without asking any provider', async () => {
    await setPolicy([1], 'LEAVE_PAST_DUE');
    const { clockId, customerId } = await story('pm_sandbox_decline');
    const [method] = (
      await must(
        t,
        graphql(`
          query DunningPaymentMethods($c: ID!) {
            paymentMethods(customerId: $c) {
              id
            }
          }
        `),
        { c: customerId },
      )
    ).paymentMethods;
    await must(
      t,
      graphql(`
        mutation DunningDetachPaymentMethod($id: ID!) {
          detachPaymentMethod(id: $id) {
            id
          }
        }
      `),
      { id: method.id },
    );
    expect(
      (
        await must(
          t,
          graphql(`
            query DunningPaymentMethods2($c: ID!) {
              paymentMethods(customerId: $c) {
                id
              }
            }
          `),
          { c: customerId },
        )
      ).paymentMethods,
    ).toEqual([]);
    await advance(clockId, day(2));
    const [invoice] = await invoices(customerId);
    expect(invoice.attempts.map((a) => [a.step, a.outcome, a.error, a.provider])).toEqual([
      [0, 'failed', expect.stringContaining('card_declined'), 'sandbox'],
      [1, 'failed', 'no default payment method', null],
    ]);
    expect(await sandboxCharges(invoice.id)).toBe(1);
  });

  it('a void ends the dunning of its invoice, and a credit note down to what was paid settles it', async () => {
    await setPolicy([1, 3], 'LEAVE_PAST_DUE');
    const voided = await story('pm_sandbox_decline');
    const [first] = await invoices(voided.customerId);
    expect((await sub(voided.subId)).status).toBe('PAST_DUE');
    await must(
      t,
      graphql(`
        mutation DunningVoidInvoice($id: ID!) {
          voidInvoice(id: $id) {
            status
          }
        }
      `),
      { id: first.id },
    );
    expect((await invoices(voided.customerId))[0]).toMatchObject({ status: 'VOID', nextPaymentAttemptAt: null });
    expect((await sub(voided.subId)).status).toBe('ACTIVE');
    await advance(voided.clockId, day(5));
    expect((await invoices(voided.customerId))[0].attempts).toHaveLength(1);

    const credited = await story('pm_sandbox_decline');
    const [owed] = await invoices(credited.customerId);
    await must(
      t,
      graphql(`
        mutation DunningCreateCreditNote($id: ID!) {
          createCreditNote(input: { invoiceId: $id, reason: "goodwill" }) {
            total
          }
        }
      `),
      { id: owed.id },
    );
    expect((await invoices(credited.customerId))[0]).toMatchObject({
      status: 'PAID',
      amountDue: '0.00',
      amountRemaining: '0.00',
      nextPaymentAttemptAt: null,
    });
    expect((await sub(credited.subId)).status).toBe('ACTIVE');
  });

  it('a zero total is PAID as it is finalized, with no attempt', async () => {
    const clockId = (await must(t, `mutation { createTestClock(frozenTime: "${START}") { id } }`)).createTestClock.id;
    const customerId = await createCustomer(t, `currency: "EUR", taxStatus: EXEMPT, testClockId: "${clockId}"`);
    const subId = await subscribe(t, customerId, { items: [{ priceCode: 'plan-free', quantity: '1' }] });
    await advance(clockId, '2027-04-01T00:00:00.000Z');
    const all = await invoices(customerId);
    expect(all.map((i) => [i.status, i.total, i.paidAt, i.attempts.length])).toEqual([
      ['PAID', '0.00', START, 0],
      ['PAID', '0.00', '2027-04-01T00:00:00.000Z', 0],
    ]);
    expect((await sub(subId)).status).toBe('ACTIVE');
  });
});

describe('sent invoices (SEND_INVOICE, bank transfer)', () => {
  it('are due after the terms; overdue ones get reminders on the schedule; recordPayment reconciles them in parts', async () => {
    await setPolicy([2, 5], 'MARK_UNCOLLECTIBLE');
    const { clockId, customerId, subId } = await story(null, 'SEND_INVOICE', ', paymentTermsDays: 14');
    let [invoice] = await invoices(customerId);
    expect(invoice).toMatchObject({
      status: 'OPEN',
      collectionMethod: 'SEND_INVOICE',
      dueAt: day(14),
      nextPaymentAttemptAt: day(14),
      attempts: [],
    });
    expect((await sub(subId)).status).toBe('ACTIVE');

    await advance(clockId, day(17));
    [invoice] = await invoices(customerId);
    expect(invoice.attempts.map((a) => [a.kind, a.step, a.at, a.outcome])).toEqual([
      ['REMINDER', 0, day(14), 'reminder_sent'],
      ['REMINDER', 1, day(16), 'reminder_sent'],
    ]);
    expect((await sub(subId)).status).toBe('PAST_DUE');
    expect(await eventTypes(customerId)).toEqual(expect.arrayContaining(['invoice.overdue', 'invoice.reminder_sent']));

    const record = graphql(`
      mutation DunningRecordPayment($input: RecordPaymentInput!) {
        recordPayment(input: $input) {
          status
          amountPaid
          amountRemaining
          attempts {
            kind
            amount
            outcome
            providerReference
          }
        }
      }
    `);
    const part = (await must(t, record, { input: { invoiceId: invoice.id, amount: '40.00', reference: 'SEPA-1' } })).recordPayment;
    expect(part).toMatchObject({ status: 'OPEN', amountPaid: '40.00', amountRemaining: '60.00' });
    const full = (await must(t, record, { input: { invoiceId: invoice.id, amount: '60', reference: 'SEPA-2' } })).recordPayment;
    expect(full).toMatchObject({ status: 'PAID', amountPaid: '100.00', amountRemaining: '0.00' });
    // Both at the clock's one instant: in any order.
    expect(
      full.attempts
        .filter((a: any) => a.kind === 'MANUAL')
        .sort((a: any, b: any) => a.providerReference.localeCompare(b.providerReference)),
    ).toEqual([
      { kind: 'MANUAL', amount: '40.00', outcome: 'succeeded', providerReference: 'SEPA-1' },
      { kind: 'MANUAL', amount: '60.00', outcome: 'succeeded', providerReference: 'SEPA-2' },
    ]);
    expect((await sub(subId)).status).toBe('ACTIVE');
    // Paid: the reminder that was due on day 19 never comes.
    await advance(clockId, day(25));
    expect((await invoices(customerId))[0].attempts.filter((a) => a.kind === 'REMINDER')).toHaveLength(2);
  });

  it('a CHARGE_AUTOMATICALLY customer paying by bank transfer gets sent invoices with its terms, never a charge', async () => {
    await setPolicy([1], 'LEAVE_PAST_DUE');
    const { customerId } = await story(null, 'CHARGE_AUTOMATICALLY', ', paymentTermsDays: 30');
    // Attached after the first invoice, which was waiting for a method: it becomes a sent invoice, chased from its due date.
    await attach(customerId, 'DE89 …3000', 'manual');
    expect((await invoices(customerId))[0]).toMatchObject({
      status: 'OPEN',
      collectionMethod: 'SEND_INVOICE',
      dueAt: day(30),
      nextPaymentAttemptAt: day(30),
      attempts: [],
    });
    const methods = (
      await must(
        t,
        graphql(`
          query DunningPaymentMethods3($c: ID!) {
            paymentMethods(customerId: $c) {
              provider
              label
              isDefault
            }
          }
        `),
        { c: customerId },
      )
    ).paymentMethods;
    expect(methods).toEqual([{ provider: 'manual', label: 'Bank transfer (DE89 …3000)', isDefault: true }]);
    const clockId = found(
      (
        await must(
          t,
          graphql(`
            query DunningCustomer($id: ID!) {
              customer(id: $id) {
                testClock {
                  id
                }
              }
            }
          `),
          { id: customerId },
        )
      ).customer?.testClock?.id,
      'the customer’s test clock',
    );
    await advance(clockId, '2027-04-01T00:00:00.000Z');
    const renewal = (await invoices(customerId))[1];
    expect(renewal).toMatchObject({ status: 'OPEN', collectionMethod: 'SEND_INVOICE', dueAt: '2027-05-01T00:00:00.000Z', attempts: [] });
  });
});

describe('recordPayment refuses', () => {
  let invoiceId: string;
  beforeAll(async () => {
    await setPolicy([1], 'LEAVE_PAST_DUE');
    const { customerId } = await story(null, 'SEND_INVOICE');
    invoiceId = (await invoices(customerId))[0].id;
  });
  const record = (input: Record<string, unknown>, as?: string) =>
    t.gql(
      graphql(`
        mutation DunningRecordPayment2($input: RecordPaymentInput!) {
          recordPayment(input: $input) {
            status
          }
        }
      `),
      { input: { invoiceId, reference: 'R', amount: '1', ...input } },
      as,
    );

  it.each([
    [{ amount: '0' }, 'input.amount'],
    [{ amount: '-5' }, 'input.amount'],
    [{ amount: '100.01' }, 'input.amount'],
    [{ amount: '1.001' }, 'input.amount'],
    [{ reference: '  ' }, 'input.reference'],
    [{ invoiceId: 'nope' }, 'input.invoiceId'],
  ])('bad input %j', async (input, field) => {
    const res = await record(input);
    expect(res.errors?.[0].extensions).toMatchObject({ code: expect.stringMatching(/BAD_USER_INPUT|NOT_FOUND/), field });
  });

  it('the same reference twice, and SALES keys', async () => {
    expect((await record({ reference: 'ONCE' })).errors).toBeUndefined();
    expect((await record({ reference: 'ONCE' })).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.reference' });
    const sales = (
      await must(
        t,
        graphql(`
          mutation DunningCreateApiKey {
            createApiKey(input: { role: SALES, name: "s" }) {
              secret
            }
          }
        `),
      )
    ).createApiKey.secret;
    expect((await record({ reference: 'S' }, sales)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('payments on a VOID invoice, and voids of a partly paid one', async () => {
    // A payment was recorded above: the invoice is corrected with a credit note, not voided.
    const partlyPaid = await t.gql(
      graphql(`
        mutation DunningVoidInvoice2($id: ID!) {
          voidInvoice(id: $id) {
            status
          }
        }
      `),
      { id: invoiceId },
    );
    expect(partlyPaid.errors?.[0]).toMatchObject({ message: expect.stringContaining('partly paid'), extensions: { code: 'CONFLICT' } });
    const { customerId } = await story(null, 'SEND_INVOICE');
    invoiceId = (await invoices(customerId))[0].id;
    await must(
      t,
      graphql(`
        mutation DunningVoidInvoice3($id: ID!) {
          voidInvoice(id: $id) {
            status
          }
        }
      `),
      { id: invoiceId },
    );
    expect((await record({ reference: 'V' })).errors?.[0].extensions?.code).toBe('CONFLICT');
  });
});

describe('dunning policy', () => {
  it('is the documented default until set, and refuses schedules that do not count up', async () => {
    const fresh = await startTestApp({ clock });
    try {
      expect((await fresh.gql('{ dunningPolicy { retryAfterDays graceDays finalAction } }')).data).toEqual({
        dunningPolicy: { retryAfterDays: [1, 3, 5, 7], graceDays: 0, finalAction: 'LEAVE_PAST_DUE' },
      });
    } finally {
      await fresh.close();
    }
    const set = (retryAfterDays: number[], graceDays = 0) =>
      t.gql(
        graphql(`
          mutation DunningSetDunningPolicy2($input: SetDunningPolicyInput!) {
            setDunningPolicy(input: $input) {
              retryAfterDays
            }
          }
        `),
        { input: { retryAfterDays, finalAction: 'LEAVE_PAST_DUE', graceDays } },
      );
    expect((await set([3, 1])).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.retryAfterDays[1]' });
    expect((await set([0])).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.retryAfterDays[0]' });
    expect((await set([1], -1)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.graceDays' });
    expect((await set([])).data).toEqual({ setDunningPolicy: { retryAfterDays: [] } });
  });
});
