import { z } from 'zod';
import type { PricingRule } from '../src/pricing/rule';
import { type Tier, priceVolume, tiersSchema } from '../src/pricing/tiers';
import { parseWith } from '../src/pricing/validation';

/** The tier that contains q prices every unit (PRICING.md, Tiers). */
export interface VolumeConfig {
  readonly tiers: readonly Tier[];
}

const schema = z.strictObject({ tiers: tiersSchema });

export const volume: PricingRule<VolumeConfig> = {
  kind: 'volume',
  configSchema: schema,
  parseConfig: (json) => Object.freeze(parseWith(schema, json)),
  price(config, quantity, ctx) {
    const { amount, explanation } = priceVolume(config.tiers, quantity, ctx.minorUnits);
    return { amount, steps: [`volume: ${explanation}`] };
  },
};
