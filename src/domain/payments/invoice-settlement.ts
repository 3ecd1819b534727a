import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Decimal, ZERO } from '../../pricing/decimal';
import type { Actor } from '../auth/actor';
import { emitEvent } from '../events/emit-event';
import { invoiceEvent, subscriptionEvent } from '../events/event-payloads';
import { invoiceFacts } from '../invoices/invoice-writer';
import { Invoice, InvoiceStatus } from '../invoices/invoice.entity';
import { cancelNow } from '../subscriptions/subscription-cancel';
import { recordEvent, touch } from '../subscriptions/subscription-store';
import { Subscription, SubscriptionStatus } from '../subscriptions/subscription.entity';
import { DunningFinalAction } from './dunning-policy.entity';
import { DunningRules, stepAfter } from './dunning-schedule';

/*
 * What a payment, a failure, a reminder or dunning's end does to an invoice and its subscription,
 * inside the caller's transaction, which holds the invoice's row lock (lockInvoice).
 */

export function amountRemaining(invoice: Invoice): Decimal {
  return invoice.amountDue.minus(invoice.amountPaid);
}

/** Adds a payment; in full, the invoice is PAID, its dunning over, and its subscription ACTIVE again if nothing else is overdue. */
export async function applyPayment(em: EntityManager, invoice: Invoice, amount: Decimal, actor: Actor, now: Date): Promise<void> {
  invoice.amountPaid = invoice.amountPaid.plus(amount);
  if (amountRemaining(invoice).gt(ZERO)) {
    await em.flush();
    return;
  }
  await markPaid(em, invoice, actor, now);
}

/** Nothing is left to pay (paid, or credited down to what was paid): PAID. */
export async function markPaid(em: EntityManager, invoice: Invoice, actor: Actor, now: Date): Promise<void> {
  invoice.status = InvoiceStatus.PAID;
  invoice.paidAt = now;
  invoice.nextCollectionAt = null;
  await em.flush();
  await emitEvent(em, invoiceEvent('paid', invoiceFacts(invoice), now));
  await recoverSubscription(em, invoice, actor, now);
}

/**
 * A dunning step failed (a declined charge, or an overdue invoice's reminder): the first one
 * starts the count and makes the subscription PAST_DUE; the next step is scheduled from the
 * policy, and a final action already due (no grace) is taken at once.
 */
export async function applyFailedStep(
  em: EntityManager,
  invoice: Invoice,
  step: number,
  failedAt: Date,
  rules: DunningRules,
  actor: Actor,
  now: Date,
): Promise<void> {
  const first = invoice.firstFailedAt ?? failedAt;
  invoice.firstFailedAt = first;
  const next = stepAfter(rules, step, first);
  invoice.collectionStep = next.step;
  invoice.nextCollectionAt = next.at;
  await em.flush();
  if (step === 0) await markPastDue(em, invoice, actor, now);
  if (next.kind === 'final' && next.at.getTime() <= now.getTime()) await applyFinalAction(em, invoice, rules, actor, now);
}

/** Retries exhausted: the policy's final action, once; dunning of this invoice ends. */
export async function applyFinalAction(em: EntityManager, invoice: Invoice, rules: DunningRules, actor: Actor, now: Date): Promise<void> {
  invoice.nextCollectionAt = null;
  if (rules.finalAction === DunningFinalAction.MARK_UNCOLLECTIBLE) invoice.status = InvoiceStatus.UNCOLLECTIBLE;
  await em.flush();
  await emitEvent(em, invoiceEvent('dunning_exhausted', invoiceFacts(invoice), now, { finalAction: rules.finalAction }));
  if (rules.finalAction === DunningFinalAction.MARK_UNCOLLECTIBLE) {
    await emitEvent(em, invoiceEvent('marked_uncollectible', invoiceFacts(invoice), now));
    await recoverSubscription(em, invoice, actor, now);
  }
  if (rules.finalAction === DunningFinalAction.CANCEL_SUBSCRIPTION) {
    const sub = await lockedSubscriptionOf(em, invoice);
    if (sub && sub.status !== SubscriptionStatus.CANCELED) {
      await cancelNow(em, sub, actor, now, { creditUnusedTime: false, detail: { reason: 'dunning', invoiceId: invoice.id } });
    }
  }
}

/** ACTIVE → PAST_DUE on an invoice's first failure. Other statuses keep theirs (a canceled one stays canceled). */
async function markPastDue(em: EntityManager, invoice: Invoice, actor: Actor, now: Date): Promise<void> {
  const sub = await lockedSubscriptionOf(em, invoice);
  if (!sub || sub.status !== SubscriptionStatus.ACTIVE) return;
  touch(sub, now);
  recordEvent(em, sub, 'past_due', actor, now, { invoiceId: invoice.id });
  sub.status = SubscriptionStatus.PAST_DUE;
  await em.flush();
  await emitEvent(em, subscriptionEvent('past_due', sub, now, { invoiceId: invoice.id }));
}

/** PAST_DUE → ACTIVE once none of its invoices is overdue any more (paid, written off or void). */
export async function recoverSubscription(em: EntityManager, invoice: Invoice, actor: Actor, now: Date): Promise<void> {
  const sub = await lockedSubscriptionOf(em, invoice);
  if (!sub || sub.status !== SubscriptionStatus.PAST_DUE) return;
  const stillOverdue = await em.count(Invoice, {
    subscription: sub.id,
    status: InvoiceStatus.OPEN,
    firstFailedAt: { $ne: null },
    id: { $ne: invoice.id },
  });
  if (stillOverdue > 0) return;
  touch(sub, now);
  recordEvent(em, sub, 'recovered', actor, now, { invoiceId: invoice.id });
  sub.status = SubscriptionStatus.ACTIVE;
  await em.flush();
  await emitEvent(em, subscriptionEvent('recovered', sub, now, { invoiceId: invoice.id }));
}

async function lockedSubscriptionOf(em: EntityManager, invoice: Invoice): Promise<Subscription | null> {
  if (!invoice.subscription) return null;
  const sub = await em.findOne(Subscription, { id: invoice.subscription.id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (sub) await em.populate(sub, ['items', 'items.price']);
  return sub;
}
