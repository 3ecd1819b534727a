import { spawn } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { Invoice, InvoiceStatus } from '../../src/domain/invoices/invoice.entity';
import { PaymentAttempt } from '../../src/domain/payments/payment-attempt.entity';
import type { PaymentProvider } from '../../src/domain/payments/provider';
import { defaultPaymentProviders, PaymentProviders } from '../../src/domain/payments/providers';
import { ManualClock } from '../../src/domain/shared/clock';
import { runCollection } from '../../src/domain/billing/collection-run';
import { startTestApp, TestApp } from '../support/app';
import { createCustomer, createPrice, createProduct, must } from '../support/catalog';
import { eventually } from '../support/eventually';
import { runner, subscribe } from './billing-support';

// A charge is never made twice for one invoice attempt, even when the process dies between the
// provider's answer and our commit (issue 6): the attempt stays pending with its idempotency key,
// and the next run asks the provider again with the same key and gets the first answer.
const clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ clock });
  await createProduct(t, 'plan');
  await createPrice(t, 'plan-monthly', { kind: 'flat', config: { amount: '49.00' } });
  await must(t, 'mutation { setDunningPolicy(input: { retryAfterDays: [1, 2], finalAction: LEAVE_PAST_DUE }) { graceDays } }');
}, 60_000);
afterAll(async () => {
  await t.close();
});

const fork = () => t.app.db.orm.em.fork();

/**
 * A customer whose first charge was declined, then gave a good card: its invoice waits for
 * dunning's first retry (a day later), which the run under test takes.
 */
async function invoiceAwaitingRetry(): Promise<{ customerId: string; subId: string; invoiceId: string }> {
  clock.set(new Date('2026-01-01T00:00:00Z'));
  const customerId = await createCustomer(t);
  const card = (token: string) =>
    must(
      t,
      'mutation($c: ID!, $token: String!) { attachPaymentMethod(input: { customerId: $c, provider: "sandbox", token: $token }) { id } }',
      { c: customerId, token },
    );
  await card('pm_sandbox_decline');
  const subId = await subscribe(t, customerId, { items: [{ priceCode: 'plan-monthly', quantity: '1' }] });
  await card('pm_sandbox_ok');
  const invoice = await fork().findOneOrFail(Invoice, { customer: customerId });
  expect(invoice.nextCollectionAt).toEqual(new Date('2026-01-02T00:00:00Z'));
  return { customerId, subId, invoiceId: invoice.id };
}

/** What the gateway took for the invoice: its successful charges (the declined first one is not money). */
async function sandboxCharges(invoiceId: string): Promise<{ reference: string; succeeded: boolean }[]> {
  return fork()
    .getConnection()
    .execute('select reference, succeeded from sandbox_charge where invoice_id = ? and succeeded order by created_at', [invoiceId]);
}

function collect(providers: PaymentProviders, at = '2026-01-02T00:00:00Z') {
  return runCollection({ fork, providers, at: new Date(at), clock: new ManualClock(new Date(at)), actor: runner });
}

/** The sandbox, but the process "dies" right after the gateway answered: our settling transaction never runs. */
function dyingAfterCharge(providers: PaymentProviders): PaymentProviders {
  const sandbox = providers.get('sandbox')!;
  const dying: PaymentProvider = {
    name: sandbox.name,
    canCharge: true,
    attach: (token, field) => sandbox.attach(token, field),
    refund: (request) => sandbox.refund(request),
    charge: async (request) => {
      await sandbox.charge(request);
      throw new Error('the process died before its commit');
    },
  };
  return new Map([...providers, ['sandbox', dying]]);
}

describe('a crash between the charge and the commit', () => {
  it('leaves the attempt pending; the next run gets the same charge back, not a second one', async () => {
    const { invoiceId, subId } = await invoiceAwaitingRetry();
    const providers = defaultPaymentProviders(fork, clock);

    const crashed = await collect(dyingAfterCharge(providers));
    expect(crashed).toMatchObject({ paymentsPending: 1, paymentsSucceeded: 0 });
    const charged = await sandboxCharges(invoiceId);
    expect(charged).toEqual([{ reference: expect.stringMatching(/^sb_ch_/), succeeded: true }]);
    const pending = await fork().findOneOrFail(PaymentAttempt, { invoice: invoiceId, step: 1 });
    expect(pending).toMatchObject({ outcome: 'pending', idempotencyKey: `${invoiceId}:1`, providerReference: null });
    expect((await fork().findOneOrFail(Invoice, { id: invoiceId })).status).toBe(InvoiceStatus.OPEN);

    // While the gateway's answer is unknown, a payment recorded by hand could count twice: refused.
    const manual = await t.gql('mutation($id: ID!) { recordPayment(input: { invoiceId: $id, amount: "49", reference: "X" }) { status } }', {
      id: invoiceId,
    });
    expect(manual.errors?.[0].extensions?.code).toBe('CONFLICT');

    const rerun = await collect(providers);
    expect(rerun).toMatchObject({ paymentsPending: 0, paymentsSucceeded: 1 });
    expect(await sandboxCharges(invoiceId)).toEqual(charged);
    const settled = await fork().findOneOrFail(PaymentAttempt, { invoice: invoiceId, step: 1 });
    expect(settled).toMatchObject({ outcome: 'succeeded', providerReference: charged[0].reference });
    const invoice = await fork().findOneOrFail(Invoice, { id: invoiceId });
    expect(invoice.status).toBe(InvoiceStatus.PAID);
    expect(invoice.amountPaid.toFixed(2)).toBe('49.00');
    expect((await must(t, 'query($id: ID!) { subscription(id: $id) { status } }', { id: subId })).subscription.status).toBe('ACTIVE');

    // A third run finds nothing to do.
    expect(await collect(providers)).toMatchObject({ paymentsSucceeded: 0, paymentsFailed: 0, paymentsPending: 0 });
    expect(await fork().count(PaymentAttempt, { invoice: invoiceId })).toBe(2);
  });

  if (process.env.DATABASE_URL) {
    it('survives a SIGKILL of `npm run dunning` between the charge and the commit, and runs racing on one invoice charge once', async () => {
      const { invoiceId, subId } = await invoiceAwaitingRetry();
      const url = t.app.db.orm.config.get('clientUrl');
      const env = { ...process.env, DATABASE_URL: url, TARIFF_DB_POOL_SIZE: '2', LOG_LEVEL: 'warn', PGAPPNAME: 'dunning-doomed' };
      const dunning = () => {
        const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/jobs/dunning.cli.ts'], {
          cwd: path.resolve(__dirname, '../..'),
          env,
        });
        const done = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
        return Object.assign(child, { done });
      };
      // Settling a payment locks the subscription (it goes back to ACTIVE): holding that lock
      // stops the CLI after the gateway answered and before its commit, where it is killed.
      const holder = new Client({ connectionString: url });
      await holder.connect();
      try {
        await holder.query('begin');
        await holder.query('select id from subscription where id = $1 for update', [subId]);
        const cli = dunning();
        await eventually(() => sandboxCharges(invoiceId), {
          until: (charges) => charges.length > 0,
          what: 'the CLI to charge',
          timeoutMs: 30_000,
          intervalMs: 25,
        });
        // Killed only once its settling statement waits for the held lock: after the charge, before the commit.
        const blocked =
          "select count(*)::int as n from pg_stat_activity where application_name = 'dunning-doomed' and wait_event_type = 'Lock'";
        // Read outside the holder's transaction, which would see one snapshot of pg_stat_activity.
        await eventually(async () => (await fork().getConnection().execute<{ n: number }[]>(blocked))[0].n, {
          until: (n) => n > 0,
          what: 'the CLI to wait for the subscription lock',
          timeoutMs: 30_000,
          intervalMs: 25,
        });
        cli.kill('SIGKILL');
        await cli.done;
      } finally {
        await holder.query('rollback');
        await holder.end();
      }
      expect((await fork().findOneOrFail(PaymentAttempt, { invoice: invoiceId, step: 1 })).outcome).toBe('pending');
      expect((await fork().findOneOrFail(Invoice, { id: invoiceId })).status).toBe(InvoiceStatus.OPEN);

      // Three runs at once after the crash: one charge at the gateway, one settled attempt.
      const codes = await Promise.all([dunning().done, dunning().done, dunning().done]);
      expect(codes).toEqual([0, 0, 0]);
      const charges = await sandboxCharges(invoiceId);
      expect(charges).toHaveLength(1);
      const attempts = await fork().find(PaymentAttempt, { invoice: invoiceId }, { orderBy: { step: 'asc' } });
      expect(attempts.map((a) => [a.step, a.outcome])).toEqual([
        [0, 'failed'],
        [1, 'succeeded'],
      ]);
      expect(attempts[1].providerReference).toBe(charges[0].reference);
      expect((await fork().findOneOrFail(Invoice, { id: invoiceId })).status).toBe(InvoiceStatus.PAID);
    }, 120_000);
  }
});
