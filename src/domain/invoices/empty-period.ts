import type { InvoiceDraft } from './invoice-draft';

/**
 * A period invoice not worth issuing: the subscription has nothing billed per period (no
 * subscription items: a goods-only subscription, whose PHYSICAL items are on its delivery
 * schedule and billed by orders and shipments, docs/orders.md) and the draft has no line (no
 * proration or late usage to settle either). Its boundary still closes (the period moves on,
 * the history and `subscription.renewed` are written); exactly once then rests on the row lock
 * and the re-check under it, as it always did, not on the billing key of an invoice.
 */
export function billsNothing(periodItems: number, draft: Pick<InvoiceDraft, 'lines'>): boolean {
  return periodItems === 0 && draft.lines.length === 0;
}
