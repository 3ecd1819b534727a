import { z } from 'zod';
import { Decimal, ZERO } from '../../pricing/decimal';
import { CustomerFactBook } from './customer-facts';
import { countLines, DUMP_FILES, readDumpFile } from './dump-reader';
import { rejectionReason } from '../import-rejection';
import { StripeMrrShare, stripeMrrShare, StripeNextInvoice, stripeNextInvoice } from './stripe-billing';
import { moneyFromStripe } from './stripe-money';
import { StripeDiscountTerms, stripeDiscountTerms } from './stripe-discount';
import {
  StripeCoupon,
  stripeCouponSchema,
  StripeCustomer,
  stripeInvoiceSchema,
  StripeMeter,
  stripeMeterSchema,
  StripePrice,
  stripePriceSchema,
  StripeSubscription,
  stripeTaxRateSchema,
} from './stripe-objects';

/** Stripe's side of one subscription, computed from the dump alone (stripe-billing.ts). */
export interface SourceSubscription {
  customer: string;
  status: string;
  currency: string;
  next: StripeNextInvoice;
  /** Its MRR as an exact fraction of minor units (stripe-billing.ts); null when a price is missing from the dump. */
  mrr: StripeMrrShare | null;
}

/**
 * Stripe's figures for the reconciliation, from the dump alone: its open invoices (read by the
 * first pass), its customers and subscriptions (noted by the import pass as it parses them, so a
 * large file is parsed once for both).
 */
export class SourceBook {
  /** The customers that exist (not `deleted`), with their `tax_exempt`. */
  readonly customers = new Map<string, string>();
  /** The customers' own discounts, which their subscriptions without one of their own get. */
  private readonly customerDiscounts = new Map<string, StripeDiscountTerms>();
  readonly subscriptions = new Map<string, SourceSubscription>();
  /** Open invoices per currency: how many, and what is still owed on them. */
  readonly openInvoices = new Map<string, { count: number; remaining: Decimal }>();

  /** `now`: the instant MRR is taken at (which discounts are in force), in seconds. */
  constructor(
    private readonly prices: ReadonlyMap<string, StripePrice>,
    private readonly coupons: ReadonlyMap<string, StripeCoupon>,
    private readonly now: number,
  ) {}

  noteCustomer(customer: StripeCustomer): void {
    if (customer.deleted) return;
    this.customers.set(customer.id, customer.tax_exempt ?? 'none');
    const discount = customer.discount ? stripeDiscountTerms(customer.discount, this.coupons) : null;
    if (discount) this.customerDiscounts.set(customer.id, discount);
  }

  noteSubscription(sub: StripeSubscription): void {
    const own = sub.discount ?? (sub.discounts ?? []).find((d) => typeof d !== 'string');
    const discounts = {
      own: own && typeof own !== 'string' ? stripeDiscountTerms(own, this.coupons) : null,
      customer: this.customerDiscounts.get(sub.customer) ?? null,
    };
    this.subscriptions.set(sub.id, {
      customer: sub.customer,
      status: sub.status,
      currency: sub.currency.toUpperCase(),
      next: stripeNextInvoice(sub, this.prices, this.customers.get(sub.customer) ?? 'none', discounts),
      mrr: stripeMrrShare(sub, this.prices, discounts, this.now),
    });
  }
}

/** What the first pass learns: what customers need from other files, and Stripe's open invoices. */
export interface DumpScan {
  meters: Map<string, StripeMeter>;
  prices: Map<string, StripePrice>;
  facts: CustomerFactBook;
  source: SourceBook;
  /** Objects per file (its lines), for the progress bar's totals. */
  lines: Record<string, number>;
}

/** The part of a subscription the first pass reads: its customer's currency, tax and payment terms. */
const subscriptionFactsSchema = z.looseObject({
  id: z.string(),
  customer: z.union([z.string(), z.looseObject({ id: z.string() })]).transform((v) => (typeof v === 'string' ? v : v.id)),
  status: z.string(),
  currency: z.string(),
  collection_method: z.string().nullable().optional(),
  days_until_due: z.number().int().nonnegative().nullable().optional(),
  default_tax_rates: z.array(stripeTaxRateSchema).nullable().optional(),
  automatic_tax: z.looseObject({ enabled: z.boolean() }).nullable().optional(),
  items: z.looseObject({ data: z.array(z.looseObject({ tax_rates: z.array(z.unknown()).nullable().optional() })) }),
});
export type SubscriptionFacts = z.output<typeof subscriptionFactsSchema>;

/**
 * The first pass over the dump: the small files whole (prices, coupons, meters), subscriptions for what their customers
 * need (tax, currency, terms), open invoices. Files are streamed; lines that do not parse are
 * left for the import pass to refuse with their reason.
 */
export async function scanDump(dir: string, now: Date): Promise<DumpScan> {
  const prices = new Map<string, StripePrice>();
  for await (const { json } of readDumpFile(dir, 'prices.jsonl')) {
    const price = stripePriceSchema.safeParse(json);
    if (price.success) prices.set(price.data.id, price.data);
  }
  const coupons = new Map<string, StripeCoupon>();
  for await (const { json } of readDumpFile(dir, 'coupons.jsonl')) {
    const coupon = stripeCouponSchema.safeParse(json);
    if (coupon.success) coupons.set(coupon.data.id, coupon.data);
  }
  const source = new SourceBook(prices, coupons, Math.floor(now.getTime() / 1000));
  const scan: DumpScan = { meters: new Map(), prices, facts: new CustomerFactBook(), source, lines: {} };
  for (const file of DUMP_FILES) scan.lines[file] = await countLines(dir, file);
  for await (const { json } of readDumpFile(dir, 'meters.jsonl')) {
    const meter = stripeMeterSchema.safeParse(json);
    if (meter.success) scan.meters.set(meter.data.id, meter.data);
  }
  for await (const { json } of readDumpFile(dir, 'subscriptions.jsonl')) {
    const sub = subscriptionFactsSchema.safeParse(json);
    if (sub.success) scan.facts.noteSubscription(sub.data);
  }
  // Settled invoices, most of a dump, matter to neither side: a line that does not say "open"
  // anywhere cannot be an open invoice, and is not worth parsing.
  for await (const { json } of readDumpFile(dir, 'invoices.jsonl', (text) => text.includes('"open"'))) {
    const parsed = stripeInvoiceSchema.safeParse(json);
    if (!parsed.success || parsed.data.status !== 'open') continue;
    const invoice = parsed.data;
    scan.facts.noteInvoice(invoice);
    const currency = invoice.currency.toUpperCase();
    let remaining: Decimal;
    try {
      remaining = moneyFromStripe(invoice.amount_remaining, currency, 'amount_remaining');
    } catch (err) {
      // Not an amount of the currency: the import pass refuses the invoice and says why.
      if (rejectionReason(err) === null) throw err;
      continue;
    }
    const entry = scan.source.openInvoices.get(currency) ?? { count: 0, remaining: ZERO };
    scan.source.openInvoices.set(currency, { count: entry.count + 1, remaining: entry.remaining.plus(remaining) });
  }
  return scan;
}
