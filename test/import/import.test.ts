import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ManualClock } from '../../src/domain/shared/clock';
import { SourceBook } from '../../src/import/stripe/scan-dump';
import {
  stripeCouponSchema,
  stripeCustomerSchema,
  stripePriceSchema,
  stripeSubscriptionSchema,
} from '../../src/import/stripe/stripe-objects';
import { writeStripeDump } from '../support/stripe-fixtures/stripe-fixtures';
import { formatMoney } from '../../src/pricing';
import { startTestApp, TestApp } from '../support/app';
import { createCustomer, createPrice, createProduct, must } from '../support/catalog';
import { exactSnapshot } from './db-snapshot';
import { importDump, subscriptionByStripeId, upcomingOf } from './import-support';
import { customer, DAY, dumpDir, invoice, line, price, product, removeDumps, subscription, T0, writeDump } from './stripe-builders';

// A generated book (stripe-fixtures.ts) imported whole: a clean reconciliation, every next invoice
// equal to Stripe's as upcomingInvoice shows it, a second run and a resumed run that change
// nothing, a dry run that writes nothing, and what a run says when the dump has moved on.
// IMPORT_TEST_CUSTOMERS makes the book larger (test/import/import-10k.test.ts runs 10,000).

const CUSTOMERS = Number(process.env.IMPORT_TEST_CUSTOMERS ?? 300);
const AS_OF = new Date('2026-11-20T12:00:00Z');
const clock = new ManualClock(new Date(AS_OF.getTime() + 3_600_000));
let t: TestApp;
let dir: string;

/** Stripe's side of the dump, read from its files alone: the customers, and each subscription's next invoice and MRR. */
function stripeSide(from: string): SourceBook {
  const read = (file: string) =>
    readFileSync(path.join(from, file), 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l));
  const prices = new Map(
    read('prices.jsonl')
      .map((p) => stripePriceSchema.parse(p))
      .map((p) => [p.id, p]),
  );
  const coupons = new Map(
    read('coupons.jsonl')
      .map((c) => stripeCouponSchema.parse(c))
      .map((c) => [c.id, c]),
  );
  const source = new SourceBook(prices, coupons, Math.floor(clock.now().getTime() / 1000));
  read('customers.jsonl').forEach((c) => source.noteCustomer(stripeCustomerSchema.parse(c)));
  read('subscriptions.jsonl').forEach((sub) => source.noteSubscription(stripeSubscriptionSchema.parse(sub)));
  return source;
}

beforeAll(async () => {
  t = await startTestApp({ clock });
  dir = dumpDir();
  writeStripeDump(dir, { customers: CUSTOMERS, seed: 42, asOf: AS_OF });
}, 60_000);
afterAll(async () => {
  await t.close();
  removeDumps();
});

describe('a generated book', () => {
  it('imports with a clean reconciliation', async () => {
    const report = await importDump(t, clock, dir);
    expect(report.rejected).toEqual([]);
    expect(report.reconciliation!.differences).toEqual([]);
    expect(report.ok).toBe(true);
    const scan = stripeSide(dir);
    expect(report.reconciliation).toMatchObject({
      clean: true,
      customers: { stripe: scan.customers.size, tariff: scan.customers.size },
      subscriptions: { stripe: scan.subscriptions.size, tariff: scan.subscriptions.size },
      nextInvoices: { compared: scan.subscriptions.size, matching: scan.subscriptions.size },
    });
    expect(report.counts.subscription).toMatchObject({ imported: scan.subscriptions.size, rejected: 0 });
    // Every kind of record was there to import.
    for (const kind of ['product', 'price', 'customer', 'subscription', 'invoice'] as const)
      expect(report.counts[kind].imported).toBeGreaterThan(0);
  }, 300_000);

  it("gives every subscription Stripe's next invoice: the same day, the same amount, as upcomingInvoice shows it", async () => {
    const scan = stripeSide(dir);
    let live = 0;
    for (const [id, stripe] of scan.subscriptions) {
      const sub = await subscriptionByStripeId(t, id);
      expect(sub).not.toBeNull();
      if (stripe.next.at === null) {
        expect(sub.status).toBe('CANCELED');
        continue;
      }
      live++;
      expect([id, await upcomingOf(t, sub)]).toEqual([
        id,
        { at: stripe.next.at.toISOString(), total: formatMoney(stripe.next.total!, stripe.currency) },
      ]);
    }
    expect(live).toBeGreaterThan(CUSTOMERS / 2);
  }, 300_000);

  it('imported twice changes nothing: every row of every table is as the first run left it', async () => {
    const before = await exactSnapshot(t);
    clock.advanceSeconds(60);
    const again = await importDump(t, clock, dir);
    expect(again.ok).toBe(true);
    expect(again.counts.customer).toMatchObject({ imported: 0, existing: again.counts.customer.read - again.counts.customer.skipped });
    expect(again.counts.subscription).toMatchObject({ imported: 0, rejected: 0 });
    expect(await exactSnapshot(t)).toEqual(before);
  }, 300_000);

  it('--resume skips what is imported, and a dry run writes nothing', async () => {
    const before = await exactSnapshot(t);
    const resumed = await importDump(t, clock, dir, { resume: true });
    const dry = await importDump(t, clock, dir, { dryRun: true });
    expect([resumed.ok, resumed.counts.invoice.imported, dry.ok, dry.reconciliation]).toEqual([true, 0, true, null]);
    expect(await exactSnapshot(t)).toEqual(before);
  }, 300_000);

  it('lists what the dump now says differently, without changing it (not with --resume)', async () => {
    const moved = dumpDir();
    for (const file of ['products', 'prices', 'coupons', 'meters', 'customers', 'subscriptions', 'invoices']) {
      let text = readFileSync(path.join(dir, `${file}.jsonl`), 'utf8');
      if (file === 'customers') text = text.replace(/"email":"billing\+1@/, '"email":"accounts+1@');
      if (file === 'subscriptions') text = text.replace(/"quantity":(\d+)/, (_m, q) => `"quantity":${Number(q) + 1}`);
      writeFileSync(path.join(moved, `${file}.jsonl`), text);
    }
    const before = await exactSnapshot(t);
    const report = await importDump(t, clock, moved);
    expect(report.ok).toBe(false);
    expect(report.drifted.map((d) => [d.kind, d.reason])).toEqual([
      ['customer', expect.stringMatching(/^imported before; the dump differs \(not changed\): email billing\+1@.* → accounts\+1@/)],
      ['subscription', expect.stringMatching(/items .* → /)],
    ]);
    expect(await exactSnapshot(t)).toEqual(before);
    expect((await importDump(t, clock, moved, { resume: true })).drifted).toEqual([]);
  }, 300_000);
});

describe("API versions since 2025-03-31 (current periods on the items, invoices' parent and pricing)", () => {
  it('import the same way, with a clean reconciliation (here one transaction per record: --batch 1)', async () => {
    const app = await startTestApp({ clock });
    try {
      const basil = dumpDir();
      writeStripeDump(basil, { customers: 60, seed: 7, asOf: AS_OF, apiVersion: 'basil' });
      const report = await importDump(app, clock, basil, { batchSize: 1 });
      expect(report.reconciliation!.differences).toEqual([]);
      expect([report.ok, report.counts.invoice.rejected]).toEqual([true, 0]);
      expect(report.counts.invoice.imported).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  }, 120_000);
});

describe('a batch the database refuses', () => {
  it('is written again one record a transaction: only the refused record is left out', async () => {
    const app = await startTestApp({ clock });
    try {
      // A Tariff invoice numbered as the second Stripe invoice will be: the number is unique.
      await createProduct(app, 'plan');
      await createPrice(app, 'fee', { kind: 'flat', config: { amount: '10.00' } }, { currency: 'USD' });
      const owner = await createCustomer(app, 'currency: "USD", taxStatus: EXEMPT');
      await must(
        app,
        'mutation($c: ID!) { createSubscription(input: { customerId: $c, items: [{ priceCode: "fee", quantity: "1" }] }) { id } }',
        { c: owner },
      );
      const [{ number }] = await app.app.db.orm.em.fork().execute<{ number: string }[]>('select number from invoice');
      const seat = price('price_seat');
      const period = { start: T0 - 10 * DAY, end: T0 + 20 * DAY };
      const dump = writeDump({
        products: [product()],
        prices: [seat],
        customers: ['a', 'b', 'c'].map((c) => customer(`cus_${c}`)),
        subscriptions: ['a', 'b', 'c'].map((c) => subscription(`sub_${c}`, `cus_${c}`, [[seat, 1]], period)),
        invoices: ['a', 'b', 'c'].map((c, i) =>
          invoice(`in_000${i}`, `cus_${c}`, [line(`il_${c}`, 1000)], { number: i === 1 ? number : `STRIPE-000${i}` }),
        ),
      });
      const report = await importDump(app, clock, dump);
      expect(report.counts.invoice).toMatchObject({ imported: 2, rejected: 1 });
      expect(report.rejected).toEqual([
        expect.objectContaining({ id: 'in_0001', reason: expect.stringMatching(/conflicts with a record already in Tariff/) }),
      ]);
      expect(report.counts.subscription).toMatchObject({ imported: 3 });
    } finally {
      await app.close();
    }
  }, 120_000);
});
