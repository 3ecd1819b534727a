import { authorize } from '../auth/actor';
import { ConflictError } from '../errors';
import { collectNow } from '../payments/collect-now';
import type { ServiceContext } from '../shared/service-context';
import { Subscription } from '../subscriptions/subscription.entity';
import { clockForCustomer } from '../test-clocks/customer-clock';
import { finalizeDraft } from './invoice-finalize';
import { lockInvoice } from './invoice-lock';
import { Invoice, InvoiceStatus } from './invoice.entity';

export class InvoiceFinalizeService {
  constructor(private readonly ctx: ServiceContext) {}

  /**
   * DRAFT → OPEN for a customer who reviews drafts (`invoiceDrafts`), as the billing run would have
   * finalized it (finalizeDraft): on the customer's clock, with its subscription's collection method
   * as it is now. The row lock makes concurrent calls queue: the first numbers it, the others see
   * it OPEN and get CONFLICT, so one invoice takes one number. A CHARGE_AUTOMATICALLY invoice is
   * then charged after the commit, as a billing run's collection pass charges (collectNow).
   */
  async finalize(id: string): Promise<Invoice> {
    authorize(this.ctx.actor, 'billing:run');
    const customerId = await this.ctx.em.transactional(async (em) => {
      const invoice = await lockInvoice(em, id, 'id');
      if (invoice.status !== InvoiceStatus.DRAFT) {
        throw new ConflictError(`invoice ${invoice.number ?? invoice.id} is ${invoice.status}: only a DRAFT is finalized`, {
          details: { status: invoice.status },
        });
      }
      const now = (await clockForCustomer(em, invoice.customer.id, this.ctx.clock)).now();
      const sub = invoice.subscription ? await em.findOne(Subscription, { id: invoice.subscription.id }) : null;
      await finalizeDraft(em, invoice, sub?.collectionMethod ?? invoice.collectionMethod, now);
      return invoice.customer.id;
    });
    await collectNow(this.ctx, customerId);
    return this.ctx.em.findOneOrFail(Invoice, { id }, { populate: ['lines'], strategy: 'select-in', refresh: true });
  }
}
