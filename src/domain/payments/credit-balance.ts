import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import { Decimal, ZERO } from '../../pricing/decimal';
import { Actor, Role } from '../auth/actor';
import { Customer } from '../customers/customer.entity';
import { Invoice, InvoiceStatus } from '../invoices/invoice.entity';
import { recordTransfer, takesTransfer } from './bank-payment';
import { amountRemaining } from './invoice-settlement';
import { CreditBalanceEntry } from './credit-balance.entity';

/** Customers' credit balances (the sum of their movements), zero for one without any. */
export async function creditBalances(em: EntityManager, customerIds: readonly string[]): Promise<Map<string, Decimal>> {
  const rows = customerIds.length
    ? await boundRows<{ customer_id: string; balance: string }>(
        em,
        'select customer_id, sum(amount)::text as balance from credit_balance_entry where customer_id in (select jsonb_array_elements_text(?::jsonb)::uuid) group by customer_id',
        [JSON.stringify(customerIds)],
      )
    : [];
  const found = new Map(rows.map((r) => [r.customer_id, new Decimal(r.balance)]));
  return new Map(customerIds.map((id) => [id, found.get(id) ?? ZERO]));
}

/**
 * Serializes the movements of one customer's balance until the transaction ends: two imports,
 * or an import and a finalization, must not spend the same credit twice. An advisory lock, not
 * the customer row, so that no path that already locks customers and invoices in its own order
 * can deadlock with this one.
 */
async function lockBalance(em: EntityManager, customerId: string): Promise<Decimal> {
  await boundRows(em, 'select pg_advisory_xact_lock(hashtext(?))', [`credit_balance:${customerId}`]);
  return (await creditBalances(em, [customerId])).get(customerId) ?? ZERO;
}

/** Adds to a customer's balance (an overpayment, an entry assigned to it). */
export async function addCredit(
  em: EntityManager,
  customer: Customer,
  amount: Decimal,
  reason: 'overpayment' | 'assigned',
  bankEntryId: string,
  now: Date,
): Promise<void> {
  await lockBalance(em, customer.id);
  em.create(CreditBalanceEntry, { customer, amount, currency: customer.currency, reason, bankEntryId, invoiceId: null, at: now });
  await em.flush();
}

/** Who applies a credit balance at finalization: no key, whatever finalized the invoice (a run, a person). */
const CREDIT_BALANCE_ACTOR: Actor = { keyId: 'credit-balance', name: 'credit balance', role: Role.ADMIN, customerId: null };

/**
 * A just-finalized invoice takes what it can of its customer's credit balance, as a payment
 * (`payment.recorded`, reference `credit:<movement id>`); the invoice is PAID when the credit
 * covers it. Nothing happens without a balance, so most finalizations cost one indexed read.
 * Returns the invoice when credit was applied (its figures moved), else null.
 */
export async function applyCreditBalance(em: EntityManager, invoiceId: string, now: Date): Promise<Invoice | null> {
  const invoice = await em.findOneOrFail(Invoice, { id: invoiceId });
  if (invoice.status !== InvoiceStatus.OPEN) return null;
  const first = (await creditBalances(em, [invoice.customer.id])).get(invoice.customer.id) ?? ZERO;
  if (first.lte(0)) return null;
  const customer = await em.findOneOrFail(Customer, { id: invoice.customer.id });
  if (customer.currency !== invoice.currency) return null;
  const balance = await lockBalance(em, customer.id);
  if (balance.lte(0) || !(await takesTransfer(em, invoice))) return null;
  const amount = Decimal.min(balance, amountRemaining(invoice));
  const movement = em.create(CreditBalanceEntry, {
    customer,
    amount: amount.negated(),
    currency: customer.currency,
    reason: 'applied',
    bankEntryId: null,
    invoiceId: invoice.id,
    at: now,
  });
  await em.flush();
  await recordTransfer(em, invoice, amount, `credit:${movement.id}`, CREDIT_BALANCE_ACTOR, now);
  return invoice;
}
