import '../production-defaults';
import 'reflect-metadata';
import { systemClock } from '../system-clock';
import { parseCliArgs, printedHelp, runCli } from '../cli/cli-args';
import { withCliDatabase } from '../cli/cli-database';
import { deliverWebhooks, startWebhookWorker } from './webhook-delivery.job';

const USAGE = `usage: npm run webhooks -- [--once]

Runs the webhook delivery worker: fans new domain events out to the enabled endpoints and
posts the due deliveries, retrying failures with backoff. Runs until SIGINT/SIGTERM; --once
makes one pass and prints a JSON summary to stdout. Several workers may run at once (they
share the work with SKIP LOCKED); \`npm start\` runs one too unless TARIFF_WEBHOOK_WORKER=0.
Exit codes: 0 done, 1 an error, 2 bad arguments.`;

async function main(): Promise<number> {
  const values = parseCliArgs(process.argv.slice(2), { once: { type: 'boolean' } });
  if (printedHelp(values, USAGE)) return 0;
  return withCliDatabase({ service: 'tariff-webhooks' }, async ({ fork, logger, config }) => {
    const options = {
      fork,
      clock: systemClock,
      logger,
      retryBaseMs: config.TARIFF_WEBHOOK_RETRY_BASE_MS,
      allowPrivateAddresses: config.TARIFF_WEBHOOK_ALLOW_PRIVATE,
    };
    if (values.once) {
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
  });
}

runCli('webhooks', main, USAGE);
