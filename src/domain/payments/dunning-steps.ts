import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../auth/actor';
import { emitEvent } from '../events/emit-event';
import { invoiceEvent, subscriptionEvent } from '../events/event-payloads';
import { invoiceFacts } from '../invoices/invoice-writer';
import { type Invoice, InvoiceStatus } from '../invoices/invoice.entity';
import { cancelNow } from '../subscriptions/subscription-cancel';
import { recordEvent, touch } from '../subscriptions/subscription-store';
import { SubscriptionStatus } from '../subscriptions/subscription.entity';
import { DunningFinalAction } from './dunning-policy.entity';
import { DunningRules, stepAfter } from './dunning-schedule';
import { lockedSubscriptionsOf, recoverSubscription } from './invoice-settlement';

/*
 * What a failed dunning step and dunning's end do to an invoice and the subscriptions it bills,
 * inside the caller's transaction, which holds the invoice's row lock. Apart from
 * invoice-settlement.ts (payments) because a final action may cancel a subscription, and
 * cancelling can issue an invoice: settlement is reached from finalization (a credit balance
 * pays a new invoice), so it must not reach back to cancellation.
 */

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
    for (const sub of await lockedSubscriptionsOf(em, invoice)) {
      if (sub.status === SubscriptionStatus.CANCELED) continue;
      await cancelNow(em, sub, actor, now, { creditUnusedTime: false, detail: { reason: 'dunning', invoiceId: invoice.id } });
    }
  }
}

/** ACTIVE → PAST_DUE on an invoice's first failure. Other statuses keep theirs (a canceled one stays canceled). */
async function markPastDue(em: EntityManager, invoice: Invoice, actor: Actor, now: Date): Promise<void> {
  for (const sub of await lockedSubscriptionsOf(em, invoice)) {
    if (sub.status !== SubscriptionStatus.ACTIVE) continue;
    touch(sub, now);
    recordEvent(em, sub, 'past_due', actor, now, { invoiceId: invoice.id });
    sub.status = SubscriptionStatus.PAST_DUE;
    await em.flush();
    await emitEvent(em, subscriptionEvent('past_due', sub, now, { invoiceId: invoice.id }));
  }
}
