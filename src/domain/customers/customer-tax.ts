import type { TaxTreatment } from '../../pricing';
import type { Decimal } from '../../pricing/decimal';
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
