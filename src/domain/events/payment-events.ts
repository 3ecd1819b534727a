import { formatMoney } from '../../pricing/currency';
import type { Decimal } from '../../pricing/decimal';
import type { Actor } from '../auth/actor';
import type { DomainEventOf } from './event-types';

export type PaymentVerb = 'succeeded' | 'failed' | 'recorded' | 'refunded';

/** A payment attempt as plain data: the entity is one. */
export interface PaymentFacts {
  id: string;
  invoice: { id: string };
  customer: { id: string };
  kind: string;
  step: number | null;
  amount: Decimal;
  currency: string;
  outcome: string;
  provider: string | null;
  providerReference: string | null;
  error: string | null;
  at: Date;
}

/** One payment attempt's outcome (payload conventions: event-schemas.ts). Reminders are invoice events. */
export function paymentEvent(verb: PaymentVerb, a: PaymentFacts, at: Date): DomainEventOf<`payment.${PaymentVerb}`> {
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
  return {
    aggregateType: 'payment',
    aggregateId: a.id,
    type: `payment.${verb}`,
    customerId: a.customer.id,
    payload,
    at,
    newAggregate: true,
  };
}

/** A payment method as plain data: the entity is one. */
export interface PaymentMethodFacts {
  id: string;
  customer: { id: string };
  provider: string;
  label: string;
  isDefault: boolean;
  createdAt: Date;
  detachedAt: Date | null;
  expiresAt: Date | null;
}

type PaymentMethodVerb = 'attached' | 'made_default' | 'detached' | 'expiring';

/** A payment method attached, made the default or detached; `by` tells a customer's own change (self-service) from the seller's. */
export function paymentMethodEvent(
  verb: PaymentMethodVerb,
  m: PaymentMethodFacts,
  actor: Pick<Actor, 'keyId' | 'role'>,
  at: Date,
): DomainEventOf<`payment_method.${PaymentMethodVerb}`> {
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
