import { formatMoney } from '../../pricing/currency';
import type { Decimal } from '../../pricing/decimal';
import { InvoiceLineKind } from '../invoices/invoice-line.entity';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "1 Dec 2026", in UTC like every instant Tariff stores: the same day whichever server prints it. */
export function printDate(at: Date): string {
  return `${at.getUTCDate()} ${MONTHS[at.getUTCMonth()]} ${at.getUTCFullYear()}`;
}

/**
 * Tariff's periods are half-open [start, end); a reader expects the last day included, so a month
 * billed from 1 Dec to 1 Jan reads "1 Dec 2026 – 31 Dec 2026".
 */
export function printPeriod(start: Date, end: Date): string {
  const last = new Date(end.getTime() - 1);
  return `${printDate(start)} – ${printDate(last < start ? start : last)}`;
}

/** An amount with its currency's decimals, from the Decimal (never through a JS number). */
export function printMoney(amount: Decimal, currency: string): string {
  return formatMoney(amount, currency);
}

/** What the wording of a line reads of the stored line. */
export interface LineForWords {
  kind: InvoiceLineKind | null;
  description: string;
  priceCode: string | null;
  quantity: Decimal;
  /** Null on a DRAFT quote's line (not priced yet). */
  amount: Decimal | null;
  periodStart: Date | null;
  periodEnd: Date | null;
}

// What the engine wrote (invoice-draft.ts, subscription-pricing.ts) where a product's name belongs.
const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g;
const GENERATED = /(Unused time on |Remaining time on )?(\d[\d.]*) × (\S+)( \(.*\))?$/;

/**
 * A line in words: the product's name and the period as dates ("Platform base, 1 Dec 2026 –
 * 31 Dec 2026"), where the stored description names a price code and ISO instants. Whatever
 * precedes the generated part (a consolidated invoice's "Berlin office: ") is kept; descriptions
 * written by people (coupons, adjustments, late usage) are printed as they are, with the period.
 */
export function lineInWords(line: LineForWords, productName: string | null): string {
  const period = line.periodStart && line.periodEnd ? printPeriod(line.periodStart, line.periodEnd) : null;
  const match = line.priceCode ? GENERATED.exec(line.description) : null;
  if (!match || match[3] !== line.priceCode) {
    const worded = line.description.replace(ISO_INSTANT, (iso) => printDate(new Date(iso)));
    return period && worded === line.description ? `${worded}, ${period}` : worded;
  }
  const prefix = line.description.slice(0, match.index);
  const name = productName ?? line.priceCode!;
  const what =
    line.kind === InvoiceLineKind.PRORATION || match[1]
      ? `${line.amount?.isNegative() ? 'Unused time on' : 'Remaining time on'} ${name}`
      : name;
  return `${prefix}${what}${period ? `, ${period}` : ''}`;
}

// The 14 standard PDF fonts speak WinAnsi (Latin-1 and a few more): anything else would print as noise.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Text a standard PDF font can draw: characters outside WinAnsi become "?", arrows "->". */
export function winAnsi(text: string): string {
  let out = '';
  for (const ch of text.replace(/→/g, '->').replace(/−/g, '-')) {
    const code = ch.codePointAt(0)!;
    out += (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch) ? ch : '?';
  }
  return out;
}
