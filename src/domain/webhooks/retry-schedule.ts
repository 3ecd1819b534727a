const HOUR_MS = 3_600_000;

/** A delivery is retried for 3 days after its fan-out, then given up (FAILED). */
export const GIVE_UP_AFTER_MS = 72 * HOUR_MS;
/** An endpoint whose every attempt failed for 3 days is disabled. */
export const DISABLE_AFTER_MS = 72 * HOUR_MS;
/** No single wait is longer than this, so the last day still sees a few attempts. */
export const MAX_RETRY_DELAY_MS = 12 * HOUR_MS;

/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff and Jitter"):
 * after the n-th failed attempt, wait a uniformly random part of min(12 h, base × 2^(n−1)).
 * The jitter spreads the retries of many deliveries that failed together (a receiver's outage)
 * instead of sending them back at the same instant.
 */
export function retryDelayMs(failedAttempts: number, baseMs: number, random: () => number): number {
  const ceiling = Math.min(MAX_RETRY_DELAY_MS, baseMs * 2 ** Math.min(Math.max(failedAttempts - 1, 0), 40));
  return Math.max(1, Math.round(random() * ceiling));
}

/**
 * When to try again after a failed attempt, or null to give up: never later than 3 days after
 * the fan-out, so the last retry happens at that instant, and an attempt failing after it is the last.
 */
export function nextAttemptAfterFailure(args: {
  createdAt: Date;
  now: Date;
  failedAttempts: number;
  baseMs: number;
  random: () => number;
}): Date | null {
  const deadline = args.createdAt.getTime() + GIVE_UP_AFTER_MS;
  const now = args.now.getTime();
  if (now >= deadline) return null;
  return new Date(Math.min(now + retryDelayMs(args.failedAttempts, args.baseMs, args.random), deadline));
}
