import { BillingInterval } from '../../../src/domain/catalog/price.entity';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../../../src/domain/errors';
import { Role } from '../../../src/domain/auth/actor';
import { PricingInputError } from '../../../src/pricing/errors';
import { DomainHarness, failure, START_TIMEOUT_MS, startDomain } from '../../support/domain';

let h: DomainHarness;
beforeAll(async () => {
  h = await startDomain();
  await h.as().products.create({ code: 'api', name: 'API platform' });
}, START_TIMEOUT_MS);
afterAll(() => h.close());

const price = (
  code: string,
  rule: { kind: string; config: Record<string, unknown> },
  extra: Partial<{ currency: string; interval: BillingInterval; intervalCount: number; productCode: string }> = {},
) => ({
  code,
  productCode: 'api',
  currency: 'EUR',
  interval: BillingInterval.MONTH,
  rule,
  ...extra,
});

describe('PriceService.create', () => {
  it('creates version 1, current and active, with the currency upper-cased', async () => {
    const created = await h.as().prices.create(
      price(
        'calls',
        {
          kind: 'graduated',
          config: {
            tiers: [
              { upTo: 10, unitAmount: '5.00' },
              { upTo: null, unitAmount: '3.00' },
            ],
          },
        },
        { currency: 'eur' },
      ),
    );
    expect(created).toMatchObject({
      code: 'calls',
      version: 1,
      isCurrent: true,
      currency: 'EUR',
      status: 'ACTIVE',
      ruleKind: 'graduated',
      intervalCount: 1,
    });
    const read = await h.as(await h.actor(Role.SALES)).prices.get('calls');
    expect(read?.id).toBe(created.id);
  });

  it.each([
    ['an unknown kind', { kind: 'magic', config: {} }, 'input.rule.kind'],
    ['an empty tier list', { kind: 'graduated', config: { tiers: [] } }, 'input.rule.config.tiers'],
    [
      'unsorted tiers',
      {
        kind: 'volume',
        config: {
          tiers: [
            { upTo: 50, unitAmount: '1' },
            { upTo: 10, unitAmount: '1' },
            { upTo: null, unitAmount: '1' },
          ],
        },
      },
      'input.rule.config.tiers[1].upTo',
    ],
    [
      'a last tier with a ceiling',
      { kind: 'graduated', config: { tiers: [{ upTo: 10, unitAmount: '1' }] } },
      'input.rule.config.tiers[0].upTo',
    ],
    [
      'a ceiling before the last tier missing',
      {
        kind: 'graduated',
        config: {
          tiers: [
            { upTo: null, unitAmount: '1' },
            { upTo: null, unitAmount: '2' },
          ],
        },
      },
      'input.rule.config.tiers[0].upTo',
    ],
    ['an exponent amount', { kind: 'per_unit', config: { unitAmount: '1e3' } }, 'input.rule.config.unitAmount'],
    ['a negative flat amount', { kind: 'flat', config: { amount: '-1.00' } }, 'input.rule.config.amount'],
    ['an unknown config key', { kind: 'flat', config: { amount: '1.00', extra: true } }, 'input.rule.config'],
    ['a zero package size', { kind: 'package', config: { packageSize: '0', packageAmount: '10' } }, 'input.rule.config.packageSize'],
  ])('refuses %s with the field path, writing nothing', async (_what, rule, field) => {
    const { error, wrote } = await failure(h, () => h.as().prices.create(price('bad', rule)));
    expect(error).toBeInstanceOf(PricingInputError);
    expect((error as PricingInputError).field).toBe(field);
    expect(wrote).toEqual([]);
  });

  it.each([
    ['an unknown currency', { currency: 'XXY' }, 'input.currency', InvalidInputError],
    ['an interval count of 0', { intervalCount: 0 }, 'input.intervalCount', InvalidInputError],
    ['a ONE_TIME price every 2', { interval: BillingInterval.ONE_TIME, intervalCount: 2 }, 'input.intervalCount', InvalidInputError],
    ['an unknown product', { productCode: 'ghost' }, 'input.productCode', NotFoundError],
  ])('refuses %s on %s, writing nothing', async (_what, extra, field, kind) => {
    const { error, wrote } = await failure(h, () => h.as().prices.create(price('bad2', { kind: 'flat', config: { amount: '1' } }, extra)));
    expect(error).toBeInstanceOf(kind);
    expect(error).toMatchObject({ field });
    expect(wrote).toEqual([]);
  });

  it('refuses a code that exists: a new version is updatePrice', async () => {
    await h.as().prices.create(price('dup', { kind: 'flat', config: { amount: '1' } }));
    const { error, wrote } = await failure(h, () => h.as().prices.create(price('dup', { kind: 'flat', config: { amount: '2' } })));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ field: 'input.code' });
    expect(wrote).toEqual([]);
  });

  it('lets only ADMIN write the catalog', async () => {
    const sales = await h.actor(Role.SALES);
    const { error, wrote } = await failure(h, () =>
      h.as(sales).prices.create(price('by-sales', { kind: 'flat', config: { amount: '1' } })),
    );
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(wrote).toEqual([]);
  });

  it('checks a bundle: its components must exist, be active and bill on the same interval', async () => {
    await h.as().prices.create(price('seat', { kind: 'per_unit', config: { unitAmount: '10.00' } }));
    await h
      .as()
      .prices.create(price('seat-yearly', { kind: 'per_unit', config: { unitAmount: '100.00' } }, { interval: BillingInterval.YEAR }));
    const bundle = (refs: string[]) =>
      price('suite', { kind: 'bundle', config: { components: refs.map((priceCode) => ({ priceCode, quantity: '1' })) } });
    const missing = await failure(h, () => h.as().prices.create(bundle(['seat', 'ghost'])));
    // engine.ts names the reference by its index in priceReferences(), not by its path in the config.
    expect((missing.error as PricingInputError).field).toBe('input.rule.config.references[1]');
    expect(missing.wrote).toEqual([]);
    const yearly = await failure(h, () => h.as().prices.create(bundle(['seat', 'seat-yearly'])));
    expect(yearly.error).toBeInstanceOf(InvalidInputError);
    expect(yearly.error).toMatchObject({ field: 'input.rule.config.references[1]' });
    expect(yearly.wrote).toEqual([]);
    const ok = await h.as().prices.create(bundle(['seat']));
    expect(ok).toMatchObject({ ruleKind: 'bundle', version: 1 });
  });
});
