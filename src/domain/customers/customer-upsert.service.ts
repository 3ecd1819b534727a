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
import { defaultPaymentTerms } from '../settings/seller-settings.service';
import type { ServiceContext } from '../shared/service-context';
import { parseInput } from '../shared/input-schema';
import { Subscription } from '../subscriptions/subscription.entity';
import { CustomerMetadata, parseMetadata, parseTags, sameMetadata, sameTags } from '../segments/customer-segment-fields';
import { sameAddress, type Address } from './customer-address';
import { CustomerExternalId } from './customer-external-id.entity';
import { LegalIdentity, LegalIdentityInput, nextLegalIdentity, NO_LEGAL_IDENTITY } from './customer-legal-identity';
import { Customer, InvoiceRecipient, TaxStatus } from './customer.entity';
import { HierarchyInput, nextHierarchy } from './customer-hierarchy';
import { checkTax, upsertCustomerSchema } from './customer.schema';
import { parseCreditLimit } from './credit-limit';

/**
 * The whole state a sync knows of a customer, keyed by its id in that system. `billingAddress`
 * and `vatId`: absent or null is kept (none for a new customer), as a sync may not hold them.
 */
export interface UpsertCustomerInput extends LegalIdentityInput, HierarchyInput {
  externalId: ExternalIdInput;
  name: string;
  email: string;
  currency: string;
  taxStatus: TaxStatus;
  taxRate?: Decimal | null;
  /** Absent: kept (false for a new customer). */
  invoiceDrafts?: boolean | null;
  /** Absent: kept (false for a new customer). */
  purchaseOrderRequired?: boolean | null;
  /** Absent: kept (the seller's default terms for a new customer). */
  paymentTermsDays?: number | null;
  paymentTermsEndOfMonth?: boolean | null;
  /** Absent: kept (none for a new customer); given: the whole set or object. */
  tags?: readonly string[] | null;
  metadata?: Record<string, unknown> | null;
  /**
   * Absent or null: kept (no limit for a new customer), as for the address: a sync that does not
   * hold credit limits must not lift one the seller set. updateCustomer with null lifts it.
   */
  creditLimit?: Decimal | null;
}

interface CustomerFields {
  name: string;
  email: string;
  currency: string;
  taxStatus: TaxStatus;
  taxRate: Decimal | null;
  invoiceDrafts?: boolean;
  purchaseOrderRequired?: boolean;
  paymentTermsDays?: number;
  paymentTermsEndOfMonth?: boolean;
  tags?: string[];
  metadata?: CustomerMetadata;
  billingAddress?: Address | null;
  vatId?: string | null;
  creditLimit?: Decimal | null;
}

/**
 * `upsertCustomer`: what an ERP or CRM sync calls for every record it holds, as often as it
 * likes. It writes only what differs, so a replay writes nothing at all: same `updatedAt`.
 */
export class CustomerUpsertService {
  constructor(private readonly ctx: ServiceContext) {}

  async upsert(input: UpsertCustomerInput): Promise<Upserted<Customer>> {
    authorize(this.ctx.actor, 'customers:write');
    const {
      externalId: key,
      name,
      email,
      currency,
      paymentTermsDays,
      purchaseOrderRequired,
    } = parseInput(upsertCustomerSchema, input, 'input');
    const wanted: CustomerFields = {
      name,
      email,
      currency,
      taxStatus: input.taxStatus,
      taxRate: checkTax(input.taxStatus, input.taxRate ?? null),
      ...(input.invoiceDrafts == null ? {} : { invoiceDrafts: input.invoiceDrafts }),
      ...(purchaseOrderRequired === undefined ? {} : { purchaseOrderRequired }),
      ...(paymentTermsDays === undefined ? {} : { paymentTermsDays }),
      ...(input.paymentTermsEndOfMonth == null ? {} : { paymentTermsEndOfMonth: input.paymentTermsEndOfMonth }),
      ...(input.tags == null ? {} : { tags: parseTags(input.tags, 'input.tags') }),
      ...(input.metadata == null ? {} : { metadata: parseMetadata(input.metadata, 'input.metadata') }),
    };
    const given: LegalIdentityInput = { billingAddress: input.billingAddress ?? undefined, vatId: input.vatId ?? undefined };
    const identity = (current: LegalIdentity, touchesTax: boolean): LegalIdentity =>
      nextLegalIdentity(current, given, wanted.taxStatus, touchesTax);
    // Checked against the currency the customer has after the upsert, the kept limit too: its
    // minor unit may differ from the old currency's.
    const credit = (current: Decimal | null): Pick<CustomerFields, 'creditLimit'> => {
      const limit = input.creditLimit ?? current;
      return limit === null ? {} : { creditLimit: parseCreditLimit(limit, currency) };
    };
    return upsertTransaction(
      this.ctx.em,
      async (em) => {
        const row = await em.findOne(CustomerExternalId, { system: key.system, externalId: key.id });
        const now = this.ctx.clock.now();
        // parentId: absent or null is kept (none for a new customer), as for the other fields a sync may not hold.
        const groupInput: HierarchyInput = { parentId: input.parentId ?? undefined, invoiceTo: input.invoiceTo };
        if (!row) {
          const group = await nextHierarchy(
            em,
            this.ctx.actor,
            { id: null, currency, testClockId: null, parent: null, invoiceTo: InvoiceRecipient.SELF },
            groupInput,
          );
          const customer = em.create(Customer, {
            ...(await defaultPaymentTerms(em)),
            ...wanted,
            ...group,
            ...identity(NO_LEGAL_IDENTITY, true),
            ...credit(null),
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
        const changes = changesOf(customer, {
          ...wanted,
          ...identity(customer, customer.taxStatus !== wanted.taxStatus),
          ...credit(customer.creditLimit),
        });
        const group = await nextHierarchy(
          em,
          this.ctx.actor,
          { ...customer, currency, testClockId: customer.testClock?.id ?? null },
          groupInput,
        );
        const groupChanged = group.parent?.id !== customer.parent?.id || group.invoiceTo !== customer.invoiceTo;
        // A replay writes nothing: no row, no updatedAt, no event.
        if (Object.keys(changes).length === 0 && !groupChanged) return { record: customer, outcome: UpsertOutcome.UNCHANGED };
        if (changes.currency !== undefined) await assertCurrencyUnused(em, customer);
        // Not em.assign: its type check takes a Decimal column (taxRate, creditLimit) for a string one and refuses the Decimal.
        Object.assign(customer, changes, groupChanged ? group : {}, { updatedAt: now });
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
  if (wanted.purchaseOrderRequired !== undefined && customer.purchaseOrderRequired !== wanted.purchaseOrderRequired)
    out.purchaseOrderRequired = wanted.purchaseOrderRequired;
  if (wanted.paymentTermsDays !== undefined && customer.paymentTermsDays !== wanted.paymentTermsDays)
    out.paymentTermsDays = wanted.paymentTermsDays;
  if (wanted.paymentTermsEndOfMonth !== undefined && customer.paymentTermsEndOfMonth !== wanted.paymentTermsEndOfMonth)
    out.paymentTermsEndOfMonth = wanted.paymentTermsEndOfMonth;
  if (wanted.tags !== undefined && !sameTags(customer.tags, wanted.tags)) out.tags = wanted.tags;
  if (wanted.billingAddress !== undefined && !sameAddress(customer.billingAddress, wanted.billingAddress))
    out.billingAddress = wanted.billingAddress;
  if (wanted.vatId !== undefined && customer.vatId !== wanted.vatId) out.vatId = wanted.vatId;
  if (wanted.metadata !== undefined && !sameMetadata(customer.metadata, wanted.metadata)) out.metadata = wanted.metadata;
  // By value, as the rate: "5000" is the limit "5000.00" already stored.
  if (wanted.creditLimit != null && !(customer.creditLimit !== null && customer.creditLimit.eq(wanted.creditLimit)))
    out.creditLimit = wanted.creditLimit;
  return out;
}

/**
 * updateCustomer never changes a currency; a sync may, until anything is priced in it:
 * subscriptions, invoices, contracts and quotes all hold amounts in the customer's currency.
 */
async function assertCurrencyUnused(em: EntityManager, customer: Customer): Promise<void> {
  const where = { customer: customer.id };
  // A group has one currency (customer-hierarchy.ts).
  if (customer.parent || (await em.count(Customer, { parent: customer.id })) > 0) {
    throw new ConflictError(`customer ${customer.id} is in a company group billed in ${customer.currency}: its currency cannot change`, {
      field: 'input.currency',
    });
  }
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
