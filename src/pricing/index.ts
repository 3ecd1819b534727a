// The public API of the pricing engine: pure functions over Decimals and Dates. The domain and
// GraphQL layers import from here, never from the files behind it; so do other programs, as the
// package entry `tariff/pricing` (package.json "exports", `npm run build:pricing`), and pricing
// plugins (docs/pricing-plugins.md). What a rule is (PricingRule, PricingContext, RuleResult) is
// versioned by PRICING_API_VERSION.
export {
  Decimal,
  HUNDRED,
  MAX_DECIMAL_PLACES,
  MAX_INTEGER_DIGITS,
  ONE,
  ZERO,
  formatAmount,
  formatDecimal,
  parseDecimalString,
  toEngineDecimal,
} from './decimal';
export { PricingInputError, joinPath, withPathPrefix, type PricingIssue } from './errors';
export { currencyCodes, formatMoney, isCurrencyCode, minorUnits, roundMoney, roundToScale } from './currency';
export {
  type BillingInterval,
  type ContractItemTerms,
  type ContractTerms,
  type ParsedRule,
  type PriceLineInput,
  type PriceSnapshot,
  type PricedLine,
  type ResolvePrice,
  isContractInForce,
  isMetered,
  meterOf,
  parseContractItem,
  parseRule,
  priceLine,
  priceReferences,
  selectContractItem,
  validatePriceReferences,
} from './engine';
export {
  REVERSE_CHARGE_NOTE,
  type ChargeLine,
  type DiscountLine,
  type DocumentInput,
  type DocumentLine,
  type MinimumCommitmentLine,
  type PricedDocument,
  type TaxStatus,
  type TaxTreatment,
  lineTax,
  priceDocument,
} from './document';
export { type CappedLine, type CouponTerms, type DiscountLineAmounts, amountOffLine, applyPercentOff, couponApplies } from './coupon';
export { type BillingPeriod, addInterval, periodContaining, prorate, prorationFraction } from './proration';
export { type UsageAggregation, type UsageEvent, aggregateUsage, usageAggregations } from './usage-aggregation';
export type { Meter, PricingContext, PricingRule, RuleResult } from './rule';
export { type Tier, tiersSchema } from './tiers';
export type { ContractItemConfig } from '../../pricing-rules/contract';
export { ruleKinds } from '../../pricing-rules/index';
export { PRICING_API_VERSION, PricingPluginError, pricingRuleKinds, registerPricingPlugin } from './plugins';
export type { PluginFault, PluginRule, PluginRuleResult } from './plugin-guard';
export { configJsonSchema } from './config-schema';
// What a rule's parseConfig is written with (pricing-rules/README.md). A plugin's configSchema
// must be made with this `z`, the engine's own zod, for pricingRuleKinds to serve its JSON Schema.
export { codeField, decimalField, nullableDecimalField, optionalDecimalField, parseWith } from './validation';
export { z } from 'zod';
