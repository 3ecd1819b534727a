import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { addInterval, periodContaining } from '../pricing';
import { Decimal } from '../pricing/decimal';
import {
  couponObjects, Cycle, Json, METER, MONTHLY, PRICE_SPECS, priceId, priceObject, PRODUCTS, productObject, QUARTERLY, SEMIANNUAL, YEARLY,
} from './stripe-fixture-catalog';
import { stripeLineAmount } from './stripe-billing';
import { stripePriceSchema } from './stripe-objects';

/**
 * A generator of realistic Stripe dumps for tests and the benchmark: customers with made-up
 * names at example.com addresses, one or two subscriptions each over every price kind (per unit,
 * graduated and volume tiers with `up_to: "inf"` or null, transform_quantity packages, metered by
 * usage records or by a billing meter), monthly to yearly cycles, trials, cancellations at period
 * end, past-due subscriptions with their open invoice, sent invoices, paid history, deleted
 * customers and coupons. Objects are shaped as the API reference shows them. The same seed and
 * `asOf` give the same dump byte for byte.
 */
export interface FixtureOptions {
  customers: number;
  seed: number;
  /** When the dump is taken: every live subscription's current period contains it. */
  asOf: Date;
  /** `acacia`: current periods on the subscription (API versions before 2025-03-31); `basil`: on its items. */
  apiVersion?: 'acacia' | 'basil';
}

export interface FixtureCounts {
  customers: number;
  subscriptions: number;
  invoices: number;
  openInvoices: number;
}

const DAY = 86_400;
const FILES = ['products', 'prices', 'meters', 'coupons', 'customers', 'subscriptions', 'invoices'] as const;
type File = (typeof FILES)[number];

/** mulberry32: small, fast and seedable. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = Math.imul(state ^ (state >>> 15), state | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 2 ** 32;
  };
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const COMPANY = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay', 'Soylent', 'Tyrell', 'Wonka', 'Cyberdyne', 'Gringotts', 'Monarch', 'Oscorp', 'Pied Piper', 'Stark', 'Wayne'];
const TRADE = ['Analytics', 'Logistics', 'Labs', 'Robotics', 'Foods', 'Media', 'Systems', 'Health', 'Energy', 'Studios', 'Finance', 'Works'];
const FORM: Record<string, string[]> = { usd: ['Inc.', 'LLC', 'Corp.'], eur: ['GmbH', 'SAS', 'B.V.', 'S.r.l.'], gbp: ['Ltd', 'plc'], jpy: ['K.K.', 'G.K.'] };
const TAX_RATES: Record<string, Json[]> = {
  usd: [taxRate('txr_TfUsNy000000001', 'NY Sales Tax', 8.875, 'US')],
  eur: [taxRate('txr_TfDeVat0000001', 'USt.', 19, 'DE'), taxRate('txr_TfFrTva0000001', 'TVA', 20, 'FR'), taxRate('txr_TfNlBtw0000001', 'BTW', 21, 'NL')],
  gbp: [taxRate('txr_TfGbVat0000001', 'VAT', 20, 'GB')],
  jpy: [taxRate('txr_TfJpCt00000001', 'Consumption tax', 10, 'JP')],
};

function taxRate(id: string, name: string, percentage: number, country: string): Json {
  return {
    id, object: 'tax_rate', active: true, country, created: 1_690_000_000, description: null, display_name: name, effective_percentage: percentage,
    inclusive: false, jurisdiction: country, livemode: false, metadata: {}, percentage, state: null, tax_type: 'vat',
  };
}

/** Item plans by cycle: price keys with a quantity range (null: metered, no quantity). */
type Plan = { cycle: Cycle; items: [string, [number, number] | null][]; metered?: boolean };
const PLANS: Plan[] = [
  { cycle: MONTHLY, items: [['platform_m', [1, 1]]] },
  { cycle: MONTHLY, items: [['platform_m', [1, 1]], ['seats_m', [1, 40]]] },
  { cycle: MONTHLY, items: [['seats_grad_m', [1, 60]]] },
  { cycle: MONTHLY, items: [['platform_m', [1, 1]], ['storage_vol_m', [50, 2000]], ['api_m', null]], metered: true },
  { cycle: MONTHLY, items: [['messages_pkg_m', [500, 25_000]]] },
  { cycle: MONTHLY, items: [['support_m', [1, 30]], ['api_tiered_m', null]], metered: true },
  { cycle: MONTHLY, items: [['platform_m', [1, 1]], ['events_m', null]], metered: true },
  { cycle: MONTHLY, items: [['starter_m', [1, 1]]] },
  { cycle: QUARTERLY, items: [['platform_q', [1, 1]], ['seats_q', [1, 25]]] },
  { cycle: SEMIANNUAL, items: [['platform_6m', [1, 1]]] },
  { cycle: YEARLY, items: [['platform_y', [1, 1]], ['seats_y', [1, 50]]] },
  { cycle: YEARLY, items: [['seats_grad_y', [1, 40]]] },
  { cycle: YEARLY, items: [['platform_y', [1, 1]], ['api_y', null]], metered: true },
];

/** Writes the dump's files into `dir` (created if need be), one object a line. */
export function writeStripeDump(dir: string, options: FixtureOptions): FixtureCounts {
  mkdirSync(dir, { recursive: true });
  const fds = Object.fromEntries(FILES.map((f) => [f, openSync(path.join(dir, `${f}.jsonl`), 'w')])) as Record<File, number>;
  const buffers = Object.fromEntries(FILES.map((f) => [f, [] as string[]])) as Record<File, string[]>;
  const sizes = Object.fromEntries(FILES.map((f) => [f, 0])) as Record<File, number>;
  const emit = (file: File, object: Json) => {
    const line = JSON.stringify(object);
    buffers[file].push(line);
    sizes[file] += line.length;
    if (sizes[file] > 1 << 20) flush(file);
  };
  const flush = (file: File) => {
    if (buffers[file].length > 0) writeSync(fds[file], `${buffers[file].join('\n')}\n`);
    buffers[file] = [];
    sizes[file] = 0;
  };
  try {
    return generate(options, emit);
  } finally {
    for (const f of FILES) {
      flush(f);
      closeSync(fds[f]);
    }
  }
}

function generate(options: FixtureOptions, emit: (file: File, object: Json) => void): FixtureCounts {
  const random = prng(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const chance = (p: number) => random() < p;
  const ident = (prefix: string, n: number) => `${prefix}_${n.toString(36).padStart(6, '0')}${Array.from({ length: 8 }, () => ALPHABET[Math.floor(random() * 62)]).join('')}`;
  const asOf = Math.floor(options.asOf.getTime() / 1000);
  const basil = options.apiVersion === 'basil';
  const catalogCreated = asOf - 1600 * DAY;

  for (const p of PRODUCTS) emit('products', productObject(p, catalogCreated));
  const prices = new Map<string, Json>();
  for (const currency of ['usd', 'eur', 'gbp', 'jpy']) {
    for (const spec of PRICE_SPECS) {
      const price = priceObject(spec, currency, catalogCreated);
      prices.set(String(price.id), price);
      emit('prices', price);
    }
  }
  emit('meters', METER);
  for (const coupon of couponObjects(catalogCreated)) emit('coupons', coupon);

  const counts: FixtureCounts = { customers: 0, subscriptions: 0, invoices: 0, openInvoices: 0 };
  let subSeq = 0;
  let invoiceSeq = 0;
  for (let i = 0; i < options.customers; i++) {
    const id = ident('cus', i);
    if (i > 0 && i % 197 === 0) {
      emit('customers', { id, object: 'customer', deleted: true });
      counts.customers++;
      continue;
    }
    const currency = pick(['usd', 'usd', 'usd', 'usd', 'usd', 'usd', 'eur', 'eur', 'eur', 'gbp', 'jpy'].slice(0, i % 50 === 7 ? 11 : 10));
    const exempt = currency === 'eur' && chance(0.25) ? 'reverse' : chance(0.1) ? 'exempt' : 'none';
    const rate = exempt === 'none' && chance(0.6) ? pick(TAX_RATES[currency]) : null;
    const company = `${pick(COMPANY)} ${pick(TRADE)} ${pick(FORM[currency])}`;
    const created = asOf - between(40, 1500) * DAY - between(0, DAY - 1);
    const sendInvoice = chance(0.15);
    const terms = pick([14, 30, 30, 45]);
    emit('customers', {
      id, object: 'customer', address: null, balance: 0, created, currency, default_source: null, delinquent: false, description: null, discount: null,
      email: `billing+${i}@${company.split(' ')[0].toLowerCase().replace(/[^a-z]/g, '')}.example`, invoice_prefix: id.slice(4, 12).toUpperCase(),
      invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null }, livemode: false, metadata: {},
      name: company, next_invoice_sequence: 1, phone: null, preferred_locales: [], shipping: null, tax_exempt: exempt, test_clock: null,
    });
    counts.customers++;
    const subscriptionCount = chance(0.15) ? 2 : 1;
    for (let k = 0; k < subscriptionCount; k++) {
      // A second subscription meters nothing: one live subscription of a customer bills a metric.
      const plan = pick(k === 0 ? PLANS : PLANS.filter((p) => !p.metered));
      const sub = subscription({
        id: ident('sub', subSeq++), customer: id, currency, created, plan, rate, sendInvoice, terms, asOf, basil, prices, random, between, chance,
      });
      emit('subscriptions', sub.object);
      counts.subscriptions++;
      for (const invoice of sub.invoices(() => ident('in', invoiceSeq++), company)) {
        emit('invoices', invoice);
        counts.invoices++;
        if (invoice.status === 'open') counts.openInvoices++;
      }
    }
  }
  return counts;
}

interface SubscriptionSpec {
  id: string;
  customer: string;
  currency: string;
  created: number;
  plan: Plan;
  rate: Json | null;
  sendInvoice: boolean;
  terms: number;
  asOf: number;
  basil: boolean;
  prices: Map<string, Json>;
  random: () => number;
  between: (lo: number, hi: number) => number;
  chance: (p: number) => boolean;
}

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);
const date = (s: number) => new Date(s * 1000);
const interval = (c: Cycle) => (c.interval === 'year' ? 'YEAR' : 'MONTH') as 'YEAR' | 'MONTH';
const count = (c: Cycle) => c.count;

function subscription(s: SubscriptionSpec): { object: Json; invoices: (nextId: () => string, company: string) => Json[] } {
  const roll = s.random();
  const status = roll < 0.8 ? 'active' : roll < 0.87 ? 'trialing' : roll < 0.91 ? 'past_due' : roll < 0.96 ? 'canceled' : 'active';
  const cancelAtPeriodEnd = status === 'active' && s.chance(0.07);
  let start: number;
  let anchor: number;
  let period: { start: number; end: number };
  let trial: { start: number; end: number } | null = null;
  let endedAt: number | null = null;
  if (status === 'trialing') {
    start = s.asOf - s.between(1, 12) * DAY - s.between(0, DAY - 1);
    anchor = s.asOf + s.between(2, 20) * DAY + s.between(0, DAY - 1);
    trial = { start, end: anchor };
    period = { start, end: anchor };
  } else {
    start = s.created + s.between(0, 20) * DAY;
    anchor = start;
    if (status === 'canceled') endedAt = s.asOf - s.between(1, 30) * DAY;
    const at = endedAt ?? s.asOf;
    let p = periodContaining(date(anchor), interval(s.plan.cycle), count(s.plan.cycle), date(at));
    // A period ending within two days of the dump would end before the import runs.
    while (endedAt === null && seconds(p.end) - s.asOf < 2 * DAY) {
      anchor -= 3 * DAY;
      start = anchor;
      p = periodContaining(date(anchor), interval(s.plan.cycle), count(s.plan.cycle), date(at));
    }
    period = { start: seconds(p.start), end: seconds(p.end) };
  }
  const currency = s.currency;
  const items = s.plan.items.map(([key, range], n) => {
    const price = s.prices.get(priceId(key, currency))!;
    const { tiers: _tiers, ...embedded } = price;
    return {
      id: `si_${s.id.slice(4)}${n}`, object: 'subscription_item', billing_thresholds: null, created: start, discounts: [], metadata: {}, plan: null,
      price: embedded, ...(range ? { quantity: s.between(range[0], range[1]) } : {}), subscription: s.id, tax_rates: [],
      ...(s.basil ? { current_period_start: period.start, current_period_end: period.end } : {}),
    };
  });
  const object: Json = {
    id: s.id, object: 'subscription', application: null, application_fee_percent: null, automatic_tax: { enabled: false, liability: null },
    billing_cycle_anchor: anchor, billing_cycle_anchor_config: null, billing_thresholds: null,
    cancel_at: cancelAtPeriodEnd ? period.end : null, cancel_at_period_end: cancelAtPeriodEnd, canceled_at: endedAt ?? (cancelAtPeriodEnd ? s.asOf - DAY : null),
    cancellation_details: { comment: null, feedback: cancelAtPeriodEnd || endedAt ? 'too_expensive' : null, reason: endedAt ? 'cancellation_requested' : null },
    collection_method: s.sendInvoice ? 'send_invoice' : 'charge_automatically', created: start, currency,
    ...(s.basil ? {} : { current_period_end: period.end, current_period_start: period.start }),
    customer: s.customer, days_until_due: s.sendInvoice ? s.terms : null, default_payment_method: null, default_source: null,
    default_tax_rates: s.rate ? [s.rate] : [], description: null, discount: null, discounts: [], ended_at: endedAt,
    invoice_settings: { account_tax_ids: null, issuer: { type: 'self' } },
    items: { object: 'list', data: items, has_more: false, total_count: items.length, url: `/v1/subscription_items?subscription=${s.id}` },
    latest_invoice: null, livemode: false, metadata: {}, next_pending_invoice_item_invoice: null, on_behalf_of: null, pause_collection: null,
    payment_settings: { payment_method_options: null, payment_method_types: null, save_default_payment_method: 'off' }, pending_invoice_item_interval: null,
    pending_setup_intent: null, pending_update: null, schedule: null, start_date: start, status, test_clock: null, transfer_data: null,
    trial_end: trial?.end ?? null, trial_settings: { end_behavior: { missing_payment_method: 'create_invoice' } }, trial_start: trial?.start ?? null,
  };
  const invoices = (nextId: () => string, company: string): Json[] => {
    if (status === 'trialing') return [];
    const out: Json[] = [];
    const licensed = items.filter((i) => i.quantity !== undefined);
    const percentage = s.rate && typeof s.rate.percentage === 'number' ? new Decimal(s.rate.percentage) : null;
    const bill = (kind: 'open' | 'paid', from: number, to: number) => {
      const id = nextId();
      const priced = licensed.map((item) => {
        const amount = stripeLineAmount(stripePriceSchema.parse(s.prices.get(String(item.price.id))), item.quantity!);
        const tax = percentage ? amount.times(percentage).div(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber() : 0;
        const line: Json = {
          id: `il_${id.slice(3)}${item.id.slice(-1)}`, object: 'line_item', amount: amount.toNumber(), currency, description: `${item.quantity} × ${String(item.price.product)}`,
          discount_amounts: [], discountable: true, discounts: [], livemode: false, metadata: {}, period: { start: from, end: to }, proration: false,
          quantity: item.quantity, type: 'subscription', subscription: s.id, subscription_item: item.id,
          ...(s.basil
            ? { pricing: { price_details: { price: item.price.id, product: item.price.product }, type: 'price_details' }, taxes: tax ? [{ amount: tax, tax_behavior: 'exclusive', taxability_reason: 'standard_rated' }] : [] }
            : { price: item.price, tax_amounts: tax ? [{ amount: tax, inclusive: false, tax_rate: s.rate!.id }] : [] }),
        };
        return { line, amount: amount.toNumber(), tax };
      });
      const lines = priced.map((p) => p.line);
      const subtotal = priced.reduce((sum, p) => sum + p.amount, 0);
      const tax = priced.reduce((sum, p) => sum + p.tax, 0);
      const total = subtotal + tax;
      const finalized = from + 3600;
      const paid = kind === 'paid' ? total : 0;
      out.push({
        id, object: 'invoice', account_country: 'US', account_name: 'Tariff fixtures', amount_due: total, amount_paid: paid, amount_remaining: total - paid,
        amount_shipping: 0, attempt_count: kind === 'open' && !s.sendInvoice ? 2 : 1, attempted: true, auto_advance: kind === 'open', billing_reason: 'subscription_cycle',
        collection_method: s.sendInvoice ? 'send_invoice' : 'charge_automatically', created: from, currency, customer: s.customer, customer_email: null, customer_name: company,
        customer_tax_exempt: 'none', default_tax_rates: [], description: null, discount: null, discounts: [], due_date: s.sendInvoice ? finalized + s.terms * DAY : null,
        ending_balance: 0, hosted_invoice_url: null, livemode: false, metadata: {}, next_payment_attempt: null, number: `${s.customer.slice(4, 12).toUpperCase()}-${id.slice(3, 9).toUpperCase()}`,
        paid: kind === 'paid', period_end: from, period_start: from, starting_balance: 0, status: kind,
        status_transitions: { finalized_at: finalized, marked_uncollectible_at: null, paid_at: kind === 'paid' ? finalized + 60 : null, voided_at: null },
        ...(s.basil ? { parent: { quote_details: null, subscription_details: { metadata: {}, subscription: s.id }, type: 'subscription_details' } } : { subscription: s.id, tax: tax || null }),
        subtotal, subtotal_excluding_tax: subtotal, total, total_discount_amounts: [], total_excluding_tax: subtotal,
        lines: { object: 'list', data: lines, has_more: false, total_count: lines.length, url: `/v1/invoices/${id}/lines` },
      });
    };
    const previous = seconds(addInterval(date(period.start), interval(s.plan.cycle), count(s.plan.cycle), -1));
    if (previous >= start && s.chance(0.3)) bill('paid', previous, period.start);
    const owing = status === 'past_due' || (s.sendInvoice && status === 'active' && s.chance(0.3));
    bill(owing ? 'open' : 'paid', period.start, period.end);
    return out;
  };
  return { object, invoices };
}
