import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Role } from '../../../src/domain/auth/actor';
import { BankStatementFormat } from '../../../src/domain/bank-statements/bank-statement-format';
import { parseCamt053 } from '../../../src/domain/bank-statements/camt053';
import type { Customer } from '../../../src/domain/customers/customer.entity';
import { ConflictError, ForbiddenError, InvalidInputError } from '../../../src/domain/errors';
import type { Invoice } from '../../../src/domain/invoices/invoice.entity';
import { invoicePaymentReference } from '../../../src/domain/payments/payment-reference';
import { DomainHarness, failure, START_TIMEOUT_MS, startDomain } from '../../support/domain';
import { makeCustomer, makePrice, openInvoice } from '../../support/domain-fixtures';

const template = readFileSync(join(__dirname, 'fixtures', 'camt053.001.02.xml'), 'utf8');

/** The same statement as camt.053.001.08 writes it: the status and the debtor's name one level deeper. */
function asVersion08(xml: string): string {
  return xml
    .replace('camt.053.001.02', 'camt.053.001.08')
    .replace(/<Sts>(\w+)<\/Sts>/g, '<Sts><Cd>$1</Cd></Sts>')
    .replace(/<Dbtr><Nm>([^<]*)<\/Nm><\/Dbtr>/g, '<Dbtr><Pty><Nm>$1</Nm></Pty></Dbtr>');
}

let h: DomainHarness;
let acme: Customer;
beforeAll(async () => {
  h = await startDomain({ now: '2026-03-01T00:00:00Z' });
  await makePrice(h, 'unit', { kind: 'per_unit', config: { unitAmount: '100.00' } });
  acme = await makeCustomer(h, { name: 'Acme GmbH' });
}, START_TIMEOUT_MS);
afterAll(() => h.close());

const state = async (invoice: Invoice) => {
  const i = (await h.as().invoices.get(invoice.id))!;
  return [i.status, i.amountPaid.toFixed(2), i.amountDue.minus(i.amountPaid).toFixed(2)];
};
const creditOf = async (c: Customer) => (await h.as().bankStatements.creditBalance(c.id)).toFixed(2);
const count = async (sql: string) => (await h.sql<{ n: number }>(sql))[0].n;
const recorded = () => count(`select count(*)::int as n from domain_event where type = 'payment.recorded'`);

describe('importBankStatement (camt.053)', () => {
  it('reads .001.02 and .001.08 alike: booked entries only, amounts exact, debtor and references', () => {
    const xml = template.replaceAll(/\{\{\w+\}\}/g, 'RF18539007547034');
    const v02 = parseCamt053(xml);
    expect(parseCamt053(asVersion08(xml))).toEqual(v02);
    expect(v02).toHaveLength(1);
    expect(v02[0].statementId).toBe('DE89370400440532013000:STMT-2026-03-10');
    expect(v02[0].entries.map((e) => [e.entryRef, e.amount.toFixed(2), e.credit, e.debtorName])).toEqual([
      ['2026031000001', '100.00', true, 'Acme GmbH'],
      ['2026031000002', '50.00', true, 'ACME GMBH'],
      ['2026031000003', '350.00', true, 'Acme GmbH'],
      ['2026031000004', '400.00', true, 'Acme GmbH Buchhaltung'],
      ['2026031000005', '12.34', true, 'Initech Ltd'],
      ['2026031000006', '5.00', false, null],
    ]);
    expect(v02[0].entries[0]).toMatchObject({ reference: 'RF18539007547034', debtorIban: 'DE02120300000000202051' });
    expect(v02[0].entries[3].remittance).toBe('Rechnung RF18539007547034 vielen Dank');
  });

  it('pays a full, a part, an over- and a free-text payment once, however often the statement comes; the rest waits for a person', async () => {
    // Four invoices of Acme, 100, 200, 300 and 400 EUR (exempt: no tax), numbered in this order.
    const invoices: Invoice[] = [];
    for (const q of ['1', '2', '3', '4']) invoices.push(await openInvoice(h, acme, [{ priceCode: 'unit', quantity: q }]));
    const [invA, invB, invC, invD] = invoices;
    const rfB = invoicePaymentReference(invB);
    const xml = template
      .replace('{{RF_A}}', invoicePaymentReference(invA))
      .replace(
        '{{RF_B_SPACED}}',
        rfB
          .match(/.{1,4}/g)!
          .join(' ')
          .toLowerCase(),
      )
      .replace('{{RF_C}}', invoicePaymentReference(invC))
      .replaceAll('{{NUMBER_D}}', invD.number!);
    const eventsBefore = await recorded();

    h.clock.advanceSeconds(9 * 86_400);
    const first = await h.as().bankStatements.import({ format: BankStatementFormat.CAMT053, content: xml });
    const summary = (r: typeof first) => [
      r.statement.id,
      r.entries,
      r.matched,
      r.unmatched.map((e) => [e.amount.toFixed(2), e.debtorName, e.status]),
    ];
    expect(summary(first)).toEqual([first.statement.id, 6, 4, [['12.34', 'Initech Ltd', 'UNMATCHED']]]);

    // By hand: A 100 paid in full; B 50 of 200; C 300 paid and 50 over, to the credit balance; D 400 by its number.
    const expected = [
      ['PAID', '100.00', '0.00'],
      ['OPEN', '50.00', '150.00'],
      ['PAID', '300.00', '0.00'],
      ['PAID', '400.00', '0.00'],
    ];
    expect(await Promise.all(invoices.map(state))).toEqual(expected);
    expect(await creditOf(acme)).toBe('50.00');
    expect((await recorded()) - eventsBefore).toBe(4);

    // The same statement again, in the other version: the same import, nothing paid twice.
    const again = await h.as().bankStatements.import({ format: BankStatementFormat.CAMT053, content: asVersion08(xml) });
    expect(summary(again)).toEqual(summary(first));
    expect(await Promise.all(invoices.map(state))).toEqual(expected);
    expect(await creditOf(acme)).toBe('50.00');
    expect((await recorded()) - eventsBefore).toBe(4);
    expect(await count(`select count(*)::int as n from bank_entry`)).toBe(6);

    // A person places the unknown 12.34 on B; it is no longer unmatched, and cannot be placed twice.
    const unknown = first.unmatched[0];
    const assigned = await h.as().bankStatements.assign(unknown.id, { invoiceId: invB.id });
    expect([assigned.status, assigned.customer?.id]).toEqual(['ASSIGNED', acme.id]);
    expect(await state(invB)).toEqual(['OPEN', '62.34', '137.66']);
    const twice = await failure(h, () => h.as().bankStatements.assign(unknown.id, { invoiceId: invB.id }));
    expect(twice.error).toBeInstanceOf(ConflictError);
    expect(twice.wrote).toEqual([]);
    const third = await h.as().bankStatements.import({ format: BankStatementFormat.CAMT053, content: xml });
    expect([third.matched, third.unmatched]).toEqual([5, []]);

    // The 50.00 of credit pays the next invoice as it is finalized.
    const next = await openInvoice(h, acme, [{ priceCode: 'unit', quantity: '1' }]);
    expect(await state(next)).toEqual(['OPEN', '50.00', '50.00']);
    expect(await creditOf(acme)).toBe('0.00');
    expect((await recorded()) - eventsBefore).toBe(6);
  });

  it('answers bad content at input.content with the parser reason, writing nothing; only ADMIN imports', async () => {
    for (const content of [
      '<Document><BkToCstmrStmt>',
      '<x/>',
      '   ',
      template.replace('<Amt Ccy="EUR">100.00</Amt>', '<Amt Ccy="EUR">1e3</Amt>'),
    ]) {
      const { error, wrote } = await failure(h, () => h.as().bankStatements.import({ format: BankStatementFormat.CAMT053, content }));
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(error).toMatchObject({ field: 'input.content' });
      expect(wrote).toEqual([]);
    }
    const sales = await h.actor(Role.SALES);
    const refused = await failure(h, () => h.as(sales).bankStatements.import({ format: BankStatementFormat.CAMT053, content: template }));
    expect(refused.error).toBeInstanceOf(ForbiddenError);
    const fresh = await makeCustomer(h);
    const own = await h.actor(Role.CUSTOMER, fresh.id);
    expect((await h.as(own).bankStatements.creditBalance(fresh.id)).toFixed(2)).toBe('0.00');
    const other = await makeCustomer(h);
    expect((await failure(h, () => h.as(own).bankStatements.creditBalance(other.id))).error).toBeInstanceOf(ForbiddenError);
  });
});
