import fc from 'fast-check';
import { Decimal, currencyCodes, formatMoney, isCurrencyCode, minorUnits, roundMoney } from '../../src/pricing';
import { d, issuesOf } from './fixtures';

describe('ISO 4217 minor units', () => {
  it.each([
    ['EUR', 2],
    ['USD', 2],
    ['GBP', 2],
    ['CHF', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['ISK', 0],
    ['CLP', 0],
    ['VND', 0],
    ['XOF', 0],
    ['KWD', 3],
    ['BHD', 3],
    ['JOD', 3],
    ['OMR', 3],
    ['TND', 3],
    ['IQD', 3],
    ['LYD', 3],
    ['CLF', 4],
    ['UYW', 4],
    ['XCG', 2],
    ['ZWG', 2],
    ['SLE', 2],
    ['VED', 2],
  ])('%s has %i decimals', (code, units) => {
    expect(minorUnits(code)).toBe(units);
  });

  it.each(['XXX', 'XAU', 'XTS', 'HRK', 'ZWL', 'eur', 'EURO', '', 'toString', '__proto__'])('%j is not a billing currency', (code) => {
    expect(isCurrencyCode(code)).toBe(false);
    const issues = issuesOf(() => minorUnits(code));
    expect(issues[0].path).toBe('currency');
    expect(issues[0].message).toMatch(/unknown currency/);
  });

  it('is a table of well-formed codes', () => {
    expect(currencyCodes.length).toBeGreaterThan(150);
    for (const code of currencyCodes) {
      expect(code).toMatch(/^[A-Z]{3}$/);
      expect([0, 2, 3, 4]).toContain(minorUnits(code));
    }
  });
});

describe('roundMoney: once per line, ROUND_HALF_UP to the minor unit', () => {
  it.each([
    ['0.125', 'EUR', '0.13'],
    ['0.124999999999', 'EUR', '0.12'],
    ['0.135', 'EUR', '0.14'],
    ['-0.125', 'EUR', '-0.13'], // a credit mirrors its charge
    ['-0.001', 'EUR', '0.00'],
    ['2.5', 'JPY', '3'],
    ['3.5', 'JPY', '4'],
    ['2.4999', 'JPY', '2'],
    ['1.2345', 'KWD', '1.235'],
    ['1.2344', 'KWD', '1.234'],
    ['0.00005', 'CLF', '0.0001'],
    ['240', 'EUR', '240.00'],
    ['1000', 'JPY', '1000'],
    ['999999999999999999.995', 'EUR', '1000000000000000000.00'],
  ])('%s %s → %s', (amount, currency, expected) => {
    expect(formatMoney(roundMoney(d(amount), currency), currency)).toBe(expected);
  });

  it('never returns a signed zero', () => {
    expect(roundMoney(d('-0.004'), 'EUR').isNegative()).toBe(false);
  });

  it('is idempotent', () => {
    const amounts = fc
      .tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 12 }))
      .map(([units, scale]) => new Decimal(units.toString()).div(new Decimal(10).pow(scale)));
    fc.assert(
      fc.property(amounts, fc.constantFrom(...currencyCodes), (amount, currency) => {
        const once = roundMoney(amount, currency);
        expect(roundMoney(once, currency).eq(once)).toBe(true);
        expect(once.decimalPlaces()).toBeLessThanOrEqual(minorUnits(currency));
        expect(
          once
            .minus(amount)
            .abs()
            .lte(new Decimal(10).pow(-minorUnits(currency)).div(2)),
        ).toBe(true);
      }),
    );
  });
});

describe('formatMoney', () => {
  it.each([
    ['240', 'EUR', '240.00'],
    ['1000', 'JPY', '1000'],
    ['1.235', 'KWD', '1.235'],
    ['1.2', 'KWD', '1.200'],
    ['0.000125', 'USD', '0.00'],
    ['12345678901234567.89', 'USD', '12345678901234567.89'],
  ])('%s %s → %s', (amount, currency, expected) => {
    expect(formatMoney(d(amount), currency)).toBe(expected);
  });
});
