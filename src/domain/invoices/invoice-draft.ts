import { lineTax, meterOf, ZERO } from '../../pricing';
import type { Decimal } from '../../pricing/decimal';
import type { UsageAggregation } from '../../pricing/usage-aggregation';
import type { CatalogPrice } from '../catalog/price-snapshot';
import { toSnapshot } from '../catalog/price-snapshot';
import type { PendingProration } from '../subscriptions/pending-proration.entity';
import type { ItemPricer, PricedItem } from '../subscriptions/subscription-pricing';
import { taxOf, type LineTaxCategory } from '../customers/customer-tax';
import { CouponDuration } from '../coupons/coupon.entity';
import type { OnceUse } from '../coupons/discount-terms';
import { InvoiceLineKind } from './invoice-line.entity';

export interface Period {
  start: Date;
  end: Date;
}

export interface DraftLine {
  kind: InvoiceLineKind;
  description: string;
  price: CatalogPrice | null;
  priceCode: string | null;
  quantity: Decimal;
  amount: Decimal;
  tax: Decimal;
  periodStart: Date | null;
  periodEnd: Date | null;
  proration: boolean;
  steps: string[];
  /** Absent: the invoice's number (its origin's). A consolidated invoice sets each line's to its own subscription's. */
  purchaseOrderNumber?: string | null;
  /** Set on a consolidated invoice's lines (consolidated-invoice.ts): who consumed it, for which subscription and location. */
  consumer?: { customerId: string; subscriptionId: string | null; locationId: string | null };
  /** Set when the line was taxed otherwise than by its consumer's own treatment (an order taxed by ship-to, orders/order-tax.ts). */
  taxTreatment?: LineTaxCategory;
}

export interface InvoiceDraft {
  currency: string;
  periodStart: Date;
  periodEnd: Date;
  lines: DraftLine[];
  subtotal: Decimal;
  tax: Decimal;
  total: Decimal;
  notes: string[];
  /** The ONCE discount this invoice uses up when it is stored (discount-terms.ts). */
  onceUses: OnceUse[];
}

/** A proration to bill: a stored PendingProration, or a change's draft that its preview shows. */
export type ProrationSource = Pick<
  PendingProration,
  'description' | 'priceCode' | 'quantity' | 'amount' | 'periodStart' | 'periodEnd' | 'steps'
> & { price: CatalogPrice };

/** The aggregated usage of a customer's metric over [from, to). */
export type UsageMeasure = (metric: string, aggregation: UsageAggregation, period: Period) => Promise<Decimal>;

export interface SubscriptionInvoiceInput {
  pricer: ItemPricer;
  /** The boundary the invoice is made at: contracts in force then apply. */
  at: Date;
  /** Billed in advance: the items for the period starting at the boundary (none when it ends). */
  recurring: { items: readonly PricedItem[]; period: Period } | null;
  /** Billed in arrears: the metered items of the period that just ended. */
  usage: { items: readonly PricedItem[]; period: Period } | null;
  prorations: readonly ProrationSource[];
  /** Late usage of periods already invoiced (late-usage.ts), billed after the prorations. */
  adjustments?: readonly DraftLine[];
  measure: UsageMeasure;
}

/**
 * The invoice a subscription gets at a period boundary (PRICING.md): recurring lines in advance
 * for the new period, usage in arrears for the period just ended, pending prorations,
 * minimum-commitment true-ups, and adjustments for late usage; tax per line. The billing run stores it; upcomingInvoice shows it.
 */
export async function draftSubscriptionInvoice(input: SubscriptionInvoiceInput): Promise<InvoiceDraft> {
  const { pricer } = input;
  const recurring = (input.recurring?.items ?? []).filter((i) => meterOf(toSnapshot(i.price)) === null);
  const metered = (input.usage?.items ?? []).filter((i) => meterOf(toSnapshot(i.price)) !== null);
  const usage = await Promise.all(
    metered.map(async (item) => {
      const meter = meterOf(toSnapshot(item.price))!;
      return { price: item.price, quantity: await input.measure(meter.metric, meter.aggregation, input.usage!.period) };
    }),
  );
  const others = [...prorationLines(pricer, input.prorations), ...(input.adjustments ?? [])];
  const doc = pricer.document([...recurring, ...usage], input.at, true, others);
  const lines: DraftLine[] = doc.lines.map((line, i) => {
    const isUsage = i >= recurring.length && i < recurring.length + usage.length;
    const period = isUsage ? input.usage!.period : (input.recurring?.period ?? input.usage!.period);
    const source = line.kind === 'charge' ? [...recurring, ...usage][i].price : null;
    return {
      kind:
        line.kind === 'minimum_commitment'
          ? InvoiceLineKind.MINIMUM_COMMITMENT
          : line.kind === 'discount'
            ? InvoiceLineKind.DISCOUNT
            : isUsage
              ? InvoiceLineKind.USAGE
              : InvoiceLineKind.RECURRING,
      description:
        line.kind === 'minimum_commitment'
          ? `Minimum commitment ${line.contractCode}`
          : line.kind === 'discount'
            ? `Coupon ${line.couponCode}`
            : `${line.quantity.toFixed()} × ${source!.code}`,
      price: source,
      priceCode: source?.code ?? null,
      quantity: line.quantity,
      amount: line.amount,
      tax: line.tax,
      periodStart: period.start,
      periodEnd: period.end,
      proration: false,
      steps: [...line.steps],
    };
  });
  lines.push(...others);
  const subtotal = lines.reduce((sum, l) => sum.plus(l.amount), ZERO);
  const taxTotal = lines.reduce((sum, l) => sum.plus(l.tax), ZERO);
  const span = input.recurring?.period ?? input.usage?.period ?? { start: input.at, end: input.at };
  return {
    currency: pricer.customer.currency,
    periodStart: span.start,
    periodEnd: span.end,
    lines,
    subtotal,
    tax: taxTotal,
    total: subtotal.plus(taxTotal),
    notes: [...doc.notes],
    onceUses: onceUses(pricer, input),
  };
}

/** An invoice that bills a period (not prorations alone) uses up the ONCE discount in force at its instant. */
function onceUses(pricer: ItemPricer, input: SubscriptionInvoiceInput): OnceUse[] {
  if (input.recurring === null && input.usage === null) return [];
  const discount = pricer.discountAt(input.at);
  if (discount === null || discount.duration !== CouponDuration.ONCE || discount.consumedAt !== null) return [];
  return [{ discountId: discount.id, subscriptionId: pricer.subscriptionId!, at: input.at }];
}

/** Proration lines as an invoice bills them: the customer's tax per line. */
export function prorationLines(pricer: ItemPricer, prorations: readonly ProrationSource[]): DraftLine[] {
  const tax = taxOf(pricer.customer);
  return prorations.map((p) => ({
    kind: InvoiceLineKind.PRORATION,
    description: p.description,
    price: p.price,
    priceCode: p.priceCode,
    quantity: p.quantity,
    amount: p.amount,
    tax: lineTax(p.amount, tax, pricer.customer.currency),
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    proration: true,
    steps: p.steps,
  }));
}
