import { ConfigError } from '../config';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An `--at` value, or null when it is not an ISO 8601 instant with its offset ("2027-01-01" alone would be read in whatever zone the box is in). */
export function parseInstant(value: string): Date | null {
  const at = new Date(value);
  return ISO_INSTANT.test(value) && !Number.isNaN(at.getTime()) ? at : null;
}

/** Runs a CLI's main and exits with its code; an error exits 1 with its message (a configuration error without a stack). */
export function runCli(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`${name}: ${err instanceof ConfigError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    },
  );
}
