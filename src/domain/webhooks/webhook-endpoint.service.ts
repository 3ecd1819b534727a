import { LockMode } from '@mikro-orm/core';
import { randomBytes } from 'node:crypto';
import { boundRows } from '../../db/bound-query';
import { authorize } from '../auth/actor';
import { NotFoundError } from '../errors';
import { isId } from '../shared/ids';
import { afterCursor, Page, PageArgs, pageSize, toPage } from '../shared/pagination';
import type { ServiceContext } from '../shared/service-context';
import { disableEndpoint } from './endpoint-disable';
import { WebhookEndpoint, WebhookEndpointStatus } from './webhook-endpoint.entity';
import { createWebhookEndpointSchema } from './webhook-endpoint.schema';
import { parseInput } from '../shared/input-schema';

export interface CreateWebhookEndpointInput {
  url: string;
  eventTypes: readonly string[];
}

/** 256 random bits; the prefix tells a webhook secret from an API key at a glance. */
function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/**
 * Webhook endpoints (CONTRACT.md): ADMIN registers where events go. The URL is the operator's
 * choice, so the server will post to whatever it names (README, Webhooks: SSRF).
 */
export class WebhookEndpointService {
  constructor(private readonly ctx: ServiceContext) {}

  /** The secret is returned here and never again. */
  async create(input: CreateWebhookEndpointInput): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    authorize(this.ctx.actor, 'webhooks:manage');
    const { url, eventTypes } = parseInput(createWebhookEndpointSchema, input, 'input');
    return this.ctx.em.transactional(async (em) => {
      const secret = newSecret();
      const endpoint = em.create(WebhookEndpoint, {
        url,
        eventTypes,
        secret,
        status: WebhookEndpointStatus.ENABLED,
        createdAt: this.ctx.clock.now(),
      });
      await em.flush();
      return { endpoint, secret };
    });
  }

  async get(id: string): Promise<WebhookEndpoint | null> {
    authorize(this.ctx.actor, 'webhooks:read');
    return isId(id) ? this.ctx.em.findOne(WebhookEndpoint, { id }) : null;
  }

  /** Keyset pages by (createdAt, id). */
  async list(args: PageArgs): Promise<Page<WebhookEndpoint>> {
    authorize(this.ctx.actor, 'webhooks:read');
    const size = pageSize(args.first);
    const rows = await this.ctx.em.find(WebhookEndpoint, afterCursor(args.after), {
      orderBy: { createdAt: 'asc', id: 'asc' },
      limit: size + 1,
    });
    return toPage(rows, size);
  }

  /** Stops deliveries (they stay PENDING) and fan-out; writes `webhook_endpoint.disabled`. Disabling a disabled endpoint changes nothing. */
  async disable(id: string): Promise<WebhookEndpoint> {
    authorize(this.ctx.actor, 'webhooks:manage');
    return this.ctx.em.transactional(async (em) => {
      if (!isId(id)) throw new NotFoundError('webhook endpoint', id, 'id');
      await disableEndpoint(em, id, this.ctx.clock.now(), 'MANUAL');
      const endpoint = await em.findOne(WebhookEndpoint, { id }, { refresh: true });
      if (!endpoint) throw new NotFoundError('webhook endpoint', id, 'id');
      return endpoint;
    });
  }

  /**
   * Resumes where it stopped: events since the disabling are fanned out, and PENDING deliveries
   * are due at once (one past its 3 days gets one more attempt). The failing streak starts over.
   */
  async enable(id: string): Promise<WebhookEndpoint> {
    authorize(this.ctx.actor, 'webhooks:manage');
    return this.ctx.em.transactional(async (em) => {
      if (!isId(id)) throw new NotFoundError('webhook endpoint', id, 'id');
      const now = this.ctx.clock.now();
      // Deliveries before the endpoint row: the order the delivery worker locks them in.
      await boundRows(em, `update webhook_delivery set next_attempt_at = ? where endpoint_id = ? and status = 'PENDING'`, [now, id]);
      const endpoint = await em.findOne(WebhookEndpoint, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (!endpoint) throw new NotFoundError('webhook endpoint', id, 'id');
      if (endpoint.status !== WebhookEndpointStatus.ENABLED) {
        endpoint.status = WebhookEndpointStatus.ENABLED;
        endpoint.disabledAt = null;
        endpoint.failingSince = null;
        await em.flush();
      }
      return endpoint;
    });
  }
}
