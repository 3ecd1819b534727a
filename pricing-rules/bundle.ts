import { z } from 'zod';
import { type Decimal, HUNDRED, ZERO, formatAmount } from '../src/pricing/decimal';
import type { PricingRule } from '../src/pricing/rule';
import { codeField, decimalField, optionalDecimalField, parseWith } from '../src/pricing/validation';

export interface BundleComponent {
  readonly priceCode: string;
  readonly quantity: Decimal;
}

export interface BundleConfig {
  readonly components: readonly BundleComponent[];
  readonly fixedAmount: Decimal | null;
  /** `kept` = (100 − percent) / 100, exact, computed once rather than per line. */
  readonly discount: { readonly percent: Decimal; readonly kept: Decimal } | null;
}

const schema = z
  .strictObject({
    components: z
      .array(z.strictObject({ priceCode: codeField, quantity: decimalField('positive') }), { error: 'must be a list of components' })
      .min(1, { error: 'a bundle needs at least one component' }),
    fixedAmount: optionalDecimalField('nonNegative'),
    discountPercent: optionalDecimalField('percent'),
  })
  .superRefine((config, ctx) => {
    if (config.fixedAmount !== undefined && config.discountPercent !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['fixedAmount'], message: 'set fixedAmount or discountPercent, not both' });
    }
    config.components.forEach(({ priceCode }, i) => {
      if (config.components.findIndex((c) => c.priceCode === priceCode) === i) return;
      const message = `duplicate component '${priceCode}': raise its quantity instead`;
      ctx.addIssue({ code: 'custom', path: ['components', i, 'priceCode'], message });
    });
  });

/**
 * One bundle unit = each component priced by its own rule at `quantity × q`; `fixedAmount × q`
 * replaces their sum, or `discountPercent` comes off it. Components are priced unrounded: the
 * line is rounded once, at its end.
 */
export const bundle: PricingRule<BundleConfig> = {
  kind: 'bundle',
  configSchema: schema,
  parseConfig(json) {
    const { components, fixedAmount, discountPercent: percent } = parseWith(schema, json);
    return Object.freeze({
      components: Object.freeze(components.map((c) => Object.freeze(c))),
      fixedAmount: fixedAmount ?? null,
      discount: percent === undefined ? null : Object.freeze({ percent, kept: HUNDRED.minus(percent).div(HUNDRED) }),
    });
  },
  references: (config) => config.components.map((c) => c.priceCode),
  price(config, quantity, ctx) {
    const steps: string[] = [];
    let sum = ZERO;
    for (const component of config.components) {
      const componentQuantity = component.quantity.times(quantity);
      const priced = ctx.priceComponent(component.priceCode, componentQuantity);
      sum = sum.plus(priced.amount);
      const label = `bundle component ${component.priceCode} (${component.quantity.toFixed()} × ${quantity.toFixed()})`;
      for (const step of priced.steps) steps.push(`${label}: ${step}`);
    }
    const total = formatAmount(sum, ctx.minorUnits);
    steps.push(`bundle: components sum to ${total}`);
    if (config.fixedAmount !== null) {
      const amount = config.fixedAmount.times(quantity);
      const fixed = formatAmount(config.fixedAmount, ctx.minorUnits);
      steps.push(`bundle: fixed ${quantity.toFixed()} × ${fixed} = ${formatAmount(amount, ctx.minorUnits)} replaces ${total}`);
      return { amount, steps };
    }
    if (config.discount === null) return { amount: sum, steps };
    const amount = sum.times(config.discount.kept);
    steps.push(`bundle: −${config.discount.percent.toFixed()}% = ${formatAmount(amount, ctx.minorUnits)}`);
    return { amount, steps };
  },
};
