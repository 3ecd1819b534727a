import { randomBytes } from 'node:crypto';
import type { DestinationStream } from 'pino';
import { startApp, RunningApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import type { Clock } from '../../src/domain/shared/clock';
import { createLogger } from '../../src/logger';
import { createTestDatabase } from './database';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  headers: Headers;
  data?: T;
  errors?: { message: string; extensions?: Record<string, any>; path?: (string | number)[] }[];
}

export interface TestApp {
  app: RunningApp;
  url: string;
  adminKey: string;
  /** POSTs a GraphQL request as the given key (the admin key by default; null for none). */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, key?: string | null, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

export async function startTestApp(
  options: { env?: Record<string, string>; clock?: Clock; onQuery?: (sql: string) => void; /** Where log lines go, for tests that read them. */ logDestination?: DestinationStream } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
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
    app = await startApp({ config, logger, clock: options.clock, dataDir: null, onQuery: options.onQuery });
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
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: any; errors?: any[] };
      return { status: res.status, headers: res.headers, data: body.data, errors: body.errors };
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
