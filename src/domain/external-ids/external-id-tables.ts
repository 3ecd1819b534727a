import type { EntityClass, FilterQuery, Primary } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Permission } from '../auth/actor';
import { PriceExternalId } from '../catalog/price-external-id.entity';
import { Price } from '../catalog/price.entity';
import { ProductExternalId } from '../catalog/product-external-id.entity';
import { Product } from '../catalog/product.entity';
import { CustomerExternalId } from '../customers/customer-external-id.entity';
import { Customer } from '../customers/customer.entity';
import { InvoiceExternalId } from '../invoices/invoice-external-id.entity';
import { Invoice } from '../invoices/invoice.entity';
import { isId } from '../shared/ids';
import { hasNul } from '../shared/input-schema';
import { SubscriptionExternalId } from '../subscriptions/subscription-external-id.entity';
import { Subscription } from '../subscriptions/subscription.entity';

export enum ExternalIdKind {
  CUSTOMER = 'CUSTOMER',
  PRODUCT = 'PRODUCT',
  PRICE = 'PRICE',
  INVOICE = 'INVOICE',
  SUBSCRIPTION = 'SUBSCRIPTION',
}

/** The record an external id names: its id (a price's code) and, for invoices, its customer. */
export interface ExternalIdOwner {
  key: string;
  customerId: string | null;
}

interface ExternalIdRow {
  system: string;
  externalId: string;
}

/**
 * One table per kind, alike but for the owner column, so that each has a real foreign key (the
 * price table names a code, see its entity) and the unique (system, external_id) index of its own.
 */
interface KindTable {
  entity: EntityClass<ExternalIdRow>;
  /** Who may see the record, and so its external ids. */
  read: Permission;
  ownerKey(row: ExternalIdRow): string;
  findOwner(em: EntityManager, key: string): Promise<ExternalIdOwner | null>;
  /** The owner columns of a new row. */
  ownerColumns(em: EntityManager, owner: ExternalIdOwner): Record<string, unknown>;
}

const relationKey = (field: string) => (row: ExternalIdRow) => (row as unknown as Record<string, { id: string }>)[field].id;

/**
 * A kind whose owner is a record found by its id, held in the row's relation `field`. A customer's
 * data (an invoice, a subscription) carries its customer in a column of its own beside the owner.
 */
function ownedByRecord<T extends { id: string }>(
  entity: EntityClass<ExternalIdRow>,
  read: Permission,
  owner: EntityClass<T>,
  field: string,
  customerIdOf: (found: T) => string | null,
): KindTable {
  return {
    entity,
    read,
    ownerKey: relationKey(field),
    async findOwner(em, key) {
      const found = isId(key) ? await em.findOne(owner, { id: key } as FilterQuery<T>) : null;
      return found && { key: found.id, customerId: customerIdOf(found) };
    },
    ownerColumns: (em, { key, customerId }) => ({
      [field]: em.getReference(owner, key as Primary<T>),
      ...(field !== 'customer' && customerId !== null ? { customer: em.getReference(Customer, customerId) } : {}),
    }),
  };
}

const tables: Record<ExternalIdKind, KindTable> = {
  [ExternalIdKind.CUSTOMER]: ownedByRecord(
    CustomerExternalId as EntityClass<ExternalIdRow>,
    'customers:read',
    Customer,
    'customer',
    (customer) => customer.id,
  ),
  [ExternalIdKind.PRODUCT]: ownedByRecord(ProductExternalId as EntityClass<ExternalIdRow>, 'catalog:read', Product, 'product', () => null),
  [ExternalIdKind.PRICE]: {
    entity: PriceExternalId as EntityClass<ExternalIdRow>,
    read: 'catalog:read',
    ownerKey: (row) => (row as PriceExternalId).priceCode,
    async findOwner(em, key) {
      // NUL would fail in PostgreSQL rather than find nothing.
      return !hasNul(key) && (await em.count(Price, { code: key })) > 0 ? { key, customerId: null } : null;
    },
    ownerColumns: (_em, owner) => ({ priceCode: owner.key }),
  },
  [ExternalIdKind.INVOICE]: ownedByRecord(
    InvoiceExternalId as EntityClass<ExternalIdRow>,
    'invoices:read',
    Invoice,
    'invoice',
    (invoice) => invoice.customer.id,
  ),
  [ExternalIdKind.SUBSCRIPTION]: ownedByRecord(
    SubscriptionExternalId as EntityClass<ExternalIdRow>,
    'subscriptions:read',
    Subscription,
    'subscription',
    (subscription) => subscription.customer.id,
  ),
};

export function readPermissionOf(kind: ExternalIdKind): Permission {
  return tables[kind].read;
}

/** The key of the record holding (system, id) among records of this kind, or null. */
export async function findExternalIdHolder(
  em: EntityManager,
  kind: ExternalIdKind,
  system: string,
  externalId: string,
): Promise<string | null> {
  const table = tables[kind];
  const row = await em.findOne(table.entity, { system, externalId } as FilterQuery<ExternalIdRow>);
  return row && table.ownerKey(row);
}

export function findExternalIdOwner(em: EntityManager, kind: ExternalIdKind, key: string): Promise<ExternalIdOwner | null> {
  return tables[kind].findOwner(em, key);
}

/** Adds the row; the unique index refuses it on flush if another record holds the id meanwhile. */
export function addExternalIdRow(
  em: EntityManager,
  kind: ExternalIdKind,
  owner: ExternalIdOwner,
  system: string,
  externalId: string,
): void {
  const table = tables[kind];
  em.create(table.entity, { ...table.ownerColumns(em, owner), system, externalId } as never);
}

export async function deleteExternalIdRow(em: EntityManager, kind: ExternalIdKind, system: string, externalId: string): Promise<boolean> {
  return (await em.nativeDelete(tables[kind].entity, { system, externalId } as FilterQuery<ExternalIdRow>)) > 0;
}
