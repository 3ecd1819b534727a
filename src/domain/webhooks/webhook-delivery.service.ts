import { authorize } from '../auth/actor';
import { NotFoundError } from '../errors';
import { isId } from '../shared/ids';
import { afterCursor, Page, PageArgs, pageSize, toPage } from '../shared/pagination';
import type { ServiceContext } from '../shared/service-context';
import { WebhookDelivery, WebhookDeliveryStatus } from './webhook-delivery.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';

export interface WebhookDeliveryFilter extends PageArgs {
  endpointId: string;
  status?: WebhookDeliveryStatus | null;
}

/** What was sent where, and every attempt: for operators answering "did they get it?". */
export class WebhookDeliveryService {
  constructor(private readonly ctx: ServiceContext) {}

  /** Keyset pages by (createdAt, id), each delivery with its attempts, oldest first. */
  async list(filter: WebhookDeliveryFilter): Promise<Page<WebhookDelivery>> {
    authorize(this.ctx.actor, 'webhooks:read');
    const size = pageSize(filter.first);
    const endpoint = isId(filter.endpointId) ? await this.ctx.em.findOne(WebhookEndpoint, { id: filter.endpointId }) : null;
    if (!endpoint) throw new NotFoundError('webhook endpoint', filter.endpointId, 'endpointId');
    const where = {
      endpoint: endpoint.id,
      ...(filter.status ? { status: filter.status } : {}),
      ...afterCursor(filter.after),
    };
    // The attempts of the whole page come in one more query.
    const rows = await this.ctx.em.find(WebhookDelivery, where, {
      orderBy: { createdAt: 'asc', id: 'asc' },
      limit: size + 1,
      populate: ['attempts'],
      strategy: 'select-in',
    });
    return toPage(rows, size);
  }
}
