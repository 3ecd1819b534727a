import '../production-defaults';
import 'reflect-metadata';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { runInAuditScope } from '../domain/audit/audit-context';
import { authenticate } from '../domain/auth/api-key.service';
import { DomainError } from '../domain/errors';
import { FeedImportService, FeedProgress, FeedSummary } from '../domain/feeds/feed-import.service';
import { csvRecords } from '../domain/feeds/feed-csv';
import { jsonRecords, numberedLines } from '../domain/feeds/feed-lines';
import { FeedType } from '../domain/feeds/feed-records';
import { defaultPaymentProviders } from '../domain/payments/providers';
import { systemClock } from '../system-clock';
import { parseCliArgs, printedHelp, runCli, UsageError, wholeNumberOption } from '../cli/cli-args';
import { withCliDatabase } from '../cli/cli-database';

const USAGE = `usage: npm run feed -- --type product|stock|shipment [--format jsonl|csv] [--file <path>] [--system <name>] [--api-key <secret>] [--progress <seconds>]

Applies a PIM or WMS feed (docs/feeds.md), one JSON record a line or CSV with a header row
(a shipment: one row per line), from --file or else stdin,
to DATABASE_URL or else the embedded database: products through upsertProduct, stock through
setInventoryLevels, shipments through recordShipment, each record in a transaction of its own,
as the API key in TARIFF_API_KEY (or --api-key, which other users of the machine can see in the
process list), with that key's permissions. A replay changes nothing.
--system names the external id system of records that name none (product feeds, and stock
records by productExternalId).
Progress goes to stderr every --progress seconds (default 2; 0: every 500 records and at the
end), then the rejected records with their line and field; a JSON summary
(applied, unchanged, rejected, the rejections) to stdout.
Exit codes: 0 every record applied or unchanged, 1 a record rejected or an error, 2 bad arguments.`;

const TYPES: Record<string, FeedType> = { product: FeedType.PRODUCT, stock: FeedType.STOCK, shipment: FeedType.SHIPMENT };

/** `feed: 41,200 records · 3,120/s · 40,100 applied · 1,098 unchanged · 2 rejected`, every `seconds` (redrawn in place on a terminal). */
function progressPrinter(seconds: number): { onProgress: (p: FeedProgress) => void; end: () => void } {
  const tty = process.stderr.isTTY === true;
  let last = performance.now();
  let drawn = false;
  const end = () => {
    if (tty && drawn) process.stderr.write('\n');
  };
  const onProgress = (p: FeedProgress) => {
    const now = performance.now();
    if (seconds > 0 && now - last < seconds * 1000) return;
    last = now;
    drawn = true;
    const rate = p.elapsedMs > 0 ? Math.round((p.done / p.elapsedMs) * 1000) : 0;
    const line = `feed: ${fmt(p.done)} records · ${fmt(rate)}/s · ${fmt(p.applied)} applied · ${fmt(p.unchanged)} unchanged · ${fmt(p.rejected)} rejected`;
    process.stderr.write(tty ? `\r${line}` : `${line}\n`);
  };
  return { onProgress, end };
}

const fmt = (n: number) => n.toLocaleString('en-US');

function printRejections(summary: FeedSummary): void {
  for (const r of summary.rejections) {
    process.stderr.write(
      `feed: line ${r.line}${r.field ? `, ${r.field}` : ''}: ${r.code}${r.reason ? ` (${r.reason})` : ''}: ${r.message}\n`,
    );
  }
  const unlisted = summary.rejected - summary.rejections.length;
  if (unlisted > 0) process.stderr.write(`feed: … and ${fmt(unlisted)} more rejected\n`);
}

async function main(): Promise<number> {
  const values = parseCliArgs(process.argv.slice(2), {
    type: { type: 'string' },
    format: { type: 'string' },
    file: { type: 'string' },
    system: { type: 'string' },
    'api-key': { type: 'string' },
    progress: { type: 'string' },
  });
  if (printedHelp(values, USAGE)) return 0;
  const progressSeconds = wholeNumberOption(values.progress, '--progress', 0, 3600, 2);
  if (values.type === undefined) throw new UsageError('--type product|stock|shipment is required');
  const type = TYPES[values.type];
  if (!type) throw new UsageError(`--type must be product, stock or shipment, got '${values.type}'`);
  const format = values.format ?? 'jsonl';
  if (format !== 'jsonl' && format !== 'csv') throw new UsageError(`--format must be jsonl or csv, got '${format}'`);
  const secret = values['api-key'] ?? process.env.TARIFF_API_KEY;
  if (!secret) throw new UsageError('an API key is required: TARIFF_API_KEY, or --api-key');
  const fromStdin = values.file === undefined || values.file === '-';
  // A terminal would wait for typed records: almost always a forgotten --file.
  if (fromStdin && process.stdin.isTTY) throw new UsageError('--file <path> is required unless the feed is piped in');
  const input = fromStdin ? process.stdin : createReadStream(values.file as string);
  // Opened before the database: a missing file is said at once, not after migrations ran.
  await new Promise<void>((resolve, reject) => {
    if (input === process.stdin) return resolve();
    input.once('open', () => resolve());
    input.once('error', reject);
  }).catch((err: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read --file: ${err.code === 'ENOENT' ? `no file ${values.file}` : err.message}`);
  });
  return withCliDatabase({ service: 'tariff-feed' }, async ({ fork }) => {
    let actor;
    try {
      actor = await authenticate(fork(), secret, systemClock.now());
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      process.stderr.write(`feed: ${err.message}\n`);
      return 1;
    }
    const service = new FeedImportService({ em: fork(), actor, clock: systemClock, providers: defaultPaymentProviders(fork, systemClock) });
    const lines = format === 'csv' ? csvRecords(type, input) : jsonRecords(numberedLines(createInterface({ input, crlfDelay: Infinity })));
    try {
      // Audited as the importFeed mutation is: the key acting, the operation named.
      const progress = progressPrinter(progressSeconds);
      const summary = await runInAuditScope({ actor, operation: 'importFeed', now: () => systemClock.now() }, () =>
        service.import(type, lines, { system: values.system ?? null, onProgress: progress.onProgress }),
      );
      progress.end();
      printRejections(summary);
      process.stdout.write(`${JSON.stringify(summary)}\n`);
      return summary.rejected > 0 ? 1 : 0;
    } catch (err) {
      // A key without the feed's permission: said plainly, as the API would.
      if (!(err instanceof DomainError)) throw err;
      process.stderr.write(`feed: ${err.code}: ${err.message}\n`);
      return 1;
    }
  });
}

runCli('feed', main, USAGE);
