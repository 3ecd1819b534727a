import { PricingInputError } from '../src/pricing/errors';
import type { PricingRule } from '../src/pricing/rule';
import { bundle } from './bundle';
import { flat } from './flat';
import { graduated } from './graduated';
import { pkg } from './package';
import { perUnit } from './per-unit';
import { usage } from './usage';
import { volume } from './volume';

/**
 * The registry: every price kind Tariff knows. Adding a kind = one module + one entry here
 * (README.md). The engine core looks rules up by kind and never names one.
 */
export const rules: readonly PricingRule[] = Object.freeze([flat, perUnit, graduated, volume, pkg, usage, bundle]);

const byKind: ReadonlyMap<string, PricingRule> = new Map(rules.map((rule) => [rule.kind, rule]));

export const ruleKinds: readonly string[] = Object.freeze(rules.map((rule) => rule.kind));

export function ruleFor(kind: string): PricingRule {
  const rule = byKind.get(kind);
  if (rule === undefined) {
    throw PricingInputError.at('rule.kind', `unknown pricing rule kind '${kind}'; known: ${ruleKinds.join(', ')}`);
  }
  return rule;
}

export { bundle, flat, graduated, pkg, perUnit, usage, volume };
export type { BundleComponent, BundleConfig } from './bundle';
export type { FlatConfig } from './flat';
export type { GraduatedConfig } from './graduated';
export type { PackageConfig } from './package';
export type { PerUnitConfig } from './per-unit';
export type { UsageConfig } from './usage';
export type { VolumeConfig } from './volume';
