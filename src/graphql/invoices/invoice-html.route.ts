import type { MikroORM } from '@mikro-orm/postgresql';
import { Response, Router } from 'express';
import { authenticate } from '../../domain/auth/api-key.service';
import { DomainError, ErrorCode, UnauthenticatedError } from '../../domain/errors';
import { createServices } from '../../domain/services';
import type { Clock } from '../../domain/shared/clock';
import type { Logger } from '../../logger';
import type { RateLimiter } from '../rate-limit';
import { NO_PAYMENT_PROVIDERS } from '../../domain/payments/providers';

export interface InvoiceHtmlRouteOptions {
  orm: MikroORM;
  clock: Clock;
  logger: Logger;
  /** The /graphql limiter: a key's downloads count against the same budget. */
  limiter: RateLimiter;
}

const STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
};

function bearer(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1] : null;
}

function fail(res: Response, code: ErrorCode, message: string): void {
  if (code === 'UNAUTHENTICATED') res.set('www-authenticate', 'Bearer');
  res.status(STATUS[code]).json({ error: { code, message } });
}

/**
 * GET /invoices/:id.html: the printable invoice, with the same Bearer API key as /graphql and the
 * same authorization as `invoice(id)` (InvoiceDocumentService). `?download=1` makes it an attachment.
 */
export function invoiceHtmlRoute(options: InvoiceHtmlRouteOptions): Router {
  const { orm, clock, logger, limiter } = options;
  const router = Router();
  router.get('/invoices/:id.html', async (req, res) => {
    // The page carries no script and loads nothing: even a value that escaped escaping could not run.
    res.set({
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
      'referrer-policy': 'no-referrer',
    });
    try {
      const secret = bearer(req.headers.authorization);
      if (!secret) throw new UnauthenticatedError('an API key is required: Authorization: Bearer <key>');
      const em = orm.em.fork();
      const actor = await authenticate(em, secret, clock.now());
      const retryAfter = limiter.take(actor.keyId);
      if (retryAfter > 0) {
        res.set('retry-after', String(retryAfter));
        return fail(res, 'RATE_LIMITED', `rate limit exceeded; retry after ${retryAfter} s`);
      }
      const doc = await createServices({ em, actor, clock, providers: NO_PAYMENT_PROVIDERS }).invoiceDocuments.html(req.params.id);
      if (!doc) return fail(res, 'NOT_FOUND', `invoice '${req.params.id.slice(0, 100)}' not found`);
      if (req.query.download === '1') res.set('content-disposition', `attachment; filename="${doc.fileName}"`);
      res.status(200).type('html').send(doc.html);
    } catch (err) {
      if (err instanceof DomainError) return fail(res, err.code, err.message);
      logger.error({ err, invoiceId: req.params.id }, 'invoice rendering failed');
      res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'internal error' } });
    }
  });
  return router;
}
