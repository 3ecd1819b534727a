import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { authorize, mayAccessCustomer, withCreator } from '../auth/actor';
import { PriceExternalId } from '../catalog/price-external-id.entity';
import { Price } from '../catalog/price.entity';
import { ProductExternalId } from '../catalog/product-external-id.entity';
import type { Product } from '../catalog/product.entity';
import { ConflictError, NotFoundError } from '../errors';
import { InvoiceExternalId } from '../invoices/invoice-external-id.entity';
import { Invoice } from '../invoices/invoice.entity';
import type { ServiceContext } from '../shared/service-context';
import { SubscriptionExternalId } from '../subscriptions/subscription-external-id.entity';
import { Subscription } from '../subscriptions/subscription.entity';
import { isStorableExternalId, parseExternalId } from './external-id-input';
import {
  addExternalIdRow,
  deleteExternalIdRow,
  ExternalIdKind,
  findExternalIdHolder,
  findExternalIdOwner,
  readPermissionOf,
} from './external-id-tables';

/** One external id of one record: `recordId` is the record's id, or a price's code. */
export interface ExternalIdLink {
  kind: ExternalIdKind;
  recordId: string;
  system: string;
  id: string;
}

/**
 * Linking records to their ids in other systems, and finding them by those ids. Customers'
 * ids are also set by createCustomer/updateCustomer and read by customerByExternalId.
 */
export class ExternalIdService {
  constructor(private readonly ctx: ServiceContext) {}

  /** Idempotent: linking an id to the record that already holds it changes nothing. */
  async set(kind: ExternalIdKind, recordId: string, system: string, id: string): Promise<ExternalIdLink> {
    authorize(this.ctx.actor, 'externalIds:write');
    const x = parseExternalId({ system, id }, '');
    try {
      return await this.ctx.em.transactional((em) => linkExternalId(em, kind, recordId, x.system, x.id));
    } catch (err) {
      if (!(err instanceof UniqueConstraintViolationException)) throw err;
      // Another request linked the same id meanwhile: to this record it is done, to another a CONFLICT.
      const em = this.ctx.em.fork();
      const owner = await findExternalIdOwner(em, kind, recordId);
      const holder = await findExternalIdHolder(em, kind, x.system, x.id);
      if (!owner || holder !== owner.key) throw takenError(kind, x.system, x.id);
      return { kind, recordId: owner.key, system: x.system, id: x.id };
    }
  }

  /** True when the id was linked (to whichever record), false when it was not: a replay is harmless. */
  async remove(kind: ExternalIdKind, system: string, id: string): Promise<boolean> {
    authorize(this.ctx.actor, 'externalIds:write');
    if (!isStorableExternalId(system, id)) return false;
    return this.ctx.em.transactional((em) => deleteExternalIdRow(em, kind, system.trim(), id.trim()));
  }

  async product(system: string, id: string): Promise<Product | null> {
    authorize(this.ctx.actor, readPermissionOf(ExternalIdKind.PRODUCT));
    if (!isStorableExternalId(system, id)) return null;
    const row = await this.ctx.em.findOne(ProductExternalId, { system: system.trim(), externalId: id.trim() }, { populate: ['product'] });
    return row?.product ?? null;
  }

  /** The current version of the price code holding the id (all versions share it). */
  async price(system: string, id: string): Promise<Price | null> {
    authorize(this.ctx.actor, readPermissionOf(ExternalIdKind.PRICE));
    if (!isStorableExternalId(system, id)) return null;
    const row = await this.ctx.em.findOne(PriceExternalId, { system: system.trim(), externalId: id.trim() });
    return row && this.ctx.em.findOne(Price, { code: row.priceCode, isCurrent: true });
  }

  /**
   * With its lines, as invoice(id). A CUSTOMER key gets null for another customer's invoice
   * rather than FORBIDDEN: external ids are often guessable document numbers, and FORBIDDEN
   * would tell that one exists.
   */
  async invoice(system: string, id: string): Promise<Invoice | null> {
    const { actor, em } = this.ctx;
    authorize(actor, readPermissionOf(ExternalIdKind.INVOICE));
    if (!isStorableExternalId(system, id)) return null;
    const row = await em.findOne(InvoiceExternalId, { system: system.trim(), externalId: id.trim() });
    if (!row || !mayAccessCustomer(actor, await withCreator(actor, row.customer))) return null;
    return em.findOne(Invoice, { id: row.invoice.id }, { populate: ['lines'], strategy: 'select-in' });
  }

  /** As invoice(): a CUSTOMER key gets null for another customer's subscription. */
  async subscription(system: string, id: string): Promise<Subscription | null> {
    const { actor, em } = this.ctx;
    authorize(actor, readPermissionOf(ExternalIdKind.SUBSCRIPTION));
    if (!isStorableExternalId(system, id)) return null;
    const row = await em.findOne(SubscriptionExternalId, { system: system.trim(), externalId: id.trim() });
    if (!row || !mayAccessCustomer(actor, await withCreator(actor, row.customer))) return null;
    return em.findOne(Subscription, { id: row.subscription.id });
  }
}

/**
 * Links (system, id) to a record inside the caller's transaction, for services and importers
 * that create the record in the same one (an import's STRIPE ids). NOT_FOUND names `recordId`,
 * CONFLICT names `id`; the unique index settles a race on flush.
 */
export async function linkExternalId(
  em: EntityManager,
  kind: ExternalIdKind,
  recordId: string,
  system: string,
  id: string,
): Promise<ExternalIdLink> {
  const owner = await findExternalIdOwner(em, kind, recordId);
  if (!owner) throw new NotFoundError(kind.toLowerCase(), recordId.slice(0, 100), 'recordId');
  const holder = await findExternalIdHolder(em, kind, system, id);
  if (holder !== null && holder !== owner.key) throw takenError(kind, system, id);
  if (holder === null) {
    addExternalIdRow(em, kind, owner, system, id);
    await em.flush();
  }
  return { kind, recordId: owner.key, system, id };
}

function takenError(kind: ExternalIdKind, system: string, id: string): ConflictError {
  return new ConflictError(`${system} id '${id}' belongs to another ${kind.toLowerCase()}`, { field: 'id' });
}
