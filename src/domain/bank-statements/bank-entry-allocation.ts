import type { EntityManager } from '@mikro-orm/postgresql';
import { Decimal } from '../../pricing/decimal';
import type { Actor } from '../auth/actor';
import { Customer } from '../customers/customer.entity';
import { lockInvoice } from '../invoices/invoice-lock';
import { recordTransfer, takesTransfer } from '../payments/bank-payment';
import { addCredit } from '../payments/credit-balance';
import { amountRemaining } from '../payments/invoice-settlement';
import type { BankEntry } from './bank-entry.entity';

/**
 * Spends a credit entry on invoices of one customer, in the order given (oldest first): each
 * takes what it still owes, as a payment under `bank:<entry id>`; what is left goes to the
 * customer's credit balance (credit-balance.ts), which pays their next invoices. Invoices that
 * take no transfer any more (paid meanwhile, void) are passed over. Inside the caller's transaction.
 */
export async function allocateEntry(
  em: EntityManager,
  entry: BankEntry,
  customer: Customer,
  invoiceIds: readonly string[],
  actor: Actor,
  now: Date,
): Promise<Decimal> {
  let left = new Decimal(entry.amount);
  for (const id of invoiceIds) {
    if (left.lte(0)) break;
    const invoice = await lockInvoice(em, id, 'invoiceId');
    if (invoice.customer.id !== customer.id || invoice.currency !== entry.currency || !(await takesTransfer(em, invoice))) continue;
    const pay = Decimal.min(left, amountRemaining(invoice));
    await recordTransfer(em, invoice, pay, `bank:${entry.id}`, actor, now);
    left = left.minus(pay);
  }
  if (left.gt(0)) await addCredit(em, customer, left, invoiceIds.length ? 'overpayment' : 'assigned', entry.id, now);
  entry.customer = customer;
  await em.flush();
  return left;
}
