import '../production-defaults';
import { runCli } from './cli-args';
import 'reflect-metadata';
import pino from 'pino';
import { loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { rebuildRevenueLedger } from '../domain/analytics/ledger-rebuild';
import { wireDomainProjectors } from '../domain/services';

const USAGE = `usage: npm run analytics:rebuild

Rebuilds the revenue ledger (mrr_movement) from the outbox: every subscription and contract
event replayed, in the order written, through the projection that writes the live ledger. One
transaction: readers see the old ledger until it commits. With DATABASE_URL it works there.
Progress goes to stderr, a JSON summary to stdout. Exit codes: 0 done, 1 an error.`;

async function main(): Promise<number> {
  if (process.argv.slice(2).some((a) => a === '--help' || a === '-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (process.argv.length > 2) {
    process.stderr.write(`unknown argument '${process.argv[2]}'\n\n${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  const logger = pino({ level: config.LOG_LEVEL, base: { service: 'tariff-ledger-rebuild', pid: process.pid } }, pino.destination(2));
  wireDomainProjectors();
  const db = await openDatabase({ url: config.DATABASE_URL, dataDir: config.TARIFF_DATA_DIR, poolMax: config.TARIFF_DB_POOL_SIZE, migrate: true, logger });
  const started = performance.now();
  try {
    const result = await db.orm.em.fork().transactional((em) => rebuildRevenueLedger(em, (done) => process.stderr.write(`ledger: ${done} events replayed\n`)));
    process.stdout.write(`${JSON.stringify({ ...result, elapsedMs: Math.round(performance.now() - started) })}\n`);
    return 0;
  } finally {
    await db.close();
  }
}

runCli('analytics:rebuild', main);
