import { z } from 'zod';

/**
 * The `data` of each event as zod schemas: what the outbox stores and webhooks deliver (README,
 * Events). Ids as strings, amounts as the API prints them (money at the currency's minor unit,
 * rates and quantities as plain decimals), instants in ISO 8601 UTC, absent values as null.
 * Readers of stored events (the revenue ledger, its rebuild) parse with these; builders
 * (event-payloads.ts) are typed by them, and a test parses every builder's output.
 */

const instant = z.iso.datetime();
const decimal = z.string().regex(/^-?\d+(\.\d+)?$/);
const nullable = <T extends z.ZodType>(t: T) => t.nullable();

const address = z.object({
  line1: z.string(),
  line2: nullable(z.string()),
  city: z.string(),
  postalCode: nullable(z.string()),
  region: nullable(z.string()),
  country: z.string(),
});

export const customerPayload = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  currency: z.string(),
  taxStatus: z.string(),
  taxRate: nullable(decimal),
  invoiceDrafts: z.boolean(),
  paymentTermsDays: z.number().int(),
  tags: z.array(z.string()),
  metadata: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  testClockId: nullable(z.string()),
  createdAt: instant,
  updatedAt: instant,
  /** Issue 16 (legal identity); absent in events stored before it. */
  billingAddress: nullable(address).optional(),
  vatId: nullable(z.string()).optional(),
  /** Issue 16 (purchase orders); absent in events stored before it. */
  purchaseOrderRequired: z.boolean().optional(),
  /** Issue 16 (end-of-month terms); absent in events stored before it. */
  paymentTermsEndOfMonth: z.boolean().optional(),
  /** Issue 16 (company groups); absent in events stored before it. */
  parentId: nullable(z.string()).optional(),
  invoiceTo: z.enum(['SELF', 'PARENT']).optional(),
  /** Issue 16 (credit limits): money at the minor unit, null for no limit; absent in events stored before it. */
  creditLimit: nullable(decimal).optional(),
});

const addressPayload = z.object({
  line1: z.string(),
  line2: nullable(z.string()),
  city: z.string(),
  postalCode: nullable(z.string()),
  region: nullable(z.string()),
  country: z.string(),
});

/**
 * A customer's ship-to location after the change (`customer.location_*`: the customer is the aggregate, so its events keep one
 * order); `customer.location_removed` carries it as it was when removed.
 */
export const locationPayload = z.object({
  id: z.string(),
  customerId: z.string(),
  name: z.string(),
  address: addressPayload,
  externalIds: z.array(z.object({ system: z.string(), id: z.string() })),
  createdAt: instant,
  updatedAt: instant,
});

/** A customer's contact after the change (`customer.contact_*`); `archivedAt` is set once removed. */
export const contactPayload = z.object({
  id: z.string(),
  customerId: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.string(),
  archivedAt: nullable(instant),
  createdAt: instant,
  updatedAt: instant,
});

export const contractPayload = z.object({
  id: z.string(),
  customerId: z.string(),
  code: z.string(),
  startsAt: instant,
  endsAt: nullable(instant),
  minimumCommitment: nullable(decimal),
  items: z.array(z.object({ priceCode: z.string(), discountPercent: nullable(decimal), override: z.boolean() })),
  createdAt: instant,
});

export const quotePayload = z.object({
  id: z.string(),
  customerId: z.string(),
  status: z.string(),
  currency: z.string(),
  validUntil: nullable(instant),
  trialDays: nullable(z.number().int()),
  collectionMethod: nullable(z.string()),
  subtotal: nullable(decimal),
  tax: nullable(decimal),
  total: nullable(decimal),
  lines: z.array(
    z.object({ priceCode: z.string(), quantity: decimal, priceVersion: nullable(z.number().int()), amount: nullable(decimal) }),
  ),
  subscriptionId: nullable(z.string()),
  sentAt: nullable(instant),
  acceptedAt: nullable(instant),
  declinedAt: nullable(instant),
  createdAt: instant,
  // Added with quote approval (issue 16): optional, so events stored before still parse.
  number: z.string().optional(),
  requiresApproval: z.boolean().optional(),
  approval: nullable(
    z.object({
      approvedAt: instant,
      approvedBy: z.object({ apiKeyId: z.string(), name: z.string(), role: z.string() }),
      note: nullable(z.string()),
    }),
  ).optional(),
  /** Issue 16 (purchase orders); absent in events stored before it. */
  purchaseOrderNumber: nullable(z.string()).optional(),
});

/**
 * Issue 17: a subscription's delivery schedule and its PHYSICAL items (delivery_item, on orders,
 * never in `items`), so the revenue ledger can count goods at their delivery frequency.
 */
export const subscriptionDelivery = z.object({
  every: z.number().int(),
  unit: z.enum(['DAY', 'WEEK', 'MONTH']),
  items: z.array(z.object({ priceCode: z.string(), priceVersion: z.number().int(), sku: z.string(), quantity: decimal })),
});

/** The state after the change, which the revenue ledger projects; the optional parts name what changed. */
export const subscriptionPayload = z.object({
  id: z.string(),
  customerId: z.string(),
  status: z.string(),
  version: z.number().int(),
  currency: z.string(),
  interval: z.string(),
  intervalCount: z.number().int(),
  collectionMethod: z.string(),
  startsAt: instant,
  currentPeriodStart: instant,
  currentPeriodEnd: instant,
  trialEnd: nullable(instant),
  cancelAtPeriodEnd: z.boolean(),
  pausedAt: nullable(instant),
  canceledAt: nullable(instant),
  items: z.array(z.object({ priceCode: z.string(), priceVersion: z.number().int(), quantity: decimal })),
  scheduledChange: z
    .object({
      id: z.string(),
      status: z.string(),
      effectiveAt: instant,
      items: z.array(z.object({ priceCode: z.string(), quantity: decimal })),
    })
    .optional(),
  priceMigration: z.object({ priceCode: z.string(), fromVersion: z.number().int(), toVersion: z.number().int() }).optional(),
  /** past_due and recovered: the invoice whose payment moved the status. */
  invoiceId: z.string().optional(),
  /** canceled: why, when not asked for (`dunning`: involuntary churn). */
  reason: z.string().optional(),
  /** Issue 16 (purchase orders); absent in events stored before it. */
  purchaseOrderNumber: nullable(z.string()).optional(),
  /** Issue 17: null without goods; absent in events stored before it (read as null: no goods then). */
  delivery: nullable(subscriptionDelivery).optional(),
});

export const invoicePayload = z.object({
  id: z.string(),
  number: nullable(z.string()),
  status: z.string(),
  customerId: z.string(),
  subscriptionId: nullable(z.string()),
  currency: z.string(),
  periodStart: nullable(instant),
  periodEnd: nullable(instant),
  subtotal: decimal,
  tax: decimal,
  total: decimal,
  amountDue: decimal,
  amountCredited: decimal,
  amountPaid: decimal,
  createdAt: instant,
  finalizedAt: nullable(instant),
  dueAt: nullable(instant),
  paidAt: nullable(instant),
  voidedAt: nullable(instant),
  /** The number of what it bills (issue 16); absent in events stored before it. */
  purchaseOrderNumber: nullable(z.string()).optional(),
});

/** An order after the change (`order.*`, issue 17): its lines by SKU, what a WMS needs to pick them. */
export const orderPayload = z.object({
  id: z.string(),
  number: z.string(),
  status: z.string(),
  customerId: z.string(),
  subscriptionId: nullable(z.string()),
  locationId: z.string(),
  scheduledFor: instant,
  placedAt: nullable(instant),
  holdReason: nullable(z.string()),
  purchaseOrderNumber: nullable(z.string()),
  currency: z.string(),
  subtotal: decimal,
  tax: decimal,
  total: decimal,
  lines: z.array(
    z.object({
      sku: z.string(),
      priceCode: z.string(),
      quantity: decimal,
      quantityBackordered: decimal,
      quantityShipped: decimal,
      /** Never to ship (cancelOrderLines, cancelOrder); absent in events stored before it. */
      quantityCanceled: decimal.optional(),
      amount: decimal,
    }),
  ),
});

/** order.shipped: the order after the shipment, and the shipment with its lines (CONTRACT.md: one event per shipment). */
export const orderShippedPayload = orderPayload.extend({
  shipment: z.object({
    id: z.string(),
    externalId: z.string(),
    carrier: nullable(z.string()),
    trackingNumber: nullable(z.string()),
    shippedAt: instant,
    lines: z.array(z.object({ sku: z.string(), quantity: decimal })),
  }),
});
/** order.canceled: why, as the canceller said. */
export const orderCanceledPayload = orderPayload.extend({
  reason: nullable(z.string()),
  /** billOn ORDER: the note that gave back what was invoiced (order-credit.ts); absent in events stored before it. */
  creditNoteId: nullable(z.string()).optional(),
});
/** order.lines_canceled: quantities of a placed order that will not ship, and the credit note for them if they were invoiced. */
export const orderLinesCanceledPayload = orderCanceledPayload.extend({
  canceled: z.array(z.object({ sku: z.string(), quantity: decimal })),
});

/** overdue and reminder_sent: the dunning step and what is left to pay. */
export const invoiceReminderPayload = invoicePayload.extend({ step: z.number().int(), amountRemaining: decimal });
/** due_soon: what is left to pay, and how many days ahead of the due date the seller asked to hear (seller settings). */
export const invoiceDueSoonPayload = invoicePayload.extend({ amountRemaining: decimal, daysBeforeDue: z.number().int() });
/** payment_failed: the attempt that failed. */
export const invoicePaymentFailedPayload = invoicePayload.extend({
  attemptId: z.string(),
  step: nullable(z.number().int()),
  error: nullable(z.string()),
});
/**
 * finalization_blocked: a billing run left the invoice a DRAFT because it could not be a valid
 * e-invoice (e-invoice-readiness.ts): why, and the setting or customer field to fix.
 */
export const invoiceFinalizationBlockedPayload = invoicePayload.extend({ reason: z.string(), field: z.string(), message: z.string() });
/** dunning_exhausted: what the dunning policy does next. */
export const invoiceDunningExhaustedPayload = invoicePayload.extend({ finalAction: z.string() });

export const creditNotePayload = z.object({
  id: z.string(),
  number: z.string(),
  invoiceId: z.string(),
  customerId: z.string(),
  currency: z.string(),
  reason: nullable(z.string()),
  subtotal: decimal,
  tax: decimal,
  total: decimal,
  createdAt: instant,
});

export const paymentPayload = z.object({
  id: z.string(),
  invoiceId: z.string(),
  customerId: z.string(),
  kind: z.string(),
  step: nullable(z.number().int()),
  amount: decimal,
  currency: z.string(),
  outcome: z.string(),
  provider: nullable(z.string()),
  providerReference: nullable(z.string()),
  error: nullable(z.string()),
  at: instant,
});

export const directDebitBatchPayload = z.object({
  id: z.string(),
  messageId: z.string(),
  collectionDate: instant,
  currency: z.string(),
  count: z.number().int(),
  total: decimal,
  invoiceIds: z.array(z.string()),
  createdAt: instant,
  settledAt: nullable(instant),
});

export const refundPayload = z.object({
  id: z.string(),
  paymentId: z.string(),
  refundPaymentId: z.string(),
  invoiceId: z.string(),
  customerId: z.string(),
  creditNoteId: z.string(),
  amount: decimal,
  currency: z.string(),
  reason: nullable(z.string()),
  method: z.string(),
  providerReference: nullable(z.string()),
  createdAt: instant,
});

export const paymentMethodPayload = z.object({
  id: z.string(),
  customerId: z.string(),
  provider: z.string(),
  label: z.string(),
  isDefault: z.boolean(),
  createdAt: instant,
  detachedAt: nullable(instant),
  expiresAt: nullable(instant),
  /** Who made the change: a customer's own (self-service) or the seller's. */
  by: z.object({ keyId: z.string(), role: z.string() }),
});

/** Rates and amounts off as plain decimals (an amount off at its currency's scale is how it was given). */
export const couponPayload = z.object({
  id: z.string(),
  code: z.string(),
  name: nullable(z.string()),
  percentOff: nullable(decimal),
  amountOff: nullable(decimal),
  currency: nullable(z.string()),
  duration: z.string(),
  durationInMonths: nullable(z.number().int()),
  appliesToPriceCodes: nullable(z.array(z.string())),
  maxRedemptions: nullable(z.number().int()),
  timesRedeemed: z.number().int(),
  redeemBy: nullable(instant),
  createdAt: instant,
});

/** A redemption and the coupon's terms; `startsAt` is null for a quote's, not yet a subscription's. */
export const couponRedemptionPayload = z.object({
  coupon: couponPayload,
  redemption: z.object({
    id: z.string(),
    customerId: z.string(),
    subscriptionId: nullable(z.string()),
    quoteId: nullable(z.string()),
    promotionCode: nullable(z.string()),
    startsAt: nullable(instant),
    endedAt: nullable(instant),
    createdAt: instant,
  }),
});

/** A usage threshold crossed in a window (lifecycle signals). */
export const usageThresholdCrossedPayload = z.object({
  id: z.string(),
  subscriptionId: z.string(),
  customerId: z.string(),
  metric: z.string(),
  aggregation: z.string(),
  threshold: decimal,
  usage: decimal,
  crossedAt: instant,
  periodStart: instant,
  periodEnd: instant,
});

export const webhookEndpointDisabledPayload = z.object({
  id: z.string(),
  url: z.string(),
  eventTypes: z.array(z.string()),
  status: z.literal('DISABLED'),
  reason: z.enum(['FAILING', 'MANUAL']),
  disabledAt: instant,
  failingSince: nullable(instant),
});

/** delivery_schedule.updated (issue 17): a subscription's ship-to location or frequency changed; `previous` is what it was. */
export const deliverySchedulePayload = z.object({
  subscriptionId: z.string(),
  customerId: z.string(),
  locationId: z.string(),
  every: z.number().int(),
  unit: z.string(),
  billOn: z.string(),
  anchorAt: instant,
  anchorIndex: z.number().int(),
  previous: z.object({ locationId: z.string(), every: z.number().int(), unit: z.string() }),
});
