import { Decimal, ZERO } from '../pricing/decimal';
import { CustomerFactBook } from './customer-facts';
import { rejectionReason } from './import-rejection';
import { readDumpFile } from './dump-reader';
import { stripeMrr, StripeNextInvoice, stripeNextInvoice } from './stripe-billing';
import { moneyFromStripe } from './stripe-money';
import {
  stripeCustomerSchema, stripeInvoiceSchema, StripeMeter, stripeMeterSchema, StripePrice, stripePriceSchema, stripeSubscriptionSchema,
} from './stripe-objects';

/** Stripe's side of one subscription, computed from the dump alone (stripe-billing.ts). */
export interface SourceSubscription {
  customer: string;
  status: string;
  currency: string;
  next: StripeNextInvoice;
  /** Its MRR in the major unit, unrounded; null when a price is missing from the dump. */
  mrr: Decimal | null;
}

/** What the first pass learns: Stripe's figures for the reconciliation, and what customers need from other files. */
export interface DumpScan {
  meters: Map<string, StripeMeter>;
  prices: Map<string, StripePrice>;
  facts: CustomerFactBook;
  /** Customers in the dump that exist (not `deleted`). */
  customers: Set<string>;
  subscriptions: Map<string, SourceSubscription>;
  /** Open invoices per currency: how many, and what is still owed on them. */
  openInvoices: Map<string, { count: number; remaining: Decimal }>;
  /** Objects per file, for the progress bar's totals. */
  lines: Record<string, number>;
}

/**
 * The first pass over the dump. Files are streamed (a book of 100,000 subscriptions does not sit
 * in memory); lines that do not parse are left for the import pass to reject with their reason.
 */
export async function scanDump(dir: string): Promise<DumpScan> {
  const scan: DumpScan = {
    meters: new Map(), prices: new Map(), facts: new CustomerFactBook(), customers: new Set(), subscriptions: new Map(), openInvoices: new Map(), lines: {},
  };
  const count = (file: string) => (scan.lines[file] = (scan.lines[file] ?? 0) + 1);
  for await (const { json } of readDumpFile(dir, 'meters.jsonl')) {
    const meter = stripeMeterSchema.safeParse(json);
    if (meter.success) scan.meters.set(meter.data.id, meter.data);
  }
  for (const file of ['products.jsonl', 'coupons.jsonl'] as const) for await (const _ of readDumpFile(dir, file)) count(file);
  for await (const { json } of readDumpFile(dir, 'prices.jsonl')) {
    count('prices.jsonl');
    const price = stripePriceSchema.safeParse(json);
    if (price.success) scan.prices.set(price.data.id, price.data);
  }
  const taxExempt = new Map<string, string>();
  for await (const { json } of readDumpFile(dir, 'customers.jsonl')) {
    count('customers.jsonl');
    const customer = stripeCustomerSchema.safeParse(json);
    if (!customer.success || customer.data.deleted) continue;
    scan.customers.add(customer.data.id);
    taxExempt.set(customer.data.id, customer.data.tax_exempt ?? 'none');
  }
  for await (const { json } of readDumpFile(dir, 'subscriptions.jsonl')) {
    count('subscriptions.jsonl');
    const parsed = stripeSubscriptionSchema.safeParse(json);
    if (!parsed.success) continue;
    const sub = parsed.data;
    scan.facts.noteSubscription(sub);
    const exempt = taxExempt.get(sub.customer) ?? 'none';
    scan.subscriptions.set(sub.id, {
      customer: sub.customer, status: sub.status, currency: sub.currency.toUpperCase(),
      next: stripeNextInvoice(sub, scan.prices, exempt), mrr: stripeMrr(sub, scan.prices),
    });
  }
  for await (const { json } of readDumpFile(dir, 'invoices.jsonl')) {
    count('invoices.jsonl');
    // Settled invoices, most of a dump, matter to neither side: not worth a full parse.
    if (!isOpen(json)) continue;
    const parsed = stripeInvoiceSchema.safeParse(json);
    if (!parsed.success) continue;
    const invoice = parsed.data;
    scan.facts.noteInvoice(invoice);
    const currency = invoice.currency.toUpperCase();
    const entry = scan.openInvoices.get(currency) ?? { count: 0, remaining: ZERO };
    let remaining: Decimal;
    try {
      remaining = moneyFromStripe(invoice.amount_remaining, currency, 'amount_remaining');
    } catch (err) {
      // Not an amount of the currency: the import pass refuses the invoice and says why.
      if (rejectionReason(err) === null) throw err;
      continue;
    }
    scan.openInvoices.set(currency, { count: entry.count + 1, remaining: entry.remaining.plus(remaining) });
  }
  return scan;
}

/** An open invoice, by its status alone (what the import brings over; the rest is history). */
export function isOpen(json: unknown): boolean {
  return (json as { status?: unknown } | null)?.status === 'open';
}
