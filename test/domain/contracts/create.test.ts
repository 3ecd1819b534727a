import { Role } from '../../../src/domain/auth/actor';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../../../src/domain/errors';
import type { Customer } from '../../../src/domain/customers/customer.entity';
import type { CreateContractInput } from '../../../src/domain/contracts/contract.service';
import { PricingInputError } from '../../../src/pricing/errors';
import { DomainHarness, failure, START_TIMEOUT_MS, startDomain } from '../../support/domain';
import { dec, makeCustomer, makePrice } from '../../support/domain-fixtures';

let h: DomainHarness;
let acme: Customer;
beforeAll(async () => {
  h = await startDomain();
  await makePrice(h, 'seat', { kind: 'per_unit', config: { unitAmount: '10.00' } });
  await makePrice(h, 'calls', {
    kind: 'graduated',
    config: {
      tiers: [
        { upTo: 100, unitAmount: '0.10' },
        { upTo: null, unitAmount: '0.05' },
      ],
    },
  });
  await makePrice(h, 'support', { kind: 'flat', config: { amount: '99.00' } });
  await makePrice(h, 'usd-seat', { kind: 'per_unit', config: { unitAmount: '11.00' } }, { currency: 'USD' });
  acme = await makeCustomer(h);
}, START_TIMEOUT_MS);
afterAll(() => h.close());

const at = (iso: string) => new Date(iso);
const contract = (over: Partial<CreateContractInput>): CreateContractInput => ({
  customerId: acme.id,
  code: 'c',
  startsAt: at('2026-01-01T00:00:00Z'),
  items: [{ priceCode: 'seat' }],
  ...over,
});

describe('ContractService.create', () => {
  it('stores the terms and one item per price, override and discount kept', async () => {
    const created = await h.as().contracts.create(
      contract({
        code: 'y2026',
        endsAt: at('2027-01-01T00:00:00Z'),
        minimumCommitment: dec('1200.00'),
        items: [
          { priceCode: 'seat', discountPercent: dec('12.5') },
          { priceCode: 'calls', override: { tiers: [{ upTo: null, unitAmount: '0.04' }] } },
        ],
      }),
    );
    const read = await h.as().contracts.get(created.id);
    expect(read?.minimumCommitment?.toFixed(2)).toBe('1200.00');
    const items = read!.items
      .getItems()
      .map((i) => ({ priceCode: i.priceCode, discount: i.discountPercent?.toFixed() ?? null, override: i.override }));
    expect(items.sort((a, b) => a.priceCode.localeCompare(b.priceCode))).toEqual([
      { priceCode: 'calls', discount: null, override: { tiers: [{ upTo: null, unitAmount: '0.04' }] } },
      { priceCode: 'seat', discount: '12.5', override: null },
    ]);
  });

  // y2026 prices seat over [2026-01-01, 2027-01-01): half-open, so a contract from its end is fine.
  it.each([
    ['starting inside it', '2026-06-01T00:00:00Z', null],
    ['open-ended, starting before it', '2025-01-01T00:00:00Z', null],
    ['ending one second into it', '2025-06-01T00:00:00Z', '2026-01-01T00:00:01Z'],
  ])('refuses a contract on the same price %s, naming the item, writing nothing', async (_what, startsAt, endsAt) => {
    const { error, wrote } = await failure(h, () =>
      h.as().contracts.create(
        contract({
          code: 'clash',
          startsAt: at(startsAt),
          endsAt: endsAt ? at(endsAt) : null,
          items: [{ priceCode: 'support' }, { priceCode: 'seat' }],
        }),
      ),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ field: 'input.items[1].priceCode', details: { contractCode: 'y2026' } });
    expect(wrote).toEqual([]);
  });

  it('allows the next contract from the instant the previous one ends, and one ending where it starts', async () => {
    await h.as().contracts.create(contract({ code: 'y2027', startsAt: at('2027-01-01T00:00:00Z'), endsAt: at('2028-01-01T00:00:00Z') }));
    await h.as().contracts.create(contract({ code: 'y2025', startsAt: at('2025-01-01T00:00:00Z'), endsAt: at('2026-01-01T00:00:00Z') }));
    const [{ n }] = await h.sql<{ n: number }>('select count(*)::int as n from contract where customer_id = ?', [acme.id]);
    expect(n).toBe(3);
  });

  it.each([
    ['no items', { items: [] }, 'input.items', InvalidInputError],
    ['a price twice', { items: [{ priceCode: 'seat' }, { priceCode: 'seat' }] }, 'input.items[1].priceCode', InvalidInputError],
    ['an unknown price', { items: [{ priceCode: 'ghost' }] }, 'input.items[0].priceCode', InvalidInputError],
    ['a price in another currency', { items: [{ priceCode: 'usd-seat' }] }, 'input.items[0].priceCode', InvalidInputError],
    ['an end before the start', { endsAt: at('2025-12-31T00:00:00Z') }, 'input.endsAt', InvalidInputError],
    ['a negative commitment', { minimumCommitment: dec('-0.01') }, 'input.minimumCommitment', InvalidInputError],
    ['a bad code', { code: 'has space' }, 'input.code', InvalidInputError],
    ['an unknown customer', { customerId: '00000000-0000-4000-8000-000000000000' }, 'input.customerId', NotFoundError],
    [
      'a discount over 100 %',
      { items: [{ priceCode: 'seat', discountPercent: dec('100.01') }] },
      'input.items[0].discountPercent',
      PricingInputError,
    ],
    [
      'an override the price kind refuses',
      { items: [{ priceCode: 'calls', override: { tiers: [] } }] },
      'input.items[0].override.tiers',
      PricingInputError,
    ],
  ])('refuses %s with the field path, writing nothing', async (_what, over, field, kind) => {
    const { error, wrote } = await failure(h, () =>
      h.as().contracts.create(contract({ code: 'bad', startsAt: at('2030-01-01T00:00:00Z'), ...over })),
    );
    expect(error).toBeInstanceOf(kind);
    expect((error as { field: string }).field).toBe(field);
    expect(wrote).toEqual([]);
  });

  it('lets only ADMIN write contracts', async () => {
    const sales = await h.actor(Role.SALES);
    const { error, wrote } = await failure(h, () =>
      h.as(sales).contracts.create(contract({ code: 'by-sales', startsAt: at('2031-01-01T00:00:00Z') })),
    );
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(wrote).toEqual([]);
  });

  it('refuses a second contract with the same code for the customer', async () => {
    const { error } = await failure(h, () =>
      h.as().contracts.create(contract({ code: 'y2026', startsAt: at('2040-01-01T00:00:00Z'), items: [{ priceCode: 'calls' }] })),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ field: 'input.code' });
  });
});
