import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { RequestHandler, Response } from 'express';
import type { Actor } from '../domain/auth/actor';
import { authenticate } from '../domain/auth/api-key.service';
import { RateLimitedError, UnauthenticatedError } from '../domain/errors';
import type { Clock } from '../domain/shared/clock';
import type { RateLimiter } from '../graphql/rate-limit';

export interface AuthenticateOptions {
  orm: MikroORM;
  clock: Clock;
  /** One limiter for every route: a key's downloads count against its /graphql budget. */
  limiter: RateLimiter;
}

/** Who is asking, and the request's own EntityManager (the one the key was read with). */
export interface Authenticated {
  em: EntityManager;
  actor: Actor;
}

function bearer(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1] : null;
}

/**
 * `Authorization: Bearer <key>` → the key's actor, then one request from its rate budget.
 * Throws UnauthenticatedError or RateLimitedError; the caller maps them (HTTP_STATUS).
 */
export async function authenticateRequest(authorization: string | undefined, options: AuthenticateOptions): Promise<Authenticated> {
  const secret = bearer(authorization);
  if (!secret) throw new UnauthenticatedError('an API key is required: Authorization: Bearer <key>');
  const em = options.orm.em.fork();
  const actor = await authenticate(em, secret, options.clock.now());
  const retryAfter = await options.limiter.take(actor.keyId);
  if (retryAfter > 0) throw new RateLimitedError(retryAfter);
  return { em, actor };
}

/** Express middleware: authenticates as authenticateRequest, leaving the result for `authenticated(res)`. */
export function authenticateMiddleware(options: AuthenticateOptions): RequestHandler {
  return async (req, res, next) => {
    res.locals.auth = await authenticateRequest(req.headers.authorization, options);
    next();
  };
}

/** What authenticateMiddleware left for this request. */
export function authenticated(res: Response): Authenticated {
  const auth = res.locals.auth as Authenticated | undefined;
  if (!auth) throw new Error('authenticateMiddleware is not mounted before this handler');
  return auth;
}
