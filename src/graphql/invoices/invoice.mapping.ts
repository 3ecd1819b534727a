import type { InvoiceDraft } from '../../domain/invoices/invoice-draft';
import { draftedInvoice } from '../../domain/invoices/invoice-issue';
import { InvoiceFacts, invoiceFacts, InvoiceLineFacts, invoiceLineFacts } from '../../domain/invoices/invoice-writer';
import { Invoice, InvoiceStatus } from '../../domain/invoices/invoice.entity';
import type { Subscription } from '../../domain/subscriptions/subscription.entity';
import { formatMoney } from '../../pricing/currency';
import type { InvoiceLineType, InvoiceType } from './invoice.types';

/** The invoice shape as clients see it, amounts at the currency's scale. */
export function toInvoiceType(invoice: InvoiceFacts, lines: readonly InvoiceLineFacts[]): InvoiceType {
  const money = (d: Parameters<typeof formatMoney>[0]) => formatMoney(d, invoice.currency);
  return {
    id: invoice.id,
    number: invoice.number,
    status: invoice.status,
    currency: invoice.currency,
    customerId: invoice.customerId,
    subscriptionId: invoice.subscriptionId,
    purchaseOrderNumber: invoice.purchaseOrderNumber,
    periodStart: invoice.periodStart,
    periodEnd: invoice.periodEnd,
    subtotal: money(invoice.subtotal),
    tax: money(invoice.tax),
    total: money(invoice.total),
    amountDue: money(invoice.amountDue),
    amountCredited: money(invoice.amountCredited),
    voidedAt: invoice.voidedAt,
    notes: [...invoice.notes],
    lines: lines.map((l): InvoiceLineType => ({
      id: l.id,
      kind: l.kind,
      description: l.description,
      priceCode: l.priceCode,
      quantity: l.quantity.toFixed(),
      amount: money(l.amount),
      tax: money(l.tax),
      periodStart: l.periodStart,
      periodEnd: l.periodEnd,
      proration: l.proration,
      steps: [...l.steps],
      purchaseOrderNumber: l.purchaseOrderNumber,
      customerId: l.customerId ?? invoice.customerId,
      subscriptionId: l.subscriptionId ?? null,
      locationId: l.locationId ?? null,
    })),
    createdAt: invoice.createdAt,
    finalizedAt: invoice.finalizedAt,
    dueAt: invoice.dueAt,
    amountPaid: money(invoice.amountPaid),
    amountRemaining: money(invoice.amountDue.minus(invoice.amountPaid)),
    paidAt: invoice.paidAt,
    collectionMethod: invoice.status === InvoiceStatus.DRAFT ? null : invoice.collectionMethod,
    nextPaymentAttemptAt: invoice.nextCollectionAt,
  };
}

/** upcomingInvoice: the draft the next billing run would store, shown as an invoice that has no id or number yet. */
export function draftToInvoice(draft: InvoiceDraft, subscription: Subscription): InvoiceType {
  const origin = {
    customerId: subscription.customer.id,
    subscriptionId: subscription.id,
    billingKey: null,
    purchaseOrderNumber: subscription.purchaseOrderNumber,
  };
  // Not stored, so not creditable: ids that name no stored line.
  const ids = { invoice: `upcoming_${subscription.id}`, line: (i: number) => `upcoming_${subscription.id}_${i}` };
  // Not stored, so made at no instant: createdAt is null whatever is passed for it.
  const { invoice, lines } = draftedInvoice(draft, origin, subscription.collectionMethod, new Date(0), ids);
  return { ...toInvoiceType(invoice, lines), createdAt: null };
}

/** A stored invoice, its lines loaded (the service populates them). */
export function storedToInvoice(invoice: Invoice): InvoiceType {
  return toInvoiceType(invoiceFacts(invoice), invoice.lines.getItems().map(invoiceLineFacts));
}
