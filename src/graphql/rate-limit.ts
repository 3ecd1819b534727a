/**
 * Token bucket per API key (CONTRACT.md: TARIFF_RATE_LIMIT requests per second with a burst of
 * twice that). Kept in the process: with several API processes behind a load balancer each
 * enforces the limit on its own share of the traffic.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Takes a token for `key`; returns 0 when granted, or the seconds until one is available. */
  take(key: string): number {
    if (this.perSecond <= 0) return 0;
    const capacity = this.perSecond * 2;
    const t = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: capacity, at: t };
    bucket.tokens = Math.min(capacity, bucket.tokens + ((t - bucket.at) / 1000) * this.perSecond);
    bucket.at = t;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    if (this.buckets.size > 100_000) this.evictFull(t);
    return Math.ceil((1 - bucket.tokens) / this.perSecond);
  }

  /** A bucket that has refilled completely is indistinguishable from a missing one. */
  private evictFull(t: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + ((t - b.at) / 1000) * this.perSecond >= this.perSecond * 2) this.buckets.delete(key);
    }
  }
}
