import type { Customer } from '../../../src/domain/customers/customer.entity';
import { ConflictError } from '../../../src/domain/errors';
import { CollectionMethod } from '../../../src/domain/subscriptions/subscription.entity';
import { DomainHarness, failure, START_TIMEOUT_MS, startDomain } from '../../support/domain';
import { dec, invoicesOf, makeCustomer, makePrice, pendingProrations } from '../../support/domain-fixtures';

let h: DomainHarness;
let acme: Customer;
beforeAll(async () => {
  h = await startDomain();
  await makePrice(h, 'seat', { kind: 'per_unit', config: { unitAmount: '31.00' } });
  acme = await makeCustomer(h);
}, START_TIMEOUT_MS);
afterAll(() => h.close());

async function subscribe() {
  h.clock.set(new Date('2026-03-01T00:00:00Z'));
  return h.as().subscriptions.create({
    customerId: acme.id,
    items: [{ priceCode: 'seat', quantity: dec('1') }],
    collection: CollectionMethod.SEND_INVOICE,
  });
}

describe('SubscriptionLifecycleService.pause and resume', () => {
  it('credits the paused days of the billed period when resumed within it', async () => {
    const sub = await subscribe();
    h.clock.set(new Date('2026-03-11T00:00:00Z'));
    const paused = await h.as().subscriptionLifecycle.pause(sub.id);
    expect([paused.status, paused.pausedAt?.toISOString()]).toEqual(['PAUSED', '2026-03-11T00:00:00.000Z']);
    h.clock.set(new Date('2026-03-18T12:00:00Z'));
    const resumed = await h.as().subscriptionLifecycle.resume(sub.id);
    expect([resumed.status, resumed.pausedAt]).toEqual(['ACTIVE', null]);
    // 31.00 for March's 31 days: 7.5 days paused = 7.50 back.
    expect(await pendingProrations(h, sub.id)).toEqual([['seat', '-7.50']]);
    expect(resumed.currentPeriodEnd.toISOString()).toBe('2026-04-01T00:00:00.000Z');
  });

  it('resumed in a later period: credits the rest of the billed one, charges the rest of the current one, keeps the anchor', async () => {
    const sub = await subscribe();
    h.clock.set(new Date('2026-03-21T00:00:00Z'));
    await h.as().subscriptionLifecycle.pause(sub.id);
    h.clock.set(new Date('2026-04-16T00:00:00Z'));
    const resumed = await h.as().subscriptionLifecycle.resume(sub.id);
    expect([resumed.currentPeriodStart, resumed.currentPeriodEnd].map((d) => d.toISOString())).toEqual([
      '2026-04-01T00:00:00.000Z',
      '2026-05-01T00:00:00.000Z',
    ]);
    // March: 11 of 31 days unused → −11.00; April: 15 of 30 days left → 15.50.
    const pending = await pendingProrations(h, sub.id);
    expect([...pending].sort((a, b) => Number(a[1]) - Number(b[1]))).toEqual([
      ['seat', '-11.00'],
      ['seat', '15.50'],
    ]);
    expect((await invoicesOf(h, acme, sub.id)).length).toBeGreaterThanOrEqual(1);
  });

  it('refuses to pause twice or resume what is not paused, writing nothing', async () => {
    const sub = await subscribe();
    const notPaused = await failure(h, () => h.as().subscriptionLifecycle.resume(sub.id));
    expect(notPaused.error).toBeInstanceOf(ConflictError);
    expect(notPaused.wrote).toEqual([]);
    await h.as().subscriptionLifecycle.pause(sub.id);
    const twice = await failure(h, () => h.as().subscriptionLifecycle.pause(sub.id));
    expect(twice.error).toBeInstanceOf(ConflictError);
    expect(twice.wrote).toEqual([]);
  });
});
