import { RateLimiter } from '../../src/graphql/rate-limit';

describe('RateLimiter (rate-limiter-flexible, in memory)', () => {
  it('grants a burst of twice the rate per key, then names the whole seconds to wait', async () => {
    const limiter = new RateLimiter(3);
    const waits = [];
    for (let i = 0; i < 7; i++) waits.push(await limiter.take('a'));
    expect(waits.slice(0, 6)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(waits[6]).toBeGreaterThanOrEqual(1);
    expect(waits[6]).toBeLessThanOrEqual(2);
  });

  it('keeps keys apart', async () => {
    const limiter = new RateLimiter(1);
    await limiter.take('a');
    await limiter.take('a');
    expect(await limiter.take('a')).toBeGreaterThan(0);
    expect(await limiter.take('b')).toBe(0);
  });

  it('grants one request per 1/rate seconds at a rate below one per two seconds', async () => {
    const limiter = new RateLimiter(0.2);
    expect(await limiter.take('a')).toBe(0);
    const wait = await limiter.take('a');
    expect(wait).toBeGreaterThan(2);
    expect(wait).toBeLessThanOrEqual(5);
  });

  it('limits nothing at rate 0', async () => {
    const limiter = new RateLimiter(0);
    for (let i = 0; i < 100; i++) expect(await limiter.take('a')).toBe(0);
  });
});
