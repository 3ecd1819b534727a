import { CustomerFacts, emptyFacts } from '../map/map-customer';
import type { SubscriptionFacts } from './scan-dump';
import type { StripeInvoice } from './stripe-objects';

/** Statuses whose tax and terms matter: what will bill again (a canceled subscription's tax is history). */
const LIVE = new Set(['active', 'trialing', 'past_due', 'unpaid', 'paused', 'incomplete']);

/** The first pass's notes of each customer's subscriptions and open invoices (map-customer.ts reads them). */
export class CustomerFactBook {
  private readonly facts = new Map<string, CustomerFacts>();

  of(customerId: string): CustomerFacts {
    return this.facts.get(customerId) ?? emptyFacts();
  }

  noteSubscription(sub: SubscriptionFacts): void {
    const facts = this.entry(sub.customer);
    facts.currencies.add(sub.currency.toUpperCase());
    if (!LIVE.has(sub.status)) return;
    if (sub.collection_method === 'send_invoice' && sub.days_until_due !== null && sub.days_until_due !== undefined)
      facts.daysUntilDue.add(sub.days_until_due);
    const problem = taxProblemOf(sub);
    if (problem) {
      facts.taxProblem ??= problem;
      return;
    }
    const rate = (sub.default_tax_rates ?? [])[0];
    facts.taxPercentages.push(rate ? rate.percentage : null);
  }

  noteInvoice(invoice: StripeInvoice): void {
    if (invoice.status === 'open') this.entry(invoice.customer).currencies.add(invoice.currency.toUpperCase());
  }

  private entry(customerId: string): CustomerFacts {
    let facts = this.facts.get(customerId);
    if (!facts) {
      facts = emptyFacts();
      this.facts.set(customerId, facts);
    }
    return facts;
  }
}

function taxProblemOf(sub: SubscriptionFacts): string | null {
  if (sub.automatic_tax?.enabled)
    return `tax: subscription ${sub.id} uses Stripe Tax (automatic_tax), which taxes by address; Tariff taxes a customer at one rate`;
  const rates = sub.default_tax_rates ?? [];
  if (rates.length > 1) return `tax: subscription ${sub.id} charges ${rates.length} tax rates at once; Tariff taxes a customer at one rate`;
  if (rates.some((r) => r.inclusive)) return `tax: subscription ${sub.id} has an inclusive tax rate; Tariff prices are net of tax`;
  const perItem = sub.items.data.findIndex((i) => (i.tax_rates ?? []).length > 0);
  if (perItem >= 0) return `tax: subscription ${sub.id} has tax rates on items[${perItem}]; Tariff taxes a customer at one rate`;
  return null;
}
