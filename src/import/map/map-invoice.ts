import { InvoiceLineKind } from '../../domain/invoices/invoice-line.entity';
import { CollectionMethod } from '../../domain/subscriptions/subscription.entity';
import { formatMoney } from '../../pricing/currency';
import { Decimal, ZERO } from '../../pricing/decimal';
import { ImportRejection } from '../import-rejection';
import { stableId } from './stable-id';
import { moneyFromStripe, tariffCurrency } from '../stripe/stripe-money';
import { StripeInvoice, StripeInvoiceLine, toDate } from '../stripe/stripe-objects';

export interface MappedInvoiceLine {
  id: string;
  /** The line's kind before its price is known to be metered (USAGE then). */
  kind: InvoiceLineKind;
  description: string;
  priceStripeId: string | null;
  quantity: Decimal;
  amount: Decimal;
  tax: Decimal;
  periodStart: Date | null;
  periodEnd: Date | null;
  proration: boolean;
  steps: string[];
}

export interface MappedInvoice {
  stripeId: string;
  id: string;
  customerStripeId: string;
  subscriptionStripeId: string | null;
  /** Stripe's number: the document was issued under it, so it keeps it (README, Migrating from Stripe). */
  number: string;
  currency: string;
  periodStart: Date | null;
  periodEnd: Date | null;
  subtotal: Decimal;
  tax: Decimal;
  total: Decimal;
  amountDue: Decimal;
  amountPaid: Decimal;
  /** What Stripe took off the total before payment (a credit balance, pre-payment credit notes). */
  amountCredited: Decimal;
  collectionMethod: CollectionMethod;
  finalizedAt: Date;
  /** Stripe's `due_date`, printed on the document the customer holds; null when Stripe set none (charged automatically). */
  dueAt: Date | null;
  createdAt: Date;
  lines: MappedInvoiceLine[];
}

/** Statuses of invoices that are settled: history that stays in Stripe. */
export const SETTLED = new Set(['paid', 'void', 'uncollectible']);

/** Open invoices come over; settled ones are history Stripe keeps, and a draft is still Stripe's to issue. */
export function invoiceDisposition(invoice: StripeInvoice): 'import' | 'history' {
  if (invoice.status === 'open') return 'import';
  if (invoice.status !== null && SETTLED.has(invoice.status)) return 'history';
  if (invoice.status === 'draft' || invoice.status === null) {
    throw new ImportRejection('status: draft; Stripe would still finalize it: finalize or delete it in Stripe before exporting');
  }
  throw new ImportRejection(`status: '${invoice.status}' is not an invoice status Tariff knows`);
}

/**
 * An open invoice as Tariff stores an issued one: its lines net of Stripe's discounts, their tax,
 * the totals they add up to (checked against Stripe's), and what is still owed.
 */
export function mapInvoice(invoice: StripeInvoice): MappedInvoice {
  const currency = tariffCurrency(invoice.currency, 'currency');
  if (invoice.lines.has_more) throw new ImportRejection('lines: the list is truncated (has_more); export invoices with all their lines');
  if (!invoice.number) throw new ImportRejection('number: an open invoice has a number');
  const money = (amount: number, field: string) => moneyFromStripe(amount, currency, field);
  const lines = invoice.lines.data.map((line, i) => mapLine(invoice, line, i, money));
  const subtotal = lines.reduce((s, l) => s.plus(l.amount), ZERO);
  const tax = lines.reduce((s, l) => s.plus(l.tax), ZERO);
  const total = money(invoice.total, 'total');
  if (!subtotal.plus(tax).eq(total)) {
    throw new ImportRejection(
      `lines: they come to ${formatMoney(subtotal.plus(tax), currency)} with tax, the invoice's total is ${formatMoney(total, currency)}`,
    );
  }
  const amountDue = money(invoice.amount_due, 'amount_due');
  const amountPaid = money(invoice.amount_paid, 'amount_paid');
  if (!money(invoice.amount_remaining, 'amount_remaining').eq(amountDue.minus(amountPaid))) {
    throw new ImportRejection('amount_remaining: not amount_due less amount_paid');
  }
  if (amountDue.gt(total))
    throw new ImportRejection(
      `amount_due: ${formatMoney(amountDue, currency)} is more than the total, ${formatMoney(total, currency)} (a debit balance carried in); Tariff cannot carry it`,
    );
  const finalizedAt = toDate(invoice.status_transitions?.finalized_at ?? invoice.created);
  return {
    stripeId: invoice.id,
    id: stableId('invoice', invoice.id),
    customerStripeId: invoice.customer,
    subscriptionStripeId: invoice.subscription ?? invoice.parent?.subscription_details?.subscription ?? null,
    number: invoice.number,
    currency,
    periodStart: invoice.period_start === undefined ? null : toDate(invoice.period_start),
    periodEnd: invoice.period_end === undefined ? null : toDate(invoice.period_end),
    subtotal,
    tax,
    total,
    amountDue,
    amountPaid,
    amountCredited: total.minus(amountDue),
    collectionMethod: invoice.collection_method === 'send_invoice' ? CollectionMethod.SEND_INVOICE : CollectionMethod.CHARGE_AUTOMATICALLY,
    finalizedAt,
    dueAt: invoice.due_date ? toDate(invoice.due_date) : null,
    createdAt: toDate(invoice.created),
    lines,
  };
}

function mapLine(
  invoice: StripeInvoice,
  line: StripeInvoiceLine,
  i: number,
  money: (amount: number, field: string) => Decimal,
): MappedInvoiceLine {
  const field = `lines[${i}]`;
  const taxes = line.tax_amounts ?? line.taxes ?? [];
  if (taxes.some((t) => t.inclusive === true || t.tax_behavior === 'inclusive')) {
    throw new ImportRejection(`${field}: inclusive tax; Tariff prices are net of tax`);
  }
  const discount = (line.discount_amounts ?? []).reduce((s, d) => s + d.amount, 0);
  const priceStripeId = line.price?.id ?? line.pricing?.price_details?.price ?? null;
  return {
    id: stableId('invoice_line', `${invoice.id}:${line.id}`),
    kind: line.proration ? InvoiceLineKind.PRORATION : priceStripeId ? InvoiceLineKind.RECURRING : InvoiceLineKind.ADJUSTMENT,
    description: line.description?.trim() || `Stripe line ${line.id}`,
    priceStripeId,
    quantity: new Decimal(String(line.quantity ?? 1)),
    amount: money(line.amount - discount, `${field}.amount`),
    tax: money(
      taxes.reduce((s, t) => s + t.amount, 0),
      `${field}.tax_amounts`,
    ),
    periodStart: line.period ? toDate(line.period.start) : null,
    periodEnd: line.period ? toDate(line.period.end) : null,
    proration: line.proration === true,
    steps: [
      `imported from Stripe invoice ${invoice.number ?? invoice.id}, line ${line.id}${discount ? ` (net of ${discount} in discounts)` : ''}`,
    ],
  };
}
