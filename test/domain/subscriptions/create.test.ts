import { Role } from '../../../src/domain/auth/actor';
import { BillingInterval } from '../../../src/domain/catalog/price.entity';
import type { Customer } from '../../../src/domain/customers/customer.entity';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../../../src/domain/errors';
import type { CreateSubscriptionInput } from '../../../src/domain/subscriptions/subscription.service';
import { CollectionMethod } from '../../../src/domain/subscriptions/subscription.entity';
import { DomainHarness, failure, START_TIMEOUT_MS, startDomain } from '../../support/domain';
import { dec, invoicesOf, makeCustomer, makePrice } from '../../support/domain-fixtures';

let h: DomainHarness;
let acme: Customer;
beforeAll(async () => {
  h = await startDomain({ now: '2026-01-31T10:00:00Z' });
  await makePrice(h, 'seat', { kind: 'per_unit', config: { unitAmount: '30.00' } });
  await makePrice(h, 'yearly', { kind: 'flat', config: { amount: '300.00' } }, { interval: BillingInterval.YEAR });
  await makePrice(h, 'usd-seat', { kind: 'per_unit', config: { unitAmount: '30.00' } }, { currency: 'USD' });
  acme = await makeCustomer(h);
}, START_TIMEOUT_MS);
afterAll(() => h.close());

const create = (over: Partial<CreateSubscriptionInput> = {}) =>
  h.as().subscriptions.create({
    customerId: acme.id,
    items: [{ priceCode: 'seat', quantity: dec('2') }],
    collection: CollectionMethod.SEND_INVOICE,
    ...over,
  });

describe('SubscriptionService.create', () => {
  it('starting now: ACTIVE, one month from now (Jan 31 → Feb 28), first period invoiced at once', async () => {
    const sub = await create();
    expect(sub).toMatchObject({ status: 'ACTIVE', interval: 'MONTH', intervalCount: 1, trialEnd: null });
    expect([sub.currentPeriodStart, sub.currentPeriodEnd].map((d) => d.toISOString())).toEqual([
      '2026-01-31T10:00:00.000Z',
      '2026-02-28T10:00:00.000Z',
    ]);
    const invoices = await invoicesOf(h, acme, sub.id);
    expect(invoices.map((i) => [i.status, i.total.toFixed(2), i.periodStart?.toISOString(), i.periodEnd?.toISOString()])).toEqual([
      ['OPEN', '60.00', '2026-01-31T10:00:00.000Z', '2026-02-28T10:00:00.000Z'],
    ]);
  });

  it('starting later: INCOMPLETE until then, nothing invoiced', async () => {
    const sub = await create({ startsAt: new Date('2026-03-01T00:00:00Z') });
    expect(sub).toMatchObject({ status: 'INCOMPLETE' });
    expect(sub.currentPeriodStart.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(await invoicesOf(h, acme, sub.id)).toEqual([]);
  });

  it('with a trial: TRIALING, the trial is its own period, the cycle anchored at its end, nothing invoiced', async () => {
    const sub = await create({ trialDays: 14 });
    expect(sub).toMatchObject({ status: 'TRIALING' });
    expect([sub.trialEnd, sub.currentPeriodEnd, sub.billingAnchor].map((d) => d?.toISOString())).toEqual([
      '2026-02-14T10:00:00.000Z',
      '2026-02-14T10:00:00.000Z',
      '2026-02-14T10:00:00.000Z',
    ]);
    expect(await invoicesOf(h, acme, sub.id)).toEqual([]);
  });

  it.each([
    ['a trial of 731 days', { trialDays: 731 }, 'input.trialDays', InvalidInputError],
    ['an unknown price', { items: [{ priceCode: 'ghost', quantity: dec('1') }] }, 'input.items[0].priceCode', InvalidInputError],
    [
      'a price in another currency',
      { items: [{ priceCode: 'usd-seat', quantity: dec('1') }] },
      'input.items[0].priceCode',
      InvalidInputError,
    ],
    [
      'items on different intervals',
      {
        items: [
          { priceCode: 'seat', quantity: dec('1') },
          { priceCode: 'yearly', quantity: dec('1') },
        ],
      },
      'input.items[1].priceCode',
      InvalidInputError,
    ],
    ['a negative quantity', { items: [{ priceCode: 'seat', quantity: dec('-1') }] }, 'input.items[0].quantity', InvalidInputError],
    ['an unknown customer', { customerId: '00000000-0000-4000-8000-000000000000' }, 'input.customerId', NotFoundError],
  ])('refuses %s at its field, writing nothing', async (_what, over, field, kind) => {
    const { error, wrote } = await failure(h, () => create(over));
    expect(error).toBeInstanceOf(kind);
    expect(error).toMatchObject({ field });
    expect(wrote).toEqual([]);
  });

  it('lets SALES subscribe a customer, but not a CUSTOMER key', async () => {
    expect(
      (
        await h.as(await h.actor(Role.SALES)).subscriptions.create({
          customerId: acme.id,
          items: [{ priceCode: 'seat', quantity: dec('1') }],
          startsAt: new Date('2027-01-01T00:00:00Z'),
        })
      ).status,
    ).toBe('INCOMPLETE');
    const own = await h.actor(Role.CUSTOMER, acme.id);
    const { error, wrote } = await failure(h, () =>
      h.as(own).subscriptions.create({ customerId: acme.id, items: [{ priceCode: 'seat', quantity: dec('1') }] }),
    );
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(wrote).toEqual([]);
  });
});
