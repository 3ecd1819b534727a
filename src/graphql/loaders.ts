import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName, FilterQuery } from '@mikro-orm/core';
import { Customer } from '../domain/customers/customer.entity';
import { Product } from '../domain/catalog/product.entity';
import { Price } from '../domain/catalog/price.entity';
import { Contract } from '../domain/contracts/contract.entity';
import { CustomerExternalId } from '../domain/customers/customer-external-id.entity';
import { QuoteLine } from '../domain/quotes/quote-line.entity';
import { Quote } from '../domain/quotes/quote.entity';
import { PendingProration } from '../domain/subscriptions/pending-proration.entity';
import { ScheduledChange, ScheduledChangeStatus } from '../domain/subscriptions/scheduled-change.entity';
import { SubscriptionEvent } from '../domain/subscriptions/subscription-event.entity';
import { SubscriptionItem } from '../domain/subscriptions/subscription-item.entity';
import { Subscription } from '../domain/subscriptions/subscription.entity';
import { CreditNote } from '../domain/credit-notes/credit-note.entity';
import { Invoice } from '../domain/invoices/invoice.entity';
import { InvoiceExternalId } from '../domain/invoices/invoice-external-id.entity';
import { PriceExternalId } from '../domain/catalog/price-external-id.entity';
import { ProductExternalId } from '../domain/catalog/product-external-id.entity';
import { PaymentAttempt } from '../domain/payments/payment-attempt.entity';
import { Coupon } from '../domain/coupons/coupon.entity';
import { CouponRedemption } from '../domain/coupons/coupon-redemption.entity';
import { SubscriptionExternalId } from '../domain/subscriptions/subscription-external-id.entity';
import { Location } from '../domain/customers/location.entity';
import { LocationExternalId } from '../domain/customers/location-external-id.entity';
import { Contact } from '../domain/customers/contact.entity';
import { creditExposures } from '../domain/customers/credit-exposure';

/** One loader per entity: `load(id)` calls within a tick become one `where id in (...)`. */
function byId<T extends { id: string }>(
  em: EntityManager,
  entity: EntityName<T>,
  options: { populate?: string[] } = {},
): DataLoader<string, T | null> {
  return new DataLoader(async (ids) => {
    const rows = (await em.find(entity, { id: { $in: [...ids] } } as unknown as FilterQuery<T>, options as never)) as T[];
    const map = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

/** By a unique code (products, current price versions): `load(code)` calls within a tick become one `where code in (...)`. */
function byCode<T extends { code: string }>(
  em: EntityManager,
  entity: EntityName<T>,
  where: Record<string, unknown> = {},
): DataLoader<string, T | null> {
  return new DataLoader(async (codes) => {
    const rows = (await em.find(entity, { ...where, code: { $in: [...codes] } } as unknown as FilterQuery<T>)) as T[];
    const map = new Map(rows.map((r) => [r.code, r]));
    return codes.map((code) => map.get(code) ?? null);
  });
}

/** The children of many parents in one query, grouped by the parent's id. */
function byParent<T extends object, K extends keyof T & string>(
  em: EntityManager,
  entity: EntityName<T>,
  parent: K,
  options: { where?: Record<string, unknown>; orderBy?: Record<string, 'asc' | 'desc'>; populate?: string[] } = {},
): DataLoader<string, T[]> {
  return new DataLoader(async (parentIds) => {
    const { where, ...findOptions } = options;
    // The options are checked by the entity's own listing in createLoaders; the ORM's path types cannot follow a generic K.
    const rows = (await em.find(
      entity,
      { ...where, [parent]: { $in: [...parentIds] } } as unknown as FilterQuery<T>,
      findOptions as never,
    )) as T[];
    const groups = new Map<string, T[]>(parentIds.map((id) => [id, []]));
    for (const row of rows) groups.get((row[parent] as { id: string }).id)?.push(row);
    return parentIds.map((id) => groups.get(id)!);
  });
}

/** As byParent, for children naming their parent by a plain column (a price code) rather than a relation. */
function byColumn<T extends object, K extends keyof T & string>(
  em: EntityManager,
  entity: EntityName<T>,
  column: K,
  orderBy: Record<string, 'asc' | 'desc'>,
): DataLoader<string, T[]> {
  return new DataLoader(async (keys) => {
    const rows = (await em.find(entity, { [column]: { $in: [...keys] } } as unknown as FilterQuery<T>, { orderBy } as never)) as T[];
    const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
    for (const row of rows) groups.get(row[column] as string)?.push(row);
    return keys.map((k) => groups.get(k)!);
  });
}

/** Per request, so nothing cached outlives the request that loaded it. */
export function createLoaders(em: EntityManager) {
  return {
    customer: byId(em, Customer),
    product: byId(em, Product),
    price: byId(em, Price),
    productByCode: byCode(em, Product),
    priceByCode: byCode(em, Price, { isCurrent: true }),
    pricesByProduct: byParent(em, Price, 'product', { where: { isCurrent: true }, orderBy: { code: 'asc' } }),
    contractsByCustomer: byParent(em, Contract, 'customer', { populate: ['items'], orderBy: { startsAt: 'asc', id: 'asc' } }),
    externalIdsByCustomer: byParent(em, CustomerExternalId, 'customer', { orderBy: { system: 'asc', externalId: 'asc' } }),
    externalIdsByProduct: byParent(em, ProductExternalId, 'product', { orderBy: { system: 'asc', externalId: 'asc' } }),
    // By code: every version of a price shares its code's external ids.
    externalIdsByPriceCode: byColumn(em, PriceExternalId, 'priceCode', { system: 'asc', externalId: 'asc' }),
    externalIdsByInvoice: byParent(em, InvoiceExternalId, 'invoice', { orderBy: { system: 'asc', externalId: 'asc' } }),
    externalIdsBySubscription: byParent(em, SubscriptionExternalId, 'subscription', { orderBy: { system: 'asc', externalId: 'asc' } }),
    itemsBySubscription: byParent(em, SubscriptionItem, 'subscription', { orderBy: { priceCode: 'asc' } }),
    pendingChangeBySubscription: byParent(em, ScheduledChange, 'subscription', { where: { status: ScheduledChangeStatus.PENDING } }),
    eventsBySubscription: byParent(em, SubscriptionEvent, 'subscription', { orderBy: { at: 'asc', version: 'asc' } }),
    // Per change: credits (negative) before charges, as an invoice lists them.
    prorationsBySubscription: byParent(em, PendingProration, 'subscription', {
      orderBy: { createdAt: 'asc', amount: 'asc', priceCode: 'asc' },
    }),
    subscription: byId(em, Subscription),
    quote: byId(em, Quote),
    // With each line's price version: a sent quote shows the version it froze.
    linesByQuote: byParent(em, QuoteLine, 'quote', { orderBy: { position: 'asc' }, populate: ['price'] }),
    // An invoice is shown with its lines (invoice.mapping.ts).
    invoice: byId(em, Invoice, { populate: ['lines'] }),
    attemptsByInvoice: byParent(em, PaymentAttempt, 'invoice', { orderBy: { at: 'asc', id: 'asc' } }),
    creditNotesByInvoice: byParent(em, CreditNote, 'invoice', { orderBy: { createdAt: 'asc', number: 'asc' }, populate: ['lines'] }),
    coupon: byId(em, Coupon),
    // Discounts not ended: a subscription's own, and a customer's for all its subscriptions.
    discountsBySubscription: byParent(em, CouponRedemption, 'subscription', { where: { endedAt: null }, populate: ['promotionCode'] }),
    // A page of customers asks for its locations and contacts in one query each.
    locationsByCustomer: byParent(em, Location, 'customer', { orderBy: { createdAt: 'asc', id: 'asc' } }),
    externalIdsByLocation: byParent(em, LocationExternalId, 'location', { orderBy: { system: 'asc', externalId: 'asc' } }),
    contactsByCustomer: byParent(em, Contact, 'customer', { where: { archivedAt: null }, orderBy: { createdAt: 'asc', id: 'asc' } }),
    // A page of customers reads its exposures in one statement.
    creditExposure: new DataLoader(async (ids: readonly string[]) => {
      const exposures = await creditExposures(em, ids);
      return ids.map((id) => exposures.get(id)!);
    }),
    discountsByCustomer: byParent(em, CouponRedemption, 'customer', {
      where: { endedAt: null, subscription: null, quote: null },
      populate: ['promotionCode'],
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
