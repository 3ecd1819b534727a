import '../production-defaults';
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { EXPORT_FORMATS, ExportFormat, toCsv, toHledger } from '../domain/ledger/ledger-export';
import { readJournal } from '../domain/ledger/ledger.service';
import { readSellerSettings } from '../domain/settings/seller-settings.service';
import { parseCliArgs, parseInstant, printedHelp, runCli, UsageError } from './cli-args';
import { withCliDatabase } from './cli-database';

const USAGE = `usage: npm run ledger:export -- --from <date> --to <date> --format hledger|csv [--out <file>]

Writes the general ledger's journal entries dated in [from, to) (docs/general-ledger.md): an
hledger journal (check it with \`hledger -f <file> check\`) or a CSV with one row per posting.
Dates are UTC days (2027-01-01) or ISO 8601 instants with an offset. The entries are computed
from the stored documents, so the same range gives the same file. Without --out, to stdout.
With DATABASE_URL it reads there. Exit codes: 0 written, 1 an error, 2 a bad command line.`;

/** A UTC day (2027-01-01 is its start) or an instant with its offset. */
function dateOption(value: string | undefined, name: string): Date {
  if (value === undefined) throw new UsageError(`${name} is required`);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const at = new Date(`${value}T00:00:00Z`);
    if (!Number.isNaN(at.getTime()) && at.toISOString().startsWith(value)) return at;
  }
  const at = parseInstant(value);
  if (!at) throw new UsageError(`${name} must be a date (2027-01-01) or an ISO 8601 instant with an offset, got '${value}'`);
  return at;
}

async function main(): Promise<number> {
  const values = parseCliArgs(process.argv.slice(2), {
    from: { type: 'string' },
    to: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  });
  if (printedHelp(values, USAGE)) return 0;
  const from = dateOption(values.from, '--from');
  const to = dateOption(values.to, '--to');
  if (to.getTime() <= from.getTime()) throw new UsageError('--to must be after --from');
  const format = values.format as ExportFormat | undefined;
  if (!format || !EXPORT_FORMATS.includes(format))
    throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}, got '${values.format ?? ''}'`);
  return withCliDatabase({ service: 'tariff-ledger-export' }, async ({ fork }) => {
    const em = fork();
    const entries = await readJournal(em, from, to);
    const text = format === 'csv' ? toCsv(entries) : toHledger(entries, (await readSellerSettings(em)).chartOfAccounts, { from, to });
    if (values.out) writeFileSync(values.out, text);
    else process.stdout.write(text);
    process.stderr.write(`ledger:export: ${entries.length} entries\n`);
    return 0;
  });
}

runCli('ledger:export', main, USAGE);
