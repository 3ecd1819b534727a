import { Decimal } from '../../src/pricing/decimal';
import { callNode, isFunctionName, KNOWN_NAMES, numeric } from './functions';
import { type Arithmetic, type Comparison, FORMULA_LIMITS, type FormulaNode, FormulaError } from './syntax';
import { found, type Token, tokenize } from './tokens';

/**
 * Parses a formula into its syntax tree, once, when the price is created:
 *   formula := sum [(< | <= | > | >= | == | !=) sum]
 *   sum     := term {(+ | -) term}
 *   term    := unary {(* | /) unary}
 *   unary   := - unary | number | q | name ( formula {, formula} ) | ( formula )
 * The tree is plain data: evaluating it can only do the arithmetic written in it.
 */
export function parseFormula(source: string): FormulaNode {
  const tokens = tokenize(source);
  let index = 0;
  let count = 0;
  let depth = 0;
  const take = (...symbols: readonly string[]): Token | null =>
    tokens[index].kind === 'symbol' && symbols.includes(tokens[index].text) ? tokens[index++] : null;
  const expect = (symbol: string, where: string): void => {
    if (take(symbol) === null) throw new FormulaError(`expected '${symbol}' ${where}, ${found(tokens[index])}`, tokens[index].pos);
  };
  const node = (made: FormulaNode): FormulaNode => {
    if (++count > FORMULA_LIMITS.nodes) throw new FormulaError(`has more than ${FORMULA_LIMITS.nodes} terms`, made.pos);
    return made;
  };
  const nested = <T>(pos: number, parse: () => T): T => {
    if (++depth > FORMULA_LIMITS.depth) throw new FormulaError(`nests deeper than ${FORMULA_LIMITS.depth} levels`, pos);
    const result = parse();
    depth--;
    return result;
  };
  const binary =
    (next: () => FormulaNode, ...ops: Arithmetic[]) =>
    (): FormulaNode => {
      let left = next();
      for (let op = take(...ops); op !== null; op = take(...ops)) {
        left = node({ type: 'arithmetic', op: op.text as Arithmetic, left: numeric(left), right: numeric(next()), pos: op.pos });
      }
      return left;
    };
  const formula = (): FormulaNode => {
    const left = sum();
    const op = take('<', '<=', '>', '>=', '==', '!=');
    if (op === null) return left;
    return node({ type: 'compare', op: op.text as Comparison, left: numeric(left), right: numeric(sum()), pos: op.pos });
  };
  const call = (name: Token): FormulaNode => {
    if (!isFunctionName(name.text)) throw new FormulaError(`unknown name '${name.text}': ${KNOWN_NAMES}`, name.pos);
    expect('(', `after ${name.text}`);
    const args = nested(name.pos, () => {
      const list = [formula()];
      while (take(',') !== null) list.push(formula());
      return list;
    });
    expect(')', `to close ${name.text}(`);
    return node(callNode(name.text, args, name.pos));
  };
  const unary = (): FormulaNode => {
    const t = tokens[index];
    if (take('-') !== null) return node({ type: 'negate', operand: numeric(nested(t.pos, unary)), pos: t.pos });
    if (take('(') !== null) {
      const inner = nested(t.pos, formula);
      expect(')', `to close the '(' at position ${t.pos + 1}`);
      // A comparison in parentheses is still a comparison: `if((q > 1), …)` works, `(q > 1) * 2` does not.
      return inner.type === 'compare' ? inner : node({ type: 'group', inner, pos: t.pos });
    }
    index++;
    if (t.kind === 'number') return node({ type: 'number', value: new Decimal(t.text), text: t.text, pos: t.pos });
    if (t.kind === 'name') return t.text === 'q' ? node({ type: 'q', pos: t.pos }) : call(t);
    throw new FormulaError(`expected a number, q, a function or '(', ${found(t)}`, t.pos);
  };
  const term = binary(unary, '*', '/');
  const sum = binary(term, '+', '-');
  const root = numeric(formula());
  if (tokens[index].kind !== 'end') throw new FormulaError(`unexpected '${tokens[index].text}'`, tokens[index].pos);
  return root;
}
