import type { TaxTreatment } from '../../pricing';
import type { Decimal } from '../../pricing/decimal';
import { ZERO } from '../../pricing/decimal';
import { TaxStatus } from './customer.entity';

/** How the engine taxes a customer's documents (PRICING.md: Taxes): quotes, prorations and invoices alike. */
export function taxOf(customer: { taxStatus: TaxStatus; taxRate: Decimal | null }): TaxTreatment {
  switch (customer.taxStatus) {
    case TaxStatus.TAXABLE:
      return { status: 'TAXABLE', ratePercent: customer.taxRate ?? undefined };
    case TaxStatus.REVERSE_CHARGE:
      return { status: 'REVERSE_CHARGE' };
    case TaxStatus.EXEMPT:
      return { status: 'EXEMPT' };
  }
}

/** EN 16931's VAT category (BT-151, UNTDID 5305): standard, zero-rated, exempt, reverse charge. */
export type VatCategory = 'S' | 'Z' | 'E' | 'AE';

/** The category and rate (percent; 0 but for S) a line is taxed under: what each invoice line stores when it is made. */
export interface LineTaxCategory {
  taxCategory: VatCategory;
  taxRate: Decimal;
}

/** The category of `taxOf`'s treatment: the same customer fields, so the stored category is the one the tax was computed with. */
export function taxCategoryOf(customer: { taxStatus: TaxStatus; taxRate: Decimal | null }): LineTaxCategory {
  switch (customer.taxStatus) {
    case TaxStatus.REVERSE_CHARGE:
      return { taxCategory: 'AE', taxRate: ZERO };
    case TaxStatus.EXEMPT:
      return { taxCategory: 'E', taxRate: ZERO };
    case TaxStatus.TAXABLE: {
      const rate = customer.taxRate;
      return !rate || rate.isZero() ? { taxCategory: 'Z', taxRate: ZERO } : { taxCategory: 'S', taxRate: rate };
    }
  }
}
