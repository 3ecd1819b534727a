import type { EntityManager } from '@mikro-orm/postgresql';
import { ZERO } from '../../pricing/decimal';
import { PendingProration } from '../subscriptions/pending-proration.entity';
import type { ItemPricer } from '../subscriptions/subscription-pricing';
import type { Subscription } from '../subscriptions/subscription.entity';
import { draftSubscriptionInvoice, InvoiceDraft, ProrationSource } from './invoice-draft';
import { storeInvoice } from './invoice-finalize';
import type { InvoiceFacts } from './invoice-writer';

/**
 * ALWAYS_INVOICE: every pending proration of the subscription, billed now on an invoice of its
 * own (finalized like any other) instead of waiting for the next period's invoice. Keyed by the
 * subscription's version, so one change makes at most one such invoice.
 */
export async function invoiceProrationsNow(
  em: EntityManager,
  sub: Subscription,
  pricer: ItemPricer,
  now: Date,
): Promise<InvoiceFacts | null> {
  await em.flush();
  const pending = await em.find(
    PendingProration,
    { subscription: sub.id },
    { orderBy: { createdAt: 'asc', amount: 'asc', priceCode: 'asc' } },
  );
  if (pending.length === 0) return null;
  const draft = await draftProrationInvoice(pricer, sub, pending, now);
  return storeInvoice(em, sub, draft, `${sub.id}:prorations:v${sub.version}`, now, { consumedProrations: pending });
}

/** The invoice ALWAYS_INVOICE makes of these prorations now; previewSubscriptionChange shows it too. */
export async function draftProrationInvoice(
  pricer: ItemPricer,
  sub: Subscription,
  prorations: readonly ProrationSource[],
  now: Date,
): Promise<InvoiceDraft> {
  const draft = await draftSubscriptionInvoice({ pricer, at: now, recurring: null, usage: null, prorations, measure: async () => ZERO });
  draft.periodStart = now;
  draft.periodEnd = sub.currentPeriodEnd;
  return draft;
}
