import { z } from 'zod';
import { type Decimal, formatAmount } from '../src/pricing/decimal';
import type { PricingRule } from '../src/pricing/rule';
import { decimalField, parseWith } from '../src/pricing/validation';

/** `amount` per flat unit; q is usually 1 (a plan fee) and 0 prices to 0. */
export interface FlatConfig {
  readonly amount: Decimal;
}

const schema = z.strictObject({ amount: decimalField('nonNegative') });

export const flat: PricingRule<FlatConfig> = {
  kind: 'flat',
  configSchema: schema,
  parseConfig: (json) => Object.freeze(parseWith(schema, json)),
  price(config, quantity, ctx) {
    const amount = config.amount.times(quantity);
    const shown = formatAmount(amount, ctx.minorUnits);
    return { amount, steps: [`flat: ${quantity.toFixed()} × ${formatAmount(config.amount, ctx.minorUnits)} = ${shown}`] };
  },
};
