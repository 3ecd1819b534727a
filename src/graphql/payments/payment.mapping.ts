import type { PaymentAttempt } from '../../domain/payments/payment-attempt.entity';
import type { PaymentMethod } from '../../domain/payments/payment-method.entity';
import { formatMoney } from '../../pricing/currency';
import type { PaymentAttemptType, PaymentMethodType } from './payment.types';

export function toPaymentMethod(m: PaymentMethod): PaymentMethodType {
  return { id: m.id, provider: m.provider, label: m.label, isDefault: m.isDefault, createdAt: m.createdAt, expiresAt: m.expiresAt };
}

export function toPaymentAttempt(a: PaymentAttempt): PaymentAttemptType {
  return {
    id: a.id,
    invoiceId: a.invoice.id,
    kind: a.kind,
    step: a.step,
    at: a.at,
    amount: formatMoney(a.amount, a.currency),
    currency: a.currency,
    outcome: a.outcome,
    error: a.error,
    provider: a.provider,
    providerReference: a.providerReference,
  };
}
