import { z } from 'zod';
import { formatPath } from '../../pricing/validation';
import { ImportRejection } from '../import-rejection';

/**
 * The Stripe API objects a dump holds, as the API reference shows them (one JSON object a line).
 * Only the fields the import reads are checked; the rest pass through unread. Enumerations the
 * mapping decides on (billing_scheme, status, ...) stay plain strings here, so that an unknown
 * value is refused by the mapping with its reason rather than by the parser.
 */

const timestamp = z.number().int().nonnegative();
const id = z.string().min(1).max(255);
/** An expandable reference: the id, or the object it names. */
const ref = z.union([id, z.looseObject({ id })]).transform((v) => (typeof v === 'string' ? v : v.id));
const nullableString = z
  .string()
  .nullable()
  .optional()
  .transform((v) => v ?? null);
const metadata = z.record(z.string(), z.string()).nullable().optional();

export const stripeCouponSchema = z.looseObject({
  id,
  object: z.literal('coupon'),
  deleted: z.boolean().optional(),
  name: nullableString,
  percent_off: z.number().nullable().optional(),
  amount_off: z.number().int().nullable().optional(),
  currency: nullableString,
  /** Amounts off in other currencies: Tariff's coupon takes one currency off. */
  currency_options: z.record(z.string(), z.unknown()).nullable().optional(),
  duration: z.string().optional(),
  duration_in_months: z.number().int().nullable().optional(),
  /** Only with `expand[]=data.applies_to`; absent means every product. */
  applies_to: z
    .looseObject({ products: z.array(z.string()) })
    .nullable()
    .optional(),
  max_redemptions: z.number().int().nullable().optional(),
  redeem_by: timestamp.nullable().optional(),
  times_redeemed: z.number().int().nonnegative().optional(),
  valid: z.boolean().optional(),
  created: timestamp.optional(),
});
export type StripeCoupon = z.output<typeof stripeCouponSchema>;

/**
 * A discount: a coupon applied to a customer or a subscription. The coupon is embedded
 * (`coupon`, before API version 2025-09-30) or named by `source.coupon` (an id, or the object
 * when expanded).
 */
export const stripeDiscountSchema = z.looseObject({
  id: id.optional(),
  object: z.literal('discount'),
  coupon: z.union([id, stripeCouponSchema]).nullable().optional(),
  source: z
    .looseObject({ coupon: z.union([id, stripeCouponSchema]).nullable().optional(), type: z.string().optional() })
    .nullable()
    .optional(),
  customer: ref.nullable().optional(),
  subscription: ref.nullable().optional(),
  subscription_item: z.string().nullable().optional(),
  promotion_code: ref.nullable().optional(),
  start: timestamp,
  end: timestamp.nullable().optional(),
});
export type StripeDiscount = z.output<typeof stripeDiscountSchema>;

/** A customer's address; every part may be null (Stripe often holds only a country for tax). */
const stripeAddress = z.looseObject({
  line1: nullableString,
  line2: nullableString,
  city: nullableString,
  postal_code: nullableString,
  state: nullableString,
  country: nullableString,
});

/** `tax_ids` as an expanded list (`expand[]=data.tax_ids`); absent when not expanded. */
const stripeTaxIds = z.looseObject({ data: z.array(z.looseObject({ type: z.string(), value: z.string() })) });

export const stripeCustomerSchema = z.looseObject({
  id,
  object: z.literal('customer'),
  deleted: z.boolean().optional(),
  name: nullableString,
  email: nullableString,
  description: nullableString,
  currency: nullableString,
  tax_exempt: z.string().nullable().optional(),
  balance: z.number().int().optional(),
  discount: stripeDiscountSchema.nullable().optional(),
  test_clock: z.unknown().optional(),
  created: timestamp.optional(),
  metadata,
  address: stripeAddress.nullable().optional(),
  tax_ids: stripeTaxIds.nullable().optional(),
});
export type StripeCustomer = z.output<typeof stripeCustomerSchema>;

export const stripeProductSchema = z.looseObject({
  id,
  object: z.literal('product'),
  deleted: z.boolean().optional(),
  name: z.string().optional(),
  active: z.boolean().optional(),
  created: timestamp.optional(),
});
export type StripeProduct = z.output<typeof stripeProductSchema>;

/** Amounts in minor units: an integer, or a decimal string with up to 12 decimals (`*_decimal`). */
const decimalString = z.string().regex(/^-?\d+(\.\d{1,12})?$/, 'must be a decimal string');

export const stripeTierSchema = z.looseObject({
  up_to: z.union([z.number().int().positive(), z.literal('inf'), z.null()]).optional(),
  unit_amount: z.number().int().nullable().optional(),
  unit_amount_decimal: decimalString.nullable().optional(),
  flat_amount: z.number().int().nullable().optional(),
  flat_amount_decimal: decimalString.nullable().optional(),
});
export type StripeTier = z.output<typeof stripeTierSchema>;

export const stripePriceSchema = z.looseObject({
  id,
  object: z.enum(['price', 'plan']),
  deleted: z.boolean().optional(),
  active: z.boolean().optional(),
  currency: z.string(),
  product: ref,
  type: z.string().optional(),
  billing_scheme: z.string().nullable().optional(),
  tiers_mode: z.string().nullable().optional(),
  tiers: z.array(stripeTierSchema).nullable().optional(),
  transform_quantity: z.looseObject({ divide_by: z.number().int().positive(), round: z.string() }).nullable().optional(),
  recurring: z
    .looseObject({
      interval: z.string(),
      interval_count: z.number().int().positive().optional(),
      usage_type: z.string().optional(),
      aggregate_usage: z.string().nullable().optional(),
      meter: z.string().nullable().optional(),
    })
    .nullable()
    .optional(),
  unit_amount: z.number().int().nullable().optional(),
  unit_amount_decimal: decimalString.nullable().optional(),
  custom_unit_amount: z.unknown().optional(),
  lookup_key: nullableString,
  nickname: nullableString,
  tax_behavior: z.string().nullable().optional(),
  created: timestamp.optional(),
});
export type StripePrice = z.output<typeof stripePriceSchema>;

/** A billing meter (optional meters.jsonl): how a meter-backed price's usage is aggregated. */
export const stripeMeterSchema = z.looseObject({
  id,
  object: z.literal('billing.meter'),
  event_name: z.string().min(1),
  default_aggregation: z.looseObject({ formula: z.string() }),
});
export type StripeMeter = z.output<typeof stripeMeterSchema>;

export const stripeTaxRateSchema = z.looseObject({
  id,
  object: z.literal('tax_rate'),
  percentage: z.number().nonnegative(),
  inclusive: z.boolean(),
});
export type StripeTaxRate = z.output<typeof stripeTaxRateSchema>;

const period = { current_period_start: timestamp.optional(), current_period_end: timestamp.optional() };

export const stripeSubscriptionItemSchema = z.looseObject({
  id,
  price: z.looseObject({ id }),
  quantity: z.number().int().nonnegative().optional(),
  tax_rates: z.array(z.unknown()).nullable().optional(),
  ...period,
});
export type StripeSubscriptionItem = z.output<typeof stripeSubscriptionItemSchema>;

/** Since 2023 a list of discount ids (or objects, expanded); `discount` is the one of them that is not per item. */
const discounts = z
  .array(z.union([id, stripeDiscountSchema]))
  .nullable()
  .optional();

export const stripeSubscriptionSchema = z.looseObject({
  id,
  object: z.literal('subscription'),
  customer: ref,
  status: z.string(),
  currency: z.string(),
  items: z.looseObject({ data: z.array(stripeSubscriptionItemSchema), has_more: z.boolean().optional() }),
  ...period,
  billing_cycle_anchor: timestamp,
  start_date: timestamp.optional(),
  created: timestamp,
  trial_start: timestamp.nullable().optional(),
  trial_end: timestamp.nullable().optional(),
  cancel_at_period_end: z.boolean().optional(),
  cancel_at: timestamp.nullable().optional(),
  canceled_at: timestamp.nullable().optional(),
  ended_at: timestamp.nullable().optional(),
  collection_method: z.string().nullable().optional(),
  days_until_due: z.number().int().nonnegative().nullable().optional(),
  default_tax_rates: z.array(stripeTaxRateSchema).nullable().optional(),
  automatic_tax: z.looseObject({ enabled: z.boolean() }).nullable().optional(),
  discount: stripeDiscountSchema.nullable().optional(),
  discounts,
  pause_collection: z.unknown().optional(),
  schedule: z.unknown().optional(),
  pending_update: z.unknown().optional(),
  test_clock: z.unknown().optional(),
});
export type StripeSubscription = z.output<typeof stripeSubscriptionSchema>;

const amountList = z
  .array(z.looseObject({ amount: z.number().int() }))
  .nullable()
  .optional();

export const stripeInvoiceLineSchema = z.looseObject({
  id,
  amount: z.number().int(),
  description: nullableString,
  quantity: z.number().nonnegative().nullable().optional(),
  period: z.looseObject({ start: timestamp, end: timestamp }).optional(),
  proration: z.boolean().optional(),
  /** Before API version 2025-03-31 (basil). */
  price: z.looseObject({ id }).nullable().optional(),
  /** Since basil: `pricing.price_details.price`. */
  pricing: z
    .looseObject({ price_details: z.looseObject({ price: ref }).nullable().optional() })
    .nullable()
    .optional(),
  tax_amounts: amountList,
  taxes: amountList,
  discount_amounts: amountList,
});
export type StripeInvoiceLine = z.output<typeof stripeInvoiceLineSchema>;

export const stripeInvoiceSchema = z.looseObject({
  id,
  object: z.literal('invoice'),
  customer: ref,
  /** Before basil; since then `parent.subscription_details.subscription`. */
  subscription: ref.nullable().optional(),
  parent: z
    .looseObject({ subscription_details: z.looseObject({ subscription: ref }).nullable().optional() })
    .nullable()
    .optional(),
  status: z.string().nullable(),
  number: nullableString,
  currency: z.string(),
  subtotal: z.number().int(),
  total: z.number().int(),
  total_excluding_tax: z.number().int().nullable().optional(),
  amount_due: z.number().int(),
  amount_paid: z.number().int(),
  amount_remaining: z.number().int(),
  collection_method: z.string().nullable().optional(),
  due_date: timestamp.nullable().optional(),
  created: timestamp,
  period_start: timestamp.optional(),
  period_end: timestamp.optional(),
  status_transitions: z.looseObject({ finalized_at: timestamp.nullable().optional() }).optional(),
  lines: z.looseObject({ data: z.array(stripeInvoiceLineSchema), has_more: z.boolean().optional() }),
});
export type StripeInvoice = z.output<typeof stripeInvoiceSchema>;

/** Parses one dump line's object, or rejects it naming the first field that does not fit. */
export function parseStripe<S extends z.ZodType>(schema: S, json: unknown, what: string): z.output<S> {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = formatPath(issue.path);
  throw new ImportRejection(`not a Stripe ${what} object: ${path === '' ? '' : `${path}: `}${issue.message}`);
}

export const toDate = (seconds: number): Date => new Date(seconds * 1000);
