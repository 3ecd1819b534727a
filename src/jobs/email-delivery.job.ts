import { startPollingLoop } from './polling-loop';
import type { EntityManager } from '@mikro-orm/postgresql';
import { composeEmail, EMAIL_WORKER, type EmailLinks } from '../domain/email/email-compose';
import { fanOutEmails } from '../domain/email/email-fan-out';
import { claimDueEmails, recordEmailAttempt, releaseEmail, type ClaimedEmail, type SendOutcome } from '../domain/email/email-queue';
import type { Mailer } from '../domain/email/smtp';
import type { PaymentProviders } from '../domain/payments/providers';
import type { Clock } from '../domain/shared/clock';
import type { Logger } from '../logger';

export interface EmailDeliveryOptions {
  /** A new EntityManager per statement group: nothing is held across an SMTP conversation. */
  fork: () => EntityManager;
  /** Decides what is due and what is recorded: tests move it instead of sleeping. */
  clock: Clock;
  mailer: Mailer;
  /** The first retry's ceiling, doubling after each failure (TARIFF_WEBHOOK_RETRY_BASE_MS, shared with webhooks). */
  retryBaseMs: number;
  providers: PaymentProviders;
  links?: EmailLinks;
  logger?: Logger;
  /** How long one send may hold its lease before another worker may take it over. */
  leaseMs?: number;
  batchSize?: number;
  fanOutBatchSize?: number;
  /** The jitter's source, in [0, 1). */
  random?: () => number;
  /** Stops the pass between e-mails: those claimed and not yet sent are handed back. */
  signal?: AbortSignal;
}

export interface EmailDeliveryResult {
  queued: number;
  attempts: number;
  sent: number;
  retrying: number;
  failed: number;
}

const DEFAULT_LEASE_MS = 60_000;

/**
 * One pass: queues e-mails for new outbox events, then sends every due one, batch after batch,
 * until none is left that this pass has not tried. Safe in several processes at once (SKIP
 * LOCKED claims with a lease, the webhook worker's design); an e-mail is SENT only once the
 * server accepted it, and the unique (event, address) key makes one e-mail per event and address.
 * Bodies and credentials are never logged: ids, the event type and the SMTP error only.
 */
export async function deliverEmails(options: EmailDeliveryOptions): Promise<EmailDeliveryResult> {
  const { clock, signal, logger } = options;
  const random = options.random ?? Math.random;
  const result: EmailDeliveryResult = {
    queued: await fanOutEmails(options.fork, clock.now(), options.fanOutBatchSize ?? 500, (eventId, eventType) =>
      logger?.error({ eventId, eventType }, 'event payload does not match its schema; no e-mail for it'),
    ),
    attempts: 0,
    sent: 0,
    retrying: 0,
    failed: 0,
  };
  const tried: string[] = [];

  async function attempt(claim: ClaimedEmail): Promise<void> {
    if (signal?.aborted) {
      await releaseEmail(options.fork(), claim.id, clock.now());
      return;
    }
    const ids = { deliveryId: claim.id, eventId: claim.event.id, eventType: claim.event.type };
    let outcome: SendOutcome;
    try {
      const ctx = { em: options.fork(), actor: EMAIL_WORKER, clock, providers: options.providers, logger };
      const message = await composeEmail(ctx, claim, options.links ?? {});
      for (const left of message.leftOut)
        logger?.warn({ ...ids, attachment: left.name, reason: left.reason }, 'e-mail attachment left out');
      outcome = await options.mailer.send({ id: claim.id, to: claim.to, ...message });
    } catch (err) {
      // A message that cannot be rendered is a bug or missing data: retried like a refusal, never sent half-made.
      logger?.error({ ...ids, err }, 'e-mail could not be composed');
      outcome = { sent: false, error: 'the message could not be composed', permanent: false };
    }
    const status = await recordEmailAttempt(options.fork(), claim.id, outcome, {
      now: clock.now(),
      retryBaseMs: options.retryBaseMs,
      random,
    });
    result.attempts++;
    if (status === 'SENT') result.sent++;
    else if (status === 'FAILED') {
      result.failed++;
      logger?.warn({ ...ids, error: outcome.sent ? null : outcome.error }, 'e-mail given up');
    } else {
      result.retrying++;
      logger?.info({ ...ids, error: outcome.sent ? null : outcome.error }, 'e-mail attempt failed; will retry');
    }
  }

  while (!signal?.aborted) {
    const now = clock.now();
    const claimed = await claimDueEmails(options.fork(), {
      now,
      leaseUntil: new Date(now.getTime() + (options.leaseMs ?? DEFAULT_LEASE_MS)),
      limit: options.batchSize ?? 20,
      exclude: tried,
    });
    if (claimed.length === 0) break;
    tried.push(...claimed.map((c) => c.id));
    // One at a time: an SMTP server limits concurrent connections, and a stop hands back what is left.
    for (const claim of claimed) await attempt(claim);
  }
  return result;
}

export interface EmailWorker {
  /** Ends the loop after the e-mail being sent, handing back the rest of its batch. */
  stop(): Promise<void>;
}

/** The worker as a loop: a pass, then a pause of `intervalMs`, until stopped. A failed pass is logged and the loop goes on. */
export function startEmailWorker(options: Omit<EmailDeliveryOptions, 'signal'> & { intervalMs?: number }): EmailWorker {
  const loop = startPollingLoop('e-mail', (signal) => deliverEmails({ ...options, signal }), {
    intervalMs: options.intervalMs ?? 1000,
    logger: options.logger,
    didSomething: (result) => result.attempts > 0 || result.queued > 0,
  });
  return {
    async stop() {
      await loop.stop();
      options.mailer.close();
    },
  };
}
