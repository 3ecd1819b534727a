import { setTimeout as sleep } from 'node:timers/promises';
import { inspect } from 'node:util';

export interface EventuallyOptions<T> {
  /** The value is ready when this holds; without it, when `probe` returns without throwing. */
  until?: (value: T) => boolean;
  /** What is awaited, for the failure message ("every stored event readable"). */
  what?: string;
  timeoutMs?: number;
  intervalMs?: number;
}

/**
 * Calls `probe` until it passes (returns without throwing, and `until` holds if given), and
 * returns its value. A test waits this way for a condition it can observe (a row, a log line, a
 * request received) instead of sleeping for a time that is usually long enough. On time-out it
 * throws with the last value or error, so the failure reads like the assertion that failed.
 */
export async function eventually<T>(probe: () => T | Promise<T>, options: EventuallyOptions<T> = {}): Promise<T> {
  const { until, what = 'the condition', timeoutMs = 15_000, intervalMs = 50 } = options;
  const deadline = Date.now() + timeoutMs;
  for (let tries = 1; ; tries++) {
    let last: string;
    let cause: unknown;
    try {
      const value = await probe();
      if (!until || until(value)) return value;
      last = `last value: ${inspect(value, { depth: 6, maxArrayLength: 20, maxStringLength: 2_000 })}`;
    } catch (error) {
      cause = error;
      last = `last error: ${error instanceof Error ? error.message : inspect(error)}`;
    }
    if (Date.now() >= deadline) throw new Error(`Timed out after ${timeoutMs} ms (${tries} tries) waiting for ${what}; ${last}`, { cause });
    await sleep(intervalMs);
  }
}
