import { Invoice } from '../../src/domain/invoices/invoice.entity';
import { ManualClock } from '../../src/domain/shared/clock';
import type { BillingRunResult } from '../../src/domain/billing/billing-run';
import { startTestApp, TestApp } from '../support/app';
import { createCustomer, createPrice, createProduct } from '../support/catalog';
import { bill, expectGaplessNumbers, seq, subscribe } from './billing-support';

// Several runs at once must make exactly the invoices one run makes. On PostgreSQL the runs really
// overlap (SKIP LOCKED claims, the number series' row lock); the embedded database is one backend
// that runs one transaction at a time (STACK.md), so there the same runs go one after the other
// and the same assertions hold.
const concurrent = Boolean(process.env.DATABASE_URL);
const clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
const SUBSCRIPTIONS = 30;
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ clock, env: { TARIFF_DB_POOL_SIZE: '10' } });
  await createProduct(t, 'plan');
  await createPrice(t, 'seat', { kind: 'per_unit', config: { unitAmount: '7.35' } });
  await createPrice(t, 'base', { kind: 'flat', config: { amount: '20.00' } });
}, 60_000);
afterAll(async () => {
  await t.close();
});

/** Two cohorts of identical customers, each subscription three periods behind by April. */
async function cohort(): Promise<string[]> {
  clock.set(new Date('2026-01-01T00:00:00Z'));
  const customers: string[] = [];
  for (let i = 0; i < SUBSCRIPTIONS; i++) {
    const customer = await createCustomer(t, 'currency: "EUR", taxStatus: TAXABLE, taxRate: "19.6"');
    await subscribe(t, customer, {
      items: [
        { priceCode: 'seat', quantity: String(i + 1) },
        { priceCode: 'base', quantity: '1' },
      ],
    });
    customers.push(customer);
  }
  return customers;
}

/** Per customer, in order: what each invoice bills (identity, numbers and dates of issue aside). */
async function billed(customers: string[]): Promise<unknown[]> {
  const em = t.app.db.orm.em.fork();
  const invoices = await em.find(Invoice, { customer: { $in: customers } }, { populate: ['lines'], orderBy: { periodStart: 'asc' } });
  return customers.map((c) =>
    invoices
      .filter((i) => i.customer.id === c)
      .map((i) => ({
        key: i.billingKey!.split(':').slice(1).join(':'),
        period: [i.periodStart, i.periodEnd],
        totals: [i.subtotal.toFixed(), i.tax.toFixed(), i.total.toFixed()],
        lines: i.lines.getItems().map((l) => [l.kind, l.priceCode, l.quantity.toFixed(), l.amount.toFixed(), l.tax.toFixed()]),
      })),
  );
}

it('makes the same invoices with four runs at once as with one: no duplicates, no gaps', async () => {
  const many = await cohort();
  const one = await cohort();
  clock.set(new Date('2026-04-01T00:00:00Z'));
  // Small batches, so the runs meet on the same rows over and over.
  const run = () => bill(t, clock, undefined, { customerIds: many, batchSize: 4 });
  const runs: BillingRunResult[] = concurrent
    ? await Promise.all([run(), run(), run(), run()])
    : [await run(), await run(), await run(), await run()];
  const single = await bill(t, clock, undefined, { customerIds: one });

  expect(single).toEqual({ subscriptionsProcessed: SUBSCRIPTIONS, invoicesCreated: 3 * SUBSCRIPTIONS, subscriptionsFailed: 0 });
  expect(runs.reduce((n, r) => n + r.invoicesCreated, 0)).toBe(3 * SUBSCRIPTIONS);
  expect(runs.every((r) => r.subscriptionsFailed === 0)).toBe(true);
  // Overlapping runs share the work; one after the other, the first does it all.
  const working = runs.filter((r) => r.invoicesCreated > 0).length;
  if (concurrent) expect(working).toBeGreaterThan(1);
  else expect(working).toBe(1);
  expect(await billed(many)).toEqual(await billed(one));

  const em = t.app.db.orm.em.fork();
  for (const customer of many) {
    const invoices = await em.find(Invoice, { customer }, { orderBy: { periodStart: 'asc' } });
    expect(invoices.map((i) => i.periodStart!.toISOString().slice(0, 10))).toEqual([
      '2026-01-01',
      '2026-02-01',
      '2026-03-01',
      '2026-04-01',
    ]);
    // A subscription's invoices are numbered in the order of its periods, whoever billed them.
    const numbers = invoices.map((i) => seq(i.number!));
    expect([...numbers].sort((a, b) => a - b)).toEqual(numbers);
  }
  expect((await expectGaplessNumbers(t)).get(2026)).toBe(2 * 4 * SUBSCRIPTIONS);
  expect(await run()).toEqual({ subscriptionsProcessed: 0, invoicesCreated: 0, subscriptionsFailed: 0 });
  // About 10 s alone; four runs contending for rows and the number series slow down far more than
  // the rest when CI's other processes share the two cores (it once passed 120 s there).
}, 300_000);
