import { z } from 'zod';
import { PricingInputError, withPathPrefix } from '../src/pricing/errors';
import type { PricingRule } from '../src/pricing/rule';
import { type UsageAggregation, usageAggregations } from '../src/pricing/usage-aggregation';
import { codeField, parseWith } from '../src/pricing/validation';
import { graduated } from './graduated';
import { pkg } from './package';
import { perUnit } from './per-unit';
import { volume } from './volume';

/** The rules a metered quantity may be priced by (PRICING.md, `usage`). */
const NESTED: readonly PricingRule[] = [perUnit, graduated, volume, pkg];
const nestedKinds = NESTED.map((rule) => rule.kind);

export interface UsageConfig {
  readonly metric: string;
  readonly aggregation: UsageAggregation;
  readonly pricing: { readonly rule: PricingRule; readonly config: unknown };
}

const schema = z.strictObject({
  metric: codeField,
  aggregation: z.enum(usageAggregations, { error: `must be one of ${usageAggregations.join(', ')}` }),
  pricing: z.strictObject({
    kind: z.enum(nestedKinds as [string, ...string[]], { error: `must be one of ${nestedKinds.join(', ')}` }),
    config: z.unknown().meta({ type: 'object', description: "a config of `pricing.kind`, as that kind's own schema says" }),
  }),
});

/** q is the period's usage of `metric`, already aggregated by the caller (aggregateUsage). */
export const usage: PricingRule<UsageConfig> = {
  kind: 'usage',
  configSchema: schema,
  meter: (config) => ({ metric: config.metric, aggregation: config.aggregation }),
  parseConfig(json) {
    const parsed = parseWith(schema, json);
    const rule = NESTED.find((candidate) => candidate.kind === parsed.pricing.kind);
    if (rule === undefined) throw PricingInputError.at('pricing.kind', `must be one of ${nestedKinds.join(', ')}`);
    const config = withPathPrefix('pricing.config', () => rule.parseConfig(parsed.pricing.config));
    return Object.freeze({ metric: parsed.metric, aggregation: parsed.aggregation, pricing: Object.freeze({ rule, config }) });
  },
  price(config, quantity, ctx) {
    const nested = config.pricing.rule.price(config.pricing.config, quantity, ctx);
    const head = `usage: ${quantity.toFixed()} ${config.metric} (${config.aggregation} over the period)`;
    return { amount: nested.amount, steps: [head, ...nested.steps] };
  },
};
