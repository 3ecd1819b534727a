import { Role } from '../../../src/domain/auth/actor';
import type { Actor } from '../../../src/domain/auth/actor';
import type { Customer } from '../../../src/domain/customers/customer.entity';
import { ForbiddenError } from '../../../src/domain/errors';
import { DomainHarness, START_TIMEOUT_MS, startDomain } from '../../support/domain';
import { makeCustomer } from '../../support/domain-fixtures';

let h: DomainHarness;
let acme: Customer;
let globex: Customer;
let acmeKey: Actor;
beforeAll(async () => {
  h = await startDomain();
  acme = await makeCustomer(h, { externalIds: [{ system: 'CRM', id: 'acme' }] });
  globex = await makeCustomer(h, { externalIds: [{ system: 'CRM', id: 'globex' }] });
  acmeKey = await h.actor(Role.CUSTOMER, acme.id);
}, START_TIMEOUT_MS);
afterAll(() => h.close());

describe('reading customers as a CUSTOMER key', () => {
  it('reads its own customer, by id, by external id and in the list', async () => {
    expect((await h.as(acmeKey).customers.get(acme.id))?.id).toBe(acme.id);
    expect((await h.as(acmeKey).customers.getByExternalId('CRM', 'acme'))?.id).toBe(acme.id);
    expect((await h.as(acmeKey).customers.list({ first: 10 })).nodes.map((c) => c.id)).toEqual([acme.id]);
  });

  it('may not read another customer by id or external id: FORBIDDEN, not an empty answer', async () => {
    await expect(h.as(acmeKey).customers.get(globex.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(h.as(acmeKey).customers.getByExternalId('CRM', 'globex')).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('may not read another customer’s subscriptions, invoices or quotes through a filter', async () => {
    expect((await h.as(acmeKey).invoices.list({ customerId: globex.id })).nodes).toEqual([]);
    expect((await h.as(acmeKey).subscriptions.list({ customerId: globex.id })).nodes).toEqual([]);
    expect((await h.as(acmeKey).quotes.list({ customerId: globex.id })).nodes).toEqual([]);
  });

  it('staff keys read every customer', async () => {
    const sales = await h.actor(Role.SALES);
    expect((await h.as(sales).customers.list({ first: 10 })).nodes.map((c) => c.id).sort()).toEqual([acme.id, globex.id].sort());
    expect((await h.as(sales).customers.get(globex.id))?.id).toBe(globex.id);
  });
});
