import * as SEPA from 'sepa';
import { Decimal, ZERO } from '../../pricing/decimal';
import type { SepaSequence } from './sepa-mandate.entity';

/*
 * The pain files, written by the `sepa` package (it checks IBANs, BICs, the creditor id, the
 * SEPA character set and field lengths). It takes amounts as JavaScript numbers: each amount is
 * handed over as its two-decimal string's number (exact to the cent below 10^13) and every
 * control sum it computes is checked against the Decimal sum before the file is given out.
 */

export interface SepaParty {
  name: string;
  iban: string;
  bic: string | null;
}

export interface DirectDebitLine {
  endToEndId: string;
  remittance: string;
  amount: Decimal;
  mandateId: string;
  mandateSignedAt: Date;
  sequence: SepaSequence;
  debtor: SepaParty;
}

export interface DirectDebitFile {
  messageId: string;
  createdAt: Date;
  collectionDate: Date;
  currency: string;
  creditor: SepaParty;
  creditorId: string;
  lines: readonly DirectDebitLine[];
}

/** pain.008.001.02, one payment information block per sequence type (FRST before RCUR), as banks require. */
export function directDebitXml(file: DirectDebitFile): string {
  const doc = new SEPA.Document('pain.008.001.02');
  doc.grpHdr.id = file.messageId;
  doc.grpHdr.created = file.createdAt;
  doc.grpHdr.initiatorName = file.creditor.name;
  for (const sequence of ['FRST', 'RCUR'] as const) {
    const lines = file.lines.filter((l) => l.sequence === sequence);
    if (lines.length === 0) continue;
    const info = doc.createPaymentInfo();
    info.collectionDate = file.collectionDate;
    info.creditorIBAN = file.creditor.iban;
    if (file.creditor.bic) info.creditorBIC = file.creditor.bic;
    info.creditorName = file.creditor.name;
    info.creditorId = file.creditorId;
    info.sequenceType = sequence;
    info.batchBooking = true;
    doc.addPaymentInfo(info);
    for (const line of lines) {
      const tx = info.createTransaction();
      tx.debtorName = line.debtor.name;
      tx.debtorIBAN = line.debtor.iban;
      if (line.debtor.bic) tx.debtorBIC = line.debtor.bic;
      tx.mandateId = line.mandateId;
      tx.mandateSignatureDate = line.mandateSignedAt;
      tx.amount = Number(line.amount.toFixed(2));
      tx.currency = file.currency;
      tx.remittanceInfo = line.remittance;
      tx.end2endId = line.endToEndId;
      info.addTransaction(tx);
    }
  }
  return checkedSums(doc.toString(), file.lines);
}

export interface CreditTransferFile {
  messageId: string;
  createdAt: Date;
  executionDate: Date;
  currency: string;
  debtor: SepaParty;
  endToEndId: string;
  remittance: string;
  amount: Decimal;
  creditor: SepaParty;
}

/** pain.001.001.03: one credit transfer from the seller's account to the customer's (a refund). */
export function creditTransferXml(file: CreditTransferFile): string {
  const doc = new SEPA.Document('pain.001.001.03');
  doc.grpHdr.id = file.messageId;
  doc.grpHdr.created = file.createdAt;
  doc.grpHdr.initiatorName = file.debtor.name;
  const info = doc.createPaymentInfo();
  info.requestedExecutionDate = file.executionDate;
  info.debtorIBAN = file.debtor.iban;
  if (file.debtor.bic) info.debtorBIC = file.debtor.bic;
  info.debtorName = file.debtor.name;
  doc.addPaymentInfo(info);
  const tx = info.createTransaction();
  tx.creditorName = file.creditor.name;
  tx.creditorIBAN = file.creditor.iban;
  if (file.creditor.bic) tx.creditorBIC = file.creditor.bic;
  tx.amount = Number(file.amount.toFixed(2));
  tx.currency = file.currency;
  tx.remittanceInfo = file.remittance;
  tx.end2endId = file.endToEndId;
  info.addTransaction(tx);
  return checkedSums(doc.toString(), [{ amount: file.amount }]);
}

/** The group header's control sum must be the exact Decimal sum: a float rounding slip would make a file the bank books wrong. */
function checkedSums(xml: string, lines: readonly { amount: Decimal }[]): string {
  const expected = lines.reduce((sum, l) => sum.plus(l.amount), ZERO).toFixed(2);
  const header = /<GrpHdr>[\s\S]*?<CtrlSum>([^<]+)<\/CtrlSum>/.exec(xml)?.[1];
  if (header !== expected) throw new Error(`pain control sum ${header} differs from the amounts' sum ${expected}`);
  return xml;
}

/** An amount as a file may carry it: whole cents, positive. */
export function isCentAmount(amount: Decimal): boolean {
  return amount.gt(0) && amount.decimalPlaces() <= 2 && amount.lt(new Decimal('1000000000'));
}
