/**
 * Runs `work` over a stream of records, at most `limit` at a time. Records with the same key run
 * one after another in stream order (a customer's subscriptions: the revenue ledger classifies a
 * customer's second subscription against its first, so the order must not depend on timing).
 * The first failure of `work` (a bug, not a rejected record: those are caught inside) stops
 * reading; what is in flight finishes, then the failure is thrown.
 */
export async function forEachRecord<T>(
  source: AsyncIterable<T>,
  limit: number,
  keyOf: (record: T) => string | null,
  work: (record: T) => Promise<void>,
): Promise<void> {
  const running = new Set<Promise<void>>();
  const tails = new Map<string, Promise<void>>();
  let failure: { error: unknown } | null = null;
  for await (const record of source) {
    if (failure) break;
    while (running.size >= limit) await Promise.race(running);
    if (failure) break;
    const key = keyOf(record);
    const before = key === null ? undefined : tails.get(key);
    const task: Promise<void> = (before ? before.then(() => work(record)) : work(record))
      .catch((error: unknown) => {
        failure ??= { error };
      })
      .finally(() => {
        running.delete(task);
        if (key !== null && tails.get(key) === task) tails.delete(key);
      });
    running.add(task);
    if (key !== null) tails.set(key, task);
  }
  await Promise.all(running);
  if (failure) throw (failure as { error: unknown }).error;
}
