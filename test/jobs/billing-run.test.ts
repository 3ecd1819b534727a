import fc from 'fast-check';
import { ScheduledChange, ScheduledChangeStatus } from '../../src/domain/subscriptions/scheduled-change.entity';
import { InvoiceStatus } from '../../src/domain/invoices/invoice.entity';
import { ManualClock } from '../../src/domain/shared/clock';
import { Decimal } from '../../src/pricing/decimal';
import { startTestApp, TestApp } from '../support/app';
import { createCustomer, createPrice, createProduct, must } from '../support/catalog';
import {
  addUsage,
  bill,
  billedContent,
  expectGaplessNumbers,
  invoicesOf,
  seq,
  storedInvoices,
  subscribe,
  subscription,
  upcoming,
} from './billing-support';

// One database for the file and a clock that only moves forward: each test bills its own
// customers (customerIds) so that counts are its own, and the last one bills everything at once.
const clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
let t: TestApp;
const TAXED = 'currency: "EUR", taxStatus: TAXABLE, taxRate: "20"';
const at = (iso: string) => clock.set(new Date(iso));
const only = (...customerIds: string[]) => ({ customerIds });

beforeAll(async () => {
  t = await startTestApp({ clock });
  await createProduct(t, 'plan');
  await createPrice(t, 'seat', { kind: 'per_unit', config: { unitAmount: '30.00' } });
  await createPrice(t, 'base', { kind: 'flat', config: { amount: '100.00' } });
  await createPrice(t, 'calls', {
    kind: 'usage',
    config: { metric: 'calls', aggregation: 'sum', pricing: { kind: 'per_unit', config: { unitAmount: '0.01' } } },
  });
});
afterAll(async () => {
  await t.close();
});

describe('a subscription from its first invoice on', () => {
  let customer: string;
  let sub: string;

  it('invoices the first period at creation: OPEN, numbered, tax per line', async () => {
    at('2026-01-01T00:00:00Z');
    customer = await createCustomer(t, TAXED);
    sub = await subscribe(t, customer, {
      items: [
        { priceCode: 'seat', quantity: '2' },
        { priceCode: 'calls', quantity: '0' },
      ],
    });
    const [first] = await invoicesOf(t, customer);
    expect(first).toMatchObject({
      number: 'INV-2026-000001',
      status: 'OPEN',
      currency: 'EUR',
      subtotal: '60.00',
      tax: '12.00',
      total: '72.00',
      amountDue: '72.00',
      periodStart: '2026-01-01T00:00:00.000Z',
      periodEnd: '2026-02-01T00:00:00.000Z',
      createdAt: '2026-01-01T00:00:00.000Z',
      finalizedAt: '2026-01-01T00:00:00.000Z',
      // Finalization + the default 30-day terms, though it is charged automatically.
      dueAt: '2026-01-31T00:00:00.000Z',
      subscription: { id: sub },
    });
    // Usage is billed in arrears: nothing metered on the first invoice.
    expect(first.lines.map((l: any) => [l.kind, l.priceCode, l.quantity, l.amount, l.tax])).toEqual([
      ['RECURRING', 'seat', '2', '60.00', '12.00'],
    ]);
    expect(first.lines[0].steps.length).toBeGreaterThan(0);
    const [stored] = await storedInvoices(t, { subscription: sub });
    expect(stored.billingKey).toBe(`${sub}:2026-01-01T00:00:00.000Z`);
  });

  it('at the period end bills exactly what upcomingInvoice showed, and moves the period on', async () => {
    await addUsage(t, customer, [
      ['2025-12-31T23:59:59Z', '1000'],
      ['2026-01-01T00:00:00Z', '100'],
      ['2026-01-15T00:00:00Z', '250'],
      ['2026-02-01T00:00:00Z', '5000'],
    ]);
    at('2026-01-16T00:00:00Z');
    await must(
      t,
      'mutation($id: ID!) { changeSubscription(input: { id: $id, items: [{ priceCode: "seat", quantity: "3" }, { priceCode: "calls", quantity: "0" }] }) { id } }',
      { id: sub },
    );
    at('2026-02-01T00:00:00Z');
    const shown = await upcoming(t, sub);
    expect(await bill(t, clock, undefined, only(customer))).toEqual({
      subscriptionsProcessed: 1,
      invoicesCreated: 1,
      subscriptionsFailed: 0,
    });
    const second = (await invoicesOf(t, customer))[1];
    expect(billedContent(second)).toEqual(billedContent(shown));
    expect(second.lines.map((l: any) => [l.kind, l.quantity, l.amount, l.tax])).toEqual([
      ['RECURRING', '3', '90.00', '18.00'],
      ['USAGE', '350', '3.50', '0.70'], // [Jan 1, Feb 1): 100 + 250
      ['PRORATION', '2', '-30.97', '-6.19'],
      ['PRORATION', '3', '46.45', '9.29'],
    ]);
    expect(second).toMatchObject({
      number: 'INV-2026-000002',
      status: 'OPEN',
      subtotal: '108.98',
      tax: '21.80',
      total: '130.78',
      periodStart: '2026-02-01T00:00:00.000Z',
    });
    const s = await subscription(t, sub);
    expect(s).toMatchObject({
      status: 'ACTIVE',
      currentPeriodStart: '2026-02-01T00:00:00.000Z',
      currentPeriodEnd: '2026-03-01T00:00:00.000Z',
      pendingProrations: [],
    });
    expect(s.history.at(-1)).toEqual({ type: 'period_closed', actor: 'billing test' });
  });

  it('creates nothing when run again', async () => {
    expect(await bill(t, clock)).toEqual({ subscriptionsProcessed: 0, invoicesCreated: 0, subscriptionsFailed: 0 });
    expect(await invoicesOf(t, customer)).toHaveLength(2);
  });
});

it('catches up three missed periods with three invoices, in order, numbered consecutively', async () => {
  at('2026-02-01T00:00:00Z');
  const customer = await createCustomer(t);
  const sub = await subscribe(t, customer, { items: [{ priceCode: 'seat', quantity: '1' }] });
  at('2026-05-01T00:00:00Z');
  expect(await bill(t, clock, undefined, only(customer))).toEqual({
    subscriptionsProcessed: 1,
    invoicesCreated: 3,
    subscriptionsFailed: 0,
  });
  const invoices = (await invoicesOf(t, customer)).slice(1);
  expect(invoices.map((i) => [i.periodStart.slice(0, 10), i.total])).toEqual([
    ['2026-03-01', '30.00'],
    ['2026-04-01', '30.00'],
    ['2026-05-01', '30.00'],
  ]);
  expect(invoices.map((i) => seq(i.number) - seq(invoices[0].number))).toEqual([0, 1, 2]);
  expect(await subscription(t, sub)).toMatchObject({
    currentPeriodStart: '2026-05-01T00:00:00.000Z',
    currentPeriodEnd: '2026-06-01T00:00:00.000Z',
  });
});

it('converts a trial at its end with the first invoice', async () => {
  at('2026-05-01T00:00:00Z');
  const customer = await createCustomer(t);
  const sub = await subscribe(t, customer, { trialDays: 14, items: [{ priceCode: 'seat', quantity: '1' }] });
  expect(await invoicesOf(t, customer)).toEqual([]);
  at('2026-05-14T23:59:59Z');
  expect(await bill(t, clock, undefined, only(customer))).toMatchObject({ invoicesCreated: 0 });
  at('2026-05-15T00:00:00Z');
  const shown = await upcoming(t, sub);
  expect(await bill(t, clock, undefined, only(customer))).toEqual({
    subscriptionsProcessed: 1,
    invoicesCreated: 1,
    subscriptionsFailed: 0,
  });
  const [first] = await invoicesOf(t, customer);
  expect(billedContent(first)).toEqual(billedContent(shown));
  expect(first).toMatchObject({
    status: 'OPEN',
    periodStart: '2026-05-15T00:00:00.000Z',
    periodEnd: '2026-06-15T00:00:00.000Z',
    total: '30.00',
  });
  expect(await subscription(t, sub)).toMatchObject({
    status: 'ACTIVE',
    currentPeriodStart: '2026-05-15T00:00:00.000Z',
    currentPeriodEnd: '2026-06-15T00:00:00.000Z',
  });
  expect((await subscription(t, sub)).history.map((h: any) => h.type)).toEqual(['created', 'trial_converted']);
});

it('ends a trial set to cancel at its end without billing it', async () => {
  at('2026-05-01T00:00:00Z');
  const customer = await createCustomer(t);
  const sub = await subscribe(t, customer, { trialDays: 14, items: [{ priceCode: 'seat', quantity: '1' }] });
  await must(t, 'mutation($id: ID!) { cancelSubscription(id: $id, atPeriodEnd: true) { id } }', { id: sub });
  expect(await upcoming(t, sub)).toMatchObject({ lines: [], total: '0.00' });
  at('2026-05-15T00:00:00Z');
  expect(await bill(t, clock, undefined, only(customer))).toEqual({
    subscriptionsProcessed: 1,
    invoicesCreated: 1,
    subscriptionsFailed: 0,
  });
  expect(await invoicesOf(t, customer)).toMatchObject([
    { lines: [], total: '0.00', periodStart: '2026-05-15T00:00:00.000Z', periodEnd: '2026-05-15T00:00:00.000Z' },
  ]);
  expect(await subscription(t, sub)).toMatchObject({ status: 'CANCELED' });
});

it('starts a future subscription when its start arrives, and a future trial at its start and its end', async () => {
  at('2026-05-15T00:00:00Z');
  const customer = await createCustomer(t);
  const plain = await subscribe(t, customer, { startsAt: '2026-06-01T00:00:00Z', items: [{ priceCode: 'seat', quantity: '1' }] });
  const trial = await subscribe(t, customer, {
    startsAt: '2026-06-01T00:00:00Z',
    trialDays: 10,
    items: [{ priceCode: 'seat', quantity: '2' }],
  });
  const shown = await upcoming(t, trial);
  at('2026-06-01T00:00:00Z');
  expect(await bill(t, clock, undefined, only(customer))).toEqual({
    subscriptionsProcessed: 2,
    invoicesCreated: 1,
    subscriptionsFailed: 0,
  });
  expect(await subscription(t, plain)).toMatchObject({
    status: 'ACTIVE',
    currentPeriodStart: '2026-06-01T00:00:00.000Z',
    currentPeriodEnd: '2026-07-01T00:00:00.000Z',
  });
  expect(await subscription(t, trial)).toMatchObject({ status: 'TRIALING' });
  at('2026-06-11T00:00:00Z');
  expect(await bill(t, clock, undefined, only(customer))).toEqual({
    subscriptionsProcessed: 1,
    invoicesCreated: 1,
    subscriptionsFailed: 0,
  });
  const invoices = await invoicesOf(t, customer);
  expect(invoices.map((i) => [i.subscription.id, i.periodStart, i.total])).toEqual([
    [plain, '2026-06-01T00:00:00.000Z', '30.00'],
    [trial, '2026-06-11T00:00:00.000Z', '60.00'],
  ]);
  expect(billedContent(invoices[1])).toEqual(billedContent(shown));
  expect((await subscription(t, trial)).history.map((h: any) => h.type)).toEqual(['created', 'started', 'trial_converted']);
});

it('applies a scheduled change at the boundary it was scheduled for', async () => {
  at('2026-06-11T00:00:00Z');
  const customer = await createCustomer(t);
  const sub = await subscribe(t, customer, {
    items: [
      { priceCode: 'seat', quantity: '5' },
      { priceCode: 'base', quantity: '1' },
    ],
  });
  await must(t, 'mutation($id: ID!) { scheduleChange(input: { id: $id, items: [{ priceCode: "seat", quantity: "1" }] }) { id } }', {
    id: sub,
  });
  at('2026-07-11T00:00:00Z');
  const shown = await upcoming(t, sub);
  await bill(t, clock, undefined, only(customer));
  const [first, second] = await invoicesOf(t, customer);
  expect(first.total).toBe('250.00');
  expect(billedContent(second)).toEqual(billedContent(shown));
  expect(second.lines.map((l: any) => [l.priceCode, l.quantity, l.amount])).toEqual([['seat', '1', '30.00']]);
  expect(await subscription(t, sub)).toMatchObject({ items: [{ priceCode: 'seat', quantity: '1' }], scheduledChange: null });
  const change = await t.app.db.orm.em.fork().findOneOrFail(ScheduledChange, { subscription: sub });
  expect(change).toMatchObject({ status: ScheduledChangeStatus.APPLIED, resolvedAt: new Date('2026-07-11T00:00:00Z') });
});

it('ends a subscription canceled at period end with a final invoice of usage and prorations only', async () => {
  at('2026-07-11T00:00:00Z');
  const customer = await createCustomer(t, TAXED);
  const sub = await subscribe(t, customer, {
    items: [
      { priceCode: 'seat', quantity: '2' },
      { priceCode: 'calls', quantity: '0' },
    ],
  });
  await addUsage(t, customer, [['2026-07-20T00:00:00Z', '500']]);
  at('2026-07-26T00:00:00Z'); // 16 of the period's 31 days left
  await must(
    t,
    'mutation($id: ID!) { changeSubscription(input: { id: $id, items: [{ priceCode: "seat", quantity: "4" }, { priceCode: "calls", quantity: "0" }] }) { id } }',
    { id: sub },
  );
  await must(t, 'mutation($id: ID!) { cancelSubscription(id: $id, atPeriodEnd: true) { id } }', { id: sub });
  at('2026-08-11T00:00:00Z');
  const shown = await upcoming(t, sub);
  expect(await bill(t, clock, undefined, only(customer))).toEqual({
    subscriptionsProcessed: 1,
    invoicesCreated: 1,
    subscriptionsFailed: 0,
  });
  const last = (await invoicesOf(t, customer))[1];
  expect(billedContent(last)).toEqual(billedContent(shown));
  expect(last.lines.map((l: any) => [l.kind, l.amount, l.tax])).toEqual([
    ['USAGE', '5.00', '1.00'],
    ['PRORATION', '-30.97', '-6.19'], // −60 × 16/31
    ['PRORATION', '61.94', '12.39'], // 120 × 16/31
  ]);
  expect(last).toMatchObject({
    subtotal: '35.97',
    tax: '7.20',
    total: '43.17',
    periodStart: '2026-07-11T00:00:00.000Z',
    periodEnd: '2026-08-11T00:00:00.000Z',
  });
  const keys = (await storedInvoices(t, { subscription: sub })).map((i) => i.billingKey).sort();
  expect(keys).toEqual([`${sub}:2026-07-11T00:00:00.000Z`, `${sub}:2026-08-11T00:00:00.000Z:final`]);
  expect(await subscription(t, sub)).toMatchObject({ status: 'CANCELED', cancelAtPeriodEnd: false, pendingProrations: [] });
  expect((await subscription(t, sub)).history.at(-1).type).toBe('canceled');
  at('2026-09-11T00:00:00Z');
  expect(await bill(t, clock, undefined, only(customer))).toMatchObject({ invoicesCreated: 0 });
});

it('leaves invoices of customers who review drafts as DRAFT, without a number', async () => {
  at('2026-08-11T00:00:00Z');
  const customer = await createCustomer(t, 'currency: "EUR", taxStatus: EXEMPT, invoiceDrafts: true');
  await subscribe(t, customer, { collection: 'SEND_INVOICE', items: [{ priceCode: 'seat', quantity: '1' }] });
  at('2026-09-11T00:00:00Z');
  await bill(t, clock, undefined, only(customer));
  const invoices = await invoicesOf(t, customer);
  expect(invoices.map((i) => [i.status, i.number, i.finalizedAt, i.dueAt, i.total])).toEqual([
    ['DRAFT', null, null, null, '30.00'],
    ['DRAFT', null, null, null, '30.00'],
  ]);
  await expectGaplessNumbers(t);
});

it('skips PAUSED and CANCELED subscriptions', async () => {
  at('2026-09-11T00:00:00Z');
  const customer = await createCustomer(t);
  const paused = await subscribe(t, customer, { items: [{ priceCode: 'seat', quantity: '1' }] });
  const canceled = await subscribe(t, customer, { items: [{ priceCode: 'seat', quantity: '1' }] });
  await must(t, 'mutation($id: ID!) { pauseSubscription(id: $id) { id } }', { id: paused });
  await must(t, 'mutation($id: ID!) { cancelSubscription(id: $id, atPeriodEnd: false) { id } }', { id: canceled });
  at('2026-11-11T00:00:00Z');
  expect(await bill(t, clock, undefined, only(customer))).toEqual({
    subscriptionsProcessed: 0,
    invoicesCreated: 0,
    subscriptionsFailed: 0,
  });
  // The two first invoices, and the cancellation's credit billed at once; nothing since.
  const invoices = await invoicesOf(t, customer);
  expect(invoices.map((i) => [i.subscription.id, i.lines.map((l: any) => l.kind).join(), i.total])).toEqual(
    expect.arrayContaining([
      [paused, 'RECURRING', '30.00'],
      [canceled, 'RECURRING', '30.00'],
      [canceled, 'PRORATION', '-30.00'],
    ]),
  );
  expect(invoices).toHaveLength(3);
});

it('makes invoices that add up to the cent, whatever the prices, quantities, usage, currency and tax rate', async () => {
  const minor: Record<string, number> = { EUR: 2, JPY: 0, KWD: 3 };
  let n = 0;
  const decimal = (maxInt: number, scale: number) =>
    fc
      .tuple(fc.integer({ min: 0, max: maxInt }), fc.integer({ min: 0, max: 10 ** scale - 1 }))
      .map(([i, f]) => `${i}.${String(f).padStart(scale, '0')}`);
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom('EUR', 'JPY', 'KWD'),
      fc.integer({ min: 1, max: 3000 }).map((r) => (r / 100).toFixed(2)),
      decimal(999, 6),
      decimal(50, 3),
      decimal(9, 6),
      fc.array(decimal(500, 3), { maxLength: 4 }),
      async (currency, rate, unit, quantity, perCall, usage) => {
        n++;
        at('2026-11-01T00:00:00Z');
        await createPrice(t, `u${n}`, { kind: 'per_unit', config: { unitAmount: unit } }, { currency });
        await createPrice(
          t,
          `m${n}`,
          {
            kind: 'usage',
            config: { metric: `m${n}`, aggregation: 'sum', pricing: { kind: 'per_unit', config: { unitAmount: perCall } } },
          },
          { currency },
        );
        const customer = await createCustomer(t, `currency: "${currency}", taxStatus: TAXABLE, taxRate: "${rate}"`);
        await subscribe(t, customer, {
          items: [
            { priceCode: `u${n}`, quantity },
            { priceCode: `m${n}`, quantity: '0' },
          ],
        });
        await addUsage(
          t,
          customer,
          usage.map((v, i) => [`2026-11-0${i + 2}T00:00:00Z`, v]),
          `m${n}`,
        );
        at('2026-12-01T00:00:00Z');
        await bill(t, clock, undefined, only(customer));
        const invoices = await invoicesOf(t, customer);
        expect(invoices).toHaveLength(2);
        const round = (d: Decimal) => d.toDecimalPlaces(minor[currency], Decimal.ROUND_HALF_UP);
        const used = usage.reduce((s, v) => s.plus(v), new Decimal(0));
        const expected = [[new Decimal(quantity).times(unit)], [new Decimal(quantity).times(unit), used.times(perCall)]];
        invoices.forEach((invoice, i) => {
          const money = new RegExp(`^-?\\d+${minor[currency] ? `\\.\\d{${minor[currency]}}` : ''}$`);
          for (const v of [invoice.subtotal, invoice.tax, invoice.total, ...invoice.lines.flatMap((l: any) => [l.amount, l.tax])])
            expect(v).toMatch(money);
          expect(invoice.lines.map((l: any) => l.amount)).toEqual(expected[i].map((e) => round(e).toFixed(minor[currency])));
          for (const l of invoice.lines) expect(l.tax).toBe(round(new Decimal(l.amount).times(rate).div(100)).toFixed(minor[currency]));
          const sum = (k: 'amount' | 'tax') => invoice.lines.reduce((s: Decimal, l: any) => s.plus(l[k]), new Decimal(0));
          expect(new Decimal(invoice.subtotal).eq(sum('amount'))).toBe(true);
          expect(new Decimal(invoice.tax).eq(sum('tax'))).toBe(true);
          expect(new Decimal(invoice.total).eq(new Decimal(invoice.subtotal).plus(invoice.tax))).toBe(true);
          expect(invoice.amountDue).toBe(invoice.total);
        });
      },
    ),
    { numRuns: 15 },
  );
}, 120_000);

it('numbers gaplessly across customers and starts each year at 000001', async () => {
  at('2027-01-01T00:00:00Z');
  const customer = await createCustomer(t);
  await subscribe(t, customer, { items: [{ priceCode: 'seat', quantity: '1' }] });
  expect((await invoicesOf(t, customer))[0].number).toBe('INV-2027-000001');
  // Everything still due from the tests above, across all their customers, in one run.
  const result = await bill(t, clock);
  expect(result.subscriptionsFailed).toBe(0);
  expect(result.invoicesCreated).toBeGreaterThan(20);
  const lasts = await expectGaplessNumbers(t);
  expect(lasts.get(2027)).toBe(
    1 +
      result.invoicesCreated -
      (await storedInvoices(t, { status: InvoiceStatus.DRAFT, createdAt: { $gte: new Date('2027-01-01T00:00:00Z') } })).length,
  );
  expect(await bill(t, clock)).toEqual({ subscriptionsProcessed: 0, invoicesCreated: 0, subscriptionsFailed: 0 });
}, 60_000);
