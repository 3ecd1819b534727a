import type { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import type { Logger } from '../logger';
import { CacheName, clearCaches } from './cache-versions';

export interface CacheListener {
  stop(): Promise<void>;
}

/**
 * LISTEN tariff_cache on a connection of its own: Migration20261207155000's triggers notify it
 * when a transaction that wrote a cached table commits, and this process drops those caches at
 * once. Promptness only: every request still checks the counters (cache-versions.ts), so a
 * notification lost with a dropped connection costs nothing but a reload. Failing to listen is
 * logged, never fatal.
 */
export async function listenForCacheChanges(orm: MikroORM, logger?: Logger): Promise<CacheListener> {
  const driver = orm.em.getDriver();
  const client = new Client({ connectionString: String(orm.config.get('clientUrl')) });
  let stopped = false;
  client.on('notification', (msg) => {
    if (msg.channel === 'tariff_cache' && (msg.payload === 'catalog' || msg.payload === 'auth')) {
      clearCaches(driver, msg.payload as CacheName);
    }
  });
  client.on('error', (err) => {
    if (!stopped) logger?.warn({ err }, 'cache notifications lost; the per-request version check still applies');
  });
  try {
    await client.connect();
    await client.query('listen tariff_cache');
  } catch (err) {
    logger?.warn({ err }, 'cannot listen for cache notifications; the per-request version check still applies');
    await client.end().catch(() => undefined);
    return { stop: async () => undefined };
  }
  return {
    async stop() {
      stopped = true;
      await client.end().catch(() => undefined);
    },
  };
}
