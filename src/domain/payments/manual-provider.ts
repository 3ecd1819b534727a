import { InvalidInputError } from '../errors';
import type { AttachedMethod, ChargeResult, PaymentProvider, RefundResult } from './provider';

export const MANUAL_PROVIDER = 'manual';

/**
 * Bank transfer, the usual B2B way: nothing to charge. Invoices of a customer paying this way
 * wait, OPEN, for the customer's payment terms, and recordPayment reconciles them.
 */
export class ManualProvider implements PaymentProvider {
  readonly name = MANUAL_PROVIDER;
  readonly canCharge = false;

  async attach(token: string, field: string): Promise<AttachedMethod> {
    // The token is what the customer's transfers will quote (an IBAN's last digits, a mandate id): shown, not used.
    const shown = token.trim();
    if (shown.length === 0 || shown.length > 100) throw new InvalidInputError(field, 'a bank reference of 1 to 100 characters');
    return { label: `Bank transfer (${shown})` };
  }

  async charge(): Promise<ChargeResult> {
    return { status: 'failed', reference: null, error: 'manual payments are recorded with recordPayment, not charged' };
  }

  async refund(): Promise<RefundResult> {
    return { status: 'failed', error: 'manual payments are refunded outside Tariff' };
  }
}
