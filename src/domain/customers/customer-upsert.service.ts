import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Decimal } from '../../pricing/decimal';
import { authorize } from '../auth/actor';
import { Contract } from '../contracts/contract.entity';
import { ConflictError } from '../errors';
import { emitEvent } from '../events/emit-event';
import { customerEvent } from '../events/event-payloads';
import type { ExternalIdInput } from '../external-ids/external-id-input';
import { Upserted, UpsertOutcome, upsertTransaction } from '../external-ids/upsert';
import { Invoice } from '../invoices/invoice.entity';
import { Quote } from '../quotes/quote.entity';
import type { ServiceContext } from '../shared/service-context';
import { parseInput } from '../shared/input-schema';
import { Subscription } from '../subscriptions/subscription.entity';
import { CustomerMetadata, parseMetadata, parseTags, sameMetadata, sameTags } from '../segments/customer-segment-fields';
import { sameAddress, type Address } from './customer-address';
import { CustomerExternalId } from './customer-external-id.entity';
import { LegalIdentity, LegalIdentityInput, nextLegalIdentity, NO_LEGAL_IDENTITY } from './customer-legal-identity';
import { Customer, TaxStatus } from './customer.entity';
import { checkTax, upsertCustomerSchema } from './customer.schema';

/**
 * The whole state a sync knows of a customer, keyed by its id in that system. `billingAddress`
 * and `vatId`: absent or null is kept (none for a new customer), as a sync may not hold them.
 */
export interface UpsertCustomerInput extends LegalIdentityInput {
  externalId: ExternalIdInput;
  name: string;
  email: string;
  currency: string;
  taxStatus: TaxStatus;
  taxRate?: Decimal | null;
  /** Absent: kept (false for a new customer). */
  invoiceDrafts?: boolean | null;
  /** Absent: kept (none for a new customer); given: the whole set or object. */
  tags?: readonly string[] | null;
  metadata?: Record<string, unknown> | null;
}

interface CustomerFields {
  name: string;
  email: string;
  currency: string;
  taxStatus: TaxStatus;
  taxRate: Decimal | null;
  invoiceDrafts?: boolean;
  tags?: string[];
  metadata?: CustomerMetadata;
  billingAddress?: Address | null;
  vatId?: string | null;
}

/**
 * `upsertCustomer`: what an ERP or CRM sync calls for every record it holds, as often as it
 * likes. It writes only what differs, so a replay writes nothing at all: same `updatedAt`.
 */
export class CustomerUpsertService {
  constructor(private readonly ctx: ServiceContext) {}

  async upsert(input: UpsertCustomerInput): Promise<Upserted<Customer>> {
    authorize(this.ctx.actor, 'customers:write');
    const { externalId: key, name, email, currency } = parseInput(upsertCustomerSchema, input, 'input');
    const wanted: CustomerFields = {
      name,
      email,
      currency,
      taxStatus: input.taxStatus,
      taxRate: checkTax(input.taxStatus, input.taxRate ?? null),
      ...(input.invoiceDrafts == null ? {} : { invoiceDrafts: input.invoiceDrafts }),
      ...(input.tags == null ? {} : { tags: parseTags(input.tags, 'input.tags') }),
      ...(input.metadata == null ? {} : { metadata: parseMetadata(input.metadata, 'input.metadata') }),
    };
    const given: LegalIdentityInput = { billingAddress: input.billingAddress ?? undefined, vatId: input.vatId ?? undefined };
    const identity = (current: LegalIdentity, touchesTax: boolean): LegalIdentity =>
      nextLegalIdentity(current, given, wanted.taxStatus, touchesTax);
    return upsertTransaction(
      this.ctx.em,
      async (em) => {
        const row = await em.findOne(CustomerExternalId, { system: key.system, externalId: key.id });
        const now = this.ctx.clock.now();
        if (!row) {
          const customer = em.create(Customer, {
            ...wanted,
            ...identity(NO_LEGAL_IDENTITY, true),
            testClock: null,
            createdAt: now,
            updatedAt: now,
          });
          em.create(CustomerExternalId, { customer, system: key.system, externalId: key.id });
          await em.flush();
          await emitEvent(em, customerEvent('created', customer, now));
          return { record: customer, outcome: UpsertOutcome.CREATED };
        }
        const customer = await em.findOneOrFail(Customer, { id: row.customer.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        const changes = changesOf(customer, { ...wanted, ...identity(customer, customer.taxStatus !== wanted.taxStatus) });
        // A replay writes nothing: no row, no updatedAt, no event.
        if (Object.keys(changes).length === 0) return { record: customer, outcome: UpsertOutcome.UNCHANGED };
        if (changes.currency !== undefined) await assertCurrencyUnused(em, customer);
        em.assign(customer, { ...changes, updatedAt: now });
        await em.flush();
        await emitEvent(em, customerEvent('updated', customer, now));
        return { record: customer, outcome: UpsertOutcome.UPDATED };
      },
      'input.externalId',
    );
  }
}

function changesOf(customer: Customer, wanted: CustomerFields): Partial<CustomerFields> {
  const out: Partial<CustomerFields> = {};
  if (customer.name !== wanted.name) out.name = wanted.name;
  if (customer.email !== wanted.email) out.email = wanted.email;
  if (customer.currency !== wanted.currency) out.currency = wanted.currency;
  if (customer.taxStatus !== wanted.taxStatus) out.taxStatus = wanted.taxStatus;
  // By value: "19.50" is the rate "19.5" already stored.
  const sameRate =
    customer.taxRate === null || wanted.taxRate === null ? customer.taxRate === wanted.taxRate : customer.taxRate.eq(wanted.taxRate);
  if (!sameRate) out.taxRate = wanted.taxRate;
  if (wanted.invoiceDrafts !== undefined && customer.invoiceDrafts !== wanted.invoiceDrafts) out.invoiceDrafts = wanted.invoiceDrafts;
  if (wanted.tags !== undefined && !sameTags(customer.tags, wanted.tags)) out.tags = wanted.tags;
  if (wanted.billingAddress !== undefined && !sameAddress(customer.billingAddress, wanted.billingAddress))
    out.billingAddress = wanted.billingAddress;
  if (wanted.vatId !== undefined && customer.vatId !== wanted.vatId) out.vatId = wanted.vatId;
  if (wanted.metadata !== undefined && !sameMetadata(customer.metadata, wanted.metadata)) out.metadata = wanted.metadata;
  return out;
}

/**
 * updateCustomer never changes a currency; a sync may, until anything is priced in it:
 * subscriptions, invoices, contracts and quotes all hold amounts in the customer's currency.
 */
async function assertCurrencyUnused(em: EntityManager, customer: Customer): Promise<void> {
  const where = { customer: customer.id };
  for (const [entity, what] of [
    [Subscription, 'subscriptions'],
    [Invoice, 'invoices'],
    [Contract, 'contracts'],
    [Quote, 'quotes'],
  ] as const) {
    if ((await em.count(entity, where)) > 0) {
      throw new ConflictError(`customer ${customer.id} has ${what} in ${customer.currency}: its currency cannot change`, {
        field: 'input.currency',
      });
    }
  }
}
