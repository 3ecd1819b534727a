import type { EntityManager } from '@mikro-orm/postgresql';
import { boundQuery, boundRows } from '../../db/bound-query';
import type { Decimal } from '../../pricing/decimal';
import { CollectionMethod } from '../subscriptions/subscription.entity';
import { MANUAL_PROVIDER } from './manual-provider';
import { SEPA_DEBIT_PROVIDER } from './sepa-debit-provider';
import { invoiceDueAt, PaymentTerms } from './payment-terms';

/** What finalization needs to know of the customer (the paying one): its terms and how it pays by default. */
export interface PaymentSetup extends PaymentTerms {
  /** The provider of the default payment method, or null when the customer has none. */
  defaultProvider: string | null;
}

export interface CollectionTerms {
  collectionMethod: CollectionMethod;
  /** Finalization + the customer's terms (payment-terms.ts), whether sent or charged. */
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

/**
 * How an invoice finalized `now` is collected, and when it is due: every invoice is due after the
 * customer's terms (CONTRACT.md), the date the document shows. CHARGE_AUTOMATICALLY is charged at
 * once all the same (a card pays before its due date), unless the customer pays by bank transfer:
 * then, as SEND_INVOICE, it waits for the due date and dunning sends reminders after it. Without
 * any payment method it waits, unchased: a charge that was never possible is not a failed payment,
 * and dunning is for those. A negative total (a credit owed to the customer) is not collected.
 */
/**
 * Providers whose invoices wait for their due date rather than being charged: bank transfer, and
 * SEPA direct debit, which the seller's bank collects in batches (createDirectDebitBatch takes the
 * invoices due by its collection date; dunning chases those still unpaid after it).
 */
export function paysWhenDue(provider: string | null): boolean {
  return provider === MANUAL_PROVIDER || provider === SEPA_DEBIT_PROVIDER;
}

export function collectionTerms(collection: CollectionMethod, setup: PaymentSetup, amountDue: Decimal, now: Date): CollectionTerms {
  const sent = collection === CollectionMethod.SEND_INVOICE || paysWhenDue(setup.defaultProvider);
  const collectionMethod = sent ? CollectionMethod.SEND_INVOICE : CollectionMethod.CHARGE_AUTOMATICALLY;
  const dueAt = invoiceDueAt(now, setup);
  const collectable = amountDue.gt(0) && (sent || setup.defaultProvider !== null);
  return {
    collectionMethod,
    dueAt,
    nextCollectionAt: collectable ? (sent ? dueAt : now) : null,
    paidOnFinalization: amountDue.isZero(),
  };
}

export async function paymentSetupOf(em: EntityManager, customerId: string): Promise<PaymentSetup> {
  // On the caller's transaction: finalization reads this inside its own.
  const [row] = await boundRows<{ payment_terms_days: number; payment_terms_end_of_month: boolean; provider: string | null }>(
    em,
    `select c.payment_terms_days, c.payment_terms_end_of_month, pm.provider
       from customer c left join payment_method pm on pm.customer_id = c.id and pm.is_default and pm.detached_at is null
      where c.id = ?`,
    [customerId],
  );
  return {
    paymentTermsDays: row.payment_terms_days,
    paymentTermsEndOfMonth: row.payment_terms_end_of_month,
    defaultProvider: row.provider,
  };
}

/**
 * A default payment method was just set: the customer's CHARGE_AUTOMATICALLY invoices that were
 * waiting for one (never attempted, nothing scheduled) are scheduled now, to be charged after the
 * commit (collectNow); with bank transfer they become sent invoices, chased from their due date.
 * The due date itself stays what the document says (finalization + terms); one already past is
 * chased from now.
 */
export async function scheduleAwaitingInvoices(em: EntityManager, customerId: string, provider: string, now: Date): Promise<number> {
  const sent = paysWhenDue(provider);
  const { rowCount } = await boundQuery(
    em,
    `update invoice set next_collection_at = ${sent ? 'greatest(due_at, ?::timestamptz)' : '?::timestamptz'}, collection_method = ?::collection_method
      where customer_id = ? and status = 'OPEN' and collection_method = 'CHARGE_AUTOMATICALLY' and next_collection_at is null
        and collection_step = 0 and amount_due > amount_paid`,
    [now, sent ? CollectionMethod.SEND_INVOICE : CollectionMethod.CHARGE_AUTOMATICALLY, customerId],
  );
  return rowCount;
}
