import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Actor, authorizeCustomer, Permission } from '../auth/actor';
import { NotFoundError } from '../errors';
import { isId } from '../shared/ids';
import { Customer } from './customer.entity';

/**
 * The customer a location or contact change belongs to, row-locked for the transaction: the
 * change's event is numbered on the customer's aggregate, and a contact's e-mail is unique per
 * customer, both decided under this lock. Authorized after loading, so that a STOREFRONT key's
 * check sees who created the customer; an unknown id is NOT_FOUND at `field`.
 */
export async function lockCustomer(em: EntityManager, actor: Actor, permission: Permission, id: string, field: string): Promise<Customer> {
  const customer = isId(id) ? await em.findOne(Customer, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
  if (!customer) throw new NotFoundError('customer', id.slice(0, 100), field);
  authorizeCustomer(actor, permission, customer);
  return customer;
}
