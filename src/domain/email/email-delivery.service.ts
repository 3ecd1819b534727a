import { authorize, customerCondition } from '../auth/actor';
import { afterCursor, Page, PageArgs, pageSize, toPage } from '../shared/pagination';
import type { ServiceContext } from '../shared/service-context';
import { EmailDelivery } from './email-delivery.entity';

export interface EmailDeliveryFilter extends PageArgs {
  customerId?: string | null;
}

/** The delivery log: what was e-mailed to whom, for "did they get the invoice?". */
export class EmailDeliveryService {
  constructor(private readonly ctx: ServiceContext) {}

  /** Keyset pages by (createdAt, id), oldest first; a CUSTOMER key sees its own customer's only. */
  async list(filter: EmailDeliveryFilter): Promise<Page<EmailDelivery>> {
    authorize(this.ctx.actor, 'emails:read');
    const size = pageSize(filter.first);
    const customer = customerCondition(this.ctx.actor, filter.customerId);
    if (customer === false) return toPage([], size);
    const rows = await this.ctx.em.find(
      EmailDelivery,
      { ...(customer ? { customer } : {}), ...afterCursor(filter.after) },
      { orderBy: { createdAt: 'asc', id: 'asc' }, limit: size + 1 },
    );
    return toPage(rows, size);
  }
}
