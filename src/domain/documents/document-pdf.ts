import { epcQrPng } from './epc-qr';
import PDFDocument from 'pdfkit';
import { winAnsi } from './document-text';
import {
  creditNotePrintable,
  invoicePrintable,
  quotePrintable,
  type CreditNotePrintInput,
  type InvoicePrintInput,
  type PrintableDocument,
  type PrintedParty,
  type QuotePrintInput,
} from './printable-document';

const MARGIN = 50;
const PAGE_WIDTH = 595.28; // A4
const CONTENT = PAGE_WIDTH - 2 * MARGIN;
const GREY = '#555555';

type Doc = PDFKit.PDFDocument;

/** Columns of the lines table: x offset and width within the content box, and alignment. */
const COLUMNS: { title: string; x: number; width: number; align: 'left' | 'right' }[] = [
  { title: 'Description', x: 0, width: 225, align: 'left' },
  { title: 'Qty', x: 230, width: 40, align: 'right' },
  { title: 'Unit price', x: 275, width: 70, align: 'right' },
  { title: 'VAT', x: 350, width: 70, align: 'right' },
  { title: 'Amount', x: 425, width: CONTENT - 425, align: 'right' },
];

function text(doc: Doc, value: string, x: number, y: number, options: PDFKit.Mixins.TextOptions = {}): void {
  doc.text(winAnsi(value), x, y, { lineBreak: true, ...options });
}

function heightOf(doc: Doc, value: string, width: number): number {
  return doc.heightOfString(winAnsi(value), { width });
}

/** Starts a new page when `needed` points do not fit; returns the y to write at. */
function room(doc: Doc, y: number, needed: number): number {
  if (y + needed <= doc.page.height - MARGIN - 30) return y;
  doc.addPage();
  return MARGIN;
}

function partyLines(p: PrintedParty): string[] {
  return [
    ...(p.legalName ? [p.legalName] : []),
    ...p.addressLines,
    ...(p.email ? [p.email] : []),
    ...(p.vatId ? [`VAT id: ${p.vatId}`] : []),
    ...(p.registrationNumber ? [`Registration: ${p.registrationNumber}`] : []),
  ];
}

function party(doc: Doc, heading: string, p: PrintedParty, x: number, y: number, width: number): number {
  doc.font('Helvetica-Bold').fontSize(8).fillColor(GREY);
  text(doc, heading.toUpperCase(), x, y, { width });
  doc.font('Helvetica-Bold').fontSize(10).fillColor('black');
  text(doc, p.name, x, y + 12, { width });
  doc.font('Helvetica').fontSize(9);
  let at = y + 12 + heightOf(doc, p.name, width) + 2;
  for (const line of partyLines(p)) {
    text(doc, line, x, at, { width });
    at += heightOf(doc, line, width) + 1;
  }
  return at;
}

function labelled(doc: Doc, rows: [string, string][], x: number, y: number, width: number, boldLast = false): number {
  let at = y;
  rows.forEach(([label, value], i) => {
    const bold = boldLast && i === rows.length - 1;
    doc
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(9)
      .fillColor(bold ? 'black' : GREY);
    text(doc, label, x, at, { width: width / 2 });
    doc.fillColor('black');
    text(doc, value, x + width / 2, at, { width: width / 2, align: 'right' });
    at += Math.max(heightOf(doc, label, width / 2), heightOf(doc, value, width / 2)) + 3;
  });
  return at;
}

function lineTable(doc: Doc, d: PrintableDocument, y: number): number {
  const header = (at: number) => {
    doc.font('Helvetica-Bold').fontSize(8).fillColor(GREY);
    for (const c of COLUMNS) text(doc, c.title.toUpperCase(), MARGIN + c.x, at, { width: c.width, align: c.align });
    doc
      .moveTo(MARGIN, at + 12)
      .lineTo(MARGIN + CONTENT, at + 12)
      .strokeColor('#cccccc')
      .stroke();
    return at + 16;
  };
  let at = header(y);
  doc.fillColor('black');
  for (const line of d.lines) {
    const description = line.purchaseOrderNumber ? `${line.description}\nPurchase order ${line.purchaseOrderNumber}` : line.description;
    const cells = [description, line.quantity, line.unitPrice ?? '–', line.vat, line.amount ?? '–'];
    doc.font('Helvetica').fontSize(9);
    const height = Math.max(...cells.map((cell, i) => heightOf(doc, cell, COLUMNS[i].width))) + 6;
    const next = room(doc, at, height);
    if (next !== at) at = header(next);
    doc.font('Helvetica').fontSize(9).fillColor('black');
    cells.forEach((cell, i) => text(doc, cell, MARGIN + COLUMNS[i].x, at, { width: COLUMNS[i].width, align: COLUMNS[i].align }));
    at += height;
  }
  return at;
}

/**
 * Lays a printable document out on A4 pages with pdfkit's standard fonts (nothing to load, no
 * browser). Pure: the same document gives the same bytes (the creation date is its issue date).
 */
export async function renderDocumentPdf(d: PrintableDocument): Promise<Buffer> {
  const qr = d.payment?.epcQr ? await epcQrPng(d.payment.epcQr) : null;
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: {
      Title: winAnsi(`${d.title} ${d.number}`),
      Author: winAnsi(d.seller.legalName ?? d.seller.name),
      Subject: winAnsi(`${d.title} ${d.number} for ${d.buyer.name}`),
      CreationDate: d.issuedAt,
      ModDate: d.issuedAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  // Title, then the document's facts on the right.
  doc.font('Helvetica-Bold').fontSize(20).fillColor('black');
  text(doc, d.title, MARGIN, MARGIN, { width: CONTENT / 2 });
  doc.font('Helvetica').fontSize(10).fillColor(GREY);
  text(doc, `${d.number} · ${d.status}`, MARGIN, MARGIN + 26, { width: CONTENT / 2 });
  const factsEnd = labelled(doc, d.facts, MARGIN + CONTENT / 2 + 10, MARGIN, CONTENT / 2 - 10);

  const partiesTop = Math.max(factsEnd, MARGIN + 50) + 15;
  const half = CONTENT / 2 - 10;
  const partiesEnd = Math.max(
    party(doc, 'From', d.seller, MARGIN, partiesTop, half),
    party(doc, 'Bill to', d.buyer, MARGIN + CONTENT / 2 + 10, partiesTop, half),
  );

  doc.font('Helvetica').fontSize(8).fillColor(GREY);
  text(doc, `Amounts in ${d.currency}`, MARGIN, partiesEnd + 15, { width: CONTENT });
  let y = lineTable(doc, d, partiesEnd + 28) + 8;

  // VAT breakdown on the left, totals on the right.
  y = room(doc, y, 30 + 14 * Math.max(d.vat.length + 1, d.totals.length));
  const vatRows: [string, string][] = d.vat.map((g) => [g.label, `${g.tax} on ${g.taxable}`]);
  let vatEnd = y;
  if (vatRows.length) {
    doc.font('Helvetica-Bold').fontSize(8).fillColor(GREY);
    text(doc, 'VAT BREAKDOWN', MARGIN, y, { width: half });
    vatEnd = labelled(doc, vatRows, MARGIN, y + 12, half);
  }
  const totalsEnd = labelled(
    doc,
    d.totals.map(([label, amount]) => [label, `${amount} ${d.currency}`]),
    MARGIN + CONTENT / 2 + 10,
    y,
    half,
    d.totals.at(-1)?.[2] ?? false,
  );
  y = Math.max(vatEnd, totalsEnd) + 15;

  if (d.taxNote) {
    doc.font('Helvetica').fontSize(9).fillColor('black');
    y = room(doc, y, 20);
    text(doc, d.taxNote, MARGIN, y, { width: CONTENT });
    y += heightOf(doc, d.taxNote, CONTENT) + 8;
  }

  if (d.payment) {
    const rows: [string, string][] = [];
    if (d.payment.iban) rows.push(['IBAN', d.payment.iban]);
    if (d.payment.bic) rows.push(['BIC', d.payment.bic]);
    rows.push(['Account holder', d.seller.legalName ?? d.seller.name]);
    if (d.payment.reference) rows.push(['Payment reference', d.payment.reference]);
    y = room(doc, y, 40 + rows.length * 14);
    doc.font('Helvetica-Bold').fontSize(8).fillColor(GREY);
    text(doc, 'PAYMENT', MARGIN, y, { width: CONTENT });
    doc.font('Helvetica').fontSize(9).fillColor('black');
    text(doc, d.payment.terms, MARGIN, y + 12, { width: CONTENT });
    const top = y;
    y = labelled(doc, rows, MARGIN, y + 14 + heightOf(doc, d.payment.terms, CONTENT), half) + 8;
    if (qr) {
      // Beside the bank details: scanned by a banking app, it fills in IBAN, amount and reference.
      const size = 84;
      doc.image(qr, MARGIN + CONTENT - size, top + 12, { width: size, height: size });
      doc.font('Helvetica').fontSize(7).fillColor(GREY);
      text(doc, 'Scan to pay (EPC QR)', MARGIN + CONTENT - size, top + 14 + size, { width: size, align: 'center' });
      y = Math.max(y, top + size + 28);
    }
  }

  for (const note of d.notes) {
    doc.font('Helvetica').fontSize(9).fillColor(GREY);
    y = room(doc, y, heightOf(doc, note, CONTENT) + 4);
    text(doc, note, MARGIN, y, { width: CONTENT });
    y += heightOf(doc, note, CONTENT) + 4;
  }

  doc.end();
  return done;
}

/** An invoice's PDF, from its loaded data (DocumentService loads and authorizes). */
export function renderInvoicePdf(input: InvoicePrintInput): Promise<Buffer> {
  return renderDocumentPdf(invoicePrintable(input));
}

export function renderCreditNotePdf(input: CreditNotePrintInput): Promise<Buffer> {
  return renderDocumentPdf(creditNotePrintable(input));
}

export function renderQuotePdf(input: QuotePrintInput): Promise<Buffer> {
  return renderDocumentPdf(quotePrintable(input));
}
