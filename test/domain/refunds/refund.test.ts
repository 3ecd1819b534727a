import { Role } from '../../../src/domain/auth/actor';
import { TaxStatus } from '../../../src/domain/customers/customer.entity';
import type { Customer } from '../../../src/domain/customers/customer.entity';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../../../src/domain/errors';
import type { Invoice } from '../../../src/domain/invoices/invoice.entity';
import { collectInvoice } from '../../../src/domain/payments/collect-invoice';
import { defaultPaymentProviders } from '../../../src/domain/payments/providers';
import { CollectionMethod } from '../../../src/domain/subscriptions/subscription.entity';
import { DomainHarness, failure, START_TIMEOUT_MS, startDomain } from '../../support/domain';
import { dec, makeCustomer, makePrice, openInvoice } from '../../support/domain-fixtures';

let h: DomainHarness;
let acme: Customer; // TAXABLE 19 %: 3 seats invoice 59.97 + 11.39 tax = 71.36
beforeAll(async () => {
  h = await startDomain({ now: '2026-03-01T00:00:00Z' });
  await h.as().sellerSettings.update({ legalName: 'Tariff Demo GmbH', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' });
  await makePrice(h, 'seats', { kind: 'per_unit', config: { unitAmount: '19.99' } });
  acme = await makeCustomer(h, { taxStatus: TaxStatus.TAXABLE, taxRate: dec('19') });
}, START_TIMEOUT_MS);
afterAll(() => h.close());

/** An invoice charged to the sandbox card: its succeeded CHARGE payment. */
async function cardPayment(): Promise<{ invoice: Invoice; paymentId: string }> {
  const customer = await makeCustomer(h, { taxStatus: TaxStatus.TAXABLE, taxRate: dec('19') });
  await h.as().paymentMethods.attach({ customerId: customer.id, provider: 'sandbox', token: 'pm_sandbox_ok' });
  const sub = await h.as().subscriptions.create({
    customerId: customer.id,
    items: [{ priceCode: 'seats', quantity: dec('3') }],
    collection: CollectionMethod.CHARGE_AUTOMATICALLY,
  });
  const [invoice] = (await h.as().invoices.list({ customerId: customer.id, first: 10 })).nodes.filter((i) => i.subscription?.id === sub.id);
  const providers = defaultPaymentProviders(() => h.db.orm.em.fork(), h.clock);
  const ctx = { fork: () => h.db.orm.em.fork(), providers, actor: h.admin };
  if (invoice.status === 'OPEN') await collectInvoice(ctx, invoice.id, h.clock.now(), h.clock.now());
  const attempts = (await h.as().payments.forInvoices([invoice.id])).get(invoice.id)!;
  const charge = attempts.find((a) => a.kind === 'CHARGE' && a.outcome === 'succeeded');
  if (!charge) throw new Error(`the sandbox card did not pay: ${JSON.stringify(attempts.map((a) => [a.kind, a.outcome, a.error]))}`);
  return { invoice: (await h.as().invoices.get(invoice.id))!, paymentId: charge.id };
}

async function bankPayment(): Promise<{ invoice: Invoice; paymentId: string }> {
  const invoice = await openInvoice(h, acme, [{ priceCode: 'seats', quantity: '3' }]);
  await h.as().payments.record({ invoiceId: invoice.id, amount: dec('71.36'), reference: `TRX-${invoice.number}` });
  const [payment] = (await h.as().payments.forInvoices([invoice.id])).get(invoice.id)!;
  return { invoice: (await h.as().invoices.get(invoice.id))!, paymentId: payment.id };
}

describe('RefundService.refund', () => {
  it('refunds a card payment in part, then the rest, through the provider; never more than is left', async () => {
    const { invoice, paymentId } = await cardPayment();
    expect(invoice.status).toBe('PAID');
    const part = await h.as().refunds.refund({ paymentId, amount: dec('20.00'), reason: 'one seat' });
    expect([part.method, part.amount.toFixed(2), part.xml]).toEqual(['PROVIDER', '20.00', null]);
    expect(part.providerReference).toMatch(/^sb_re_/);
    let now = (await h.as().invoices.get(invoice.id))!;
    // Credited and paid back by the same amount: still PAID, nothing owed.
    expect([now.status, now.amountDue.toFixed(2), now.amountPaid.toFixed(2), now.amountCredited.toFixed(2)]).toEqual([
      'PAID',
      '51.36',
      '51.36',
      '20.00',
    ]);
    const note = await h.as().creditNotes.get(part.creditNote.id);
    expect(note!.total.toFixed(2)).toBe('20.00');

    const over = await failure(h, () => h.as().refunds.refund({ paymentId, amount: dec('51.37') }));
    expect(over.error).toBeInstanceOf(InvalidInputError);
    expect(over.error).toMatchObject({ field: 'input.amount', details: { refundable: '51.36' } });
    expect(over.wrote).toEqual([]);

    const rest = await h.as().refunds.refund({ paymentId, amount: dec('51.36') });
    expect(rest.amount.toFixed(2)).toBe('51.36');
    now = (await h.as().invoices.get(invoice.id))!;
    expect([now.amountDue.toFixed(2), now.amountPaid.toFixed(2), now.amountCredited.toFixed(2)]).toEqual(['0.00', '0.00', '71.36']);
    const attempts = (await h.as().payments.forInvoices([invoice.id])).get(invoice.id)!;
    expect(
      attempts
        .filter((a) => a.kind === 'REFUND')
        .map((a) => a.amount.toFixed(2))
        .sort(),
    ).toEqual(['-20.00', '-51.36']);
    const none = await failure(h, () => h.as().refunds.refund({ paymentId, amount: dec('0.01') }));
    expect(none.error).toMatchObject({ field: 'input.amount' });
    const events = await h.sql<{ type: string }>(
      `select type from domain_event where type in ('refund.created', 'payment.refunded', 'credit_note.created') and customer_id = ?`,
      [invoice.customer.id],
    );
    expect(events.map((e) => e.type).sort()).toEqual([
      'credit_note.created',
      'credit_note.created',
      'payment.refunded',
      'payment.refunded',
      'refund.created',
      'refund.created',
    ]);
  });

  it('refunds a bank payment in full with a pain.001.001.03 credit transfer to the account given', async () => {
    const { invoice, paymentId } = await bankPayment();
    const unknownAccount = await failure(h, () => h.as().refunds.refund({ paymentId, amount: dec('71.36') }));
    expect(unknownAccount.error).toMatchObject({ field: 'input.iban' });
    expect(unknownAccount.wrote).toEqual([]);
    const refund = await h.as().refunds.refund({
      paymentId,
      amount: dec('71.36'),
      iban: 'FR14 2004 1010 0505 0001 3M02 606',
      accountHolder: 'Acme SARL',
    });
    expect(refund.method).toBe('CREDIT_TRANSFER');
    expect(refund.xml).toContain('urn:iso:std:iso:20022:tech:xsd:pain.001.001.03');
    expect(refund.xml).toContain('<IBAN>FR1420041010050500013M02606</IBAN>');
    expect(refund.xml).toContain('<InstdAmt Ccy="EUR">71.36</InstdAmt>');
    expect(refund.xml).toContain(`Refund ${invoice.number}`);
    const now = (await h.as().invoices.get(invoice.id))!;
    expect([now.status, now.amountDue.toFixed(2), now.amountPaid.toFixed(2)]).toEqual(['PAID', '0.00', '0.00']);
  });

  it('refuses unknown payments, bad amounts and other roles, writing nothing', async () => {
    const { paymentId } = await bankPayment();
    const cases: [string, () => Promise<unknown>, unknown, string][] = [
      [
        'unknown',
        () => h.as().refunds.refund({ paymentId: '00000000-0000-4000-8000-000000000000', amount: dec('1') }),
        NotFoundError,
        'input.paymentId',
      ],
      ['zero', () => h.as().refunds.refund({ paymentId, amount: dec('0') }), InvalidInputError, 'input.amount'],
      [
        'a fraction of a cent',
        () => h.as().refunds.refund({ paymentId, amount: dec('1.001'), iban: 'DE89370400440532013000', accountHolder: 'A' }),
        InvalidInputError,
        'input.amount',
      ],
    ];
    for (const [, call, kind, field] of cases) {
      const { error, wrote } = await failure(h, call);
      expect(error).toBeInstanceOf(kind);
      expect(error).toMatchObject({ field });
      expect(wrote).toEqual([]);
    }
    for (const who of [await h.actor(Role.SALES), await h.actor(Role.CUSTOMER, acme.id)]) {
      const { error, wrote } = await failure(h, () => h.as(who).refunds.refund({ paymentId, amount: dec('1.00') }));
      expect(error).toBeInstanceOf(ForbiddenError);
      expect(wrote).toEqual([]);
    }
  });
});
