import { minorUnits } from '../../pricing/currency';
import type { Address } from '../customers/address';
import type { VatCategory } from '../customers/customer-tax';
import { ConflictError } from '../errors';
import type { SellerSettingsView } from '../settings/seller-settings.service';

/** `extensions.reason` of a finalization refused for the seller's settings (`extensions.setting` names which). */
export const SELLER_IDENTITY_INCOMPLETE = 'SELLER_IDENTITY_INCOMPLETE';
/** ... for the buyer's data (`extensions.field`: `customer.billingAddress`, `customer.vatId`). */
export const BUYER_DATA_INCOMPLETE = 'BUYER_DATA_INCOMPLETE';
/** ... for the currency: EN 16931 amounts have at most two decimals (BR-DEC-*). */
export const CURRENCY_NOT_E_INVOICEABLE = 'CURRENCY_NOT_E_INVOICEABLE';

/**
 * The seller's identity an e-invoice names (BG-4, BR-06, BR-08, BT-31 for every category Tariff
 * uses, BT-84 for the payment instructions), in the order a refusal names the first missing one.
 * At finalization the registered name is required, not merely the trading name (`name`).
 */
export const REQUIRED_SELLER_SETTINGS = ['legalName', 'address', 'vatId', 'iban'] as const;

/**
 * THE rule of when an invoice is an e-invoice: every invoice, once the seller turns `eInvoicing`
 * on (seller settings). One explicit switch rather than a guess from the buyer's country or VAT
 * id: a seller under a mandate (Germany, Belgium, France) turns it on, and then no invoice is
 * finalized that could not be one.
 */
export function isEInvoiced(seller: Pick<SellerSettingsView, 'eInvoicing'>): boolean {
  return seller.eInvoicing;
}

export interface EInvoiceBuyerData {
  id: string;
  billingAddress: Address | null;
  vatId: string | null;
}

export interface EInvoiceReadinessInput {
  seller: SellerSettingsView;
  buyer: EInvoiceBuyerData;
  currency: string;
  /** The lines' stored VAT categories (null: not known, an older line). */
  categories: Iterable<VatCategory | null>;
}

/**
 * Why the invoice could not be a valid EN 16931 document, as the CONFLICT that refuses its
 * finalization (seller first, then the buyer, then the currency), or null when it can be one.
 * `field` is what the e-invoice's own refusal names (e-invoice-facts.ts), `reason` the kind.
 */
export function eInvoiceBlocker(input: EInvoiceReadinessInput): ConflictError | null {
  const { seller, buyer } = input;
  const setting = REQUIRED_SELLER_SETTINGS.find((k) => !seller[k]);
  if (setting) {
    return new ConflictError(`the invoice cannot be finalized as an e-invoice: the seller settings have no ${setting}`, {
      field: `settings.${setting}`,
      details: { reason: SELLER_IDENTITY_INCOMPLETE, setting },
    });
  }
  if (!buyer.billingAddress) {
    return new ConflictError(`the invoice cannot be finalized as an e-invoice: its customer has no billingAddress (BG-8, BR-10)`, {
      field: 'customer.billingAddress',
      details: { reason: BUYER_DATA_INCOMPLETE, customerId: buyer.id },
    });
  }
  if (!buyer.vatId && [...input.categories].includes('AE')) {
    return new ConflictError(`the invoice cannot be finalized as an e-invoice: reverse charge needs the customer's vatId (BR-AE-02)`, {
      field: 'customer.vatId',
      details: { reason: BUYER_DATA_INCOMPLETE, customerId: buyer.id },
    });
  }
  if (minorUnits(input.currency) > 2) {
    return new ConflictError(`EN 16931 amounts have at most 2 decimals; ${input.currency} has ${minorUnits(input.currency)}`, {
      field: 'currency',
      details: { reason: CURRENCY_NOT_E_INVOICEABLE },
    });
  }
  return null;
}
