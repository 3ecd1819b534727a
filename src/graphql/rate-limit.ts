import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * The per-key limit (CONTRACT.md: TARIFF_RATE_LIMIT requests per second with a burst of twice
 * that): twice the rate per two-second window, so a key may spend its whole burst at once and
 * averages the rate over time. Kept in the process: with several API processes behind a load
 * balancer each enforces the limit on its own share of the traffic. Expired windows are dropped
 * by the library, so idle keys cost no memory.
 */
export class RateLimiter {
  private readonly limiter: RateLimiterMemory | null;

  constructor(perSecond: number) {
    if (perSecond <= 0) {
      this.limiter = null;
    } else if (perSecond >= 0.5) {
      this.limiter = new RateLimiterMemory({ points: Math.round(perSecond * 2), duration: 2 });
    } else {
      // Below a request per two seconds, the window grows instead: one request per 1/rate seconds.
      this.limiter = new RateLimiterMemory({ points: 1, duration: Math.ceil(1 / perSecond) });
    }
  }

  /** Takes one request from `key`'s budget; returns 0 when granted, or the whole seconds until the next one is. */
  async take(key: string): Promise<number> {
    if (!this.limiter) return 0;
    try {
      await this.limiter.consume(key);
      return 0;
    } catch (res) {
      if (res instanceof RateLimiterRes) return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
      throw res;
    }
  }
}
