import fc from 'fast-check';
import { Role } from '../../../src/domain/auth/actor';
import type { Customer } from '../../../src/domain/customers/customer.entity';
import { ForbiddenError, InvalidInputError } from '../../../src/domain/errors';
import type { UsageEventInput } from '../../../src/domain/usage/usage.service';
import { DomainHarness, failure, START_TIMEOUT_MS, startDomain } from '../../support/domain';
import { dec, makeCustomer } from '../../support/domain-fixtures';

let h: DomainHarness;
let acme: Customer;
let globex: Customer;
beforeAll(async () => {
  h = await startDomain({ now: '2026-03-10T00:00:00Z' });
  acme = await makeCustomer(h);
  globex = await makeCustomer(h);
}, START_TIMEOUT_MS);
afterAll(() => h.close());

const event = (id: string, over: Partial<UsageEventInput> = {}): UsageEventInput => ({
  id,
  customerId: acme.id,
  metric: 'api_calls',
  value: dec('1'),
  timestamp: new Date('2026-03-09T00:00:00Z'),
  ...over,
});

async function stored(customerId: string, id: string): Promise<string[]> {
  const rows = await h.sql<{ value: string }>('select value::text as value from usage_event where customer_id = ? and event_id = ?', [
    customerId,
    id,
  ]);
  return rows.map((r) => r.value);
}

describe('UsageService.record', () => {
  it('stores each (customer, id) once: the first copy wins, within a batch and across batches', async () => {
    const first = await h
      .as()
      .usage.record([
        event('e1', { value: dec('2.5') }),
        event('e1', { value: dec('99') }),
        event('e1', { customerId: globex.id, value: dec('7') }),
      ]);
    expect(first).toEqual({ accepted: 2, duplicates: 1 });
    const again = await h
      .as()
      .usage.record([event('e1', { value: dec('3') }), event('e2'), event('e1', { customerId: acme.id.toUpperCase() })]);
    expect(again).toEqual({ accepted: 1, duplicates: 2 });
    expect(await stored(acme.id, 'e1')).toEqual(['2.5']);
    expect(await stored(globex.id, 'e1')).toEqual(['7']);
  });

  it('counts accepted + duplicates = events sent, accepted = ids never seen (property)', async () => {
    let batch = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom('p1', 'p2', 'p3', 'p4', 'p5'), { minLength: 1, maxLength: 12 }), async (ids) => {
        batch += 1;
        const before = await h.sql<{ event_id: string }>("select event_id from usage_event where customer_id = ? and event_id like 'p%'", [
          globex.id,
        ]);
        const seen = new Set(before.map((r) => r.event_id));
        const fresh = new Set(ids.filter((id) => !seen.has(id)));
        const result = await h.as().usage.record(ids.map((id) => event(id, { customerId: globex.id, value: dec(String(batch)) })));
        expect(result.accepted + result.duplicates).toBe(ids.length);
        expect(result.accepted).toBe(fresh.size);
      }),
      { numRuns: 15 },
    );
  });

  it.each([
    ['a blank id', () => [event('ok'), event(' ')], 'events[1].id'],
    ['a negative value', () => [event('ok'), event('neg', { value: dec('-0.000001') })], 'events[1].value'],
    ['a metric with a trailing space', () => [event('sp', { metric: 'api_calls ' })], 'events[0].metric'],
    [
      'a timestamp more than a day ahead of the clock',
      () => [event('future', { timestamp: new Date('2026-03-11T00:00:01Z') })],
      'events[0].timestamp',
    ],
    ['a malformed customer id', () => [event('mal', { customerId: 'acme' })], 'events[0].customerId'],
    [
      'an unknown customer',
      () => [event('ok'), event('ghost', { customerId: '00000000-0000-4000-8000-000000000000' })],
      'events[1].customerId',
    ],
    ['an empty batch', () => [], 'events'],
  ])('refuses %s at its path and records nothing of the batch', async (_what, events, field) => {
    const { error, wrote } = await failure(h, () => h.as().usage.record(events()));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({ field });
    expect(wrote).toEqual([]);
  });

  it('accepts a timestamp exactly a day ahead of the clock', async () => {
    expect(await h.as().usage.record([event('edge', { timestamp: new Date('2026-03-11T00:00:00Z') })])).toEqual({
      accepted: 1,
      duplicates: 0,
    });
  });

  it('lists every problem of a batch in details.issues', async () => {
    const { error } = await failure(h, () => h.as().usage.record([event(''), event('x', { value: dec('-1') })]));
    expect((error as InvalidInputError).details?.issues).toEqual([
      expect.objectContaining({ field: 'events[0].id' }),
      expect.objectContaining({ field: 'events[1].value' }),
    ]);
  });

  it('is reported by the seller’s backend only: SALES and CUSTOMER keys may not record', async () => {
    for (const actor of [await h.actor(Role.SALES), await h.actor(Role.CUSTOMER, acme.id)]) {
      const { error, wrote } = await failure(h, () => h.as(actor).usage.record([event('by-' + actor.role)]));
      expect(error).toBeInstanceOf(ForbiddenError);
      expect(wrote).toEqual([]);
    }
  });
});
