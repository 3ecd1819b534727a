import { FORMULA_LIMITS, type FormulaNode, FormulaError, type FunctionName } from './syntax';

/** Each function's number of arguments: [fewest, most]. */
const ARITY: Readonly<Record<FunctionName | 'if', readonly [number, number]>> = {
  min: [2, FORMULA_LIMITS.nodes],
  max: [2, FORMULA_LIMITS.nodes],
  ceil: [1, 1],
  floor: [1, 1],
  round: [1, 2],
  if: [3, 3],
};

export const KNOWN_NAMES =
  'the quantity is q, and the functions are min, max, ceil, floor, round(x, decimals) and if(condition, then, else)';

export function isFunctionName(name: string): name is FunctionName | 'if' {
  return Object.hasOwn(ARITY, name);
}

/** A number wherever a value is used; a comparison only as the condition of if. */
export function numeric(node: FormulaNode): FormulaNode {
  if (node.type === 'compare') throw new FormulaError('a comparison gives no number: use it as the condition of if(…)', node.pos);
  return node;
}

function arityProblem(name: FunctionName | 'if', given: number): string | null {
  const [fewest, most] = ARITY[name];
  if (given >= fewest && given <= most) return null;
  const wanted = fewest === most ? `${fewest}` : most > 2 ? `at least ${fewest}` : `${fewest} or ${most}`;
  return `${name} takes ${wanted} argument${wanted === '1' ? '' : 's'}, not ${given}`;
}

/** round's decimals are written as a whole number from 0 to 12: a computed count could not be checked here. */
function checkPlaces(places: FormulaNode | undefined): void {
  if (places === undefined) return;
  const ok = places.type === 'number' && places.value.isInteger() && places.value.lte(FORMULA_LIMITS.decimalPlaces);
  if (!ok) throw new FormulaError(`round's decimals must be a whole number from 0 to ${FORMULA_LIMITS.decimalPlaces}`, places.pos);
}

/** The node for `name(args…)`, its arguments checked: their number, and numbers or a comparison where each belongs. */
export function callNode(name: FunctionName | 'if', args: readonly FormulaNode[], pos: number): FormulaNode {
  const problem = arityProblem(name, args.length);
  if (problem !== null) throw new FormulaError(problem, pos);
  if (name === 'if') {
    const [condition, then, otherwise] = args;
    if (condition.type !== 'compare') throw new FormulaError('the condition of if must be a comparison such as q > 100', condition.pos);
    return { type: 'if', condition, then: numeric(then), otherwise: numeric(otherwise), pos };
  }
  if (name === 'round') checkPlaces(args[1]);
  return { type: 'call', name, args: args.map(numeric), pos };
}
