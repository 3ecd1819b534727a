import { authorize } from '../auth/actor';
import { ConflictError } from '../errors';
import { emitEvent } from '../events/emit-event';
import { invoiceEvent } from '../events/event-payloads';
import { invoiceFacts } from './invoice-writer';
import type { ServiceContext } from '../shared/service-context';
import { ZERO } from '../../pricing/decimal';
import { recoverSubscription } from '../payments/invoice-settlement';
import { PaymentAttempt } from '../payments/payment-attempt.entity';
import { lockInvoice } from './invoice-lock';
import { Invoice, InvoiceStatus } from './invoice.entity';

/** Why an invoice in this status cannot be voided. */
const refusals: Partial<Record<InvoiceStatus, string>> = {
  [InvoiceStatus.DRAFT]: 'a draft has not been issued, so there is nothing to void',
  [InvoiceStatus.PAID]: 'a paid invoice is corrected with a credit note (createCreditNote), not voided',
  [InvoiceStatus.VOID]: 'it is already void',
};

export class InvoiceVoidService {
  constructor(private readonly ctx: ServiceContext) {}

  /**
   * OPEN or UNCOLLECTIBLE → VOID: nothing is due any more, the number stays taken (the series
   * keeps no gap) and the invoice stays readable. A voided subscription invoice keeps its
   * billing key, so the billing run does not bill that period again: to charge it differently,
   * invoice it by other means. Credit notes already issued against it stand.
   */
  async void(id: string): Promise<Invoice> {
    authorize(this.ctx.actor, 'invoices:correct');
    return this.ctx.em.transactional(async (em) => {
      const invoice = await lockInvoice(em, id, 'id');
      const refusal = refusals[invoice.status];
      if (refusal)
        throw new ConflictError(`invoice ${invoice.number ?? invoice.id} is ${invoice.status}: ${refusal}`, {
          details: { status: invoice.status },
        });
      if (invoice.amountPaid.gt(ZERO))
        throw new ConflictError(`invoice ${invoice.number} is partly paid: correct it with a credit note (createCreditNote), not a void`);
      if (await em.count(PaymentAttempt, { invoice: invoice.id, outcome: 'pending' })) {
        throw new ConflictError(`a charge of invoice ${invoice.number} is waiting for its provider's answer; void it once that is settled`);
      }
      invoice.status = InvoiceStatus.VOID;
      invoice.amountDue = ZERO;
      invoice.nextCollectionAt = null;
      const now = this.ctx.clock.now();
      invoice.voidedAt = now;
      await em.flush();
      await emitEvent(em, invoiceEvent('voided', invoiceFacts(invoice), now));
      // Its dunning ends with it: a subscription past due for it alone is ACTIVE again.
      await recoverSubscription(em, invoice, this.ctx.actor, now);
      await em.populate(invoice, ['lines']);
      return invoice;
    });
  }
}
