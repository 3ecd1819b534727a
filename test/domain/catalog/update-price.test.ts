import { BillingInterval } from '../../../src/domain/catalog/price.entity';
import { ConflictError, NotFoundError } from '../../../src/domain/errors';
import { PricingInputError } from '../../../src/pricing/errors';
import { DomainHarness, failure, START_TIMEOUT_MS, startDomain } from '../../support/domain';

let h: DomainHarness;
beforeAll(async () => {
  h = await startDomain();
  await h.as().products.create({ code: 'api', name: 'API platform' });
  await h.as().prices.create({
    code: 'seat',
    productCode: 'api',
    currency: 'EUR',
    interval: BillingInterval.QUARTER,
    intervalCount: 2,
    rule: { kind: 'per_unit', config: { unitAmount: '10.00' } },
  });
}, START_TIMEOUT_MS);
afterAll(() => h.close());

describe('PriceService.update', () => {
  it('makes version 2 current and keeps version 1, with the code’s currency and interval', async () => {
    h.clock.advanceSeconds(60);
    const v2 = await h.as().prices.update('seat', { rule: { kind: 'per_unit', config: { unitAmount: '12.50' } } });
    expect(v2).toMatchObject({ code: 'seat', version: 2, isCurrent: true, currency: 'EUR', interval: 'QUARTER', intervalCount: 2 });
    expect(v2.createdAt.toISOString()).toBe('2026-01-01T00:01:00.000Z');
    const v1 = await h.as().prices.get('seat', 1);
    expect(v1).toMatchObject({ version: 1, isCurrent: false, ruleConfig: { unitAmount: '10.00' } });
    expect((await h.as().prices.get('seat'))?.version).toBe(2);
  });

  it('refuses a bad rule and leaves the current version current', async () => {
    const { error, wrote } = await failure(h, () =>
      h.as().prices.update('seat', { rule: { kind: 'per_unit', config: { unitAmount: 'ten' } } }),
    );
    expect((error as PricingInputError).field).toBe('input.rule.config.unitAmount');
    expect(wrote).toEqual([]);
    const current = await h.as().prices.get('seat');
    expect(current).toMatchObject({ version: 2, isCurrent: true });
  });

  it('refuses an unknown code and an archived price', async () => {
    expect(
      (await failure(h, () => h.as().prices.update('ghost', { rule: { kind: 'flat', config: { amount: '1' } } }))).error,
    ).toBeInstanceOf(NotFoundError);
    await h.as().prices.archive('seat');
    const { error, wrote } = await failure(h, () => h.as().prices.update('seat', { rule: { kind: 'flat', config: { amount: '1' } } }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(wrote).toEqual([]);
  });
});
