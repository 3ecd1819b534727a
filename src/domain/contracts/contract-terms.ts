import type { EntityManager } from '@mikro-orm/postgresql';
import { ContractItemTerms, ContractTerms, parseContractItem } from '../../pricing/engine';
import { PricingInputError } from '../../pricing/errors';
import { Price } from '../catalog/price.entity';
import { Contract } from './contract.entity';
import type { ContractItem } from './contract-item.entity';

/**
 * A customer's contracts as the engine prices with them (all of them: the engine picks those in
 * force at the document's instant). Overrides are parsed against the kind of the price's
 * current version, since that is the version a line is priced at.
 */
export async function contractTermsFor(em: EntityManager, customerId: string): Promise<ContractTerms[]> {
  const contracts = await em.find(Contract, { customer: customerId }, { populate: ['items'], strategy: 'joined', orderBy: { startsAt: 'asc', id: 'asc' } });
  const codes = [...new Set(contracts.flatMap((c) => c.items.getItems().map((item) => item.priceCode)))];
  // Whole rows, not `fields`: a partly loaded Price would stay in the identity map for callers
  // that go on to price with it.
  const prices = codes.length === 0 ? [] : await em.find(Price, { code: { $in: codes }, isCurrent: true });
  const kinds = new Map(prices.map((p) => [p.code, p.ruleKind]));
  return contracts.map((contract) => ({
    code: contract.code,
    startsAt: contract.startsAt,
    endsAt: contract.endsAt,
    minimumCommitment: contract.minimumCommitment,
    items: contract.items.getItems().map((item) => itemTerms(contract, item, kinds.get(item.priceCode))),
  }));
}

/**
 * The item was valid for the price's kind when the contract was made; a later price version
 * of another kind can make it invalid, which is a problem of the data, reported as input.
 */
function itemTerms(contract: Contract, item: ContractItem, kind: string | undefined): ContractItemTerms {
  const where = `contract ${contract.code}, item '${item.priceCode}'`;
  if (kind === undefined) throw PricingInputError.at('contracts', `${where}: the price no longer exists`);
  const json = {
    ...(item.override !== null ? { override: item.override } : {}),
    ...(item.discountPercent !== null ? { discountPercent: item.discountPercent.toFixed() } : {}),
  };
  try {
    return { priceCode: item.priceCode, ...parseContractItem(kind, json) };
  } catch (err) {
    if (!(err instanceof PricingInputError)) throw err;
    throw new PricingInputError(
      err.issues.map((issue) => ({ path: 'contracts', message: `${where} no longer fits its ${kind} price: ${issue.path} ${issue.message}` })),
    );
  }
}
