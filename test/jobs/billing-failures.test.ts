import pino from 'pino';
import { Invoice, InvoiceStatus } from '../../src/domain/invoices/invoice.entity';
import { takeInvoiceNumber } from '../../src/domain/invoices/invoice-number';
import { ManualClock } from '../../src/domain/shared/clock';
import { startTestApp, TestApp } from '../support/app';
import { createCustomer, createPrice, createProduct } from '../support/catalog';
import { bill, expectGaplessNumbers, seq, storedInvoices, subscribe, subscription } from './billing-support';

// What a billing run does when a boundary cannot be closed: that unit rolls back alone.
const clock = new ManualClock(new Date('2026-09-11T00:00:00Z'));
let t: TestApp;
const at = (iso: string) => clock.set(new Date(iso));
const only = (...customerIds: string[]) => ({ customerIds });

beforeAll(async () => {
  t = await startTestApp({ clock });
  await createProduct(t, 'plan');
  await createPrice(t, 'seat', { kind: 'per_unit', config: { unitAmount: '30.00' } });
});
afterAll(async () => {
  await t.close();
});

describe('failures', () => {
  it('rolls back a boundary that fails after its number was taken, bills the others, and leaves no gap', async () => {
    at('2026-09-11T00:00:00Z');
    const customer = await createCustomer(t);
    const failing = await subscribe(t, customer, { items: [{ priceCode: 'seat', quantity: '1' }] });
    const healthy = await subscribe(t, customer, { items: [{ priceCode: 'seat', quantity: '2' }] });
    const before = await subscription(t, failing);
    const sql = (q: string) => t.app.db.orm.em.fork().execute(q);
    // Fails the finalization, after the number was taken in the same transaction (a batch writes its
    // invoices numbered; one at a time, a draft is numbered by an update).
    await sql(`create function fail_finalizing() returns trigger language plpgsql as $$ begin raise exception 'injected failure'; end $$`);
    await sql(
      `create trigger fail_finalizing before insert or update on invoice for each row when (new.number is not null and new.subscription_id = '${failing}') execute function fail_finalizing()`,
    );
    at('2026-10-11T00:00:00Z');
    try {
      expect(await bill(t, clock, undefined, only(customer))).toEqual({
        subscriptionsProcessed: 1,
        invoicesCreated: 1,
        subscriptionsFailed: 1,
      });
    } finally {
      await sql('drop trigger fail_finalizing on invoice');
      await sql('drop function fail_finalizing');
    }
    expect(await subscription(t, failing)).toEqual(before);
    expect(await storedInvoices(t, { subscription: failing })).toHaveLength(1);
    await expectGaplessNumbers(t);
    expect(await bill(t, clock, undefined, only(customer))).toEqual({
      subscriptionsProcessed: 1,
      invoicesCreated: 1,
      subscriptionsFailed: 0,
    });
    const latest = (id: string) => storedInvoices(t, { subscription: id, periodStart: new Date('2026-10-11T00:00:00Z') });
    const [h] = await latest(healthy);
    const [f] = await latest(failing);
    expect(seq(f.number!)).toBe(seq(h.number!) + 1);
  });

  it('never bills a boundary whose billing key is taken: the unit rolls back and the run moves on', async () => {
    at('2026-10-11T00:00:00Z');
    const customer = await createCustomer(t);
    const sub = await subscribe(t, customer, { items: [{ priceCode: 'seat', quantity: '1' }] });
    const em = t.app.db.orm.em.fork();
    const [first] = await em.find(Invoice, { subscription: sub });
    // As if the boundary had been invoiced by hand without moving the subscription on.
    const squatter = em.create(Invoice, {
      customer,
      subscription: sub,
      billingKey: `${sub}:2026-11-11T00:00:00.000Z`,
      status: InvoiceStatus.DRAFT,
      currency: 'EUR',
      subtotal: first.subtotal,
      tax: first.tax,
      total: first.total,
      amountDue: first.total,
      notes: [],
      createdAt: clock.now(),
    });
    await em.flush();
    at('2026-11-11T00:00:00Z');
    const logged: string[] = [];
    const logger = pino({ level: 'error' }, { write: (line: string) => logged.push(line) });
    expect(await bill(t, clock, undefined, { ...only(customer), logger })).toEqual({
      subscriptionsProcessed: 0,
      invoicesCreated: 0,
      subscriptionsFailed: 1,
    });
    expect(logged.map((l) => JSON.parse(l))).toMatchObject([{ subscriptionId: sub, msg: expect.stringContaining('already invoiced') }]);
    expect(await subscription(t, sub)).toMatchObject({ currentPeriodEnd: '2026-11-11T00:00:00.000Z', version: 1 });
    expect(await storedInvoices(t, { subscription: sub })).toHaveLength(2);
    await expectGaplessNumbers(t);
    await em.remove(squatter).flush();
    expect(await bill(t, clock, undefined, only(customer))).toMatchObject({ invoicesCreated: 1, subscriptionsFailed: 0 });
  });

  it('gives a number back when the transaction that took it rolls back', async () => {
    const em = t.app.db.orm.em.fork();
    await expect(
      em.transactional(async (tx) => {
        expect(await takeInvoiceNumber(tx, 2030, 'TEST')).toBe('TEST-2030-000001');
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await em.transactional((tx) => takeInvoiceNumber(tx, 2030, 'TEST'))).toBe('TEST-2030-000001');
    expect(await em.transactional((tx) => takeInvoiceNumber(tx, 2030, 'TEST'))).toBe('TEST-2030-000002');
  });
});
