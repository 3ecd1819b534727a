import { writeStripeDump } from './stripe-fixtures';

const USAGE = `usage: npm run import:fixtures -- --out <dir> [--customers N] [--seed S] [--as-of <ISO instant>] [--api-version acacia|basil]

Writes a generated Stripe dump (made-up data, shaped as Stripe's API returns it) for
\`npm run import\`: every price kind, trials, cancellations at period end, metered items, open
and paid invoices. The same seed and --as-of give the same files. Defaults: 1,000 customers,
seed 1, as of now.`;

function main(argv: readonly string[]): number {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--help' || argv[i] === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const value = argv[i + 1];
    if (!argv[i].startsWith('--') || value === undefined) {
      process.stderr.write(`bad argument '${argv[i]}'\n\n${USAGE}\n`);
      return 2;
    }
    args.set(argv[i], value);
    i++;
  }
  const out = args.get('--out');
  const customers = Number(args.get('--customers') ?? 1000);
  const seed = Number(args.get('--seed') ?? 1);
  const asOf = args.has('--as-of') ? new Date(args.get('--as-of')!) : new Date();
  const apiVersion = args.get('--api-version') ?? 'acacia';
  if (!out || !Number.isInteger(customers) || customers < 1 || !Number.isInteger(seed) || Number.isNaN(asOf.getTime()) || (apiVersion !== 'acacia' && apiVersion !== 'basil')) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const started = performance.now();
  const counts = writeStripeDump(out, { customers, seed, asOf, apiVersion });
  process.stdout.write(`${JSON.stringify({ out, seed, asOf: asOf.toISOString(), apiVersion, ...counts, elapsedMs: Math.round(performance.now() - started) })}\n`);
  return 0;
}

process.exit(main(process.argv.slice(2)));
