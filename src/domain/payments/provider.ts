import type { Decimal } from '../../pricing/decimal';

/** What a provider says about a token when it is attached: how people should see the method. */
export interface AttachedMethod {
  label: string;
}

export interface ChargeRequest {
  /** Sent to the provider as its idempotency key: the same key is the same charge, however often it is asked. */
  idempotencyKey: string;
  invoiceId: string;
  customerId: string;
  token: string;
  amount: Decimal;
  currency: string;
}

export type ChargeResult = { status: 'succeeded'; reference: string } | { status: 'failed'; reference: string | null; error: string };

export interface RefundRequest {
  idempotencyKey: string;
  /** The provider's reference of the charge being refunded. */
  chargeReference: string;
  amount: Decimal;
  currency: string;
}

export type RefundResult = { status: 'succeeded'; reference: string } | { status: 'failed'; error: string };

/**
 * A payment gateway as Tariff uses it. A provider for a real gateway implements this and is
 * registered by name (providers.ts). `canCharge: false` marks methods that pay by themselves
 * (bank transfer): their invoices wait for recordPayment within the customer's terms.
 * A provider must treat `idempotencyKey` as Stripe's Idempotency-Key: the first answer is the
 * answer, so a charge retried after our crash is never made twice.
 */
export interface PaymentProvider {
  readonly name: string;
  readonly canCharge: boolean;
  /** Checks a token and names the method; throws InvalidInputError for a token it does not know. */
  attach(token: string, field: string): Promise<AttachedMethod>;
  charge(request: ChargeRequest): Promise<ChargeResult>;
  refund(request: RefundRequest): Promise<RefundResult>;
}
