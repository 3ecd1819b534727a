import type { EntityManager } from '@mikro-orm/postgresql';
import type { Decimal } from '../../pricing/decimal';
import type { Actor } from '../auth/actor';
import { emitEvent } from '../events/emit-event';
import { paymentEvent } from '../events/payment-events';
import { Invoice, InvoiceStatus } from '../invoices/invoice.entity';
import { isId } from '../shared/ids';
import { amountRemaining, applyPayment } from './invoice-settlement';
import { PaymentAttempt, PaymentAttemptKind } from './payment-attempt.entity';

/** OPEN or UNCOLLECTIBLE, with something left to pay and no charge out with its provider: what a transfer can pay. */
export async function takesTransfer(em: EntityManager, invoice: Invoice): Promise<boolean> {
  if (invoice.status !== InvoiceStatus.OPEN && invoice.status !== InvoiceStatus.UNCOLLECTIBLE) return false;
  if (amountRemaining(invoice).lte(0)) return false;
  return (await em.count(PaymentAttempt, { invoice: invoice.id, outcome: 'pending' })) === 0;
}

/**
 * A transfer (or credit) paying `amount` of an invoice the caller has locked (lockInvoice), as
 * recordPayment records one: a MANUAL attempt under `reference` (unique per invoice, so the same
 * money is never counted twice on it), `payment.recorded`, then the settlement. `amount` is at
 * most what remains; the caller checked takesTransfer.
 */
export async function recordTransfer(
  em: EntityManager,
  invoice: Invoice,
  amount: Decimal,
  reference: string,
  actor: Actor,
  now: Date,
): Promise<PaymentAttempt> {
  const attempt = em.create(PaymentAttempt, {
    invoice,
    customer: invoice.customer,
    kind: PaymentAttemptKind.MANUAL,
    amount,
    currency: invoice.currency,
    outcome: 'succeeded',
    providerReference: reference,
    actorKeyId: isId(actor.keyId) ? actor.keyId : null,
    at: now,
    settledAt: now,
  });
  await em.flush();
  await emitEvent(em, paymentEvent('recorded', attempt, now));
  if (invoice.status === InvoiceStatus.UNCOLLECTIBLE && amountRemaining(invoice).lte(amount)) invoice.status = InvoiceStatus.OPEN;
  await applyPayment(em, invoice, amount, actor, now);
  return attempt;
}
