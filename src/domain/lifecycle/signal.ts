import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../auth/actor';
import type { DomainEventInput } from '../events/emit-event';
import type { EventPayload } from '../events/event-types';

/** The lifecycle signals: outbox events about a date coming up or a level reached, not about a change. */
export type SignalType =
  | 'subscription.trial_ending'
  | 'subscription.renewal_upcoming'
  | 'usage.threshold_crossed'
  | 'payment_method.expiring'
  | 'quote.expiring'
  | 'invoice.due_soon';

/** One signal instance that is due and not yet emitted. */
export interface DueSignal {
  type: SignalType;
  /** The subscription, usage threshold, payment method, quote or invoice: the event's aggregate. */
  subjectId: string;
  customerId: string;
  /** Names the instance (lifecycle-signal.entity.ts): the trial end, renewal, period end, expiry, validUntil or due date. */
  referenceAt: Date;
  /** Its own instant: it dates the event, whenever a run gets to it. */
  dueAt: Date;
  /** What the event says beside the aggregate's snapshot (a usage crossing's window and level). */
  detail?: EventPayload<'usage.threshold_crossed'>;
}

/** Which subjects a search looks at. */
export interface SignalScope {
  /** These customers only (a test clock's), test-clock customers included; without it, every customer on no test clock. */
  customerIds?: readonly string[];
  /** Subjects after this id (a keyset pass). */
  after?: string | null;
  /** This subject only: the re-check under its lock. */
  subjectId?: string;
  limit: number;
}

export interface DuePage {
  signals: DueSignal[];
  /** The last subject looked at, when the page was full: the next page starts after it. */
  next: string | null;
}

/** One kind of signal: where its due instances are, what to lock before emitting one, and its event. */
export interface SignalKind {
  type: SignalType;
  /** Instances due at or before `at` and not yet emitted, in subject id order. */
  due(em: EntityManager, scope: SignalScope, at: Date): Promise<DuePage>;
  /** Takes the lock that writers of the event's aggregate take, so its events stay in sequence. */
  lock(em: EntityManager, signal: DueSignal): Promise<void>;
  event(em: EntityManager, signal: DueSignal, actor: Actor): Promise<DomainEventInput>;
}

/** The scope as SQL on a table's `customer_id`, as the billing and collection runs scope theirs. */
export function scopeSql(column: string, scope: SignalScope): { sql: string; params: unknown[] } {
  return scope.customerIds
    ? { sql: `${column} = any(?::uuid[])`, params: [[...scope.customerIds]] }
    : { sql: `not exists (select 1 from customer sc where sc.id = ${column} and sc.test_clock_id is not null)`, params: [] };
}
