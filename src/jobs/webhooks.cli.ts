import '../production-defaults';
import { runCli } from './cli-args';
import 'reflect-metadata';
import pino from 'pino';
import { loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { wireDomainProjectors } from '../domain/services';
import { systemClock } from '../system-clock';
import { deliverWebhooks, startWebhookWorker } from './webhook-delivery.job';

const USAGE = `usage: npm run webhooks -- [--once]

Runs the webhook delivery worker: fans new domain events out to the enabled endpoints and
posts the due deliveries, retrying failures with backoff. Runs until SIGINT/SIGTERM; --once
makes one pass and prints a JSON summary to stdout. Several workers may run at once (they
share the work with SKIP LOCKED); \`npm start\` runs one too unless TARIFF_WEBHOOK_WORKER=0.
Exit codes: 0 done, 1 an error, 2 bad arguments.`;

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const unknown = args.find((a) => a !== '--once');
  if (unknown !== undefined) {
    process.stderr.write(`unknown argument '${unknown}'\n\n${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  // stdout carries the summary only: logs go to stderr.
  const logger = pino({ level: config.LOG_LEVEL, base: { service: 'tariff-webhooks', pid: process.pid } }, pino.destination(2));
  wireDomainProjectors();
  const db = await openDatabase({ url: config.DATABASE_URL, dataDir: config.TARIFF_DATA_DIR, poolMax: config.TARIFF_DB_POOL_SIZE, migrate: true, logger });
  const options = {
    fork: () => db.orm.em.fork(),
    clock: systemClock,
    logger,
    retryBaseMs: config.TARIFF_WEBHOOK_RETRY_BASE_MS,
    allowPrivateAddresses: config.TARIFF_WEBHOOK_ALLOW_PRIVATE,
  };
  try {
    if (args.includes('--once')) {
      process.stdout.write(`${JSON.stringify(await deliverWebhooks(options))}\n`);
      return 0;
    }
    const worker = startWebhookWorker(options);
    logger.info('webhook worker running');
    const signal = await new Promise<string>((resolve) => {
      process.once('SIGINT', () => resolve('SIGINT'));
      process.once('SIGTERM', () => resolve('SIGTERM'));
    });
    logger.info({ signal }, 'webhook worker stopping');
    await worker.stop();
    return 0;
  } finally {
    await db.close();
  }
}

runCli('webhooks', main);
