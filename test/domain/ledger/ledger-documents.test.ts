import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Role } from '../../../src/domain/auth/actor';
import { BankStatementFormat } from '../../../src/domain/bank-statements/bank-statement-format';
import type { Customer } from '../../../src/domain/customers/customer.entity';
import { ForbiddenError } from '../../../src/domain/errors';
import type { Invoice } from '../../../src/domain/invoices/invoice.entity';
import { isBalanced } from '../../../src/domain/ledger/journal';
import { invoicePaymentReference } from '../../../src/domain/payments/payment-reference';
import { Decimal, ZERO } from '../../../src/pricing/decimal';
import { DomainHarness, failure, START_TIMEOUT_MS, startDomain } from '../../support/domain';
import { makeCustomer, makePrice, openInvoice } from '../../support/domain-fixtures';

// The ledger over the documents the bank statement import writes (docs/bank-statements.md): a full
// payment, a part payment, an overpayment to the credit balance that the next invoice takes, a
// payment found by the invoice number in free text, an unknown entry; and a voided invoice.
const template = readFileSync(join(__dirname, '../bank-statements/fixtures/camt053.001.02.xml'), 'utf8');
const FROM = new Date('2026-02-01T00:00:00Z');
const TO = new Date('2027-03-01T00:00:00Z');

let h: DomainHarness;
let acme: Customer;
beforeAll(async () => {
  h = await startDomain({ now: '2026-03-01T00:00:00Z' });
  await makePrice(h, 'unit', { kind: 'per_unit', config: { unitAmount: '100.00' } });
  acme = await makeCustomer(h, { name: 'Acme GmbH' });
}, START_TIMEOUT_MS);
afterAll(() => h.close());

const balance = (entries: Awaited<ReturnType<ReturnType<DomainHarness['as']>['ledger']['journalEntries']>>, role: string) =>
  entries
    .flatMap((e) => e.postings)
    .filter((p) => p.role === role)
    .reduce((s, p) => s.plus(p.amount), ZERO);

describe('the ledger of bank statement payments, credit balances and voids', () => {
  it('posts each document once, balances, and its receivables and customer credit are the documents’ figures', async () => {
    const invoices: Invoice[] = [];
    for (const q of ['1', '2', '3', '4']) invoices.push(await openInvoice(h, acme, [{ priceCode: 'unit', quantity: q }]));
    const [invA, invB, invC, invD] = invoices;
    const xml = template
      .replace('{{RF_A}}', invoicePaymentReference(invA))
      .replace('{{RF_B_SPACED}}', invoicePaymentReference(invB))
      .replace('{{RF_C}}', invoicePaymentReference(invC))
      .replaceAll('{{NUMBER_D}}', invD.number!);
    h.clock.advanceSeconds(9 * 86_400);
    await h.as().bankStatements.import({ format: BankStatementFormat.CAMT053, content: xml });
    // Imported twice: nothing is paid, nor booked, twice.
    await h.as().bankStatements.import({ format: BankStatementFormat.CAMT053, content: xml });
    expect((await h.as().bankStatements.creditBalance(acme.id)).toFixed(2)).toBe('50.00');

    h.clock.advanceSeconds(86_400);
    const takesCredit = await openInvoice(h, acme, [{ priceCode: 'unit', quantity: '1' }]);
    expect((await h.as().bankStatements.creditBalance(acme.id)).toFixed(2)).toBe('0.00');
    const voided = await openInvoice(h, acme, [{ priceCode: 'unit', quantity: '5' }]);
    h.clock.advanceSeconds(3600);
    await h.as().invoiceVoids.void(voided.id);

    const entries = await h.as().ledger.journalEntries(FROM, TO);
    expect(entries.every(isBalanced)).toBe(true);
    expect(await h.as().ledger.journalEntries(FROM, TO)).toEqual(entries);

    const open = (await h.as().invoices.list({ customerId: acme.id, first: 100 })).nodes
      .filter((i) => i.status === 'OPEN')
      .reduce((s, i) => s.plus(i.amountDue.minus(i.amountPaid)), ZERO);
    // B's 150 left, and the invoice the credit balance paid half of.
    expect(open.toFixed(2)).toBe('200.00');
    expect(balance(entries, 'receivables').toFixed(2)).toBe('200.00');
    // The bank received 100 + 50 + 350 + 400 for Acme; 12.34 is unassigned and not posted yet.
    expect(balance(entries, 'bank').toFixed(2)).toBe('900.00');
    // 50 came in beyond C and went out to the next invoice.
    expect(balance(entries, 'customerCredit').toFixed(2)).toBe('0.00');
    const byType = (type: string) => entries.filter((e) => e.source.type === type);
    expect(byType('CREDIT_BALANCE').map((e) => e.postings.map((p) => [p.role, p.amount.toFixed(2)]))).toEqual([
      [
        ['bank', '50.00'],
        ['customerCredit', '-50.00'],
      ],
    ]);
    const applied = byType('PAYMENT').find((e) => e.source.number === takesCredit.number)!;
    expect(applied.postings.map((p) => [p.role, p.amount.toFixed(2)])).toEqual([
      ['customerCredit', '50.00'],
      ['receivables', '-50.00'],
    ]);
    expect(byType('PAYMENT')).toHaveLength(5);
    // The void reverses the voided invoice whole.
    const [invoiceOfVoided] = byType('INVOICE').filter((e) => e.source.id === voided.id);
    const [reversal] = byType('INVOICE_VOID');
    expect(reversal.source.id).toBe(voided.id);
    expect(reversal.postings.map((p) => [p.role, p.amount.negated().toFixed(2)]).sort()).toEqual(
      invoiceOfVoided.postings.map((p) => [p.role, p.amount.toFixed(2)]).sort(),
    );
    // Recognized + deferred = invoiced net of what was not voided: 100 + 200 + 300 + 400 + 100.
    expect(balance(entries, 'revenue').plus(balance(entries, 'deferredRevenue')).negated().toFixed(2)).toBe(new Decimal(1100).toFixed(2));
  });

  it('is refused to a CUSTOMER key and to a PARTNER key', async () => {
    for (const role of [Role.CUSTOMER, Role.PARTNER]) {
      const actor = await h.actor(role, role === Role.CUSTOMER ? acme.id : undefined);
      expect((await failure(h, () => h.as(actor).ledger.journalEntries(FROM, TO))).error).toBeInstanceOf(ForbiddenError);
      expect((await failure(h, () => h.as(actor).ledger.agedReceivables(null))).error).toBeInstanceOf(ForbiddenError);
    }
  });
});
