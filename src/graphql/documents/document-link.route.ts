import type { MikroORM } from '@mikro-orm/postgresql';
import { RequestHandler, Router } from 'express';
import { openDocumentLink, type DocumentLinkSettings } from '../../domain/documents/document-link.service';
import { escapeHtml } from '../../domain/shared/escape-html';
import type { Clock } from '../../domain/shared/clock';
import type { Logger } from '../../logger';

export interface DocumentLinkRouteOptions {
  orm: MikroORM;
  clock: Clock;
  logger: Logger;
  settings: DocumentLinkSettings;
}

/**
 * Nothing on these pages runs or loads; the link's signature must not travel on as a Referer, nor
 * the document stay in a shared cache.
 */
const documentHeaders: RequestHandler = (_req, res, next) => {
  res.set({
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    'x-content-type-options': 'nosniff',
    'cache-control': 'private, no-store',
    'referrer-policy': 'no-referrer',
  });
  next();
};

/** A refusal as a short page a person reads: no stack, no JSON, no detail of the link. */
function plainPage(status: number, message: string): string {
  const title = status === 410 ? 'Link expired' : status === 404 ? 'Not found' : status === 403 ? 'Access denied' : 'Something went wrong';
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>${escapeHtml(message)}</p></body></html>\n`;
}

/**
 * GET /documents/<invoice|credit-note|quote>/<id>.<pdf|html|ubl.xml|cii.xml>?key=&expires=&sig=:
 * a signed document link (documentUrl), opened without an Authorization header. PDFs and pages
 * open inline, XML downloads; `?download=1` makes any of them an attachment.
 */
export function documentLinkRoute(options: DocumentLinkRouteOptions): Router {
  const { orm, clock, logger, settings } = options;
  const open: RequestHandler<{ type: string; file: string }> = async (req, res) => {
    try {
      const opened = await openDocumentLink(orm.em.fork(), clock, settings, {
        type: req.params.type,
        file: req.params.file,
        key: req.query.key,
        expires: req.query.expires,
        sig: req.query.sig,
      });
      if (!opened.ok) {
        res.status(opened.status).type('html').send(plainPage(opened.status, opened.message));
        return;
      }
      const { document } = opened;
      const xml = document.contentType.startsWith('application/xml');
      const disposition = req.query.download === '1' || xml ? 'attachment' : 'inline';
      res.set('content-disposition', `${disposition}; filename="${document.fileName}"`);
      res.status(200).set('content-type', document.contentType).send(document.body);
    } catch (err) {
      logger.error({ err, path: req.path.split('?')[0] }, 'document link failed');
      res.status(500).type('html').send(plainPage(500, 'The document could not be produced. Try again later.'));
    }
  };
  const router = Router();
  router.get('/documents/:type/:file', documentHeaders, open);
  return router;
}
