import { Role } from '../../../src/domain/auth/actor';
import { CouponDuration } from '../../../src/domain/coupons/coupon.entity';
import { TaxStatus } from '../../../src/domain/customers/customer.entity';
import type { Customer } from '../../../src/domain/customers/customer.entity';
import { ForbiddenError, InvalidInputError } from '../../../src/domain/errors';
import { CollectionMethod } from '../../../src/domain/subscriptions/subscription.entity';
import { DomainHarness, failure, START_TIMEOUT_MS, startDomain } from '../../support/domain';
import { dec, invoicesOf, makeCustomer, makePrice } from '../../support/domain-fixtures';

let h: DomainHarness;
beforeAll(async () => {
  h = await startDomain();
  await makePrice(h, 'seat', { kind: 'per_unit', config: { unitAmount: '30.00' } });
  await makePrice(h, 'calls', {
    kind: 'usage',
    config: { metric: 'calls', aggregation: 'sum', pricing: { kind: 'per_unit', config: { unitAmount: '0.01' } } },
  });
}, START_TIMEOUT_MS);
afterAll(() => h.close());

async function subscribe(customer: Customer, at: string, over: { trialDays?: number } = {}) {
  h.clock.set(new Date(at));
  return h.as().subscriptions.create({
    customerId: customer.id,
    items: [
      { priceCode: 'seat', quantity: dec('2') },
      { priceCode: 'calls', quantity: dec('0') },
    ],
    collection: CollectionMethod.SEND_INVOICE,
    ...over,
  });
}

const lines = (invoice: { lines: { getItems(): { kind: string; priceCode: string | null; amount: { toFixed(n: number): string } }[] } }) =>
  invoice.lines.getItems().map((l) => [l.kind, l.priceCode, l.amount.toFixed(2)]);

describe('BillingService.run', () => {
  it('at a period end: the next period in advance and the closed period’s usage in arrears, tax per line; the period moves on', async () => {
    const acme = await makeCustomer(h, { taxStatus: TaxStatus.TAXABLE, taxRate: dec('20') });
    const sub = await subscribe(acme, '2026-03-01T00:00:00Z');
    h.clock.set(new Date('2026-04-01T00:00:00Z'));
    await h.as().usage.record([
      { id: 'in', customerId: acme.id, metric: 'calls', value: dec('1234'), timestamp: new Date('2026-03-31T23:59:59Z') },
      { id: 'next', customerId: acme.id, metric: 'calls', value: dec('99'), timestamp: new Date('2026-04-01T00:00:00Z') },
    ]);
    const result = await h.as().billing.run(h.clock.now());
    expect(result).toMatchObject({ subscriptionsProcessed: 1, invoicesCreated: 1, subscriptionsFailed: 0 });
    const [, renewal] = await invoicesOf(h, acme, sub.id);
    expect(lines(renewal).sort()).toEqual(
      [
        ['RECURRING', 'seat', '60.00'],
        ['USAGE', 'calls', '12.34'],
      ].sort(),
    );
    expect([renewal.status, renewal.subtotal.toFixed(2), renewal.tax.toFixed(2), renewal.total.toFixed(2)]).toEqual([
      'OPEN',
      '72.34',
      '14.47',
      '86.81',
    ]);
    const moved = (await h.as().subscriptions.get(sub.id))!;
    expect([moved.currentPeriodStart, moved.currentPeriodEnd].map((d) => d.toISOString())).toEqual([
      '2026-04-01T00:00:00.000Z',
      '2026-05-01T00:00:00.000Z',
    ]);

    // Safe to run twice: the period is billed once.
    const again = await h.as().billing.run(h.clock.now());
    expect(again).toMatchObject({ invoicesCreated: 0 });
    expect(await invoicesOf(h, acme, sub.id)).toHaveLength(2);
  });

  it('ends a trial: ACTIVE, its first period invoiced', async () => {
    const trial = await makeCustomer(h);
    const sub = await subscribe(trial, '2026-05-01T00:00:00Z', { trialDays: 14 });
    h.clock.set(new Date('2026-05-15T00:00:00Z'));
    await h.as().billing.run(h.clock.now());
    const after = (await h.as().subscriptions.get(sub.id))!;
    expect([after.status, after.currentPeriodEnd.toISOString()]).toEqual(['ACTIVE', '2026-06-15T00:00:00.000Z']);
    const invoices = await invoicesOf(h, trial, sub.id);
    expect(invoices.map((i) => [i.total.toFixed(2), i.periodStart?.toISOString()])).toEqual([['60.00', '2026-05-15T00:00:00.000Z']]);
  });

  it('cancels at the period end what was scheduled to end there, with no renewal', async () => {
    const leaving = await makeCustomer(h);
    const sub = await subscribe(leaving, '2026-05-15T00:00:00Z');
    await h.as().subscriptionLifecycle.cancel(sub.id, true);
    h.clock.set(new Date('2026-06-15T00:00:00Z'));
    await h.as().billing.run(h.clock.now());
    expect((await h.as().subscriptions.get(sub.id))?.status).toBe('CANCELED');
    const renewals = (await invoicesOf(h, leaving, sub.id)).flatMap((i) => i.lines.getItems()).filter((l) => l.kind === 'RECURRING');
    expect(renewals).toHaveLength(1); // the first period's only
  });

  it('renews without a ONCE coupon, which discounted the first invoice only', async () => {
    await h.as().coupons.create({ code: 'WELCOME', percentOff: dec('50'), duration: CouponDuration.ONCE });
    const welcomed = await makeCustomer(h);
    h.clock.set(new Date('2026-06-15T00:00:00Z'));
    const sub = await h.as().subscriptions.create({
      customerId: welcomed.id,
      items: [{ priceCode: 'seat', quantity: dec('1') }],
      couponCode: 'WELCOME',
      collection: CollectionMethod.SEND_INVOICE,
    });
    h.clock.set(new Date('2026-07-15T00:00:00Z'));
    await h.as().billing.run(h.clock.now());
    expect((await invoicesOf(h, welcomed, sub.id)).map((i) => i.total.toFixed(2))).toEqual(['15.00', '30.00']);
  });

  it('refuses a run later than now, and a SALES key, writing nothing', async () => {
    const future = await failure(h, () => h.as().billing.run(new Date(h.clock.now().getTime() + 1000)));
    expect(future.error).toBeInstanceOf(InvalidInputError);
    expect(future.error).toMatchObject({ field: 'at' });
    expect(future.wrote).toEqual([]);
    const sales = await h.actor(Role.SALES);
    const bySales = await failure(h, () => h.as(sales).billing.run(h.clock.now()));
    expect(bySales.error).toBeInstanceOf(ForbiddenError);
    expect(bySales.wrote).toEqual([]);
  });
});
