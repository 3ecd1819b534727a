import type { EntityManager } from '@mikro-orm/postgresql';
import { priceDocument, priceReferences, PricedDocument, ContractTerms, CouponTerms, TaxTreatment } from '../../pricing';
import { withPathPrefix } from '../../pricing/errors';
import type { Decimal } from '../../pricing/decimal';
import { PriceStatus } from '../catalog/price.entity';
import { currentPriceClosure, customerForPricing } from '../catalog/catalog-cache';
import { CatalogPrice, toSnapshot } from '../catalog/price-snapshot';
import { taxOf } from '../customers/customer-tax';
import { InvalidInputError, NotFoundError } from '../errors';
import { isId } from '../shared/ids';
import { requireAtMost, requireCurrency } from '../shared/validate';

export const MAX_QUOTE_LINES = 200;

export interface QuoteLineInput {
  priceCode: string;
  quantity: Decimal;
}

export interface QuotePricingInput {
  /** Its contracts and tax apply when given. */
  customerId?: string | null;
  currency: string;
  /** Which contracts are in force. */
  at: Date;
  lines: readonly QuoteLineInput[];
  /** The coupon the quote offers: priced as the first invoice will be (README, Coupons). */
  coupon?: CouponTerms | null;
}

export interface PricedQuote {
  document: PricedDocument;
  /** The price version each line was priced at, in line order: what a sent quote freezes. */
  prices: CatalogPrice[];
}

/**
 * Prices quote lines at the current price versions, with the customer's contracts and tax: the
 * one pricing of a quote, shared by previewQuote and sendQuote so a sent quote shows exactly
 * what the preview showed. Errors name `input.*` fields.
 */
export async function priceQuoteDocument(em: EntityManager, input: QuotePricingInput): Promise<PricedQuote> {
  const currency = requireCurrency(input.currency, 'input.currency');
  const lines = requireAtMost(input.lines, MAX_QUOTE_LINES, 'input.lines');
  if (lines.length === 0) throw new InvalidInputError('input.lines', 'a quote needs at least one line');

  let contracts: ContractTerms[] = [];
  let tax: TaxTreatment = { status: 'EXEMPT' };
  if (input.customerId) {
    const customer = isId(input.customerId) ? await customerForPricing(em, input.customerId) : null;
    if (!customer) throw new NotFoundError('customer', input.customerId, 'input.customerId');
    if (customer.currency !== currency) {
      throw new InvalidInputError('input.currency', `customer ${customer.id} is billed in ${customer.currency}, not ${currency}`);
    }
    contracts = customer.contracts;
    tax = taxOf(customer);
  }

  const prices = await currentPriceClosure(
    em,
    lines.map((l) => l.priceCode),
  );
  // A contract may override a bundle with other components: those must be loaded too.
  const extra = overrideReferences(contracts, prices).filter((code) => !prices.has(code));
  if (extra.length > 0) for (const [code, p] of await currentPriceClosure(em, extra)) prices.set(code, p);
  const linePrices = lines.map((line, i) => usable(prices.get(line.priceCode), line.priceCode, i));
  const docLines = lines.map((line, i) => ({ price: toSnapshot(linePrices[i]), quantity: line.quantity }));
  const resolvePrice = (code: string) => {
    const p = prices.get(code);
    return p ? toSnapshot(p) : undefined;
  };
  const coupons = input.coupon ? [input.coupon] : [];
  const document = withPathPrefix('input', () =>
    priceDocument({ currency, lines: docLines, contracts, at: input.at, tax, resolvePrice, coupons }),
  );
  return { document, prices: linePrices };
}

function overrideReferences(contracts: readonly ContractTerms[], prices: ReadonlyMap<string, CatalogPrice>): string[] {
  return contracts.flatMap((contract) =>
    contract.items.flatMap((item) => {
      const price = prices.get(item.priceCode);
      if (!price || item.override === undefined) return [];
      return priceReferences({ rule: { kind: price.ruleKind, config: item.override } });
    }),
  );
}

function usable(price: CatalogPrice | undefined, code: string, i: number): CatalogPrice {
  if (!price) throw new InvalidInputError(`input.lines[${i}].priceCode`, `unknown price '${code}'`);
  if (price.status === PriceStatus.ARCHIVED) throw new InvalidInputError(`input.lines[${i}].priceCode`, `price '${code}' is archived`);
  return price;
}
