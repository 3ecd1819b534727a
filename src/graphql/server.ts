import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { Express } from 'express';
import { GraphQLError } from 'graphql';
import type { Actor } from '../domain/auth/actor';
import { DomainError } from '../domain/errors';
import { authenticateRequest } from '../http/authenticate.middleware';
import { errorHeaders, HTTP_STATUS } from '../http/error-status';
import { defaultPaymentProviders, PaymentProviders } from '../domain/payments/providers';
import { createServices } from '../domain/services';
import type { PortalLinkSettings } from '../domain/portal/portal-session.service';
import type { Clock } from '../domain/shared/clock';
import type { Logger } from '../logger';
import type { Context } from './context';
import { createErrorFormatter, toGraphQLError } from './errors';
import { idempotencyPlugin } from './idempotency';
import { queryLimitsPlugin, QueryLimits } from './limits';
import { createLoaders } from './loaders';
import { KnownOperationTypes } from './operation-types';
import { RateLimiter } from './rate-limit';
import { buildTariffSchema } from './schema';
import { invoiceHtmlRoute } from './invoices/invoice-html.route';
import { documentLinkRoute } from './documents/document-link.route';
import { quoteResponseRoute } from './quotes/quote-response.route';
import { DEFAULT_DOCUMENT_LINK_MINUTES, type DocumentLinkSettings } from '../domain/documents/document-link.service';
import { portalRoutes } from '../portal/portal.route';
import { dashboardRoutes } from '../dashboard/dashboard.route';
import { corsForOrigins } from '../http/cors';
import { graphqlStatusPlugin } from '../http/graphql-status.plugin';
import { jsonBodyErrors } from '../http/json-body-errors';
import { metricsPlugin } from '../http/metrics.plugin';
import { enableMetrics, recordError } from '../metrics/metrics';
import { metricsRoute } from '../http/metrics.route';
import { requestIds, resumeRequestLogContext } from '../http/request-id';
import { ideRoutes } from '../ide/ide.route';
import { currentAuditScope } from '../domain/audit/audit-context';
import { auditOperationPlugin, auditScope } from './audit/audit-scope.plugin';

export interface ServerOptions {
  orm: MikroORM;
  clock: Clock;
  logger: Logger;
  rateLimitPerSecond: number;
  limits: QueryLimits;
  maxBodyBytes: number;
  portal: PortalLinkSettings;
  /** Signed document links (TARIFF_DOCUMENT_LINK_*); absent: a day long, the database's secret, the portal's public URL. */
  documents?: DocumentLinkSettings;
  /** Origins whose browser pages may call the API (TARIFF_CORS_ORIGINS); empty: none. */
  corsOrigins?: readonly string[];
  /** Serve GET /metrics and count requests (TARIFF_METRICS). */
  metrics?: boolean;
  /** Defaults to the providers that ship (sandbox, manual); tests and deployments may pass others. */
  paymentProviders?: PaymentProviders;
  /** TARIFF_SECRETS_KEY, parsed: connector credentials are encrypted with it; null refuses createConnection. */
  secretsKey?: Buffer | null;
}

export interface TariffServer {
  app: Express;
  apollo: ApolloServer<Context>;
  stop(): Promise<void>;
}

function httpError(err: DomainError, status: number, headers?: Record<string, string>): GraphQLError {
  const mapped = toGraphQLError(err);
  return new GraphQLError(mapped.message, {
    extensions: { ...mapped.extensions, http: { status, headers: new Map(Object.entries(headers ?? {})) } },
  });
}

async function countPendingDeliveries(orm: MikroORM): Promise<number> {
  const [row] = await orm.em
    .fork()
    .execute<{ pending: number }[]>(`select count(*)::int as pending from webhook_delivery where status = 'PENDING'`);
  return row?.pending ?? 0;
}

export async function createServer(options: ServerOptions): Promise<TariffServer> {
  const { orm, clock, logger } = options;
  const schema = await buildTariffSchema();
  const limiter = new RateLimiter(options.rateLimitPerSecond);
  const documents = options.documents ?? { minutes: DEFAULT_DOCUMENT_LINK_MINUTES, publicUrl: options.portal.publicUrl };
  const providers = options.paymentProviders ?? defaultPaymentProviders(() => orm.em.fork(), clock);
  const apollo = new ApolloServer<Context>({
    schema,
    formatError: createErrorFormatter(logger),
    includeStacktraceInErrorResponses: false,
    validationRules: [KnownOperationTypes],
    // Every request is authenticated, and partners composing a gateway need the schema.
    introspection: true,
    // A subgraph would otherwise send resolver timings (ftv1) to anyone asking with a header.
    // The landing page loads from Apollo's CDN: browsers get the bundled IDE (ideRoutes) instead.
    plugins: [
      // First, so that the status it settles is the one the idempotency plugin stores.
      graphqlStatusPlugin(),
      queryLimitsPlugin(schema, options.limits),
      idempotencyPlugin({ em: orm.em, clock, logger }),
      auditOperationPlugin(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      ...(options.metrics ? [metricsPlugin()] : []),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.use(requestIds(logger));
  const cors = corsForOrigins(options.corsOrigins ?? []);
  if (cors) app.use(cors);

  app.get('/health', async (_req, res) => {
    try {
      await orm.em.getConnection().execute('select 1');
      res.json({ status: 'ok' });
    } catch (err) {
      logger.warn({ err }, 'health check failed');
      res.status(503).json({ status: 'unavailable' });
    }
  });

  app.use(portalRoutes());
  app.use(dashboardRoutes());
  app.use(invoiceHtmlRoute({ orm, clock, logger, limiter }));
  app.use(documentLinkRoute({ orm, clock, logger, settings: documents }));
  app.use(quoteResponseRoute({ orm, clock, logger, settings: documents, providers }));
  app.use(ideRoutes({ logger }));
  if (options.metrics) {
    enableMetrics({ countPendingDeliveries: () => countPendingDeliveries(orm) });
    app.use(metricsRoute({ orm, clock, logger }));
  }

  app.use(
    '/graphql',
    express.json({ limit: options.maxBodyBytes }),
    jsonBodyErrors(logger, options.metrics ? recordError : undefined),
    resumeRequestLogContext(),
    auditScope(clock),
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<Context> => {
        let em: Context['em'];
        let actor: Actor;
        try {
          ({ em, actor } = await authenticateRequest(req.headers.authorization, { orm, clock, limiter }));
        } catch (err) {
          if (err instanceof DomainError) throw httpError(err, HTTP_STATUS[err.code], errorHeaders(err));
          throw err;
        }
        const audit = currentAuditScope();
        if (audit) audit.actor = actor;
        return {
          em,
          actor,
          services: createServices({ em, actor, clock, providers, logger, secretsKey: options.secretsKey ?? null }),
          loaders: createLoaders(em),
          logger,
          portal: options.portal,
          documents,
        };
      },
    }),
  );

  return {
    app,
    apollo,
    async stop() {
      await apollo.stop();
    },
  };
}
