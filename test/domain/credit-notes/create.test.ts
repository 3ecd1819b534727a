import fc from 'fast-check';
import { Role } from '../../../src/domain/auth/actor';
import { TaxStatus } from '../../../src/domain/customers/customer.entity';
import type { Customer } from '../../../src/domain/customers/customer.entity';
import { ConflictError, ForbiddenError, InvalidInputError } from '../../../src/domain/errors';
import type { Invoice } from '../../../src/domain/invoices/invoice.entity';
import { Decimal, ZERO } from '../../../src/pricing/decimal';
import { DomainHarness, failure, START_TIMEOUT_MS, startDomain } from '../../support/domain';
import { dec, makeCustomer, makePrice, openInvoice } from '../../support/domain-fixtures';

let h: DomainHarness;
let acme: Customer; // TAXABLE 19 %
beforeAll(async () => {
  h = await startDomain({ now: '2026-03-01T00:00:00Z' });
  await makePrice(h, 'seats', { kind: 'per_unit', config: { unitAmount: '19.99' } });
  await makePrice(h, 'support', { kind: 'flat', config: { amount: '99.00' } });
  acme = await makeCustomer(h, { taxStatus: TaxStatus.TAXABLE, taxRate: dec('19') });
}, START_TIMEOUT_MS);
afterAll(() => h.close());

// seats: 3 × 19.99 = 59.97, tax 11.3943 → 11.39; support: 99.00, tax 18.81; total 189.17.
const lines = [
  { priceCode: 'seats', quantity: '3' },
  { priceCode: 'support', quantity: '1' },
];
const money = (d: Decimal | null | undefined) => d?.toFixed(2);
const reread = async (invoice: Invoice) => (await h.as().invoices.get(invoice.id))!;

describe('CreditNoteService.create', () => {
  it('credits part of a line with its tax in proportion, and lowers what is due', async () => {
    const invoice = await openInvoice(h, acme, lines);
    expect([invoice.subtotal, invoice.tax, invoice.total].map(money)).toEqual(['158.97', '30.20', '189.17']);
    const seats = invoice.lines.getItems()[0];
    const note = await h.as().creditNotes.create({
      invoiceId: invoice.id,
      lines: [{ invoiceLineId: seats.id, amount: dec('10.00') }],
      reason: 'two seats unused for a week',
    });
    // 11.39 × 10.00 / 59.97 = 1.8993 → 1.90
    expect([note.subtotal, note.tax, note.total].map(money)).toEqual(['10.00', '1.90', '11.90']);
    expect(note.number).toMatch(/^CN/);
    const after = await reread(invoice);
    expect([after.status, money(after.amountCredited), money(after.amountDue)]).toEqual(['OPEN', '11.90', '177.27']);
  });

  it('refuses more than is left on a line, naming the line and what is left, writing nothing', async () => {
    const invoice = await openInvoice(h, acme, lines);
    const seats = invoice.lines.getItems()[0];
    await h.as().creditNotes.create({ invoiceId: invoice.id, lines: [{ invoiceLineId: seats.id, amount: dec('50.00') }] });
    const { error, wrote } = await failure(h, () =>
      h.as().creditNotes.create({ invoiceId: invoice.id, lines: [{ invoiceLineId: seats.id, amount: dec('9.98') }] }),
    );
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({ field: 'input.lines[0].amount', details: { left: '9.97' } });
    expect(wrote).toEqual([]);
    expect(money((await reread(invoice)).amountDue)).toBe(money(invoice.amountDue.minus(dec('59.50'))));
  });

  it.each([
    ['a zero amount', '0', 'input.lines[0].amount'],
    ['a third decimal in EUR', '1.005', 'input.lines[0].amount'],
  ])('refuses %s', async (_what, amount, field) => {
    const invoice = await openInvoice(h, acme, lines);
    const { error, wrote } = await failure(h, () =>
      h.as().creditNotes.create({ invoiceId: invoice.id, lines: [{ invoiceLineId: invoice.lines.getItems()[1].id, amount: dec(amount) }] }),
    );
    expect(error).toMatchObject({ field });
    expect(wrote).toEqual([]);
  });

  it('credits everything left without lines, then the invoice is settled (PAID) and has nothing left to credit', async () => {
    const invoice = await openInvoice(h, acme, lines);
    await h
      .as()
      .creditNotes.create({ invoiceId: invoice.id, lines: [{ invoiceLineId: invoice.lines.getItems()[1].id, amount: dec('33.33') }] });
    const rest = await h.as().creditNotes.create({ invoiceId: invoice.id });
    const after = await reread(invoice);
    expect([after.status, money(after.amountCredited), money(after.amountDue)]).toEqual(['PAID', '189.17', '0.00']);
    // 33.33 + its tax (18.81 × 33.33 / 99 = 6.3327 → 6.33) came first: the rest is 189.17 − 39.66.
    expect(money(rest.total)).toBe('149.51');
    const { error, wrote } = await failure(h, () => h.as().creditNotes.create({ invoiceId: invoice.id }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(wrote).toEqual([]);
  });

  it('refuses a void invoice, and a SALES key', async () => {
    const invoice = await openInvoice(h, acme, lines);
    const sales = await h.actor(Role.SALES);
    expect((await failure(h, () => h.as(sales).creditNotes.create({ invoiceId: invoice.id }))).error).toBeInstanceOf(ForbiddenError);
    await h.as().invoiceVoids.void(invoice.id);
    const { error, wrote } = await failure(h, () => h.as().creditNotes.create({ invoiceId: invoice.id }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ details: { status: 'VOID' } });
    expect(wrote).toEqual([]);
  });

  it('never gives back more than the invoice: notes’ lines add up to each note, notes add up to the invoice (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(1), fc.integer({ min: 1, max: 6000 })), { minLength: 1, maxLength: 4 }),
        async (credits) => {
          const invoice = await openInvoice(h, acme, lines);
          const charge = invoice.lines.getItems();
          for (const [which, cents] of credits) {
            const line = charge[which];
            const input = { invoiceId: invoice.id, lines: [{ invoiceLineId: line.id, amount: new Decimal(cents).div(100) }] };
            await h
              .as()
              .creditNotes.create(input)
              .catch((err: unknown) => {
                // Only "more than is left on the line" may refuse a positive whole-cent amount.
                expect(err).toMatchObject({ field: 'input.lines[0].amount' });
              });
          }
          await h.as().creditNotes.create({ invoiceId: invoice.id });
          const notes = (await h.as().creditNotes.list({ invoiceId: invoice.id, first: 100 })).nodes;
          for (const note of notes) {
            const ls = note.lines.getItems();
            expect(money(ls.reduce((s, l) => s.plus(l.amount), ZERO))).toBe(money(note.subtotal));
            expect(money(ls.reduce((s, l) => s.plus(l.tax), ZERO))).toBe(money(note.tax));
            expect(money(note.subtotal.plus(note.tax))).toBe(money(note.total));
          }
          expect(money(notes.reduce((s, n) => s.plus(n.total), ZERO))).toBe('189.17');
          expect(money(notes.reduce((s, n) => s.plus(n.tax), ZERO))).toBe('30.20');
        },
      ),
      { numRuns: 3 },
    );
  });
});
