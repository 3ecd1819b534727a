import { registerPluginRule, registeredRules, registrationProblem } from '../../pricing-rules/index';
import { configJsonSchema } from './config-schema';
import { ONE, ZERO } from './decimal';
import { type PluginFault, type PluginRule, checkResult, guardPluginRule, messageOf } from './plugin-guard';
import type { PricingContext } from './rule';

/**
 * The version of the rule contract (PricingRule, PricingContext, RuleResult) that `tariff/pricing`
 * provides. A new minor version only adds; a new major one may break plugins, which are then
 * refused at start until they are rebuilt for it.
 */
export const PRICING_API_VERSION = '1.0';
const [MAJOR, MINOR] = PRICING_API_VERSION.split('.').map(Number);

/** A plugin that cannot be loaded: the message says which rule and why. */
export class PricingPluginError extends Error {
  override readonly name = 'PricingPluginError';
}

const KIND = /^[a-z][a-z0-9_]{0,62}$/;

function versionProblem(apiVersion: unknown): string | null {
  const match = /^(\d+)(?:\.(\d+))?(?:\.\d+)?$/.exec(typeof apiVersion === 'number' ? String(apiVersion) : String(apiVersion ?? ''));
  if (apiVersion === undefined) return `apiVersion is missing: set it to the pricing API version it was written for (${MAJOR})`;
  if (match === null) return `apiVersion ${JSON.stringify(apiVersion)} is not a version such as ${MAJOR} or '${PRICING_API_VERSION}'`;
  const [major, minor] = [Number(match[1]), Number(match[2] ?? 0)];
  if (major !== MAJOR) {
    return `written for pricing API ${major}.x, but this Tariff provides ${PRICING_API_VERSION}: rebuild it for major version ${MAJOR}`;
  }
  return minor > MINOR ? `needs pricing API ${major}.${minor}, but this Tariff provides ${PRICING_API_VERSION}: upgrade Tariff` : null;
}

const smokeContext: PricingContext = {
  currency: 'EUR',
  minorUnits: 2,
  priceComponent: () => {
    throw new Error('no catalog in the smoke test');
  },
};

/** Parses the example config and prices it at 0 and 1 (unless it prices other prices), as the engine would. */
function smokeProblem(rule: PluginRule): string | null {
  if (rule.exampleConfig === undefined) return null;
  let config: unknown;
  try {
    config = rule.parseConfig(rule.exampleConfig);
  } catch (error) {
    return `parseConfig refuses its own exampleConfig: ${messageOf(error)}`;
  }
  try {
    if ((rule.references?.(config) ?? []).length > 0) return null;
    for (const quantity of [ZERO, ONE]) {
      const checked = checkResult(rule.price(config, quantity, smokeContext));
      if (typeof checked === 'string') return `price of its exampleConfig at quantity ${quantity.toFixed()}: ${checked}`;
    }
  } catch (error) {
    return `its exampleConfig does not price: ${messageOf(error)}`;
  }
  return null;
}

/** Why a plugin's export is not a usable rule, or null. */
function ruleProblem(candidate: unknown): string | null {
  if (typeof candidate !== 'object' || candidate === null)
    return `a rule must be an object, not ${candidate === null ? 'null' : typeof candidate}`;
  const rule = candidate as Partial<Record<keyof PluginRule, unknown>>;
  if (typeof rule.kind !== 'string' || !KIND.test(rule.kind))
    return `kind must be a name such as 'stairstep' (a-z, 0-9, _), not ${JSON.stringify(rule.kind)}`;
  const missing = (['parseConfig', 'price'] as const).filter((name) => typeof rule[name] !== 'function');
  if (missing.length > 0) return `${missing.join(' and ')} must be function${missing.length > 1 ? 's' : ''}`;
  const wrong = (['references', 'meter'] as const).filter((name) => rule[name] !== undefined && typeof rule[name] !== 'function');
  if (wrong.length > 0) return `${wrong.join(' and ')}, when given, must be function${wrong.length > 1 ? 's' : ''}`;
  return (
    versionProblem(rule.apiVersion) ??
    registrationProblem(rule.kind) ??
    schemaProblem(rule as PluginRule) ??
    smokeProblem(rule as PluginRule)
  );
}

function schemaProblem(rule: PluginRule): string | null {
  try {
    configJsonSchema(rule);
    return null;
  } catch (error) {
    return `configSchema must be a zod schema (use z from tariff/pricing) that JSON Schema can express: ${messageOf(error)}`;
  }
}

/**
 * Checks what a plugin module exports (one rule, an array of rules, or either as `default`) and
 * registers its rules, guarded (plugin-guard.ts); nothing is registered when any rule is refused.
 * Returns the kinds added. Throws PricingPluginError naming the rule and the reason.
 */
export function registerPricingPlugin(exported: unknown, plugin: string, onFault: (fault: PluginFault) => void = () => {}): string[] {
  const value = (exported as { default?: unknown } | null)?.default ?? exported;
  const candidates = Array.isArray(value) ? value : [value];
  if (candidates.length === 0) throw new PricingPluginError('exports no rule (an empty array)');
  const kinds = new Set<string>();
  candidates.forEach((candidate, i) => {
    const name = (candidate as { kind?: unknown } | null)?.kind;
    const which = typeof name === 'string' ? `rule '${name}'` : `rule ${i + 1}`;
    const problem = ruleProblem(candidate) ?? (kinds.has(name as string) ? `kind '${String(name)}' is exported twice` : null);
    if (problem !== null) throw new PricingPluginError(`${which}: ${problem}`);
    kinds.add(name as string);
  });
  for (const candidate of candidates as PluginRule[]) registerPluginRule(guardPluginRule(candidate, plugin, onFault), plugin);
  return [...kinds];
}

/** Every kind the engine prices, for `pricingRuleKinds`: built-in ones first, then the plugins', each with its config's JSON Schema. */
export function pricingRuleKinds(): { kind: string; builtIn: boolean; plugin: string | null; configSchema: Record<string, unknown> }[] {
  return registeredRules().map(({ rule, plugin }) => ({
    kind: rule.kind,
    builtIn: plugin === null,
    plugin,
    configSchema: configJsonSchema(rule),
  }));
}
