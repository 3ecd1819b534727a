import { formatMoney } from '../../pricing/currency';
import { ACCOUNT_ROLES, type ChartOfAccounts } from './chart-of-accounts';
import type { JournalEntry } from './journal';

export const EXPORT_FORMATS = ['hledger', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** hledger reads ';' as a comment and a line break as the end of the description. */
const plain = (text: string) =>
  text
    .replace(/[;\r\n\t]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
const day = (at: Date) => at.toISOString().slice(0, 10);

/**
 * An hledger journal (hledger.org/journal.html): the chart's accounts declared with their numbers,
 * then one transaction per entry, dated by its UTC day, its id in a tag so that an import can
 * tell entries apart, amounts with the currency code after them ("428.40 EUR").
 */
export function toHledger(entries: readonly JournalEntry[], chart: ChartOfAccounts, range: { from: Date; to: Date }): string {
  const out: string[] = [`; Tariff general ledger, ${range.from.toISOString()} to ${range.to.toISOString()} (docs/general-ledger.md)`, ''];
  for (const role of ACCOUNT_ROLES) out.push(`account ${chart[role].name}  ; number:${chart[role].number}, role:${role}`);
  for (const e of entries) {
    out.push(
      '',
      `${day(e.date)} ${plain(e.description)}  ; id:${e.id}, source:${e.source.type}${e.source.id ? `, document:${e.source.id}` : ''}`,
    );
    const width = Math.max(...e.postings.map((p) => p.account.name.length));
    for (const p of e.postings) out.push(`    ${p.account.name.padEnd(width)}  ${formatMoney(p.amount, e.currency)} ${e.currency}`);
  }
  return `${out.join('\n')}\n`;
}

const CSV_HEADER = [
  'entry_id',
  'date',
  'description',
  'source_type',
  'source_id',
  'document_number',
  'account_number',
  'account_name',
  'debit',
  'credit',
  'currency',
];

function csvField(value: string): string {
  // A leading = + - @ would be a formula in a spreadsheet: quoted with a ' in front (OWASP CSV injection).
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One row per posting (RFC 4180), debit and credit in separate columns, as ERP journal imports take them. */
export function toCsv(entries: readonly JournalEntry[]): string {
  const rows = [CSV_HEADER.join(',')];
  for (const e of entries)
    for (const p of e.postings) {
      const debit = p.amount.isPositive() ? formatMoney(p.amount, e.currency) : '';
      const credit = p.amount.isNegative() ? formatMoney(p.amount.negated(), e.currency) : '';
      rows.push(
        [
          e.id,
          day(e.date),
          e.description,
          e.source.type,
          e.source.id ?? '',
          e.source.number ?? '',
          p.account.number,
          p.account.name,
          debit,
          credit,
          e.currency,
        ]
          .map(csvField)
          .join(','),
      );
    }
  return `${rows.join('\r\n')}\r\n`;
}
