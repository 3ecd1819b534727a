import { FilterQuery, LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Decimal } from '../../pricing/decimal';
import { authorize, authorizeCustomer, customerCondition, customerScope, mayAccessCustomer, Role } from '../auth/actor';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors';
import { emitEvent } from '../events/emit-event';
import { customerEvent } from '../events/event-payloads';
import { isId } from '../shared/ids';
import { afterCursor, decodeCursor, Page, PageArgs, pageSize, toPage } from '../shared/pagination';
import type { BatchLoader } from '../shared/batch-loader';
import type { ServiceContext } from '../shared/service-context';
import { hasNul, parseInput } from '../shared/input-schema';
import { TestClock } from '../test-clocks/test-clock.entity';
import { defaultPaymentTerms } from '../settings/seller-settings.service';
import { CustomerFilter, listCustomersByFilter } from '../segments/customer-filter';
import { CustomerMetadata, parseMetadata, parseTags } from '../segments/customer-segment-fields';
import { CustomerExternalId } from './customer-external-id.entity';
import { Customer, InvoiceRecipient, TaxStatus } from './customer.entity';
import { checkTax, createCustomerSchema, customerSearch, externalKey, updateCustomerSchema } from './customer.schema';
import type { ExternalIdInput } from '../external-ids/external-id-input';
import { LegalIdentityInput, nextLegalIdentity, NO_LEGAL_IDENTITY } from './customer-legal-identity';
import { parseCreditLimit } from './credit-limit';
import { HierarchyInput, nextHierarchy, payersOf } from './customer-hierarchy';

export { checkTax, requireEmail } from './customer.schema';

/** `billingAddress` and `vatId` (customer-legal-identity.ts): absent is none; `parentId`, `invoiceTo`: customer-hierarchy.ts. */
export interface CreateCustomerInput extends LegalIdentityInput, HierarchyInput {
  name: string;
  email: string;
  currency: string;
  taxStatus: TaxStatus;
  taxRate?: Decimal | null;
  externalIds?: readonly ExternalIdInput[] | null;
  invoiceDrafts?: boolean | null;
  /** Absent: the seller's default terms (seller settings), as is the end-of-month flag. */
  paymentTermsDays?: number | null;
  /** Default false: every subscription, change and quote of the customer then needs a purchase order number. */
  purchaseOrderRequired?: boolean | null;
  paymentTermsEndOfMonth?: boolean | null;
  /** The test clock the customer lives on, for good: updateCustomer cannot change it. */
  testClockId?: string | null;
  tags?: readonly string[] | null;
  metadata?: Record<string, unknown> | null;
  /** Absent or null: no limit (credit-limit.ts). Setting one is staff's (customers:write). */
  creditLimit?: Decimal | null;
}

/**
 * Absent fields are kept; `taxRate: null`, `billingAddress: null`, `vatId: null`, `parentId: null`
 * and `creditLimit: null` (no limit) clear them; `externalIds` replaces the whole set.
 */
export interface UpdateCustomerInput extends LegalIdentityInput, HierarchyInput {
  name?: string | null;
  email?: string | null;
  taxStatus?: TaxStatus | null;
  taxRate?: Decimal | null;
  invoiceDrafts?: boolean | null;
  /** Apply to invoices finalized from then on. */
  paymentTermsDays?: number | null;
  /** From now on: subscriptions and quotes made before keep their numbers, or their lack of one, until changed. */
  purchaseOrderRequired?: boolean | null;
  paymentTermsEndOfMonth?: boolean | null;
  externalIds?: readonly ExternalIdInput[] | null;
  /** Replace the whole set or object when given. */
  tags?: readonly string[] | null;
  metadata?: Record<string, unknown> | null;
  creditLimit?: Decimal | null;
}

export interface CustomerListArgs extends PageArgs {
  search?: string | null;
  /** Segments: README, Segments and lifecycle signals. */
  filter?: CustomerFilter | null;
}

export class CustomerService {
  constructor(private readonly ctx: ServiceContext) {}

  async create(input: CreateCustomerInput): Promise<Customer> {
    authorize(this.ctx.actor, 'customers:create');
    // Simulated time is staff's: a key that may not see test clocks may not put a customer on one.
    if (input.testClockId != null) authorize(this.ctx.actor, 'testClocks:read');
    // Terms are credit the seller gives: a key that may not change customers (a storefront signing one up) may not choose them.
    if (input.paymentTermsDays != null || input.paymentTermsEndOfMonth != null) authorize(this.ctx.actor, 'customers:write');
    // Credit control is the seller's finance staff's: a storefront signing a customer up may not set it.
    if (input.creditLimit != null) authorize(this.ctx.actor, 'customers:write');
    const { name, email, currency, externalIds, paymentTermsDays, purchaseOrderRequired } = parseInput(
      createCustomerSchema,
      input,
      'input',
    );
    const creditLimit = input.creditLimit == null ? null : parseCreditLimit(input.creditLimit, currency);
    const taxRate = checkTax(input.taxStatus, input.taxRate ?? null);
    const { billingAddress, vatId } = nextLegalIdentity(NO_LEGAL_IDENTITY, input, input.taxStatus, true);
    const tags = parseTags(input.tags ?? [], 'input.tags');
    const metadata: CustomerMetadata = parseMetadata(input.metadata ?? {}, 'input.metadata');
    return this.saving(externalIds, null, async (em) => {
      await assertExternalIdsFree(em, externalIds, null);
      const testClock = input.testClockId == null ? null : await findTestClock(em, input.testClockId);
      const defaults = await defaultPaymentTerms(em);
      const group = await nextHierarchy(
        em,
        this.ctx.actor,
        { id: null, currency, testClockId: testClock?.id ?? null, parent: null, invoiceTo: InvoiceRecipient.SELF },
        { parentId: input.parentId ?? undefined, invoiceTo: input.invoiceTo },
      );
      const now = this.ctx.clock.now();
      const customer = em.create(Customer, {
        ...group,
        name,
        email,
        currency,
        taxStatus: input.taxStatus,
        taxRate,
        billingAddress,
        vatId,
        invoiceDrafts: input.invoiceDrafts ?? false,
        purchaseOrderRequired,
        paymentTermsDays: paymentTermsDays ?? defaults.paymentTermsDays,
        paymentTermsEndOfMonth: input.paymentTermsEndOfMonth ?? defaults.paymentTermsEndOfMonth,
        creditLimit,
        testClock,
        tags,
        metadata,
        createdByKeyId: this.ctx.actor.role === Role.STOREFRONT ? this.ctx.actor.keyId : null,
        createdAt: now,
        updatedAt: now,
      });
      for (const x of externalIds) em.create(CustomerExternalId, { customer, system: x.system, externalId: x.id });
      await em.flush();
      await emitEvent(em, customerEvent('created', customer, now));
      return customer;
    });
  }

  async update(id: string, input: UpdateCustomerInput): Promise<Customer> {
    authorize(this.ctx.actor, 'customers:write');
    const { name, email, externalIds, paymentTermsDays, purchaseOrderRequired } = parseInput(updateCustomerSchema, input, 'input');
    const tags = input.tags == null ? undefined : parseTags(input.tags, 'input.tags');
    const metadata = input.metadata == null ? undefined : parseMetadata(input.metadata, 'input.metadata');
    return this.saving(externalIds ?? [], id, async (em) => {
      const customer = isId(id) ? await em.findOne(Customer, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
      if (!customer) throw new NotFoundError('customer', id, 'id');
      const taxStatus = input.taxStatus ?? customer.taxStatus;
      // Leaving TAXABLE drops the rate unless one is given (which checkTax then refuses).
      const keptRate = taxStatus === TaxStatus.TAXABLE ? customer.taxRate : null;
      customer.taxRate = checkTax(taxStatus, input.taxRate === undefined ? keptRate : input.taxRate);
      Object.assign(customer, nextLegalIdentity(customer, input, taxStatus, input.taxStatus != null));
      Object.assign(customer, await nextHierarchy(em, this.ctx.actor, { ...customer, testClockId: customer.testClock?.id ?? null }, input));
      customer.taxStatus = taxStatus;
      if (name !== undefined) customer.name = name;
      if (email !== undefined) customer.email = email;
      if (input.invoiceDrafts != null) customer.invoiceDrafts = input.invoiceDrafts;
      if (paymentTermsDays !== undefined) customer.paymentTermsDays = paymentTermsDays;
      if (purchaseOrderRequired !== undefined) customer.purchaseOrderRequired = purchaseOrderRequired;
      if (input.paymentTermsEndOfMonth != null) customer.paymentTermsEndOfMonth = input.paymentTermsEndOfMonth;
      // Below the current exposure is allowed: the customer is then over its limit (the list filter
      // finds it) and what would raise its exposure is refused until it pays.
      if (input.creditLimit !== undefined)
        customer.creditLimit = input.creditLimit === null ? null : parseCreditLimit(input.creditLimit, customer.currency);
      if (tags !== undefined) customer.tags = tags;
      if (metadata !== undefined) customer.metadata = metadata;
      if (externalIds) {
        await assertExternalIdsFree(em, externalIds, customer.id);
        await replaceExternalIds(em, customer, externalIds);
      }
      customer.updatedAt = this.ctx.clock.now();
      await em.flush();
      // Under the row lock taken above, so concurrent updates number their events in turn.
      await emitEvent(em, customerEvent('updated', customer, customer.updatedAt));
      return customer;
    });
  }

  async get(id: string): Promise<Customer | null> {
    authorize(this.ctx.actor, 'customers:read');
    const customer = isId(id) ? await this.ctx.em.findOne(Customer, { id }) : null;
    authorizeCustomer(this.ctx.actor, 'customers:read', customer ?? id);
    return customer;
  }

  /** As get(), read through the caller's loader so that many lookups in one tick are one query. */
  async getBatched(id: string, loader: BatchLoader<Customer>): Promise<Customer | null> {
    authorize(this.ctx.actor, 'customers:read');
    const customer = isId(id) ? await loader.load(id) : null;
    authorizeCustomer(this.ctx.actor, 'customers:read', customer ?? id);
    return customer;
  }

  async getByExternalId(system: string, externalId: string): Promise<Customer | null> {
    authorize(this.ctx.actor, 'customers:read');
    if (hasNul(system) || hasNul(externalId)) return null;
    const row = await this.ctx.em.findOne(CustomerExternalId, { system, externalId }, { populate: ['customer'] });
    if (!row) return null;
    authorizeCustomer(this.ctx.actor, 'customers:read', row.customer);
    return row.customer;
  }

  /**
   * The group around a customer the caller already reads: its parent, its children, its payer.
   * Each is shown only when the key may see it (a CUSTOMER key sees its own account only: a
   * plant's key learns nothing of the holding but that it is billed elsewhere).
   */
  async parentOf(customer: Customer): Promise<Customer | null> {
    if (!customer.parent) return null;
    const parent = await this.ctx.em.findOne(Customer, { id: customer.parent.id });
    return parent && mayAccessCustomer(this.ctx.actor, parent) ? parent : null;
  }

  async childrenOf(customer: Customer): Promise<Customer[]> {
    const children = await this.ctx.em.find(Customer, { parent: customer.id }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    return children.filter((c) => mayAccessCustomer(this.ctx.actor, c));
  }

  async payerOf(customer: Customer): Promise<Customer | null> {
    const payerId = (await payersOf(this.ctx.em, [customer.id])).get(customer.id)!;
    if (payerId === customer.id) return customer;
    const payer = await this.ctx.em.findOne(Customer, { id: payerId });
    return payer && mayAccessCustomer(this.ctx.actor, payer) ? payer : null;
  }

  /** Oldest first; a CUSTOMER key sees only its own customer. */
  async list(args: CustomerListArgs): Promise<Page<Customer>> {
    authorize(this.ctx.actor, 'customers:read');
    if (args.filter) {
      const { after, search } = args;
      if (after) checkedAfter(after);
      return listCustomersByFilter(this.ctx.em, {
        first: args.first,
        after,
        search: parseInput(customerSearch, search, 'search'),
        filter: args.filter,
        scope: customerScope(this.ctx.actor),
        now: this.ctx.clock.now(),
      });
    }
    const size = pageSize(args.first);
    const where: FilterQuery<Customer>[] = [checkedAfter(args.after) as FilterQuery<Customer>];
    const scope = customerCondition(this.ctx.actor);
    if (scope) where.push(scope);
    const search = parseInput(customerSearch, args.search, 'search');
    if (search) {
      const pattern = `%${escapeLike(search)}%`;
      where.push({ $or: [{ name: { $ilike: pattern } }, { email: { $ilike: pattern } }] });
    }
    const rows = await this.ctx.em.find(Customer, { $and: where }, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: size + 1 });
    return toPage(rows, size);
  }

  /**
   * The check before insert names the offending id; the unique constraint is what actually
   * guarantees uniqueness when two requests race, so its violation is a CONFLICT too.
   */
  private async saving<T>(
    externalIds: readonly ExternalIdInput[],
    selfId: string | null,
    work: (em: EntityManager) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.ctx.em.transactional(work);
    } catch (err) {
      if (!(err instanceof UniqueConstraintViolationException)) throw err;
      // The transaction is over, so another query is safe here (also on PGlite).
      const i = await findTakenExternalId(this.ctx.em.fork(), externalIds, selfId);
      const field = i >= 0 ? `input.externalIds[${i}]` : 'input.externalIds';
      throw new ConflictError('an external id belongs to another customer', { field });
    }
  }
}

/**
 * Only cursors we wrote reach the query: a forged one that decodes could still fail in
 * PostgreSQL (a non-uuid id, a year it cannot store) instead of as bad input.
 */
function checkedAfter(after: string | null | undefined): Record<string, unknown> {
  if (after) {
    const { id, createdAt } = decodeCursor(after);
    const year = createdAt.getUTCFullYear();
    if (!isId(id) || year < 1 || year > 9999) throw new InvalidInputError('after', 'invalid cursor');
  }
  return afterCursor(after);
}

/** The index of the first id some other customer holds, or -1. */
async function findTakenExternalId(em: EntityManager, ids: readonly ExternalIdInput[], selfId: string | null): Promise<number> {
  if (ids.length === 0) return -1;
  const rows = await em.find(CustomerExternalId, { $or: ids.map((x) => ({ system: x.system, externalId: x.id })) });
  const taken = new Set(rows.filter((r) => r.customer.id !== selfId).map((r) => externalKey(r.system, r.externalId)));
  return ids.findIndex((x) => taken.has(externalKey(x.system, x.id)));
}

async function assertExternalIdsFree(em: EntityManager, ids: readonly ExternalIdInput[], selfId: string | null): Promise<void> {
  const i = await findTakenExternalId(em, ids, selfId);
  if (i >= 0) {
    throw new ConflictError(`${ids[i].system} id '${ids[i].id}' belongs to another customer`, { field: `input.externalIds[${i}]` });
  }
}

/**
 * Keeps the rows that stay, so an unchanged id is not deleted and re-inserted in one flush
 * (the insert could run first and trip the unique constraint).
 */
async function replaceExternalIds(em: EntityManager, customer: Customer, ids: readonly ExternalIdInput[]): Promise<void> {
  await customer.externalIds.init();
  const wanted = new Map(ids.map((x) => [externalKey(x.system, x.id), x]));
  for (const row of customer.externalIds.getItems()) {
    if (!wanted.delete(externalKey(row.system, row.externalId))) customer.externalIds.remove(row);
  }
  for (const x of wanted.values()) em.create(CustomerExternalId, { customer, system: x.system, externalId: x.id });
}

async function findTestClock(em: EntityManager, id: string): Promise<TestClock> {
  const clock = isId(id) ? await em.findOne(TestClock, { id }) : null;
  if (!clock) throw new InvalidInputError('input.testClockId', `test clock '${id.slice(0, 60)}' not found`);
  return clock;
}

/** PostgreSQL's LIKE escapes with a backslash by default. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
