import { z } from 'zod';
import { type Decimal, formatAmount } from '../src/pricing/decimal';
import type { PricingRule } from '../src/pricing/rule';
import { decimalField, parseWith } from '../src/pricing/validation';

/** `unitAmount` may carry up to 12 decimals (0.000125 per API call). */
export interface PerUnitConfig {
  readonly unitAmount: Decimal;
}

const schema = z.strictObject({ unitAmount: decimalField('nonNegative') });

export const perUnit: PricingRule<PerUnitConfig> = {
  kind: 'per_unit',
  configSchema: schema,
  parseConfig: (json) => Object.freeze(parseWith(schema, json)),
  price(config, quantity, ctx) {
    const amount = quantity.times(config.unitAmount);
    const shown = formatAmount(amount, ctx.minorUnits);
    return { amount, steps: [`per_unit: ${quantity.toFixed()} × ${formatAmount(config.unitAmount, ctx.minorUnits)} = ${shown}`] };
  },
};
