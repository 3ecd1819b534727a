import type { EntityManager } from '@mikro-orm/postgresql';
import { boundQuery, boundRows } from '../../db/bound-query';
import type { Decimal } from '../../pricing/decimal';
import { CollectionMethod } from '../subscriptions/subscription.entity';
import { MANUAL_PROVIDER } from './manual-provider';

/** What finalization needs to know of the customer: its terms and how it pays by default. */
export interface PaymentSetup {
  paymentTermsDays: number;
  /** The provider of the default payment method, or null when the customer has none. */
  defaultProvider: string | null;
}

export interface CollectionTerms {
  collectionMethod: CollectionMethod;
  dueAt: Date;
  /**
   * The first collection step (a charge now, or the due date of a sent invoice); null when
   * nothing is owed, or when there is nothing to charge yet (no payment method: the invoice
   * waits, and attaching one schedules it: awaitingInvoicesScheduled).
   */
  nextCollectionAt: Date | null;
  /** Nothing to pay: the invoice is PAID as it is finalized, as Stripe does for zero totals. */
  paidOnFinalization: boolean;
}

const DAY_MS = 86_400_000;

/**
 * How a just-finalized invoice is collected. CHARGE_AUTOMATICALLY is charged at once, unless the
 * customer pays by bank transfer: then, as SEND_INVOICE, it is due after the customer's terms and
 * dunning sends reminders. Without any payment method it waits, unchased: a charge that was
 * never possible is not a failed payment, and dunning is for those. A negative total (a credit
 * owed to the customer) is not collected.
 */
export function collectionTerms(collection: CollectionMethod, setup: PaymentSetup, amountDue: Decimal, now: Date): CollectionTerms {
  const sent = collection === CollectionMethod.SEND_INVOICE || setup.defaultProvider === MANUAL_PROVIDER;
  const collectionMethod = sent ? CollectionMethod.SEND_INVOICE : CollectionMethod.CHARGE_AUTOMATICALLY;
  const dueAt = sent ? new Date(now.getTime() + setup.paymentTermsDays * DAY_MS) : now;
  const collectable = amountDue.gt(0) && (sent || setup.defaultProvider !== null);
  return { collectionMethod, dueAt, nextCollectionAt: collectable ? dueAt : null, paidOnFinalization: amountDue.isZero() };
}

export async function paymentSetupOf(em: EntityManager, customerId: string): Promise<PaymentSetup> {
  // On the caller's transaction: finalization reads this inside its own.
  const [row] = await boundRows<{ payment_terms_days: number; provider: string | null }>(
    em,
    `select c.payment_terms_days, pm.provider
       from customer c left join payment_method pm on pm.customer_id = c.id and pm.is_default and pm.detached_at is null
      where c.id = ?`,
    [customerId],
  );
  return { paymentTermsDays: row.payment_terms_days, defaultProvider: row.provider };
}

/**
 * A default payment method was just set: the customer's CHARGE_AUTOMATICALLY invoices that were
 * waiting for one (never attempted, nothing scheduled) are scheduled now, to be charged after the
 * commit (collectNow); with bank transfer they become sent invoices, due after the terms from now.
 */
export async function scheduleAwaitingInvoices(
  em: EntityManager,
  customerId: string,
  provider: string,
  termsDays: number,
  now: Date,
): Promise<number> {
  const sent = provider === MANUAL_PROVIDER;
  const dueAt = sent ? new Date(now.getTime() + termsDays * DAY_MS) : now;
  const { rowCount } = await boundQuery(
    em,
    `update invoice set next_collection_at = ?, due_at = ?, collection_method = ?::collection_method
      where customer_id = ? and status = 'OPEN' and collection_method = 'CHARGE_AUTOMATICALLY' and next_collection_at is null
        and collection_step = 0 and amount_due > amount_paid`,
    [dueAt, dueAt, sent ? CollectionMethod.SEND_INVOICE : CollectionMethod.CHARGE_AUTOMATICALLY, customerId],
  );
  return rowCount;
}
