import type { EntityManager } from '@mikro-orm/postgresql';
import { meterOf } from '../../pricing';
import { ZERO } from '../../pricing/decimal';
import { toSnapshot } from '../catalog/price-snapshot';
import { PendingProration } from '../subscriptions/pending-proration.entity';
import { ItemPricer, PricedItem } from '../subscriptions/subscription-pricing';
import type { Subscription } from '../subscriptions/subscription.entity';
import { aggregateStoredUsage } from '../usage/usage-summary';
import { lockUsage, raiseWatermarks } from '../usage/usage-ledger';
import { draftSubscriptionInvoice } from './invoice-draft';
import { storeInvoice } from './invoice-finalize';
import type { Invoice } from './invoice.entity';

/**
 * The last invoice of a subscription canceled at once: the usage of its metered items from the
 * period start to `usedUntil` (billed in arrears, as at a period end) and every pending
 * proration, the cancellation's credit included. Without it both would be lost: a canceled
 * subscription has no next period to carry them. Nothing to bill, no invoice. One per
 * subscription (a subscription is canceled once): its billing key says so.
 */
export async function invoiceCancellation(em: EntityManager, sub: Subscription, items: readonly PricedItem[], usedUntil: Date | null, now: Date): Promise<Invoice | null> {
  await em.flush();
  const metered = usedUntil && usedUntil.getTime() > sub.currentPeriodStart.getTime() ? items.filter((i) => meterOf(toSnapshot(i.price)) !== null) : [];
  const pending = await em.find(PendingProration, { subscription: sub.id }, { orderBy: { createdAt: 'asc', amount: 'asc', priceCode: 'asc' } });
  if (metered.length === 0 && pending.length === 0) return null;
  if (metered.length > 0) await lockUsage(em, sub.customer.id);
  const period = { start: sub.currentPeriodStart, end: usedUntil ?? now };
  // Prorations come priced; only the metered items are priced here.
  const pricer = await ItemPricer.forCustomer(em, sub.customer.id, metered.map((i) => i.price));
  const draft = await draftSubscriptionInvoice({
    pricer,
    at: now,
    recurring: null,
    usage: metered.length > 0 ? { items: metered, period } : null,
    prorations: pending,
    measure: metered.length > 0 ? (metric, aggregation, p) => aggregateStoredUsage(em, { customerId: sub.customer.id, metric, aggregation, from: p.start, to: p.end }) : async () => ZERO,
  });
  const invoice = await storeInvoice(em, sub, draft, `${sub.id}:canceled`, now, { consumedProrations: pending });
  await raiseWatermarks(em, sub.customer.id, metered.map((i) => meterOf(toSnapshot(i.price))!.metric), period.end);
  return invoice;
}
