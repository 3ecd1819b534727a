import { PricingInputError } from '../src/pricing/errors';
import type { PricingRule } from '../src/pricing/rule';
import { bundle } from './bundle';
import { flat } from './flat';
import { formula } from './formula';
import { graduated } from './graduated';
import { pkg } from './package';
import { perUnit } from './per-unit';
import { usage } from './usage';
import { volume } from './volume';

/**
 * The registry: every price kind Tariff knows. Adding a built-in kind = one module + one entry
 * here (README.md); plugins add theirs at start (src/pricing/plugins.ts). The engine core looks
 * rules up by kind and never names one.
 */
export const rules: readonly PricingRule[] = Object.freeze([flat, perUnit, graduated, volume, pkg, usage, bundle, formula]);

/** The built-in kinds; a plugin may not replace one. */
export const ruleKinds: readonly string[] = Object.freeze(rules.map((rule) => rule.kind));

const byKind = new Map<string, PricingRule>(rules.map((rule) => [rule.kind, rule]));
/** Plugin kinds, in the order they were loaded, with the plugin that gave each. */
const pluginKinds = new Map<string, string>();

export function ruleFor(kind: string): PricingRule {
  const rule = byKind.get(kind);
  if (rule === undefined) {
    throw PricingInputError.at('rule.kind', `unknown pricing rule kind '${kind}'; known: ${[...byKind.keys()].join(', ')}`);
  }
  return rule;
}

/** Every kind in the registry: the built-in ones, then the plugins' (`plugin` names the one that gave it). */
export function registeredRules(): { rule: PricingRule; plugin: string | null }[] {
  return [...byKind.values()].map((rule) => ({ rule, plugin: pluginKinds.get(rule.kind) ?? null }));
}

/** Why `kind` cannot be registered by a plugin, or null. */
export function registrationProblem(kind: string): string | null {
  if (ruleKinds.includes(kind)) return `kind '${kind}' is built in; a plugin cannot replace it`;
  const owner = pluginKinds.get(kind);
  return owner === undefined ? null : `kind '${kind}' is already given by pricing plugin ${owner}`;
}

/** Adds a plugin's rule (already checked and guarded by src/pricing/plugins.ts). */
export function registerPluginRule(rule: PricingRule, plugin: string): void {
  const problem = registrationProblem(rule.kind);
  if (problem !== null) throw new Error(problem);
  byKind.set(rule.kind, rule);
  pluginKinds.set(rule.kind, plugin);
}

export { bundle, flat, formula, graduated, pkg, perUnit, usage, volume };
export type { BundleComponent, BundleConfig } from './bundle';
export type { FlatConfig } from './flat';
export type { FormulaConfig } from './formula';
export type { GraduatedConfig } from './graduated';
export type { PackageConfig } from './package';
export type { PerUnitConfig } from './per-unit';
export type { UsageConfig } from './usage';
export type { VolumeConfig } from './volume';
