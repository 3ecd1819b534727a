import { ForeignKeyConstraintViolationException, LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { authorize } from '../auth/actor';
import { ConflictError, NotFoundError } from '../errors';
import { emitEvent } from '../events/emit-event';
import type { ExternalIdInput } from '../external-ids/external-id-input';
import { isId } from '../shared/ids';
import { parseInput } from '../shared/input-schema';
import type { ServiceContext } from '../shared/service-context';
import { addressSchema, line, type AddressInput } from './address';
import { locationEvent } from './customer-contact-events';
import { lockCustomer } from './customer-lock';
import { externalIdList } from './customer.schema';
import { LocationExternalId } from './location-external-id.entity';
import { locationReferences, type LocationReference } from './location-references';
import { Location } from './location.entity';

export interface CreateLocationInput {
  customerId: string;
  name: string;
  address: AddressInput;
  externalIds?: readonly ExternalIdInput[] | null;
}

/** Absent fields are kept; `externalIds` replaces the whole set. */
export interface UpdateLocationInput {
  name?: string | null;
  address?: AddressInput | null;
  externalIds?: readonly ExternalIdInput[] | null;
}

const createSchema = z.object({
  customerId: z.string(),
  name: line(200),
  address: addressSchema,
  externalIds: externalIdList.nullish().transform((v) => v ?? []),
});

const updateSchema = z.object({
  name: line(200)
    .nullish()
    .transform((v) => v ?? undefined),
  address: addressSchema.nullish().transform((v) => v ?? undefined),
  externalIds: externalIdList.nullish().transform((v) => v ?? undefined),
});

export class LocationService {
  constructor(private readonly ctx: ServiceContext) {}

  async create(input: CreateLocationInput): Promise<Location> {
    authorize(this.ctx.actor, 'locations:write');
    const parsed = parseInput(createSchema, input, 'input');
    return this.saving(parsed.externalIds, null, async (em) => {
      const customer = await lockCustomer(em, this.ctx.actor, 'locations:write', parsed.customerId, 'input.customerId');
      const now = this.ctx.clock.now();
      const location = em.create(Location, { customer, name: parsed.name, address: parsed.address, createdAt: now, updatedAt: now });
      for (const x of parsed.externalIds)
        location.externalIds.add(em.create(LocationExternalId, { location, system: x.system, externalId: x.id }));
      await em.flush();
      await emitEvent(em, locationEvent('location_created', location, now));
      return location;
    });
  }

  async update(id: string, input: UpdateLocationInput): Promise<Location> {
    authorize(this.ctx.actor, 'locations:write');
    const parsed = parseInput(updateSchema, input, 'input');
    return this.saving(parsed.externalIds ?? [], id, async (em) => {
      const found = isId(id) ? await em.findOne(Location, { id }) : null;
      if (!found) throw new NotFoundError('location', id.slice(0, 100), 'id');
      await lockCustomer(em, this.ctx.actor, 'locations:write', found.customer.id, 'id');
      // Read under the customer's lock: a concurrent update of the same location has committed by now.
      await em.populate(found, ['externalIds'], { refresh: true });
      if (parsed.name !== undefined) found.name = parsed.name;
      if (parsed.address !== undefined) found.address = parsed.address;
      if (parsed.externalIds !== undefined) {
        em.remove(found.externalIds.getItems());
        // The old rows go first: keeping an id the location already has must not trip the unique key.
        await em.flush();
        for (const x of parsed.externalIds)
          found.externalIds.add(em.create(LocationExternalId, { location: found, system: x.system, externalId: x.id }));
      }
      found.updatedAt = this.ctx.clock.now();
      await em.flush();
      await emitEvent(em, locationEvent('location_updated', found, found.updatedAt));
      return found;
    });
  }

  /**
   * Deletes the location with its external ids, and answers it as it was. Refused with CONFLICT
   * (`reason: LOCATION_IN_USE`, the referring tables in `referencedBy`) while anything refers to
   * it (location-references.ts), checked under the customer's lock; a reference that lands
   * meanwhile makes the delete break its foreign key, refused the same way.
   */
  async remove(id: string): Promise<Location> {
    authorize(this.ctx.actor, 'locations:write');
    try {
      return await this.ctx.em.transactional(async (em) => {
        const found = isId(id) ? await em.findOne(Location, { id }) : null;
        if (!found) throw new NotFoundError('location', id.slice(0, 100), 'id');
        await lockCustomer(em, this.ctx.actor, 'locations:write', found.customer.id, 'id');
        // Read again under the customer's lock (a concurrent removal has committed by now), and lock
        // the row itself: a subscription naming it meanwhile commits before the check below or fails.
        const location = await em.findOne(Location, { id }, { refresh: true, lockMode: LockMode.PESSIMISTIC_WRITE });
        if (!location) throw new NotFoundError('location', id, 'id');
        await em.populate(location, ['externalIds']);
        const references = await locationReferences(em, location.id);
        if (references.length > 0) throw inUse(location.id, references);
        const event = locationEvent('location_removed', location, this.ctx.clock.now());
        // The external ids by name, so that the audit log lists them as removed with it.
        const externalIds = location.externalIds.getItems();
        em.remove([...externalIds, location]);
        await em.flush();
        await emitEvent(em, event);
        // The answer is the location as it was: the flush took the removed ids out of the collection
        // of what is now a detached entity; they go back in memory only, nothing flushes it again.
        location.externalIds.set(externalIds);
        return location;
      });
    } catch (err) {
      if (err instanceof ForeignKeyConstraintViolationException) throw inUse(id, []);
      throw err;
    }
  }

  /** A taken external id is a CONFLICT at the first one taken; the transaction has rolled back. */
  private async saving<T>(
    externalIds: readonly ExternalIdInput[],
    selfId: string | null,
    work: (em: EntityManager) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.ctx.em.transactional(work);
    } catch (err) {
      if (!(err instanceof UniqueConstraintViolationException) || externalIds.length === 0) throw err;
      // The transaction is over, so another query is safe here (also on PGlite).
      const em = this.ctx.em.fork();
      const others = selfId === null ? {} : { location: { $ne: selfId } };
      const taken = await em.find(LocationExternalId, { ...others, $or: externalIds.map((x) => ({ system: x.system, externalId: x.id })) });
      const i = externalIds.findIndex((x) => taken.some((t) => t.system === x.system && t.externalId === x.id));
      throw new ConflictError(
        i >= 0
          ? `${externalIds[i].system} id '${externalIds[i].id}' belongs to another location`
          : 'an external id belongs to another location',
        {
          field: i >= 0 ? `input.externalIds[${i}]` : 'input.externalIds',
        },
      );
    }
  }
}

function inUse(id: string, references: readonly LocationReference[]): ConflictError {
  const what = references.map((r) => `${r.rows} ${r.table} row(s)`).join(', ') || 'a record written meanwhile';
  return new ConflictError(`location ${id} cannot be removed: ${what} still refer to it`, {
    field: 'id',
    details: { reason: 'LOCATION_IN_USE', referencedBy: references.map((r) => r.table) },
  });
}
