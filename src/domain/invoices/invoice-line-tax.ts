import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import { Decimal } from '../../pricing/decimal';
import type { Address } from '../customers/address';
import { taxCategoryOf } from '../customers/customer-tax';
import type { TaxStatus } from '../customers/customer.entity';
import type { InvoiceLineFacts } from './invoice-writer';

/** What issuing reads of a customer an invoice names: the tax its lines were computed with, and what an e-invoice needs of a buyer. */
export interface InvoicedCustomer {
  id: string;
  taxStatus: TaxStatus;
  taxRate: Decimal | null;
  billingAddress: Address | null;
  vatId: string | null;
}

/** One query for every customer the invoices being issued name (their payers and their lines' consumers). */
export async function invoicedCustomers(em: EntityManager, ids: Iterable<string>): Promise<Map<string, InvoicedCustomer>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await boundRows<{
    id: string;
    tax_status: TaxStatus;
    tax_rate: string | null;
    billing_address: Address | null;
    vat_id: string | null;
  }>(em, `select id, tax_status, tax_rate, billing_address, vat_id from customer where id = any(?::uuid[])`, [unique]);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        taxStatus: r.tax_status,
        taxRate: r.tax_rate === null ? null : new Decimal(r.tax_rate),
        billingAddress: r.billing_address,
        vatId: r.vat_id,
      },
    ]),
  );
}

/**
 * Each line's VAT category and rate, stored as it is issued: its consumer's tax treatment (the
 * group member it is for, else the invoice's customer), the very fields its tax was just computed
 * from (taxOf, in the same transaction). A line that already has one was taxed otherwise (an
 * order taxed by its ship-to location) and keeps it. The amounts are not touched.
 */
export function withLineTaxCategories(
  lines: readonly InvoiceLineFacts[],
  invoiceCustomerId: string,
  customers: ReadonlyMap<string, InvoicedCustomer>,
): InvoiceLineFacts[] {
  return lines.map((l) => {
    if (l.taxCategory !== null) return l;
    const consumer = customers.get(l.customerId ?? invoiceCustomerId);
    return consumer ? { ...l, ...taxCategoryOf(consumer) } : l;
  });
}
