import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { ReflectMetadataProvider } from '@mikro-orm/core';
import path from 'node:path';
import { entities } from './entities';
import { AuditSubscriber } from '../domain/audit/audit.subscriber';
import { migrationsList } from './migrations';

export interface OrmOptions {
  clientUrl: string;
  poolMax: number;
  debug?: boolean;
  /** Sees every SQL statement: for tests that count them. */
  onQuery?: (sql: string) => void;
}

export function ormConfig(options: OrmOptions) {
  return defineConfig({
    driver: PostgreSqlDriver,
    clientUrl: options.clientUrl,
    entities,
    // Records what GraphQL mutations change, in their own flushes (docs/audit-log.md).
    subscribers: [new AuditSubscriber()],
    metadataProvider: ReflectMetadataProvider,
    discovery: { warnWhenNoEntities: true },
    extensions: [Migrator],
    migrations: {
      // Listed in code, not scanned from disk, so the same list runs under ts, swc and compiled js.
      migrationsList,
      path: path.join(__dirname, 'migrations'),
      pathTs: path.join(__dirname, 'migrations'),
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
      emit: 'ts',
    },
    pool: { min: 0, max: options.poolMax },
    // Every request forks its own EntityManager; touching the global one is a bug.
    allowGlobalContext: false,
    forceUtcTimezone: true,
    debug: options.onQuery ? ['query'] : (options.debug ?? false),
    ...(options.onQuery ? { logger: options.onQuery } : {}),
    ignoreUndefinedInQuery: true,
  });
}
