import { ManualClock } from '../../src/domain/shared/clock';
import { writeStripeDump } from '../support/stripe-fixtures/stripe-fixtures';
import { tariffNextInvoice } from '../../src/import/reconcile/tariff-next-invoice';
import { tariffNextInvoices } from '../../src/import/reconcile/tariff-next-invoices';
import { formatMoney } from '../../src/pricing';
import { startTestApp, TestApp } from '../support/app';
import { must } from '../support/catalog';
import { importDump } from './import-support';
import { dumpDir, removeDumps } from './stripe-builders';

// Tariff's side of the reconciliation is what upcomingInvoice shows: the batch drafting the
// reconciliation uses (tariff-next-invoices.ts) gives, for every subscription, the total and date
// of the single-subscription path and of upcomingInvoice over GraphQL, also once subscriptions
// have pending prorations, a scheduled change, a cancellation at period end, a pause or usage.
// And once Tariff's subscriptions have moved away from the dump, the reconciliation says so.

const AS_OF = new Date('2026-11-20T12:00:00Z');
const clock = new ManualClock(new Date(AS_OF.getTime() + 3_600_000));
let t: TestApp;
let dir: string;

interface Row {
  id: string;
  stripe_id: string;
  customer_id: string;
  status: string;
  codes: string[];
  metrics: (string | null)[];
  /** Every price still sold: a change may keep them (an archived price cannot be chosen again). */
  sold: boolean;
}

beforeAll(async () => {
  t = await startTestApp({ clock });
  dir = dumpDir();
  writeStripeDump(dir, { customers: 80, seed: 3, asOf: AS_OF });
  const report = await importDump(t, clock, dir);
  expect(report.ok).toBe(true);
}, 120_000);
afterAll(async () => {
  await t.close();
  removeDumps();
});

async function imported(): Promise<Row[]> {
  return t.app.db.orm.em.fork().execute<Row[]>(
    `select s.id, e.external_id as stripe_id, s.customer_id, s.status,
            array_agg(i.price_code order by i.price_code) as codes, array_agg(p.rule_config->>'metric' order by i.price_code) as metrics,
            bool_and(p.status = 'ACTIVE') as sold
       from subscription s join subscription_external_id e on e.subscription_id = s.id
       join subscription_item i on i.subscription_id = s.id join price p on p.id = i.price_id
      group by s.id, e.external_id order by e.external_id`,
  );
}

it('batch drafting, the single path and upcomingInvoice agree for every subscription, however it has changed', async () => {
  const rows = await imported();
  const active = rows.filter((r) => r.status === 'ACTIVE');
  const licensed = active.filter((r) => r.sold && r.metrics.every((m) => m === null));
  const meteredSub = active.find((r) => r.metrics.some((m) => m !== null))!;
  const [prorated, scheduled, ending, paused] = licensed;
  const qty = (r: Row) => r.codes.map((code) => ({ priceCode: code, quantity: '7' }));
  await must(t, 'mutation($i: ChangeSubscriptionInput!) { changeSubscription(input: $i) { id } }', {
    i: { id: prorated.id, items: qty(prorated) },
  });
  await must(t, 'mutation($i: ScheduleChangeInput!) { scheduleChange(input: $i) { id } }', {
    i: { id: scheduled.id, items: qty(scheduled) },
  });
  await must(t, 'mutation($id: ID!) { cancelSubscription(id: $id, atPeriodEnd: true) { id } }', { id: ending.id });
  await must(t, 'mutation($id: ID!) { pauseSubscription(id: $id) { id } }', { id: paused.id });
  const metric = meteredSub.metrics.find((m) => m !== null)!;
  await must(t, 'mutation($e: [UsageEventInput!]!) { recordUsage(events: $e) { accepted } }', {
    e: [{ id: 'u1', customerId: meteredSub.customer_id, metric, value: '123456', timestamp: AS_OF.toISOString() }],
  });

  const batch = new Map(
    (
      await tariffNextInvoices(
        t.app.db.orm.em.fork(),
        rows.map((r) => r.id),
      )
    ).map((n) => [n.subscriptionId, n]),
  );
  expect(batch.size).toBe(rows.length);
  for (const row of rows) {
    const single = await tariffNextInvoice(t.app.db.orm.em.fork(), row.id);
    const mine = batch.get(row.id)!;
    expect([row.stripe_id, mine.at, mine.total?.toFixed()]).toEqual([row.stripe_id, single.at, single.total?.toFixed()]);
    if (single.at === null) continue;
    const shown = await must(t, 'query($id: ID!) { upcomingInvoice(subscriptionId: $id) { total } }', { id: row.id });
    expect([row.stripe_id, formatMoney(mine.total!, mine.currency)]).toEqual([row.stripe_id, shown.upcomingInvoice.total]);
  }
  expect(batch.get(paused.id)).toMatchObject({ status: 'PAUSED', at: null, total: null });
  expect(batch.get(meteredSub.id)!.total!.gt(0)).toBe(true);
}, 300_000);

it('lists every subscription whose next invoice no longer matches Stripe, and MRR that moved', async () => {
  const report = await importDump(t, clock, dir, { resume: true });
  const r = report.reconciliation!;
  expect(report.ok).toBe(false);
  const moved = r.differences.filter((d) => d.what === 'next_invoice').map((d) => d.id);
  // The changed one (new quantity and prorations), the one ending, the paused one, the metered one.
  expect(moved.length).toBeGreaterThanOrEqual(4);
  expect(r.differences.some((d) => d.what === 'mrr')).toBe(true);
}, 120_000);
