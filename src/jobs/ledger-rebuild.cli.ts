import '../production-defaults';
import 'reflect-metadata';
import { rebuildRevenueLedger } from '../domain/analytics/ledger-rebuild';
import { parseCliArgs, printedHelp, runCli } from '../cli/cli-args';
import { withCliDatabase } from '../cli/cli-database';

const USAGE = `usage: npm run analytics:rebuild

Rebuilds the revenue ledger (mrr_movement) from the outbox: every subscription and contract
event replayed, in the order written, through the projection that writes the live ledger. One
transaction: readers see the old ledger until it commits. With DATABASE_URL it works there.
Progress goes to stderr, a JSON summary to stdout. Exit codes: 0 done, 1 an error.`;

async function main(): Promise<number> {
  const values = parseCliArgs(process.argv.slice(2), {});
  if (printedHelp(values, USAGE)) return 0;
  return withCliDatabase({ service: 'tariff-ledger-rebuild' }, async ({ fork }) => {
    const started = performance.now();
    const result = await fork().transactional((em) =>
      rebuildRevenueLedger(em, (done) => process.stderr.write(`ledger: ${done} events replayed\n`)),
    );
    process.stdout.write(`${JSON.stringify({ ...result, elapsedMs: Math.round(performance.now() - started) })}\n`);
    return 0;
  });
}

runCli('analytics:rebuild', main, USAGE);
