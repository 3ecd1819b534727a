import type { EntityClass, FilterQuery } from '@mikro-orm/core';
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

const tables: Record<ExternalIdKind, KindTable> = {
  [ExternalIdKind.CUSTOMER]: {
    entity: CustomerExternalId as EntityClass<ExternalIdRow>,
    read: 'customers:read',
    ownerKey: relationKey('customer'),
    async findOwner(em, key) {
      const found = isId(key) ? await em.findOne(Customer, { id: key }) : null;
      return found && { key: found.id, customerId: found.id };
    },
    ownerColumns: (em, owner) => ({ customer: em.getReference(Customer, owner.key) }),
  },
  [ExternalIdKind.PRODUCT]: {
    entity: ProductExternalId as EntityClass<ExternalIdRow>,
    read: 'catalog:read',
    ownerKey: relationKey('product'),
    async findOwner(em, key) {
      const found = isId(key) ? await em.findOne(Product, { id: key }) : null;
      return found && { key: found.id, customerId: null };
    },
    ownerColumns: (em, owner) => ({ product: em.getReference(Product, owner.key) }),
  },
  [ExternalIdKind.PRICE]: {
    entity: PriceExternalId as EntityClass<ExternalIdRow>,
    read: 'catalog:read',
    ownerKey: (row) => (row as PriceExternalId).priceCode,
    async findOwner(em, key) {
      // NUL would fail in PostgreSQL rather than find nothing.
      return !key.includes('\u0000') && (await em.count(Price, { code: key })) > 0 ? { key, customerId: null } : null;
    },
    ownerColumns: (_em, owner) => ({ priceCode: owner.key }),
  },
  [ExternalIdKind.INVOICE]: {
    entity: InvoiceExternalId as EntityClass<ExternalIdRow>,
    read: 'invoices:read',
    ownerKey: relationKey('invoice'),
    async findOwner(em, key) {
      const found = isId(key) ? await em.findOne(Invoice, { id: key }) : null;
      return found && { key: found.id, customerId: found.customer.id };
    },
    ownerColumns: (em, owner) => ({ invoice: em.getReference(Invoice, owner.key), customer: em.getReference(Customer, owner.customerId!) }),
  },
  [ExternalIdKind.SUBSCRIPTION]: {
    entity: SubscriptionExternalId as EntityClass<ExternalIdRow>,
    read: 'subscriptions:read',
    ownerKey: relationKey('subscription'),
    async findOwner(em, key) {
      const found = isId(key) ? await em.findOne(Subscription, { id: key }) : null;
      return found && { key: found.id, customerId: found.customer.id };
    },
    ownerColumns: (em, owner) => ({ subscription: em.getReference(Subscription, owner.key), customer: em.getReference(Customer, owner.customerId!) }),
  },
};

export function readPermissionOf(kind: ExternalIdKind): Permission {
  return tables[kind].read;
}

/** The key of the record holding (system, id) among records of this kind, or null. */
export async function findExternalIdHolder(em: EntityManager, kind: ExternalIdKind, system: string, externalId: string): Promise<string | null> {
  const table = tables[kind];
  const row = await em.findOne(table.entity, { system, externalId } as FilterQuery<ExternalIdRow>);
  return row && table.ownerKey(row);
}

export function findExternalIdOwner(em: EntityManager, kind: ExternalIdKind, key: string): Promise<ExternalIdOwner | null> {
  return tables[kind].findOwner(em, key);
}

/** Adds the row; the unique index refuses it on flush if another record holds the id meanwhile. */
export function addExternalIdRow(em: EntityManager, kind: ExternalIdKind, owner: ExternalIdOwner, system: string, externalId: string): void {
  const table = tables[kind];
  em.create(table.entity, { ...table.ownerColumns(em, owner), system, externalId } as never);
}

export async function deleteExternalIdRow(em: EntityManager, kind: ExternalIdKind, system: string, externalId: string): Promise<boolean> {
  return (await em.nativeDelete(tables[kind].entity, { system, externalId } as FilterQuery<ExternalIdRow>)) > 0;
}
