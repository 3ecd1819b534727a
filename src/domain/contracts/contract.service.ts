import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Decimal } from '../../pricing/decimal';
import { parseContractItem, priceReferences, PriceSnapshot, validatePriceReferences } from '../../pricing/engine';
import { PricingInputError, withPathPrefix } from '../../pricing/errors';
import { authorize, authorizeCustomer } from '../auth/actor';
import { Price } from '../catalog/price.entity';
import { loadPriceClosure, toSnapshot } from '../catalog/price-snapshot';
import { Customer } from '../customers/customer.entity';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors';
import { emitEvent } from '../events/emit-event';
import { contractEvent } from '../events/event-payloads';
import { isId } from '../shared/ids';
import type { ServiceContext } from '../shared/service-context';
import { containsNul, parseInput } from '../shared/input-schema';
import { createContractSchema } from './contract.schema';
import { ContractItem } from './contract-item.entity';
import { Contract } from './contract.entity';

export interface ContractItemInput {
  priceCode: string;
  override?: Record<string, unknown> | null;
  discountPercent?: Decimal | null;
}

export interface CreateContractInput {
  customerId: string;
  code: string;
  startsAt: Date;
  endsAt?: Date | null;
  minimumCommitment?: Decimal | null;
  items: readonly ContractItemInput[];
}

/** Batches contract reads per customer (the GraphQL layer passes its DataLoader). */
export interface ContractsByCustomer {
  load(customerId: string): Promise<Contract[]>;
}

export class ContractService {
  constructor(private readonly ctx: ServiceContext) {}

  async create(input: CreateContractInput): Promise<Contract> {
    authorize(this.ctx.actor, 'contracts:write');
    const { code, startsAt, endsAt, minimumCommitment, items } = parseInput(createContractSchema, input, 'input');

    try {
      return await this.ctx.em.transactional(async (em) => {
        // The lock serializes contract writes per customer, so two overlapping contracts
        // cannot both pass the overlap check below.
        const customer = isId(input.customerId)
          ? await em.findOne(Customer, { id: input.customerId }, { lockMode: LockMode.PESSIMISTIC_WRITE })
          : null;
        if (!customer) throw new NotFoundError('customer', input.customerId, 'input.customerId');
        await validateItems(em, customer, items);
        if (await em.count(Contract, { customer, code })) {
          throw new ConflictError(`customer ${customer.id} already has a contract '${code}'`, { field: 'input.code' });
        }
        await assertNoOverlap(em, customer, items, startsAt, endsAt);
        const contract = em.create(Contract, { customer, code, startsAt, endsAt, minimumCommitment, createdAt: this.ctx.clock.now() });
        for (const item of items) {
          em.create(ContractItem, {
            contract,
            customer,
            priceCode: item.priceCode,
            override: item.override ?? null,
            discountPercent: item.discountPercent ?? null,
          });
        }
        await em.flush();
        await emitEvent(em, contractEvent('created', contract, contract.createdAt));
        return contract;
      });
    } catch (err) {
      // (customer, code) is the only unique key here: a concurrent create won the race.
      if (err instanceof UniqueConstraintViolationException) {
        throw new ConflictError(`the customer already has a contract '${code}'`, { field: 'input.code' });
      }
      throw err;
    }
  }

  async get(id: string): Promise<Contract | null> {
    authorize(this.ctx.actor, 'contracts:read');
    if (!isId(id)) return null;
    const contract = await this.ctx.em.findOne(Contract, { id }, { populate: ['items'] });
    if (!contract) return null;
    authorizeCustomer(this.ctx.actor, 'contracts:read', contract.customer.id);
    return contract;
  }

  /** Every contract of the customer, in the order they start. */
  async listForCustomer(customerId: string, loader: ContractsByCustomer): Promise<Contract[]> {
    authorizeCustomer(this.ctx.actor, 'contracts:read', customerId);
    return loader.load(customerId);
  }
}

/** Each item names a current price in the customer's currency, and fits that price's kind. */
async function validateItems(em: EntityManager, customer: Customer, items: readonly ContractItemInput[]): Promise<void> {
  const prices = await em.find(Price, { code: { $in: items.map((x) => x.priceCode) }, isCurrent: true });
  const byCode = new Map(prices.map((p) => [p.code, p]));
  const referencing: { i: number; snapshot: PriceSnapshot }[] = [];
  items.forEach((item, i) => {
    const field = `input.items[${i}]`;
    const price = byCode.get(item.priceCode);
    if (!price) throw new InvalidInputError(`${field}.priceCode`, `unknown price '${item.priceCode.slice(0, 100)}'`);
    if (price.currency !== customer.currency) {
      throw new InvalidInputError(
        `${field}.priceCode`,
        `price '${price.code}' is in ${price.currency}; the customer is billed in ${customer.currency}`,
      );
    }
    const parsed = withPathPrefix(field, () => parseContractItem(price.ruleKind, itemJson(item)));
    // jsonb refuses "\u0000"; checked after parsing, which bounds the depth to the config's shape.
    if (containsNul(item.override)) throw new InvalidInputError(`${field}.override`, 'must not contain NUL characters');
    if (parsed.override === undefined) return;
    const { code, currency, interval, intervalCount } = price;
    const snapshot: PriceSnapshot = { code, currency, interval, intervalCount, rule: { kind: price.ruleKind, config: parsed.override } };
    if (priceReferences(snapshot).length > 0) referencing.push({ i, snapshot });
  });
  await validateOverrideReferences(em, referencing);
}

/**
 * An override of a bundle names its own components; they must exist, in the same currency and
 * without a cycle, as createPrice demands of a catalog bundle, or every quote would fail later.
 */
async function validateOverrideReferences(em: EntityManager, overrides: readonly { i: number; snapshot: PriceSnapshot }[]): Promise<void> {
  if (overrides.length === 0) return;
  const closure = await loadPriceClosure(
    em,
    overrides.flatMap((o) => priceReferences(o.snapshot)),
  );
  const resolve = (code: string) => {
    const price = closure.get(code);
    return price ? toSnapshot(price) : undefined;
  };
  for (const { i, snapshot } of overrides) {
    try {
      validatePriceReferences(snapshot, resolve);
    } catch (err) {
      if (err instanceof PricingInputError)
        throw new InvalidInputError(`input.items[${i}].override`, err.issues[0]?.message ?? err.message);
      throw err;
    }
  }
}

/** The item as the engine's parser reads it: JSON, with the discount as a decimal string. */
function itemJson(item: ContractItemInput): Record<string, unknown> {
  return {
    ...(item.override != null ? { override: item.override } : {}),
    ...(item.discountPercent != null ? { discountPercent: item.discountPercent.toFixed() } : {}),
  };
}

/**
 * Two contracts of one customer may not price the same code at the same instant: validity is
 * half-open [startsAt, endsAt), a null end is open-ended, so they overlap when each starts
 * before the other ends.
 */
async function assertNoOverlap(
  em: EntityManager,
  customer: Customer,
  items: readonly ContractItemInput[],
  startsAt: Date,
  endsAt: Date | null,
): Promise<void> {
  const clash = await em.findOne(
    ContractItem,
    {
      customer,
      priceCode: { $in: items.map((x) => x.priceCode) },
      contract: {
        ...(endsAt !== null ? { startsAt: { $lt: endsAt } } : {}),
        $or: [{ endsAt: null }, { endsAt: { $gt: startsAt } }],
      },
    },
    { populate: ['contract'], orderBy: { contract: { startsAt: 'asc' } } },
  );
  if (!clash) return;
  const other = clash.contract;
  const i = items.findIndex((x) => x.priceCode === clash.priceCode);
  const until = other.endsAt ? other.endsAt.toISOString() : 'open-ended';
  throw new ConflictError(
    `contract ${other.code} already prices '${clash.priceCode}' over an overlapping period (${other.startsAt.toISOString()} to ${until})`,
    { field: `input.items[${i}].priceCode`, details: { contractId: other.id, contractCode: other.code } },
  );
}
