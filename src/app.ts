import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from './config';
import { openDatabase, Database } from './db/database';
import { bootstrapAdminKey } from './domain/auth/api-key.service';
import { wireDomainProjectors } from './domain/services';
import type { Clock } from './domain/shared/clock';
import { systemClock } from './system-clock';
import { createServer, TariffServer } from './graphql/server';
import type { Logger } from './logger';
import { startWebhookWorker, WebhookWorker } from './jobs/webhook-delivery.job';
import { onBillingRunFinished, settleBillingRuns } from './domain/billing/billing-run-launcher';
import { BillingRunStatus } from './domain/billing/billing-run.entity';
import { recordBillingRun } from './metrics/metrics';

export interface RunningApp {
  url: string;
  db: Database;
  server: TariffServer;
  /** Set when this start created the first admin key: the only time its secret is known. */
  createdAdminSecret?: string;
  close(): Promise<void>;
}

export interface StartOptions {
  config: Config;
  logger: Logger;
  clock?: Clock;
  /** Overrides config.TARIFF_DATA_DIR; null keeps the embedded database in memory. */
  dataDir?: string | null;
  seed?: (db: Database, clock: Clock) => Promise<void>;
  /** Sees every SQL statement: for tests that count them. */
  onQuery?: (sql: string) => void;
  /** Run the webhook delivery loop in this process: `npm start` does (TARIFF_WEBHOOK_WORKER); tests start it themselves. */
  webhookWorker?: boolean;
}

/** Wiring shared by `npm start` and the tests: database, migrations, bootstrap key, HTTP server. */
export async function startApp(options: StartOptions): Promise<RunningApp> {
  const { config, logger } = options;
  const clock = options.clock ?? systemClock;
  wireDomainProjectors();
  const db = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: options.dataDir === undefined ? config.TARIFF_DATA_DIR : options.dataDir,
    poolMax: config.TARIFF_DB_POOL_SIZE,
    migrate: true,
    logger,
    onQuery: options.onQuery,
  });
  let http: Server | undefined;
  // Portal links point here; without TARIFF_PUBLIC_URL, at this server once it listens (PORT may be 0).
  let publicUrl = config.TARIFF_PUBLIC_URL ?? '';
  try {
    const bootstrap = await bootstrapAdminKey(db.orm.em.fork(), clock, config.TARIFF_ADMIN_KEY);
    if (options.seed) await options.seed(db, clock);
    const server = await createServer({
      orm: db.orm,
      clock,
      logger,
      rateLimitPerSecond: config.TARIFF_RATE_LIMIT,
      limits: { maxDepth: config.TARIFF_MAX_QUERY_DEPTH, maxCost: config.TARIFF_MAX_QUERY_COST },
      maxBodyBytes: config.TARIFF_MAX_BODY_BYTES,
      corsOrigins: config.TARIFF_CORS_ORIGINS,
      metrics: config.TARIFF_METRICS,
      portal: { sessionMinutes: config.TARIFF_PORTAL_SESSION_MINUTES, publicUrl: () => publicUrl },
    });
    http = await new Promise<Server>((resolve, reject) => {
      const s = server.app.listen(config.PORT, config.HOST, () => resolve(s));
      s.once('error', reject);
    });
    const { port } = http.address() as AddressInfo;
    publicUrl ||= `http://127.0.0.1:${port}`;
    const listening = http;
    // Runs started by startBillingRun, counted for /metrics (tariff_billing_runs_total, …).
    const stopCountingRuns = onBillingRunFinished((run, elapsedMs) =>
      recordBillingRun({
        status: run.status === BillingRunStatus.SUCCEEDED ? 'SUCCEEDED' : 'FAILED',
        invoicesCreated: run.invoicesCreated,
        durationSeconds: elapsedMs / 1000,
      }),
    );
    const webhooks: WebhookWorker | null = options.webhookWorker
      ? startWebhookWorker({
          fork: () => db.orm.em.fork(),
          clock,
          logger,
          retryBaseMs: config.TARIFF_WEBHOOK_RETRY_BASE_MS,
          allowPrivateAddresses: config.TARIFF_WEBHOOK_ALLOW_PRIVATE,
        })
      : null;
    return {
      url: `http://${config.HOST}:${port}`,
      db,
      server,
      createdAdminSecret: bootstrap.secret,
      async close() {
        await new Promise<void>((resolve) => listening.close(() => resolve()));
        await server.stop();
        // Billing runs started by startBillingRun write their end before the database closes.
        await settleBillingRuns();
        stopCountingRuns();
        // Before the database closes: POSTs in flight are aborted and their deliveries handed back.
        await webhooks?.stop();
        await db.close();
      },
    };
  } catch (err) {
    http?.close();
    await db.close();
    throw err;
  }
}
