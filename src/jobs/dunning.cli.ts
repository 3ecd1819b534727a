import '../production-defaults';
import 'reflect-metadata';
import { Actor, Role } from '../domain/auth/actor';
import { runCollection } from '../domain/billing/collection-run';
import { defaultPaymentProviders } from '../domain/payments/providers';
import { systemClock } from '../system-clock';
import { instantOption, parseCliArgs, printedHelp, runCli } from '../cli/cli-args';
import { withCliDatabase } from '../cli/cli-database';
import { collectionProgressLine } from './progress-lines';

const USAGE = `usage: npm run dunning -- [--at <ISO 8601 instant, e.g. 2027-01-08T00:00:00Z>]

Takes every payment step due at or before --at (default: now), one step per invoice per run:
first charges not yet made, dunning retries of failed charges, overdue notices and reminders of
SEND_INVOICE invoices, and the dunning policy's final action once retries are exhausted. The
billing run does the same after billing; this runs it alone (e.g. hourly from cron). Safe to
run twice or in parallel: each step is taken once, and a charge is never made twice.
Progress goes to stderr, a JSON summary to stdout.
Exit codes: 0 done, 1 an error or invoices whose step failed (see the log), 2 bad arguments.`;

const cliActor: Actor = { keyId: 'dunning-cli', name: 'dunning run (CLI)', role: Role.ADMIN, customerId: null };

async function main(): Promise<number> {
  const values = parseCliArgs(process.argv.slice(2), { at: { type: 'string' } });
  if (printedHelp(values, USAGE)) return 0;
  const at = instantOption(values.at, () => systemClock.now());
  const started = performance.now();
  const result = await withCliDatabase({ service: 'tariff-dunning' }, ({ fork, logger }) =>
    runCollection({
      fork,
      providers: defaultPaymentProviders(fork, systemClock),
      at,
      clock: systemClock,
      actor: cliActor,
      logger,
      onProgress: (p) => process.stderr.write(collectionProgressLine(p)),
    }),
  );
  process.stdout.write(`${JSON.stringify({ at: at.toISOString(), ...result, elapsedMs: Math.round(performance.now() - started) })}\n`);
  return result.invoicesFailed === 0 ? 0 : 1;
}

runCli('dunning', main, USAGE);
