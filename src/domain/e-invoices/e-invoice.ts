import { minorUnits } from '../../pricing/currency';
import { Decimal, ZERO } from '../../pricing/decimal';
import type { Address } from '../customers/address';
import type { VatCategory } from '../customers/customer-tax';

export type { VatCategory } from '../customers/customer-tax';

/** The two syntaxes of EN 16931: OASIS UBL 2.1 and UN/CEFACT CII D16B. */
export enum EInvoiceSyntax {
  UBL = 'UBL',
  CII = 'CII',
}

/** BT-24, the specification identifier: which rules on top of EN 16931 the document claims to follow. */
export enum EInvoiceSpecification {
  EN16931 = 'EN16931',
  XRECHNUNG = 'XRECHNUNG',
  FACTUR_X = 'FACTUR_X',
}

export const SPECIFICATION_IDS: Record<EInvoiceSpecification, string> = {
  [EInvoiceSpecification.EN16931]: 'urn:cen.eu:en16931:2017',
  // XRechnung 3.0 (KoSIT); its own rules (BR-DE-*) are not checked by the EN 16931 artefacts.
  [EInvoiceSpecification.XRECHNUNG]: 'urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0',
  // Factur-X 1.0 / ZUGFeRD 2.x, profile EN 16931 ("Comfort"): that profile claims the plain EN 16931 identifier.
  [EInvoiceSpecification.FACTUR_X]: 'urn:cen.eu:en16931:2017',
};

export interface EInvoiceParty {
  /** BT-27 / BT-44: the registered name. */
  legalName: string;
  /** BT-28 / BT-45: the trading name, when it differs. */
  tradingName: string | null;
  address: Address;
  vatId: string | null;
  /** BT-30 / BT-47: the commercial register's number. */
  registrationNumber: string | null;
  email: string | null;
}

export interface EInvoiceLine {
  /** BT-126: the position, from 1. */
  id: string;
  /** BT-153. */
  name: string;
  /** BT-155: the price code. */
  sellerItemId: string | null;
  /** As stored (positive, fractional allowed); its sign in the document follows the amount's. */
  quantity: Decimal;
  /** BT-131: the net amount as stored, negative for credits and discounts. */
  amount: Decimal;
  /** The line's stored tax; not printed per line in EN 16931, summed per category. */
  tax: Decimal;
  category: VatCategory;
  /** Percent; 0 for Z, E and AE. */
  rate: Decimal;
  /** BG-26, dates inclusive. */
  periodStart: Date | null;
  periodEnd: Date | null;
  /**
   * The purchase order this line is billed under, when the document has no single one (BT-13):
   * a consolidated invoice's lines under several orders (orderReferences, e-invoice-facts.ts).
   */
  orderReference: string | null;
}

/** A document as EN 16931 sees it, made from stored facts only (e-invoice-facts.ts); it computes no amount but sums. */
export interface EInvoice {
  kind: 'INVOICE' | 'CREDIT_NOTE';
  specification: EInvoiceSpecification;
  /** BT-1. */
  number: string;
  /** BT-2. */
  issueDate: Date;
  /** BT-9 (invoices only). */
  dueDate: Date | null;
  currency: string;
  /** BT-22. */
  notes: readonly string[];
  /** BT-13: the buyer's purchase order number. */
  purchaseOrderReference: string | null;
  /** BG-3: the invoice a credit note corrects. */
  precedingInvoice: { number: string; issueDate: Date } | null;
  /** BG-14, dates inclusive. */
  periodStart: Date | null;
  periodEnd: Date | null;
  seller: EInvoiceParty;
  buyer: EInvoiceParty;
  /** BG-16: credit transfer (58) to the seller's account; null on a credit note. */
  payment: { iban: string; bic: string | null; reference: string } | null;
  /** BT-20. */
  paymentTerms: string;
  lines: readonly EInvoiceLine[];
}

export interface VatBreakdown {
  category: VatCategory;
  rate: Decimal;
  /** BT-116. */
  taxableAmount: Decimal;
  /** BT-117: the sum of the lines' taxes, each rounded per line as Tariff computes it (PRICING.md). */
  taxAmount: Decimal;
  /** BT-120 / BT-121. */
  exemptionReason: string | null;
  exemptionReasonCode: string | null;
}

export interface EInvoiceTotals {
  /** BT-106: Σ line net amounts. */
  lineTotal: Decimal;
  /** BT-109: BT-106, as Tariff's discounts are lines (no document-level allowances or charges). */
  taxExclusive: Decimal;
  /** BT-110. */
  taxTotal: Decimal;
  /** BT-112 = BT-109 + BT-110. */
  taxInclusive: Decimal;
  /** BT-115: BT-112; credit notes and payments are documents of their own, not part of this one. */
  payable: Decimal;
  breakdown: VatBreakdown[];
}

const EXEMPTION: Record<VatCategory, { reason: string | null; code: string | null }> = {
  S: { reason: null, code: null },
  Z: { reason: null, code: null },
  E: { reason: 'Exempt from VAT', code: null },
  AE: { reason: 'Reverse charge', code: 'VATEX-EU-AE' },
};

/** Groups the lines by VAT category and rate (BG-23), in order of first appearance, and adds up the document. */
export function eInvoiceTotals(doc: Pick<EInvoice, 'lines'>): EInvoiceTotals {
  const groups = new Map<string, VatBreakdown>();
  let lineTotal = ZERO;
  let taxTotal = ZERO;
  for (const line of doc.lines) {
    lineTotal = lineTotal.plus(line.amount);
    taxTotal = taxTotal.plus(line.tax);
    const key = `${line.category}:${line.rate.toFixed()}`;
    const group = groups.get(key);
    if (group) {
      group.taxableAmount = group.taxableAmount.plus(line.amount);
      group.taxAmount = group.taxAmount.plus(line.tax);
    } else {
      const exemption = EXEMPTION[line.category];
      groups.set(key, {
        category: line.category,
        rate: line.rate,
        taxableAmount: line.amount,
        taxAmount: line.tax,
        exemptionReason: exemption.reason,
        exemptionReasonCode: exemption.code,
      });
    }
  }
  const taxInclusive = lineTotal.plus(taxTotal);
  return { lineTotal, taxExclusive: lineTotal, taxTotal, taxInclusive, payable: taxInclusive, breakdown: [...groups.values()] };
}

/** An amount with the currency's decimals (EN 16931 allows at most 2: BR-DEC-*). */
export function amountText(value: Decimal, currency: string): string {
  return value.toFixed(minorUnits(currency));
}

/** A quantity or a rate, without trailing zeros. */
export function numberText(value: Decimal): string {
  return new Decimal(value).toFixed();
}

/** YYYY-MM-DD in UTC. */
export function isoDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** YYYYMMDD in UTC (CII's format 102). */
export function compactDate(at: Date): string {
  return isoDate(at).replace(/-/g, '');
}

/** Tariff's periods are half-open [start, end); EN 16931's end date is the last day included. */
export function inclusiveEnd(start: Date, end: Date): Date {
  const last = new Date(end.getTime() - 1);
  return last < start ? start : last;
}

/**
 * How a line is quantified in the document: EN 16931 forbids a negative price (BR-27), so a
 * negative amount gets a negative quantity; the price is the amount per base quantity (BT-149),
 * so `quantity × price ÷ base quantity` is the net amount exactly, whatever the quantity.
 */
export function linePricing(line: Pick<EInvoiceLine, 'quantity' | 'amount'>): { quantity: Decimal; price: Decimal; baseQuantity: Decimal } {
  const q = line.quantity.abs().isZero() ? new Decimal(1) : line.quantity.abs();
  const sign = line.amount.isNegative() ? -1 : 1;
  const quantity = line.quantity.abs().isZero() && line.amount.isZero() ? ZERO : q.times(sign);
  return { quantity, price: line.amount.abs(), baseQuantity: q };
}
