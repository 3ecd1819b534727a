import { z } from 'zod';
import type { PricingRule } from '../src/pricing/rule';
import { type Tier, priceGraduated, tiersSchema } from '../src/pricing/tiers';
import { parseWith } from '../src/pricing/validation';

/** Each unit is priced in the tier it falls in (PRICING.md, Tiers). */
export interface GraduatedConfig {
  readonly tiers: readonly Tier[];
}

const schema = z.strictObject({ tiers: tiersSchema });

export const graduated: PricingRule<GraduatedConfig> = {
  kind: 'graduated',
  configSchema: schema,
  parseConfig: (json) => Object.freeze(parseWith(schema, json)),
  price(config, quantity, ctx) {
    const { amount, explanation } = priceGraduated(config.tiers, quantity, ctx.minorUnits);
    return { amount, steps: [`graduated: ${explanation}`] };
  },
};
