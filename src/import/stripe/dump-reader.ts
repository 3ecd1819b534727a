import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

/** The files of a Stripe dump, one API object a line, in the order they are imported. */
export const DUMP_FILES = [
  'products.jsonl',
  'prices.jsonl',
  'coupons.jsonl',
  'customers.jsonl',
  'subscriptions.jsonl',
  'invoices.jsonl',
] as const;
export type DumpFile = (typeof DUMP_FILES)[number] | 'meters.jsonl';
/** Billing meters are needed only for meter-backed prices. */
export const OPTIONAL_FILES: readonly DumpFile[] = ['meters.jsonl'];

export interface DumpLine {
  file: DumpFile;
  /** 1-based, as editors count. */
  line: number;
  /** The parsed object, or null when the line is not JSON (then `error` says why). */
  json: unknown;
  error: string | null;
}

/** The files a dump directory lacks, or null when it has them all. */
export function missingDumpFiles(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [dir];
  return DUMP_FILES.filter((f) => !existsSync(path.join(dir, f)));
}

/**
 * The lines of one file, streamed: a dump of a large book does not fit in memory at once.
 * `worth` skips lines before they are parsed (a cheap test of the raw text, never one that could
 * skip a line that matters).
 */
export async function* readDumpFile(dir: string, file: DumpFile, worth?: (text: string) => boolean): AsyncGenerator<DumpLine> {
  const full = path.join(dir, file);
  if (!existsSync(full)) return;
  const lines = createInterface({ input: createReadStream(full, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  for await (const text of lines) {
    n++;
    if (text.trim() === '' || (worth && !worth(text))) continue;
    try {
      yield { file, line: n, json: JSON.parse(text), error: null };
    } catch (err) {
      yield { file, line: n, json: null, error: `not JSON: ${(err as Error).message}` };
    }
  }
}

/** The object's Stripe id, as far as a line that failed to parse or map can tell. */
export function idOf(json: unknown): string | null {
  return json !== null && typeof json === 'object' && typeof (json as { id?: unknown }).id === 'string'
    ? (json as { id: string }).id
    : null;
}

/** About how many objects a file holds (its lines), without parsing them: the progress bar's totals. */
export async function countLines(dir: string, file: DumpFile): Promise<number> {
  const full = path.join(dir, file);
  if (!existsSync(full)) return 0;
  let count = 0;
  let last = 10;
  for await (const chunk of createReadStream(full)) {
    const buffer = chunk as Buffer;
    for (let at = buffer.indexOf(10); at !== -1; at = buffer.indexOf(10, at + 1)) count++;
    if (buffer.length > 0) last = buffer[buffer.length - 1];
  }
  return last === 10 ? count : count + 1;
}
