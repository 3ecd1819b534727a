import type { z } from 'zod';
import type { Decimal } from './decimal';

import type { UsageAggregation } from './usage-aggregation';

export interface Meter {
  readonly metric: string;
  readonly aggregation: UsageAggregation;
}

/** What a rule returns: the UNROUNDED amount (rounding happens once, per line) and its explanation. */
export interface RuleResult {
  amount: Decimal;
  steps: string[];
}

/** What the engine lends a rule while it prices one line. */
export interface PricingContext {
  readonly currency: string;
  /** The currency's minor unit: amounts in steps are shown with at least this many decimals. */
  readonly minorUnits: number;
  /**
   * Prices another catalog price through the engine (its own rule, no contract, unrounded):
   * how a bundle prices its components. Throws PricingInputError for an unknown code, another
   * currency or a reference cycle.
   */
  priceComponent(priceCode: string, quantity: Decimal): RuleResult;
}

/**
 * One pricing rule kind (pricing-rules/<kind>.ts, or a plugin: docs/pricing-plugins.md).
 * `parseConfig` runs once, when a price is created or loaded: it turns JSON into a normalized
 * config or throws PricingInputError with paths relative to the config. `price` runs on the hot
 * path and must not validate again. This interface is the public API of a rule (`tariff/pricing`):
 * changing it incompatibly means a new major PRICING_API_VERSION.
 */
export interface PricingRule<Config = unknown> {
  readonly kind: string;
  /**
   * A plugin's: the version of the pricing API it was written for, as a literal (`1`, or `'1.0'`
   * when it needs 1.0's additions), never read from `tariff/pricing` at run time. A plugin for
   * another major version is refused at start. Built-in rules leave it out.
   */
  readonly apiVersion?: number | string;
  /** A config `parseConfig` accepts: a plugin's is parsed and priced once at start, as a smoke test. */
  readonly exampleConfig?: unknown;
  /**
   * For metered usage: the metric and how a period's events aggregate into the quantity. Such
   * a price is billed in arrears for the period it was used in and never prorated (PRICING.md).
   */
  meter?(config: Config): Meter;
  parseConfig(json: unknown): Config;
  /**
   * The zod schema `parseConfig` reads the JSON with: docs/pricing-configs.md shows its JSON
   * Schema (`npm run docs:pricing-schemas`), so clients can see what a `JSONObject` config holds.
   */
  readonly configSchema?: z.ZodType;
  price(config: Config, quantity: Decimal, ctx: PricingContext): RuleResult;
  /** Price codes this config prices through the engine (bundle components). */
  references?(config: Config): string[];
}
