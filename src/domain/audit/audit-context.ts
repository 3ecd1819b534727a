import { AsyncLocalStorage } from 'node:async_hooks';
import type { Actor } from '../auth/actor';

/**
 * Who is changing what, for the audit subscriber: MikroORM's EntityManager has no slot for the
 * caller, and a service's `em.transactional` forks a new one anyway, so the GraphQL request
 * carries it here (as src/http/request-id.ts carries request ids). Filled in as the request
 * goes: the actor once authenticated, the operation as each root mutation field starts.
 */
export interface AuditScope {
  actor?: Actor;
  /** The root mutation field being resolved (createCustomer); unset while a query runs, so reads record nothing. */
  operation?: string;
  now: () => Date;
}

const storage = new AsyncLocalStorage<AuditScope>();

export function runInAuditScope<T>(scope: AuditScope, fn: () => T): T {
  return storage.run(scope, fn);
}

export function currentAuditScope(): AuditScope | undefined {
  return storage.getStore();
}

/**
 * Runs `fn` with no audit scope: for work a mutation sets off that writes records of record
 * record by record (a billing cycle), which the mutation summarizes in one entry instead.
 */
export function withoutAudit<T>(fn: () => T): T {
  return storage.exit(fn);
}
