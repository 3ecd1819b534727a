import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash, randomBytes } from 'node:crypto';
import { ConflictError, InvalidInputError, NotFoundError, UnauthenticatedError } from '../errors';
import { Customer } from '../customers/customer.entity';
import type { Clock } from '../shared/clock';
import { isId } from '../shared/ids';
import { afterCursor, Page, PageArgs, pageSize, toPage } from '../shared/pagination';
import type { ServiceContext } from '../shared/service-context';
import { Actor, authorize, Role } from './actor';
import { ApiKey } from './api-key.entity';
import { ApiKeyRow, cachedApiKey } from './api-key-cache';
import { readCacheVersions } from '../../db/cache-versions';

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function newSecret(): string {
  return `trf_${randomBytes(24).toString('base64url')}`;
}

export interface CreateApiKeyInput {
  role: Role;
  name: string;
  customerId?: string | null;
}

export class ApiKeyService {
  constructor(private readonly ctx: ServiceContext) {}

  async create(input: CreateApiKeyInput): Promise<{ apiKey: ApiKey; secret: string }> {
    authorize(this.ctx.actor, 'apiKeys:manage');
    const name = input.name.trim();
    if (name.length === 0 || name.length > 200) throw new InvalidInputError('input.name', 'name must be 1 to 200 characters');
    if (input.role === Role.CUSTOMER && !input.customerId) {
      throw new InvalidInputError('input.customerId', 'a CUSTOMER key must be bound to a customer');
    }
    if (input.role !== Role.CUSTOMER && input.customerId) {
      throw new InvalidInputError('input.customerId', 'only CUSTOMER keys are bound to a customer');
    }
    return this.ctx.em.transactional(async (em) => {
      const customer = input.customerId && isId(input.customerId) ? await em.findOne(Customer, { id: input.customerId }) : null;
      if (input.customerId && !customer) throw new NotFoundError('customer', input.customerId, 'input.customerId');
      const secret = newSecret();
      const apiKey = em.create(ApiKey, {
        name,
        role: input.role,
        customer,
        secretHash: hashSecret(secret),
        prefix: secret.slice(0, 8),
        createdAt: this.ctx.clock.now(),
      });
      await em.flush();
      return { apiKey, secret };
    });
  }

  /** Oldest first, revoked ones included (with revokedAt), so that any key can be found and revoked. */
  async list(args: PageArgs): Promise<Page<ApiKey>> {
    authorize(this.ctx.actor, 'apiKeys:manage');
    const size = pageSize(args.first);
    const rows = await this.ctx.em.find(ApiKey, afterCursor(args.after), { orderBy: { createdAt: 'asc', id: 'asc' }, limit: size + 1 });
    return toPage(rows, size);
  }

  async revoke(id: string): Promise<ApiKey> {
    authorize(this.ctx.actor, 'apiKeys:manage');
    return this.ctx.em.transactional(async (em) => {
      const key = isId(id) ? await em.findOne(ApiKey, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
      if (!key) throw new NotFoundError('API key', id, 'id');
      if (key.revokedAt) throw new ConflictError('this API key is already revoked');
      if (key.id === this.ctx.actor.keyId) throw new ConflictError('a key cannot revoke itself');
      key.revokedAt = this.ctx.clock.now();
      await em.flush();
      return key;
    });
  }
}

/**
 * Resolves a bearer secret to its actor; revoked and unknown keys are the same failure. Every
 * request runs this, first of all: it reads the cache counters (cache-versions.ts) and then the
 * key from this process's cache, or one row without the ORM's entity machinery. `now` is the
 * request's clock, so a test clock expires portal sessions as it would in real time.
 */
export async function authenticate(em: EntityManager, secret: string, now: Date): Promise<Actor> {
  await readCacheVersions(em);
  const hash = hashSecret(secret);
  return actorOf(await cachedApiKey(em, hash, () => activeKey(em, 'k.secret_hash = ?', hash)), now);
}

/**
 * The actor of a key by its id, as `authenticate` would resolve it now: what a signed document
 * link acts as (documents/document-link.service.ts), so revoking the key ends its links.
 */
export async function actorOfKey(em: EntityManager, keyId: string, now: Date): Promise<Actor> {
  if (!isId(keyId)) throw new UnauthenticatedError('invalid or revoked API key');
  return actorOf(await activeKey(em, 'k.id = ?', keyId), now);
}

async function activeKey(em: EntityManager, where: 'k.secret_hash = ?' | 'k.id = ?', value: string): Promise<ApiKeyRow | null> {
  // A portal session for a contact acts with the contact's current role: a change or removal takes effect on the next request.
  const rows = await em.execute<ApiKeyRow[]>(
    `select k.id, k.name, k.role, k.customer_id, k.expires_at,
            s.contact_id, c.role as contact_role, c.archived_at is not null as contact_archived
       from api_key k
       left join portal_session s on s.api_key_id = k.id
       left join contact c on c.id = s.contact_id
      where ${where} and k.revoked_at is null`,
    [value],
  );
  const row = rows[0];
  return row ? { ...row, expires_at: row.expires_at === null ? null : new Date(row.expires_at) } : null;
}

/** Expiry is checked here, against the request's clock, so a cached key still expires on time. */
function actorOf(key: ApiKeyRow | null, now: Date): Actor {
  if (!key) throw new UnauthenticatedError('invalid or revoked API key');
  if (key.expires_at !== null && key.expires_at.getTime() <= now.getTime()) throw new UnauthenticatedError('portal session expired');
  if (key.contact_id !== null && key.contact_archived) throw new UnauthenticatedError('the contact of this portal session was removed');
  return { keyId: key.id, name: key.name, role: key.role, customerId: key.customer_id, contactRole: key.contact_role };
}

/**
 * Start-up: TARIFF_ADMIN_KEY becomes a valid ADMIN key; without it, a database with no admin
 * key gets one whose secret is returned once for the operator to copy.
 */
export async function bootstrapAdminKey(
  em: EntityManager,
  clock: Clock,
  configuredSecret: string | undefined,
): Promise<{ created: boolean; secret?: string }> {
  return em.transactional(async (tx) => {
    if (configuredSecret) {
      const hash = hashSecret(configuredSecret);
      const existing = await tx.findOne(ApiKey, { secretHash: hash });
      if (existing) {
        if (existing.role !== Role.ADMIN || existing.revokedAt) {
          existing.role = Role.ADMIN;
          existing.revokedAt = null;
        }
        return { created: false };
      }
      tx.create(ApiKey, {
        name: 'TARIFF_ADMIN_KEY',
        role: Role.ADMIN,
        secretHash: hash,
        prefix: configuredSecret.slice(0, 8),
        createdAt: clock.now(),
      });
      return { created: true };
    }
    const admins = await tx.count(ApiKey, { role: Role.ADMIN, revokedAt: null });
    if (admins > 0) return { created: false };
    const secret = newSecret();
    tx.create(ApiKey, {
      name: 'first admin key',
      role: Role.ADMIN,
      secretHash: hashSecret(secret),
      prefix: secret.slice(0, 8),
      createdAt: clock.now(),
    });
    return { created: true, secret };
  });
}
