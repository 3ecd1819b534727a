import { escapeHtml } from '../shared/escape-html';
import type { PrintableDocument, PrintedParty } from './printable-document';

// No external resources, no script: served under `default-src 'none'; style-src 'unsafe-inline'`.
const STYLE = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; margin: 2rem auto; max-width: 52rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
header, .parties, .summary { display: flex; justify-content: space-between; gap: 2rem; flex-wrap: wrap; }
.parties { margin: 1.5rem 0; } .parties section, .summary section { flex: 1 1 16rem; }
h2 { font-size: .8rem; text-transform: uppercase; letter-spacing: .06em; color: #555; margin: 0 0 .3rem; }
p { margin: .1rem 0; }
dl { display: grid; grid-template-columns: auto auto; gap: .15rem 1rem; margin: 0; }
dt { color: #555; } dd { margin: 0; text-align: right; }
table { width: 100%; border-collapse: collapse; margin: 1rem 0; }
th, td { padding: .45rem .5rem; border-bottom: 1px solid #ddd; text-align: left; vertical-align: top; }
th { font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; color: #555; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.strong { font-weight: 700; } .notes { color: #555; font-size: .9rem; }
@media print { body { margin: 0; max-width: none; font-size: 11pt; } @page { margin: 15mm; } tr { break-inside: avoid; } }
`;

const para = (l: string) => `<p>${escapeHtml(l)}</p>`;

function party(heading: string, p: PrintedParty): string {
  const lines = [
    ...(p.legalName ? [p.legalName] : []),
    ...p.addressLines,
    ...(p.email ? [p.email] : []),
    ...(p.vatId ? [`VAT id: ${p.vatId}`] : []),
    ...(p.registrationNumber ? [`Registration: ${p.registrationNumber}`] : []),
  ];
  return `<section aria-label="${escapeHtml(heading)}"><h2>${escapeHtml(heading)}</h2><p><strong>${escapeHtml(p.name)}</strong></p>${lines.map(para).join('')}</section>`;
}

function definitions(rows: [string, string][]): string {
  return `<dl>${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`;
}

/** A printable document as a self-contained HTML page, every value escaped: the PDF's words, for a browser. */
export function renderDocumentHtml(d: PrintableDocument): string {
  const rows = d.lines
    .map(
      (l) =>
        `<tr><td>${escapeHtml(l.description)}${l.purchaseOrderNumber ? `<br><small>Purchase order ${escapeHtml(l.purchaseOrderNumber)}</small>` : ''}</td>` +
        `<td class="num">${escapeHtml(l.quantity)}</td><td class="num">${escapeHtml(l.unitPrice ?? '–')}</td>` +
        `<td class="num">${escapeHtml(l.vat)}</td><td class="num">${escapeHtml(l.amount ?? '–')}</td></tr>`,
    )
    .join('\n');
  const payment = d.payment
    ? `<section aria-label="Payment"><h2>Payment</h2>${para(d.payment.terms)}${definitions([
        ...(d.payment.iban ? [['IBAN', d.payment.iban] as [string, string]] : []),
        ...(d.payment.bic ? [['BIC', d.payment.bic] as [string, string]] : []),
        ['Account holder', d.seller.legalName ?? d.seller.name],
        ...(d.payment.reference ? [['Payment reference', d.payment.reference] as [string, string]] : []),
      ])}</section>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${d.title} ${d.number}`)} · ${escapeHtml(d.seller.name)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
  <div><h1>${escapeHtml(d.title)}</h1><p>${escapeHtml(`${d.number} · ${d.status}`)}</p></div>
  ${definitions(d.facts)}
</header>
<div class="parties">${party('From', d.seller)}${party('Bill to', d.buyer)}</div>
<table>
  <caption class="notes">Amounts in ${escapeHtml(d.currency)}</caption>
  <thead><tr><th scope="col">Description</th><th scope="col" class="num">Qty</th><th scope="col" class="num">Unit price</th><th scope="col" class="num">VAT</th><th scope="col" class="num">Amount</th></tr></thead>
  <tbody>
${rows}
  </tbody>
</table>
<div class="summary">
  <section aria-label="VAT breakdown"><h2>VAT breakdown</h2>${definitions(d.vat.map((g) => [g.label, `${g.tax} on ${g.taxable}`]))}</section>
  <section aria-label="Totals"><h2>Totals</h2><dl>${d.totals
    .map(
      ([k, v, strong]) =>
        `<dt${strong ? ' class="strong"' : ''}>${escapeHtml(k)}</dt><dd${strong ? ' class="strong"' : ''}>${escapeHtml(`${v} ${d.currency}`)}</dd>`,
    )
    .join('')}</dl></section>
</div>
${d.taxNote ? para(d.taxNote) : ''}
${payment}
${d.notes.length ? `<div class="notes">${d.notes.map(para).join('')}</div>` : ''}
</body>
</html>
`;
}
