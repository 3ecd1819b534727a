import { formatMoney } from '../../pricing/currency';
import type { Decimal } from '../../pricing/decimal';
import type { DomainEventOf } from './event-types';

/** A direct-debit batch as plain data: the entity and its invoices' ids. */
export interface DirectDebitBatchFacts {
  id: string;
  messageId: string;
  collectionDate: Date;
  currency: string;
  count: number;
  total: Decimal;
  createdAt: Date;
  settledAt: Date | null;
}

type BatchVerb = 'created' | 'settled';

/** A pain.008 file made, or its collections settled. No customer: a batch collects from many (each payment has its own event). */
export function directDebitBatchEvent(
  verb: BatchVerb,
  b: DirectDebitBatchFacts,
  invoiceIds: readonly string[],
  at: Date,
): DomainEventOf<`direct_debit_batch.${BatchVerb}`> {
  const payload = {
    id: b.id,
    messageId: b.messageId,
    collectionDate: b.collectionDate.toISOString(),
    currency: b.currency,
    count: b.count,
    total: formatMoney(b.total, b.currency),
    invoiceIds: [...invoiceIds],
    createdAt: b.createdAt.toISOString(),
    settledAt: b.settledAt ? b.settledAt.toISOString() : null,
  };
  return {
    aggregateType: 'direct_debit_batch',
    aggregateId: b.id,
    type: `direct_debit_batch.${verb}`,
    customerId: null,
    payload,
    at,
    newAggregate: verb === 'created',
  };
}

/** A refund as plain data: the entity is one. */
export interface RefundFacts {
  id: string;
  payment: { id: string };
  refundPayment: { id: string };
  invoice: { id: string };
  customer: { id: string };
  creditNote: { id: string };
  amount: Decimal;
  currency: string;
  reason: string | null;
  method: string;
  providerReference: string | null;
  createdAt: Date;
}

/** Money given back: the credit note and the negative payment have events of their own. The pain.001 file is not in it. */
export function refundEvent(r: RefundFacts, at: Date): DomainEventOf<'refund.created'> {
  const payload = {
    id: r.id,
    paymentId: r.payment.id,
    refundPaymentId: r.refundPayment.id,
    invoiceId: r.invoice.id,
    customerId: r.customer.id,
    creditNoteId: r.creditNote.id,
    amount: formatMoney(r.amount, r.currency),
    currency: r.currency,
    reason: r.reason,
    method: r.method,
    providerReference: r.providerReference,
    createdAt: r.createdAt.toISOString(),
  };
  return { aggregateType: 'refund', aggregateId: r.id, type: 'refund.created', customerId: r.customer.id, payload, at, newAggregate: true };
}
