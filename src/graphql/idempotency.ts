import { HeaderMap } from '@apollo/server';
import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation, GraphQLResponse } from '@apollo/server';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  DocumentNode,
  FormattedExecutionResult,
  GraphQLError,
  GraphQLFormattedError,
  Kind,
  OperationTypeNode,
  SelectionSetNode,
} from 'graphql';
import { createHash } from 'node:crypto';
import { DomainError, InvalidInputError } from '../domain/errors';
import {
  Acquired,
  IdempotencyService,
  IdempotencyOptions,
  Lease,
  defaultIdempotencyOptions,
} from '../domain/idempotency/idempotency.service';
import type { Clock } from '../domain/shared/clock';
import type { Logger } from '../logger';
import type { Context } from './context';
import { toGraphQLError } from './errors';

export interface IdempotencyPluginOptions {
  em: EntityManager;
  clock: Clock;
  logger: Logger;
  store?: Partial<IdempotencyOptions>;
}

const KEY_PATTERN = /^[\x20-\x7e]{1,255}$/;

/**
 * Root fields whose response carries a secret shown once. Their responses are never stored, so
 * they take no Idempotency-Key: a replay would need the plaintext secret kept in the database
 * for a day (in backups too), and replaying anything else would not be "the first result".
 */
const ONE_TIME_SECRET_FIELDS = new Set(['createApiKey']);

/** A lease of a long mutation is renewed, but not forever if its response never comes. */
const MAX_RENEWALS = 45;

interface Claim {
  store: IdempotencyService;
  lease: Lease;
  renewals: number;
  timer?: NodeJS.Timeout;
  /** A renewal in flight moves the fence; completing must wait for it. */
  renewing?: Promise<void>;
}

/**
 * `Idempotency-Key` for mutations (CONTRACT.md: Operations), as an Apollo plugin rather than an
 * express middleware in front of it. By `responseForOperation` Apollo has authenticated and
 * rate-limited the request (context), parsed it, picked the operation by operationName and run
 * the query limits, so the key is scoped to `actor.keyId` without moving authentication, a
 * request refused before execution (bad query, limits, 429) never claims a key, and the
 * response Apollo is about to send is in hand in `willSendResponse`. A replay is answered from
 * `responseForOperation` without executing; Apollo serializes it exactly as the first time.
 */
export function idempotencyPlugin(options: IdempotencyPluginOptions): ApolloServerPlugin<Context> {
  const { clock, logger } = options;
  const renewEveryMs = ((options.store?.lockSeconds ?? defaultIdempotencyOptions.lockSeconds) * 1000) / 3;
  return {
    async requestDidStart() {
      let key: string | null = null;
      let claim: Claim | null = null;
      return {
        // Refusals thrown here are formatted and answered by Apollo; from responseForOperation
        // they would become a masked 500, so that hook answers its own errors.
        async didResolveOperation(rc) {
          key = idempotencyKeyOf(rc);
        },

        async responseForOperation(rc) {
          if (key === null) return null;
          const store = new IdempotencyService(options.em.fork(), clock, options.store);
          const hash = requestHash(rc.request.operationName ?? null, rc.source, rc.request.variables ?? {});
          let acquired: Acquired;
          try {
            acquired = await store.acquire(rc.contextValue.actor.keyId, key, hash);
          } catch (err) {
            if (err instanceof DomainError) return errorResponse(err, err.code === 'IDEMPOTENCY_KEY_REUSED' ? 422 : 409);
            logger.error({ err }, 'idempotency key lookup failed');
            return { http: { status: 500, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { errors: [internalError] } } };
          }
          if (acquired.kind === 'replay') return replay(acquired.response.status, acquired.response.body);
          const current: Claim = { store, lease: acquired.lease, renewals: 0 };
          current.timer = setInterval(() => (current.renewing = renewLease(current, logger)), renewEveryMs).unref();
          claim = current;
          return null;
        },

        async willSendResponse(rc) {
          if (!claim) return;
          const { store } = claim;
          clearInterval(claim.timer);
          await claim.renewing;
          const status = rc.response.http.status ?? 200;
          const body = rc.response.body.kind === 'single' ? rc.response.body.singleResult : null;
          try {
            // A server failure is not the answer to the request: let a retry run it again.
            if (!body || status >= 500 || body.errors?.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR')) {
              await store.release(claim.lease);
            } else if (!(await store.complete(claim.lease, { status, body: JSON.stringify(body) }))) {
              logger.warn({ idempotencyKeyId: claim.lease.id }, 'idempotency key was taken over before its request finished');
            }
          } catch (err) {
            // The response still goes out; the key stays IN_PROGRESS until its lock lapses.
            logger.error({ err, idempotencyKeyId: claim.lease.id }, 'could not record an idempotent response');
          }
        },
      };
    },
  };
}

/** Keeps a long mutation's key locked so that a retry waits instead of running it again. */
async function renewLease(claim: Claim, logger: Logger): Promise<void> {
  try {
    const lease = ++claim.renewals > MAX_RENEWALS ? null : await claim.store.renew(claim.lease);
    if (lease) claim.lease = lease;
    else clearInterval(claim.timer);
  } catch (err) {
    logger.warn({ err, idempotencyKeyId: claim.lease.id }, 'idempotency lock renewal failed');
  }
}

/** The key of a mutation that takes one, null when there is none to honour; queries ignore it. */
function idempotencyKeyOf(rc: GraphQLRequestContextDidResolveOperation<Context>): string | null {
  if (rc.operation?.operation !== OperationTypeNode.MUTATION) return null;
  const key = rc.request.http?.headers.get('idempotency-key');
  if (key === undefined) return null;
  if (!KEY_PATTERN.test(key)) {
    throw badKey('Idempotency-Key must be 1 to 255 printable ASCII characters');
  }
  const secretField = rootFieldNames(rc.operation.selectionSet, rc.document).find((name) => ONE_TIME_SECRET_FIELDS.has(name));
  if (secretField) {
    throw badKey(`${secretField} does not take an Idempotency-Key: its secret is shown once and never stored`);
  }
  return key;
}

/** SHA-256 of the canonical JSON of what makes two requests the same request. */
export function requestHash(operationName: string | null, query: string, variables: Record<string, unknown>): string {
  return createHash('sha256').update(canonicalJson({ operationName, query, variables })).digest('hex');
}

/** JSON with object keys sorted, so that `{a, b}` and `{b, a}` are the same variables. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function rootFieldNames(selectionSet: SelectionSetNode, document: DocumentNode): string[] {
  return selectionSet.selections.flatMap((selection): string[] => {
    if (selection.kind === Kind.FIELD) return [selection.name.value];
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootFieldNames(selection.selectionSet, document);
    const fragment = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value);
    return fragment?.kind === Kind.FRAGMENT_DEFINITION ? rootFieldNames(fragment.selectionSet, document) : [];
  });
}

function replay(status: number, body: string): GraphQLResponse {
  return {
    http: { status, headers: new HeaderMap([['idempotent-replayed', 'true']]) },
    body: { kind: 'single', singleResult: JSON.parse(body) as FormattedExecutionResult },
  };
}

const internalError: GraphQLFormattedError = { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };

/**
 * A refusal as formatError would have shown it. Statuses after
 * draft-ietf-httpapi-idempotency-key-header: 422 for a reused key, 409 for one still running.
 */
function errorResponse(err: DomainError, status: number): GraphQLResponse {
  return { http: { status, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { errors: [toGraphQLError(err).toJSON()] } } };
}

function badKey(message: string): GraphQLError {
  const mapped = toGraphQLError(new InvalidInputError('Idempotency-Key', message));
  return new GraphQLError(mapped.message, { extensions: { ...mapped.extensions, http: { status: 400 } } });
}
