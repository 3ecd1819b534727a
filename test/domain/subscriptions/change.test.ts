import fc from 'fast-check';
import type { Customer } from '../../../src/domain/customers/customer.entity';
import { ConflictError, InvalidInputError } from '../../../src/domain/errors';
import { ProrationBehavior } from '../../../src/domain/subscriptions/proration-behavior';
import { CollectionMethod } from '../../../src/domain/subscriptions/subscription.entity';
import { ZERO } from '../../../src/pricing/decimal';
import { DomainHarness, failure, START_TIMEOUT_MS, startDomain } from '../../support/domain';
import { dec, invoicesOf, makeCustomer, makePrice, pendingProrations } from '../../support/domain-fixtures';

let h: DomainHarness;
let acme: Customer;
beforeAll(async () => {
  h = await startDomain();
  await makePrice(h, 'seat', { kind: 'per_unit', config: { unitAmount: '30.00' } });
  await makePrice(h, 'pro', { kind: 'per_unit', config: { unitAmount: '60.00' } });
  await makePrice(h, 'odd', {
    kind: 'graduated',
    config: {
      tiers: [
        { upTo: 3, unitAmount: '9.99' },
        { upTo: null, unitAmount: '7.77', flatAmount: '1.01' },
      ],
    },
  });
  acme = await makeCustomer(h);
}, START_TIMEOUT_MS);
afterAll(() => h.close());

async function subscribe(at: string, priceCode: string, quantity = '1') {
  h.clock.set(new Date(at));
  return h.as().subscriptions.create({
    customerId: acme.id,
    items: [{ priceCode, quantity: dec(quantity) }],
    collection: CollectionMethod.SEND_INVOICE,
  });
}

const change = (id: string, priceCode: string, quantity: string, prorationBehavior?: ProrationBehavior) =>
  h.as().subscriptionChanges.change({ id, items: [{ priceCode, quantity: dec(quantity) }], prorationBehavior });

describe('SubscriptionChangeService.change', () => {
  // March has 31 days; from the 16th, 16/31 of it remain. seat = 30.00, pro = 60.00.
  it.each([
    [
      'an upgrade',
      'seat',
      '1',
      'pro',
      '1',
      [
        ['seat', '-15.48'],
        ['pro', '30.97'],
      ],
    ],
    [
      'a downgrade',
      'pro',
      '1',
      'seat',
      '1',
      [
        ['pro', '-30.97'],
        ['seat', '15.48'],
      ],
    ],
    [
      'a quantity change',
      'seat',
      '1',
      'seat',
      '3',
      [
        ['seat', '-15.48'],
        ['seat', '46.45'],
      ],
    ],
  ])(
    '%s credits the unused old item and charges the new one for the rest of the period',
    async (_what, fromCode, fromQty, toCode, toQty, expected) => {
      const sub = await subscribe('2026-03-01T00:00:00Z', fromCode, fromQty);
      h.clock.set(new Date('2026-03-16T00:00:00Z'));
      const changed = await change(sub.id, toCode, toQty);
      expect(changed.items.getItems().map((i) => [i.priceCode, i.quantity.toFixed()])).toEqual([[toCode, toQty]]);
      const pending = await pendingProrations(h, sub.id);
      expect([...pending].sort((a, b) => Number(a[1]) - Number(b[1]))).toEqual(expected);
      expect(await invoicesOf(h, acme, sub.id)).toHaveLength(1); // the first period's only: prorations wait
    },
  );

  it('ALWAYS_INVOICE bills the prorations at once on an invoice whose lines add up to its total', async () => {
    const sub = await subscribe('2026-03-01T00:00:00Z', 'seat');
    h.clock.set(new Date('2026-03-16T00:00:00Z'));
    await change(sub.id, 'pro', '1', ProrationBehavior.ALWAYS_INVOICE);
    expect(await pendingProrations(h, sub.id)).toEqual([]);
    const [, proration] = await invoicesOf(h, acme, sub.id);
    expect(proration.lines.getItems().map((l) => [l.kind, l.amount.toFixed(2)])).toEqual([
      ['PRORATION', '-15.48'],
      ['PRORATION', '30.97'],
    ]);
    expect([proration.status, proration.subtotal.toFixed(2), proration.total.toFixed(2)]).toEqual(['OPEN', '15.49', '15.49']);
  });

  it('NONE changes the items and prorates nothing', async () => {
    const sub = await subscribe('2026-03-01T00:00:00Z', 'seat');
    h.clock.set(new Date('2026-03-16T00:00:00Z'));
    await change(sub.id, 'pro', '2', ProrationBehavior.NONE);
    expect(await pendingProrations(h, sub.id)).toEqual([]);
  });

  it('refuses a stale expectedVersion and an unknown price, changing nothing', async () => {
    const sub = await subscribe('2026-03-01T00:00:00Z', 'seat');
    const stale = await failure(h, () =>
      h.as().subscriptionChanges.change({ id: sub.id, expectedVersion: 99, items: [{ priceCode: 'pro', quantity: dec('1') }] }),
    );
    expect(stale.error).toBeInstanceOf(ConflictError);
    expect(stale.wrote).toEqual([]);
    const unknown = await failure(h, () => change(sub.id, 'ghost', '1'));
    expect(unknown.error).toBeInstanceOf(InvalidInputError);
    expect(unknown.error).toMatchObject({ field: 'input.items[0].priceCode' });
    expect(unknown.wrote).toEqual([]);
    const items = await h.sql<{ price_code: string }>('select price_code from subscription_item where subscription_id = ?', [sub.id]);
    expect(items.map((i) => i.price_code)).toEqual(['seat']);
  });

  it('changing and changing back at one instant nets to zero, to the cent (property)', async () => {
    const quantity = fc.integer({ min: 0, max: 999 }).map(String);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('seat', 'pro', 'odd'),
        quantity,
        fc.constantFrom('seat', 'pro', 'odd'),
        quantity,
        fc.integer({ min: 1, max: 30 * 86400 - 1 }),
        async (fromCode, fromQty, toCode, toQty, secondsIn) => {
          const sub = await subscribe('2026-09-01T00:00:00Z', fromCode, fromQty);
          h.clock.set(new Date(Date.parse('2026-09-01T00:00:00Z') + secondsIn * 1000));
          await change(sub.id, toCode, toQty);
          await change(sub.id, fromCode, fromQty);
          const pending = await pendingProrations(h, sub.id);
          expect(pending.reduce((sum, [, amount]) => sum.plus(amount), ZERO).toFixed(2)).toBe('0.00');
        },
      ),
      { numRuns: 4 },
    );
  });
});
