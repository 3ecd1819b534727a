import { z } from 'zod';
import { ZERO, formatAmount } from '../src/pricing/decimal';
import { PricingInputError } from '../src/pricing/errors';
import type { PricingRule } from '../src/pricing/rule';
import { parseWith } from '../src/pricing/validation';
import { evaluateFormula } from './formula/evaluate';
import { shown } from './formula/operations';
import { parseFormula } from './formula/parse';
import { FORMULA_LIMITS, FormulaError, type FormulaNode } from './formula/syntax';

/** An expression over the quantity q, parsed once into a syntax tree (formula/parse.ts). */
export interface FormulaConfig {
  readonly expression: string;
  readonly tree: FormulaNode;
}

const schema = z.strictObject({
  expression: z
    .string({ error: 'must be a string' })
    .min(1, { error: 'must not be empty' })
    .max(FORMULA_LIMITS.length, { error: `must be at most ${FORMULA_LIMITS.length} characters` })
    .meta({
      description:
        'an expression over q (the quantity) with numbers, + - * /, parentheses, min, max, ceil, floor, round(x, decimals), ' +
        'and if(condition, then, else) whose condition compares two values with < <= > >= == !=; e.g. "min(q, 100) * 2.5 + max(q - 100, 0) * 2"',
    }),
});

/** Any error of the formula, with its position counted from 1: `position 9: expected ')', the formula ends`. */
function refused(error: unknown, path: string, context = ''): never {
  if (error instanceof FormulaError) throw PricingInputError.at(path, `${context}${error.describe()}`);
  throw error;
}

/**
 * The amount is what the expression gives at q, in exact decimals, unrounded (the engine rounds
 * the line once). q = 0 prices to 0, as for every kind; a negative amount, a division by zero or
 * a value beyond 10^30 fails the line with BAD_USER_INPUT.
 */
export const formula: PricingRule<FormulaConfig> = {
  kind: 'formula',
  configSchema: schema,
  parseConfig(json) {
    const { expression } = parseWith(schema, json);
    try {
      return Object.freeze({ expression, tree: parseFormula(expression) });
    } catch (error) {
      return refused(error, 'expression');
    }
  },
  price(config, quantity, ctx) {
    if (quantity.isZero()) return { amount: ZERO, steps: [`formula: 0 units = ${formatAmount(ZERO, ctx.minorUnits)}`] };
    try {
      const { amount, calls, arithmetic } = evaluateFormula(config.tree, quantity);
      const shownAmount = amount.decimalPlaces() > FORMULA_LIMITS.decimalPlaces ? shown(amount) : formatAmount(amount, ctx.minorUnits);
      const steps = [`formula: ${config.expression} with q = ${quantity.toFixed()}`];
      if (calls.length > 0) steps.push(`formula: ${calls.join('; ')}`);
      steps.push(arithmetic === shown(amount) ? `formula: result ${shownAmount}` : `formula: ${arithmetic} = ${shownAmount}`);
      return { amount, steps };
    } catch (error) {
      return refused(error, 'quantity', `formula ${config.expression} at q = ${quantity.toFixed()}: `);
    }
  },
};
