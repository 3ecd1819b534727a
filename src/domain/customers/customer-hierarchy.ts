import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import { Actor, mayAccessCustomer } from '../auth/actor';
import { InvalidInputError } from '../errors';
import { isId } from '../shared/ids';
import { Customer, InvoiceRecipient } from './customer.entity';

/**
 * Company groups (CONTRACT.md, B2B accounts): a customer may have a parent, at any depth; one
 * with `invoiceTo: PARENT` is billed on the invoices of its payer, the first ancestor up the
 * chain that pays for itself. A group has one currency and one clock (the real one, or one test
 * clock), and no cycles: both are checked here, under a lock that serializes every change of a
 * group's shape, so two concurrent moves (A under B, B under A) cannot close a cycle between them.
 */

/** Deeper than any real group; bounds the walks below, so that a corrupted row cannot make them loop. */
export const MAX_GROUP_DEPTH = 50;

export interface HierarchyInput {
  /** Absent keeps the parent; null (on update) removes it. */
  parentId?: string | null;
  /** Absent or null keeps it (SELF for a new customer). */
  invoiceTo?: InvoiceRecipient | null;
}

export interface Hierarchy {
  parent: Customer | null;
  invoiceTo: InvoiceRecipient;
}

/** What the group fields of `customer` (id null: a new one) become with `input`; its own row is locked by the caller when it exists. */
export async function nextHierarchy(
  em: EntityManager,
  actor: Actor,
  customer: { id: string | null; currency: string; testClockId: string | null; parent: Customer | null; invoiceTo: InvoiceRecipient },
  input: HierarchyInput,
): Promise<Hierarchy> {
  const invoiceTo = input.invoiceTo ?? customer.invoiceTo;
  if (input.parentId === undefined && input.invoiceTo == null) return { parent: customer.parent, invoiceTo };
  await lockHierarchy(em);
  let parent = customer.parent;
  if (input.parentId !== undefined) parent = input.parentId === null ? null : await findParent(em, actor, input.parentId);
  if (invoiceTo === InvoiceRecipient.PARENT && !parent) {
    throw new InvalidInputError(
      'input.invoiceTo',
      'invoiceTo PARENT needs a parent (input.parentId): a customer without one pays for itself',
    );
  }
  if (parent && parent.id !== customer.parent?.id) {
    if (parent.currency !== customer.currency) {
      throw new InvalidInputError(
        'input.parentId',
        `the parent bills in ${parent.currency} and this customer in ${customer.currency}: a group has one currency`,
      );
    }
    if ((parent.testClock?.id ?? null) !== customer.testClockId) {
      throw new InvalidInputError(
        'input.parentId',
        'the parent lives on another clock: a group is billed on one clock (the real one or one test clock)',
      );
    }
    // A new customer has no descendants: no cycle through it is possible.
    if (customer.id !== null) await assertNoCycle(em, customer.id, parent.id);
  }
  return { parent, invoiceTo };
}

/** Every change of any group's shape takes this lock first (transaction-scoped). */
async function lockHierarchy(em: EntityManager): Promise<void> {
  await boundRows(em, `select pg_advisory_xact_lock(hashtext('tariff.customer-hierarchy'))`);
}

async function findParent(em: EntityManager, actor: Actor, id: string): Promise<Customer> {
  const parent = isId(id) ? await em.findOne(Customer, { id }) : null;
  // A customer the key may not see is not found, rather than forbidden: its existence is not the key's to learn.
  if (!parent || !mayAccessCustomer(actor, parent)) {
    throw new InvalidInputError('input.parentId', `customer '${id.slice(0, 60)}' not found`);
  }
  return parent;
}

/** The parent's chain of ancestors must not pass through the customer itself. */
async function assertNoCycle(em: EntityManager, customerId: string, parentId: string): Promise<void> {
  if (parentId === customerId) throw new InvalidInputError('input.parentId', 'a customer cannot be its own parent');
  const [row] = await boundRows<{ cycle: boolean; depth: number }>(
    em,
    `with recursive up(id, parent_id, depth) as (
       select id, parent_id, 1 from customer where id = ?
       union all
       select c.id, c.parent_id, up.depth + 1 from customer c join up on c.id = up.parent_id where up.depth <= ?
     )
     select coalesce(bool_or(id = ?), false) as cycle, max(depth)::int as depth from up`,
    [parentId, MAX_GROUP_DEPTH, customerId],
  );
  if (row.cycle)
    throw new InvalidInputError('input.parentId', "the parent is one of this customer's own descendants: a group cannot have a cycle");
  if (row.depth >= MAX_GROUP_DEPTH) throw new InvalidInputError('input.parentId', `a group is at most ${MAX_GROUP_DEPTH} levels deep`);
}

/**
 * Who pays each customer's invoices: itself, or for `invoiceTo: PARENT` its payer up the chain.
 * One statement for any number of customers.
 */
export async function payersOf(em: EntityManager, customerIds: readonly string[]): Promise<Map<string, string>> {
  const payers = new Map<string, string>();
  if (customerIds.length === 0) return payers;
  const rows = await boundRows<{ start_id: string; payer_id: string }>(
    em,
    `with recursive up(start_id, id, parent_id, invoice_to, depth) as (
       select c.id, c.id, c.parent_id, c.invoice_to, 1 from customer c where c.id = any(?::uuid[])
       union all
       select up.start_id, p.id, p.parent_id, p.invoice_to, up.depth + 1
         from up join customer p on p.id = up.parent_id
        where up.invoice_to = 'PARENT' and up.depth <= ?
     )
     select start_id, id as payer_id from up where invoice_to = 'SELF' or parent_id is null`,
    [[...new Set(customerIds)], MAX_GROUP_DEPTH],
  );
  for (const r of rows) payers.set(r.start_id, r.payer_id);
  for (const id of customerIds) if (!payers.has(id)) payers.set(id, id);
  return payers;
}

/** The payer and every customer billed on its invoices (their children billed to them, and so on), the payer first. */
export async function billedThrough(em: EntityManager, payerId: string): Promise<string[]> {
  const rows = await boundRows<{ id: string }>(
    em,
    `with recursive down(id, depth) as (
       select ?::uuid, 0
       union all
       select c.id, down.depth + 1 from customer c join down on c.parent_id = down.id
        where c.invoice_to = 'PARENT' and down.depth < ?
     )
     select id from down order by depth, id`,
    [payerId, MAX_GROUP_DEPTH],
  );
  return rows.map((r) => r.id);
}

/**
 * SQL true for a customer (alias `c`) whose invoices are consolidated: it is billed to a parent,
 * or a child is billed to it. The billing run closes such customers' boundaries payer by payer.
 */
export const CONSOLIDATED_CUSTOMER_SQL = `(c.invoice_to = 'PARENT' or exists (select 1 from customer k where k.parent_id = c.id and k.invoice_to = 'PARENT'))`;

/**
 * SQL: the ids of the customers billed through the customer whose id is `idSql` (itself, and
 * at any depth the members billed to it), as billedThrough lists them; `idSql` may name a
 * column of the outer statement.
 */
export function billedThroughSql(idSql: string): string {
  return `(with recursive down(id, depth) as (
     select ${idSql}, 0
     union all
     select k.id, down.depth + 1 from customer k join down on k.parent_id = down.id
      where k.invoice_to = 'PARENT' and down.depth < ${MAX_GROUP_DEPTH}
   ) select id from down)`;
}
