import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Stripe API objects for tests, shaped as the API reference shows them, with the fields a case
 * does not care about at their usual values. Times are Unix seconds.
 */
type Json = Record<string, any>;

export const T0 = Date.UTC(2026, 10, 20) / 1000; // 2026-11-20T00:00:00Z
export const DAY = 86_400;

export function product(id = 'prod_Test0000001', extra: Json = {}): Json {
  return {
    id,
    object: 'product',
    active: true,
    created: T0 - 400 * DAY,
    default_price: null,
    description: null,
    livemode: false,
    metadata: {},
    name: 'Test product',
    type: 'service',
    ...extra,
  };
}

export function price(id: string, extra: Json = {}): Json {
  return {
    id,
    object: 'price',
    active: true,
    billing_scheme: 'per_unit',
    created: T0 - 300 * DAY,
    currency: 'usd',
    custom_unit_amount: null,
    livemode: false,
    lookup_key: null,
    metadata: {},
    nickname: null,
    product: 'prod_Test0000001',
    recurring: {
      aggregate_usage: null,
      interval: 'month',
      interval_count: 1,
      meter: null,
      trial_period_days: null,
      usage_type: 'licensed',
    },
    tax_behavior: 'exclusive',
    tiers_mode: null,
    transform_quantity: null,
    type: 'recurring',
    unit_amount: 1000,
    unit_amount_decimal: '1000',
    ...extra,
  };
}

export function metered(id: string, extra: Json = {}, recurring: Json = {}): Json {
  return price(id, {
    unit_amount: null,
    unit_amount_decimal: '0.5',
    recurring: {
      aggregate_usage: 'sum',
      interval: 'month',
      interval_count: 1,
      meter: null,
      trial_period_days: null,
      usage_type: 'metered',
      ...recurring,
    },
    ...extra,
  });
}

export function customer(id: string, extra: Json = {}): Json {
  return {
    id,
    object: 'customer',
    address: null,
    balance: 0,
    created: T0 - 200 * DAY,
    currency: 'usd',
    default_source: null,
    delinquent: false,
    description: null,
    discount: null,
    email: `${id}@example.com`,
    invoice_prefix: 'TEST0001',
    livemode: false,
    metadata: {},
    name: `Customer ${id}`,
    phone: null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: 'none',
    test_clock: null,
    ...extra,
  };
}

export function taxRate(percentage: number, extra: Json = {}): Json {
  return {
    id: `txr_${String(percentage).replace('.', '_')}`,
    object: 'tax_rate',
    active: true,
    country: 'DE',
    display_name: 'VAT',
    inclusive: false,
    percentage,
    ...extra,
  };
}

/** Items: [price object, quantity (omitted for metered)]. The current period is [start, end), on the subscription (API versions before basil). */
export function subscription(
  id: string,
  customerId: string,
  items: [Json, number | null][],
  period: { start: number; end: number; anchor?: number },
  extra: Json = {},
): Json {
  return {
    id,
    object: 'subscription',
    application: null,
    automatic_tax: { enabled: false, liability: null },
    billing_cycle_anchor: period.anchor ?? period.start,
    billing_thresholds: null,
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: null,
    collection_method: 'charge_automatically',
    created: period.start,
    currency: items[0][0].currency,
    current_period_end: period.end,
    current_period_start: period.start,
    customer: customerId,
    days_until_due: null,
    default_payment_method: null,
    default_tax_rates: [],
    description: null,
    discount: null,
    discounts: [],
    ended_at: null,
    items: {
      object: 'list',
      data: items.map(([p, quantity], i) => {
        const { tiers: _tiers, ...embedded } = p;
        return {
          id: `si_${id.slice(4)}${i}`,
          object: 'subscription_item',
          created: period.start,
          metadata: {},
          price: embedded,
          ...(quantity === null ? {} : { quantity }),
          subscription: id,
          tax_rates: [],
        };
      }),
      has_more: false,
      total_count: items.length,
      url: `/v1/subscription_items?subscription=${id}`,
    },
    latest_invoice: null,
    livemode: false,
    metadata: {},
    pause_collection: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: period.start,
    status: 'active',
    test_clock: null,
    trial_end: null,
    trial_start: null,
    ...extra,
  };
}

export function invoice(id: string, customerId: string, lines: Json[], extra: Json = {}): Json {
  const subtotal = lines.reduce((s, l) => s + l.amount, 0);
  const tax = lines.reduce((s, l) => s + (l.tax_amounts ?? []).reduce((t: number, x: Json) => t + x.amount, 0), 0);
  return {
    id,
    object: 'invoice',
    amount_due: subtotal + tax,
    amount_paid: 0,
    amount_remaining: subtotal + tax,
    attempt_count: 1,
    billing_reason: 'subscription_cycle',
    collection_method: 'charge_automatically',
    created: T0 - 5 * DAY,
    currency: 'usd',
    customer: customerId,
    discount: null,
    discounts: [],
    due_date: null,
    lines: { object: 'list', data: lines, has_more: false, total_count: lines.length, url: `/v1/invoices/${id}/lines` },
    livemode: false,
    metadata: {},
    number: `TEST0001-${id.slice(-4)}`,
    paid: false,
    period_end: T0 - 5 * DAY,
    period_start: T0 - 35 * DAY,
    status: 'open',
    status_transitions: { finalized_at: T0 - 5 * DAY + 3600, paid_at: null, voided_at: null },
    subscription: null,
    subtotal,
    tax: tax || null,
    total: subtotal + tax,
    total_excluding_tax: subtotal,
    ...extra,
  };
}

export function line(id: string, amount: number, extra: Json = {}): Json {
  return {
    id,
    object: 'line_item',
    amount,
    currency: 'usd',
    description: `Line ${id}`,
    discount_amounts: [],
    discountable: true,
    livemode: false,
    metadata: {},
    period: { start: T0 - 35 * DAY, end: T0 - 5 * DAY },
    price: null,
    proration: false,
    quantity: 1,
    tax_amounts: [],
    type: 'invoiceitem',
    ...extra,
  };
}

export type Dump = Partial<
  Record<'products' | 'prices' | 'coupons' | 'customers' | 'subscriptions' | 'invoices' | 'meters', (Json | string)[]>
>;

const made: string[] = [];

/** A new temporary directory for a dump, removed by removeDumps. */
export function dumpDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'stripe-dump-'));
  made.push(dir);
  return dir;
}

/** Removes the directories dumpDir made (call in afterAll). */
export function removeDumps(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A dump directory holding these objects (a string is written as the line itself: for malformed lines). */
export function writeDump(dump: Dump): string {
  const dir = dumpDir();
  for (const file of ['products', 'prices', 'coupons', 'customers', 'subscriptions', 'invoices', 'meters'] as const) {
    const lines = (dump[file] ?? []).map((o) => (typeof o === 'string' ? o : JSON.stringify(o)));
    if (file !== 'meters' || lines.length > 0) writeFileSync(path.join(dir, `${file}.jsonl`), lines.length ? `${lines.join('\n')}\n` : '');
  }
  return dir;
}
