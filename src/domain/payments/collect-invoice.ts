import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../auth/actor';
import { emitEvent } from '../events/emit-event';
import { invoiceEvent } from '../events/event-payloads';
import { invoiceFacts } from '../invoices/invoice-writer';
import { paymentEvent } from '../events/payment-events';
import { Invoice, InvoiceStatus } from '../invoices/invoice.entity';
import { CollectionMethod } from '../subscriptions/subscription.entity';
import { dunningRules } from './dunning-policy.service';
import { isFinalStep } from './dunning-schedule';
import { amountRemaining, applyPayment, markPaid } from './invoice-settlement';
import { applyFailedStep, applyFinalAction } from './dunning-steps';
import { PaymentAttempt, PaymentAttemptKind } from './payment-attempt.entity';
import { PaymentMethod } from './payment-method.entity';
import type { ChargeRequest, ChargeResult } from './provider';
import type { PaymentProviders } from './providers';

export interface CollectionContext {
  fork: () => EntityManager;
  providers: PaymentProviders;
  /** Recorded as who acted on the subscriptions dunning moves. */
  actor: Actor;
}

/** What one collection step did: `pending` when the provider could not be reached (asked again, same key, next run). */
export type CollectionOutcome = 'succeeded' | 'failed' | 'reminded' | 'final_action' | 'settled' | 'pending' | 'skipped';

type Claim = { kind: 'done'; outcome: CollectionOutcome } | { kind: 'charge'; attemptId: string; provider: string; request: ChargeRequest };

/**
 * Takes one due collection step of an invoice: the first charge, a retry, a reminder, or the
 * final action. A charge is three steps, so that it is never made twice: (1) a transaction
 * records the attempt as `pending` with its idempotency key and commits; (2) the provider is
 * asked, outside any transaction; (3) a transaction settles the attempt and the invoice. A crash
 * after (1) or (2) leaves the attempt pending, and the next run asks the provider again with the
 * same key, so it gets the first answer, not a second charge. Runs racing on one invoice skip
 * (SKIP LOCKED) or end in step (3) finding the attempt already settled.
 */
export async function collectInvoice(ctx: CollectionContext, invoiceId: string, at: Date, now: Date): Promise<CollectionOutcome> {
  const claim = await ctx.fork().transactional((em) => claimStep(em, ctx, invoiceId, at, now));
  if (claim.kind === 'done') return claim.outcome;
  let result: ChargeResult;
  try {
    result = await ctx.providers.get(claim.provider)!.charge(claim.request);
  } catch {
    // Unreachable or broken: we do not know whether it charged. The attempt stays pending and the same key is sent again next time.
    return 'pending';
  }
  return ctx.fork().transactional((em) => settleCharge(em, ctx, invoiceId, claim.attemptId, result, now));
}

async function claimStep(em: EntityManager, ctx: CollectionContext, invoiceId: string, at: Date, now: Date): Promise<Claim> {
  const invoice = await em.findOne(
    Invoice,
    { id: invoiceId, status: InvoiceStatus.OPEN, nextCollectionAt: { $lte: at } },
    { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE, refresh: true },
  );
  if (!invoice) return { kind: 'done', outcome: 'skipped' };
  // A charge a crash (or an unreachable provider) left unanswered is asked again first, with its key.
  const pending = await em.findOne(PaymentAttempt, { invoice: invoice.id, outcome: 'pending' }, { populate: ['paymentMethod'] });
  if (pending) return chargeClaim(pending, invoice);
  if (amountRemaining(invoice).lte(0)) {
    // Credit notes brought what is due down to what was paid.
    await markPaid(em, invoice, ctx.actor, now);
    return { kind: 'done', outcome: 'settled' };
  }
  const rules = await dunningRules(em);
  const step = invoice.collectionStep;
  if (isFinalStep(rules, step)) {
    await applyFinalAction(em, invoice, rules, ctx.actor, now);
    return { kind: 'done', outcome: 'final_action' };
  }
  const base = { invoice, customer: invoice.customer, step, amount: amountRemaining(invoice), currency: invoice.currency, at: now };
  if (invoice.collectionMethod === CollectionMethod.SEND_INVOICE) {
    const reminder = em.create(PaymentAttempt, { ...base, kind: PaymentAttemptKind.REMINDER, outcome: 'reminder_sent', settledAt: now });
    await em.flush();
    // Step 0 is the due date passing unpaid: the overdue notice; later steps are reminders.
    await emitEvent(
      em,
      invoiceEvent(step === 0 ? 'overdue' : 'reminder_sent', invoiceFacts(invoice), now, {
        step,
        amountRemaining: reminder.amount.toFixed(),
      }),
    );
    await applyFailedStep(em, invoice, step, invoice.dueAt ?? now, rules, ctx.actor, now);
    return { kind: 'done', outcome: 'reminded' };
  }
  const method = await em.findOne(PaymentMethod, { customer: invoice.customer.id, isDefault: true, detachedAt: null });
  const provider = method ? ctx.providers.get(method.provider) : undefined;
  if (!method || !provider || !provider.canCharge) {
    const error = !method ? 'no default payment method' : `payment provider ${method.provider} cannot charge`;
    const attempt = em.create(PaymentAttempt, {
      ...base,
      kind: PaymentAttemptKind.CHARGE,
      paymentMethod: method,
      provider: method?.provider ?? null,
      outcome: 'failed',
      error,
      settledAt: now,
    });
    await em.flush();
    await recordFailure(em, ctx, invoice, attempt, now);
    return { kind: 'done', outcome: 'failed' };
  }
  const attempt = em.create(PaymentAttempt, {
    ...base,
    kind: PaymentAttemptKind.CHARGE,
    idempotencyKey: `${invoice.id}:${step}`,
    paymentMethod: method,
    provider: method.provider,
    outcome: 'pending',
  });
  await em.flush();
  return chargeClaim(attempt, invoice);
}

function chargeClaim(attempt: PaymentAttempt, invoice: Invoice): Claim {
  return {
    kind: 'charge',
    attemptId: attempt.id,
    provider: attempt.provider!,
    request: {
      idempotencyKey: attempt.idempotencyKey!,
      invoiceId: invoice.id,
      customerId: invoice.customer.id,
      token: attempt.paymentMethod!.token,
      amount: attempt.amount,
      currency: attempt.currency,
    },
  };
}

async function settleCharge(
  em: EntityManager,
  ctx: CollectionContext,
  invoiceId: string,
  attemptId: string,
  result: ChargeResult,
  now: Date,
): Promise<CollectionOutcome> {
  const invoice = await em.findOneOrFail(Invoice, { id: invoiceId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  const attempt = await em.findOneOrFail(PaymentAttempt, { id: attemptId }, { refresh: true });
  // Another run asked with the same key and settled it first: the same answer, already applied.
  if (attempt.outcome !== 'pending') return 'skipped';
  attempt.settledAt = now;
  attempt.providerReference = result.reference;
  if (result.status === 'succeeded') {
    attempt.outcome = 'succeeded';
    await em.flush();
    await emitEvent(em, paymentEvent('succeeded', attempt, now));
    await applyPayment(em, invoice, attempt.amount, ctx.actor, now);
    return 'succeeded';
  }
  attempt.outcome = 'failed';
  attempt.error = result.error;
  await em.flush();
  await recordFailure(em, ctx, invoice, attempt, now);
  return 'failed';
}

async function recordFailure(
  em: EntityManager,
  ctx: CollectionContext,
  invoice: Invoice,
  attempt: PaymentAttempt,
  now: Date,
): Promise<void> {
  await emitEvent(em, paymentEvent('failed', attempt, now));
  await emitEvent(
    em,
    invoiceEvent('payment_failed', invoiceFacts(invoice), now, { attemptId: attempt.id, step: attempt.step, error: attempt.error }),
  );
  // An invoice paid or voided while the charge was out is no longer in dunning.
  if (invoice.status !== InvoiceStatus.OPEN) return;
  await applyFailedStep(em, invoice, attempt.step ?? 0, attempt.at, await dunningRules(em), ctx.actor, now);
}
