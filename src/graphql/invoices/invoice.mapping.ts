import type { DraftLine, InvoiceDraft } from '../../domain/invoices/invoice-draft';
import type { InvoiceLine } from '../../domain/invoices/invoice-line.entity';
import { Invoice, InvoiceStatus } from '../../domain/invoices/invoice.entity';
import type { Subscription } from '../../domain/subscriptions/subscription.entity';
import { formatMoney } from '../../pricing/currency';
import { ZERO } from '../../pricing/decimal';
import type { InvoiceLineType, InvoiceType } from './invoice.types';

type Money = (amount: Parameters<typeof formatMoney>[0]) => string;

function lineToType(l: DraftLine | InvoiceLine, id: string, money: Money): InvoiceLineType {
  return {
    id, kind: l.kind, description: l.description, priceCode: l.priceCode, quantity: l.quantity.toFixed(),
    amount: money(l.amount), tax: money(l.tax), periodStart: l.periodStart, periodEnd: l.periodEnd, proration: l.proration, steps: l.steps,
  };
}

/** upcomingInvoice: the draft the next billing run would store, shown as an invoice that has no id or number yet. */
export function draftToInvoice(draft: InvoiceDraft, subscription: Subscription): InvoiceType {
  const money: Money = (d) => formatMoney(d, draft.currency);
  return {
    id: `upcoming_${subscription.id}`,
    number: null,
    status: InvoiceStatus.DRAFT,
    currency: draft.currency,
    customerId: subscription.customer.id,
    subscriptionId: subscription.id,
    periodStart: draft.periodStart,
    periodEnd: draft.periodEnd,
    subtotal: money(draft.subtotal),
    tax: money(draft.tax),
    total: money(draft.total),
    amountDue: money(draft.total),
    amountCredited: money(ZERO),
    voidedAt: null,
    notes: draft.notes,
    // Not stored, so not creditable: ids that name no stored line.
    lines: draft.lines.map((l, i) => lineToType(l, `upcoming_${subscription.id}_${i}`, money)),
    createdAt: null,
    finalizedAt: null,
    dueAt: null,
    amountPaid: money(ZERO),
    amountRemaining: money(draft.total),
    paidAt: null,
    collectionMethod: null,
    nextPaymentAttemptAt: null,
  };
}

/** A stored invoice, its lines loaded (the service populates them), amounts at the currency's scale. */
export function storedToInvoice(invoice: Invoice): InvoiceType {
  const money: Money = (d) => formatMoney(d, invoice.currency);
  return {
    id: invoice.id,
    number: invoice.number,
    status: invoice.status,
    currency: invoice.currency,
    customerId: invoice.customer.id,
    subscriptionId: invoice.subscription?.id ?? null,
    periodStart: invoice.periodStart,
    periodEnd: invoice.periodEnd,
    subtotal: money(invoice.subtotal),
    tax: money(invoice.tax),
    total: money(invoice.total),
    amountDue: money(invoice.amountDue),
    amountCredited: money(invoice.amountCredited),
    voidedAt: invoice.voidedAt,
    notes: invoice.notes,
    lines: invoice.lines.getItems().map((l) => lineToType(l, l.id, money)),
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
