import { z } from 'zod';
import { type Decimal, HUNDRED, formatAmount } from '../src/pricing/decimal';
import { withPathPrefix } from '../src/pricing/errors';
import type { PricingContext, PricingRule, RuleResult } from '../src/pricing/rule';
import { optionalDecimalField, parseWith } from '../src/pricing/validation';
import { ruleFor } from './index';

/**
 * The contract layer: not a price kind but what a customer's contract puts over a catalog
 * price (PRICING.md, Contracts). An item with neither field still matters: it marks the
 * price as covered by the contract's minimum commitment.
 */
export interface ContractItemConfig {
  /** A config of the price's own kind, parsed by that kind's rule. */
  readonly override?: unknown;
  /** 0..100, taken off the amount computed from the (possibly overridden) rule. */
  readonly discountPercent?: Decimal;
}

const schema = z.strictObject({
  override: z.unknown().optional(),
  discountPercent: optionalDecimalField('percent'),
});

/** Paths are relative to the item: `override.tiers[1].upTo`, `discountPercent`. */
export function parseContractItem(json: unknown, priceKind: string): ContractItemConfig {
  const parsed = parseWith(schema, json);
  const rule = ruleFor(priceKind);
  const item: { override?: unknown; discountPercent?: Decimal } = {};
  if (parsed.override !== undefined && parsed.override !== null) {
    item.override = withPathPrefix('override', () => rule.parseConfig(parsed.override));
  }
  if (parsed.discountPercent !== undefined) item.discountPercent = parsed.discountPercent;
  return Object.freeze(item);
}

// (100 − p) / 100 is exact for p with at most 12 decimals; cached per contract item's Decimal
// so the hot path pays one multiplication.
const kept = new WeakMap<Decimal, Decimal>();
function keptFraction(discountPercent: Decimal): Decimal {
  let fraction = kept.get(discountPercent);
  if (fraction === undefined) {
    fraction = HUNDRED.minus(discountPercent).div(HUNDRED);
    kept.set(discountPercent, fraction);
  }
  return fraction;
}

/**
 * PRICING.md order for one line: the override replaces the config, the rule computes, then
 * the discount comes off (a bundle's own discount is applied inside its rule; percentages
 * multiply, so the order of the two does not change the amount).
 */
export function priceUnderContract(
  contractCode: string,
  item: ContractItemConfig,
  rule: PricingRule,
  catalogConfig: unknown,
  quantity: Decimal,
  ctx: PricingContext,
): RuleResult {
  const steps: string[] = [];
  let config = catalogConfig;
  if (item.override !== undefined) {
    config = item.override;
    steps.push(`contract ${contractCode}: contract ${rule.kind} price replaces the catalog price`);
  }
  const computed = rule.price(config, quantity, ctx);
  for (const step of computed.steps) steps.push(step);
  if (item.discountPercent === undefined) return { amount: computed.amount, steps };
  const amount = computed.amount.times(keptFraction(item.discountPercent));
  steps.push(`contract ${contractCode}: −${item.discountPercent.toFixed()}% = ${formatAmount(amount, ctx.minorUnits)}`);
  return { amount, steps };
}
