import type { EntityManager } from '@mikro-orm/postgresql';
import { boundQuery, boundRows } from '../../db/bound-query';
import type { DomainEventInput } from '../events/emit-event';
import { quoteEvent, subscriptionEvent } from '../events/event-payloads';
import { paymentMethodEvent } from '../events/payment-events';
import { PaymentMethod } from '../payments/payment-method.entity';
import { Quote } from '../quotes/quote.entity';
import { Subscription } from '../subscriptions/subscription.entity';
import { DuePage, DueSignal, scopeSql, SignalKind, SignalScope, SignalType } from './signal';

/**
 * A signal a fixed time before a date a row holds. Lead times are in hours, never calendar
 * days, so that no session time zone can stretch or shrink them around a DST change.
 */
export interface DatedKind {
  type: SignalType;
  table: string;
  /** The date the signal announces: with the subject, it names the instance. */
  reference: string;
  leadHours: number;
  /** No earlier than this (a trial shorter than its lead time is signaled as it starts). */
  floor: string;
  /** What makes the row a candidate, on alias `x`. */
  where: string;
}

/**
 * Instances due at or before `at`: the lead time before the reference date, not yet in
 * lifecycle_signal. The first condition on the reference is the one an index serves
 * (subscription (status, current_period_end), payment_method_expires_at_index); the exact one
 * follows.
 */
export async function dueOf(kind: DatedKind, em: EntityManager, scope: SignalScope, at: Date): Promise<DuePage> {
  const lead = `interval '${kind.leadHours} hours'`;
  const due = `greatest(x.${kind.reference} - ${lead}, x.${kind.floor})`;
  const customers = scopeSql('x.customer_id', scope);
  const where = [kind.where, `x.${kind.reference} <= ?::timestamptz + ${lead}`, `${due} <= ?::timestamptz`, customers.sql];
  const params: unknown[] = [at.toISOString(), at.toISOString(), ...customers.params];
  if (scope.subjectId) {
    where.push('x.id = ?::uuid');
    params.push(scope.subjectId);
  }
  if (scope.after) {
    where.push('x.id > ?::uuid');
    params.push(scope.after);
  }
  const rows = await boundRows<{ id: string; customer_id: string; reference_at: Date; due_at: Date }>(
    em,
    `select x.id, x.customer_id, x.${kind.reference} as reference_at, ${due} as due_at
       from ${kind.table} x
      where ${where.join(' and ')}
        and not exists (select 1 from lifecycle_signal l where l.type = ? and l.subject_id = x.id and l.reference_at = x.${kind.reference})
      order by x.id
      limit ?`,
    [...params, kind.type, scope.limit],
  );
  const signals = rows.map((r): DueSignal => ({
    type: kind.type,
    subjectId: r.id,
    customerId: r.customer_id,
    referenceAt: new Date(r.reference_at),
    dueAt: new Date(r.due_at),
  }));
  return { signals, next: rows.length === scope.limit ? rows[rows.length - 1].id : null };
}

export async function lockRow(em: EntityManager, table: string, id: string): Promise<void> {
  await boundQuery(em, `select 1 from ${table} where id = ?::uuid for update`, [id]);
}

async function subscriptionSnapshot(
  em: EntityManager,
  signal: DueSignal,
  verb: 'trial_ending' | 'renewal_upcoming',
): Promise<DomainEventInput> {
  const sub = await em.findOneOrFail(Subscription, { id: signal.subjectId }, { populate: ['items', 'items.price'] });
  return subscriptionEvent(verb, sub, signal.dueAt);
}

/** 3 days before a trial ends: time to ask for a payment method, or to call. */
export const trialEnding: SignalKind = {
  type: 'subscription.trial_ending',
  due: (em, scope, at) =>
    dueOf(
      {
        type: 'subscription.trial_ending',
        table: 'subscription',
        reference: 'trial_end',
        leadHours: 72,
        floor: 'starts_at',
        where: `x.status = 'TRIALING' and x.trial_end is not null`,
      },
      em,
      scope,
      at,
    ),
  lock: (em, s) => lockRow(em, 'subscription', s.subjectId),
  event: (em, s) => subscriptionSnapshot(em, s, 'trial_ending'),
};

/**
 * 7 days before a yearly subscription renews: the invoice of a year is worth a word first. Not
 * when it is set to cancel at the period end (it will not renew), nor while paused or trialing
 * (no renewal invoice comes then).
 */
export const renewalUpcoming: SignalKind = {
  type: 'subscription.renewal_upcoming',
  due: (em, scope, at) =>
    dueOf(
      {
        type: 'subscription.renewal_upcoming',
        table: 'subscription',
        reference: 'current_period_end',
        leadHours: 7 * 24,
        floor: 'current_period_start',
        where: `x.status in ('ACTIVE', 'PAST_DUE') and x.interval = 'YEAR' and not x.cancel_at_period_end`,
      },
      em,
      scope,
      at,
    ),
  lock: (em, s) => lockRow(em, 'subscription', s.subjectId),
  event: (em, s) => subscriptionSnapshot(em, s, 'renewal_upcoming'),
};

/** 30 days before an attached payment method expires. */
export const paymentMethodExpiring: SignalKind = {
  type: 'payment_method.expiring',
  due: (em, scope, at) =>
    dueOf(
      {
        type: 'payment_method.expiring',
        table: 'payment_method',
        reference: 'expires_at',
        leadHours: 30 * 24,
        floor: 'created_at',
        where: 'x.expires_at is not null and x.detached_at is null',
      },
      em,
      scope,
      at,
    ),
  // Payment-method events are written under the customer's row lock (payment-method.service.ts).
  lock: async (em, s) => lockRow(em, 'customer', s.customerId),
  event: async (em, s, actor) => paymentMethodEvent('expiring', await em.findOneOrFail(PaymentMethod, { id: s.subjectId }), actor, s.dueAt),
};

/** 3 days before a SENT quote's validUntil. A DRAFT is not in the customer's hands yet. */
export const quoteExpiring: SignalKind = {
  type: 'quote.expiring',
  due: (em, scope, at) =>
    dueOf(
      {
        type: 'quote.expiring',
        table: 'quote',
        reference: 'valid_until',
        leadHours: 72,
        floor: 'sent_at',
        where: `x.status = 'SENT' and x.valid_until is not null`,
      },
      em,
      scope,
      at,
    ),
  lock: (em, s) => lockRow(em, 'quote', s.subjectId),
  event: async (em, s) =>
    quoteEvent('expiring', await em.findOneOrFail(Quote, { id: s.subjectId }, { populate: ['lines', 'lines.price'] }), s.dueAt),
};
