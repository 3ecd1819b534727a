import { z } from 'zod';
import type { PricingRule } from './rule';

type Described = Pick<PricingRule, 'kind' | 'configSchema'>;

const cache = new WeakMap<Described, Record<string, unknown>>();

/**
 * The JSON Schema of what a rule's `config` accepts, from the zod schema its parseConfig reads
 * with (`z.toJSONSchema`, the input side: what a client sends). Served by `pricingRuleKinds` and
 * written to docs/pricing-configs.md. A rule without a schema (a plugin that gives none) says so.
 */
export function configJsonSchema(rule: Described): Record<string, unknown> {
  let schema = cache.get(rule);
  if (schema === undefined) {
    const head = { $schema: 'https://json-schema.org/draft/2020-12/schema', title: `${rule.kind} config` };
    if (rule.configSchema === undefined) {
      schema = { ...head, type: 'object', description: `the ${rule.kind} rule publishes no schema of its config` };
    } else {
      const { $schema: _, ...body } = z.toJSONSchema(rule.configSchema, { io: 'input', target: 'draft-2020-12' }) as Record<
        string,
        unknown
      >;
      schema = { ...head, ...body };
    }
    cache.set(rule, schema);
  }
  return schema;
}
