import type { EntityManager } from '@mikro-orm/postgresql';
import { formatAmount, isMetered, minorUnits, priceDocument, PricedDocument, priceLine, priceReferences, prorate, PriceSnapshot, roundMoney } from '../../pricing';
import { taxOf } from '../customers/customer-tax';
import type { Decimal } from '../../pricing/decimal';
import type { CatalogPrice } from '../catalog/price-snapshot';
import { loadPriceClosure, toSnapshot } from '../catalog/price-snapshot';
import { pricingCustomer, PricingCustomer } from '../contracts/contract-terms';
import { NotFoundError } from '../errors';

/** An item as pricing sees it: a stored price version and a quantity. */
export interface PricedItem {
  price: CatalogPrice;
  quantity: Decimal;
}

/** A proration line before it is stored: PRICING.md's credit or charge for part of a period. */
export interface ProrationDraft {
  price: CatalogPrice;
  quantity: Decimal;
  description: string;
  amount: Decimal;
  periodStart: Date;
  periodEnd: Date;
  steps: string[];
}

/** Everything needed to price a customer's items: contracts, tax, and the prices bundles refer to. */
export class ItemPricer {
  private constructor(
    readonly customer: PricingCustomer,
    private readonly components: Map<string, CatalogPrice>,
  ) {}

  /** For callers that load customers and price closures in bulk (the billing run's batches). */
  static of(customer: PricingCustomer, components: Map<string, CatalogPrice>): ItemPricer {
    return new ItemPricer(customer, components);
  }

  static async forCustomer(em: EntityManager, customerId: string, prices: readonly CatalogPrice[]): Promise<ItemPricer> {
    const customer = await pricingCustomer(em, customerId);
    if (!customer) throw new NotFoundError('customer', customerId);
    const refs = prices.flatMap((p) => priceReferences(toSnapshot(p)));
    return new ItemPricer(customer, refs.length ? await loadPriceClosure(em, refs) : new Map());
  }

  /** The item's full-period amount at `at`, unrounded, with its steps. */
  fullPeriod(item: PricedItem, at: Date): { amount: Decimal; steps: readonly string[] } {
    const line = priceLine({
      price: toSnapshot(item.price),
      quantity: item.quantity,
      currency: this.customer.currency,
      contracts: this.customer.contracts,
      at,
      resolvePrice: (code) => this.resolve(code),
    });
    return { amount: line.unroundedAmount, steps: line.steps };
  }

  /**
   * The part of a full period's amount for [from, to) of the period, by seconds, rounded once;
   * negative for a credit. Metered items are billed in arrears and never prorated: none.
   */
  prorate(kind: 'credit' | 'charge', item: PricedItem, period: { start: Date; end: Date }, from: Date, to: Date = period.end): ProrationDraft | null {
    if (isMetered(toSnapshot(item.price)) || to.getTime() <= from.getTime()) return null;
    const full = this.fullPeriod(item, from);
    const part = prorate(full.amount, period.start, period.end, from, to);
    const amount = roundMoney(kind === 'credit' ? part.negated() : part, this.customer.currency);
    const span = `${from.toISOString()} → ${to.toISOString()}`;
    const what = `${item.quantity.toFixed()} × ${item.price.code}`;
    const description = kind === 'credit' ? `Unused time on ${what} (${span})` : `Remaining time on ${what} (${span})`;
    return {
      price: item.price,
      quantity: item.quantity,
      description,
      amount,
      periodStart: from,
      periodEnd: to,
      steps: [...full.steps, `prorated ${kind === 'credit' ? '−' : ''}× (${span}) / period (${period.start.toISOString()} → ${period.end.toISOString()}) = ${formatAmount(amount, minorUnits(this.customer.currency))}`],
    };
  }

  /**
   * A priced document of whole-period lines at `at` (contracts in force then, the customer's
   * tax), with minimum-commitment true-ups when it bills a whole period.
   */
  document(lines: readonly PricedItem[], at: Date, applyMinimumCommitments: boolean): PricedDocument {
    return priceDocument({
      currency: this.customer.currency,
      lines: lines.map((l) => ({ price: toSnapshot(l.price), quantity: l.quantity })),
      contracts: this.customer.contracts,
      at,
      tax: taxOf(this.customer),
      resolvePrice: (code) => this.resolve(code),
      applyMinimumCommitments,
    });
  }

  private resolve(code: string): PriceSnapshot | undefined {
    const p = this.components.get(code);
    return p ? toSnapshot(p) : undefined;
  }
}
