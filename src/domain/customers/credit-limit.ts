import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { formatMoney, minorUnits } from '../../pricing/currency';
import type { Decimal } from '../../pricing/decimal';
import { ConflictError, InvalidInputError } from '../errors';
import { creditExposures } from './credit-exposure';
import { payersOf } from './customer-hierarchy';
import { Customer } from './customer.entity';

/** The operations that commit a customer to pay, as their refusals name them. */
export type CreditOperation = 'createSubscription' | 'changeSubscription' | 'scheduleChange' | 'acceptQuote' | 'sendOrderNow';

/**
 * A credit limit as given: an amount of at least 0 in the customer's currency, with at most its
 * minor unit's decimals (the GraphQL scalar already refused exponents and more than 18 digits).
 */
export function parseCreditLimit(value: Decimal, currency: string, field = 'input.creditLimit'): Decimal {
  if (value.isNegative()) throw new InvalidInputError(field, 'a credit limit is an amount of at least 0 (null for no limit)');
  const scale = minorUnits(currency);
  if (value.decimalPlaces() > scale) throw new InvalidInputError(field, `${currency} amounts have at most ${scale} decimal places`);
  return value;
}

/** A customer's credit, held for one operation: its row locked, its limit and exposure read under the lock. */
export interface CreditHold {
  readonly customerId: string;
  readonly currency: string;
  readonly limit: Decimal;
  /** creditExposure before the operation wrote anything. */
  readonly exposure: Decimal;
}

/**
 * Taken by an operation that commits the customer to pay, in its transaction and before it writes
 * anything that references the customer (a row that does takes a key-share lock on it, and two
 * such operations would then deadlock upgrading to this one). Locks the customer's row FOR UPDATE,
 * so two operations on one customer are checked one after the other and the second sees what the
 * first committed. A customer without a limit is neither locked nor measured: null. Read without
 * the lock first, a limit set concurrently by updateCustomer applies from the next operation on,
 * as if this one had committed first. For a member of a company group billed to its parent, the
 * credit held is its payer's: the member's invoices are the payer's (company-groups.md).
 */
export async function holdCredit(em: EntityManager, orderingCustomerId: string): Promise<CreditHold | null> {
  // A company group's member billed to its parent spends on its payer's invoices: the payer's limit and exposure decide.
  const customerId = (await payersOf(em, [orderingCustomerId])).get(orderingCustomerId)!;
  const seen = await em.findOneOrFail(Customer, { id: customerId });
  if (seen.creditLimit === null) return null;
  const customer = await em.findOneOrFail(Customer, { id: customerId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (customer.creditLimit === null) return null;
  const exposure = (await creditExposures(em, [customer.id])).get(customer.id)!;
  return { customerId: customer.id, currency: customer.currency, limit: customer.creditLimit, exposure };
}

/**
 * CONFLICT with `reason: CREDIT_LIMIT` when `amount`, what `operation` commits the customer to,
 * would take its exposure above its limit. Thrown inside the operation's transaction, so nothing
 * it wrote is kept. An operation that adds nothing (a free plan, a downgrade) always passes, even
 * for a customer already over its limit.
 */
export function assertCreditAvailable(hold: CreditHold | null, operation: CreditOperation, amount: Decimal): void {
  if (hold === null || amount.lte(0)) return;
  const after = hold.exposure.plus(amount);
  if (after.lte(hold.limit)) return;
  const money = (d: Decimal) => formatMoney(d, hold.currency);
  throw new ConflictError(
    `${operation} would commit customer ${hold.customerId} to ${money(amount)} ${hold.currency}, raising its credit exposure from ` +
      `${money(hold.exposure)} to ${money(after)} ${hold.currency}, above its credit limit of ${money(hold.limit)} ${hold.currency}`,
    {
      details: {
        reason: 'CREDIT_LIMIT',
        creditLimit: money(hold.limit),
        creditExposure: money(hold.exposure),
        amount: money(amount),
      },
    },
  );
}
