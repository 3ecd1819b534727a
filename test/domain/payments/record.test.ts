import { Role } from '../../../src/domain/auth/actor';
import { TaxStatus } from '../../../src/domain/customers/customer.entity';
import type { Customer } from '../../../src/domain/customers/customer.entity';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../../../src/domain/errors';
import type { Decimal } from '../../../src/pricing/decimal';
import { DomainHarness, failure, START_TIMEOUT_MS, startDomain } from '../../support/domain';
import { dec, makeCustomer, makePrice, openInvoice } from '../../support/domain-fixtures';

let h: DomainHarness;
let acme: Customer; // TAXABLE 19 %: 3 seats invoice 59.97 + 11.39 tax = 71.36
beforeAll(async () => {
  h = await startDomain({ now: '2026-03-01T00:00:00Z' });
  await makePrice(h, 'seats', { kind: 'per_unit', config: { unitAmount: '19.99' } });
  acme = await makeCustomer(h, { taxStatus: TaxStatus.TAXABLE, taxRate: dec('19') });
}, START_TIMEOUT_MS);
afterAll(() => h.close());

const seats = () => openInvoice(h, acme, [{ priceCode: 'seats', quantity: '3' }]);
const money = (d: Decimal | null) => d?.toFixed(2) ?? null;

describe('PaymentService.record', () => {
  it('takes a part payment (still OPEN), then the rest (PAID at the clock’s time)', async () => {
    const invoice = await seats();
    expect(money(invoice.amountDue)).toBe('71.36');
    const part = await h.as().payments.record({ invoiceId: invoice.id, amount: dec('50.00'), reference: 'TRX-1' });
    // amountDue is the total net of credit notes; what remains to pay is amountDue − amountPaid.
    expect([part.status, money(part.amountPaid), money(part.amountDue), part.paidAt]).toEqual(['OPEN', '50.00', '71.36', null]);
    const over = await failure(h, () => h.as().payments.record({ invoiceId: invoice.id, amount: dec('21.37'), reference: 'TRX-X' }));
    expect(over.error).toMatchObject({ field: 'input.amount' });
    expect(over.wrote).toEqual([]);
    h.clock.advanceSeconds(86_400);
    const full = await h.as().payments.record({ invoiceId: invoice.id, amount: dec('21.36'), reference: 'TRX-2' });
    expect([full.status, money(full.amountPaid), money(full.amountDue)]).toEqual(['PAID', '71.36', '71.36']);
    expect(full.paidAt?.toISOString()).toBe('2026-03-02T00:00:00.000Z');
    const attempts = await h.as().payments.forInvoices([invoice.id]);
    expect(attempts.get(invoice.id)?.map((a) => [a.kind, money(a.amount), a.outcome, a.providerReference])).toEqual([
      ['MANUAL', '50.00', 'succeeded', 'TRX-1'],
      ['MANUAL', '21.36', 'succeeded', 'TRX-2'],
    ]);
  });

  it.each([
    ['more than is owed', '71.37', 'R1', 'input.amount', InvalidInputError],
    ['a zero amount', '0', 'R2', 'input.amount', InvalidInputError],
    ['a fraction of a cent', '10.001', 'R3', 'input.amount', InvalidInputError],
    ['a blank reference', '10.00', '  ', 'input.reference', InvalidInputError],
  ])('refuses %s at its field, writing nothing', async (_what, amount, reference, field, kind) => {
    const invoice = await seats();
    const { error, wrote } = await failure(h, () => h.as().payments.record({ invoiceId: invoice.id, amount: dec(amount), reference }));
    expect(error).toBeInstanceOf(kind);
    expect(error).toMatchObject({ field });
    expect(wrote).toEqual([]);
  });

  it('counts a transfer once: the same reference on the same invoice is a CONFLICT', async () => {
    const invoice = await seats();
    await h.as().payments.record({ invoiceId: invoice.id, amount: dec('10.00'), reference: 'SEPA-42' });
    const { error, wrote } = await failure(h, () =>
      h.as().payments.record({ invoiceId: invoice.id, amount: dec('10.00'), reference: ' SEPA-42 ' }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ field: 'input.reference' });
    expect(wrote).toEqual([]);
    expect(money((await h.as().invoices.get(invoice.id))!.amountPaid)).toBe('10.00');
  });

  it('refuses a PAID or VOID invoice, an unknown one, and a SALES key', async () => {
    const paid = await seats();
    await h.as().payments.record({ invoiceId: paid.id, amount: dec('71.36'), reference: 'ALL' });
    const again = await failure(h, () => h.as().payments.record({ invoiceId: paid.id, amount: dec('1.00'), reference: 'MORE' }));
    expect(again.error).toMatchObject({ details: { status: 'PAID' } });
    expect(again.wrote).toEqual([]);
    const voided = await seats();
    await h.as().invoiceVoids.void(voided.id);
    expect(
      (await failure(h, () => h.as().payments.record({ invoiceId: voided.id, amount: dec('1.00'), reference: 'X' }))).error,
    ).toMatchObject({ details: { status: 'VOID' } });
    const unknown = await failure(h, () =>
      h.as().payments.record({ invoiceId: '00000000-0000-4000-8000-000000000000', amount: dec('1.00'), reference: 'X' }),
    );
    expect(unknown.error).toBeInstanceOf(NotFoundError);
    expect(unknown.error).toMatchObject({ field: 'input.invoiceId' });
    const sales = await h.actor(Role.SALES);
    expect(
      (await failure(h, () => h.as(sales).payments.record({ invoiceId: voided.id, amount: dec('1.00'), reference: 'X' }))).error,
    ).toBeInstanceOf(ForbiddenError);
  });
});
