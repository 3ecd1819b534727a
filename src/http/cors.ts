import cors from 'cors';
import type { RequestHandler } from 'express';

/**
 * Cross-origin access for browser clients from TARIFF_CORS_ORIGINS only. Another origin gets
 * no CORS header at all (its preflight falls through to a plain refusal), and with the list
 * empty nothing is added. API keys travel in the Authorization header, not in cookies, so no
 * credentials mode is offered.
 */
export function corsForOrigins(origins: readonly string[]): RequestHandler | null {
  if (origins.length === 0) return null;
  const allowed = new Set(origins);
  return cors((req, callback) => {
    const origin = req.headers.origin;
    if (!origin || !allowed.has(origin)) {
      callback(null, { origin: false });
      return;
    }
    callback(null, {
      origin,
      methods: ['GET', 'POST'],
      allowedHeaders: ['authorization', 'content-type', 'accept', 'idempotency-key', 'x-request-id', 'apollo-require-preflight'],
      exposedHeaders: ['x-request-id', 'retry-after', 'idempotent-replayed'],
      maxAge: 600,
      optionsSuccessStatus: 204,
    });
  });
}
