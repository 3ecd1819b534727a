import DecimalJs from 'decimal.js';
import fc from 'fast-check';
import { Decimal, formatAmount, formatDecimal, parseDecimalString, toEngineDecimal } from '../../src/pricing';
import { issuesOf } from './fixtures';

describe('parseDecimalString (strict, PRICING.md "Money")', () => {
  it.each([
    ['0', '0'],
    ['1', '1'],
    ['-1', '-1'],
    ['1.5', '1.5'],
    ['1234.50', '1234.5'],
    ['0.000125', '0.000125'],
    ['1.123456789012', '1.123456789012'],
    ['007', '7'],
    ['999999999999999999', '999999999999999999'],
    ['000000000000000000001', '1'],
  ])('accepts %j as %s', (input, expected) => {
    expect(formatDecimal(parseDecimalString(input))).toBe(expected);
  });

  it('reads "-0" as an unsigned zero', () => {
    const zero = parseDecimalString('-0');
    expect(zero.isZero()).toBe(true);
    expect(zero.isNegative()).toBe(false);
  });

  it.each([
    '1e3',
    'NaN',
    ' 1',
    '1 ',
    '',
    '+1',
    '1.',
    '.5',
    '-',
    '--1',
    '1.1234567890123',
    'Infinity',
    '-Infinity',
    '1,5',
    '0x10',
    '1_000',
    '١',
    '1.2.3',
    '1234567890123456789',
  ])('rejects %j', (input) => {
    const issues = issuesOf(() => parseDecimalString(input, 'lines[2].quantity'));
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toBe('lines[2].quantity');
  });

  it.each([1, 0.5, null, undefined, {}])('rejects the non-string %j that JSON variables could carry', (input) => {
    expect(issuesOf(() => parseDecimalString(input as unknown as string, 'amount'))).toEqual([
      { path: 'amount', message: 'must be a decimal string such as "12.50"' },
    ]);
  });

  it('round-trips every strict decimal it accepts', () => {
    const strict = fc
      .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 18n - 1n }), fc.option(fc.stringMatching(/^\d{1,12}$/)))
      .map(([neg, int, frac]) => `${neg ? '-' : ''}${int}${frac === null ? '' : `.${frac}`}`);
    fc.assert(
      fc.property(strict, (s) => {
        expect(parseDecimalString(s).eq(new Decimal(s))).toBe(true);
      }),
    );
  });
});

describe('precision (decimal.js configured once, 60 digits)', () => {
  it.each([
    ['1000000000000000', '0.000000000001', '1000'],
    ['1000000000000001', '0.000000000001', '1000.000000000001'],
    ['123456789012345.678901234567', '1.000000000001', '123456789012469.135690246912678901234567'],
    ['1000000', '0.000125', '125'],
  ])('keeps %s × %s exact', (a, b, expected) => {
    expect(formatDecimal(new Decimal(a).times(b))).toBe(expected);
  });

  it('multiplies two of the largest inputs exactly', () => {
    const max = '999999999999999999.999999999999';
    const exact = (10n ** 30n - 1n) ** 2n; // scaled by 10^24
    const digits = exact.toString();
    const expected = `${digits.slice(0, -24)}.${digits.slice(-24)}`;
    expect(formatDecimal(parseDecimalString(max).times(parseDecimalString(max)))).toBe(expected);
  });

  it('re-homes a Decimal from the default decimal.js constructor, which rounds to 20 digits', () => {
    const foreign = new DecimalJs('123456789012345678.123');
    expect(foreign.times(3).toFixed()).toBe('370370367037037034.37'); // the trap: 20 significant digits
    expect(toEngineDecimal(foreign).times(3).toFixed()).toBe('370370367037037034.369');
  });

  it('never prints an exponent', () => {
    expect(formatDecimal(new Decimal('0.000000000001').times('0.000000000001'))).toBe('0.000000000000000000000001');
    expect(formatDecimal(new Decimal('1000000000000000000').times('1000000000000000000'))).toBe(`1${'0'.repeat(36)}`);
  });
});

describe('formatAmount (amounts inside steps)', () => {
  it.each([
    ['5', 2, '5.00'],
    ['240', 2, '240.00'],
    ['0.000125', 2, '0.000125'],
    ['12.5', 2, '12.50'],
    ['12.5', 0, '12.5'],
    ['1000', 0, '1000'],
    ['1.2', 3, '1.200'],
    ['-3.5', 2, '-3.50'],
    ['0', 2, '0.00'],
  ])('%s with at least %i decimals is %s', (value, scale, expected) => {
    expect(formatAmount(new Decimal(value), scale)).toBe(expected);
  });
});
