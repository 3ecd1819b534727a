import { formula } from '../../pricing-rules/formula';
import { priceLine } from '../../src/pricing';
import { issuesOf, makePrice } from '../pricing/fixtures';
import { ctxFor, q } from './helpers';

const priced = (expression: string, quantity: string) => formula.price(formula.parseConfig({ expression }), q(quantity), ctxFor());

describe('formula', () => {
  const tiered = 'min(q, 100) * 2.5 + max(q - 100, 0) * 2';

  it.each([
    ['0', '0', ['formula: 0 units = 0.00']],
    ['1', '2.5', [`formula: ${tiered} with q = 1`, 'formula: min(1, 100) = 1; max(-99, 0) = 0', 'formula: 1 * 2.5 + 0 * 2 = 2.50']],
    [
      '100',
      '250',
      [`formula: ${tiered} with q = 100`, 'formula: min(100, 100) = 100; max(0, 0) = 0', 'formula: 100 * 2.5 + 0 * 2 = 250.00'],
    ],
    [
      '150',
      '350',
      [`formula: ${tiered} with q = 150`, 'formula: min(150, 100) = 100; max(50, 0) = 50', 'formula: 100 * 2.5 + 50 * 2 = 350.00'],
    ],
    [
      '100.001',
      '250.002',
      [
        `formula: ${tiered} with q = 100.001`,
        'formula: min(100.001, 100) = 100; max(0.001, 0) = 0.001',
        'formula: 100 * 2.5 + 0.001 * 2 = 250.002',
      ],
    ],
  ])('prices %s at %s exactly: min(q, 100) * 2.5 + max(q - 100, 0) * 2', (quantity, amount, steps) => {
    const result = priced(tiered, quantity);
    expect(result.amount.toFixed()).toBe(amount);
    expect(result.steps).toEqual(steps);
  });

  it.each([
    ['q * 0.1 + q * 0.2', '3', '0.9'], // exact decimals: 0.30000000000000004 in floating point
    ['(q + 1) * 2', '4', '10'],
    ['q + 1 * 2', '4', '6'],
    ['10 - 4 - 3', '1', '3'], // left-associative
    ['100 / 4 / 5', '1', '5'],
    ['--q', '7', '7'],
    ['ceil(q / 12) * 10', '13', '20'],
    ['floor(q / 12) * 10', '13', '10'],
    ['round(q / 3, 2)', '1', '0.33'],
    ['round(q / 8, 2)', '1', '0.13'], // 0.125 half-up
    ['round(q * 2.5)', '1', '3'],
    ['min(q, 5, 3) + max(1, 2, q)', '10', '13'],
    ['if(q > 10, 5, 7)', '10', '7'],
    ['if(q >= 10, 5, 7)', '10', '5'],
    ['if(q == 3, 1, 2) + if(q != 3, 10, 20) + if(q < 3, 100, 200) + if(q <= 3, 1000, 2000)', '3', '1221'],
    ['if(q > 0, 100 / q, 100 / (q - q))', '4', '25'], // only the branch taken is evaluated
    ['999999999999999999.999999999999 * 2 / 2', '1', '999999999999999999.999999999999'],
  ])('%s at q = %s is %s', (expression, quantity, amount) => {
    expect(priced(expression, quantity).amount.toFixed()).toBe(amount);
  });

  it('shows a value that does not terminate cut at 12 decimals, and prices it exactly (the engine rounds the line)', () => {
    const result = priced('q / 3', '1');
    expect(result.steps).toEqual(['formula: q / 3 with q = 1', 'formula: 1 / 3 = 0.333333333333…']);
    const line = priceLine({
      price: makePrice('f', 'formula', { expression: 'q / 3' }),
      quantity: q('2'),
      currency: 'EUR',
      contracts: [],
      at: new Date('2026-01-01T00:00:00Z'),
      resolvePrice: () => undefined,
    });
    expect(line.amount.toFixed(2)).toBe('0.67');
    expect(line.steps.at(-1)).toBe('rounded half-up to 2 decimals: 0.67');
  });

  it('explains if and nested calls in the order they were evaluated', () => {
    expect(priced('max(if(q > 10, q * 2, 5), round(q / 3, 1))', '12').steps).toEqual([
      'formula: max(if(q > 10, q * 2, 5), round(q / 3, 1)) with q = 12',
      'formula: if(12 > 10) = 24; round(4, 1) = 4; max(24, 4) = 24',
      'formula: result 24.00',
    ]);
  });

  it.each([
    ['', 'must not be empty'],
    ['q +', "position 4: expected a number, q, a function or '(', the formula ends"],
    ['(q + 1', "position 7: expected ')' to close the '(' at position 1, the formula ends"],
    ['q)', "position 2: unexpected ')'"],
    ['1e3 * q', 'position 2: a number cannot be followed by "e": write plain decimals such as 1000 or 0.5'],
    ['.5 * q', 'position 1: unexpected character "." (write 0.5, not .5)'],
    ['q = 1', 'position 3: unexpected character "=" (equality is ==)'],
    ['q % 2', 'position 3: unexpected character "%"'],
    ['q ** 2', "position 4: expected a number, q, a function or '(', found '*'"],
    ['q.constructor', 'position 2: unexpected character "."'],
    ["q['constructor']", 'position 2: unexpected character "["'],
    ['"q"', 'position 1: unexpected character "\\""'],
    ['constructor', expect.stringMatching(/^position 1: unknown name 'constructor': the quantity is q, and the functions are min/)],
    ['Q * 2', expect.stringMatching(/^position 1: unknown name 'Q'/)],
    ['sqrt(q)', expect.stringMatching(/^position 1: unknown name 'sqrt'/)],
    ['min q', "position 5: expected '(' after min, found 'q'"],
    ['min(q)', 'position 1: min takes at least 2 arguments, not 1'],
    ['ceil(q, 2)', 'position 1: ceil takes 1 argument, not 2'],
    ['round(q, 1, 2)', 'position 1: round takes 1 or 2 arguments, not 3'],
    ['round(q, 13)', "position 10: round's decimals must be a whole number from 0 to 12"],
    ['round(q, q)', "position 10: round's decimals must be a whole number from 0 to 12"],
    ['round(q, 1.5)', "position 10: round's decimals must be a whole number from 0 to 12"],
    ['if(q, 1, 2)', 'position 4: the condition of if must be a comparison such as q > 100'],
    ['if(q > 1, 2)', 'position 1: if takes 3 arguments, not 2'],
    ['q > 1', 'position 3: a comparison gives no number: use it as the condition of if(…)'],
    ['if(q > 1 > 2, 1, 2)', "position 10: expected ')' to close if(, found '>'"],
    ['(q > 1) * 2', 'position 4: a comparison gives no number: use it as the condition of if(…)'],
    ['1234567890123456789 * q', 'position 1: a number may have at most 18 digits before the point'],
    ['0.0000000000001 * q', 'position 1: a number may have at most 12 decimals'],
    ['-'.repeat(21) + 'q', 'position 21: nests deeper than 20 levels'],
    ['('.repeat(21) + 'q' + ')'.repeat(21), 'position 21: nests deeper than 20 levels'],
    ['q + '.repeat(100) + 'q', 'position 399: has more than 200 terms'],
    ['q'.repeat(501), 'must be at most 500 characters'],
  ])('refuses %j at expression: %s', (expression, message) => {
    expect(issuesOf(() => formula.parseConfig({ expression }))).toEqual([{ path: 'expression', message }]);
  });

  it.each([
    [{}, 'expression', 'must be a string'],
    [{ expression: 5 }, 'expression', 'must be a string'],
    [{ expression: 'q', extra: 1 }, '', expect.stringMatching(/extra/)],
  ])('refuses the config %j', (json, path, message) => {
    expect(issuesOf(() => formula.parseConfig(json))).toContainEqual({ path, message });
  });

  it.each([
    ['100 / (q - 2)', '2', 'formula 100 / (q - 2) at q = 2: position 5: division by zero'],
    ['q - 10', '3', 'formula q - 10 at q = 3: position 1: the amount is negative (-7): a price is never below zero, use max(…, 0)'],
    ['q * q * q', '100000000000', 'formula q * q * q at q = 100000000000: position 7: a value reaches 10^30 or more'],
  ])('fails %s at q = %s for that line, at its quantity', (expression, quantity, message) => {
    expect(issuesOf(() => priced(expression, quantity))).toEqual([{ path: 'quantity', message }]);
  });

  it('is refused at rule.config.expression when a price is parsed', () => {
    expect(issuesOf(() => makePrice('f', 'formula', { expression: 'q +' }))).toEqual([
      { path: 'rule.config.expression', message: "position 4: expected a number, q, a function or '(', the formula ends" },
    ]);
  });
});
