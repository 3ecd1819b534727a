import { authorize, authorizeCustomer, withCreator } from '../auth/actor';
import { NotFoundError } from '../errors';
import { isId } from '../shared/ids';
import type { ServiceContext } from '../shared/service-context';
import { Subscription } from '../subscriptions/subscription.entity';
import type { InvoiceDraft } from './invoice-draft';
import { draftNextInvoice } from './next-invoice';

export class UpcomingInvoiceService {
  constructor(private readonly ctx: ServiceContext) {}

  /** What the next billing run will invoice this subscription, computed by the same code. */
  async forSubscription(subscriptionId: string): Promise<{ subscription: Subscription; draft: InvoiceDraft }> {
    authorize(this.ctx.actor, 'subscriptions:read');
    const sub = isId(subscriptionId) ? await this.ctx.em.findOne(Subscription, { id: subscriptionId }) : null;
    if (!sub) throw new NotFoundError('subscription', subscriptionId, 'subscriptionId');
    authorizeCustomer(this.ctx.actor, 'subscriptions:read', await withCreator(this.ctx.actor, sub.customer));
    return { subscription: sub, draft: await draftNextInvoice(this.ctx.em, sub) };
  }
}
