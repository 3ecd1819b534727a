import type { EntityManager } from '@mikro-orm/postgresql';
import { meterOf } from '../../pricing';
import { toSnapshot } from '../catalog/price-snapshot';
import { PendingProration } from '../subscriptions/pending-proration.entity';
import { ItemPricer, PricedItem } from '../subscriptions/subscription-pricing';
import type { Subscription } from '../subscriptions/subscription.entity';
import { aggregateStoredUsage } from '../usage/usage-summary';
import { lockUsage, raiseWatermarks } from '../usage/usage-ledger';
import { draftSubscriptionInvoice, Period } from './invoice-draft';
import { storeInvoice } from './invoice-finalize';
import type { InvoiceFacts } from './invoice-writer';

/**
 * An invoice made now, outside the period cycle, for what would otherwise never be billed: the
 * usage of the metered items over `usage` (in arrears, as at a period end) and, when asked,
 * every pending proration. A subscription canceled at once has no next invoice for its usage
 * and its credit; one resumed in a later period leaves the period it paused in, whose usage up
 * to the pause no period end will bill. Nothing to bill, no invoice. `billingKey` makes it once.
 */
export async function invoiceOutOfCycle(
  em: EntityManager,
  sub: Subscription,
  items: readonly PricedItem[],
  usage: Period | null,
  now: Date,
  billingKey: string,
  options: { prorations: boolean },
): Promise<InvoiceFacts | null> {
  await em.flush();
  const metered = usage && usage.end.getTime() > usage.start.getTime() ? items.filter((i) => meterOf(toSnapshot(i.price)) !== null) : [];
  const pending = options.prorations
    ? await em.find(PendingProration, { subscription: sub.id }, { orderBy: { createdAt: 'asc', amount: 'asc', priceCode: 'asc' } })
    : [];
  if (metered.length === 0 && pending.length === 0) return null;
  if (metered.length > 0) await lockUsage(em, [sub.customer.id]);
  // Prorations come priced; only the metered items are priced here.
  const pricer = await ItemPricer.forCustomer(
    em,
    sub.customer.id,
    metered.map((i) => i.price),
    sub.id,
  );
  const draft = await draftSubscriptionInvoice({
    pricer,
    at: now,
    recurring: null,
    usage: metered.length > 0 ? { items: metered, period: usage! } : null,
    prorations: pending,
    measure: (metric, aggregation, p) =>
      aggregateStoredUsage(em, { customerId: sub.customer.id, metric, aggregation, from: p.start, to: p.end }),
  });
  const invoice = await storeInvoice(em, sub, draft, billingKey, now, { consumedProrations: pending });
  await raiseWatermarks(
    em,
    metered.map((i) => ({ customerId: sub.customer.id, metric: meterOf(toSnapshot(i.price))!.metric, through: usage!.end })),
  );
  return invoice;
}
