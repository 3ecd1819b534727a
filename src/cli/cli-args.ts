import { parseArgs, ParseArgsConfig } from 'node:util';
import { ConfigError } from '../config';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A bad command line: the CLI prints the message and its usage, and exits 2. */
export class UsageError extends Error {}

/** An `--at` value, or null when it is not an ISO 8601 instant with its offset ("2027-01-01" alone would be read in whatever zone the box is in). */
export function parseInstant(value: string): Date | null {
  const at = new Date(value);
  return ISO_INSTANT.test(value) && !Number.isNaN(at.getTime()) ? at : null;
}

/** `--at`'s value as an instant, or `fallback` when it was not given. */
export function instantOption(value: string | undefined, fallback: () => Date, name = '--at'): Date {
  if (value === undefined) return fallback();
  const at = parseInstant(value);
  if (!at) throw new UsageError(`${name} must be an ISO 8601 instant with an offset, got '${value}'`);
  return at;
}

/** A whole-number option within [min, max], or `fallback` when it was not given. */
export function wholeNumberOption<T>(value: string | undefined, name: string, min: number, max: number, fallback: T): number | T {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max)
    throw new UsageError(`${name} must be a whole number from ${min} to ${max}, got '${value}'`);
  return n;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * node:util's parseArgs, strict (no positionals, no unknown options), with `--help`/`-h` added and
 * its errors turned into the UsageErrors the CLIs have always printed ("unknown argument '--x'",
 * "--at needs a value"), so that scripts reading them keep working.
 */
export function parseCliArgs<O extends Options>(argv: readonly string[], options: O) {
  try {
    return parseArgs({
      args: [...argv],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (err) {
    const code = (err as { code?: string }).code;
    const named = /'(-{1,2}[^' ]+)/.exec((err as Error).message)?.[1];
    const positional = /Unexpected argument '([^']*)'/.exec((err as Error).message)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown argument '${named}'`);
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
      throw new UsageError(`unknown argument '${positional ?? argv.find((a) => !a.startsWith('-'))}'`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      throw new UsageError(/does not take an argument/.test((err as Error).message) ? `${named} takes no value` : `${named} needs a value`);
    }
    throw err;
  }
}

/**
 * Runs a CLI's main and exits with its code: a UsageError prints its message and the usage and
 * exits 2; any other error exits 1 with its message (a configuration error without a stack).
 */
export function runCli(name: string, main: () => Promise<number>, usage?: string): void {
  main().then(
    (code) => process.exit(code),
    (err) => {
      if (err instanceof UsageError) {
        process.stderr.write(`${err.message}\n\n${usage ?? ''}\n`);
        process.exit(2);
      }
      process.stderr.write(
        `${name}: ${err instanceof ConfigError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
      );
      process.exit(1);
    },
  );
}

/** Prints the usage to stdout when `--help` was given; true when it did. */
export function printedHelp(values: { help?: unknown }, usage: string): boolean {
  if (values.help !== true) return false;
  process.stdout.write(`${usage}\n`);
  return true;
}
