import { formatMoney } from '../../pricing/currency';
import type { Actor } from '../auth/actor';
import type { PaymentAttempt } from '../payments/payment-attempt.entity';
import type { PaymentMethod } from '../payments/payment-method.entity';
import type { DomainEventInput } from './emit-event';

export type PaymentVerb = 'succeeded' | 'failed' | 'recorded';

/** One payment attempt's outcome (payload conventions: event-payloads.ts). Reminders are invoice events. */
export function paymentEvent(verb: PaymentVerb, a: PaymentAttempt, at: Date): DomainEventInput {
  const payload = {
    id: a.id,
    invoiceId: a.invoice.id,
    customerId: a.customer.id,
    kind: a.kind,
    step: a.step,
    amount: formatMoney(a.amount, a.currency),
    currency: a.currency,
    outcome: a.outcome,
    provider: a.provider,
    providerReference: a.providerReference,
    error: a.error,
    at: a.at.toISOString(),
  };
  return { aggregateType: 'payment', aggregateId: a.id, type: `payment.${verb}`, customerId: a.customer.id, payload, at, newAggregate: true };
}

/** A payment method attached, made the default or detached; `by` tells a customer's own change (self-service) from the seller's. */
export function paymentMethodEvent(verb: 'attached' | 'made_default' | 'detached' | 'expiring', m: PaymentMethod, actor: Actor, at: Date): DomainEventInput {
  const payload = {
    id: m.id,
    customerId: m.customer.id,
    provider: m.provider,
    label: m.label,
    isDefault: m.isDefault,
    createdAt: m.createdAt.toISOString(),
    detachedAt: m.detachedAt ? m.detachedAt.toISOString() : null,
    expiresAt: m.expiresAt ? m.expiresAt.toISOString() : null,
    by: { keyId: actor.keyId, role: actor.role },
  };
  return { aggregateType: 'payment_method', aggregateId: m.id, type: `payment_method.${verb}`, customerId: m.customer.id, payload, at };
}
