import type { EntityManager } from '@mikro-orm/postgresql';
import { cacheVersionsOf, processCache } from '../../db/cache-versions';
import type { ContactRole } from '../customers/contact-role';
import type { Role } from './actor';

/** What authenticate reads of a key, its portal session and the session's contact. */
export interface ApiKeyRow {
  id: string;
  name: string;
  role: Role;
  customer_id: string | null;
  /** Compared with the request's clock on every use, so a cached session still expires on time. */
  expires_at: Date | null;
  contact_id: string | null;
  contact_role: ContactRole | null;
  contact_archived: boolean;
}

const LIMIT = 10_000;

/**
 * API keys by secret hash, for the counter `auth` (cache-versions.ts): any write to api_key,
 * portal_session or contact (a revocation, a new session, a contact's role or removal) gives the
 * counter a new value in its own transaction, so the next request of every process reads the
 * key again. Unknown and revoked keys are never cached: a guess costs a query, not memory.
 */
export async function cachedApiKey(em: EntityManager, hash: string, load: () => Promise<ApiKeyRow | null>): Promise<ApiKeyRow | null> {
  const versions = cacheVersionsOf(em);
  if (!versions) return load();
  const entries = processCache<string, ApiKeyRow>(em, 'auth', 'api-keys', LIMIT).at(versions.auth);
  const hit = entries.get(hash);
  if (hit) return hit;
  const row = await load();
  if (row) entries.set(hash, row);
  return row;
}
