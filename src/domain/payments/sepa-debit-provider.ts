import { InvalidInputError } from '../errors';
import type { AttachedMethod, ChargeResult, PaymentProvider, RefundResult } from './provider';

export const SEPA_DEBIT_PROVIDER = 'sepa_debit';

/**
 * SEPA Direct Debit: nothing is charged one invoice at a time. The seller's bank collects what
 * createDirectDebitBatch puts in a pain.008 file; the invoices wait for it (collection-terms.ts),
 * settlement records the payments and returns reopen them (direct-debit.service.ts). The token is
 * the mandate id; the mandate itself is stored beside the method (sepa-mandate.ts).
 */
export class SepaDebitProvider implements PaymentProvider {
  readonly name = SEPA_DEBIT_PROVIDER;
  readonly canCharge = false;

  async attach(token: string, field: string): Promise<AttachedMethod> {
    // Reached only without mandate details: PaymentMethodService attaches sepa_debit through attachSepaMandate.
    throw new InvalidInputError(field.replace(/token$/, 'sepaMandate'), `a ${SEPA_DEBIT_PROVIDER} method needs its mandate (sepaMandate)`);
  }

  async charge(): Promise<ChargeResult> {
    return {
      status: 'failed',
      reference: null,
      error: 'SEPA direct debits are collected in batches (createDirectDebitBatch), not charged',
    };
  }

  async refund(): Promise<RefundResult> {
    return { status: 'failed', error: 'SEPA payments are refunded by credit transfer (refundPayment gives the pain.001 file)' };
  }
}
