import type { Decimal } from '../../src/pricing/decimal';

/**
 * What bounds a formula, so that hostile input is refused quickly instead of hanging or
 * overflowing: its length, how deep it nests, how many terms it has, the digits of a number
 * (as for any decimal in a config), and the magnitude any intermediate value may reach (below
 * 10^30, so that every product of two values stays exact at the engine's 60 digits).
 */
export const FORMULA_LIMITS = Object.freeze({
  length: 500,
  depth: 20,
  nodes: 200,
  integerDigits: 18,
  decimalPlaces: 12,
  magnitudeDigits: 30,
});

export type Arithmetic = '+' | '-' | '*' | '/';
export type Comparison = '<' | '<=' | '>' | '>=' | '==' | '!=';
export type FunctionName = 'min' | 'max' | 'ceil' | 'floor' | 'round';

/** `left op right`: only ever the condition of an if. */
export interface CompareNode {
  readonly type: 'compare';
  readonly op: Comparison;
  readonly left: FormulaNode;
  readonly right: FormulaNode;
  readonly pos: number;
}

/** A parsed formula: plain data, no functions, no names left to look up. `pos` is the 0-based offset in the source. */
export type FormulaNode =
  | { readonly type: 'number'; readonly value: Decimal; readonly text: string; readonly pos: number }
  | { readonly type: 'q'; readonly pos: number }
  | { readonly type: 'group'; readonly inner: FormulaNode; readonly pos: number }
  | { readonly type: 'negate'; readonly operand: FormulaNode; readonly pos: number }
  | { readonly type: 'arithmetic'; readonly op: Arithmetic; readonly left: FormulaNode; readonly right: FormulaNode; readonly pos: number }
  | CompareNode
  | { readonly type: 'call'; readonly name: FunctionName; readonly args: readonly FormulaNode[]; readonly pos: number }
  | {
      readonly type: 'if';
      readonly condition: CompareNode;
      readonly then: FormulaNode;
      readonly otherwise: FormulaNode;
      readonly pos: number;
    };

/** A formula that cannot be parsed or evaluated, at a 0-based offset of its source. */
export class FormulaError extends Error {
  override readonly name = 'FormulaError';

  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }

  /** `position 12: expected ')'`, positions counted from 1 as an editor shows them. */
  describe(): string {
    return `position ${this.position + 1}: ${this.message}`;
  }
}
