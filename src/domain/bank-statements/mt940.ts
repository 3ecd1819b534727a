import { Parser } from 'mt940js';
import { Decimal } from '../../pricing/decimal';
import { BankStatementParseError, ParsedBankStatement } from './bank-statement-format';

/*
 * SWIFT MT940 through mt940js. Its amounts are JS numbers, so each amount is read again, exactly,
 * from the raw :61: line the parser keeps (withTags): money is never a float (PRICING.md).
 * The structured reference and the debtor come from :86: when the bank structures it (?20…?29
 * remittance, ?32/?33 name, ?31 account, as German banks write it; subfields joined by a space, so a
 * reference typed in groups still reads), else :86: is the remittance.
 */

interface Mt940Tag {
  id: number | string;
  data: string;
}

interface Mt940Transaction {
  currency: string;
  date: Date;
  entryDate?: Date | string;
  details: string;
  reference: string;
  bankReference: string;
  structuredDetails?: Record<string, string>;
}

interface Mt940Statement {
  transactionReference: string;
  accountIdentification: string;
  number: { statement: string; sequence?: string };
  currency: string;
  transactions: Mt940Transaction[];
  tags: Mt940Tag[];
}

// Date, entry date, the mark (C, D, RC, RD), funds code, amount.
const LINE = /^\d{6}(?:\d{4})?(R?[DC])[A-Z]?([0-9,]{1,16})/;

export function parseMt940(content: string): ParsedBankStatement[] {
  let statements: Mt940Statement[];
  try {
    statements = new Parser().parse(content.replace(/\r\n?/g, '\n'), true) as Mt940Statement[];
  } catch (err) {
    throw new BankStatementParseError(err instanceof Error ? err.message : String(err));
  }
  if (statements.length === 0) throw new BankStatementParseError('no MT940 statement found (expected :20:, :25:, :28C:, :60F:, :62F:)');
  return statements.map((s) => {
    const lines = s.tags.filter((t) => String(t.id) === '61');
    if (lines.length !== s.transactions.length)
      throw new BankStatementParseError(`statement ${s.number.statement}: :61: lines do not match transactions`);
    const statementId = `${s.accountIdentification}:${s.transactionReference}:${s.number.statement}${s.number.sequence ? `/${s.number.sequence}` : ''}`;
    return {
      statementId,
      entries: s.transactions.map((t, i) => {
        const [, mark, raw] = LINE.exec(lines[i].data) ?? [];
        if (!raw || !/^\d+(,\d*)?$/.test(raw)) throw new BankStatementParseError(`:61: line ${i + 1} has no amount`);
        const amount = new Decimal(raw.replace(',', '.').replace(/\.$/, ''));
        const structured = t.structuredDetails ?? {};
        const remittance = structured['20'] !== undefined ? joinSubfields(structured, 20, 29) : t.details.replace(/\n/g, ' ');
        const name = joinSubfields(structured, 32, 33);
        return {
          entryRef: t.bankReference && t.bankReference !== 'NONREF' ? t.bankReference : `#${i}`,
          amount,
          currency: t.currency || s.currency,
          // Only money received pays: a reversal (RC, RD) corrects the bank's own booking.
          credit: mark === 'C',
          bookingDate: t.date,
          debtorName: name || null,
          debtorIban: structured['31']?.trim() || null,
          remittance: remittance.trim(),
          reference: null,
        };
      }),
    };
  });
}

function joinSubfields(fields: Record<string, string>, from: number, to: number): string {
  const parts: string[] = [];
  for (let k = from; k <= to; k++) if (fields[String(k)] !== undefined) parts.push(fields[String(k)].trim());
  return parts.join(' ').trim();
}
