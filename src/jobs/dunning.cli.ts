import '../production-defaults';
import 'reflect-metadata';
import { Actor, Role } from '../domain/auth/actor';
import { systemClock } from '../system-clock';
import { parseInstant, runCli } from './cli-args';
import { collectHere } from './collection-here';

const USAGE = `usage: npm run dunning -- [--at <ISO 8601 instant, e.g. 2027-01-08T00:00:00Z>]

Takes every payment step due at or before --at (default: now), one step per invoice per run:
first charges not yet made, dunning retries of failed charges, overdue notices and reminders of
SEND_INVOICE invoices, and the dunning policy's final action once retries are exhausted. The
billing run does the same after billing; this runs it alone (e.g. hourly from cron). Safe to
run twice or in parallel: each step is taken once, and a charge is never made twice.
Progress goes to stderr, a JSON summary to stdout.
Exit codes: 0 done, 1 an error or invoices whose step failed (see the log), 2 bad arguments.`;

const cliActor: Actor = { keyId: 'dunning-cli', name: 'dunning run (CLI)', role: Role.ADMIN, customerId: null };

function parseAt(argv: readonly string[]): Date | 'help' {
  let at: Date | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg !== '--at') throw new Error(`unknown argument '${arg}'`);
    const v = argv[++i];
    if (v === undefined) throw new Error('--at needs a value');
    at = parseInstant(v);
    if (!at) throw new Error(`--at must be an ISO 8601 instant with an offset, got '${v}'`);
  }
  return at ?? systemClock.now();
}

async function main(): Promise<number> {
  let at: Date | 'help';
  try {
    at = parseAt(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (at === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const started = performance.now();
  const result = await collectHere(at, cliActor, 'tariff-dunning');
  process.stdout.write(`${JSON.stringify({ at: at.toISOString(), ...result, elapsedMs: Math.round(performance.now() - started) })}\n`);
  return result.invoicesFailed === 0 ? 0 : 1;
}

runCli('dunning', main);
