import { z } from 'zod';
import { type Decimal, ONE, formatAmount } from '../src/pricing/decimal';
import type { PricingRule } from '../src/pricing/rule';
import { decimalField, parseWith } from '../src/pricing/validation';

/** Units are sold in packages of `packageSize`; a started package is a whole package. */
export interface PackageConfig {
  readonly packageSize: Decimal;
  readonly packageAmount: Decimal;
}

const schema = z.strictObject({
  packageSize: decimalField('positive'),
  packageAmount: decimalField('nonNegative'),
});

/** ceil(q / size) without a rounded division: q / size may not terminate (10 / 3). */
function packagesFor(quantity: Decimal, size: Decimal): Decimal {
  const whole = quantity.divToInt(size);
  return whole.times(size).lt(quantity) ? whole.plus(ONE) : whole;
}

export const pkg: PricingRule<PackageConfig> = {
  kind: 'package',
  configSchema: schema,
  parseConfig: (json) => Object.freeze(parseWith(schema, json)),
  price(config, quantity, ctx) {
    const packages = packagesFor(quantity, config.packageSize);
    const amount = packages.times(config.packageAmount);
    const each = formatAmount(config.packageAmount, ctx.minorUnits);
    const q = quantity.toFixed();
    return {
      amount,
      steps: [
        `package: ceil(${q} / ${config.packageSize.toFixed()}) = ${packages.toFixed()} × ${each} = ${formatAmount(amount, ctx.minorUnits)}`,
      ],
    };
  },
};
