import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { NotFoundError } from '../errors';
import { isId } from '../shared/ids';
import { Invoice } from './invoice.entity';

/**
 * The invoice row locked for this transaction (FOR UPDATE), read fresh: voids and credit notes
 * of one invoice serialize on it, so each sees what the previous one committed and none can
 * interleave its checks with another's writes.
 */
export async function lockInvoice(em: EntityManager, id: string, field: string): Promise<Invoice> {
  // Locked alone: PostgreSQL refuses FOR UPDATE over the outer join a populate would add.
  const invoice = isId(id) ? await em.findOne(Invoice, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true }) : null;
  if (!invoice) throw new NotFoundError('invoice', id, field);
  return invoice;
}
