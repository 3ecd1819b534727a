import { rebuildRevenueLedger } from '../../src/domain/analytics/ledger-rebuild';
import { ManualClock } from '../../src/domain/shared/clock';
import { bill, subscribe } from '../jobs/billing-support';
import { startTestApp, TestApp } from '../support/app';
import { createCustomer, createPrice, createProduct, must } from '../support/catalog';

// The revenue ledger against CONTRACT.md's MRR rule: "contract prices and recurring coupons
// included ... summed unrounded and rounded once per figure". Figures worked by hand.
const clock = new ManualClock(new Date('2031-01-01T00:00:00Z'));
let t: TestApp;

const METRICS = `query($from: DateTime!, $to: DateTime!) {
  revenueMetrics(from: $from, to: $to, interval: MONTH, currency: "EUR") {
    startMrr newMrr expansionMrr reactivationMrr contractionMrr churnedMrr mrr arr activeCustomers arpa } }`;

const at = (iso: string) => clock.set(new Date(iso));

async function movements(subscriptionId: string): Promise<unknown[]> {
  return t.app.db.orm.em
    .fork()
    .getConnection()
    .execute(
      `select kind, round(delta, 2)::text as delta, cause, to_char(at at time zone 'UTC', 'YYYY-MM-DD') as day from mrr_movement where subscription_id = ? order by at, kind`,
      [subscriptionId],
    );
}

async function ledger(): Promise<unknown[]> {
  return t.app.db.orm.em
    .fork()
    .getConnection()
    .execute(
      'select customer_id, subscription_id, currency, kind, delta::text, mrr_after::text, cause, at from mrr_movement order by at, subscription_id, kind, delta',
    );
}

async function rebuilt(): Promise<unknown[]> {
  await t.app.db.orm.em.fork().transactional((em) => rebuildRevenueLedger(em));
  return ledger();
}

async function coupon(input: Record<string, unknown>): Promise<void> {
  await must(t, 'mutation($input: CreateCouponInput!) { createCoupon(input: $input) { id } }', { input });
}

async function metrics(from: string, to: string): Promise<any[]> {
  return (await must(t, METRICS, { from, to })).revenueMetrics;
}

beforeAll(async () => {
  t = await startTestApp({ clock });
  await createProduct(t, 'plan');
  await createPrice(t, 'basic', { kind: 'flat', config: { amount: '100.00' } });
  await createPrice(t, 'seat', { kind: 'per_unit', config: { unitAmount: '10.00' } });
  await createPrice(t, 'hundred-yearly', { kind: 'per_unit', config: { unitAmount: '100.00' } }, { interval: 'YEAR' });
  await createPrice(t, 'pro-yearly', { kind: 'flat', config: { amount: '1200.00' } }, { interval: 'YEAR' });
  await coupon({ code: 'SEATS25', duration: 'FOREVER', percentOff: '25' });
  await coupon({ code: 'HALF2', duration: 'REPEATING', durationInMonths: 2, percentOff: '50' });
  await coupon({ code: 'WELCOME', duration: 'ONCE', percentOff: '50' });
  await coupon({ code: 'THIRTY', duration: 'FOREVER', amountOff: '30.00', currency: 'EUR' });
  await coupon({ code: 'YEARLY120', duration: 'FOREVER', amountOff: '120.00', currency: 'EUR' });
});
afterAll(async () => {
  await t.close();
});

describe('MRR rounded once per figure', () => {
  it('sums monthly shares unrounded: three yearly prices of 100.00 make 25.00, not 3 × 8.33', async () => {
    at('2030-01-01T00:00:00Z');
    const subs = [];
    for (let i = 0; i < 3; i++)
      subs.push(await subscribe(t, await createCustomer(t), { items: [{ priceCode: 'hundred-yearly', quantity: '1' }] }));
    const [january] = await metrics('2030-01-01T00:00:00Z', '2030-02-01T00:00:00Z');
    expect(january).toMatchObject({ startMrr: '0.00', newMrr: '25.00', mrr: '25.00', arr: '300.00', activeCustomers: 3, arpa: '8.33' });
    // Each movement is one subscription's share, shown rounded once.
    const top = (
      await must(
        t,
        'query { mrrMovements(from: "2030-01-01T00:00:00Z", to: "2030-02-01T00:00:00Z", currency: "EUR", first: 3) { delta mrrAfter } }',
      )
    ).mrrMovements;
    expect(top).toEqual(Array(3).fill({ delta: '8.33', mrrAfter: '8.33' }));
    // Stored to the ledger's 30 decimals (100 / 12 = 8.333…333): the figure snaps their sum back to 25 before its rounding.
    const [{ total }] = await t.app.db.orm.em
      .fork()
      .getConnection()
      .execute<{ total: string }[]>('select sum(delta)::text as total from mrr_movement where subscription_id in (?)', [subs]);
    expect(total).toBe(`24.${'9'.repeat(30)}`);
  });

  it('keeps the bridge whole when its movements round apart (new 8.33… + expansion 8.33… = 16.67)', async () => {
    at('2030-06-01T00:00:00Z');
    const customer = await createCustomer(t);
    const sub = await subscribe(t, customer, { items: [{ priceCode: 'hundred-yearly', quantity: '1' }] });
    at('2030-06-10T00:00:00Z');
    await must(
      t,
      'mutation($id: ID!) { changeSubscription(input: { id: $id, items: [{ priceCode: "hundred-yearly", quantity: "2" }], prorationBehavior: NONE }) { id } }',
      { id: sub },
    );
    const [june] = await metrics('2030-06-01T00:00:00Z', '2030-07-01T00:00:00Z');
    const cents = (s: string) => BigInt(s.replace('.', ''));
    // 25.00 from the first test, + 8.33… new, + 8.33… expansion = 41.666… → 41.67.
    expect(june.startMrr).toBe('25.00');
    expect(june.mrr).toBe('41.67');
    expect(cents(june.startMrr) + cents(june.newMrr) + cents(june.expansionMrr)).toBe(cents(june.mrr));
    // Each still one of its two neighbouring cents: the lost cent went to the larger remainder.
    expect([june.newMrr, june.expansionMrr].sort()).toEqual(['8.33', '8.34']);
    expect(await rebuilt()).toEqual(await ledger());
  });
});

describe('recurring coupons in MRR', () => {
  it('counts a FOREVER percent off from the subscription it came with', async () => {
    at('2031-01-01T00:00:00Z');
    const sub = await subscribe(t, await createCustomer(t), { items: [{ priceCode: 'seat', quantity: '10' }], couponCode: 'SEATS25' });
    expect(await movements(sub)).toEqual([{ kind: 'NEW', delta: '75.00', cause: 'subscription.created', day: '2031-01-01' }]);
  });

  it('takes a REPEATING coupon off when applied and puts it back at the first renewal after its months', async () => {
    at('2031-01-01T00:00:00Z');
    const customer = await createCustomer(t);
    const sub = await subscribe(t, customer, { items: [{ priceCode: 'basic', quantity: '1' }] });
    await must(t, 'mutation($id: ID!) { applyCoupon(input: { subscriptionId: $id, couponCode: "HALF2" }) { id } }', { id: sub });
    for (const day of ['2031-02-01', '2031-03-01', '2031-04-01']) {
      at(`${day}T00:00:00Z`);
      await bill(t, clock);
    }
    expect(await movements(sub)).toEqual([
      { kind: 'NEW', delta: '100.00', cause: 'subscription.created', day: '2031-01-01' },
      { kind: 'CONTRACTION', delta: '-50.00', cause: 'coupon.redeemed', day: '2031-01-01' },
      // Its two months end on March 1: the renewal then bills (and counts) the full price.
      { kind: 'EXPANSION', delta: '50.00', cause: 'subscription.renewed', day: '2031-03-01' },
    ]);
    // The invoices agree: half off in January and February, full price from March.
    const totals = (
      await must(t, 'query($id: ID!) { invoices(customerId: $id, first: 10) { edges { node { subtotal periodStart } } } }', {
        id: customer,
      })
    ).invoices.edges
      .map((e: any) => [e.node.periodStart.slice(0, 10), e.node.subtotal])
      .sort();
    expect(totals).toEqual([
      ['2031-01-01', '100.00'],
      ['2031-02-01', '50.00'],
      ['2031-03-01', '100.00'],
      ['2031-04-01', '100.00'],
    ]);
  });

  it('leaves a ONCE coupon out: it is not recurring revenue', async () => {
    at('2031-01-01T00:00:00Z');
    const sub = await subscribe(t, await createCustomer(t), { items: [{ priceCode: 'basic', quantity: '1' }], couponCode: 'WELCOME' });
    expect(await movements(sub)).toEqual([{ kind: 'NEW', delta: '100.00', cause: 'subscription.created', day: '2031-01-01' }]);
  });

  it('counts a customer’s amount off on each subscription, per month of a yearly one, until it is removed', async () => {
    at('2031-01-01T00:00:00Z');
    const customer = await createCustomer(t);
    const monthly = await subscribe(t, customer, { items: [{ priceCode: 'basic', quantity: '1' }] });
    const discount = (
      await must(t, 'mutation($id: ID!) { applyCoupon(input: { customerId: $id, couponCode: "THIRTY" }) { id } }', { id: customer })
    ).applyCoupon.id;
    const yearly = await subscribe(t, await createCustomer(t), {
      items: [{ priceCode: 'pro-yearly', quantity: '1' }],
      couponCode: 'YEARLY120',
    });
    at('2031-01-20T00:00:00Z');
    await must(t, 'mutation($id: ID!) { removeDiscount(id: $id) { endedAt } }', { id: discount });
    expect(await movements(monthly)).toEqual([
      { kind: 'NEW', delta: '100.00', cause: 'subscription.created', day: '2031-01-01' },
      { kind: 'CONTRACTION', delta: '-30.00', cause: 'coupon.redeemed', day: '2031-01-01' },
      { kind: 'EXPANSION', delta: '30.00', cause: 'coupon.discount_removed', day: '2031-01-20' },
    ]);
    // (1200.00 − 120.00) / 12
    expect(await movements(yearly)).toEqual([{ kind: 'NEW', delta: '90.00', cause: 'subscription.created', day: '2031-01-01' }]);
    expect(await rebuilt()).toEqual(await ledger());
  });
});
