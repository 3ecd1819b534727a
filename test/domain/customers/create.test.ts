import { Role } from '../../../src/domain/auth/actor';
import { TaxStatus } from '../../../src/domain/customers/customer.entity';
import type { CreateCustomerInput } from '../../../src/domain/customers/customer.service';
import { ConflictError, ForbiddenError, InvalidInputError } from '../../../src/domain/errors';
import { DomainHarness, failure, START_TIMEOUT_MS, startDomain } from '../../support/domain';
import { dec } from '../../support/domain-fixtures';

let h: DomainHarness;
beforeAll(async () => {
  h = await startDomain({ now: '2026-02-01T00:00:00Z' });
}, START_TIMEOUT_MS);
afterAll(() => h.close());

const input = (over: Partial<CreateCustomerInput> = {}): CreateCustomerInput => ({
  name: 'Acme GmbH',
  email: 'ap@acme.example',
  currency: 'EUR',
  taxStatus: TaxStatus.TAXABLE,
  taxRate: dec('19'),
  ...over,
});

describe('CustomerService.create', () => {
  it('stores a trimmed, normalized customer with its defaults and external ids', async () => {
    const c = await h
      .as()
      .customers.create(input({ name: '  Acme GmbH ', currency: 'eur', externalIds: [{ system: 'HUBSPOT', id: '123' }] }));
    expect(c).toMatchObject({
      name: 'Acme GmbH',
      email: 'ap@acme.example',
      currency: 'EUR',
      taxStatus: 'TAXABLE',
      invoiceDrafts: false,
      paymentTermsDays: 30,
    });
    expect(c.taxRate?.toFixed(4)).toBe('19.0000');
    expect(c.createdAt.toISOString()).toBe('2026-02-01T00:00:00.000Z');
    expect((await h.as().customers.getByExternalId('HUBSPOT', '123'))?.id).toBe(c.id);
  });

  it.each([
    ['a blank name', { name: '   ' }, 'input.name'],
    ['a NUL in the name', { name: 'Ac\u0000me' }, 'input.name'],
    ['an e-mail without a domain', { email: 'ap@acme' }, 'input.email'],
    ['an unknown currency', { currency: 'EURO' }, 'input.currency'],
    ['a TAXABLE customer without a rate', { taxRate: null }, 'input.taxRate'],
    ['a rate over 100', { taxRate: dec('100.5') }, 'input.taxRate'],
    ['a rate with 5 decimals', { taxRate: dec('19.00001') }, 'input.taxRate'],
    ['an EXEMPT customer with a rate', { taxStatus: TaxStatus.EXEMPT, taxRate: dec('19') }, 'input.taxRate'],
    ['payment terms of 366 days', { paymentTermsDays: 366 }, 'input.paymentTermsDays'],
    ['negative payment terms', { paymentTermsDays: -1 }, 'input.paymentTermsDays'],
    [
      'an external id listed twice',
      {
        externalIds: [
          { system: 'CRM', id: '1' },
          { system: 'CRM', id: '1' },
        ],
      },
      'input.externalIds[1]',
    ],
  ])('refuses %s at %s, writing nothing', async (_what, over, field) => {
    const { error, wrote } = await failure(h, () => h.as().customers.create(input(over)));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({ field });
    expect(wrote).toEqual([]);
  });

  it('refuses an external id another customer holds, and an unknown test clock', async () => {
    const taken = await failure(h, () => h.as().customers.create(input({ externalIds: [{ system: 'HUBSPOT', id: '123' }] })));
    expect(taken.error).toBeInstanceOf(ConflictError);
    expect(taken.error).toMatchObject({ field: 'input.externalIds[0]' });
    expect(taken.wrote).toEqual([]);
    const clock = await failure(h, () => h.as().customers.create(input({ testClockId: '00000000-0000-4000-8000-000000000000' })));
    expect(clock.error).toBeInstanceOf(InvalidInputError);
    expect(clock.error).toMatchObject({ field: 'input.testClockId' });
    expect(clock.wrote).toEqual([]);
  });

  it('is ADMIN’s: SALES and CUSTOMER keys may not create customers', async () => {
    const [first] = (await h.as().customers.list({})).nodes;
    for (const actor of [await h.actor(Role.SALES), await h.actor(Role.CUSTOMER, first.id)]) {
      const { error, wrote } = await failure(h, () => h.as(actor).customers.create(input()));
      expect(error).toBeInstanceOf(ForbiddenError);
      expect(wrote).toEqual([]);
    }
  });
});
