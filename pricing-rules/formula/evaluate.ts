import type { Decimal } from '../../src/pricing/decimal';
import { applyFunction, arithmetic, bounded, compare, shown } from './operations';
import { type FormulaNode, FormulaError } from './syntax';

interface Evaluated {
  readonly value: Decimal;
  /** The node as written, with q and every call replaced by their values: the last step's arithmetic. */
  readonly text: string;
}

interface Run {
  readonly qText: string;
  readonly q: Decimal;
  /** Each function call and if, as evaluated: `min(150, 100) = 100`. */
  readonly calls: string[];
}

function evaluate(node: FormulaNode, run: Run): Evaluated {
  switch (node.type) {
    case 'number':
      return { value: node.value, text: node.text };
    case 'q':
      return { value: run.q, text: run.qText };
    case 'group': {
      const inner = evaluate(node.inner, run);
      return { value: inner.value, text: `(${inner.text})` };
    }
    case 'negate': {
      const operand = evaluate(node.operand, run);
      return { value: bounded(operand.value.neg(), node.pos), text: `-${operand.text}` };
    }
    case 'arithmetic': {
      const left = evaluate(node.left, run);
      const right = evaluate(node.right, run);
      const value = bounded(arithmetic(node.op, left.value, right.value, node.pos), node.pos);
      return { value, text: `${left.text} ${node.op} ${right.text}` };
    }
    case 'call': {
      const args = node.args.map((arg) => evaluate(arg, run).value);
      const value = bounded(applyFunction(node.name, args), node.pos);
      run.calls.push(`${node.name}(${args.map(shown).join(', ')}) = ${shown(value)}`);
      return { value, text: shown(value) };
    }
    case 'if': {
      const { op, pos } = node.condition;
      const left = evaluate(node.condition.left, run);
      const right = evaluate(node.condition.right, run);
      // Only the branch taken is evaluated: `if(q > 0, 100 / q, 0)` never divides by zero.
      const chosen = evaluate(compare(op, left.value, right.value) ? node.then : node.otherwise, run);
      run.calls.push(`if(${left.text} ${op} ${right.text}) = ${shown(chosen.value)}`);
      return { value: bounded(chosen.value, pos), text: shown(chosen.value) };
    }
    case 'compare':
      throw new FormulaError('a comparison gives no number', node.pos); // the parser never lets one through
  }
}

export interface FormulaResult {
  readonly amount: Decimal;
  readonly calls: readonly string[];
  /** The formula with q and the calls replaced by their values. */
  readonly arithmetic: string;
}

/** Evaluates a parsed formula at quantity q; throws FormulaError (with its position) for a division by zero, a value out of bounds or a negative amount. */
export function evaluateFormula(root: FormulaNode, q: Decimal): FormulaResult {
  const run: Run = { q, qText: q.toFixed(), calls: [] };
  const { value, text } = evaluate(root, run);
  if (value.isNegative()) throw new FormulaError(`the amount is negative (${shown(value)}): a price is never below zero, use max(…, 0)`, 0);
  return { amount: value, calls: run.calls, arithmetic: text };
}
