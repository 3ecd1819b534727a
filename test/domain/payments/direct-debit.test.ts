import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { Role } from '../../../src/domain/auth/actor';
import { TaxStatus } from '../../../src/domain/customers/customer.entity';
import type { Customer } from '../../../src/domain/customers/customer.entity';
import { ConflictError, ForbiddenError, InvalidInputError } from '../../../src/domain/errors';
import type { Invoice } from '../../../src/domain/invoices/invoice.entity';
import { ZERO } from '../../../src/pricing/decimal';
import { DomainHarness, failure, START_TIMEOUT_MS, startDomain } from '../../support/domain';
import { dec, makeCustomer, makePrice, openInvoice } from '../../support/domain-fixtures';

const XSD = readFileSync(join(__dirname, '../../data/sepa/pain.008.001.02.xsd'), 'utf8');
const DAY = 86_400;

let h: DomainHarness;
let acme: Customer;
let globex: Customer;
beforeAll(async () => {
  h = await startDomain({ now: '2026-03-01T00:00:00Z' });
  await h.as().sellerSettings.update({
    legalName: 'Tariff Demo GmbH',
    iban: 'DE89 3704 0044 0532 0130 00',
    bic: 'COBADEFFXXX',
    sepaCreditorId: 'de98zzz09999999999',
  });
  await makePrice(h, 'seats', { kind: 'per_unit', config: { unitAmount: '19.99' } });
  acme = await makeCustomer(h, { taxStatus: TaxStatus.TAXABLE, taxRate: dec('19') });
  globex = await makeCustomer(h, { taxStatus: TaxStatus.TAXABLE, taxRate: dec('19') });
  await attachMandate(acme, 'ACME-2026-1', 'DE40987654329876543210');
  await attachMandate(globex, 'GLOBEX/7', 'FR1420041010050500013M02606');
}, START_TIMEOUT_MS);
afterAll(() => h.close());

function attachMandate(customer: Customer, mandateId: string, iban: string) {
  return h.as().paymentMethods.attach({
    customerId: customer.id,
    provider: 'sepa_debit',
    token: mandateId,
    sepaMandate: { iban, accountHolder: `${customer.name} Ltd`, signatureDate: new Date('2026-02-01T00:00:00Z') },
  });
}

const seats = (c: Customer, quantity = '3') => openInvoice(h, c, [{ priceCode: 'seats', quantity }]);
const at = (days: number) => new Date(h.clock.now().getTime() + days * DAY * 1000);
const invoice = async (id: string) => (await h.as().invoices.get(id))!;
const sequences = (xml: string) =>
  [...xml.matchAll(/<SeqTp>(\w+)<\/SeqTp>[\s\S]*?(?=<PmtInf>|$)/g)].map((m) => [
    m[1],
    [...m[0].matchAll(/<EndToEndId>([^<]+)</g)].map((e) => e[1]),
  ]);

async function xsdErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'batch.xml', contents: xml }],
    schema: [{ fileName: 'pain.008.001.02.xsd', contents: XSD }],
  });
  return result.errors.map((e) => e.message);
}

describe('SEPA direct debit', () => {
  let first: Invoice;
  let second: Invoice;

  it('attaches a mandate: IBAN masked in its label, the IBAN checked, a mandate id used once', async () => {
    const owner = await makeCustomer(h);
    const method = await attachMandate(owner, 'OWNER-1', 'DE89370400440532013000');
    expect(method.label).toBe('SEPA Direct Debit ••••3000 (mandate OWNER-1)');
    expect(JSON.stringify(method)).not.toContain('DE89370400440532013000');
    const bad = await failure(h, () => attachMandate(owner, 'OWNER-2', 'DE89370400440532013001'));
    expect(bad.error).toBeInstanceOf(InvalidInputError);
    expect(bad.error).toMatchObject({ field: 'input.sepaMandate.iban' });
    expect(bad.wrote).toEqual([]);
    const taken = await failure(h, () => attachMandate(owner, 'OWNER-1', 'DE89370400440532013000'));
    expect(taken.error).toBeInstanceOf(ConflictError);
    expect(taken.error).toMatchObject({ field: 'input.token', details: { reason: 'MANDATE_ID_TAKEN' } });
    expect(taken.wrote).toEqual([]);
    const none = await failure(h, () => h.as().paymentMethods.attach({ customerId: owner.id, provider: 'sepa_debit', token: 'OWNER-3' }));
    expect(none.error).toMatchObject({ field: 'input.sepaMandate' });
    await h.as().paymentMethods.detach(method.id);
  });

  it('batches the due invoices into one pain.008.001.02 that validates and sums to them, FRST for new mandates', async () => {
    first = await seats(acme);
    second = await seats(globex, '5');
    const notYet = await failure(h, () => h.as().directDebits.createBatch(at(10)));
    expect(notYet.error).toBeInstanceOf(InvalidInputError);
    expect(notYet.error).toMatchObject({ field: 'collectionDate' });
    expect(notYet.wrote).toEqual([]);

    const batch = await h.as().directDebits.createBatch(at(30));
    const total = first.amountDue.plus(second.amountDue);
    expect([batch.count, batch.total.toFixed(2), batch.currency]).toEqual([2, total.toFixed(2), 'EUR']);
    expect(await xsdErrors(batch.xml)).toEqual([]);
    const amounts = [...batch.xml.matchAll(/<InstdAmt Ccy="EUR">([^<]+)</g)].map((m) => dec(m[1]));
    expect(amounts.reduce((s, a) => s.plus(a), ZERO).toFixed(2)).toBe(total.toFixed(2));
    expect(/<GrpHdr>[\s\S]*?<CtrlSum>([^<]+)</.exec(batch.xml)?.[1]).toBe(total.toFixed(2));
    expect(batch.xml).toContain('<Id>DE98ZZZ09999999999</Id>');
    expect(sequences(batch.xml)).toEqual([['FRST', [first.number, second.number].sort()]]);
    expect((await h.as().directDebits.invoicesOf(batch.id)).map((i) => i.id).sort()).toEqual([first.id, second.id].sort());

    // In collection: not batched twice, and no manual payment meanwhile.
    const again = await failure(h, () => h.as().directDebits.createBatch(at(30)));
    expect(again.error).toMatchObject({ field: 'collectionDate' });
    expect(again.wrote).toEqual([]);
    expect((await invoice(first.id)).nextCollectionAt).toBeNull();

    const early = await failure(h, () => h.as().directDebits.settleBatch(batch.id));
    expect(early.error).toMatchObject({ details: { reason: 'BEFORE_COLLECTION_DATE' } });
    h.clock.set(batch.collectionDate);
    const settled = await h.as().directDebits.settleBatch(batch.id);
    expect(settled.settledAt).not.toBeNull();
    for (const inv of [first, second]) {
      const paid = await invoice(inv.id);
      expect([paid.status, paid.amountPaid.toFixed(2)]).toEqual(['PAID', inv.amountDue.toFixed(2)]);
    }
    expect((await failure(h, () => h.as().directDebits.settleBatch(batch.id))).error).toMatchObject({
      details: { reason: 'ALREADY_SETTLED' },
    });
  });

  it('collects the next invoice of a mandate as RCUR', async () => {
    const next = await seats(acme, '2');
    const batch = await h.as().directDebits.createBatch(at(30));
    expect(await xsdErrors(batch.xml)).toEqual([]);
    expect(sequences(batch.xml)).toEqual([['RCUR', [next.number]]]);
    h.clock.set(batch.collectionDate);
    await h.as().directDebits.settleBatch(batch.id);
  });

  it('a return reopens the paid invoice and puts it into dunning; a later batch presents it again', async () => {
    const returned = await h.as().directDebits.returnDebit(first.id, 'AC04 account closed');
    expect([returned.status, returned.amountPaid.toFixed(2), returned.paidAt]).toEqual(['OPEN', '0.00', null]);
    expect(returned.firstFailedAt).not.toBeNull();
    expect(returned.nextCollectionAt).not.toBeNull();
    const events = await h.sql<{ type: string }>(`select type from domain_event where aggregate_id in (?, ?)`, [
      first.id,
      (await h.as().payments.forInvoices([first.id])).get(first.id)![0].id,
    ]);
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['payment.failed', 'invoice.payment_failed']));
    const twice = await failure(h, () => h.as().directDebits.returnDebit(first.id, 'AC04'));
    expect(twice.error).toMatchObject({ details: { reason: 'NOT_IN_COLLECTION' } });
    const batch = await h.as().directDebits.createBatch(at(1));
    expect(sequences(batch.xml)).toEqual([['RCUR', [first.number]]]);
  });

  it('a first collection rejected before settlement leaves the mandate at FRST', async () => {
    const initech = await makeCustomer(h);
    await attachMandate(initech, 'INITECH-1', 'DE89370400440532013000');
    const inv = await seats(initech);
    const batch = await h.as().directDebits.createBatch(at(30));
    expect(sequences(batch.xml)).toEqual([['FRST', [inv.number]]]);
    const rejected = await h.as().directDebits.returnDebit(inv.id, 'MD01 no mandate');
    expect([rejected.status, rejected.amountPaid.toFixed(2)]).toEqual(['OPEN', '0.00']);
    const again = await h.as().directDebits.createBatch(at(30));
    expect(sequences(again.xml)).toEqual([['FRST', [inv.number]]]);
  });

  it('is the seller’s: other roles are FORBIDDEN and nothing is written', async () => {
    for (const role of [Role.SALES, Role.SALES_MANAGER]) {
      const who = await h.actor(role);
      const refused = await failure(h, () => h.as(who).directDebits.createBatch(at(60)));
      expect(refused.error).toBeInstanceOf(ForbiddenError);
      expect(refused.wrote).toEqual([]);
    }
    const own = await h.actor(Role.CUSTOMER, acme.id);
    expect((await failure(h, () => h.as(own).directDebits.returnDebit(first.id, 'AC04'))).error).toBeInstanceOf(ForbiddenError);
  });
});
