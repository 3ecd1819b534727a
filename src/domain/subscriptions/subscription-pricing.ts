import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type CouponTerms,
  formatAmount,
  isMetered,
  minorUnits,
  priceDocument,
  PricedDocument,
  priceLine,
  priceReferences,
  prorate,
  PriceSnapshot,
  roundMoney,
} from '../../pricing';
import { taxOf } from '../customers/customer-tax';
import type { Decimal } from '../../pricing/decimal';
import type { CatalogPrice } from '../catalog/price-snapshot';
import { loadPriceClosure, toSnapshot } from '../catalog/price-snapshot';
import { pricingCustomer, PricingCustomer } from '../contracts/contract-terms';
import { discountInForce, DiscountTerms } from '../coupons/coupon-effect';
import { discountTermsFor } from '../coupons/discount-terms';
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

/**
 * Everything needed to price a customer's items: contracts, tax, the prices bundles refer to and,
 * for one subscription's items, the discounts of that subscription and its customer.
 */
export class ItemPricer {
  private constructor(
    readonly customer: PricingCustomer,
    private readonly components: Map<string, CatalogPrice>,
    /** The subscription priced, whose coupons apply; null prices without coupons. */
    readonly subscriptionId: string | null = null,
    readonly discounts: readonly DiscountTerms[] = [],
  ) {}

  /** For callers that load customers, price closures and discounts in bulk (the billing run's batches). */
  static of(
    customer: PricingCustomer,
    components: Map<string, CatalogPrice>,
    subscriptionId: string | null = null,
    discounts: readonly DiscountTerms[] = [],
  ): ItemPricer {
    return new ItemPricer(customer, components, subscriptionId, discounts);
  }

  /** With `subscriptionId`, that subscription's (and its customer's) coupons apply (README, Coupons). */
  static async forCustomer(
    em: EntityManager,
    customerId: string,
    prices: readonly CatalogPrice[],
    subscriptionId: string | null = null,
  ): Promise<ItemPricer> {
    const customer = await pricingCustomer(em, customerId);
    if (!customer) throw new NotFoundError('customer', customerId);
    const refs = prices.flatMap((p) => priceReferences(toSnapshot(p)));
    const discounts = subscriptionId === null ? [] : ((await discountTermsFor(em, [customerId])).get(customerId) ?? []);
    return new ItemPricer(customer, refs.length ? await loadPriceClosure(em, refs) : new Map(), subscriptionId, discounts);
  }

  /** The same pricer taxing under another treatment than the customer's own (an order taxed by its ship-to, orders/order-tax.ts). */
  withTax(tax: Pick<PricingCustomer, 'taxStatus' | 'taxRate'>): ItemPricer {
    return new ItemPricer(
      { ...this.customer, taxStatus: tax.taxStatus, taxRate: tax.taxRate },
      this.components,
      this.subscriptionId,
      this.discounts,
    );
  }

  /** The discount in force for what the subscription bills at `at`, if any (coupon-effect.ts). */
  discountAt(at: Date): DiscountTerms | null {
    return this.subscriptionId === null ? null : discountInForce(this.discounts, this.subscriptionId, at);
  }

  private couponsAt(at: Date | null): CouponTerms[] {
    const discount = at === null ? null : this.discountAt(at);
    return discount ? [discount.coupon] : [];
  }

  /**
   * The item's full-period amount at `at`, unrounded, with its steps; the percent off of the
   * coupon in force at `couponAt` is one of them (null: none, as MRR's lines are priced).
   */
  fullPeriod(item: PricedItem, at: Date, couponAt: Date | null = at): { amount: Decimal; steps: readonly string[] } {
    const line = priceLine({
      price: toSnapshot(item.price),
      quantity: item.quantity,
      currency: this.customer.currency,
      contracts: this.customer.contracts,
      at,
      resolvePrice: (code) => this.resolve(code),
      coupons: this.couponsAt(couponAt),
    });
    return { amount: line.unroundedAmount, steps: line.steps };
  }

  /**
   * The part of a full period's amount for [from, to) of the period, by seconds, rounded once;
   * negative for a credit. Metered items are billed in arrears and never prorated: none. The
   * coupon is the one that covered the period's invoice, so a credit mirrors what was billed.
   */
  prorate(
    kind: 'credit' | 'charge',
    item: PricedItem,
    period: { start: Date; end: Date },
    from: Date,
    to: Date = period.end,
  ): ProrationDraft | null {
    if (isMetered(toSnapshot(item.price)) || to.getTime() <= from.getTime()) return null;
    const full = this.fullPeriod(item, from, period.start);
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
      steps: [
        ...full.steps,
        `prorated ${kind === 'credit' ? '−' : ''}× (${span}) / period (${period.start.toISOString()} → ${period.end.toISOString()}) = ${formatAmount(amount, minorUnits(this.customer.currency))}`,
      ],
    };
  }

  /**
   * A priced document of whole-period lines at `at` (contracts and the coupon in force then, the
   * customer's tax), with minimum-commitment true-ups when it bills a whole period. `otherLines`
   * are the invoice's lines priced elsewhere, which an amount off may not take below zero.
   */
  document(
    lines: readonly PricedItem[],
    at: Date,
    applyMinimumCommitments: boolean,
    otherLines: readonly { amount: Decimal; tax: Decimal }[] = [],
  ): PricedDocument {
    return priceDocument({
      currency: this.customer.currency,
      lines: lines.map((l) => ({ price: toSnapshot(l.price), quantity: l.quantity })),
      contracts: this.customer.contracts,
      at,
      tax: taxOf(this.customer),
      resolvePrice: (code) => this.resolve(code),
      applyMinimumCommitments,
      coupons: this.couponsAt(at),
      otherLines,
    });
  }

  private resolve(code: string): PriceSnapshot | undefined {
    const p = this.components.get(code);
    return p ? toSnapshot(p) : undefined;
  }
}
