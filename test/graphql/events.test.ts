import { Client } from 'pg';
import { randomUUID } from 'node:crypto';
import { closeBoundary } from '../../src/domain/invoices/close-boundary';
import { closeRenewalBatch } from '../../src/domain/invoices/renewal-batch';
import { ManualClock } from '../../src/domain/shared/clock';
import { TestClock, TestClockStatus } from '../../src/domain/test-clocks/test-clock.entity';
import { bill, runner, subscribe } from '../jobs/billing-support';
import { startTestApp, TestApp } from '../support/app';
import { createCustomer, createPrice, createProduct, must } from '../support/catalog';
import { eventually } from '../support/eventually';

const clock = new ManualClock(new Date('2026-03-01T00:00:00Z'));
const onPostgres = Boolean(process.env.DATABASE_URL);
let t: TestApp;

const EVENT_FIELDS = 'id type aggregateType aggregateId sequence customerId occurredAt data';
const eventsQ = `query($first: Int, $after: String, $types: [String!]) {
  events(first: $first, after: $after, types: $types) { edges { cursor node { ${EVENT_FIELDS} } } pageInfo { hasNextPage endCursor } } }`;

interface Ev {
  id: string;
  type: string;
  aggregateType: string;
  aggregateId: string;
  sequence: number;
  customerId: string | null;
  occurredAt: string;
  data: Record<string, any>;
}

async function key(role: string, customerId?: string): Promise<string> {
  return (
    await must(t, 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }', {
      input: { role, name: role.toLowerCase(), customerId },
    })
  ).createApiKey.secret;
}

/** Follows endCursor from `after` until the last page: every event visible now, once each. */
async function readAll(
  options: { after?: string | null; types?: string[]; first?: number; as?: string } = {},
): Promise<{ events: Ev[]; cursor: string | null }> {
  const events: Ev[] = [];
  let cursor = options.after ?? null;
  for (;;) {
    const page = (await must(t, eventsQ, { first: options.first ?? 100, after: cursor, types: options.types }, options.as)).events;
    events.push(...page.edges.map((e: any) => e.node));
    if (page.pageInfo.endCursor) cursor = page.pageInfo.endCursor;
    if (!page.pageInfo.hasNextPage) return { events, cursor };
  }
}

/**
 * The read horizon is the oldest transaction running on the whole server, so on a shared
 * PostgreSQL another test file's transaction can hold back what a commit just made readable: wait for it.
 */
async function readUntil(
  done: (events: Ev[]) => boolean,
  options: Parameters<typeof readAll>[0] = {},
): Promise<{ events: Ev[]; cursor: string | null }> {
  return eventually(() => readAll(options), { until: (read) => done(read.events), what: 'the events to be readable' });
}

async function storedCount(): Promise<number> {
  const [row] = await t.app.db.orm.em.fork().execute<{ n: string }[]>('select count(*)::text as n from domain_event');
  return Number(row.n);
}

/** Waits until every stored event is readable, and returns them all. */
async function settled(): Promise<Ev[]> {
  const n = await storedCount();
  return (await readUntil((events) => events.length >= n)).events;
}

function byAggregate(events: Ev[], aggregateId: string): string[] {
  return events.filter((e) => e.aggregateId === aggregateId).map((e) => e.type);
}

async function gqlOk(query: string, variables: Record<string, unknown> = {}): Promise<any> {
  return must(t, query, variables);
}

const Q = {
  updateCustomer: 'mutation($id: ID!, $input: UpdateCustomerInput!) { updateCustomer(id: $id, input: $input) { id } }',
  createContract: 'mutation($input: CreateContractInput!) { createContract(input: $input) { id } }',
  createQuote: 'mutation($input: CreateQuoteInput!) { createQuote(input: $input) { id } }',
  updateQuote: 'mutation($id: ID!, $input: UpdateQuoteInput!) { updateQuote(id: $id, input: $input) { id } }',
  sendQuote: 'mutation($id: ID!) { sendQuote(id: $id) { id } }',
  acceptQuote: 'mutation($id: ID!) { acceptQuote(id: $id) { id } }',
  declineQuote: 'mutation($id: ID!) { declineQuote(id: $id) { id } }',
  change: 'mutation($input: ChangeSubscriptionInput!) { changeSubscription(input: $input) { id } }',
  pause: 'mutation($id: ID!) { pauseSubscription(id: $id) { id } }',
  resume: 'mutation($id: ID!) { resumeSubscription(id: $id) { id } }',
  cancel: 'mutation($id: ID!, $atPeriodEnd: Boolean!) { cancelSubscription(id: $id, atPeriodEnd: $atPeriodEnd) { id } }',
  schedule: 'mutation($input: ScheduleChangeInput!) { scheduleChange(input: $input) { id } }',
  unschedule: 'mutation($id: ID!) { cancelScheduledChange(subscriptionId: $id) { id } }',
  invoices:
    'query($c: ID) { invoices(customerId: $c, first: 50) { edges { node { id number status total amountDue periodStart subscription { id } } } } }',
  voidInvoice: 'mutation($id: ID!) { voidInvoice(id: $id) { id } }',
  creditNote: 'mutation($input: CreateCreditNoteInput!) { createCreditNote(input: $input) { id } }',
  migrate: 'mutation($code: String!, $v: Int!) { migratePriceVersion(priceCode: $code, toVersion: $v, when: NOW) { moved } }',
  updatePrice: 'mutation($code: String!, $input: UpdatePriceInput!) { updatePrice(code: $code, input: $input) { version } }',
};

async function invoicesOf(customerId: string): Promise<any[]> {
  return (await gqlOk(Q.invoices, { c: customerId })).invoices.edges.map((e: any) => e.node);
}

beforeAll(async () => {
  t = await startTestApp({ clock });
  await createProduct(t, 'plan');
  await createPrice(t, 'seat', { kind: 'per_unit', config: { unitAmount: '10.00' } });
  await createPrice(t, 'support', { kind: 'flat', config: { amount: '99.00' } });
  await createPrice(t, 'addon', { kind: 'per_unit', config: { unitAmount: '2.50' } });
});
afterAll(async () => {
  await t.close();
});

describe('events', () => {
  let acme: string;
  let globex: string;
  let sub: string;
  let quoteAccepted: string;

  it('records each aggregate’s changes in order, numbered 1..n, with a snapshot after the change', async () => {
    clock.set(new Date('2026-03-01T00:00:00Z'));
    acme = await createCustomer(t, 'currency: "EUR", taxStatus: TAXABLE, taxRate: "20"');
    globex = await createCustomer(t);
    await gqlOk(Q.updateCustomer, { id: acme, input: { name: 'Acme GmbH' } });
    const contract = (
      await gqlOk(Q.createContract, {
        input: {
          customerId: acme,
          code: 'ACME-1',
          startsAt: '2026-01-01T00:00:00Z',
          items: [{ priceCode: 'seat', discountPercent: '10' }],
        },
      })
    ).createContract.id;

    const quote = (
      await gqlOk(Q.createQuote, { input: { customerId: acme, currency: 'EUR', lines: [{ priceCode: 'seat', quantity: '2' }] } })
    ).createQuote.id;
    await gqlOk(Q.updateQuote, { id: quote, input: { lines: [{ priceCode: 'seat', quantity: '3' }] } });
    await gqlOk(Q.sendQuote, { id: quote });
    quoteAccepted = (await gqlOk(Q.acceptQuote, { id: quote })).acceptQuote.id;
    const declined = (
      await gqlOk(Q.createQuote, { input: { customerId: globex, currency: 'EUR', lines: [{ priceCode: 'support', quantity: '1' }] } })
    ).createQuote.id;
    await gqlOk(Q.declineQuote, { id: declined });

    sub = await subscribe(t, globex, { items: [{ priceCode: 'seat', quantity: '1' }] });
    clock.set(new Date('2026-03-05T00:00:00Z'));
    await gqlOk(Q.change, { input: { id: sub, items: [{ priceCode: 'seat', quantity: '4' }], prorationBehavior: 'ALWAYS_INVOICE' } });
    await gqlOk(Q.pause, { id: sub });
    clock.set(new Date('2026-03-10T00:00:00Z'));
    await gqlOk(Q.resume, { id: sub });
    await gqlOk(Q.schedule, { input: { id: sub, items: [{ priceCode: 'seat', quantity: '2' }] } });
    await gqlOk(Q.unschedule, { id: sub });
    await gqlOk(Q.cancel, { id: sub, atPeriodEnd: true });

    const events = await settled();
    expect(events.length).toBe(await storedCount());

    expect(byAggregate(events, acme)).toEqual(['customer.created', 'customer.updated']);
    expect(byAggregate(events, globex)).toEqual(['customer.created']);
    expect(byAggregate(events, contract)).toEqual(['contract.created']);
    expect(byAggregate(events, quote)).toEqual(['quote.created', 'quote.updated', 'quote.sent', 'quote.accepted']);
    expect(byAggregate(events, declined)).toEqual(['quote.created', 'quote.declined']);
    expect(byAggregate(events, quoteAccepted)).toEqual(['subscription.created']);
    expect(byAggregate(events, sub)).toEqual([
      'subscription.created',
      'subscription.updated',
      'subscription.paused',
      'subscription.resumed',
      'subscription.change_scheduled',
      'subscription.scheduled_change_canceled',
      'subscription.cancel_scheduled',
    ]);
    // Invoices: the first period of each subscription and the ALWAYS_INVOICE prorations, created then finalized.
    const invoiceIds = [...new Set(events.filter((e) => e.aggregateType === 'invoice').map((e) => e.aggregateId))];
    expect(invoiceIds).toHaveLength(3);
    for (const id of invoiceIds) expect(byAggregate(events, id)).toEqual(['invoice.created', 'invoice.finalized']);

    // Every aggregate's sequence is 1..n in the order read.
    for (const id of new Set(events.map((e) => e.aggregateId))) {
      const seqs = events.filter((e) => e.aggregateId === id).map((e) => e.sequence);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    }

    // Snapshots after the change, formatted as the API formats them.
    const updated = events.find((e) => e.type === 'customer.updated')!;
    expect(updated).toMatchObject({
      aggregateType: 'customer',
      aggregateId: acme,
      customerId: acme,
      occurredAt: '2026-03-01T00:00:00.000Z',
    });
    expect(updated.data).toEqual({
      id: acme,
      name: 'Acme GmbH',
      email: 'c@example.com',
      currency: 'EUR',
      taxStatus: 'TAXABLE',
      taxRate: '20',
      invoiceDrafts: false,
      paymentTermsDays: 30,
      paymentTermsEndOfMonth: false,
      // Company groups (issue 16): no parent, invoiced to itself.
      parentId: null,
      invoiceTo: 'SELF',
      tags: [],
      metadata: {},
      testClockId: null,
      // The legal identity (issue 16): carried by every customer event, null until given.
      billingAddress: null,
      vatId: null,
      // Purchase orders (issue 16): whether every purchase needs a number.
      purchaseOrderRequired: false,
      // Credit limits (issue 16): null is no limit.
      creditLimit: null,
      createdAt: '2026-03-01T00:00:00.000Z',
      updatedAt: '2026-03-01T00:00:00.000Z',
    });
    expect(events.find((e) => e.type === 'contract.created')!.data).toMatchObject({
      code: 'ACME-1',
      customerId: acme,
      items: [{ priceCode: 'seat', discountPercent: '10', override: false }],
    });
    const sent = events.find((e) => e.type === 'quote.sent')!.data;
    expect(sent).toMatchObject({
      status: 'SENT',
      subtotal: '27.00',
      tax: '5.40',
      total: '32.40',
      lines: [{ priceCode: 'seat', quantity: '3', priceVersion: 1, amount: '27.00' }],
    });
    expect(events.find((e) => e.type === 'quote.accepted')!.data).toMatchObject({ status: 'ACCEPTED', subscriptionId: quoteAccepted });
    const paused = events.find((e) => e.aggregateId === sub && e.type === 'subscription.paused')!;
    expect(paused).toMatchObject({ customerId: globex, occurredAt: '2026-03-05T00:00:00.000Z' });
    expect(paused.data).toMatchObject({
      id: sub,
      status: 'PAUSED',
      version: 3,
      pausedAt: '2026-03-05T00:00:00.000Z',
      items: [{ priceCode: 'seat', priceVersion: 1, quantity: '4' }],
    });
    expect(events.find((e) => e.type === 'subscription.change_scheduled')!.data.scheduledChange).toMatchObject({
      status: 'PENDING',
      effectiveAt: '2026-04-01T00:00:00.000Z',
      items: [{ priceCode: 'seat', quantity: '2' }],
    });
    expect(events.find((e) => e.type === 'subscription.cancel_scheduled')!.data).toMatchObject({
      status: 'ACTIVE',
      cancelAtPeriodEnd: true,
    });
    const finalized = events.find((e) => e.type === 'invoice.finalized' && e.customerId === acme)!.data;
    const [acmeInvoice] = await invoicesOf(acme);
    expect(finalized).toMatchObject({
      id: acmeInvoice.id,
      number: acmeInvoice.number,
      status: 'OPEN',
      total: acmeInvoice.total,
      amountDue: acmeInvoice.amountDue,
      amountCredited: '0.00',
    });
    expect(events.find((e) => e.type === 'invoice.created' && e.customerId === acme)!.data).toMatchObject({
      id: acmeInvoice.id,
      number: null,
      status: 'DRAFT',
      finalizedAt: null,
    });
  });

  it('records voids and credit notes', async () => {
    const [first, second] = await invoicesOf(globex);
    await gqlOk(Q.voidInvoice, { id: first.id });
    await gqlOk(Q.creditNote, { input: { invoiceId: second.id, reason: 'goodwill' } });
    const events = await settled();
    expect(byAggregate(events, first.id)).toEqual(['invoice.created', 'invoice.finalized', 'invoice.voided']);
    expect(events.find((e) => e.type === 'invoice.voided')!.data).toMatchObject({
      status: 'VOID',
      amountDue: '0.00',
      voidedAt: '2026-03-10T00:00:00.000Z',
    });
    // Credited in full: nothing is left to pay, so it is PAID (as Stripe settles it).
    expect(byAggregate(events, second.id)).toEqual(['invoice.created', 'invoice.finalized', 'invoice.credited', 'invoice.paid']);
    const note = events.find((e) => e.type === 'credit_note.created')!;
    expect(note).toMatchObject({ aggregateType: 'credit_note', sequence: 1, customerId: globex });
    expect(note.data).toMatchObject({
      invoiceId: second.id,
      reason: 'goodwill',
      total: second.total,
      number: expect.stringMatching(/^CN-2026-\d{6}$/),
    });
    expect(events.find((e) => e.type === 'invoice.credited')!.data).toMatchObject({ amountCredited: second.total, amountDue: '0.00' });
  });

  it('writes an event if and only if its transaction commits', async () => {
    const before = await settled();
    // A refused transition, and refused input.
    const conflict = await t.gql(Q.resume, { id: sub });
    expect(conflict.errors?.[0].extensions?.code).toBe('CONFLICT');
    const bad = await t.gql(Q.updateCustomer, { id: acme, input: { taxStatus: 'TAXABLE', taxRate: '150' } });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    // A migration that moves some subscriptions, emitting their events, then fails on one whose
    // test clock is advancing: all of it rolls back, events included.
    const demo = (await gqlOk('mutation { createTestClock(frozenTime: "2026-03-10T00:00:00Z") { id } }')).createTestClock.id;
    const onClock = await createCustomer(t, `currency: "EUR", taxStatus: EXEMPT, testClockId: "${demo}"`);
    const blocked = await subscribe(t, onClock, { items: [{ priceCode: 'addon', quantity: '1' }] });
    const moved: string[] = [];
    // Subscriptions migrate in id order: make sure one that can move comes before the blocked one.
    while (!moved.some((id) => id < blocked)) moved.push(await subscribe(t, globex, { items: [{ priceCode: 'addon', quantity: '1' }] }));
    await gqlOk(Q.updatePrice, { code: 'addon', input: { rule: { kind: 'per_unit', config: { unitAmount: '3.00' } } } });
    await t.app.db.orm.em.fork().nativeUpdate(TestClock, { id: demo }, { status: TestClockStatus.ADVANCING });
    const settledBefore = await settled();
    const failed = await t.gql(Q.migrate, { code: 'addon', v: 2 });
    expect(failed.errors?.[0].extensions?.code).toBe('CONFLICT');
    const after = await settled();
    expect(after).toEqual(settledBefore);
    expect(after.some((e) => e.type === 'subscription.price_migrated')).toBe(false);
    expect(after.slice(0, before.length)).toEqual(before);

    // Once it can, it commits, and so do its events, one per moved subscription.
    await t.app.db.orm.em.fork().nativeUpdate(TestClock, { id: demo }, { status: TestClockStatus.READY });
    const ok = (await gqlOk(Q.migrate, { code: 'addon', v: 2 })).migratePriceVersion.moved;
    const migrated = (await settled()).filter((e) => e.type === 'subscription.price_migrated');
    expect(migrated).toHaveLength(ok);
    expect(new Set(migrated.map((e) => e.aggregateId))).toEqual(new Set([...moved, blocked]));
    expect(migrated[0].data.priceMigration).toEqual({ priceCode: 'addon', fromVersion: 1, toVersion: 2 });
    expect(migrated[0].data.items).toEqual([{ priceCode: 'addon', priceVersion: 2, quantity: '1' }]);
  });

  it('pages through everything exactly once, whatever the page size', async () => {
    const all = await settled();
    expect(all.length).toBe(await storedCount());
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    for (const first of [1, 3, 7]) {
      expect((await readAll({ first })).events.map((e) => e.id)).toEqual(all.map((e) => e.id));
    }
    // From the last cursor there is nothing more, and hasNextPage says so.
    const { cursor } = await readAll();
    const tail = (await must(t, eventsQ, { after: cursor })).events;
    expect(tail).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it('filters by exact types and by aggregate', async () => {
    const all = await settled();
    const invoices = (await readAll({ types: ['invoice.*'] })).events;
    expect(invoices.map((e) => e.id)).toEqual(all.filter((e) => e.aggregateType === 'invoice').map((e) => e.id));
    const some = (await readAll({ types: ['customer.created', 'quote.*'], first: 2 })).events;
    expect(some.map((e) => e.id)).toEqual(all.filter((e) => e.type === 'customer.created' || e.aggregateType === 'quote').map((e) => e.id));
    expect((await readAll({ types: ['*'] })).events).toEqual(all);
    expect((await readAll({ types: ['payment.succeeded'] })).events).toEqual([]);
    for (const [types, field] of [
      [['Invoice.created'], 'types[0]'],
      [['invoice.created', 'invoice'], 'types[1]'],
      [['invoice.*.x'], 'types[0]'],
    ] as const) {
      const res = await t.gql(eventsQ, { types });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    for (const after of ['nope', Buffer.from('1:99999999999999999999').toString('base64url'), Buffer.from('x:1').toString('base64url')]) {
      expect((await t.gql(eventsQ, { after })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    }
  });

  it('shows a CUSTOMER key its own customer’s events only; ADMIN, SALES and PARTNER read all', async () => {
    const all = await settled();
    const own = (await readAll({ as: await key('CUSTOMER', acme), first: 5 })).events;
    expect(own.map((e) => e.id)).toEqual(all.filter((e) => e.customerId === acme).map((e) => e.id));
    expect(new Set(own.map((e) => e.aggregateType))).toEqual(new Set(['customer', 'contract', 'quote', 'subscription', 'invoice']));
    for (const role of ['SALES', 'PARTNER']) expect((await readAll({ as: await key(role) })).events).toEqual(all);
  });
});

describe('billing', () => {
  it('emits the same events for a boundary whether the batch or closeBoundary closes it', async () => {
    clock.set(new Date('2026-05-01T00:00:00Z'));
    const customer = await createCustomer(t, 'currency: "EUR", taxStatus: TAXABLE, taxRate: "19"');
    const items = [
      { priceCode: 'seat', quantity: '3' },
      { priceCode: 'support', quantity: '1' },
    ];
    const viaBatch = await subscribe(t, customer, { items });
    const oneByOne = await subscribe(t, customer, { items });
    const at = new Date('2026-06-01T00:00:00Z');
    clock.set(at);
    const batch = await t.app.db.orm.em.fork().transactional((em) => closeRenewalBatch(em, [viaBatch], at, at, runner));
    expect(batch.closed.map((c) => c.id)).toEqual([viaBatch]);
    expect(await t.app.db.orm.em.fork().transactional((em) => closeBoundary(em, oneByOne, at, at, runner))).not.toBeNull();

    const events = await settled();
    const tail = (id: string) => events.filter((e) => e.aggregateId === id).slice(-1)[0];
    const boundary = (subId: string) => {
      const renewed = tail(subId);
      const invoiceId = events.find(
        (e) => e.type === 'invoice.created' && e.data.subscriptionId === subId && e.data.periodStart === '2026-06-01T00:00:00.000Z',
      )!.aggregateId;
      return { renewed, invoice: events.filter((e) => e.aggregateId === invoiceId) };
    };
    const a = boundary(viaBatch);
    const b = boundary(oneByOne);
    for (const x of [a, b]) {
      expect(x.renewed).toMatchObject({ type: 'subscription.renewed', sequence: 2, occurredAt: at.toISOString() });
      expect(x.invoice.map((e) => [e.type, e.sequence])).toEqual([
        ['invoice.created', 1],
        ['invoice.finalized', 2],
      ]);
    }
    // The same payloads but for the ids and the number.
    const same = (e: Ev, ids: Record<string, string>) =>
      JSON.parse(
        JSON.stringify(e.data)
          .replace(/INV-\d{4}-\d{6}/g, 'INV')
          .replace(new RegExp(Object.keys(ids).join('|'), 'g'), (m) => ids[m]),
      );
    const ids = (x: typeof a, subId: string) => ({ [subId]: 'SUB', [x.invoice[0].aggregateId]: 'INVOICE' });
    expect(same(a.renewed, ids(a, viaBatch))).toEqual(same(b.renewed, ids(b, oneByOne)));
    expect(a.invoice.map((e) => same(e, ids(a, viaBatch)))).toEqual(b.invoice.map((e) => same(e, ids(b, oneByOne))));
    expect(a.renewed.data).toMatchObject({
      status: 'ACTIVE',
      version: 2,
      currentPeriodStart: '2026-06-01T00:00:00.000Z',
      currentPeriodEnd: '2026-07-01T00:00:00.000Z',
    });
    const stored = (await invoicesOf(customer)).find((i) => i.id === a.invoice[1].aggregateId);
    expect(a.invoice[1].data).toMatchObject({ number: stored.number, total: stored.total, status: 'OPEN', finalizedAt: at.toISOString() });
  });

  it('emits events for every boundary a billing run or a test clock closes, and only once', async () => {
    const customer = await createCustomer(t);
    clock.set(new Date('2026-06-15T00:00:00Z'));
    const plain = await subscribe(t, customer, { items: [{ priceCode: 'seat', quantity: '1' }] });
    const trial = await subscribe(t, customer, { items: [{ priceCode: 'support', quantity: '1' }], trialDays: 10 });
    const ending = await subscribe(t, customer, { items: [{ priceCode: 'seat', quantity: '2' }] });
    await gqlOk(Q.cancel, { id: ending, atPeriodEnd: true });
    const changing = await subscribe(t, customer, { items: [{ priceCode: 'seat', quantity: '5' }] });
    await gqlOk(Q.schedule, { input: { id: changing, items: [{ priceCode: 'seat', quantity: '1' }] } });
    clock.set(new Date('2026-07-15T00:00:00Z'));
    await bill(t, clock);
    await bill(t, clock);
    const events = await settled();
    expect(byAggregate(events, plain)).toEqual(['subscription.created', 'subscription.renewed']);
    expect(byAggregate(events, trial)).toEqual(['subscription.created', 'subscription.trial_converted']);
    expect(byAggregate(events, ending)).toEqual(['subscription.created', 'subscription.cancel_scheduled', 'subscription.canceled']);
    expect(byAggregate(events, changing)).toEqual([
      'subscription.created',
      'subscription.change_scheduled',
      'subscription.scheduled_change_applied',
      'subscription.renewed',
    ]);
    expect(events.find((e) => e.aggregateId === changing && e.type === 'subscription.scheduled_change_applied')!.data).toMatchObject({
      items: [{ priceCode: 'seat', quantity: '1' }],
      scheduledChange: { status: 'APPLIED' },
    });
    // One invoice per boundary, each created and finalized once: the second run closed nothing.
    const invoices = await invoicesOf(customer);
    expect(invoices.length).toBe(4 + 4 - 1);
    // An invoice of nothing (the final one) is PAID as it is finalized.
    for (const invoice of invoices) {
      const paid = invoice.total === '0.00' ? ['invoice.paid'] : [];
      expect(byAggregate(events, invoice.id)).toEqual(['invoice.created', 'invoice.finalized', ...paid]);
    }

    const demo = (await gqlOk('mutation { createTestClock(frozenTime: "2026-01-01T00:00:00Z") { id } }')).createTestClock.id;
    const onClock = await createCustomer(t, `currency: "EUR", taxStatus: EXEMPT, testClockId: "${demo}"`);
    const simulated = await subscribe(t, onClock, { items: [{ priceCode: 'seat', quantity: '1' }] });
    await gqlOk('mutation($id: ID!) { advanceTestClock(id: $id, to: "2026-03-15T00:00:00Z") { id } }', { id: demo });
    const clocked = (await settled()).filter((e) => e.customerId === onClock);
    expect(clocked.filter((e) => e.aggregateId === simulated).map((e) => [e.type, e.occurredAt])).toEqual([
      ['subscription.created', '2026-01-01T00:00:00.000Z'],
      ['subscription.renewed', '2026-02-01T00:00:00.000Z'],
      ['subscription.renewed', '2026-03-01T00:00:00.000Z'],
    ]);
    expect(clocked.filter((e) => e.type === 'invoice.finalized').map((e) => e.occurredAt)).toEqual([
      '2026-01-01T00:00:00.000Z',
      '2026-02-01T00:00:00.000Z',
      '2026-03-01T00:00:00.000Z',
    ]);
  });
});

// Transactions held open beside others need a server: the embedded database is one backend (CI runs both).
if (onPostgres)
  describe('the read horizon (PostgreSQL)', () => {
    async function client(): Promise<Client> {
      const c = new Client({ connectionString: t.app.db.orm.config.get('clientUrl') });
      await c.connect();
      return c;
    }
    /** An event written by hand inside the client's open transaction, as emitEvent writes it. */
    async function insertEvent(c: Client, type: string): Promise<string> {
      const id = randomUUID();
      await c.query(
        `insert into domain_event (id, aggregate_type, aggregate_id, aggregate_seq, type, customer_id, payload, occurred_at)
       values ($1, 'customer', $1, 1, $2, null, '{}', now())`,
        [id, type],
      );
      return id;
    }

    it('holds back later commits until an earlier transaction’s event commits, then returns all in order', async () => {
      await settled();
      const { cursor: start } = await readAll();
      const held = await client();
      try {
        await held.query('begin');
        await held.query('select pg_current_xact_id()');
        const early = await insertEvent(held, 'customer.updated');
        const later = [await createCustomer(t), await createCustomer(t)];
        // Committed, with higher positions, but behind a transaction that is still open.
        expect((await readAll({ after: start })).events).toEqual([]);
        await held.query('commit');
        const { events } = await readUntil((evs) => evs.length >= 3, { after: start });
        expect(events.map((e) => e.aggregateId)).toEqual([early, ...later]);
      } finally {
        await held.end();
      }
    });

    it('never skips an event that a younger transaction inserted first and commits last', async () => {
      await settled();
      const { cursor: start } = await readAll();
      const older = await client();
      const younger = await client();
      try {
        await older.query('begin');
        await older.query('select pg_current_xact_id()');
        await younger.query('begin');
        // The younger transaction takes the lower position, the older one the higher, and commits first.
        const low = await insertEvent(younger, 'customer.updated');
        const high = await insertEvent(older, 'customer.updated');
        await older.query('commit');
        const first = await readUntil((evs) => evs.length >= 1, { after: start });
        expect(first.events.map((e) => e.aggregateId)).toEqual([high]);
        await younger.query('commit');
        // A cursor on position alone would now stand past `low` for good.
        const next = await readUntil((evs) => evs.length >= 1, { after: first.cursor });
        expect(next.events.map((e) => e.aggregateId)).toEqual([low]);
      } finally {
        await older.end();
        await younger.end();
      }
    });
  });
