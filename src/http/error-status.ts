import type { ErrorRequestHandler, Response } from 'express';
import { DomainError, ErrorCode, RateLimitedError } from '../domain/errors';
import type { Logger } from '../logger';

/** The HTTP status of each domain error code, for every route (/graphql included). */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
};

/** The headers that go with an error's status: how to authenticate, when to retry. */
export function errorHeaders(err: DomainError): Record<string, string> {
  if (err.code === 'UNAUTHENTICATED') return { 'www-authenticate': 'Bearer' };
  if (err instanceof RateLimitedError) return { 'retry-after': String(err.retryAfterSeconds) };
  return {};
}

/** `{ error: { code, message } }` with the error's status and headers. */
export function sendDomainError(res: Response, err: DomainError): void {
  res.set(errorHeaders(err));
  res.status(HTTP_STATUS[err.code]).json({ error: { code: err.code, message: err.message } });
}

/**
 * The last handler of a non-GraphQL route: domain errors answer with their status, anything
 * else is a bug, logged with its stack and masked.
 */
export function httpErrorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) return next(err);
    if (err instanceof DomainError) return sendDomainError(res, err);
    logger.error({ err, method: req.method, path: req.path }, 'request failed');
    res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'internal error' } });
  };
}
