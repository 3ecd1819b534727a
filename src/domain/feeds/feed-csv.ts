import { CsvError, parse, type Info } from 'csv-parse';
import { Readable } from 'node:stream';
import type { ParsedLine } from './feed-lines';
import { FeedType } from './feed-records';

/** The columns of a shipment that belong to the shipment, repeated or left empty on its later rows. */
const SHIPMENT_FIELDS = ['orderNumber', 'orderId', 'shipmentId', 'carrier', 'trackingNumber', 'shippedAt'] as const;
/** The columns of a shipment's line: each row is one. */
const SHIPMENT_LINE_FIELDS = ['sku', 'quantity'] as const;

type Row = Record<string, string>;

/** A row as a record: an empty cell is a field not given (JSON lines would leave it out). */
function given(row: Row): Record<string, string> {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== ''));
}

/**
 * CSV feeds (RFC 4180, parsed by csv-parse): the first row names the columns, which are the
 * JSON-lines fields (docs/feeds.md); values stay text, so quantities are exact. A shipment is the
 * consecutive rows with one shipmentId, each row one of its lines (sku, quantity); its own columns
 * are read from its first row and may be repeated or left empty on the others, never changed.
 * Each record is numbered by the line its first row ends on. A CSV that cannot be read any further
 * (a quote left open, a row with more or fewer cells than the header) ends the feed with that line's error.
 */
export async function* csvRecords(type: FeedType, input: string | NodeJS.ReadableStream): AsyncGenerator<ParsedLine> {
  let pending: { line: number; shipment: Row; lines: Row[] } | null = null;
  for await (const row of csvRows(input)) {
    if ('error' in row) {
      if (pending) yield shipmentRecord(pending);
      yield { line: row.line, error: `not CSV: ${row.error}` };
      return;
    }
    const { line: at, cells } = row;
    if (type !== FeedType.SHIPMENT) {
      yield { line: at, value: cells };
      continue;
    }
    const shipment = Object.fromEntries(SHIPMENT_FIELDS.flatMap((f) => (cells[f] === undefined ? [] : [[f, cells[f]]])));
    const line = Object.fromEntries(Object.entries(cells).filter(([f]) => !(SHIPMENT_FIELDS as readonly string[]).includes(f)));
    if (pending && shipment.shipmentId === pending.shipment.shipmentId) {
      const changed = SHIPMENT_FIELDS.find((f) => shipment[f] !== undefined && shipment[f] !== pending!.shipment[f]);
      if (changed) {
        yield { line: at, error: `${changed} differs from the shipment's first row; a shipment's rows may repeat it or leave it empty` };
        continue;
      }
      pending.lines.push(line);
      continue;
    }
    if (pending) yield shipmentRecord(pending);
    pending = { line: at, shipment, lines: [line] };
  }
  if (pending) yield shipmentRecord(pending);
}

type CsvRow = { line: number; cells: Row } | { line: number; error: string };

/**
 * The rows of a CSV in order, then the error that stopped it, if one did: a stream's async
 * iterator would throw the error at once and drop the rows parsed before it. Paused while the
 * importer is behind, so a large file is never held in memory.
 */
async function* csvRows(input: string | NodeJS.ReadableStream): AsyncGenerator<CsvRow> {
  const source = typeof input === 'string' ? Readable.from([input]) : input;
  const parser = source.pipe(parse({ columns: true, bom: true, skip_empty_lines: true, info: true }));
  // pipe() does not pass a failing source on: without this, a read error would leave the feed waiting.
  source.on('error', (err: Error) => parser.destroy(err));
  const queue: CsvRow[] = [];
  let ended = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  parser.on('data', ({ record, info }: { record: Row; info: Info }) => {
    queue.push({ line: info.lines, cells: given(record) });
    if (queue.length >= 1000) parser.pause();
    notify();
  });
  parser.on('error', (err: Error) => {
    queue.push({ line: err instanceof CsvError ? ((err as CsvError & { lines?: number }).lines ?? 0) : 0, error: err.message });
    ended = true;
    notify();
  });
  parser.on('end', () => {
    ended = true;
    notify();
  });
  for (;;) {
    const next = queue.shift();
    if (next) {
      if (queue.length < 100) parser.resume();
      yield next;
      continue;
    }
    if (ended) return;
    await new Promise<void>((resolve) => (wake = resolve));
  }
}

function shipmentRecord(p: { line: number; shipment: Row; lines: Row[] }): ParsedLine {
  // Only the line's own columns go into it: any other column is refused by the shipment's schema, at its name.
  const lines = p.lines.map((l) =>
    Object.fromEntries(Object.entries(l).filter(([f]) => (SHIPMENT_LINE_FIELDS as readonly string[]).includes(f))),
  );
  const extra = p.lines.flatMap((l) => Object.keys(l).filter((f) => !(SHIPMENT_LINE_FIELDS as readonly string[]).includes(f)));
  return { line: p.line, value: { ...p.shipment, ...Object.fromEntries(extra.map((f) => [f, p.lines[0][f]])), lines } };
}
