import { startPollingLoop } from './polling-loop';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../domain/shared/clock';
import { claimDueDeliveries, ClaimedDelivery, recordAttempt, releaseDelivery } from '../domain/webhooks/delivery-queue';
import { fanOutEvents } from '../domain/webhooks/fan-out';
import { SIGNATURE_HEADER, signatureHeader } from '../domain/webhooks/signature';
import { deliveryBody } from '../domain/webhooks/webhook-payload';
import { postWebhook } from '../domain/webhooks/webhook-post';
import type { Logger } from '../logger';

export interface WebhookDeliveryOptions {
  /** A new EntityManager per statement group: nothing is held across a POST. */
  fork: () => EntityManager;
  /** Decides what is due, the signature's timestamp, and what is recorded: tests move it instead of sleeping. */
  clock: Clock;
  /** TARIFF_WEBHOOK_RETRY_BASE_MS: the first retry's ceiling, doubling after each failure. */
  retryBaseMs: number;
  /** TARIFF_WEBHOOK_ALLOW_PRIVATE: false refuses to connect to non-public addresses. */
  allowPrivateAddresses: boolean;
  logger?: Logger;
  /** Per POST, connection included. */
  timeoutMs?: number;
  /** Deliveries claimed and posted at once. */
  batchSize?: number;
  /** Outbox events read per endpoint and transaction. */
  fanOutBatchSize?: number;
  /** The jitter's source, in [0, 1). */
  random?: () => number;
  /** Monotonic milliseconds, for attempt durations; never a date. */
  timer?: () => number;
  /** Stops the pass: POSTs in flight are aborted and their deliveries handed back. */
  signal?: AbortSignal;
}

export interface WebhookDeliveryResult {
  deliveriesCreated: number;
  attempts: number;
  succeeded: number;
  /** Failed attempts that will be retried. */
  retrying: number;
  /** Deliveries given up (3 days of failures). */
  failed: number;
  endpointsDisabled: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_BATCH = 50;
const DEFAULT_FAN_OUT_BATCH = 500;
/** A claim outlives the POST's timeout by this much before another worker may take it over. */
const LEASE_MARGIN_MS = 50_000;

/**
 * One pass of the delivery worker: fans new outbox events out to the endpoints, then posts every
 * due delivery, batch after batch, until none is left that this pass has not tried (a delivery
 * that waited behind an earlier event of its aggregate goes in a later batch of the same pass).
 * Safe to run in several processes at once: work is claimed with SKIP LOCKED, and a delivery is
 * marked SUCCEEDED only after its 2xx. The guarantee is at least once: a receiver dedupes by event id.
 */
export async function deliverWebhooks(options: WebhookDeliveryOptions): Promise<WebhookDeliveryResult> {
  const { clock, signal } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const random = options.random ?? Math.random;
  const timer = options.timer ?? (() => performance.now());
  const result: WebhookDeliveryResult = {
    deliveriesCreated: await fanOutEvents(options.fork, clock.now(), options.fanOutBatchSize ?? DEFAULT_FAN_OUT_BATCH),
    attempts: 0,
    succeeded: 0,
    retrying: 0,
    failed: 0,
    endpointsDisabled: 0,
  };
  const tried: string[] = [];

  async function attempt(claim: ClaimedDelivery): Promise<void> {
    const body = deliveryBody(claim.event);
    const attemptedAt = clock.now();
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'Tariff-Webhooks/1',
      'tariff-event-id': claim.event.id,
      'tariff-event-type': claim.event.type,
      [SIGNATURE_HEADER.toLowerCase()]: signatureHeader(claim.secret, body, attemptedAt),
    };
    const started = timer();
    const outcome = await postWebhook(claim.url, body, headers, {
      timeoutMs,
      allowPrivateAddresses: options.allowPrivateAddresses,
      signal,
    });
    if (outcome.stopped) {
      await releaseDelivery(options.fork(), claim.id, clock.now());
      return;
    }
    const record = await recordAttempt(options.fork(), claim, outcome, {
      attemptedAt,
      now: clock.now(),
      durationMs: timer() - started,
      retryBaseMs: options.retryBaseMs,
      random,
    });
    result.attempts++;
    const ids = { deliveryId: claim.id, endpointId: claim.endpointId, eventId: claim.event.id, eventType: claim.event.type };
    if (record.status === 'SUCCEEDED') result.succeeded++;
    else if (record.status === 'FAILED') {
      result.failed++;
      options.logger?.warn(
        { ...ids, statusCode: outcome.statusCode, error: outcome.error },
        'webhook delivery given up after 3 days of failures',
      );
    } else {
      result.retrying++;
      options.logger?.info({ ...ids, statusCode: outcome.statusCode, error: outcome.error }, 'webhook attempt failed; will retry');
    }
    if (record.endpointDisabled) {
      result.endpointsDisabled++;
      options.logger?.warn({ endpointId: claim.endpointId }, 'webhook endpoint disabled after failing for 3 days');
    }
  }

  while (!signal?.aborted) {
    const now = clock.now();
    const claimed = await claimDueDeliveries(options.fork(), {
      now,
      leaseUntil: new Date(now.getTime() + timeoutMs + LEASE_MARGIN_MS),
      limit: options.batchSize ?? DEFAULT_BATCH,
      exclude: tried,
    });
    if (claimed.length === 0) break;
    tried.push(...claimed.map((c) => c.id));
    await Promise.all(claimed.map(attempt));
  }
  return result;
}

export interface WebhookWorker {
  /** Ends the loop: aborts POSTs in flight (handing their deliveries back) and waits for the pass to finish. */
  stop(): Promise<void>;
}

/** The delivery worker as a loop: a pass, then a pause of `intervalMs`, until stopped. A failed pass is logged and the loop goes on. */
export function startWebhookWorker(options: Omit<WebhookDeliveryOptions, 'signal'> & { intervalMs?: number }): WebhookWorker {
  return startPollingLoop('webhook', (signal) => deliverWebhooks({ ...options, signal }), {
    intervalMs: options.intervalMs ?? 1000,
    logger: options.logger,
    didSomething: (result) => result.attempts > 0 || result.deliveriesCreated > 0,
  });
}
