import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The version counters of the in-process caches (docs/caches.md). Migration20261207155000's
 * triggers give a counter a new, never reused value in the same transaction as any write to what
 * its cache holds. A request reads the counters once, before it reads anything cached; a cache
 * filled by a request is tagged with the counters that request read *before* it read the rows, so
 * its rows are at least as new as their tag. A writer's commit that returned before a request
 * started is in that request's read, so the request sees another value and reads the rows
 * again: a change made through any process is seen by the next request of every process. A
 * missed or late notification can only cost a reload, never serve a stale row.
 */
export interface CacheVersions {
  /** Prices, contracts, and what pricing reads of a customer. */
  catalog: string;
  /** API keys, portal sessions, contacts. */
  auth: string;
}

export type CacheName = keyof CacheVersions;

/** The counters each request's EntityManager read (authenticate reads them first of all). */
const readByRequest = new WeakMap<EntityManager, CacheVersions>();

/** One query; null if the counters are missing (a database emptied by hand): nothing is then cached. */
export async function readCacheVersions(em: EntityManager): Promise<CacheVersions | null> {
  const rows = await em.execute<{ name: string; version: string }[]>('select name, version::text as version from cache_version');
  const catalog = rows.find((r) => r.name === 'catalog')?.version;
  const auth = rows.find((r) => r.name === 'auth')?.version;
  const versions = catalog !== undefined && auth !== undefined ? { catalog, auth } : null;
  if (versions) readByRequest.set(em, versions);
  return versions;
}

/**
 * The counters this EntityManager read, or null: then its caller reads the database. A
 * transaction's EntityManager is another fork and gets null, so writes never price from a cache.
 */
export function cacheVersionsOf(em: EntityManager): CacheVersions | null {
  return readByRequest.get(em) ?? null;
}

/**
 * Entries valid at one counter value: asking at another value starts an empty set. A request
 * keeps the map it got: if a concurrent request moves the cache to another value meanwhile, what
 * the first one stores afterwards lands in the map it holds, which nobody reads any more.
 */
export class VersionedCache<K, V> {
  private version: string | null = null;
  private entries = new Map<K, V>();

  constructor(private readonly limit: number) {}

  at(version: string): Map<K, V> {
    if (version !== this.version || this.entries.size >= this.limit) {
      this.version = version;
      this.entries = new Map();
    }
    return this.entries;
  }

  /** A notification said the counter moved: drop the entries now rather than at the next request. */
  clear(): void {
    this.version = null;
    this.entries = new Map();
  }
}

/** One set of caches per database handle (an app instance): keyed by the ORM's driver, which every fork shares. */
const registries = new WeakMap<object, Map<string, { name: CacheName; cache: VersionedCache<unknown, unknown> }>>();

/** The cache `key` of this process's database, created on first use. */
export function processCache<K, V>(em: EntityManager, name: CacheName, key: string, limit: number): VersionedCache<K, V> {
  const driver = em.getDriver();
  let registry = registries.get(driver);
  if (!registry) registries.set(driver, (registry = new Map()));
  let entry = registry.get(key);
  if (!entry) registry.set(key, (entry = { name, cache: new VersionedCache<unknown, unknown>(limit) }));
  return entry.cache as VersionedCache<K, V>;
}

/** Drops the caches of one counter (a notification arrived). */
export function clearCaches(driver: object, name: CacheName): void {
  for (const entry of registries.get(driver)?.values() ?? []) if (entry.name === name) entry.cache.clear();
}
