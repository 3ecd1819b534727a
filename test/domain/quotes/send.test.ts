import type { Customer } from '../../../src/domain/customers/customer.entity';
import { ConflictError } from '../../../src/domain/errors';
import { DomainHarness, failure, START_TIMEOUT_MS, startDomain } from '../../support/domain';
import { dec, makeCustomer, makePrice } from '../../support/domain-fixtures';

let h: DomainHarness;
let acme: Customer;
beforeAll(async () => {
  h = await startDomain({ now: '2026-03-01T00:00:00Z' });
  await makePrice(h, 'seats', { kind: 'per_unit', config: { unitAmount: '10.00' } });
  await makePrice(h, 'legacy', { kind: 'flat', config: { amount: '5.00' } });
  acme = await makeCustomer(h);
}, START_TIMEOUT_MS);
afterAll(() => h.close());

describe('QuoteLifecycleService.send', () => {
  it('checks the lines again: a price archived since the draft makes the quote CONFLICT, and it stays a DRAFT', async () => {
    const draft = await h.as().quotes.create({
      customerId: acme.id,
      currency: 'EUR',
      lines: [
        { priceCode: 'seats', quantity: dec('2') },
        { priceCode: 'legacy', quantity: dec('1') },
      ],
    });
    await h.as().prices.archive('legacy');
    const { error, wrote } = await failure(h, () => h.as().quoteLifecycle.send(draft.id));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ details: { reason: 'input.lines[1].priceCode' } });
    expect(wrote).toEqual([]);
    const still = await h.as().quotes.get(draft.id);
    expect([still?.status, still?.total ?? null]).toEqual(['DRAFT', null]);
  });

  it('sends up to validUntil included, and refuses a quote once it has passed on the clock', async () => {
    const until = new Date('2026-03-02T00:00:00Z');
    const line = [{ priceCode: 'seats', quantity: dec('1') }];
    const onTime = await h.as().quotes.create({ customerId: acme.id, currency: 'EUR', lines: line, validUntil: until });
    const draft = await h.as().quotes.create({ customerId: acme.id, currency: 'EUR', lines: line, validUntil: until });
    h.clock.set(until);
    expect((await h.as().quoteLifecycle.send(onTime.id)).status).toBe('SENT');
    h.clock.set(new Date(until.getTime() + 1));
    const { error, wrote } = await failure(h, () => h.as().quoteLifecycle.send(draft.id));
    expect(error).toBeInstanceOf(ConflictError);
    expect(wrote).toEqual([]);
    expect(h.as().quotes.statusOf((await h.as().quotes.get(draft.id))!)).toBe('EXPIRED');
  });
});
