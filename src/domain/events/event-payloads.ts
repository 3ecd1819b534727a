import { formatMoney } from '../../pricing/currency';
import type { Decimal } from '../../pricing/decimal';
import type { Address } from '../customers/customer-address';
import type { Contract } from '../contracts/contract.entity';
import type { InvoiceFacts } from '../invoices/invoice-writer';
import type { Quote } from '../quotes/quote.entity';
import type { Subscription } from '../subscriptions/subscription.entity';
import { deliveryPayload, type DeliveryFacts } from './delivery-facts';
import type { DomainEventInput, DomainEventOf, EventPayload, SUBSCRIPTION_VERBS } from './event-types';

/**
 * The builders of each event's `data`: a snapshot of the aggregate after the change, small and
 * stable (README, Events), typed by its schema (event-schemas.ts). Lines and pricing steps stay
 * out: read the aggregate for them. Builders take plain data (an entity is one, and so is a row
 * the batch path or the importer holds), never an entity built for the purpose.
 */

const iso = (d: Date | null | undefined): string | null => (d ? new Date(d).toISOString() : null);
const instant = (d: Date): string => new Date(d).toISOString();
const money = (d: Decimal | null, currency: string): string | null => (d === null ? null : formatMoney(d, currency));
const plain = (d: Decimal | null): string | null => (d === null ? null : d.toFixed());

/** A customer as plain data: the entity is one. */
export interface CustomerFacts {
  id: string;
  name: string;
  email: string;
  currency: string;
  taxStatus: string;
  taxRate: Decimal | null;
  billingAddress: Address | null;
  vatId: string | null;
  creditLimit: Decimal | null;
  invoiceDrafts: boolean;
  paymentTermsDays: number;
  purchaseOrderRequired: boolean;
  paymentTermsEndOfMonth: boolean;
  tags: readonly string[];
  metadata: Record<string, string | number | boolean | null>;
  testClock: { id: string } | null;
  parent: { id: string } | null;
  invoiceTo: 'SELF' | 'PARENT';
  createdAt: Date;
  updatedAt: Date;
}

export function customerEvent(
  verb: 'created' | 'updated' | 'imported',
  c: CustomerFacts,
  at: Date,
): DomainEventOf<`customer.${typeof verb}`> {
  const payload: EventPayload<'customer.created'> = {
    id: c.id,
    name: c.name,
    email: c.email,
    currency: c.currency,
    taxStatus: c.taxStatus,
    taxRate: plain(c.taxRate),
    billingAddress: c.billingAddress === null ? null : { ...c.billingAddress },
    vatId: c.vatId,
    creditLimit: money(c.creditLimit, c.currency),
    invoiceDrafts: c.invoiceDrafts,
    paymentTermsDays: c.paymentTermsDays,
    purchaseOrderRequired: c.purchaseOrderRequired,
    paymentTermsEndOfMonth: c.paymentTermsEndOfMonth,
    tags: [...c.tags],
    metadata: { ...c.metadata },
    testClockId: c.testClock?.id ?? null,
    parentId: c.parent?.id ?? null,
    invoiceTo: c.invoiceTo,
    createdAt: instant(c.createdAt),
    updatedAt: instant(c.updatedAt),
  };
  return { aggregateType: 'customer', aggregateId: c.id, type: `customer.${verb}`, customerId: c.id, payload, at };
}

/** Call with the items loaded (createContract has just made them). */
export function contractEvent(verb: 'created', c: Contract, at: Date): DomainEventOf<'contract.created'> {
  const payload = {
    id: c.id,
    customerId: c.customer.id,
    code: c.code,
    startsAt: instant(c.startsAt),
    endsAt: iso(c.endsAt),
    minimumCommitment: plain(c.minimumCommitment),
    items: c.items
      .getItems()
      .map((i) => ({ priceCode: i.priceCode, discountPercent: plain(i.discountPercent), override: i.override !== null })),
    createdAt: instant(c.createdAt),
  };
  return { aggregateType: 'contract', aggregateId: c.id, type: `contract.${verb}`, customerId: c.customer.id, payload, at };
}

/** `status` is the stored one: EXPIRED is derived when read, never a change, so it has no event. Call with the lines loaded. */
export function quoteEvent(
  verb: 'created' | 'updated' | 'approved' | 'sent' | 'accepted' | 'declined' | 'expiring',
  q: Quote,
  at: Date,
): DomainEventOf<`quote.${typeof verb}`> {
  const payload = {
    id: q.id,
    customerId: q.customer.id,
    status: q.status,
    currency: q.currency,
    validUntil: iso(q.validUntil),
    trialDays: q.trialDays,
    collectionMethod: q.collectionMethod,
    purchaseOrderNumber: q.purchaseOrderNumber,
    subtotal: money(q.subtotal, q.currency),
    tax: money(q.tax, q.currency),
    total: money(q.total, q.currency),
    lines: q.lines.getItems().map((l) => ({
      priceCode: l.priceCode,
      quantity: l.quantity.toFixed(),
      priceVersion: l.price?.version ?? null,
      amount: money(l.amount, q.currency),
    })),
    subscriptionId: q.subscription?.id ?? null,
    sentAt: iso(q.sentAt),
    acceptedAt: iso(q.acceptedAt),
    declinedAt: iso(q.declinedAt),
    createdAt: instant(q.createdAt),
    number: q.number,
    requiresApproval: q.requiresApproval,
    approval: q.approvedAt
      ? {
          approvedAt: instant(q.approvedAt),
          approvedBy: { apiKeyId: q.approvedByKeyId ?? '', name: q.approvedByName ?? '', role: q.approvedByRole ?? '' },
          note: q.approvalNote,
        }
      : null,
  };
  return { aggregateType: 'quote', aggregateId: q.id, type: `quote.${verb}`, customerId: q.customer.id, payload, at };
}

export type SubscriptionVerb = (typeof SUBSCRIPTION_VERBS)[number];

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
  purchaseOrderNumber: string | null;
  items: readonly { priceCode: string; priceVersion: number; quantity: Decimal }[];
  /**
   * The delivery schedule and its goods (issue 17). Left out, emitEvent reads it from the
   * subscription's rows in the emitting transaction (delivery-facts.ts), so every path carries it.
   */
  delivery?: DeliveryFacts | null;
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
    purchaseOrderNumber: s.purchaseOrderNumber,
    items: s.items.getItems().map((i) => ({ priceCode: i.priceCode, priceVersion: i.price.version, quantity: i.quantity })),
  };
}

/** Beside the snapshot, an event about a part of the subscription names that part. */
export interface SubscriptionEventDetail {
  /** The entity is one. */
  scheduledChange?: { id: string; status: string; effectiveAt: Date; items: readonly { priceCode: string; quantity: string }[] };
  priceMigration?: { priceCode: string; fromVersion: number; toVersion: number };
  /** past_due and recovered: the invoice whose payment moved the status. */
  invoiceId?: string;
  /** canceled: why, when not asked for (`dunning`: involuntary churn). */
  reason?: string;
}

/** Call with the items and their prices loaded (lockSubscription does). */
export function subscriptionEvent(
  verb: SubscriptionVerb,
  s: Subscription,
  at: Date,
  detail: SubscriptionEventDetail = {},
): DomainEventOf<`subscription.${SubscriptionVerb}`> {
  return subscriptionFactsEvent(verb, subscriptionFacts(s), at, detail);
}

export function subscriptionFactsEvent(
  verb: SubscriptionVerb,
  f: SubscriptionFacts,
  at: Date,
  detail: SubscriptionEventDetail = {},
): DomainEventOf<`subscription.${SubscriptionVerb}`> {
  const payload: EventPayload<'subscription.updated'> = {
    id: f.id,
    customerId: f.customerId,
    status: f.status,
    version: f.version,
    currency: f.currency,
    interval: f.interval,
    intervalCount: f.intervalCount,
    collectionMethod: f.collectionMethod,
    startsAt: instant(f.startsAt),
    currentPeriodStart: instant(f.currentPeriodStart),
    currentPeriodEnd: instant(f.currentPeriodEnd),
    trialEnd: iso(f.trialEnd),
    cancelAtPeriodEnd: f.cancelAtPeriodEnd,
    pausedAt: iso(f.pausedAt),
    canceledAt: iso(f.canceledAt),
    purchaseOrderNumber: f.purchaseOrderNumber,
    items: f.items.map((i) => ({ priceCode: i.priceCode, priceVersion: i.priceVersion, quantity: i.quantity.toFixed() })),
  };
  const change = detail.scheduledChange;
  if (change) {
    payload.scheduledChange = {
      id: change.id,
      status: change.status,
      effectiveAt: instant(change.effectiveAt),
      items: change.items.map((i) => ({ priceCode: i.priceCode, quantity: i.quantity })),
    };
  }
  if (detail.priceMigration) payload.priceMigration = { ...detail.priceMigration };
  if (detail.invoiceId) payload.invoiceId = detail.invoiceId;
  if (detail.reason) payload.reason = detail.reason;
  if (f.delivery !== undefined) payload.delivery = f.delivery && deliveryPayload(f.delivery);
  return { aggregateType: 'subscription', aggregateId: f.id, type: `subscription.${verb}`, customerId: f.customerId, payload, at };
}

/** What an invoice's payload reads of the invoice shape (invoice-writer.ts). */
export type InvoicePayloadFacts = Pick<
  InvoiceFacts,
  | 'id'
  | 'number'
  | 'status'
  | 'customerId'
  | 'subscriptionId'
  | 'purchaseOrderNumber'
  | 'currency'
  | 'periodStart'
  | 'periodEnd'
  | 'subtotal'
  | 'tax'
  | 'total'
  | 'amountDue'
  | 'amountCredited'
  | 'amountPaid'
  | 'createdAt'
  | 'finalizedAt'
  | 'dueAt'
  | 'paidAt'
  | 'voidedAt'
>;

type PlainInvoiceVerb = 'created' | 'finalized' | 'voided' | 'credited' | 'paid' | 'marked_uncollectible' | 'imported';
export type InvoiceVerb =
  PlainInvoiceVerb | 'payment_failed' | 'overdue' | 'reminder_sent' | 'dunning_exhausted' | 'due_soon' | 'finalization_blocked';

type InvoiceBase = EventPayload<'invoice.created'>;
/** What an event about a part of the invoice's life says beside the snapshot (event-schemas.ts). */
export type InvoiceReminderDetail = Omit<EventPayload<'invoice.overdue'>, keyof InvoiceBase>;
export type InvoicePaymentFailedDetail = Omit<EventPayload<'invoice.payment_failed'>, keyof InvoiceBase>;
export type InvoiceDunningExhaustedDetail = Omit<EventPayload<'invoice.dunning_exhausted'>, keyof InvoiceBase>;
export type InvoiceDueSoonDetail = Omit<EventPayload<'invoice.due_soon'>, keyof InvoiceBase>;
export type InvoiceFinalizationBlockedDetail = Omit<EventPayload<'invoice.finalization_blocked'>, keyof InvoiceBase>;

export function invoiceEvent(verb: PlainInvoiceVerb, f: InvoicePayloadFacts, at: Date): DomainEventOf<`invoice.${PlainInvoiceVerb}`>;
export function invoiceEvent(
  verb: 'overdue' | 'reminder_sent',
  f: InvoicePayloadFacts,
  at: Date,
  detail: InvoiceReminderDetail,
): DomainEventOf<'invoice.overdue' | 'invoice.reminder_sent'>;
export function invoiceEvent(
  verb: 'payment_failed',
  f: InvoicePayloadFacts,
  at: Date,
  detail: InvoicePaymentFailedDetail,
): DomainEventOf<'invoice.payment_failed'>;
export function invoiceEvent(
  verb: 'dunning_exhausted',
  f: InvoicePayloadFacts,
  at: Date,
  detail: InvoiceDunningExhaustedDetail,
): DomainEventOf<'invoice.dunning_exhausted'>;
export function invoiceEvent(
  verb: 'due_soon',
  f: InvoicePayloadFacts,
  at: Date,
  detail: InvoiceDueSoonDetail,
): DomainEventOf<'invoice.due_soon'>;
export function invoiceEvent(
  verb: 'finalization_blocked',
  f: InvoicePayloadFacts,
  at: Date,
  detail: InvoiceFinalizationBlockedDetail,
): DomainEventOf<'invoice.finalization_blocked'>;
export function invoiceEvent(verb: InvoiceVerb, f: InvoicePayloadFacts, at: Date, detail: object = {}): DomainEventInput {
  const payload: InvoiceBase = {
    id: f.id,
    number: f.number,
    status: f.status,
    customerId: f.customerId,
    subscriptionId: f.subscriptionId,
    purchaseOrderNumber: f.purchaseOrderNumber,
    currency: f.currency,
    periodStart: iso(f.periodStart),
    periodEnd: iso(f.periodEnd),
    subtotal: formatMoney(f.subtotal, f.currency),
    tax: formatMoney(f.tax, f.currency),
    total: formatMoney(f.total, f.currency),
    amountDue: formatMoney(f.amountDue, f.currency),
    amountCredited: formatMoney(f.amountCredited, f.currency),
    amountPaid: formatMoney(f.amountPaid, f.currency),
    createdAt: instant(f.createdAt),
    finalizedAt: iso(f.finalizedAt),
    dueAt: iso(f.dueAt),
    paidAt: iso(f.paidAt),
    voidedAt: iso(f.voidedAt),
  };
  // The overloads pair each verb with its detail, which the union cannot check through a spread.
  return {
    aggregateType: 'invoice',
    aggregateId: f.id,
    type: `invoice.${verb}`,
    customerId: f.customerId,
    payload: { ...payload, ...detail },
    at,
  } as DomainEventInput;
}

/** A credit note as plain data: the entity is one. */
export interface CreditNoteFacts {
  id: string;
  number: string;
  invoice: { id: string };
  customer: { id: string };
  currency: string;
  reason: string | null;
  subtotal: Decimal;
  tax: Decimal;
  total: Decimal;
  createdAt: Date;
}

export function creditNoteEvent(verb: 'created', n: CreditNoteFacts, at: Date): DomainEventOf<'credit_note.created'> {
  const payload = {
    id: n.id,
    number: n.number,
    invoiceId: n.invoice.id,
    customerId: n.customer.id,
    currency: n.currency,
    reason: n.reason,
    subtotal: formatMoney(n.subtotal, n.currency),
    tax: formatMoney(n.tax, n.currency),
    total: formatMoney(n.total, n.currency),
    createdAt: instant(n.createdAt),
  };
  return { aggregateType: 'credit_note', aggregateId: n.id, type: `credit_note.${verb}`, customerId: n.customer.id, payload, at };
}
