import { createHmac, timingSafeEqual } from 'node:crypto';
import http, { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { boundRows } from '../../src/db/bound-query';
import type { ManualClock } from '../../src/domain/shared/clock';
import { fanOutEvents } from '../../src/domain/webhooks/fan-out';
import { deliverWebhooks, WebhookDeliveryOptions } from '../../src/jobs/webhook-delivery.job';
import type { TestApp } from '../support/app';
import { must } from '../support/catalog';
import { eventually } from '../support/eventually';

export interface Hit {
  raw: string;
  body: any;
  headers: IncomingHttpHeaders;
  /** The status this receiver answered with. */
  answered: number;
}

/** A webhook receiver on loopback: records every POST and answers `status` (or is not listening at all after stop()). */
export class Receiver {
  hits: Hit[] = [];
  status = 200;
  delayMs = 0;
  port = 0;
  private server: Server | null = null;

  async start(): Promise<this> {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const answered = this.status;
        const answer = () => {
          this.hits.push({ raw, body: JSON.parse(raw), headers: req.headers, answered });
          res.statusCode = answered;
          res.end();
        };
        if (this.delayMs > 0) setTimeout(answer, this.delayMs);
        else answer();
      });
    });
    // The same port again after stop(): the endpoint's URL does not change while it is down.
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/tariff-hooks`;
  }

  /** Bodies it acknowledged with a 2xx, in arrival order. */
  accepted(): any[] {
    return this.hits.filter((h) => h.answered >= 200 && h.answered < 300).map((h) => h.body);
  }
}

/**
 * Tariff-Signature checked as a receiver would, written from CONTRACT.md and not from the
 * server's code: HMAC-SHA256 keyed with the secret over "<t>.<raw body>", compared in constant time.
 */
export function verifySignature(secret: string, header: string, rawBody: string): { valid: boolean; t: number } {
  const parts = new Map(header.split(',').map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)] as const));
  const t = parts.get('t') ?? '';
  const given = Buffer.from(parts.get('v1') ?? '', 'hex');
  const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest();
  return { valid: given.length === expected.length && timingSafeEqual(given, expected), t: Number(t) };
}

export class WebhookHarness {
  constructor(
    readonly t: TestApp,
    readonly clock: ManualClock,
  ) {}

  sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
    return boundRows<T>(this.t.app.db.orm.em.fork(), text, params);
  }

  async createEndpoint(url: string, eventTypes: string[]): Promise<{ id: string; secret: string }> {
    const data = await must(
      this.t,
      'mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { id } } }',
      {
        input: { url, eventTypes },
      },
    );
    return { id: data.createWebhookEndpoint.endpoint.id, secret: data.createWebhookEndpoint.secret };
  }

  /** An outbox row, as a service's transaction writes it (its own transaction here). */
  async emit(type: string, aggregateId: string, seq: number, data: Record<string, unknown> = {}): Promise<string> {
    const [row] = await this.sql<{ id: string }>(
      `insert into domain_event (id, aggregate_type, aggregate_id, aggregate_seq, type, customer_id, payload, occurred_at)
       values (gen_random_uuid(), ?, ?, ?, ?, null, ?::jsonb, ?) returning id`,
      [type.split('.')[0], aggregateId, seq, type, JSON.stringify(data), this.clock.now()],
    );
    return row.id;
  }

  options(extra: Partial<WebhookDeliveryOptions> = {}): WebhookDeliveryOptions {
    return {
      fork: () => this.t.app.db.orm.em.fork(),
      clock: this.clock,
      retryBaseMs: 10_000,
      allowPrivateAddresses: true,
      // The top of each jitter range: delays are exactly 10 s, 20 s, 40 s…
      random: () => 1,
      timeoutMs: 5_000,
      ...extra,
    };
  }

  /** Events not yet handed to some enabled endpoint. */
  async unseen(): Promise<number> {
    const [{ n }] = await this.sql<{ n: number }>(
      `select count(*)::int as n from webhook_endpoint ep
         join domain_event e on (e.tx_id, e.position) > (ep.cursor_tx_id, ep.cursor_position)
        where ep.status = 'ENABLED'`,
    );
    return n;
  }

  /**
   * Worker passes at the clock's time until every event is fanned out. On a shared PostgreSQL
   * server a transaction in another database holds the xmin horizon back for a moment, and
   * events committed since then wait for it (fan-out.ts): the pass is repeated, not the clock moved.
   */
  async pass(extra: Partial<WebhookDeliveryOptions> = {}): Promise<void> {
    await this.untilFannedOut(() => deliverWebhooks(this.options(extra)));
  }

  /** Fan-out only: deliveries are created, nothing is posted. */
  async fanOut(): Promise<void> {
    await this.untilFannedOut(() => fanOutEvents(() => this.t.app.db.orm.em.fork(), this.clock.now(), 500));
  }

  private async untilFannedOut(step: () => Promise<unknown>): Promise<void> {
    await eventually(
      async () => {
        await step();
        return this.unseen();
      },
      { until: (unseen) => unseen === 0, what: 'every event fanned out', timeoutMs: 20_000, intervalMs: 20 },
    );
  }

  async deliveries(endpointId: string, status?: string): Promise<any[]> {
    const data = await must(
      this.t,
      `query($e: ID!, $s: WebhookDeliveryStatus) { webhookDeliveries(endpointId: $e, first: 50, status: $s) { edges { node {
         id endpointId eventId eventType aggregateId aggregateSequence status attemptCount nextAttemptAt lastStatusCode lastError createdAt deliveredAt
         attempts { attemptedAt statusCode error durationMs } } } } }`,
      { e: endpointId, s: status ?? null },
    );
    return data.webhookDeliveries.edges.map((e: any) => e.node);
  }

  async delivery(endpointId: string, eventId: string): Promise<any> {
    const found = (await this.deliveries(endpointId)).find((d) => d.eventId === eventId);
    if (!found) throw new Error(`no delivery of ${eventId} to ${endpointId}`);
    return found;
  }

  async endpoint(id: string): Promise<any> {
    return (
      await must(this.t, 'query($id: ID!) { webhookEndpoint(id: $id) { id url eventTypes status failingSince createdAt disabledAt } }', {
        id,
      })
    ).webhookEndpoint;
  }
}
