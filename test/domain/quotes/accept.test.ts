import { Role } from '../../../src/domain/auth/actor';
import { TaxStatus } from '../../../src/domain/customers/customer.entity';
import type { Customer } from '../../../src/domain/customers/customer.entity';
import { ConflictError, ForbiddenError } from '../../../src/domain/errors';
import { CollectionMethod } from '../../../src/domain/subscriptions/subscription.entity';
import { DomainHarness, failure, START_TIMEOUT_MS, startDomain } from '../../support/domain';
import { dec, makeCustomer, makePrice } from '../../support/domain-fixtures';

let h: DomainHarness;
let acme: Customer;
beforeAll(async () => {
  h = await startDomain({ now: '2026-03-01T00:00:00Z' });
  await makePrice(h, 'seats', { kind: 'per_unit', config: { unitAmount: '10.00' } });
  acme = await makeCustomer(h, { taxStatus: TaxStatus.TAXABLE, taxRate: dec('20') });
}, START_TIMEOUT_MS);
afterAll(() => h.close());

async function sentQuote(quantity = '3') {
  const quote = await h.as().quotes.create({
    customerId: acme.id,
    currency: 'EUR',
    lines: [{ priceCode: 'seats', quantity: dec(quantity) }],
    collection: CollectionMethod.SEND_INVOICE,
  });
  return h.as().quoteLifecycle.send(quote.id);
}

describe('QuoteLifecycleService.send and accept', () => {
  it('freezes the amounts when sent, and accepting makes an ACTIVE subscription at the version the quote was priced at, invoiced at once', async () => {
    const sent = await sentQuote();
    expect(sent.status).toBe('SENT');
    expect([sent.subtotal, sent.tax, sent.total].map((d) => d?.toFixed(2))).toEqual(['30.00', '6.00', '36.00']);

    // A new price version after sending reaches neither the quote nor its subscription.
    await h.as().prices.update('seats', { rule: { kind: 'per_unit', config: { unitAmount: '99.00' } } });
    h.clock.advanceSeconds(3600);
    const sub = await h.as().quoteLifecycle.accept(sent.id);
    expect(sub).toMatchObject({ status: 'ACTIVE', currency: 'EUR', interval: 'MONTH', collectionMethod: 'SEND_INVOICE' });
    expect(sub.currentPeriodStart.toISOString()).toBe('2026-03-01T01:00:00.000Z');
    expect(sub.currentPeriodEnd.toISOString()).toBe('2026-04-01T01:00:00.000Z');
    const items = sub.items.getItems();
    expect(items.map((i) => [i.priceCode, i.quantity.toFixed(), i.price.version])).toEqual([['seats', '3', 1]]);

    const quote = await h.as().quotes.get(sent.id);
    expect(quote).toMatchObject({ status: 'ACCEPTED' });
    expect(quote?.subscription?.id).toBe(sub.id);
    const invoices = (await h.as().invoices.list({ customerId: acme.id })).nodes;
    expect(invoices.map((i) => [i.status, i.subtotal.toFixed(2), i.tax.toFixed(2), i.total.toFixed(2), i.amountDue.toFixed(2)])).toEqual([
      ['OPEN', '30.00', '6.00', '36.00', '36.00'],
    ]);
  });

  it('accepts once: a second accept is a CONFLICT and makes no second subscription', async () => {
    await h.as().prices.update('seats', { rule: { kind: 'per_unit', config: { unitAmount: '10.00' } } });
    const sent = await sentQuote('1');
    await h.as().quoteLifecycle.accept(sent.id);
    const { error, wrote } = await failure(h, () => h.as().quoteLifecycle.accept(sent.id));
    expect(error).toBeInstanceOf(ConflictError);
    expect(wrote).toEqual([]);
  });

  it('refuses to accept a DRAFT, and a CUSTOMER key may not accept', async () => {
    const draft = await h.as().quotes.create({ customerId: acme.id, currency: 'EUR', lines: [{ priceCode: 'seats', quantity: dec('1') }] });
    const notSent = await failure(h, () => h.as().quoteLifecycle.accept(draft.id));
    expect(notSent.error).toBeInstanceOf(ConflictError);
    expect(notSent.wrote).toEqual([]);
    const sent = await h.as().quoteLifecycle.send(draft.id);
    const own = await h.actor(Role.CUSTOMER, acme.id);
    const byCustomer = await failure(h, () => h.as(own).quoteLifecycle.accept(sent.id));
    expect(byCustomer.error).toBeInstanceOf(ForbiddenError);
    expect(byCustomer.wrote).toEqual([]);
    expect((await h.as().quotes.get(sent.id))?.status).toBe('SENT');
  });
});
