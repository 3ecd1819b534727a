import { minorUnits } from '../../pricing/currency';
import { Decimal, HUNDRED, ZERO } from '../../pricing/decimal';
import type { Address } from '../customers/address';
import { TaxStatus } from '../customers/customer.entity';
import { ConflictError } from '../errors';
import type { InvoiceFacts, InvoiceLineFacts } from '../invoices/invoice-writer';
import { invoicePaymentReference } from '../payments/payment-reference';
import type { SellerSettingsView } from '../settings/seller-settings.service';
import type { EInvoice, EInvoiceLine, EInvoiceParty, EInvoiceSpecification, VatCategory } from './e-invoice';
import { eInvoiceTotals, isoDate } from './e-invoice';
import { BUYER_DATA_INCOMPLETE, SELLER_IDENTITY_INCOMPLETE } from './e-invoice-readiness';

/** What the document reads of a customer: the buyer, or the consumer whose tax treatment a line had. */
export interface CustomerForEInvoice {
  id: string;
  name: string;
  email: string;
  taxStatus: TaxStatus;
  taxRate: Decimal | null;
  billingAddress: Address | null;
  vatId: string | null;
}

/**
 * THE place the purchase order number (BT-13) is read from the invoice: the number it was issued
 * under (docs/purchase-orders.md), null when none, or when a consolidated invoice's lines are under
 * several (each line keeps its own; EN 16931 has one order reference per document).
 */
export function purchaseOrderOf(invoice: Pick<InvoiceFacts, 'purchaseOrderNumber'>): string | null {
  return invoice.purchaseOrderNumber;
}

/**
 * BT-13 and the lines' order references. EN 16931 has one BT-13 per document: the invoice's
 * number, or the lines' when they all share one; when they are under several (a consolidated
 * invoice of subscriptions with different orders), no BT-13 and each line names its own
 * (`orderReference`: UBL OrderLineReference, CII line BuyerOrderReferencedDocument).
 */
export function orderReferences(
  documentNumber: string | null,
  lineNumbers: readonly (string | null)[],
): { document: string | null; lines: (string | null)[] } {
  const distinct = new Set(lineNumbers);
  const shared = distinct.size === 1 ? [...distinct][0] : null;
  const document = documentNumber ?? shared;
  return { document, lines: lineNumbers.map((n) => (document ? null : n)) };
}

function missing(field: string, what: string): ConflictError {
  const [scope, name] = field.split('.');
  const details =
    scope === 'settings'
      ? { reason: SELLER_IDENTITY_INCOMPLETE, setting: name }
      : scope === 'customer'
        ? { reason: BUYER_DATA_INCOMPLETE }
        : {};
  return new ConflictError(`an EN 16931 e-invoice needs ${what}: set ${field}`, { field, details });
}

/** The seller (BG-4): its registered name (the trading name when none), address and VAT id are required. */
export function sellerParty(seller: SellerSettingsView): EInvoiceParty {
  if (!seller.address) throw missing('settings.address', "the seller's postal address (BG-5)");
  if (!seller.vatId) throw missing('settings.vatId', "the seller's VAT identifier (BT-31)");
  const legalName = seller.legalName ?? seller.name;
  return {
    legalName,
    tradingName: seller.name !== legalName ? seller.name : null,
    address: seller.address,
    vatId: seller.vatId,
    registrationNumber: seller.registrationNumber,
    email: seller.email,
  };
}

/** The buyer (BG-7): the invoice's customer, its payer on a consolidated invoice. BR-10 wants its postal address. */
export function buyerParty(customer: CustomerForEInvoice): EInvoiceParty {
  if (!customer.billingAddress) throw missing('customer.billingAddress', "the buyer's postal address (BG-8)");
  return {
    legalName: customer.name,
    tradingName: null,
    address: customer.billingAddress,
    vatId: customer.vatId,
    registrationNumber: null,
    email: customer.email,
  };
}

/** The VAT category of a line, from the tax treatment of the customer who consumed it (a group member's own). */
export function vatCategoryOf(consumer: CustomerForEInvoice, buyer: CustomerForEInvoice): { category: VatCategory; rate: Decimal } {
  switch (consumer.taxStatus) {
    case TaxStatus.REVERSE_CHARGE:
      // BR-AE-02: reverse charge names the buyer's VAT id; a document without it cannot be valid.
      if (!buyer.vatId) throw missing('customer.vatId', "the buyer's VAT identifier (BT-48) under reverse charge");
      return { category: 'AE', rate: ZERO };
    case TaxStatus.EXEMPT:
      return { category: 'E', rate: ZERO };
    case TaxStatus.TAXABLE: {
      const rate = consumer.taxRate ?? ZERO;
      return rate.isZero() ? { category: 'Z', rate: ZERO } : { category: 'S', rate };
    }
  }
}

/**
 * A line's category and rate as stored when it was made (invoice-line-tax.ts); a line older than
 * that (or imported) takes its consumer's current ones, checked against its stored tax. Reverse
 * charge names the buyer's VAT id (BR-AE-02): a document without it cannot be valid.
 */
function lineCategory(
  stored: { taxCategory?: VatCategory | null; taxRate?: Decimal | null; amount: Decimal; tax: Decimal },
  consumer: CustomerForEInvoice,
  buyer: CustomerForEInvoice,
  currency: string,
  field: string,
): { category: VatCategory; rate: Decimal } {
  if (stored.taxCategory && stored.taxRate) {
    if (stored.taxCategory === 'AE' && !buyer.vatId)
      throw missing('customer.vatId', "the buyer's VAT identifier (BT-48) under reverse charge");
    return { category: stored.taxCategory, rate: stored.taxRate };
  }
  const derived = vatCategoryOf(consumer, buyer);
  checkLineTax({ ...stored, rate: derived.rate }, currency, field);
  return derived;
}

/**
 * A line without a stored rate (older than invoice-line-tax.ts) takes its consumer's now. A line
 * whose stored tax is more than one minor unit off that rate was taxed at another (the rate
 * changed since): its document would state a false rate, so it is refused rather than issued.
 */
function checkLineTax(line: Pick<EInvoiceLine, 'amount' | 'tax' | 'rate'>, currency: string, field: string): void {
  const expected = line.amount.times(line.rate).div(HUNDRED);
  const unit = new Decimal(1).div(new Decimal(10).pow(minorUnits(currency)));
  if (line.tax.minus(expected).abs().gt(unit)) {
    throw new ConflictError(
      `the line's tax ${line.tax.toFixed()} does not follow its customer's current tax rate (${line.rate.toFixed()} %)`,
      {
        field,
      },
    );
  }
}

function checkCurrency(currency: string): void {
  // BR-DEC-*: amounts carry at most two decimals.
  if (minorUnits(currency) > 2)
    throw new ConflictError(`EN 16931 amounts have at most 2 decimals; ${currency} has ${minorUnits(currency)}`, { field: 'currency' });
}

/** The document must add up to what was stored: a view, it computes no amount of its own (STYLE.md, documents are views). */
function checkTotals(doc: EInvoice, stored: { subtotal: Decimal; tax: Decimal }): void {
  const totals = eInvoiceTotals(doc);
  if (!totals.lineTotal.eq(stored.subtotal) || !totals.taxTotal.eq(stored.tax)) {
    throw new ConflictError(
      `the lines add up to ${totals.lineTotal.toFixed()} + ${totals.taxTotal.toFixed()} tax, the document stored ${stored.subtotal.toFixed()} + ${stored.tax.toFixed()}`,
      { field: 'lines' },
    );
  }
}

export interface InvoiceEInvoiceInput {
  invoice: InvoiceFacts;
  lines: readonly InvoiceLineFacts[];
  buyer: CustomerForEInvoice;
  /** Every customer a line names (line.customerId), the buyer included. */
  consumers: ReadonlyMap<string, CustomerForEInvoice>;
  seller: SellerSettingsView;
  specification: EInvoiceSpecification;
}

/** An issued invoice as EN 16931 (BT-1 its number, BT-2 its finalization, BT-9 its due date). */
export function invoiceToEInvoice(input: InvoiceEInvoiceInput): EInvoice {
  const { invoice, buyer, seller } = input;
  if (!invoice.number || !invoice.finalizedAt) {
    throw new ConflictError('a DRAFT invoice has no number yet: finalize it first', { field: 'invoice.status' });
  }
  checkCurrency(invoice.currency);
  const sellerP = sellerParty(seller);
  if (!seller.iban) throw missing('settings.iban', "the seller's account (BT-84) for the payment instructions");
  const buyerP = buyerParty(buyer);
  const orders = orderReferences(
    purchaseOrderOf(invoice),
    input.lines.map((l) => l.purchaseOrderNumber),
  );
  const lines = input.lines.map((l, i): EInvoiceLine => {
    const consumer = input.consumers.get(l.customerId ?? invoice.customerId) ?? buyer;
    return {
      id: String(i + 1),
      name: l.description,
      sellerItemId: l.priceCode,
      quantity: l.quantity,
      amount: l.amount,
      tax: l.tax,
      ...lineCategory(l, consumer, buyer, invoice.currency, `invoice.lines[${i}].tax`),
      periodStart: l.periodStart,
      periodEnd: l.periodEnd,
      orderReference: orders.lines[i],
    };
  });
  const due = invoice.dueAt ? `due ${isoDate(invoice.dueAt)}` : 'due on receipt';
  const doc: EInvoice = {
    kind: 'INVOICE',
    specification: input.specification,
    number: invoice.number,
    issueDate: invoice.finalizedAt,
    dueDate: invoice.dueAt,
    currency: invoice.currency,
    notes: invoice.notes,
    purchaseOrderReference: orders.document,
    precedingInvoice: null,
    periodStart: invoice.periodStart,
    periodEnd: invoice.periodEnd,
    seller: sellerP,
    buyer: buyerP,
    payment: { iban: seller.iban, bic: seller.bic, reference: invoicePaymentReference(invoice) },
    paymentTerms:
      invoice.collectionMethod === 'SEND_INVOICE'
        ? `Payable by credit transfer, ${due}, quoting ${invoice.number}`
        : `Charged to the payment method on file, ${due}; otherwise payable by credit transfer quoting ${invoice.number}`,
    lines,
  };
  checkTotals(doc, invoice);
  return doc;
}

export interface CreditNoteLineForEInvoice {
  description: string;
  amount: Decimal;
  tax: Decimal;
  /** The credited invoice line's. */
  priceCode: string | null;
  customerId: string;
  periodStart: Date | null;
  periodEnd: Date | null;
  /** Copied from the invoice line when the note was made; null on older notes. */
  taxCategory: VatCategory | null;
  taxRate: Decimal | null;
  /** The credited invoice line's purchase order. */
  purchaseOrderNumber: string | null;
}

export interface CreditNoteEInvoiceInput {
  note: { number: string; currency: string; reason: string | null; subtotal: Decimal; tax: Decimal; createdAt: Date };
  invoice: InvoiceFacts;
  lines: readonly CreditNoteLineForEInvoice[];
  buyer: CustomerForEInvoice;
  consumers: ReadonlyMap<string, CustomerForEInvoice>;
  seller: SellerSettingsView;
  specification: EInvoiceSpecification;
}

/**
 * A credit note as EN 16931 (type 381): positive amounts, each line in its invoice line's VAT
 * category, BG-3 naming the invoice it corrects. No payment means: the seller pays it back or
 * offsets it; BT-20 says so.
 */
export function creditNoteToEInvoice(input: CreditNoteEInvoiceInput): EInvoice {
  const { note, invoice, buyer, seller } = input;
  checkCurrency(note.currency);
  const sellerP = sellerParty(seller);
  const buyerP = buyerParty(buyer);
  const orders = orderReferences(
    purchaseOrderOf(invoice),
    input.lines.map((l) => l.purchaseOrderNumber),
  );
  const lines = input.lines.map((l, i): EInvoiceLine => {
    const consumer = input.consumers.get(l.customerId) ?? buyer;
    return {
      id: String(i + 1),
      name: l.description,
      sellerItemId: l.priceCode,
      quantity: new Decimal(1),
      amount: l.amount,
      tax: l.tax,
      ...lineCategory(l, consumer, buyer, note.currency, `creditNote.lines[${i}].tax`),
      periodStart: l.periodStart,
      periodEnd: l.periodEnd,
      orderReference: orders.lines[i],
    };
  });
  const doc: EInvoice = {
    kind: 'CREDIT_NOTE',
    specification: input.specification,
    number: note.number,
    issueDate: note.createdAt,
    dueDate: null,
    currency: note.currency,
    notes: note.reason ? [note.reason] : [],
    purchaseOrderReference: orders.document,
    precedingInvoice: invoice.number && invoice.finalizedAt ? { number: invoice.number, issueDate: invoice.finalizedAt } : null,
    periodStart: null,
    periodEnd: null,
    seller: sellerP,
    buyer: buyerP,
    payment: null,
    paymentTerms: `Credit for invoice ${invoice.number ?? invoice.id}: offset against its amount due, or refunded`,
    lines,
  };
  checkTotals(doc, note);
  return doc;
}
