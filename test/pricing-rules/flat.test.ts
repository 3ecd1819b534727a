import { flat } from '../../pricing-rules/flat';
import { issuesOf } from '../pricing/fixtures';
import { ctxFor, q } from './helpers';

describe('flat', () => {
  const config = flat.parseConfig({ amount: '99.00' });

  it.each([
    ['0', '0', 'flat: 0 × 99.00 = 0.00'],
    ['1', '99', 'flat: 1 × 99.00 = 99.00'],
    ['3', '297', 'flat: 3 × 99.00 = 297.00'],
    ['0.5', '49.5', 'flat: 0.5 × 99.00 = 49.50'],
  ])('q=%s → %s', (quantity, amount, step) => {
    const result = flat.price(config, q(quantity), ctxFor());
    expect(result.amount.toFixed()).toBe(amount);
    expect(result.steps).toEqual([step]);
  });

  it.each([
    [{}, 'amount', /required/],
    [{ amount: '-1' }, 'amount', /zero or more/],
    [{ amount: '1e2' }, 'amount', /plain decimal/],
    [{ amount: 1, extra: 2 }, '', /extra/],
    [null, '', /expected object/],
  ])('rejects %j at %j', (json, path, message) => {
    expect(issuesOf(() => flat.parseConfig(json))).toContainEqual({ path, message: expect.stringMatching(message) });
  });
});
