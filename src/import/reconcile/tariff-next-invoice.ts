import type { EntityManager } from '@mikro-orm/postgresql';
import { planNextBoundary } from '../../domain/invoices/next-invoice';
import { Subscription, SubscriptionStatus } from '../../domain/subscriptions/subscription.entity';
import type { Decimal } from '../../pricing/decimal';

/** Tariff's side of one imported subscription: its next invoice, as upcomingInvoice shows it. */
export interface TariffNextInvoice {
  subscriptionId: string;
  status: SubscriptionStatus;
  currency: string;
  /** The boundary it is invoiced at; null for a paused or canceled subscription (no next invoice). */
  at: Date | null;
  /** Its total, tax included; null when there is none. */
  total: Decimal | null;
}

/**
 * The next invoice by the code upcomingInvoice runs (planNextBoundary: the same draft the billing
 * run stores), so what the reconciliation compares with Stripe is what Tariff will bill.
 */
export async function tariffNextInvoice(em: EntityManager, subscriptionId: string): Promise<TariffNextInvoice> {
  const sub = await em.findOneOrFail(Subscription, { id: subscriptionId });
  const base = { subscriptionId, status: sub.status, currency: sub.currency };
  if (sub.status === SubscriptionStatus.PAUSED || sub.status === SubscriptionStatus.CANCELED) return { ...base, at: null, total: null };
  const plan = await planNextBoundary(em, sub);
  return { ...base, at: plan.at, total: plan.draft.total };
}
