import { randomBytes } from 'node:crypto';
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import type { DestinationStream } from 'pino';
import { startApp, RunningApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import type { Clock } from '../../src/domain/shared/clock';
import { createLogger } from '../../src/logger';
import { createMigratedTestDatabase } from './template-database';

export interface GraphQLResponse<T = unknown> {
  status: number;
  headers: Headers;
  data?: T;
  errors?: { message: string; extensions?: GraphQLErrorExtensions; path?: (string | number)[] }[];
}

/** What CONTRACT.md puts in an error's extensions; anything else is there to be asserted on, so unknown. */
export interface GraphQLErrorExtensions {
  code?: string;
  field?: string;
  [key: string]: unknown;
}

/**
 * A document from `graphql(...)` (test/support/generated, docs/tests.md): the result and the
 * variables are typed from the schema. A plain string gives `unknown` data unless told otherwise.
 */
export type Document<TResult, TVariables> = DocumentTypeDecoration<TResult, TVariables> | string;

/**
 * The result of a plain-string query in a test not yet converted to `graphql(...)` documents:
 * `t.gql<Untyped>(...)` marks each such call, so what is left to convert can be found.
 */
export type Untyped = Record<string, any>;

export interface TestApp {
  app: RunningApp;
  url: string;
  adminKey: string;
  /** POSTs a GraphQL request as the given key (the admin key by default; null for none). */
  gql<TResult = unknown, TVariables = Record<string, unknown>>(
    query: Document<TResult, TVariables>,
    variables?: TVariables,
    key?: string | null,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<TResult>>;
  close(): Promise<void>;
}

export async function startTestApp(
  options: {
    env?: Record<string, string>;
    clock?: Clock;
    onQuery?: (sql: string) => void;
    /** Where log lines go, for tests that read them. */ logDestination?: DestinationStream;
    /** Run the e-mail worker in the app, as `npm start` does (it starts only when SMTP is configured). */
    emailWorker?: boolean;
  } = {},
): Promise<TestApp> {
  const database = await createMigratedTestDatabase();
  const adminKey = `test_admin_${randomBytes(12).toString('hex')}`;
  const config = loadConfig({
    PORT: '0',
    TARIFF_ADMIN_KEY: adminKey,
    TARIFF_RATE_LIMIT: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...(database.url ? { DATABASE_URL: database.url } : {}),
    ...options.env,
  });
  const logger = createLogger(config.LOG_LEVEL, options.logDestination);
  let app: RunningApp;
  try {
    app = await startApp({
      config,
      logger,
      clock: options.clock,
      dataDir: null,
      embeddedInitialData: database.embeddedInitialData,
      onQuery: options.onQuery,
      emailWorker: options.emailWorker,
    });
  } catch (err) {
    await database.drop();
    throw err;
  }
  const url = app.url;
  return {
    app,
    url,
    adminKey,
    async gql(query, variables, key = adminKey, headers = {}) {
      const post = () =>
        fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
          body: JSON.stringify({ query: String(query), variables }),
        });
      // The server shares the test's event loop: after a long synchronous step (the EN 16931
      // validator), its keep-alive timer and fetch's reuse of the idle socket race, and the reused
      // socket is reset before the request was read. Sent again once, on a new connection.
      const res = await post().catch((err: unknown) => {
        if ((err as { cause?: { code?: string } }).cause?.code === 'ECONNRESET') return post();
        throw err;
      });
      const body = (await res.json()) as Omit<GraphQLResponse<never>, 'status' | 'headers'>;
      return { status: res.status, headers: res.headers, data: body.data, errors: body.errors };
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
