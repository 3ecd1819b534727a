import { epcQrPayload } from './epc-qr';
import { minorUnits } from '../../pricing/currency';
import { Decimal, ZERO } from '../../pricing/decimal';
import { addressLines, type Address } from '../customers/customer-address';
import { TaxStatus } from '../customers/customer.entity';
import { taxCategoryOf, type LineTaxCategory, type VatCategory } from '../customers/customer-tax';
import type { InvoiceLineKind } from '../invoices/invoice-line.entity';
import type { InvoiceFacts } from '../invoices/invoice-writer';
import { CollectionMethod } from '../subscriptions/subscription.entity';
import type { SellerSettingsView } from '../settings/seller-settings.service';
import { lineInWords, printDate, printMoney, printPeriod } from './document-text';

export type DocumentKind = 'INVOICE' | 'CREDIT_NOTE' | 'QUOTE';

/** A party as printed: every legal detail a finance department looks for. */
export interface PrintedParty {
  name: string;
  /** The registered name, when it differs from the name. */
  legalName: string | null;
  addressLines: string[];
  email: string | null;
  vatId: string | null;
  registrationNumber: string | null;
}

export interface PrintedLine {
  description: string;
  /** Separate when the line was bought under another order than the document's (consolidated invoices). */
  purchaseOrderNumber: string | null;
  quantity: string;
  /** Null while a quote is a DRAFT (nothing priced yet). */
  unitPrice: string | null;
  amount: string | null;
  vat: string;
}

export interface PrintedVatGroup {
  label: string;
  taxable: string;
  tax: string;
}

/**
 * A document as printed, every value already text: the PDF and HTML renderers only lay it out.
 * Amounts are the stored Decimals formatted, never recomputed, so the totals are the document's own.
 */
export interface PrintableDocument {
  kind: DocumentKind;
  title: string;
  number: string;
  status: string;
  currency: string;
  /** Label and value, in print order: dates, the purchase order, the period… */
  facts: [string, string][];
  seller: PrintedParty;
  buyer: PrintedParty;
  lines: PrintedLine[];
  vat: PrintedVatGroup[];
  /** Label, amount text, and whether it is the bottom line. */
  totals: [string, string, boolean][];
  /** Bank details and the reference to quote; the terms in words. */
  payment: { terms: string; iban: string | null; bic: string | null; reference: string | null; epcQr?: string | null } | null;
  /** A legal mention the tax treatment needs (reverse charge, exemption). */
  taxNote: string | null;
  notes: string[];
  /** Instant the document was issued: the PDF's creation date, so the same document gives the same bytes. */
  issuedAt: Date;
}

/** What the documents read of a customer. */
export interface CustomerForDocument {
  name: string;
  email: string;
  taxStatus: TaxStatus;
  taxRate: Decimal | null;
  billingAddress: Address | null;
  vatId: string | null;
  paymentTermsDays: number;
  paymentTermsEndOfMonth: boolean;
}

/** A stored line and what it needs to be printed in words. */
export interface LineForPrint {
  kind: InvoiceLineKind | null;
  description: string;
  priceCode: string | null;
  /** The product's name, when the line has a price. */
  productName: string | null;
  quantity: Decimal;
  amount: Decimal | null;
  tax: Decimal | null;
  periodStart: Date | null;
  periodEnd: Date | null;
  purchaseOrderNumber: string | null;
  /** The tax treatment of who consumed it (a group member's own on a consolidated invoice); absent, the buyer's. */
  consumer?: Pick<CustomerForDocument, 'taxStatus' | 'taxRate'>;
  /** The VAT category and rate the line stored when it was made; it decides when it is not its consumer's (an order taxed by ship-to). */
  taxCategory?: VatCategory | null;
  taxRate?: Decimal | null;
}

export function sellerParty(seller: SellerSettingsView): PrintedParty {
  return {
    name: seller.name,
    legalName: seller.legalName && seller.legalName !== seller.name ? seller.legalName : null,
    addressLines: seller.address ? addressLines(seller.address) : seller.addressLines,
    email: seller.email,
    // Before the structured VAT id existed, the seller's tax number was its one identifier.
    vatId: seller.vatId ?? seller.taxId,
    registrationNumber: seller.registrationNumber,
  };
}

export function buyerParty(customer: CustomerForDocument): PrintedParty {
  return {
    name: customer.name,
    legalName: null,
    addressLines: customer.billingAddress ? addressLines(customer.billingAddress) : [],
    email: customer.email,
    vatId: customer.vatId,
    registrationNumber: null,
  };
}

/** The VAT group of a line: its consumer's treatment now (lines do not store their rate; e-invoice-facts.ts does the same). */
function vatLabel(c: Pick<CustomerForDocument, 'taxStatus' | 'taxRate'>): string {
  switch (c.taxStatus) {
    case TaxStatus.REVERSE_CHARGE:
      return 'Reverse charge';
    case TaxStatus.EXEMPT:
      return 'Exempt';
    case TaxStatus.TAXABLE:
      return `VAT ${(c.taxRate ?? ZERO).toFixed()} %`;
  }
}

function taxNote(buyer: Pick<CustomerForDocument, 'taxStatus'>): string | null {
  if (buyer.taxStatus === TaxStatus.REVERSE_CHARGE)
    return 'Reverse charge: VAT to be accounted for by the recipient (Art. 196 VAT Directive).';
  if (buyer.taxStatus === TaxStatus.EXEMPT) return 'Exempt from VAT.';
  return null;
}

/** The price of one unit, exact: at the currency's decimals when it has no more, else up to 6. */
function unitPrice(amount: Decimal, quantity: Decimal, currency: string): string {
  if (quantity.isZero()) return printMoney(amount, currency);
  const unit = amount.div(quantity);
  return unit.decimalPlaces() <= minorUnits(currency) ? printMoney(unit, currency) : unit.toDecimalPlaces(6).toFixed();
}

/**
 * The line's stored category when it is not the one its consumer's treatment gives (the line was
 * taxed otherwise: an order taxed by its ship-to location, orders/order-tax.ts); else null, and the
 * consumer's treatment labels it as it always did.
 */
function storedOverride(l: LineForPrint, buyer: CustomerForDocument): LineTaxCategory | null {
  if (!l.taxCategory) return null;
  const own = taxCategoryOf(l.consumer ?? buyer);
  const rate = l.taxRate ?? ZERO;
  return own.taxCategory === l.taxCategory && own.taxRate.eq(rate) ? null : { taxCategory: l.taxCategory, taxRate: rate };
}

function categoryLabel(c: LineTaxCategory): string {
  if (c.taxCategory === 'AE') return 'Reverse charge';
  if (c.taxCategory === 'E') return 'Exempt';
  return `VAT ${c.taxRate.toFixed()} %`;
}

/** The mention of a document whose lines were taxed otherwise than its buyer: by what its lines are. */
function noteOfCategories(categories: ReadonlySet<VatCategory>): string | null {
  if (categories.has('AE')) return taxNote({ taxStatus: TaxStatus.REVERSE_CHARGE });
  if (categories.has('E') && categories.size === 1) return taxNote({ taxStatus: TaxStatus.EXEMPT });
  return null;
}

function printLines(
  lines: readonly LineForPrint[],
  buyer: CustomerForDocument,
  currency: string,
  documentPo: string | null,
): { lines: PrintedLine[]; vat: PrintedVatGroup[]; taxNote: string | null } {
  const groups = new Map<string, { taxable: Decimal; tax: Decimal }>();
  const categories = new Set<VatCategory>();
  let overridden = false;
  const printed = lines.map((l): PrintedLine => {
    const stored = storedOverride(l, buyer);
    overridden ||= stored !== null;
    categories.add((stored ?? taxCategoryOf(l.consumer ?? buyer)).taxCategory);
    const vat = stored ? categoryLabel(stored) : vatLabel(l.consumer ?? buyer);
    if (l.amount) {
      const group = groups.get(vat) ?? { taxable: ZERO, tax: ZERO };
      groups.set(vat, { taxable: group.taxable.plus(l.amount), tax: group.tax.plus(l.tax ?? ZERO) });
    }
    return {
      description: lineInWords(l, l.productName),
      purchaseOrderNumber: l.purchaseOrderNumber && l.purchaseOrderNumber !== documentPo ? l.purchaseOrderNumber : null,
      quantity: l.quantity.toFixed(),
      unitPrice: l.amount ? unitPrice(l.amount, l.quantity, currency) : null,
      amount: l.amount ? printMoney(l.amount, currency) : null,
      vat,
    };
  });
  const vat = [...groups].map(([label, g]) => ({ label, taxable: printMoney(g.taxable, currency), tax: printMoney(g.tax, currency) }));
  return { lines: printed, vat, taxNote: overridden ? noteOfCategories(categories) : taxNote(buyer) };
}

function termsInWords(c: Pick<CustomerForDocument, 'paymentTermsDays' | 'paymentTermsEndOfMonth'>): string {
  const days = c.paymentTermsDays === 0 ? 'due on receipt' : `net ${c.paymentTermsDays} days`;
  return c.paymentTermsEndOfMonth ? `${days}, end of month` : days;
}

export interface InvoicePrintInput {
  invoice: Pick<
    InvoiceFacts,
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
    | 'purchaseOrderNumber'
    | 'collectionMethod'
  > & {
    /** The reference to quote on a transfer, when the invoice has one of its own; else its number. */
    paymentReference?: string | null;
  };
  lines: readonly LineForPrint[];
  customer: CustomerForDocument;
  seller: SellerSettingsView;
}

export function invoicePrintable(input: InvoicePrintInput): PrintableDocument {
  const { invoice, customer, seller } = input;
  const c = invoice.currency;
  const number = invoice.number ?? 'DRAFT';
  const { lines, vat, taxNote: mention } = printLines(input.lines, customer, c, invoice.purchaseOrderNumber);
  const facts: [string, string][] = [
    ['Invoice number', number],
    ['Invoice date', invoice.finalizedAt ? printDate(invoice.finalizedAt) : 'not issued yet'],
    ['Due date', invoice.dueAt ? printDate(invoice.dueAt) : invoice.finalizedAt ? 'on receipt' : 'set when issued'],
  ];
  if (invoice.purchaseOrderNumber) facts.push(['Purchase order', invoice.purchaseOrderNumber]);
  if (invoice.periodStart && invoice.periodEnd) facts.push(['Service period', printPeriod(invoice.periodStart, invoice.periodEnd)]);
  const remaining = invoice.amountDue.minus(invoice.amountPaid);
  const totals: [string, string, boolean][] = [
    ['Subtotal (net)', printMoney(invoice.subtotal, c), false],
    ['VAT', printMoney(invoice.tax, c), false],
    ['Total', printMoney(invoice.total, c), false],
  ];
  if (!invoice.amountCredited.isZero()) totals.push(['Credited', `-${printMoney(invoice.amountCredited, c)}`, false]);
  if (!invoice.amountPaid.isZero()) totals.push(['Paid', `-${printMoney(invoice.amountPaid, c)}`, false]);
  totals.push(['Amount due', printMoney(remaining, c), true]);
  const due = invoice.dueAt ? `by ${printDate(invoice.dueAt)}` : 'on receipt';
  const reference = invoice.paymentReference ?? invoice.number;
  return {
    kind: 'INVOICE',
    title: invoice.number ? 'Invoice' : 'Draft invoice',
    number,
    status: invoice.status,
    currency: c,
    facts,
    seller: sellerParty(seller),
    buyer: buyerParty(customer),
    lines,
    vat,
    totals,
    payment: {
      terms:
        invoice.collectionMethod === CollectionMethod.CHARGE_AUTOMATICALLY
          ? `Charged to the payment method on file ${due}; otherwise payable by bank transfer ${due} (${termsInWords(customer)}).`
          : `Payable by bank transfer ${due} (${termsInWords(customer)}).`,
      iban: seller.iban,
      bic: seller.bic,
      reference,
      // Only for what is still to pay on an issued invoice: a draft's reference changes at finalization.
      epcQr:
        invoice.number && seller.iban
          ? epcQrPayload({
              name: seller.legalName ?? seller.name,
              iban: seller.iban,
              bic: seller.bic,
              currency: c,
              amount: remaining,
              reference,
              text: invoice.number,
            })
          : null,
    },
    taxNote: mention,
    notes: [...invoice.notes],
    issuedAt: invoice.finalizedAt ?? invoice.createdAt,
  };
}

export interface CreditNotePrintInput {
  note: { number: string; currency: string; reason: string | null; subtotal: Decimal; tax: Decimal; total: Decimal; createdAt: Date };
  invoice: Pick<InvoiceFacts, 'id' | 'number' | 'finalizedAt' | 'dueAt' | 'purchaseOrderNumber'>;
  lines: readonly LineForPrint[];
  customer: CustomerForDocument;
  seller: SellerSettingsView;
}

export function creditNotePrintable(input: CreditNotePrintInput): PrintableDocument {
  const { note, invoice, customer, seller } = input;
  const c = note.currency;
  const { lines, vat, taxNote: mention } = printLines(input.lines, customer, c, invoice.purchaseOrderNumber);
  const corrected = invoice.number ?? invoice.id;
  const facts: [string, string][] = [
    ['Credit note number', note.number],
    ['Date', printDate(note.createdAt)],
    ['Credits invoice', corrected],
  ];
  if (invoice.finalizedAt) facts.push(['Invoice date', printDate(invoice.finalizedAt)]);
  if (invoice.dueAt) facts.push(['Invoice due date', printDate(invoice.dueAt)]);
  if (invoice.purchaseOrderNumber) facts.push(['Purchase order', invoice.purchaseOrderNumber]);
  return {
    kind: 'CREDIT_NOTE',
    title: 'Credit note',
    number: note.number,
    status: 'ISSUED',
    currency: c,
    facts,
    seller: sellerParty(seller),
    buyer: buyerParty(customer),
    lines,
    vat,
    totals: [
      ['Subtotal (net)', printMoney(note.subtotal, c), false],
      ['VAT', printMoney(note.tax, c), false],
      ['Total credited', printMoney(note.total, c), true],
    ],
    payment: {
      terms: `Offset against invoice ${corrected}, or refunded to you. Nothing to pay.`,
      iban: seller.iban,
      bic: seller.bic,
      reference: note.number,
    },
    taxNote: mention,
    notes: note.reason ? [note.reason] : [],
    issuedAt: note.createdAt,
  };
}

export interface QuotePrintInput {
  quote: {
    number: string;
    status: string;
    currency: string;
    validUntil: Date | null;
    purchaseOrderNumber: string | null;
    subtotal: Decimal | null;
    tax: Decimal | null;
    total: Decimal | null;
    discountAmount: Decimal | null;
    discountTax: Decimal | null;
    notes: readonly string[] | null;
    createdAt: Date;
    sentAt: Date | null;
    collectionMethod: CollectionMethod | null;
  };
  lines: readonly LineForPrint[];
  customer: CustomerForDocument;
  seller: SellerSettingsView;
}

export function quotePrintable(input: QuotePrintInput): PrintableDocument {
  const { quote, customer, seller } = input;
  const c = quote.currency;
  const discount: LineForPrint[] =
    quote.discountAmount && !quote.discountAmount.isZero()
      ? [
          {
            kind: null,
            description: 'Discount',
            priceCode: null,
            productName: null,
            quantity: new Decimal(1),
            amount: quote.discountAmount,
            tax: quote.discountTax,
            periodStart: null,
            periodEnd: null,
            purchaseOrderNumber: null,
          },
        ]
      : [];
  const { lines, vat, taxNote: mention } = printLines([...input.lines, ...discount], customer, c, quote.purchaseOrderNumber);
  const facts: [string, string][] = [
    ['Quote number', quote.number],
    ['Date', printDate(quote.sentAt ?? quote.createdAt)],
    ['Valid until', quote.validUntil ? printDate(quote.validUntil) : 'until withdrawn'],
    ['Payment terms', termsInWords(customer)],
  ];
  if (quote.purchaseOrderNumber) facts.push(['Purchase order', quote.purchaseOrderNumber]);
  const totals: [string, string, boolean][] =
    quote.subtotal && quote.tax && quote.total
      ? [
          ['Subtotal (net)', printMoney(quote.subtotal, c), false],
          ['VAT', printMoney(quote.tax, c), false],
          ['Total', printMoney(quote.total, c), true],
        ]
      : [];
  const notes = [...(quote.notes ?? [])];
  if (!quote.subtotal) notes.unshift('Draft: prices are fixed when the quote is sent.');
  return {
    kind: 'QUOTE',
    title: 'Quote',
    number: quote.number,
    status: quote.status,
    currency: c,
    facts,
    seller: sellerParty(seller),
    buyer: buyerParty(customer),
    lines,
    vat,
    totals,
    payment: {
      terms: `Invoices for this quote are payable by bank transfer, ${termsInWords(customer)}.`,
      iban: seller.iban,
      bic: seller.bic,
      reference: null,
    },
    taxNote: mention,
    notes,
    issuedAt: quote.sentAt ?? quote.createdAt,
  };
}
