// @ts-check
// A Tariff pricing plugin: the stair-step kind of pricing-rules/README.md as a file of its own,
// outside Tariff's repository. The whole quantity costs the flat amount of the step that contains
// it: up to 10 seats 49, up to 50 seats 199, beyond that 499. Load it with
//
//   TARIFF_PRICING_PLUGINS=/path/to/stairstep.js npm start
//
// and create prices with `rule: { kind: "stairstep", config: { steps: [...] } }`
// (docs/pricing-plugins.md). It is plain CommonJS so that Node loads it as it is; inside Tariff,
// `tariff/pricing` is the running server's own engine, so nothing needs to be installed here.
'use strict';

const { z, ZERO, decimalField, formatAmount, nullableDecimalField, parseWith } = require('tariff/pricing');

/** @typedef {import('tariff/pricing').Decimal} Decimal */
/** @typedef {{ readonly steps: readonly { readonly upTo: Decimal | null, readonly amount: Decimal }[] }} StairstepConfig */

const schema = z.strictObject({
  steps: z
    .array(z.strictObject({ upTo: nullableDecimalField('positive', 'no ceiling'), amount: decimalField('nonNegative') }))
    .min(1, { error: 'must contain at least one step' })
    .superRefine((steps, ctx) => {
      steps.forEach(({ upTo }, i) => {
        const last = i === steps.length - 1;
        const previous = steps[i - 1]?.upTo;
        if (last !== (upTo === null)) {
          ctx.addIssue({ code: 'custom', path: [i, 'upTo'], message: 'only the last step has upTo: null, and it must' });
        } else if (upTo !== null && previous && upTo.lte(previous)) {
          ctx.addIssue({ code: 'custom', path: [i, 'upTo'], message: 'steps must be sorted by upTo, without duplicates' });
        }
      });
    }),
});

/** @type {import('tariff/pricing').PricingRule<StairstepConfig>} */
const stairstep = {
  kind: 'stairstep',
  // The pricing API this plugin was written for, as a literal: Tariff refuses it if its own major version differs.
  apiVersion: 1,
  configSchema: schema,
  // Parsed and priced once when Tariff starts: a plugin whose example fails never serves a request.
  exampleConfig: {
    steps: [
      { upTo: '10', amount: '49' },
      { upTo: '50', amount: '199' },
      { upTo: null, amount: '499' },
    ],
  },
  parseConfig: (json) => Object.freeze(parseWith(schema, json)),
  price(config, quantity, ctx) {
    if (quantity.isZero()) return { amount: ZERO, steps: [`stairstep: 0 units = ${formatAmount(ZERO, ctx.minorUnits)}`] };
    const index = config.steps.findIndex((step) => step.upTo === null || quantity.lte(step.upTo));
    const amount = config.steps[index].amount;
    // Unrounded: Tariff rounds the line once, to the currency's minor unit, as for every kind.
    return {
      amount,
      steps: [`stairstep: ${quantity.toFixed()} units fall in step ${index + 1} = ${formatAmount(amount, ctx.minorUnits)}`],
    };
  },
};

module.exports = stairstep;
