import { formatMoney } from '../../pricing/currency';
import type { Decimal } from '../../pricing/decimal';
import type { Contract } from '../contracts/contract.entity';
import type { CreditNote } from '../credit-notes/credit-note.entity';
import type { Customer } from '../customers/customer.entity';
import type { InvoiceFacts } from '../invoices/invoice-writer';
import type { Quote } from '../quotes/quote.entity';
import type { ScheduledChange } from '../subscriptions/scheduled-change.entity';
import type { Subscription } from '../subscriptions/subscription.entity';
import type { DomainEventInput } from './emit-event';

/**
 * The `data` of each event: a snapshot of the aggregate after the change, small and stable
 * (README, Events). Ids as strings, amounts as the API prints them (money at the currency's
 * minor unit, rates and quantities as plain decimals), instants in ISO 8601 UTC, absent values
 * as null. Lines and pricing steps stay out: read the aggregate for them.
 */

const iso = (d: Date | null | undefined): string | null => (d ? new Date(d).toISOString() : null);
const money = (d: Decimal | null, currency: string): string | null => (d === null ? null : formatMoney(d, currency));
const plain = (d: Decimal | null): string | null => (d === null ? null : d.toFixed());

export function customerEvent(verb: 'created' | 'updated', c: Customer, at: Date): DomainEventInput {
  const payload = {
    id: c.id,
    name: c.name,
    email: c.email,
    currency: c.currency,
    taxStatus: c.taxStatus,
    taxRate: plain(c.taxRate),
    invoiceDrafts: c.invoiceDrafts,
    paymentTermsDays: c.paymentTermsDays,
    tags: [...c.tags],
    metadata: { ...c.metadata },
    testClockId: c.testClock?.id ?? null,
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
  };
  return { aggregateType: 'customer', aggregateId: c.id, type: `customer.${verb}`, customerId: c.id, payload, at };
}

/** Call with the items loaded (createContract has just made them). */
export function contractEvent(verb: 'created', c: Contract, at: Date): DomainEventInput {
  const payload = {
    id: c.id,
    customerId: c.customer.id,
    code: c.code,
    startsAt: iso(c.startsAt),
    endsAt: iso(c.endsAt),
    minimumCommitment: plain(c.minimumCommitment),
    items: c.items.getItems().map((i) => ({ priceCode: i.priceCode, discountPercent: plain(i.discountPercent), override: i.override !== null })),
    createdAt: iso(c.createdAt),
  };
  return { aggregateType: 'contract', aggregateId: c.id, type: `contract.${verb}`, customerId: c.customer.id, payload, at };
}

/** `status` is the stored one: EXPIRED is derived when read, never a change, so it has no event. Call with the lines loaded. */
export function quoteEvent(verb: 'created' | 'updated' | 'sent' | 'accepted' | 'declined' | 'expiring', q: Quote, at: Date): DomainEventInput {
  const payload = {
    id: q.id,
    customerId: q.customer.id,
    status: q.status,
    currency: q.currency,
    validUntil: iso(q.validUntil),
    trialDays: q.trialDays,
    collectionMethod: q.collectionMethod,
    subtotal: money(q.subtotal, q.currency),
    tax: money(q.tax, q.currency),
    total: money(q.total, q.currency),
    lines: q.lines.getItems().map((l) => ({ priceCode: l.priceCode, quantity: l.quantity.toFixed(), priceVersion: l.price?.version ?? null, amount: money(l.amount, q.currency) })),
    subscriptionId: q.subscription?.id ?? null,
    sentAt: iso(q.sentAt),
    acceptedAt: iso(q.acceptedAt),
    declinedAt: iso(q.declinedAt),
    createdAt: iso(q.createdAt),
  };
  return { aggregateType: 'quote', aggregateId: q.id, type: `quote.${verb}`, customerId: q.customer.id, payload, at };
}

export type SubscriptionVerb =
  | 'created'
  | 'updated'
  | 'paused'
  | 'resumed'
  | 'canceled'
  | 'cancel_scheduled'
  | 'started'
  | 'trial_converted'
  | 'renewed'
  | 'change_scheduled'
  | 'scheduled_change_canceled'
  | 'scheduled_change_applied'
  | 'price_migrated'
  | 'past_due'
  | 'recovered'
  // Lifecycle signals (src/domain/lifecycle): no change, a date coming up.
  | 'trial_ending'
  | 'renewal_upcoming';

/** What a subscription's payload is made of: read from the entity, or from the billing run's rows. */
export interface SubscriptionFacts {
  id: string;
  customerId: string;
  status: string;
  version: number;
  currency: string;
  interval: string;
  intervalCount: number;
  collectionMethod: string;
  startsAt: Date;
  currentPeriodStart: Date;
  currentPeriodEnd: Date;
  trialEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  pausedAt: Date | null;
  canceledAt: Date | null;
  items: readonly { priceCode: string; priceVersion: number; quantity: Decimal }[];
}

export function subscriptionFacts(s: Subscription): SubscriptionFacts {
  return {
    id: s.id,
    customerId: s.customer.id,
    status: s.status,
    version: s.version,
    currency: s.currency,
    interval: s.interval,
    intervalCount: s.intervalCount,
    collectionMethod: s.collectionMethod,
    startsAt: s.startsAt,
    currentPeriodStart: s.currentPeriodStart,
    currentPeriodEnd: s.currentPeriodEnd,
    trialEnd: s.trialEnd,
    cancelAtPeriodEnd: s.cancelAtPeriodEnd,
    pausedAt: s.pausedAt,
    canceledAt: s.canceledAt,
    items: s.items.getItems().map((i) => ({ priceCode: i.priceCode, priceVersion: i.price.version, quantity: i.quantity })),
  };
}

/** Beside the snapshot, an event about a part of the subscription names that part. */
export interface SubscriptionEventDetail {
  scheduledChange?: ScheduledChange;
  priceMigration?: { priceCode: string; fromVersion: number; toVersion: number };
  /** past_due and recovered: the invoice whose payment moved the status. */
  invoiceId?: string;
  /** canceled: why, when not asked for (`dunning`: involuntary churn). */
  reason?: string;
}

/** Call with the items and their prices loaded (lockSubscription does). */
export function subscriptionEvent(verb: SubscriptionVerb, s: Subscription, at: Date, detail: SubscriptionEventDetail = {}): DomainEventInput {
  return subscriptionFactsEvent(verb, subscriptionFacts(s), at, detail);
}

export function subscriptionFactsEvent(verb: SubscriptionVerb, f: SubscriptionFacts, at: Date, detail: SubscriptionEventDetail = {}): DomainEventInput {
  const payload: Record<string, unknown> = {
    id: f.id,
    customerId: f.customerId,
    status: f.status,
    version: f.version,
    currency: f.currency,
    interval: f.interval,
    intervalCount: f.intervalCount,
    collectionMethod: f.collectionMethod,
    startsAt: iso(f.startsAt),
    currentPeriodStart: iso(f.currentPeriodStart),
    currentPeriodEnd: iso(f.currentPeriodEnd),
    trialEnd: iso(f.trialEnd),
    cancelAtPeriodEnd: f.cancelAtPeriodEnd,
    pausedAt: iso(f.pausedAt),
    canceledAt: iso(f.canceledAt),
    items: f.items.map((i) => ({ priceCode: i.priceCode, priceVersion: i.priceVersion, quantity: i.quantity.toFixed() })),
  };
  const change = detail.scheduledChange;
  if (change) {
    payload.scheduledChange = {
      id: change.id,
      status: change.status,
      effectiveAt: iso(change.effectiveAt),
      items: change.items.map((i) => ({ priceCode: i.priceCode, quantity: i.quantity })),
    };
  }
  if (detail.priceMigration) payload.priceMigration = { ...detail.priceMigration };
  if (detail.invoiceId) payload.invoiceId = detail.invoiceId;
  if (detail.reason) payload.reason = detail.reason;
  return { aggregateType: 'subscription', aggregateId: f.id, type: `subscription.${verb}`, customerId: f.customerId, payload, at };
}

export type InvoiceVerb =
  | 'created'
  | 'finalized'
  | 'voided'
  | 'credited'
  | 'paid'
  | 'payment_failed'
  | 'overdue'
  | 'reminder_sent'
  | 'marked_uncollectible'
  | 'dunning_exhausted';

export function invoiceEvent(verb: InvoiceVerb, f: InvoiceFacts, at: Date, detail: Record<string, unknown> = {}): DomainEventInput {
  const payload = {
    id: f.id,
    number: f.number,
    status: f.status,
    customerId: f.customerId,
    subscriptionId: f.subscriptionId,
    currency: f.currency,
    periodStart: iso(f.periodStart),
    periodEnd: iso(f.periodEnd),
    subtotal: money(f.subtotal, f.currency),
    tax: money(f.tax, f.currency),
    total: money(f.total, f.currency),
    amountDue: money(f.amountDue, f.currency),
    amountCredited: money(f.amountCredited, f.currency),
    amountPaid: money(f.amountPaid, f.currency),
    createdAt: iso(f.createdAt),
    finalizedAt: iso(f.finalizedAt),
    dueAt: iso(f.dueAt),
    paidAt: iso(f.paidAt),
    voidedAt: iso(f.voidedAt),
    ...detail,
  };
  return { aggregateType: 'invoice', aggregateId: f.id, type: `invoice.${verb}`, customerId: f.customerId, payload, at };
}

export function creditNoteEvent(verb: 'created', n: CreditNote, at: Date): DomainEventInput {
  const payload = {
    id: n.id,
    number: n.number,
    invoiceId: n.invoice.id,
    customerId: n.customer.id,
    currency: n.currency,
    reason: n.reason,
    subtotal: money(n.subtotal, n.currency),
    tax: money(n.tax, n.currency),
    total: money(n.total, n.currency),
    createdAt: iso(n.createdAt),
  };
  return { aggregateType: 'credit_note', aggregateId: n.id, type: `credit_note.${verb}`, customerId: n.customer.id, payload, at };
}
