import { Role } from '../../../src/domain/auth/actor';
import type { Customer } from '../../../src/domain/customers/customer.entity';
import { ConflictError, ForbiddenError, NotFoundError } from '../../../src/domain/errors';
import { DomainHarness, failure, START_TIMEOUT_MS, startDomain } from '../../support/domain';
import { dec, makeCustomer, makePrice, openInvoice } from '../../support/domain-fixtures';

let h: DomainHarness;
let acme: Customer;
beforeAll(async () => {
  h = await startDomain({ now: '2026-03-01T00:00:00Z' });
  await makePrice(h, 'seats', { kind: 'per_unit', config: { unitAmount: '23.99' } });
  acme = await makeCustomer(h);
}, START_TIMEOUT_MS);
afterAll(() => h.close());

const seats = () => openInvoice(h, acme, [{ priceCode: 'seats', quantity: '1' }]);

describe('InvoiceVoidService.void', () => {
  it('makes an OPEN invoice VOID with nothing due; its number and lines stay', async () => {
    const open = await seats();
    h.clock.advanceSeconds(3600);
    const voided = await h.as().invoiceVoids.void(open.id);
    expect([voided.status, voided.number, voided.total.toFixed(2), voided.amountDue.toFixed(2), voided.voidedAt?.toISOString()]).toEqual([
      'VOID',
      open.number,
      '23.99',
      '0.00',
      '2026-03-01T01:00:00.000Z',
    ]);
    expect(voided.nextCollectionAt).toBeNull();
    expect(voided.lines.getItems().map((l) => l.amount.toFixed(2))).toEqual(['23.99']);
  });

  it('keeps credit notes already issued, and voids what is left', async () => {
    const open = await seats();
    await h.as().creditNotes.create({ invoiceId: open.id, lines: [{ invoiceLineId: open.lines.getItems()[0].id, amount: dec('6.00') }] });
    const voided = await h.as().invoiceVoids.void(open.id);
    expect([voided.status, voided.amountCredited.toFixed(2), voided.amountDue.toFixed(2)]).toEqual(['VOID', '6.00', '0.00']);
  });

  it('refuses a VOID, a PAID and a partly paid invoice: each stays as it was', async () => {
    const voided = await seats();
    await h.as().invoiceVoids.void(voided.id);
    const twice = await failure(h, () => h.as().invoiceVoids.void(voided.id));
    expect(twice.error).toBeInstanceOf(ConflictError);
    expect(twice.error).toMatchObject({ details: { status: 'VOID' } });

    const paid = await seats();
    await h.as().payments.record({ invoiceId: paid.id, amount: dec('23.99'), reference: 'ALL' });
    const onPaid = await failure(h, () => h.as().invoiceVoids.void(paid.id));
    expect(onPaid.error).toMatchObject({ details: { status: 'PAID' } });
    expect(onPaid.wrote).toEqual([]);

    const part = await seats();
    await h.as().payments.record({ invoiceId: part.id, amount: dec('0.01'), reference: 'CENT' });
    const onPart = await failure(h, () => h.as().invoiceVoids.void(part.id));
    expect(onPart.error).toBeInstanceOf(ConflictError);
    expect(onPart.wrote).toEqual([]);
    expect((await h.as().invoices.get(part.id))?.status).toBe('OPEN');
  });

  it('refuses an unknown invoice, and SALES may not void', async () => {
    const unknown = await failure(h, () => h.as().invoiceVoids.void('00000000-0000-4000-8000-000000000000'));
    expect(unknown.error).toBeInstanceOf(NotFoundError);
    expect(unknown.error).toMatchObject({ field: 'id' });
    const open = await seats();
    const sales = await h.actor(Role.SALES);
    expect((await failure(h, () => h.as(sales).invoiceVoids.void(open.id))).error).toBeInstanceOf(ForbiddenError);
    expect((await h.as().invoices.get(open.id))?.status).toBe('OPEN');
  });
});
