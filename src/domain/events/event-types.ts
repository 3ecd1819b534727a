import type { z } from 'zod';
import * as s from './event-schemas';

/** Every verb of an aggregate with the same payload: `{ 'quote.created': quotePayload, ... }`. */
function verbs<A extends string, V extends string, S>(aggregate: A, list: readonly V[], schema: S): Record<`${A}.${V}`, S> {
  return Object.fromEntries(list.map((v) => [`${aggregate}.${v}`, schema])) as Record<`${A}.${V}`, S>;
}

export const SUBSCRIPTION_VERBS = [
  'created',
  'updated',
  'paused',
  'resumed',
  'canceled',
  'cancel_scheduled',
  'started',
  'trial_converted',
  'renewed',
  'change_scheduled',
  'scheduled_change_canceled',
  'scheduled_change_applied',
  'price_migrated',
  'past_due',
  'recovered',
  // The Stripe import (src/import): the subscription as it came over.
  'imported',
  // Lifecycle signals (src/domain/lifecycle): no change, a date coming up.
  'trial_ending',
  'renewal_upcoming',
] as const;

/**
 * Every event type and the schema of its payload: the one list. A type is `<aggregate>.<verb>`
 * in lower case (CONTRACT.md, Webhooks); adding one means adding it here with its schema, and
 * the compiler then asks every exhaustive consumer (the revenue projection) what it does with it.
 */
export const eventSchemas = {
  ...verbs('customer', ['created', 'updated', 'imported'], s.customerPayload),
  ...verbs('customer', ['location_created', 'location_updated', 'location_removed'], s.locationPayload),
  ...verbs('customer', ['contact_created', 'contact_updated', 'contact_removed'], s.contactPayload),
  ...verbs('contract', ['created'], s.contractPayload),
  ...verbs('quote', ['created', 'updated', 'approved', 'sent', 'accepted', 'declined', 'expiring'], s.quotePayload),
  ...verbs('subscription', SUBSCRIPTION_VERBS, s.subscriptionPayload),
  ...verbs('invoice', ['created', 'finalized', 'voided', 'credited', 'paid', 'marked_uncollectible', 'imported'], s.invoicePayload),
  ...verbs('invoice', ['overdue', 'reminder_sent'], s.invoiceReminderPayload),
  // A lifecycle signal (src/domain/lifecycle): a sent invoice's due date coming up.
  'invoice.due_soon': s.invoiceDueSoonPayload,
  'invoice.payment_failed': s.invoicePaymentFailedPayload,
  'invoice.dunning_exhausted': s.invoiceDunningExhaustedPayload,
  // Issue 17: order.placed is what a WMS listens to; held: not placed (its reason on the order).
  ...verbs('order', ['scheduled', 'placed', 'backordered', 'held', 'skipped', 'rescheduled', 'updated', 'delivered'], s.orderPayload),
  'order.shipped': s.orderShippedPayload,
  'order.canceled': s.orderCanceledPayload,
  // A subscription's ship-to location or delivery frequency changed by a customer control (updateSubscriptionDelivery).
  'delivery_schedule.updated': s.deliverySchedulePayload,
  'order.lines_canceled': s.orderLinesCanceledPayload,

  // The seller e-invoices and a billing run could not finalize the invoice (docs/e-invoices.md).
  'invoice.finalization_blocked': s.invoiceFinalizationBlockedPayload,
  ...verbs('credit_note', ['created'], s.creditNotePayload),
  // refunded: the negative payment of a refund (a REFUND attempt); a SEPA return is a failed DIRECT_DEBIT payment.
  ...verbs('payment', ['succeeded', 'failed', 'recorded', 'refunded'], s.paymentPayload),
  ...verbs('direct_debit_batch', ['created', 'settled'], s.directDebitBatchPayload),
  'refund.created': s.refundPayload,
  ...verbs('payment_method', ['attached', 'made_default', 'detached', 'expiring'], s.paymentMethodPayload),
  ...verbs('coupon', ['created', 'imported'], s.couponPayload),
  ...verbs('coupon', ['redeemed', 'discount_applied', 'discount_removed', 'discount_imported'], s.couponRedemptionPayload),
  'usage.threshold_crossed': s.usageThresholdCrossedPayload,
  'webhook_endpoint.disabled': s.webhookEndpointDisabledPayload,
};

export type EventType = keyof typeof eventSchemas;
export type EventPayload<T extends EventType> = z.infer<(typeof eventSchemas)[T]>;
export type AggregateOf<T extends EventType> = T extends `${infer A}.${string}` ? A : never;

/** The aggregates that emit events; `type` is always `<aggregateType>.<verb>`. */
export type AggregateType = AggregateOf<EventType>;

/** One state change of note, as the change's transaction records it. */
export interface DomainEventOf<T extends EventType> {
  type: T;
  aggregateType: AggregateOf<T>;
  aggregateId: string;
  /** The customer the change concerns: what a CUSTOMER key may read. */
  customerId: string | null;
  payload: EventPayload<T>;
  /** When it happened, on the clock the change ran on (a test clock's, for its customers). */
  at: Date;
  /** Created in this transaction, so it has no earlier events to look up (the batch path's invoices). */
  newAggregate?: boolean;
}

/** Any event: a union discriminated by `type`, so a `switch (event.type)` narrows the payload. */
export type DomainEventInput = { [T in EventType]: DomainEventOf<T> }[EventType];

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(eventSchemas, type);
}

/**
 * An event read back from the outbox (`domain_event`), its payload parsed with its type's schema:
 * a stored payload that does not match fails here, not as a wrong figure downstream.
 */
export function parseStoredEvent(row: {
  type: string;
  aggregate_id: string;
  customer_id: string | null;
  payload: unknown;
  occurred_at: Date | string;
}): DomainEventInput {
  if (!isEventType(row.type)) throw new Error(`unknown event type ${row.type} on aggregate ${row.aggregate_id}`);
  const parsed = eventSchemas[row.type].safeParse(row.payload);
  if (!parsed.success) throw new Error(`${row.type} of ${row.aggregate_id}: payload does not match its schema: ${parsed.error.message}`);
  return {
    type: row.type,
    aggregateType: row.type.slice(0, row.type.indexOf('.')),
    aggregateId: row.aggregate_id,
    customerId: row.customer_id,
    payload: parsed.data,
    at: new Date(row.occurred_at),
  } as DomainEventInput;
}
