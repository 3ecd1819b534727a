import { type ContractItemConfig, parseContractItem as parseItemForKind, priceUnderContract } from '../../pricing-rules/contract';
import { ruleFor } from '../../pricing-rules/index';
import { applyPercentOff, type CouponTerms } from './coupon';
import { roundToScale, minorUnits } from './currency';
import { type Decimal, ZERO, formatAmount, toEngineDecimal } from './decimal';
import { PricingInputError, withPathPrefix } from './errors';
import type { Meter, PricingContext, RuleResult } from './rule';

export type BillingInterval = 'MONTH' | 'QUARTER' | 'YEAR' | 'ONE_TIME';

/** A rule as parseRule returned it: `config` is normalized (Decimals), not raw JSON. */
export interface ParsedRule {
  readonly kind: string;
  readonly config: unknown;
}

/** A catalog price as the engine needs it; `rule` comes from parseRule (once, at creation or load). */
export interface PriceSnapshot {
  readonly code: string;
  readonly currency: string;
  readonly interval: BillingInterval;
  readonly intervalCount: number;
  readonly rule: ParsedRule;
}

export interface ContractItemTerms extends ContractItemConfig {
  readonly priceCode: string;
}

/** A customer's contract, in force over [startsAt, endsAt) (endsAt null: open-ended). */
export interface ContractTerms {
  readonly code: string;
  readonly startsAt: Date;
  readonly endsAt: Date | null;
  readonly minimumCommitment: Decimal | null;
  readonly items: readonly ContractItemTerms[];
}

export type ResolvePrice = (code: string) => PriceSnapshot | undefined;

export interface PriceLineInput {
  readonly price: PriceSnapshot;
  readonly quantity: Decimal;
  /** The document's currency; the price must be in it. */
  readonly currency: string;
  /** All of the customer's contracts: the engine picks those in force at `at`. */
  readonly contracts: readonly ContractTerms[];
  readonly at: Date;
  /** Looks up other prices (bundle components). */
  readonly resolvePrice: ResolvePrice;
  /** The coupons in force for the document: their percent off is the step after the contract's. */
  readonly coupons?: readonly CouponTerms[];
}

export interface PricedLine {
  readonly priceCode: string;
  readonly quantity: Decimal;
  /** Rounded once, to the currency's minor unit, ROUND_HALF_UP. */
  readonly amount: Decimal;
  readonly unroundedAmount: Decimal;
  /** The readable arithmetic, in PRICING.md's order. */
  readonly steps: readonly string[];
  /** The contract whose item applied to this line, if any. */
  readonly contractCode?: string;
}

/** Bundles of bundles are fine; this deep is a modelling mistake or a cycle we did not name. */
const MAX_COMPONENT_DEPTH = 8;

// Configs that went through parseRule/parseContractItem, with the kind they were parsed for:
// priceLine refuses anything else, so raw JSON handed to the engine fails loudly instead of as
// a TypeError deep inside a rule.
const parsedKinds = new WeakMap<object, string>();

function markParsed<T>(config: T, kind: string): T {
  if (typeof config === 'object' && config !== null) parsedKinds.set(config, kind);
  return config;
}

function parsedKindOf(config: unknown): string | undefined {
  return typeof config === 'object' && config !== null ? parsedKinds.get(config) : undefined;
}

function assertParsed(price: PriceSnapshot): void {
  if (parsedKindOf(price.rule.config) !== price.rule.kind) {
    throw new Error(
      `price '${price.code}': rule.config was not produced by parseRule for kind '${price.rule.kind}'; parse configs once, when prices are created or loaded`,
    );
  }
}

/**
 * A contract override is parsed for the kind its price had then; a price whose later version
 * changed kind cannot take it, which is the contract's problem to fix, not a crash.
 */
function assertOverrideFits(contractCode: string, item: ContractItemTerms, price: PriceSnapshot): void {
  if (item.override === undefined) return;
  const kind = parsedKindOf(item.override);
  if (kind === undefined) {
    throw new Error(`contract ${contractCode}: the override of '${item.priceCode}' was not produced by parseContractItem`);
  }
  if (kind !== price.rule.kind) {
    throw PricingInputError.at(
      'contracts',
      `contract ${contractCode} overrides '${price.code}' with a ${kind} config, but the price is now ${price.rule.kind}`,
    );
  }
}

/** Validates a rule's JSON config through the registry; issue paths are `rule.config.<field>`. */
export function parseRule(kind: string, config: unknown): ParsedRule {
  const rule = ruleFor(kind);
  const parsed = withPathPrefix('rule.config', () => rule.parseConfig(config));
  return Object.freeze({ kind, config: markParsed(parsed, kind) });
}

/** Validates a contract item against its price's kind; issue paths are relative to the item. */
export function parseContractItem(kind: string, item: unknown): ContractItemConfig {
  const parsed = parseItemForKind(item, kind);
  if (parsed.override !== undefined) markParsed(parsed.override, kind);
  return parsed;
}

export function isContractInForce(contract: ContractTerms, at: Date): boolean {
  const t = at.getTime();
  return contract.startsAt.getTime() <= t && (contract.endsAt === null || t < contract.endsAt.getTime());
}

/**
 * The contract item that prices `priceCode` at `at`. When contracts overlap, the one that
 * started last wins (a renewal supersedes); two items that still tie cannot be ordered and
 * are reported rather than picked at random.
 */
export function selectContractItem(
  contracts: readonly ContractTerms[],
  at: Date,
  priceCode: string,
): { contract: ContractTerms; item: ContractItemTerms } | null {
  let chosen: { contract: ContractTerms; item: ContractItemTerms } | null = null;
  for (const contract of contracts) {
    if (!isContractInForce(contract, at)) continue;
    for (const item of contract.items) {
      if (item.priceCode !== priceCode) continue;
      const start = contract.startsAt.getTime();
      const chosenStart = chosen === null ? -Infinity : chosen.contract.startsAt.getTime();
      if (chosen !== null && start === chosenStart) {
        const message =
          chosen.contract === contract
            ? `contract ${contract.code} lists '${priceCode}' twice`
            : `contracts ${chosen.contract.code} and ${contract.code} both price '${priceCode}' from the same instant`;
        throw PricingInputError.at('contracts', message);
      }
      if (start > chosenStart) chosen = { contract, item };
    }
  }
  return chosen;
}

function componentContext(currency: string, minor: number, resolvePrice: ResolvePrice, path: readonly string[]): PricingContext {
  return {
    currency,
    minorUnits: minor,
    priceComponent(code: string, quantity: Decimal): RuleResult {
      const owner = path[path.length - 1];
      if (path.includes(code)) {
        throw PricingInputError.at('priceCode', `price reference cycle: ${[...path, code].join(' → ')}`);
      }
      if (path.length >= MAX_COMPONENT_DEPTH) {
        throw PricingInputError.at('priceCode', `prices nest deeper than ${MAX_COMPONENT_DEPTH} levels: ${[...path, code].join(' → ')}`);
      }
      const component = resolvePrice(code);
      if (component === undefined) {
        throw PricingInputError.at('priceCode', `price '${owner}' refers to unknown price '${code}'`);
      }
      if (component.currency !== currency) {
        throw PricingInputError.at('priceCode', `price '${owner}' refers to '${code}' in ${component.currency}, not ${currency}`);
      }
      assertParsed(component);
      const rule = ruleFor(component.rule.kind);
      return rule.price(component.rule.config, quantity, componentContext(currency, minor, resolvePrice, [...path, code]));
    },
  };
}

/**
 * Prices one line, PRICING.md order: resolve price → contract override → rule → contract
 * discount (→ bundle discount, inside the bundle rule) → coupon percent off → round once. Issue
 * paths are relative to the line (`quantity`, `priceCode`, `currency`).
 */
export function priceLine(input: PriceLineInput): PricedLine {
  const { price, currency } = input;
  const minor = minorUnits(currency, 'currency');
  const quantity = toEngineDecimal(input.quantity);
  if (!quantity.isFinite() || quantity.lt(ZERO)) throw PricingInputError.at('quantity', 'must be zero or more');
  if (price.currency !== currency) {
    throw PricingInputError.at('priceCode', `price '${price.code}' is in ${price.currency}, the document is in ${currency}`);
  }
  assertParsed(price);
  const rule = ruleFor(price.rule.kind);
  const ctx = componentContext(currency, minor, input.resolvePrice, [price.code]);
  const selected = selectContractItem(input.contracts, input.at, price.code);
  if (selected !== null) assertOverrideFits(selected.contract.code, selected.item, price);
  const computed =
    selected === null
      ? rule.price(price.rule.config, quantity, ctx)
      : priceUnderContract(selected.contract.code, selected.item, rule, price.rule.config, quantity, ctx);
  const steps = computed.steps;
  const unrounded = input.coupons?.length ? applyPercentOff(input.coupons, price.code, computed.amount, steps, minor) : computed.amount;
  const amount = roundToScale(unrounded, minor);
  steps.push(`rounded half-up to ${minor} decimals: ${formatAmount(amount, minor)}`);
  if (selected === null) return { priceCode: price.code, quantity, amount, unroundedAmount: unrounded, steps };
  return { priceCode: price.code, quantity, amount, unroundedAmount: unrounded, steps, contractCode: selected.contract.code };
}

/** The metric and aggregation of a metered price, or null for a price billed in advance. */
export function meterOf(price: Pick<PriceSnapshot, 'rule'>): Meter | null {
  return ruleFor(price.rule.kind).meter?.(price.rule.config) ?? null;
}

/** Whether a price bills metered usage in arrears (never prorated) rather than in advance. */
export function isMetered(price: Pick<PriceSnapshot, 'rule'>): boolean {
  return meterOf(price) !== null;
}

/** The other prices a price is priced through (a bundle's components), as its rule declares them. */
export function priceReferences(price: Pick<PriceSnapshot, 'rule'>): string[] {
  return ruleFor(price.rule.kind).references?.(price.rule.config) ?? [];
}

/**
 * For createPrice: every price a config references exists, is in the same currency and does
 * not lead back to it. Pricing checks the same again; this reports it when the price is made,
 * at `rule.config.references[i]`, i being the price's own reference the problem lies behind.
 */
export function validatePriceReferences(price: PriceSnapshot, resolvePrice: ResolvePrice): void {
  const visit = (code: string, path: readonly string[], where: string): void => {
    if (path.includes(code)) throw PricingInputError.at(where, `price reference cycle: ${[...path, code].join(' → ')}`);
    if (path.length >= MAX_COMPONENT_DEPTH) throw PricingInputError.at(where, `prices nest deeper than ${MAX_COMPONENT_DEPTH} levels`);
    const next = resolvePrice(code);
    if (next === undefined) throw PricingInputError.at(where, `unknown price '${code}'`);
    if (next.currency !== price.currency)
      throw PricingInputError.at(where, `price '${code}' is in ${next.currency}, not ${price.currency}`);
    for (const nested of priceReferences(next)) visit(nested, [...path, code], where);
  };
  priceReferences(price).forEach((code, i) => visit(code, [price.code], `rule.config.references[${i}]`));
}
