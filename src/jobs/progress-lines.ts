import type { BillingRunProgress } from '../domain/billing/billing-run';
import type { CollectionRunProgress } from '../domain/billing/collection-run';

/** The progress lines the billing and dunning CLIs write to stderr. */
export function billingProgressLine(p: BillingRunProgress, who = ''): string {
  return `${who}billing: ${p.subscriptionsProcessed}/${p.subscriptionsDue} subscriptions, ${p.invoicesCreated} invoices, ${p.subscriptionsFailed} failed, ${(p.elapsedMs / 1000).toFixed(1)} s\n`;
}

export function collectionProgressLine(p: CollectionRunProgress): string {
  return `collection: ${p.paymentsSucceeded} paid, ${p.paymentsFailed} failed, ${p.paymentsPending} unanswered, ${p.remindersSent} reminders, ${p.finalActions} final actions of ${p.invoicesDue} due\n`;
}
