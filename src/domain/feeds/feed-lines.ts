/** One line of a feed as read: its number in the file (from 1, blank lines counted) and its text. */
export interface FeedLine {
  line: number;
  text: string;
}

/** A parsed line: the JSON value, or why it is not JSON. */
export type ParsedLine = { line: number; value: unknown } | { line: number; error: string };

/**
 * The lines of a text that are not blank, numbered as an editor numbers them (\n or \r\n ends a
 * line; a byte order mark in front of the first is dropped).
 */
export function* linesOf(content: string): Generator<FeedLine> {
  const text = content.startsWith('\uFEFF') ? content.slice(1) : content;
  let line = 0;
  for (const raw of text.split('\n')) {
    line++;
    const trimmed = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (trimmed.trim() !== '') yield { line, text: trimmed };
  }
}

/** As linesOf, over lines that arrive one by one (node:readline over a file or stdin). */
export async function* numberedLines(lines: AsyncIterable<string>): AsyncGenerator<FeedLine> {
  let line = 0;
  for await (const raw of lines) {
    line++;
    const text = line === 1 && raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
    if (text.trim() !== '') yield { line, text };
  }
}

/** A JSON-lines record: one JSON object per line. */
export function parseJsonLine({ line, text }: FeedLine): ParsedLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { line, error: `not JSON: ${(err as Error).message}` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { line, error: 'a record is one JSON object per line' };
  return { line, value };
}

/** JSON lines, each parsed: what the importer reads (as csvRecords gives for CSV). */
export async function* jsonRecords(lines: Iterable<FeedLine> | AsyncIterable<FeedLine>): AsyncGenerator<ParsedLine> {
  for await (const line of lines) yield parseJsonLine(line);
}
