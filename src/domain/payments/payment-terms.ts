/**
 * Payment terms: when an invoice is due (docs/payment-terms.md). CONTRACT.md: `Invoice.dueAt` =
 * finalization + the customer's `paymentTermsDays`, for every invoice whatever makes it (billing
 * runs, test clocks, subscription starts, changes, out-of-cycle invoices, drafts finalized later,
 * consolidated invoices: the paying customer's terms) and however it is collected. Everything that
 * dates an invoice calls `invoiceDueAt`, through collectionTerms (collection-terms.ts) where it
 * also schedules collection.
 */

/** A customer's terms (the Customer entity is one): "net 30", or "net 30 end of month". */
export interface PaymentTerms {
  paymentTermsDays: number;
  /** Due at the end of the month in which finalization + the days falls. */
  paymentTermsEndOfMonth: boolean;
}

/** The terms of a customer created without any, until the seller sets its own (seller settings). */
export const DEFAULT_PAYMENT_TERMS: Readonly<PaymentTerms> = Object.freeze({ paymentTermsDays: 30, paymentTermsEndOfMonth: false });

/** Terms are whole days of 24 hours, never calendar days, so that no time zone stretches them. */
export const MAX_PAYMENT_TERMS_DAYS = 365;

const DAY_MS = 86_400_000;

/**
 * The due date of an invoice finalized at `finalizedAt`: `paymentTermsDays` × 24 hours later; with
 * end-of-month terms, the last instant (23:59:59.999) of the calendar month in which that falls,
 * so a printed due date shows that month's last day. Months are UTC's: Tariff holds no customer
 * time zone (when it does, the month is the customer's).
 */
export function invoiceDueAt(finalizedAt: Date, terms: PaymentTerms): Date {
  const net = new Date(finalizedAt.getTime() + terms.paymentTermsDays * DAY_MS);
  if (!terms.paymentTermsEndOfMonth) return net;
  return new Date(Date.UTC(net.getUTCFullYear(), net.getUTCMonth() + 1, 1) - 1);
}
