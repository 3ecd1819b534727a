import { BankStatementFormat } from '../../../src/domain/bank-statements/bank-statement-format';
import type { Customer } from '../../../src/domain/customers/customer.entity';
import { InvalidInputError } from '../../../src/domain/errors';
import type { Invoice } from '../../../src/domain/invoices/invoice.entity';
import { invoicePaymentReference } from '../../../src/domain/payments/payment-reference';
import { DomainHarness, failure, START_TIMEOUT_MS, startDomain } from '../../support/domain';
import { makeCustomer, makePrice, openInvoice } from '../../support/domain-fixtures';

/** A day's MT940 as a German bank sends it: :86: structured (?20… remittance, ?32 the debtor's name). */
const statement = (refF: string, refG: string) =>
  [
    ':20:STARTUMS',
    ':25:37040044/0532013000',
    ':28C:00042/001',
    ':60F:C260310EUR1000,00',
    ':61:2603100310C150,00NTRFNONREF//BREF1',
    `:86:166?00GUTSCHRIFT?20${refF}?21${refG}?32GLOBEX CORP`,
    ':61:2603100310C250,00NTRFNONREF//BREF2',
    ':86:166?00GUTSCHRIFT?20THANK YOU?32Globex Corp.',
    ':61:2603100310D5,00NMSCNONREF',
    ':86:805?00ENTGELT?20KONTOFUEHRUNG',
    ':62F:C260310EUR1395,00',
    '-',
  ].join('\r\n');

let h: DomainHarness;
let globex: Customer;
beforeAll(async () => {
  h = await startDomain({ now: '2026-03-01T00:00:00Z' });
  await makePrice(h, 'unit', { kind: 'per_unit', config: { unitAmount: '50.00' } });
  globex = await makeCustomer(h, { name: 'Globex Corp' });
}, START_TIMEOUT_MS);
afterAll(() => h.close());

const state = async (invoice: Invoice) => {
  const i = (await h.as().invoices.get(invoice.id))!;
  return [i.status, i.amountPaid.toFixed(2)];
};

describe('importBankStatement (MT940)', () => {
  it('spends one transfer on the two invoices it names, oldest first, and one by amount and debtor name; debits pay nothing', async () => {
    const f = await openInvoice(h, globex, [{ priceCode: 'unit', quantity: '2' }]); // 100.00
    const g = await openInvoice(h, globex, [{ priceCode: 'unit', quantity: '2' }]); // 100.00
    const other = await openInvoice(h, globex, [{ priceCode: 'unit', quantity: '3' }]); // 150.00: not the amount
    const byAmount = await openInvoice(h, globex, [{ priceCode: 'unit', quantity: '5' }]); // 250.00
    // 150.00 naming G then F: F, the older, is paid in full, G gets the rest.
    const content = statement(invoicePaymentReference(g), invoicePaymentReference(f));
    const result = await h.as().bankStatements.import({ format: BankStatementFormat.MT940, content });
    expect([result.statement.statementId, result.entries, result.matched, result.unmatched.map((e) => e.amount.toFixed(2))]).toEqual([
      '37040044/0532013000:STARTUMS:00042/001',
      3,
      2,
      [],
    ]);
    expect(await Promise.all([f, g, other, byAmount].map(state))).toEqual([
      ['PAID', '100.00'],
      ['OPEN', '50.00'],
      ['OPEN', '0.00'],
      ['PAID', '250.00'],
    ]);
    const again = await h.as().bankStatements.import({ format: BankStatementFormat.MT940, content });
    expect([again.statement.id, again.matched]).toEqual([result.statement.id, 2]);
    expect((await h.as().bankStatements.creditBalance(globex.id)).toFixed(2)).toBe('0.00');
  });

  it.each([
    ['no statement at all', 'hello'],
    ['lines that do not add up to the balances', statement('RF18539007547034', 'X').replace('C260310EUR1395,00', 'C260310EUR1396,00')],
  ])('refuses %s at input.content with the parser reason, writing nothing', async (_what, content) => {
    const { error, wrote } = await failure(h, () => h.as().bankStatements.import({ format: BankStatementFormat.MT940, content }));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({ field: 'input.content' });
    expect(wrote).toEqual([]);
  });
});
