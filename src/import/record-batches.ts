/**
 * Writes validated records in batches of whole records, each batch one transaction, several
 * batches at once. A batch whose transaction fails with an expected refusal (a record the
 * database refuses: a metric already claimed, a number taken, a concurrent run's insert) rolls
 * back whole and its records are written again one at a time, each in its own transaction, so the
 * refusal stays with its record (the billing run's batches do the same). Batches sharing a key
 * (a customer) run in the order they were formed: a customer's records are written in file order
 * in every run, killed and resumed or not.
 */
export class BatchRunner<T> {
  private batch: { items: T[]; keys: Set<string> } = { items: [], keys: new Set() };
  private readonly running = new Set<Promise<void>>();
  private readonly tails = new Map<string, Promise<void>>();
  private failure: { error: unknown } | null = null;

  constructor(
    private readonly options: {
      size: number;
      concurrency: number;
      /** One transaction for the whole batch; throws to fall back to one record at a time. */
      writeBatch: (items: T[]) => Promise<void>;
      /** One record in its own transaction; files its own refusal, throws only on a bug. */
      writeOne: (item: T) => Promise<void>;
      /** Whether a batch's failure is a refusal to retry record by record, rather than a bug. */
      isRefusal: (error: unknown) => boolean;
    },
  ) {}

  async add(item: T, keys: readonly string[]): Promise<void> {
    this.throwIfFailed();
    this.batch.items.push(item);
    keys.forEach((k) => this.batch.keys.add(k));
    if (this.batch.items.length >= this.options.size) await this.dispatch();
  }

  async finish(): Promise<void> {
    if (this.batch.items.length > 0) await this.dispatch();
    await Promise.all(this.running);
    this.throwIfFailed();
  }

  private async dispatch(): Promise<void> {
    const { items, keys } = this.batch;
    this.batch = { items: [], keys: new Set() };
    while (this.running.size >= this.options.concurrency) await Promise.race(this.running);
    this.throwIfFailed();
    const before = [...keys].flatMap((k) => this.tails.get(k) ?? []);
    const task: Promise<void> = Promise.all(before)
      .then(() => this.write(items))
      .catch((error: unknown) => {
        this.failure ??= { error };
      })
      .finally(() => {
        this.running.delete(task);
        for (const k of keys) if (this.tails.get(k) === task) this.tails.delete(k);
      });
    this.running.add(task);
    for (const k of keys) this.tails.set(k, task);
  }

  private async write(items: T[]): Promise<void> {
    if (items.length > 1) {
      try {
        return await this.options.writeBatch(items);
      } catch (error) {
        if (!this.options.isRefusal(error)) throw error;
      }
    }
    for (const item of items) await this.options.writeOne(item);
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }
}
