import { RequestHandler, Router } from 'express';
import { NotFoundError } from '../../domain/errors';
import { NO_PAYMENT_PROVIDERS } from '../../domain/payments/providers';
import { createServices } from '../../domain/services';
import { authenticated, authenticateMiddleware, AuthenticateOptions } from '../../http/authenticate.middleware';
import { httpErrorHandler } from '../../http/error-status';
import type { Logger } from '../../logger';

export interface InvoiceHtmlRouteOptions extends AuthenticateOptions {
  logger: Logger;
}

/** The page carries no script and loads nothing: even a value that escaped escaping could not run. */
const documentHeaders: RequestHandler = (_req, res, next) => {
  res.set({
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    'x-content-type-options': 'nosniff',
    'cache-control': 'private, no-store',
    'referrer-policy': 'no-referrer',
  });
  next();
};

/**
 * GET /invoices/:id.html: the printable invoice, with the same Bearer API key as /graphql and the
 * same authorization as `invoice(id)` (InvoiceDocumentService). `?download=1` makes it an attachment.
 */
export function invoiceHtmlRoute(options: InvoiceHtmlRouteOptions): Router {
  const { clock, logger } = options;
  const render: RequestHandler<{ id: string }> = async (req, res) => {
    const { em, actor } = authenticated(res);
    const doc = await createServices({ em, actor, clock, providers: NO_PAYMENT_PROVIDERS }).invoiceDocuments.html(req.params.id);
    if (!doc) throw new NotFoundError('invoice', req.params.id.slice(0, 100));
    if (req.query.download === '1') res.set('content-disposition', `attachment; filename="${doc.fileName}"`);
    res.status(200).type('html').send(doc.html);
  };
  const router = Router();
  router.get('/invoices/:id.html', documentHeaders, authenticateMiddleware(options), render, httpErrorHandler(logger));
  return router;
}
