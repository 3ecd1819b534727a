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
});

const addressPayload = z.object({
  line1: z.string(),
  line2: nullable(z.string()),
  city: z.string(),
  postalCode: nullable(z.string()),
  region: nullable(z.string()),
  country: z.string(),
});

/** A customer's ship-to location after the change (`customer.location_*`: the customer is the aggregate, so its events keep one order). */
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
});

/** overdue and reminder_sent: the dunning step and what is left to pay. */
export const invoiceReminderPayload = invoicePayload.extend({ step: z.number().int(), amountRemaining: decimal });
/** payment_failed: the attempt that failed. */
export const invoicePaymentFailedPayload = invoicePayload.extend({
  attemptId: z.string(),
  step: nullable(z.number().int()),
  error: nullable(z.string()),
});
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
