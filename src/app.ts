import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from './config';
import { openDatabase, Database } from './db/database';
import { listenForCacheChanges } from './db/cache-listener';
import { bootstrapAdminKey } from './domain/auth/api-key.service';
import { wireDomainProjectors } from './domain/services';
import type { Clock } from './domain/shared/clock';
import { systemClock } from './system-clock';
import { createServer, TariffServer } from './graphql/server';
import type { Logger } from './logger';
import { parseSecretsKey } from './domain/connectors/secrets';
import { wireConnectors, wiredConnectors } from './domain/connectors/registry';
import { startConnectorWorker } from './jobs/connector-sync.job';
import { shippedConnectors } from './connectors';
import { startWebhookWorker, WebhookWorker } from './jobs/webhook-delivery.job';
import { onBillingRunFinished, settleBillingRuns } from './domain/billing/billing-run-launcher';
import { BillingRunStatus } from './domain/billing/billing-run.entity';
import { recordBillingRun } from './metrics/metrics';
import { loadPricingPlugins } from './pricing-plugins';
import { startEmailWorker, EmailWorker } from './jobs/email-delivery.job';
import { createMailer, redactSmtpUrl } from './domain/email/smtp';
import { deploymentLinks } from './domain/email/email-links';
import { defaultPaymentProviders } from './domain/payments/providers';

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
  /** The embedded database starts from this dump of a data directory (tests: one migrated once per set of migrations). */
  embeddedInitialData?: Blob;
  seed?: (db: Database, clock: Clock) => Promise<void>;
  /** Sees every SQL statement: for tests that count them. */
  onQuery?: (sql: string) => void;
  /** Run the webhook delivery loop in this process: `npm start` does (TARIFF_WEBHOOK_WORKER); tests start it themselves. */
  webhookWorker?: boolean;
  /** Run the connector sync loop in this process (with TARIFF_SECRETS_KEY set): `npm start` does, beside the webhook worker. */
  connectorWorker?: boolean;
  /** Run the e-mail worker in this process when TARIFF_SMTP_URL and TARIFF_MAIL_FROM are set: `npm start` does; tests start it themselves. */
  emailWorker?: boolean;
}

/** Wiring shared by `npm start` and the tests: database, migrations, bootstrap key, HTTP server. */
export async function startApp(options: StartOptions): Promise<RunningApp> {
  const { config, logger } = options;
  const clock = options.clock ?? systemClock;
  // Before the database: a broken plugin stops the start at once, and stored prices of plugin kinds parse.
  loadPricingPlugins(config.TARIFF_PRICING_PLUGINS, logger);
  wireDomainProjectors();
  wireConnectors(shippedConnectors);
  const db = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: options.dataDir === undefined ? config.TARIFF_DATA_DIR : options.dataDir,
    poolMax: config.TARIFF_DB_POOL_SIZE,
    migrate: true,
    embeddedInitialData: options.embeddedInitialData,
    logger,
    onQuery: options.onQuery,
  });
  // Drops this process's caches as soon as another process commits a change (cache-listener.ts).
  // Not on the embedded database: its socket server admits as many connections as the pool has,
  // so a listening one would starve the pool; the per-request version check suffices there.
  const cacheListener = db.embedded ? { stop: async () => undefined } : await listenForCacheChanges(db.orm, logger);
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
      secretsKey: config.TARIFF_SECRETS_KEY ? parseSecretsKey(config.TARIFF_SECRETS_KEY) : null,
      portal: { sessionMinutes: config.TARIFF_PORTAL_SESSION_MINUTES, publicUrl: () => publicUrl },
      documents: {
        minutes: config.TARIFF_DOCUMENT_LINK_MINUTES,
        secret: config.TARIFF_DOCUMENT_LINK_SECRET,
        publicUrl: () => publicUrl,
      },
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
    const secretsKey = config.TARIFF_SECRETS_KEY ? parseSecretsKey(config.TARIFF_SECRETS_KEY) : null;
    const connectorSync =
      options.connectorWorker && secretsKey
        ? startConnectorWorker({
            fork: () => db.orm.em.fork(),
            clock,
            logger,
            connectors: wiredConnectors(),
            secretsKey,
            retryBaseMs: config.TARIFF_WEBHOOK_RETRY_BASE_MS,
            providers: defaultPaymentProviders(() => db.orm.em.fork(), clock),
          })
        : null;
    const smtp = config.TARIFF_SMTP_URL && config.TARIFF_MAIL_FROM ? { url: config.TARIFF_SMTP_URL, from: config.TARIFF_MAIL_FROM } : null;
    const emails: EmailWorker | null =
      options.emailWorker && smtp
        ? startEmailWorker({
            fork: () => db.orm.em.fork(),
            clock,
            logger,
            mailer: createMailer(smtp),
            retryBaseMs: config.TARIFF_WEBHOOK_RETRY_BASE_MS,
            providers: defaultPaymentProviders(() => db.orm.em.fork(), clock),
            links: deploymentLinks(
              { sessionMinutes: config.TARIFF_PORTAL_SESSION_MINUTES, publicUrl: () => publicUrl },
              { minutes: config.TARIFF_DOCUMENT_LINK_MINUTES, secret: config.TARIFF_DOCUMENT_LINK_SECRET },
            ),
          })
        : null;
    if (emails) logger.info({ smtp: redactSmtpUrl(smtp!.url), from: smtp!.from }, 'e-mail worker running');
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
        await connectorSync?.stop();
        await emails?.stop();
        await cacheListener.stop();
        await db.close();
      },
    };
  } catch (err) {
    http?.close();
    await cacheListener.stop();
    await db.close();
    throw err;
  }
}
