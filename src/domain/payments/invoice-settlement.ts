import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import { Decimal, ZERO } from '../../pricing/decimal';
import type { Actor } from '../auth/actor';
import { emitEvent } from '../events/emit-event';
import { invoiceEvent, subscriptionEvent } from '../events/event-payloads';
import { invoiceFacts } from '../invoices/invoice-writer';
import { Invoice, InvoiceStatus } from '../invoices/invoice.entity';
import { recordEvent, touch } from '../subscriptions/subscription-store';
import { Subscription, SubscriptionStatus } from '../subscriptions/subscription.entity';

/*
 * What a payment does to an invoice and the subscriptions it bills, inside the caller's
 * transaction, which holds the invoice's row lock (lockInvoice). Failed steps and dunning's end
 * are in dunning-steps.ts.
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

/** PAST_DUE → ACTIVE once none of its invoices is overdue any more (paid, written off or void). */
export async function recoverSubscription(em: EntityManager, invoice: Invoice, actor: Actor, now: Date): Promise<void> {
  for (const sub of await lockedSubscriptionsOf(em, invoice)) {
    if (sub.status !== SubscriptionStatus.PAST_DUE) continue;
    if (await stillOverdue(em, sub, invoice)) continue;
    touch(sub, now);
    recordEvent(em, sub, 'recovered', actor, now, { invoiceId: invoice.id });
    sub.status = SubscriptionStatus.ACTIVE;
    await em.flush();
    await emitEvent(em, subscriptionEvent('recovered', sub, now, { invoiceId: invoice.id }));
  }
}

/** Another of the subscription's invoices is open and has failed: its own, or a consolidated one with a line for it. */
async function stillOverdue(em: EntityManager, sub: Subscription, invoice: Invoice): Promise<boolean> {
  // On the transaction's own connection (boundRows): the embedded database has only one.
  const rows = await boundRows<{ overdue: boolean }>(
    em,
    `select exists (
       select 1 from invoice i
        where i.status = 'OPEN' and i.first_failed_at is not null and i.id <> ?
          and (i.subscription_id = ? or exists (select 1 from invoice_line l where l.invoice_id = i.id and l.subscription_id = ?))
     ) as overdue`,
    [invoice.id, sub.id, sub.id],
  );
  return rows[0].overdue;
}

/**
 * The subscriptions an invoice bills, locked in id order (so two settlements of overlapping
 * consolidated invoices cannot deadlock): its own, or on a consolidated invoice every
 * subscription one of its lines names, so dunning reaches the group members' subscriptions too.
 */
export async function lockedSubscriptionsOf(em: EntityManager, invoice: Invoice): Promise<Subscription[]> {
  const ids = invoice.subscription
    ? [invoice.subscription.id]
    : (
        await boundRows<{ id: string }>(
          em,
          'select distinct subscription_id as id from invoice_line where invoice_id = ? and subscription_id is not null order by 1',
          [invoice.id],
        )
      ).map((r) => r.id);
  const subs: Subscription[] = [];
  for (const id of ids) {
    const sub = await em.findOne(Subscription, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!sub) continue;
    await em.populate(sub, ['items', 'items.price']);
    subs.push(sub);
  }
  return subs;
}
