import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { authorize } from '../auth/actor';
import { ConflictError, NotFoundError } from '../errors';
import { emitEvent } from '../events/emit-event';
import { isId } from '../shared/ids';
import { email as emailAddress, hasUnstorable, parseInput } from '../shared/input-schema';
import { line } from './address';
import type { ServiceContext } from '../shared/service-context';
import { ContactRole } from './contact-role';
import { Contact } from './contact.entity';
import { contactEvent } from './customer-contact-events';
import { lockCustomer } from './customer-lock';
import type { Customer } from './customer.entity';

export interface CreateContactInput {
  customerId: string;
  name: string;
  email: string;
  role: ContactRole;
}

/** Absent fields are kept. */
export interface UpdateContactInput {
  name?: string | null;
  email?: string | null;
  role?: ContactRole | null;
}

// An e-mail goes into event payloads (jsonb) too.
const email = emailAddress.refine((v) => !hasUnstorable(v), { error: 'must not contain unpaired surrogate characters' });

const role = z.enum(ContactRole, { error: `must be one of ${Object.values(ContactRole).join(', ')}` });

const createSchema = z.object({ customerId: z.string(), name: line(200), email, role });

const updateSchema = z.object({
  name: line(200)
    .nullish()
    .transform((v) => v ?? undefined),
  email: email.nullish().transform((v) => v ?? undefined),
  role: role.nullish().transform((v) => v ?? undefined),
});

export class ContactService {
  constructor(private readonly ctx: ServiceContext) {}

  async create(input: CreateContactInput): Promise<Contact> {
    authorize(this.ctx.actor, 'contacts:write');
    const parsed = parseInput(createSchema, input, 'input');
    return this.ctx.em.transactional(async (em) => {
      const customer = await lockCustomer(em, this.ctx.actor, 'contacts:write', parsed.customerId, 'input.customerId');
      await assertEmailFree(em, customer, parsed.email, null);
      const now = this.ctx.clock.now();
      const contact = em.create(Contact, {
        customer,
        name: parsed.name,
        email: parsed.email,
        role: parsed.role,
        createdAt: now,
        updatedAt: now,
      });
      await em.flush();
      await emitEvent(em, contactEvent('contact_created', contact, now));
      return contact;
    });
  }

  async update(id: string, input: UpdateContactInput): Promise<Contact> {
    authorize(this.ctx.actor, 'contacts:write');
    const parsed = parseInput(updateSchema, input, 'input');
    return this.ctx.em.transactional(async (em) => {
      const contact = await this.lockedLive(em, id);
      if (parsed.email !== undefined) await assertEmailFree(em, contact.customer, parsed.email, contact.id);
      if (parsed.name !== undefined) contact.name = parsed.name;
      if (parsed.email !== undefined) contact.email = parsed.email;
      if (parsed.role !== undefined) contact.role = parsed.role;
      contact.updatedAt = this.ctx.clock.now();
      await em.flush();
      await emitEvent(em, contactEvent('contact_updated', contact, contact.updatedAt));
      return contact;
    });
  }

  /** Archives the contact: it leaves Customer.contacts, and its portal sessions stop working on their next request. */
  async remove(id: string): Promise<Contact> {
    authorize(this.ctx.actor, 'contacts:write');
    return this.ctx.em.transactional(async (em) => {
      const contact = await this.lockedLive(em, id);
      const now = this.ctx.clock.now();
      contact.archivedAt = now;
      contact.updatedAt = now;
      await em.flush();
      await emitEvent(em, contactEvent('contact_removed', contact, now));
      return contact;
    });
  }

  /** A removed contact is gone for writes: NOT_FOUND, as for an id that never was. */
  private async lockedLive(em: EntityManager, id: string): Promise<Contact> {
    const found = isId(id) ? await em.findOne(Contact, { id, archivedAt: null }) : null;
    if (!found) throw new NotFoundError('contact', id.slice(0, 100), 'id');
    await lockCustomer(em, this.ctx.actor, 'contacts:write', found.customer.id, 'id');
    // Read again under the lock: a concurrent removal has committed by now.
    const contact = await em.findOne(Contact, { id, archivedAt: null }, { refresh: true });
    if (!contact) throw new NotFoundError('contact', id, 'id');
    return contact;
  }
}

/** One live contact per e-mail (case-insensitive) and customer, checked under the customer's row lock. */
async function assertEmailFree(em: EntityManager, customer: Customer, address: string, selfId: string | null): Promise<void> {
  const same = await em.findOne(Contact, {
    customer,
    archivedAt: null,
    email: { $ilike: address.replace(/[\\%_]/g, (c) => `\\${c}`) },
    ...(selfId === null ? {} : { id: { $ne: selfId } }),
  });
  if (same) throw new ConflictError(`${address} is already a contact of this customer`, { field: 'input.email' });
}
