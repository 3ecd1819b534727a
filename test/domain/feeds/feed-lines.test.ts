import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { FeedLine, linesOf, numberedLines, parseJsonLine } from '../../../src/domain/feeds/feed-lines';
import { csvRecords } from '../../../src/domain/feeds/feed-csv';
import { FeedType, productRecordSchema, shipmentRecordSchema, stockRecordSchema } from '../../../src/domain/feeds/feed-records';
import { Decimal } from '../../../src/pricing/decimal';

// Reading a feed: what the importFeed mutation (linesOf) and the CLI (numberedLines over
// node:readline) read from the same text, and what the record schemas make of a record.

const record = fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });
const blank = fc.constantFrom('', ' ', '\t', '  \t ');
/** A feed as written: records and blank lines, \n or \r\n line ends, maybe a byte order mark and a last line end. */
const feed = fc.record({
  rows: fc.array(
    fc.oneof(
      record.map((r) => ({ record: r })),
      blank.map((b) => ({ blank: b })),
    ),
    { maxLength: 30 },
  ),
  crlf: fc.boolean(),
  bom: fc.boolean(),
  trailing: fc.boolean(),
});

function written({ rows, crlf, bom, trailing }: typeof feed extends fc.Arbitrary<infer F> ? F : never): string {
  const eol = crlf ? '\r\n' : '\n';
  const text = rows.map((r) => ('record' in r ? JSON.stringify(r.record) : r.blank)).join(eol);
  return `${bom ? '\uFEFF' : ''}${text}${trailing && rows.length > 0 ? eol : ''}`;
}

async function viaReadline(content: string): Promise<FeedLine[]> {
  const out: FeedLine[] = [];
  for await (const l of numberedLines(createInterface({ input: Readable.from([content]), crlfDelay: Infinity }))) out.push(l);
  return out;
}

it('reads back every record at its line, blank lines counted but skipped, the same over readline', async () => {
  await fc.assert(
    fc.asyncProperty(feed, async (f) => {
      const content = written(f);
      const expected = f.rows.flatMap((r, i) => ('record' in r ? [{ line: i + 1, value: JSON.parse(JSON.stringify(r.record)) }] : []));
      const read = [...linesOf(content)];
      expect(read.map(parseJsonLine)).toEqual(expected);
      expect(await viaReadline(content)).toEqual(read);
    }),
    { numRuns: 200 },
  );
});

it('refuses a line that is not one JSON object, at its line', () => {
  expect([...linesOf('{"a":1}\n\n[1]\nnull\n{"a":')].map(parseJsonLine)).toEqual([
    { line: 1, value: { a: 1 } },
    { line: 3, error: 'a record is one JSON object per line' },
    { line: 4, error: 'a record is one JSON object per line' },
    { line: 5, error: expect.stringMatching(/^not JSON: /) },
  ]);
});

const text = fc.string({ minLength: 1, maxLength: 20 });
const productRecord = fc.record(
  {
    system: fc.option(text),
    externalId: text,
    code: text,
    name: text,
    kind: fc.option(fc.constantFrom('PHYSICAL', 'SERVICE')),
    sku: fc.option(text),
    stockPolicy: fc.option(fc.constantFrom('BACKORDER', 'SKIP_LINE', 'HOLD_ORDER')),
  },
  { requiredKeys: ['externalId', 'code', 'name'] },
);

it('a product record survives its JSON line whole', () => {
  fc.assert(
    fc.property(productRecord, (r) => {
      const [line] = [...linesOf(JSON.stringify(r))];
      const parsed = parseJsonLine(line);
      expect('value' in parsed && productRecordSchema.parse(parsed.value)).toEqual(r);
    }),
  );
});

const decimalString = fc
  .tuple(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.option(fc.stringMatching(/^\d{1,6}$/)))
  .map(([whole, fraction]) => (fraction === null ? String(whole) : `${whole}.${fraction}`));

it('a quantity is exact, from a decimal string or a whole JSON number alike', () => {
  fc.assert(
    fc.property(decimalString, (q) => {
      const { available } = stockRecordSchema.parse(JSON.parse(JSON.stringify({ sku: 'A-1', available: q })));
      expect(available.toFixed()).toBe(new Decimal(q).toFixed());
    }),
  );
  fc.assert(
    fc.property(fc.maxSafeNat(), (n) => {
      const { available } = stockRecordSchema.parse(JSON.parse(JSON.stringify({ sku: 'A-1', available: n })));
      expect(available.toFixed()).toBe(String(n));
    }),
  );
  expect(stockRecordSchema.safeParse({ sku: 'A-1', available: 2.5 }).error?.issues[0].message).toMatch(/written as a string/);
});

it.each([
  ['products.jsonl', productRecordSchema],
  ['stock.jsonl', stockRecordSchema],
  ['shipments.jsonl', shipmentRecordSchema],
] as const)('the example examples/feeds/%s is a valid feed of its type', (file, schema) => {
  const content = readFileSync(path.resolve(__dirname, '../../../examples/feeds', file), 'utf8');
  const records = [...linesOf(content)].map(parseJsonLine);
  expect(records.length).toBeGreaterThan(0);
  for (const r of records) expect('value' in r && schema.safeParse(r.value).error).toBeUndefined();
});

describe('CSV records', () => {
  const read = async (type: FeedType, content: string) => {
    const out: unknown[] = [];
    for await (const r of csvRecords(type, content)) out.push(r);
    return out;
  };

  it('makes a shipment of its consecutive rows, one line each, numbered by its first row', async () => {
    const content = [
      'orderNumber,shipmentId,carrier,shippedAt,sku,quantity',
      'ORD-1,WMS-1,DHL,2026-12-11T10:00:00Z,TN-1,5',
      ',WMS-1,,,PAP-1,2.5',
      'ORD-2,WMS-2,,2026-12-12T10:00:00Z,TN-1,1',
      'ORD-2,WMS-3,UPS,2026-12-12T10:00:00Z,TN-1,1',
      'ORD-3,WMS-3,UPS,2026-12-12T10:00:00Z,TN-1,1',
    ].join('\n');
    expect(await read(FeedType.SHIPMENT, content)).toEqual([
      {
        line: 2,
        value: {
          orderNumber: 'ORD-1',
          shipmentId: 'WMS-1',
          carrier: 'DHL',
          shippedAt: '2026-12-11T10:00:00Z',
          lines: [
            { sku: 'TN-1', quantity: '5' },
            { sku: 'PAP-1', quantity: '2.5' },
          ],
        },
      },
      {
        line: 4,
        value: { orderNumber: 'ORD-2', shipmentId: 'WMS-2', shippedAt: '2026-12-12T10:00:00Z', lines: [{ sku: 'TN-1', quantity: '1' }] },
      },
      { line: 6, error: "orderNumber differs from the shipment's first row; a shipment's rows may repeat it or leave it empty" },
      {
        line: 5,
        value: {
          orderNumber: 'ORD-2',
          shipmentId: 'WMS-3',
          carrier: 'UPS',
          shippedAt: '2026-12-12T10:00:00Z',
          lines: [{ sku: 'TN-1', quantity: '1' }],
        },
      },
    ]);
  });

  it('gives the records JSON lines give for the same flat records (property)', async () => {
    const cell = fc.string({ maxLength: 12 }).filter((s) => s.trim() === s && s !== '');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ sku: cell, available: cell }), { minLength: 1, maxLength: 8 }), async (records) => {
        const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
        const content = ['sku,available', ...records.map((r) => `${quote(r.sku)},${quote(r.available)}`)].join('\n');
        const fromCsv = (await read(FeedType.STOCK, content)).map((r) => (r as { value: unknown }).value);
        const fromJson = [...linesOf(records.map((r) => JSON.stringify(r)).join('\n'))]
          .map(parseJsonLine)
          .map((r) => (r as { value: unknown }).value);
        expect(fromCsv).toEqual(fromJson);
      }),
    );
  });
});
