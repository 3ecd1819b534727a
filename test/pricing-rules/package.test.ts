import { pkg } from '../../pricing-rules/package';
import { issuesOf } from '../pricing/fixtures';
import { ctxFor, q } from './helpers';

describe('package', () => {
  const config = pkg.parseConfig({ packageSize: 10, packageAmount: '15' });

  it.each([
    ['0', '0', 'package: ceil(0 / 10) = 0 × 15.00 = 0.00'],
    ['1', '15', 'package: ceil(1 / 10) = 1 × 15.00 = 15.00'],
    ['10', '15', 'package: ceil(10 / 10) = 1 × 15.00 = 15.00'],
    ['10.0001', '30', 'package: ceil(10.0001 / 10) = 2 × 15.00 = 30.00'],
    ['25', '45', 'package: ceil(25 / 10) = 3 × 15.00 = 45.00'],
  ])('q=%s → %s', (quantity, amount, step) => {
    const result = pkg.price(config, q(quantity), ctxFor());
    expect(result.amount.toFixed()).toBe(amount);
    expect(result.steps).toEqual([step]);
  });

  it.each([
    ['3', '10', '4'],
    ['3', '9', '3'],
    ['0.1', '0.3', '3'], // exact in decimal, a classic float trap
    ['0.000000000003', '0.000000000009', '3'],
    ['0.000000000003', '0.000000000010', '4'],
    ['999999999999999999', '999999999999999999', '1'],
  ])('ceil(q / size) without a rounded division: size %s, q %s → %s packages', (packageSize, quantity, packages) => {
    const exact = pkg.parseConfig({ packageSize, packageAmount: '1' });
    expect(pkg.price(exact, q(quantity), ctxFor()).amount.toFixed()).toBe(packages);
  });

  it.each([
    [{ packageSize: 0, packageAmount: 1 }, 'packageSize', /greater than zero/],
    [{ packageSize: '-5', packageAmount: 1 }, 'packageSize', /greater than zero/],
    [{ packageSize: 5, packageAmount: '-1' }, 'packageAmount', /zero or more/],
    [{ packageSize: 5 }, 'packageAmount', /required/],
  ])('rejects %j', (json, path, message) => {
    expect(issuesOf(() => pkg.parseConfig(json))).toContainEqual({ path, message: expect.stringMatching(message) });
  });
});
