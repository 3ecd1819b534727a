import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Decimal } from '../../pricing/decimal';
import { BankStatementParseError, ParsedBankEntry, ParsedBankStatement } from './bank-statement-format';

/*
 * ISO 20022 camt.053 (BankToCustomerStatement), versions .001.02 and .001.08: the paths we read
 * are the same in both except the entry status (text in .02, <Sts><Cd> in .08) and the debtor's
 * name (RltdPties/Dbtr/Nm in .02, RltdPties/Dbtr/Pty/Nm in .08). Namespace prefixes are dropped.
 */

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false, // amounts stay strings: money is never a JS number
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ['Stmt', 'Ntry', 'TxDtls', 'Ustrd', 'Strd'].includes(name),
});

const AMOUNT = /^\d{1,18}(\.\d{1,5})?$/;

export function parseCamt053(content: string): ParsedBankStatement[] {
  const valid = XMLValidator.validate(content);
  if (valid !== true) throw new BankStatementParseError(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const doc = parser.parse(content) as Node;
  const root = node(node(doc.Document)?.BkToCstmrStmt);
  if (!root) throw new BankStatementParseError('not a camt.053 document: no Document/BkToCstmrStmt');
  const statements = list(root.Stmt);
  if (statements.length === 0) throw new BankStatementParseError('the statement has no Stmt');
  return statements.map((stmt, s) => {
    const id = text(stmt.Id);
    if (!id) throw new BankStatementParseError(`Stmt[${s}] has no Id`);
    const account = text(node(node(node(stmt.Acct)?.Id))?.IBAN) ?? text(node(node(node(node(stmt.Acct)?.Id))?.Othr)?.Id) ?? '';
    return { statementId: `${account}:${id}`, entries: list(stmt.Ntry).flatMap((ntry, n) => entriesOf(ntry, `Stmt[${s}].Ntry[${n}]`, n)) };
  });
}

function entriesOf(ntry: Node, at: string, position: number): ParsedBankEntry[] {
  const status = text(ntry.Sts) ?? text(node(ntry.Sts)?.Cd);
  if (status && status !== 'BOOK') return []; // pending or informational lines are not money received yet
  const amount = amountOf(ntry.Amt, `${at}.Amt`);
  const indicator = text(ntry.CdtDbtInd);
  if (indicator !== 'CRDT' && indicator !== 'DBIT')
    throw new BankStatementParseError(`${at}.CdtDbtInd is '${indicator ?? ''}', not CRDT or DBIT`);
  const booking = node(ntry.BookgDt);
  const bookingText = text(booking?.Dt) ?? text(booking?.DtTm);
  const bookingDate = bookingText ? new Date(bookingText.length === 10 ? `${bookingText}T00:00:00Z` : bookingText) : null;
  if (bookingDate && Number.isNaN(bookingDate.getTime()))
    throw new BankStatementParseError(`${at}.BookgDt is not a date: '${bookingText}'`);
  const entryRef = text(ntry.AcctSvcrRef) ?? text(ntry.NtryRef) ?? `#${position}`;
  const details = list(node(ntry.NtryDtls)?.TxDtls);
  const base = { currency: amount.currency, credit: indicator === 'CRDT', bookingDate };
  // A batch booking: one entry per transaction when each carries its own amount.
  const own = details.map((tx) => node(node(tx.AmtDtls)?.TxAmt)?.Amt ?? tx.Amt ?? (details.length === 1 ? ntry.Amt : undefined));
  if (details.length > 1 && own.every((a) => a !== undefined)) {
    return details.map((tx, i) => ({
      ...base,
      ...transactionOf(tx),
      entryRef: `${entryRef}/${i}`,
      ...amountOf(own[i], `${at}.TxDtls[${i}].Amt`),
    }));
  }
  return [{ ...base, ...transactionOf(details[0] ?? {}), entryRef, amount: amount.amount }];
}

function transactionOf(tx: Node): Pick<ParsedBankEntry, 'debtorName' | 'debtorIban' | 'remittance' | 'reference'> {
  const parties = node(tx.RltdPties);
  const debtor = node(parties?.Dbtr);
  const remittance = node(tx.RmtInf);
  const structured = list(remittance?.Strd)
    .map((s) => text(node(s.CdtrRefInf)?.Ref))
    .find((r) => r !== null);
  return {
    debtorName: text(debtor?.Nm) ?? text(node(debtor?.Pty)?.Nm),
    debtorIban: text(node(node(parties?.DbtrAcct)?.Id)?.IBAN),
    remittance: strings(remittance?.Ustrd).join(' ').trim(),
    reference: structured ?? null,
  };
}

function amountOf(value: unknown, at: string): { amount: Decimal; currency: string } {
  const n = node(value);
  const raw = n ? text(n['#text']) : text(value);
  const currency = n ? text(n['@Ccy']) : null;
  if (!raw || !AMOUNT.test(raw)) throw new BankStatementParseError(`${at} is not an amount: '${raw ?? ''}'`);
  if (!currency || !/^[A-Z]{3}$/.test(currency)) throw new BankStatementParseError(`${at} has no currency (Ccy)`);
  return { amount: new Decimal(raw), currency };
}

function node(value: unknown): Node | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Node) : null;
}

function list(value: unknown): Node[] {
  const items: unknown[] = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return items.map(node).filter((n): n is Node => n !== null);
}

function strings(value: unknown): string[] {
  const items: unknown[] = Array.isArray(value) ? value : [value];
  return items.map(text).filter((t): t is string => t !== null);
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  return null;
}
