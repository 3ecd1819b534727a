import type { EntityManager } from '@mikro-orm/postgresql';
import { takeInvoiceNumbers } from '../invoices/invoice-number';

export const ORDER_SERIES = 'ORD';

/**
 * `ORD-<year>-NNNNNN` from the same gapless counter as invoice and quote numbers (one row per
 * series and year, locked until the transaction ends; a rollback gives the numbers back).
 */
export async function takeOrderNumbers(em: EntityManager, count: number, year: number): Promise<string[]> {
  return takeInvoiceNumbers(em, count, year, ORDER_SERIES);
}
