import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import {
  couponObjects,
  couponsFor,
  Cycle,
  Json,
  METER,
  MONTHLY,
  PRICE_SPECS,
  priceObject,
  PRODUCTS,
  productObject,
  QUARTERLY,
  SEMIANNUAL,
  YEARLY,
} from './stripe-fixture-catalog';
import { stripeLineAmount } from '../../../src/import/stripe/stripe-billing';
import { billsAlike, customerMetadata, DiscountedSub, discountObject, lastInvoiceAt } from './stripe-fixture-discounts';
import { subscription } from './stripe-fixture-subscription';
import { StripePrice, stripePriceSchema } from '../../../src/import/stripe/stripe-objects';

/**
 * A generator of realistic Stripe dumps for tests and the benchmark: customers with made-up
 * names at example.com addresses, one or two subscriptions each over every price kind (per unit,
 * graduated and volume tiers with `up_to: "inf"` or null, transform_quantity packages, metered by
 * usage records or by a billing meter), monthly to yearly cycles, trials, cancellations at period
 * end, past-due subscriptions with their open invoice, sent invoices, paid history, deleted
 * customers, CRM metadata, and coupons (percent and amount off, once, repeating and forever, one
 * limited to a product, one deleted) with discounts on some customers and subscriptions. Objects
 * are shaped as the API reference shows them. The same seed and `asOf` give the same dump byte
 * for byte.
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
const COMPANY = [
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Hooli',
  'Vandelay',
  'Soylent',
  'Tyrell',
  'Wonka',
  'Cyberdyne',
  'Gringotts',
  'Monarch',
  'Oscorp',
  'Pied Piper',
  'Stark',
  'Wayne',
];
const TRADE = [
  'Analytics',
  'Logistics',
  'Labs',
  'Robotics',
  'Foods',
  'Media',
  'Systems',
  'Health',
  'Energy',
  'Studios',
  'Finance',
  'Works',
];
const FORM: Record<string, string[]> = {
  usd: ['Inc.', 'LLC', 'Corp.'],
  eur: ['GmbH', 'SAS', 'B.V.', 'S.r.l.'],
  gbp: ['Ltd', 'plc'],
  jpy: ['K.K.', 'G.K.'],
};
const TAX_RATES: Record<string, Json[]> = {
  usd: [taxRate('txr_TfUsNy000000001', 'NY Sales Tax', 8.875, 'US')],
  eur: [
    taxRate('txr_TfDeVat0000001', 'USt.', 19, 'DE'),
    taxRate('txr_TfFrTva0000001', 'TVA', 20, 'FR'),
    taxRate('txr_TfNlBtw0000001', 'BTW', 21, 'NL'),
  ],
  gbp: [taxRate('txr_TfGbVat0000001', 'VAT', 20, 'GB')],
  jpy: [taxRate('txr_TfJpCt00000001', 'Consumption tax', 10, 'JP')],
};

function taxRate(id: string, name: string, percentage: number, country: string): Json {
  return {
    id,
    object: 'tax_rate',
    active: true,
    country,
    created: 1_690_000_000,
    description: null,
    display_name: name,
    effective_percentage: percentage,
    inclusive: false,
    jurisdiction: country,
    livemode: false,
    metadata: {},
    percentage,
    state: null,
    tax_type: 'vat',
  };
}

/** Item plans by cycle: price keys with a quantity range (null: metered, no quantity). */
export type Plan = { cycle: Cycle; items: [string, [number, number] | null][]; metered?: boolean };
const PLANS: Plan[] = [
  { cycle: MONTHLY, items: [['platform_m', [1, 1]]] },
  {
    cycle: MONTHLY,
    items: [
      ['platform_m', [1, 1]],
      ['seats_m', [1, 40]],
    ],
  },
  { cycle: MONTHLY, items: [['seats_grad_m', [1, 60]]] },
  {
    cycle: MONTHLY,
    items: [
      ['platform_m', [1, 1]],
      ['storage_vol_m', [50, 2000]],
      ['api_m', null],
    ],
    metered: true,
  },
  { cycle: MONTHLY, items: [['messages_pkg_m', [500, 25_000]]] },
  {
    cycle: MONTHLY,
    items: [
      ['support_m', [1, 30]],
      ['api_tiered_m', null],
    ],
    metered: true,
  },
  {
    cycle: MONTHLY,
    items: [
      ['platform_m', [1, 1]],
      ['events_m', null],
    ],
    metered: true,
  },
  { cycle: MONTHLY, items: [['starter_m', [1, 1]]] },
  {
    cycle: QUARTERLY,
    items: [
      ['platform_q', [1, 1]],
      ['seats_q', [1, 25]],
    ],
  },
  { cycle: SEMIANNUAL, items: [['platform_6m', [1, 1]]] },
  {
    cycle: YEARLY,
    items: [
      ['platform_y', [1, 1]],
      ['seats_y', [1, 50]],
    ],
  },
  { cycle: YEARLY, items: [['seats_grad_y', [1, 40]]] },
  {
    cycle: YEARLY,
    items: [
      ['platform_y', [1, 1]],
      ['api_y', null],
    ],
    metered: true,
  },
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
  const ident = (prefix: string, n: number) =>
    `${prefix}_${n.toString(36).padStart(6, '0')}${Array.from({ length: 8 }, () => ALPHABET[Math.floor(random() * 62)]).join('')}`;
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
  // Emitted last, once their times_redeemed are known.
  const coupons = new Map(couponObjects(catalogCreated, asOf).map((c) => [String(c.id), c]));
  let discountSeq = 0;
  const parsed = new Map<string, StripePrice>();
  const priced = (sub: Json, rate: Json | null): DiscountedSub => ({
    taxed: rate !== null,
    lines: (sub.items as { data: Json[] }).data.flatMap((item) => {
      if (item.quantity === undefined) return [];
      const id = String((item.price as Json).id);
      if (!parsed.has(id)) parsed.set(id, stripePriceSchema.parse(prices.get(id)));
      return [stripeLineAmount(parsed.get(id)!, Number(item.quantity))];
    }),
  });
  /** A coupon for these subscriptions that Tariff bills as Stripe does (billsAlike), or null. */
  const couponFor = (currency: string, subs: readonly DiscountedSub[]): string | null => {
    const id = pick(couponsFor(currency));
    return billsAlike(coupons.get(id)!, subs) ? id : null;
  };
  const discount = (couponId: string, customer: string, subscription: string | null, after: number) => {
    const coupon = coupons.get(couponId)!;
    coupon.times_redeemed = Number(coupon.times_redeemed) + 1;
    // Strictly after the latest invoice (made at `after`), and no later than the dump.
    const start = after + 1 + Math.floor(random() * Math.max(0, asOf - after - 1));
    return discountObject(ident('di', discountSeq++), { ...coupon }, { customer, subscription }, Math.min(start, asOf));
  };

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
    counts.customers++;
    const subscriptionCount = chance(0.15) ? 2 : 1;
    const subs: ReturnType<typeof subscription>[] = [];
    for (let k = 0; k < subscriptionCount; k++) {
      // A second subscription meters nothing: one live subscription of a customer bills a metric.
      const plan = pick(k === 0 ? PLANS : PLANS.filter((p) => !p.metered));
      const sub = subscription({
        id: ident('sub', subSeq++),
        customer: id,
        currency,
        created,
        plan,
        rate,
        sendInvoice,
        terms,
        asOf,
        basil,
        prices,
        random,
        between,
        chance,
      });
      const ownCoupon = sub.object.status !== 'canceled' && chance(0.06) ? couponFor(currency, [priced(sub.object, rate)]) : null;
      if (ownCoupon) {
        const own = discount(ownCoupon, id, String(sub.object.id), lastInvoiceAt(sub.object));
        Object.assign(sub.object, { discount: own, discounts: [own.id] });
      }
      subs.push(sub);
    }
    const latest = Math.max(...subs.map((s) => (s.object.status === 'canceled' ? 0 : lastInvoiceAt(s.object))));
    const customerCoupon = chance(0.04)
      ? couponFor(
          currency,
          subs.map((s) => priced(s.object, rate)),
        )
      : null;
    const customerDiscount = customerCoupon ? discount(customerCoupon, id, null, latest) : null;
    const metadata = chance(0.3) ? customerMetadata(i, pick) : {};
    emit('customers', {
      id,
      object: 'customer',
      address: null,
      balance: 0,
      created,
      currency,
      default_source: null,
      delinquent: false,
      description: null,
      discount: customerDiscount,
      email: `billing+${i}@${company
        .split(' ')[0]
        .toLowerCase()
        .replace(/[^a-z]/g, '')}.example`,
      invoice_prefix: id.slice(4, 12).toUpperCase(),
      invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
      livemode: false,
      metadata,
      name: company,
      next_invoice_sequence: 1,
      phone: null,
      preferred_locales: [],
      shipping: null,
      tax_exempt: exempt,
      test_clock: null,
    });
    for (const sub of subs) {
      emit('subscriptions', sub.object);
      counts.subscriptions++;
      for (const invoice of sub.invoices(() => ident('in', invoiceSeq++), company)) {
        emit('invoices', invoice);
        counts.invoices++;
        if (invoice.status === 'open') counts.openInvoices++;
      }
    }
  }
  for (const coupon of coupons.values()) emit('coupons', coupon);
  return counts;
}
