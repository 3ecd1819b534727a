import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';

export const INVOICE_SERIES = 'INV';

/**
 * `count` consecutive numbers of the year's series, e.g. `INV-2027-000042`: the counter moves by
 * the count in one upsert, which locks the series row until the transaction ends. Concurrent
 * finalizations queue on it and each sees the last committed number, so numbers are consecutive
 * in commit order, and a rollback gives its numbers back with everything else: the series keeps
 * no gap (CONTRACT.md). Take them as late as the transaction allows, so the lock is short.
 */
export async function takeInvoiceNumbers(em: EntityManager, count: number, year: number, series: string): Promise<string[]> {
  if (count === 0) return [];
  const [{ last }] = await boundRows<{ last: number }>(
    em,
    'insert into invoice_number (series, year, last) values (?, ?, ?) on conflict (series, year) do update set last = invoice_number.last + ? returning last',
    [series, year, count, count],
  );
  const first = last - count + 1;
  return Array.from({ length: count }, (_, i) => `${series}-${year}-${String(first + i).padStart(6, '0')}`);
}

/** One number of the series (a single finalization, a credit note). */
export async function takeInvoiceNumber(em: EntityManager, year: number, series = INVOICE_SERIES): Promise<string> {
  return (await takeInvoiceNumbers(em, 1, year, series))[0];
}
