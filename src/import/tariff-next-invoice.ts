import type { EntityManager } from '@mikro-orm/postgresql';
import { draftSubscriptionInvoice, InvoiceDraft } from '../domain/invoices/invoice-draft';
import { planNextBoundary } from '../domain/invoices/next-invoice';
import { ItemPricer } from '../domain/subscriptions/subscription-pricing';
import { Subscription, SubscriptionStatus } from '../domain/subscriptions/subscription.entity';
import { periodContaining } from '../pricing';
import { Decimal, ZERO } from '../pricing/decimal';

/** Tariff's side of one imported subscription: its next invoice, as upcomingInvoice shows it. */
export interface TariffNextInvoice {
  subscriptionId: string;
  status: SubscriptionStatus;
  currency: string;
  /** The boundary it is invoiced at; null for a paused or canceled subscription (no next invoice). */
  at: Date | null;
  /** Its total, tax included; null when there is none. */
  total: Decimal | null;
  /**
   * A whole period's recurring lines as the next renewal prices them, for MRR: the upcoming
   * invoice itself, or, for a subscription that ends at its period end (whose upcoming invoice is
   * its final one, without them), the period it would renew for.
   */
  renewal: InvoiceDraft | null;
}

/**
 * The next invoice by the code upcomingInvoice runs (planNextBoundary: the same draft the billing
 * run stores), so what the reconciliation compares with Stripe is what Tariff will bill.
 */
export async function tariffNextInvoice(em: EntityManager, subscriptionId: string): Promise<TariffNextInvoice> {
  const sub = await em.findOneOrFail(Subscription, { id: subscriptionId });
  const base = { subscriptionId, status: sub.status, currency: sub.currency };
  if (sub.status === SubscriptionStatus.PAUSED || sub.status === SubscriptionStatus.CANCELED) return { ...base, at: null, total: null, renewal: null };
  const plan = await planNextBoundary(em, sub);
  let renewal = plan.draft;
  if (plan.kind === 'end') {
    const items = sub.items.getItems().map((i) => ({ price: i.price, quantity: i.quantity }));
    const pricer = await ItemPricer.forCustomer(em, sub.customer.id, items.map((i) => i.price), sub.id);
    renewal = await draftSubscriptionInvoice({
      pricer,
      at: plan.at,
      recurring: { items, period: periodContaining(sub.billingAnchor, sub.interval, sub.intervalCount, plan.at) },
      usage: null,
      prorations: [],
      measure: async () => ZERO,
    });
  }
  return { ...base, at: plan.at, total: plan.draft.total, renewal };
}
