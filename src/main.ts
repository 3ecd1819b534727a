import './production-defaults';
import 'reflect-metadata';
import { startApp } from './app';
import { ConfigError, loadConfig } from './config';
import { seedDemoData } from './db/seed';
import { createLogger } from './logger';

async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const app = await startApp({
    config,
    logger,
    seed: config.seed ? (db, clock) => seedDemoData(db, clock, logger) : undefined,
    webhookWorker: config.TARIFF_WEBHOOK_WORKER,
    connectorWorker: config.TARIFF_WEBHOOK_WORKER,
    emailWorker: true,
  });
  if (app.createdAdminSecret) {
    // Printed, not logged: log pipelines must never carry a secret.
    process.stdout.write(
      `\n  First start: created an ADMIN API key. It is shown once; keep it:\n\n    ${app.createdAdminSecret}\n\n` +
        `  curl -s ${app.url}/graphql -H 'Authorization: Bearer ${app.createdAdminSecret}' -H 'content-type: application/json' -d '{"query":"{ viewer { name role } }"}'\n\n`,
    );
  }
  logger.info(
    {
      url: `${app.url}/graphql`,
      database: app.db.embedded ? `embedded (${config.TARIFF_DATA_DIR})` : 'DATABASE_URL',
      startupMs: Math.round(performance.now() - started),
    },
    'Tariff is serving',
  );
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (err) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error(err);
  process.exit(1);
});
