import { formatMoney } from '../../pricing/currency';
import type { Decimal } from '../../pricing/decimal';
import { TaxStatus } from '../customers/customer.entity';
import { addressLines, type Address } from '../customers/customer-address';
import type { SellerSettingsView } from '../settings/seller-settings.service';
import type { InvoiceFacts, InvoiceLineFacts } from './invoice-writer';

export interface CustomerForPrint {
  name: string;
  email: string;
  taxStatus: TaxStatus;
  taxRate: Decimal | null;
  billingAddress?: Address | null;
  vatId?: string | null;
}

/** What the page reads of the invoice shape (invoice-writer.ts): its stored fields, as they are. */
type PrintedFields =
  | 'id'
  | 'number'
  | 'status'
  | 'currency'
  | 'periodStart'
  | 'periodEnd'
  | 'subtotal'
  | 'tax'
  | 'total'
  | 'amountCredited'
  | 'amountDue'
  | 'amountPaid'
  | 'notes'
  | 'createdAt'
  | 'finalizedAt'
  | 'dueAt'
  | 'voidedAt';

export interface InvoiceDocumentInput {
  invoice: Pick<InvoiceFacts, PrintedFields>;
  lines: readonly Pick<InvoiceLineFacts, 'description' | 'quantity' | 'amount' | 'tax' | 'periodStart' | 'periodEnd'>[];
  customer: CustomerForPrint;
  seller: SellerSettingsView;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every value reaches the page through this: names, notes and descriptions are client input. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

function day(at: Date | null): string {
  return at ? at.toISOString().slice(0, 10) : '–';
}

function period(start: Date | null, end: Date | null): string {
  return start && end ? `${day(start)} – ${day(end)}` : '';
}

const TAX_STATUS: Record<TaxStatus, string> = {
  [TaxStatus.TAXABLE]: 'Taxable',
  [TaxStatus.EXEMPT]: 'Tax exempt',
  [TaxStatus.REVERSE_CHARGE]: 'Reverse charge: VAT to be accounted for by the recipient',
};

/** A file name from the number: letters, digits, `-`, `_` and `.` only, so no header can be forged. */
export function invoiceFileName(invoice: Pick<InvoiceFacts, 'id' | 'number'>): string {
  const base = invoice.number ?? `draft-${invoice.id}`;
  return `${base.replace(/[^A-Za-z0-9._-]/g, '_')}.html`;
}

// No external resources, no script: the page obeys `default-src 'none'; style-src 'unsafe-inline'`.
const STYLE = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; margin: 2rem auto; max-width: 52rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
header, .parties { display: flex; justify-content: space-between; gap: 2rem; flex-wrap: wrap; }
.parties { margin: 1.5rem 0; }
.parties section { flex: 1 1 16rem; }
h2 { font-size: .8rem; text-transform: uppercase; letter-spacing: .06em; color: #555; margin: 0 0 .3rem; }
p { margin: .1rem 0; }
dl { display: grid; grid-template-columns: auto auto; gap: .15rem 1rem; margin: 0; }
dt { color: #555; } dd { margin: 0; text-align: right; }
table { width: 100%; border-collapse: collapse; margin: 1rem 0; }
th, td { padding: .45rem .5rem; border-bottom: 1px solid #ddd; text-align: left; vertical-align: top; }
th { font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; color: #555; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.totals { margin-left: auto; width: 20rem; }
.totals th { text-transform: none; font-size: inherit; color: inherit; font-weight: normal; }
.totals tr.total td, .totals tr.total th, .totals tr.remaining td, .totals tr.remaining th { font-weight: 700; }
.status { display: inline-block; padding: .1rem .5rem; border: 1px solid currentColor; border-radius: .25rem; font-size: .8rem; font-weight: 600; }
.notes { color: #555; font-size: .9rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  @page { margin: 15mm; }
  tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;

/**
 * The invoice as a self-contained printable HTML page (the seller's and customer's details, dates,
 * lines and totals), every value escaped. Pure: the caller loads and authorizes.
 */
export function renderInvoiceHtml(input: InvoiceDocumentInput): string {
  const { invoice, lines, customer, seller } = input;
  const money = (d: Decimal) => `${escapeHtml(formatMoney(d, invoice.currency))}`;
  const title = invoice.number ? `Invoice ${invoice.number}` : 'Draft invoice';
  const para = (l: string) => `<p>${escapeHtml(l)}</p>`;
  // The structured address, when the seller has given one, replaces the free lines.
  const sellerLines = [
    seller.legalName && seller.legalName !== seller.name ? para(seller.legalName) : '',
    ...(seller.address ? addressLines(seller.address) : seller.addressLines).map(para),
    seller.email ? para(seller.email) : '',
    seller.vatId ? para(`VAT id: ${seller.vatId}`) : '',
    seller.taxId && seller.taxId !== seller.vatId ? para(`Tax id: ${seller.taxId}`) : '',
    seller.registrationNumber ? para(`Registration: ${seller.registrationNumber}`) : '',
  ].join('');
  const buyerLines = [
    ...(customer.billingAddress ? addressLines(customer.billingAddress) : []).map(para),
    para(customer.email),
    customer.vatId ? para(`VAT id: ${customer.vatId}`) : '',
  ].join('');
  const taxLine =
    customer.taxStatus === TaxStatus.TAXABLE && customer.taxRate
      ? `${TAX_STATUS[customer.taxStatus]} (${escapeHtml(customer.taxRate.toFixed())} %)`
      : TAX_STATUS[customer.taxStatus];
  const dates = [
    ['Issued', day(invoice.finalizedAt)],
    ['Due', day(invoice.dueAt)],
    ...(invoice.periodStart && invoice.periodEnd ? [['Period', period(invoice.periodStart, invoice.periodEnd)]] : []),
    ...(invoice.voidedAt ? [['Voided', day(invoice.voidedAt)]] : []),
  ];
  const rows = lines
    .map(
      (l) =>
        `<tr><td>${escapeHtml(l.description)}${l.periodStart && l.periodEnd ? `<br><small>${escapeHtml(period(l.periodStart, l.periodEnd))}</small>` : ''}</td>` +
        `<td class="num">${escapeHtml(l.quantity.toFixed())}</td><td class="num">${money(l.amount)}</td><td class="num">${money(l.tax)}</td></tr>`,
    )
    .join('\n');
  const remaining = invoice.amountDue.minus(invoice.amountPaid);
  const totals: [string, string, string?][] = [
    ['Subtotal', money(invoice.subtotal)],
    ['Tax', money(invoice.tax)],
    ['Total', money(invoice.total), 'total'],
    ...(invoice.amountCredited.isZero() ? [] : [['Credited', `−${money(invoice.amountCredited)}`] as [string, string]]),
    ...(invoice.amountPaid.isZero() ? [] : [['Paid', `−${money(invoice.amountPaid)}`] as [string, string]]),
    ['Amount remaining', money(remaining), 'remaining'],
  ];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · ${escapeHtml(seller.name)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
  <div>
    <h1>${escapeHtml(title)}</h1>
    <span class="status">${escapeHtml(invoice.status)}</span>
  </div>
  <dl>${dates.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>
</header>
<div class="parties">
  <section aria-label="From">
    <h2>From</h2>
    <p><strong>${escapeHtml(seller.name)}</strong></p>
    ${sellerLines}
  </section>
  <section aria-label="Bill to">
    <h2>Bill to</h2>
    <p><strong>${escapeHtml(customer.name)}</strong></p>
    ${buyerLines}
    <p>${escapeHtml(taxLine)}</p>
  </section>
</div>
<table>
  <caption class="notes">Amounts in ${escapeHtml(invoice.currency)}</caption>
  <thead><tr><th scope="col">Description</th><th scope="col" class="num">Quantity</th><th scope="col" class="num">Amount</th><th scope="col" class="num">Tax</th></tr></thead>
  <tbody>
${rows}
  </tbody>
</table>
<table class="totals">
  <tbody>
${totals.map(([k, v, cls]) => `<tr${cls ? ` class="${cls}"` : ''}><th scope="row">${escapeHtml(k)}</th><td class="num">${v} ${escapeHtml(invoice.currency)}</td></tr>`).join('\n')}
  </tbody>
</table>
${invoice.notes.length ? `<div class="notes">${invoice.notes.map((n) => `<p>${escapeHtml(n)}</p>`).join('')}</div>` : ''}
</body>
</html>
`;
}
