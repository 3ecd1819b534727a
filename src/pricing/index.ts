// The public API of the pricing engine: pure functions over Decimals and Dates. The domain and
// GraphQL layers import from here, never from the files behind it.
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
export type { Tier } from './tiers';
export type { ContractItemConfig } from '../../pricing-rules/contract';
export { ruleKinds } from '../../pricing-rules/index';
