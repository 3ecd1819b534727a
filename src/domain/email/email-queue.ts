import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import { parseStoredEvent } from '../events/event-types';
import { nextAttemptAfterFailure } from '../webhooks/retry-schedule';
import type { EmailEvent } from './email-templates';

/** An e-mail a worker holds: to whom, its subject, and the event it tells of. */
export interface ClaimedEmail {
  id: string;
  to: string;
  subject: string;
  customerId: string;
  attemptCount: number;
  event: EmailEvent & { id: string };
}

interface ClaimRow {
  id: string;
  to_address: string;
  subject: string;
  customer_id: string;
  attempt_count: number;
  event_id: string;
  type: string;
  aggregate_id: string;
  event_customer_id: string | null;
  payload: unknown;
  occurred_at: Date;
}

/**
 * Takes up to `limit` due e-mails and leases them: their next attempt moves to `leaseUntil` in
 * the same statement, which commits at once, so no transaction stays open while they are sent
 * (the webhook queue's design, webhooks/delivery-queue.ts). Rows another worker is claiming are skipped.
 */
export async function claimDueEmails(
  em: EntityManager,
  args: { now: Date; leaseUntil: Date; limit: number; exclude: readonly string[] },
): Promise<ClaimedEmail[]> {
  const rows = await boundRows<ClaimRow>(
    em,
    `with due as (
       select d.id from email_delivery d
        where d.status = 'PENDING' and d.next_attempt_at <= ? and d.id <> all(?::uuid[])
        order by d.next_attempt_at
        limit ?
          for update of d skip locked)
     update email_delivery w set next_attempt_at = ?
       from due, domain_event e
      where w.id = due.id and e.id = w.event_id
     returning w.id, w.to_address, w.subject, w.customer_id, w.attempt_count,
               e.id as event_id, e.type, e.aggregate_id, e.customer_id as event_customer_id, e.payload, e.occurred_at`,
    [args.now, [...args.exclude], args.limit, args.leaseUntil],
  );
  return rows.map((r) => ({
    id: r.id,
    to: r.to_address,
    subject: r.subject,
    customerId: r.customer_id,
    attemptCount: r.attempt_count,
    event: {
      ...(parseStoredEvent({ ...r, customer_id: r.event_customer_id }) as EmailEvent),
      id: r.event_id,
    },
  }));
}

/** Hands a claimed e-mail back without an attempt (the worker is stopping): due again at once. */
export async function releaseEmail(em: EntityManager, id: string, now: Date): Promise<void> {
  await boundRows(em, `update email_delivery set next_attempt_at = ? where id = ? and status = 'PENDING'`, [now, id]);
}

/** What one attempt came to: sent, or an error and whether the server refused it for good (a 5xx reply). */
export type SendOutcome = { sent: true } | { sent: false; error: string; permanent: boolean };

export type EmailStatusAfter = 'SENT' | 'PENDING' | 'FAILED';

/**
 * Writes one attempt's outcome: SENT only now, after the server accepted the message; else the
 * next attempt by the webhooks' backoff (full jitter, given up 3 days after the fan-out), or
 * FAILED at once for a permanent refusal. A crash before this commits loses the record, not the
 * e-mail: the lease runs out and it is sent again, with the same Message-ID.
 */
export async function recordEmailAttempt(
  em: EntityManager,
  id: string,
  outcome: SendOutcome,
  args: { now: Date; retryBaseMs: number; random: () => number },
): Promise<EmailStatusAfter> {
  return em.transactional(async (tx) => {
    const [current] = await boundRows<{ status: EmailStatusAfter; attempt_count: number; created_at: Date }>(
      tx,
      `select status, attempt_count, created_at from email_delivery where id = ? for update`,
      [id],
    );
    const attempts = current.attempt_count + 1;
    if (outcome.sent) {
      await boundRows(
        tx,
        `update email_delivery set status = 'SENT', attempt_count = ?, next_attempt_at = null, last_error = null,
                sent_at = coalesce(sent_at, ?) where id = ?`,
        [attempts, args.now, id],
      );
      return 'SENT';
    }
    // Another worker may have finished it after this one's lease ran out: the attempt is counted only.
    if (current.status !== 'PENDING') {
      await boundRows(tx, `update email_delivery set attempt_count = ? where id = ?`, [attempts, id]);
      return current.status;
    }
    const next = outcome.permanent
      ? null
      : nextAttemptAfterFailure({
          createdAt: new Date(current.created_at),
          now: args.now,
          failedAttempts: attempts,
          baseMs: args.retryBaseMs,
          random: args.random,
        });
    await boundRows(tx, `update email_delivery set status = ?, attempt_count = ?, next_attempt_at = ?, last_error = ? where id = ?`, [
      next ? 'PENDING' : 'FAILED',
      attempts,
      next,
      outcome.error.slice(0, 1000),
      id,
    ]);
    return next ? 'PENDING' : 'FAILED';
  });
}
