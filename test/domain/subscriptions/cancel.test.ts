import { Role } from '../../../src/domain/auth/actor';
import type { Customer } from '../../../src/domain/customers/customer.entity';
import { ConflictError, ForbiddenError } from '../../../src/domain/errors';
import { ProrationBehavior } from '../../../src/domain/subscriptions/proration-behavior';
import { CollectionMethod } from '../../../src/domain/subscriptions/subscription.entity';
import { DomainHarness, failure, START_TIMEOUT_MS, startDomain } from '../../support/domain';
import { dec, invoicesOf, makeCustomer, makePrice, pendingProrations } from '../../support/domain-fixtures';

let h: DomainHarness;
let acme: Customer;
beforeAll(async () => {
  h = await startDomain();
  await makePrice(h, 'seat', { kind: 'per_unit', config: { unitAmount: '30.00' } });
  acme = await makeCustomer(h);
}, START_TIMEOUT_MS);
afterAll(() => h.close());

async function subscribeAndWait() {
  h.clock.set(new Date('2026-03-01T00:00:00Z'));
  const sub = await h.as().subscriptions.create({
    customerId: acme.id,
    items: [{ priceCode: 'seat', quantity: dec('1') }],
    collection: CollectionMethod.SEND_INVOICE,
  });
  h.clock.set(new Date('2026-03-16T00:00:00Z'));
  return sub;
}

describe('SubscriptionLifecycleService.cancel', () => {
  it('now: CANCELED at once, the unused 16/31 of March credited on a final invoice', async () => {
    const sub = await subscribeAndWait();
    const canceled = await h.as().subscriptionLifecycle.cancel(sub.id, false);
    expect(canceled.status).toBe('CANCELED');
    expect(await pendingProrations(h, sub.id)).toEqual([]);
    const [first, final] = await invoicesOf(h, acme, sub.id);
    expect(first.total.toFixed(2)).toBe('30.00');
    expect(final.lines.getItems().map((l) => [l.kind, l.amount.toFixed(2)])).toEqual([['PRORATION', '-15.48']]);
    expect(final.total.toFixed(2)).toBe('-15.48');
  });

  it('now with NONE: no credit', async () => {
    const sub = await subscribeAndWait();
    await h.as().subscriptionLifecycle.cancel(sub.id, false, ProrationBehavior.NONE);
    const invoices = await invoicesOf(h, acme, sub.id);
    expect(invoices.flatMap((i) => i.lines.getItems()).filter((l) => l.proration)).toEqual([]);
  });

  it('at period end: stays ACTIVE with cancelAtPeriodEnd, nothing invoiced now', async () => {
    const sub = await subscribeAndWait();
    const scheduled = await h.as().subscriptionLifecycle.cancel(sub.id, true);
    expect([scheduled.status, scheduled.cancelAtPeriodEnd, scheduled.currentPeriodEnd.toISOString()]).toEqual([
      'ACTIVE',
      true,
      '2026-04-01T00:00:00.000Z',
    ]);
    expect(await invoicesOf(h, acme, sub.id)).toHaveLength(1);
    expect(await pendingProrations(h, sub.id)).toEqual([]);
  });

  it('refuses a second cancellation and a CUSTOMER key, writing nothing', async () => {
    const sub = await subscribeAndWait();
    await h.as().subscriptionLifecycle.cancel(sub.id, false);
    const again = await failure(h, () => h.as().subscriptionLifecycle.cancel(sub.id, false));
    expect(again.error).toBeInstanceOf(ConflictError);
    expect(again.wrote).toEqual([]);
    const other = await subscribeAndWait();
    const own = await h.actor(Role.CUSTOMER, acme.id);
    const byCustomer = await failure(h, () => h.as(own).subscriptionLifecycle.cancel(other.id, false));
    expect(byCustomer.error).toBeInstanceOf(ForbiddenError);
    expect(byCustomer.wrote).toEqual([]);
  });
});
