import { parseCliArgs, printedHelp, runCli, UsageError, wholeNumberOption } from '../../../src/cli/cli-args';
import { writeStripeDump } from './stripe-fixtures';

const USAGE = `usage: npm run import:fixtures -- --out <dir> [--customers N] [--seed S] [--as-of <ISO instant>] [--api-version acacia|basil]

Writes a generated Stripe dump (made-up data, shaped as Stripe's API returns it) for
\`npm run import\`: every price kind, trials, cancellations at period end, metered items, open
and paid invoices. The same seed and --as-of give the same files. Defaults: 1,000 customers,
seed 1, as of now.`;

async function main(): Promise<number> {
  const values = parseCliArgs(process.argv.slice(2), {
    out: { type: 'string' },
    customers: { type: 'string' },
    seed: { type: 'string' },
    'as-of': { type: 'string' },
    'api-version': { type: 'string' },
  });
  if (printedHelp(values, USAGE)) return 0;
  const out = values.out;
  if (!out) throw new UsageError('--out <dir> is required');
  const customers = wholeNumberOption(values.customers, '--customers', 1, Number.MAX_SAFE_INTEGER, 1000);
  const seed = wholeNumberOption(values.seed, '--seed', 0, Number.MAX_SAFE_INTEGER, 1);
  // Any date Date reads, as always (fixtures only: a zone-less day is harmless here).
  const asOf = values['as-of'] === undefined ? new Date() : new Date(values['as-of']);
  if (Number.isNaN(asOf.getTime())) throw new UsageError(`--as-of must be a date, got '${values['as-of']}'`);
  const apiVersion = values['api-version'] ?? 'acacia';
  if (apiVersion !== 'acacia' && apiVersion !== 'basil') throw new UsageError(`--api-version must be acacia or basil, got '${apiVersion}'`);
  const started = performance.now();
  const counts = writeStripeDump(out, { customers, seed, asOf, apiVersion });
  process.stdout.write(
    `${JSON.stringify({ out, seed, asOf: asOf.toISOString(), apiVersion, ...counts, elapsedMs: Math.round(performance.now() - started) })}\n`,
  );
  return 0;
}

runCli('import:fixtures', main, USAGE);
