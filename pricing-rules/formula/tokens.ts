import { FORMULA_LIMITS, FormulaError } from './syntax';

export interface Token {
  readonly kind: 'number' | 'name' | 'symbol' | 'end';
  readonly text: string;
  readonly pos: number;
}

const SPACE = /[ \t\r\n]+/y;
const NUMBER = /(\d+)(?:\.(\d+))?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
// Two-character symbols first, so that `<=` is not read as `<` then `=`.
const SYMBOLS = ['<=', '>=', '==', '!=', '+', '-', '*', '/', '(', ')', ',', '<', '>'];

function matchAt(pattern: RegExp, source: string, pos: number): RegExpExecArray | null {
  pattern.lastIndex = pos;
  return pattern.exec(source);
}

/** One character as an error shows it: quoted, escaped when it is not printable. */
export function charAt(source: string, pos: number): string {
  return JSON.stringify(String.fromCodePoint(source.codePointAt(pos) ?? 0));
}

/** A number as written in a config: plain digits, at most 18 before the point and 12 after. */
function checkNumber(match: RegExpExecArray, source: string, pos: number): void {
  const end = pos + match[0].length;
  if (end < source.length && /[A-Za-z_.]/.test(source[end])) {
    throw new FormulaError(`a number cannot be followed by ${charAt(source, end)}: write plain decimals such as 1000 or 0.5`, end);
  }
  if (match[1].replace(/^0+(?=\d)/, '').length > FORMULA_LIMITS.integerDigits) {
    throw new FormulaError(`a number may have at most ${FORMULA_LIMITS.integerDigits} digits before the point`, pos);
  }
  if ((match[2] ?? '').length > FORMULA_LIMITS.decimalPlaces) {
    throw new FormulaError(`a number may have at most ${FORMULA_LIMITS.decimalPlaces} decimals`, pos);
  }
}

/** How an error names the token it stopped at. */
export const found = (t: Token): string => (t.kind === 'end' ? 'the formula ends' : `found '${t.text}'`);

/** Splits a formula into tokens; anything that is not a number, a name or an operator of the language is refused here. */
export function tokenize(source: string): Token[] {
  if (source.length > FORMULA_LIMITS.length) throw new FormulaError(`is longer than ${FORMULA_LIMITS.length} characters`, 0);
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < source.length) {
    const space = matchAt(SPACE, source, pos);
    if (space !== null) {
      pos += space[0].length;
      continue;
    }
    const number = matchAt(NUMBER, source, pos);
    if (number !== null) {
      checkNumber(number, source, pos);
      tokens.push({ kind: 'number', text: number[0], pos });
      pos += number[0].length;
      continue;
    }
    const name = matchAt(NAME, source, pos);
    if (name !== null) {
      tokens.push({ kind: 'name', text: name[0], pos });
      pos += name[0].length;
      continue;
    }
    const symbol = SYMBOLS.find((candidate) => source.startsWith(candidate, pos));
    if (symbol === undefined) {
      const hint = source[pos] === '=' ? ' (equality is ==)' : /^\.\d/.test(source.slice(pos, pos + 2)) ? ' (write 0.5, not .5)' : '';
      throw new FormulaError(`unexpected character ${charAt(source, pos)}${hint}`, pos);
    }
    tokens.push({ kind: 'symbol', text: symbol, pos });
    pos += symbol.length;
  }
  tokens.push({ kind: 'end', text: '', pos: source.length });
  return tokens;
}
