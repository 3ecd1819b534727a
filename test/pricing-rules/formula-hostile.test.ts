import fc from 'fast-check';
import { formula } from '../../pricing-rules/formula';
import { Decimal, PricingInputError, parseRule } from '../../src/pricing';
import { ctxFor } from './helpers';

// Whatever a client sends as a formula, the answer is a PricingInputError (BAD_USER_INPUT) at
// rule.config.expression when the price is created, or at the line's quantity when it is priced,
// or an amount: never another error (INTERNAL_SERVER_ERROR), and never slowly.
const SLOW_MS = 500;

const names = fc.constantFrom(
  'constructor',
  '__proto__',
  'prototype',
  'this',
  'globalThis',
  'process',
  'require',
  'eval',
  'Function',
  'q.constructor',
  'q["constructor"]',
  "q['__proto__']",
  'min.constructor("return process")()',
  'constructor.constructor("return this")()',
  'process.exit(1)',
  'import("fs")',
  '`${q}`',
  'q; q',
  'q => q',
  '[q]',
  '{ q: 1 }',
  'new Date()',
  'q ? 1 : 2',
  'q && 1',
  'q || 1',
  'q ** 9999',
  'q ^ 9999',
  '!q',
  'Infinity',
  'NaN',
  '1e999999999',
  '1E+308 * q',
  '0x10',
  '1_000',
);

const soup = fc
  .array(
    fc.constantFrom(
      'q',
      '0',
      '1',
      '2.5',
      '999999999999999999',
      '0.000000000001',
      '+',
      '-',
      '*',
      '/',
      '(',
      ')',
      ',',
      ' ',
      'min',
      'max',
      'ceil',
      'floor',
      'round',
      'if',
      '<',
      '<=',
      '>',
      '>=',
      '==',
      '!=',
      '.',
      'e',
      '[',
      ']',
      '"',
      'constructor',
      '\u0000',
      '😀',
      '\uD800',
    ),
    { maxLength: 80 },
  )
  .map((parts) => parts.join(''));

const deep = fc.oneof(
  fc.integer({ min: 1, max: 5000 }).map((n) => '('.repeat(n) + 'q' + ')'.repeat(n)),
  fc.integer({ min: 1, max: 5000 }).map((n) => '('.repeat(n) + 'q'),
  fc.integer({ min: 1, max: 300 }).map((n) => 'min(q, '.repeat(n) + 'q' + ')'.repeat(n)),
  fc.integer({ min: 1, max: 300 }).map((n) => 'if(q > 1, '.repeat(n) + 'q' + ', 0)'.repeat(n)),
  fc.integer({ min: 1, max: 5000 }).map((n) => '-'.repeat(n) + 'q'),
  fc.integer({ min: 1, max: 2000 }).map((n) => Array(n).fill('q').join(' + ')),
);

const huge = fc.oneof(
  fc.integer({ min: 1, max: 5000 }).map((n) => '9'.repeat(n)),
  fc.integer({ min: 1, max: 400 }).map((n) => `0.${'0'.repeat(n)}1 * q`),
  fc.nat().map((n) => `1e${n} * q`),
  fc.integer({ min: 1, max: 30 }).map((n) => Array(n).fill('999999999999999999').join(' * ')),
  fc.integer({ min: 1, max: 90 }).map((n) => Array(n).fill('q').join(' * ')),
  fc.integer({ min: 1, max: 60 }).map((n) => '1 / '.repeat(n) + '0.000000000001'),
  fc.integer({ min: 1, max: 60 }).map((n) => Array(n).fill('round(q / 7, 12)').join(' * ')),
);

// Well-formed formulas of every construct, so that evaluation is exercised too (division by zero,
// negative amounts, magnitudes), not only the parser.
const { wellFormed } = fc.letrec<{ wellFormed: string }>((tie) => ({
  wellFormed: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom('q', '0', '1', '2.5', '100', '0.000000000001', '999999999999999999'),
    fc.tuple(tie('wellFormed'), fc.constantFrom('+', '-', '*', '/'), tie('wellFormed')).map(([a, op, b]) => `${a} ${op} ${b}`),
    tie('wellFormed').map((a) => `(${a})`),
    tie('wellFormed').map((a) => `-${a}`),
    fc
      .tuple(fc.constantFrom('min', 'max'), fc.array(tie('wellFormed'), { minLength: 2, maxLength: 3 }))
      .map(([name, args]) => `${name}(${args.join(', ')})`),
    fc.tuple(fc.constantFrom('ceil', 'floor'), tie('wellFormed')).map(([name, a]) => `${name}(${a})`),
    fc.tuple(tie('wellFormed'), fc.integer({ min: 0, max: 12 })).map(([a, n]) => `round(${a}, ${n})`),
    fc
      .tuple(tie('wellFormed'), fc.constantFrom('<', '<=', '>', '>=', '==', '!='), tie('wellFormed'), tie('wellFormed'), tie('wellFormed'))
      .map(([a, op, b, then, otherwise]) => `if(${a} ${op} ${b}, ${then}, ${otherwise})`),
  ),
}));

const quantity = fc.oneof(
  fc.constantFrom('0', '1', '7', '100', '0.5', '999999999999999999.999999999999', '0.000000000001'),
  fc.nat({ max: 1_000_000 }).map(String),
);

const expression = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  names,
  soup,
  deep,
  huge,
  wellFormed,
);

type Outcome = 'refused at creation' | 'refused for the line' | 'priced';

function outcome(source: string, q: string): Outcome {
  let config: unknown;
  try {
    config = parseRule('formula', { expression: source }).config;
  } catch (error) {
    if (!(error instanceof PricingInputError)) throw error;
    expect(error.issues).toEqual([{ path: 'rule.config.expression', message: expect.any(String) }]);
    expect(error.issues[0].message).toMatch(/^(position \d+: |must be at most 500 characters$|must not be empty$)/);
    return 'refused at creation';
  }
  try {
    const { amount, steps } = formula.price(formula.parseConfig({ expression: source }), new Decimal(q), ctxFor());
    expect(amount.isFinite() && !amount.isNegative()).toBe(true);
    expect(steps.every((step) => typeof step === 'string' && step.startsWith('formula: '))).toBe(true);
    expect(config).toBeDefined();
    return 'priced';
  } catch (error) {
    if (!(error instanceof PricingInputError)) throw error;
    expect(error.issues).toEqual([{ path: 'quantity', message: expect.stringMatching(/ at q = .*: position \d+: /) }]);
    return 'refused for the line';
  }
}

describe('hostile formulas', () => {
  it('always end in an amount or a PricingInputError with a path and a position, quickly', () => {
    const seen = new Map<Outcome, number>();
    let slowest = 0;
    fc.assert(
      fc.property(expression, quantity, (source, q) => {
        const started = performance.now();
        const result = outcome(source, q);
        slowest = Math.max(slowest, performance.now() - started);
        seen.set(result, (seen.get(result) ?? 0) + 1);
        expect(performance.now() - started).toBeLessThan(SLOW_MS);
      }),
      { numRuns: 2000 },
    );
    // The generators reach every outcome, or the property says less than it seems to.
    expect([...seen.keys()].sort()).toEqual(['priced', 'refused at creation', 'refused for the line']);
  });

  it.each([
    ['constructor', 'constructor', /^position 1: unknown name 'constructor'/],
    ['property access', 'q.constructor', /^position 2: unexpected character "\."$/],
    ['100,000 parentheses', '('.repeat(100_000), /^must be at most 500 characters$/],
    ['400 nested parentheses', '('.repeat(400) + 'q' + ')'.repeat(99), /^position 21: nests deeper than 20 levels$/],
    ['a 400-digit number', '9'.repeat(400), /^position 1: a number may have at most 18 digits before the point$/],
    ['a huge exponent', '1e999999999 * q', /^position 2: a number cannot be followed by "e"/],
  ])('refuses %s', (_, source, message) => {
    expect(outcome(source, '1')).toBe('refused at creation');
    try {
      parseRule('formula', { expression: source });
    } catch (error) {
      expect((error as PricingInputError).issues[0].message).toMatch(message);
    }
  });

  it('refuses a value of 10^30 or more when pricing, instead of losing digits', () => {
    expect(outcome(Array(10).fill('999999999999999999').join(' * '), '1')).toBe('refused for the line');
    expect(outcome('q * q', '999999999999999')).toBe('priced');
    expect(outcome('q * q', '1000000000000000')).toBe('refused for the line');
  });
});
