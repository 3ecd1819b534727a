import type { EntityManager } from '@mikro-orm/postgresql';
import { Decimal } from '../../pricing/decimal';
import { ContractItemTerms, ContractTerms, parseContractItem } from '../../pricing/engine';
import { PricingInputError } from '../../pricing/errors';
import { TaxStatus } from '../customers/customer.entity';

interface TermRow {
  currency: string;
  tax_status: TaxStatus;
  tax_rate: string | null;
  contract_id: string | null;
  code: string;
  starts_at: Date;
  ends_at: Date | null;
  minimum_commitment: string | null;
  item_id: string | null;
  price_code: string | null;
  override: Record<string, unknown> | null;
  discount_percent: string | null;
  /** The kind of the price's current version; null when the price no longer exists. */
  kind: string | null;
}

/** What pricing a document for a customer needs: its currency, tax and contracts. */
export interface PricingCustomer {
  id: string;
  currency: string;
  taxStatus: TaxStatus;
  taxRate: Decimal | null;
  contracts: ContractTerms[];
}

// Contract items are never edited, so an item parsed for a price kind stays parsed.
const parsedItems = new Map<string, ContractItemTerms>();
const CACHE_LIMIT = 50_000;

/**
 * A customer with its contracts as the engine prices with them (all of them: the engine picks
 * those in force at the document's instant), or null. Overrides are parsed against the kind of
 * the price's current version, since that is the version a line is priced at. One query and
 * plain rows: this runs for every quote preview and every invoice.
 */
export async function pricingCustomer(em: EntityManager, customerId: string): Promise<PricingCustomer | null> {
  return (await pricingCustomers(em, [customerId])).get(customerId) ?? null;
}

/** The same for many customers in one query (the billing run prices a batch of them). */
export async function pricingCustomers(em: EntityManager, customerIds: readonly string[]): Promise<Map<string, PricingCustomer>> {
  const found = new Map<string, PricingCustomer>();
  if (customerIds.length === 0) return found;
  const rows = await em.execute<(TermRow & { customer_id: string })[]>(
    `select cu.id as customer_id, cu.currency, cu.tax_status, cu.tax_rate,
            c.id as contract_id, c.code, c.starts_at, c.ends_at, c.minimum_commitment,
            i.id as item_id, i.price_code, i.override, i.discount_percent, p.rule_kind as kind
       from customer cu
       left join contract c on c.customer_id = cu.id
       left join contract_item i on i.contract_id = c.id
       left join price p on p.code = i.price_code and p.is_current
      where cu.id in (?)
      order by cu.id, c.starts_at, c.id, i.price_code`,
    [[...new Set(customerIds)]],
  );
  const contracts = new Map<string, ContractTerms & { items: ContractItemTerms[] }>();
  for (const row of rows) {
    let customer = found.get(row.customer_id);
    if (!customer) {
      const { currency, tax_status: taxStatus, tax_rate: taxRate } = row;
      customer = { id: row.customer_id, currency, taxStatus, taxRate: taxRate === null ? null : new Decimal(taxRate), contracts: [] };
      found.set(row.customer_id, customer);
    }
    if (row.contract_id === null) continue;
    let contract = contracts.get(row.contract_id);
    if (!contract) {
      contract = {
        code: row.code,
        startsAt: new Date(row.starts_at),
        endsAt: row.ends_at === null ? null : new Date(row.ends_at),
        minimumCommitment: row.minimum_commitment === null ? null : new Decimal(row.minimum_commitment),
        items: [],
      };
      contracts.set(row.contract_id, contract);
      customer.contracts.push(contract);
    }
    if (row.item_id !== null) contract.items.push(itemTerms(row));
  }
  return found;
}

/** A customer's contracts as the engine prices with them; none for an unknown customer. */
export async function contractTermsFor(em: EntityManager, customerId: string): Promise<ContractTerms[]> {
  return (await pricingCustomer(em, customerId))?.contracts ?? [];
}

/**
 * The item was valid for the price's kind when the contract was made; a later price version
 * of another kind can make it invalid, which is a problem of the data, reported as input.
 */
function itemTerms(row: TermRow): ContractItemTerms {
  const priceCode = row.price_code!;
  const where = `contract ${row.code}, item '${priceCode}'`;
  if (row.kind === null) throw PricingInputError.at('contracts', `${where}: the price no longer exists`);
  const cacheKey = `${row.item_id}:${row.kind}`;
  const cached = parsedItems.get(cacheKey);
  if (cached) return cached;
  const json = {
    ...(row.override !== null ? { override: row.override } : {}),
    ...(row.discount_percent !== null ? { discountPercent: new Decimal(row.discount_percent).toFixed() } : {}),
  };
  let terms: ContractItemTerms;
  try {
    terms = { priceCode, ...parseContractItem(row.kind, json) };
  } catch (err) {
    if (!(err instanceof PricingInputError)) throw err;
    throw new PricingInputError(
      err.issues.map((issue) => ({
        path: 'contracts',
        message: `${where} no longer fits its ${row.kind} price: ${issue.path} ${issue.message}`,
      })),
    );
  }
  if (parsedItems.size >= CACHE_LIMIT) parsedItems.clear();
  parsedItems.set(cacheKey, terms);
  return terms;
}
