import { Decimal, ZERO, toEngineDecimal } from './decimal';
import { PricingInputError, type PricingIssue } from './errors';
import type { Meter, PricingContext, PricingRule, RuleResult } from './rule';
import { usageAggregations } from './usage-aggregation';
import { formatPath } from './validation';

/** What a plugin's `price` may return: the engine's RuleResult, or its amount as a decimal string. */
export interface PluginRuleResult {
  readonly amount: Decimal | string;
  readonly steps: readonly string[];
}

/** A rule as a plugin exports it: a PricingRule whose `price` may also answer with a decimal string. */
export type PluginRule<Config = unknown> = Omit<PricingRule<Config>, 'price'> & {
  price(config: Config, quantity: Decimal, ctx: PricingContext): PluginRuleResult;
};

/** A plugin's failure while pricing, for the log: which plugin, which kind, where, and the error. */
export interface PluginFault {
  readonly plugin: string;
  readonly kind: string;
  readonly phase: 'price' | 'references' | 'meter';
  readonly error: unknown;
}

/** The plugin's config, boxed: whatever parseConfig returned (a string, null…) travels through the engine intact. */
interface Boxed {
  readonly parsed: unknown;
}

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;
const MAX_MESSAGE = 500;

export function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.trim() || 'no message').slice(0, MAX_MESSAGE);
}

/** Issues of an error that looks like ours or zod's, from another copy of the library (a plugin's own dependencies). */
function foreignIssues(error: unknown): PricingIssue[] | null {
  if (typeof error !== 'object' || error === null) return null;
  const { name, issues } = error as { name?: unknown; issues?: unknown };
  if ((name !== 'PricingInputError' && name !== 'ZodError') || !Array.isArray(issues) || issues.length === 0) return null;
  return issues.map((issue: { path?: unknown; message?: unknown }) => ({
    path: Array.isArray(issue.path) ? formatPath(issue.path) : typeof issue.path === 'string' ? issue.path : '',
    message: messageOf(issue.message),
  }));
}

/** A parseConfig failure as BAD_USER_INPUT: its issues when it has some, else its message at the config itself. */
export function configError(error: unknown): PricingInputError {
  if (error instanceof PricingInputError) return error;
  return new PricingInputError(foreignIssues(error) ?? [{ path: '', message: messageOf(error) }]);
}

/** Why a plugin's price result is unusable, or its amount and steps as the engine wants them. */
export function checkResult(result: unknown): RuleResult | string {
  if (typeof result !== 'object' || result === null) return `price returned ${typeof result}, not { amount, steps }`;
  const { amount, steps } = result as { amount?: unknown; steps?: unknown };
  let value: Decimal;
  if (Decimal.isDecimal(amount)) value = toEngineDecimal(amount as Decimal);
  else if (typeof amount === 'string' && PLAIN_DECIMAL.test(amount)) value = new Decimal(amount);
  else {
    const given = typeof amount === 'number' ? `the JavaScript number ${amount}` : (JSON.stringify(amount)?.slice(0, 40) ?? typeof amount);
    return `amount must be a Decimal or a decimal string such as "12.50", not ${given}`;
  }
  if (!value.isFinite()) return `amount must be finite, not ${value.toString()}`;
  if (value.isNegative() && !value.isZero()) return `amount must not be negative (${value.toFixed()})`;
  if (!Array.isArray(steps) || !steps.every((step) => typeof step === 'string')) return 'steps must be a list of strings';
  return { amount: value.isZero() ? ZERO : value, steps: [...steps] };
}

function isMeter(value: unknown): value is Meter {
  const { metric, aggregation } = (value ?? {}) as { metric?: unknown; aggregation?: unknown };
  return typeof metric === 'string' && metric !== '' && (usageAggregations as readonly unknown[]).includes(aggregation);
}

/**
 * A plugin's rule as the engine runs it: an error from parseConfig is BAD_USER_INPUT at the
 * config; one from price (or a result that is no amount) fails that line with BAD_USER_INPUT at
 * its `priceCode`, reported to `onFault` with the plugin's name. Its PricingInputErrors (and a
 * bundle-like plugin's component errors) pass unchanged. Rounding stays the engine's.
 */
export function guardPluginRule(rule: PluginRule, plugin: string, onFault: (fault: PluginFault) => void): PricingRule<Boxed> {
  const failed = (phase: PluginFault['phase'], error: unknown): PricingInputError => {
    const foreign = foreignIssues(error);
    if (error instanceof PricingInputError || (foreign !== null && (error as Error).name === 'PricingInputError'))
      return configError(error);
    onFault({ plugin, kind: rule.kind, phase, error });
    return PricingInputError.at('priceCode', `the ${rule.kind} pricing rule (plugin ${plugin}) failed: ${messageOf(error)}`);
  };
  const guarded = <T>(phase: PluginFault['phase'], run: () => T): T => {
    try {
      return run();
    } catch (error) {
      throw failed(phase, error);
    }
  };
  const { references, meter } = rule;
  return Object.freeze({
    kind: rule.kind,
    apiVersion: rule.apiVersion,
    configSchema: rule.configSchema,
    exampleConfig: rule.exampleConfig,
    parseConfig(json: unknown): Boxed {
      try {
        return Object.freeze({ parsed: rule.parseConfig(json) });
      } catch (error) {
        throw configError(error);
      }
    },
    price(config: Boxed, quantity: Decimal, ctx: PricingContext): RuleResult {
      const checked = checkResult(guarded('price', () => rule.price(config.parsed, quantity, ctx)));
      if (typeof checked === 'string') throw failed('price', new Error(checked));
      return checked;
    },
    ...(references && { references: (config: Boxed) => guarded('references', () => references.call(rule, config.parsed).map(String)) }),
    ...(meter && {
      meter(config: Boxed): Meter {
        const given = guarded('meter', () => meter.call(rule, config.parsed));
        if (!isMeter(given))
          throw failed('meter', new Error(`meter must return { metric, aggregation: ${usageAggregations.join(' | ')} }`));
        return given;
      },
    }),
  });
}
