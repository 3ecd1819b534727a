import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../db/bound-query';
import { CatalogPrice, catalogPriceOf, PriceRow } from '../domain/catalog/price-snapshot';
import type { CustomerMetadata } from '../domain/segments/customer-segment-fields';
import type { Coupon, CouponDuration } from '../domain/coupons/coupon.entity';
import { Decimal } from '../pricing/decimal';
import { couponId } from './map/map-coupon';
import { STRIPE } from './stripe/stripe-system';
import { asCoupon } from './write/write-coupon';

/**
 * What earlier runs imported, found by STRIPE external id, read once per phase: how a run knows a
 * record is done without a query per record, and what it compares a done record with.
 */

export interface ImportedCustomer {
  id: string;
  name: string;
  email: string;
  currency: string;
  taxStatus: string;
  taxRate: Decimal | null;
  paymentTermsDays: number;
  paymentTermsEndOfMonth: boolean;
  metadata: CustomerMetadata;
  /** Set in Tariff since an earlier run (Stripe has no such flag): its subscriptions then need a number Stripe cannot give. */
  purchaseOrderRequired?: boolean;
}

export interface ImportedSubscription {
  id: string;
  customerId: string;
  status: string;
  currentPeriodEnd: Date;
  cancelAtPeriodEnd: boolean;
  /** `code×quantity` per item, in no order: what the dump's items must come to. */
  items: string[];
}

export async function importedProducts(em: EntityManager): Promise<Map<string, { code: string; name: string }>> {
  const rows = await boundRows<{ stripe_id: string; code: string; name: string }>(
    em,
    'select e.external_id as stripe_id, p.code, p.name from product_external_id e join product p on p.id = e.product_id where e.system = ?',
    [STRIPE],
  );
  return new Map(rows.map((r) => [r.stripe_id, { code: r.code, name: r.name }]));
}

/** The current version of each imported price code (a later updatePrice is what new subscriptions get). */
export async function importedPrices(em: EntityManager): Promise<Map<string, CatalogPrice>> {
  const rows = await boundRows<PriceRow & { stripe_id: string }>(
    em,
    `select e.external_id as stripe_id, p.id, p.code, p.version, p.currency, p.interval, p.interval_count, p.rule_kind, p.rule_config, p.status
       from price_external_id e join price p on p.code = e.price_code and p.is_current where e.system = ?`,
    [STRIPE],
  );
  return new Map(rows.map((r) => [r.stripe_id, catalogPriceOf(r)]));
}

export async function importedCustomers(em: EntityManager): Promise<Map<string, ImportedCustomer>> {
  const rows = await boundRows<{
    stripe_id: string;
    id: string;
    name: string;
    email: string;
    currency: string;
    tax_status: string;
    tax_rate: string | null;
    payment_terms_days: number;
    payment_terms_end_of_month: boolean;
    metadata: CustomerMetadata;
    purchase_order_required: boolean;
  }>(
    em,
    `select e.external_id as stripe_id, c.id, c.name, c.email, c.currency, c.tax_status, c.tax_rate::text as tax_rate, c.payment_terms_days, c.payment_terms_end_of_month, c.metadata,
            c.purchase_order_required
       from customer_external_id e join customer c on c.id = e.customer_id where e.system = ?`,
    [STRIPE],
  );
  return new Map(
    rows.map((r) => [
      r.stripe_id,
      {
        id: r.id,
        name: r.name,
        email: r.email,
        currency: r.currency,
        taxStatus: r.tax_status,
        taxRate: r.tax_rate === null ? null : new Decimal(r.tax_rate),
        paymentTermsDays: r.payment_terms_days,
        paymentTermsEndOfMonth: r.payment_terms_end_of_month,
        metadata: r.metadata,
        purchaseOrderRequired: r.purchase_order_required,
      },
    ]),
  );
}

export async function importedSubscriptions(em: EntityManager): Promise<Map<string, ImportedSubscription>> {
  const rows = await boundRows<{
    stripe_id: string;
    id: string;
    customer_id: string;
    status: string;
    current_period_end: Date;
    cancel_at_period_end: boolean;
    items: string[] | null;
  }>(
    em,
    `select e.external_id as stripe_id, s.id, s.customer_id, s.status, s.current_period_end, s.cancel_at_period_end,
            (select array_agg(i.price_code || '×' || trim_scale(i.quantity)::text) from subscription_item i where i.subscription_id = s.id) as items
       from subscription_external_id e join subscription s on s.id = e.subscription_id where e.system = ?`,
    [STRIPE],
  );
  return new Map(
    rows.map((r) => [
      r.stripe_id,
      {
        id: r.id,
        customerId: r.customer_id,
        status: r.status,
        currentPeriodEnd: new Date(r.current_period_end),
        cancelAtPeriodEnd: r.cancel_at_period_end,
        items: r.items ?? [],
      },
    ]),
  );
}

export async function importedInvoices(em: EntityManager): Promise<Map<string, { id: string; amountDue: Decimal; amountPaid: Decimal }>> {
  const rows = await boundRows<{ stripe_id: string; id: string; amount_due: string; amount_paid: string }>(
    em,
    `select e.external_id as stripe_id, i.id, i.amount_due::text as amount_due, i.amount_paid::text as amount_paid
       from invoice_external_id e join invoice i on i.id = e.invoice_id where e.system = ?`,
    [STRIPE],
  );
  return new Map(
    rows.map((r) => [r.stripe_id, { id: r.id, amountDue: new Decimal(r.amount_due), amountPaid: new Decimal(r.amount_paid) }]),
  );
}

/**
 * Coupons an earlier run imported: those whose id is the stable id of their code (the Stripe id),
 * which no coupon made in Tariff has. By Stripe id.
 */
export async function importedCoupons(em: EntityManager): Promise<Map<string, Coupon>> {
  const rows = await boundRows<{
    id: string;
    code: string;
    name: string | null;
    percent_off: string | null;
    amount_off: string | null;
    currency: string | null;
    duration: CouponDuration;
    duration_in_months: number | null;
    applies_to_price_codes: string[] | null;
    max_redemptions: number | null;
    times_redeemed: number;
    redeem_by: Date | null;
    created_at: Date;
  }>(
    em,
    `select id, code, name, percent_off::text as percent_off, amount_off::text as amount_off, currency, duration, duration_in_months, applies_to_price_codes,
            max_redemptions, times_redeemed, redeem_by, created_at
       from coupon`,
  );
  return new Map(
    rows
      .filter((r) => r.id === couponId(r.code))
      .map((r) => [
        r.code,
        asCoupon({
          id: r.id,
          code: r.code,
          name: r.name,
          percentOff: r.percent_off === null ? null : new Decimal(r.percent_off),
          amountOff: r.amount_off === null ? null : new Decimal(r.amount_off),
          currency: r.currency,
          duration: r.duration,
          durationInMonths: r.duration_in_months,
          appliesToPriceCodes: r.applies_to_price_codes,
          maxRedemptions: r.max_redemptions,
          timesRedeemed: r.times_redeemed,
          redeemBy: r.redeem_by === null ? null : new Date(r.redeem_by),
          createdAt: new Date(r.created_at),
        }),
      ]),
  );
}
