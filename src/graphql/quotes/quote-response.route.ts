import type { MikroORM } from '@mikro-orm/postgresql';
import express, { RequestHandler, Router } from 'express';
import { runInAuditScope } from '../../domain/audit/audit-context';
import type { Actor } from '../../domain/auth/actor';
import type { DocumentLinkSettings } from '../../domain/documents/document-link.service';
import { DomainError } from '../../domain/errors';
import { escapeHtml } from '../../domain/shared/escape-html';
import type { PaymentProviders } from '../../domain/payments/providers';
import { QuoteLifecycleService } from '../../domain/quotes/quote-lifecycle.service';
import { openQuoteResponse, type QuoteResponseClaims } from '../../domain/quotes/quote-response-link';
import { QuoteService } from '../../domain/quotes/quote.service';
import type { Quote } from '../../domain/quotes/quote.entity';
import type { Clock } from '../../domain/shared/clock';
import type { Logger } from '../../logger';
import type { Decimal } from '../../pricing/decimal';
import { formatMoney } from '../../pricing/currency';

export interface QuoteResponseRouteOptions {
  orm: MikroORM;
  clock: Clock;
  logger: Logger;
  settings: DocumentLinkSettings;
  providers: PaymentProviders;
}

/** Nothing on the page runs or loads from elsewhere; the form posts back here only; the link's signature never travels on as a Referer. */
const pageHeaders: RequestHandler = (_req, res, next) => {
  res.set({
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'cache-control': 'private, no-store',
    'referrer-policy': 'no-referrer',
  });
  next();
};

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1f2933}' +
  'table{border-collapse:collapse;width:100%}td,th{padding:.3rem .5rem;border-bottom:1px solid #e4e7eb;text-align:left}' +
  'td.n,th.n{text-align:right}button{font:inherit;padding:.5rem 1.2rem;margin-right:.5rem}.error{color:#b42318}.done{color:#067647}';

function page(title: string, body: string): string {
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>\n`;
}

function refusal(status: number, message: string): string {
  const title = status === 410 ? 'Link expired' : status === 404 ? 'Not found' : status === 403 ? 'Access denied' : 'Something went wrong';
  return page(title, `<h1>${title}</h1><p>${escapeHtml(message)}</p>`);
}

/** The quote as its customer reads it, the PDF link, and while it is SENT the form to answer it. */
function quotePage(
  quote: Quote,
  claims: QuoteResponseClaims,
  sig: string,
  pdfPath: string,
  note?: { error?: string; done?: string },
): string {
  const money = (v: Decimal | null) => (v === null ? '–' : escapeHtml(formatMoney(v, quote.currency)));
  const lines = quote.lines
    .getItems()
    .map(
      (l) =>
        `<tr><td>${escapeHtml(l.price?.product?.name ?? l.priceCode)}</td><td class="n">${escapeHtml(l.quantity.toFixed())}</td><td class="n">${money(l.amount)}</td></tr>`,
    )
    .join('');
  const customer = quote.customer;
  const open = quote.status === 'SENT';
  const po = customer.purchaseOrderRequired;
  const form = open
    ? `<form method="post" action="/quotes/${encodeURIComponent(claims.quoteId)}/respond">
<input type="hidden" name="key" value="${escapeHtml(claims.keyId)}"><input type="hidden" name="expires" value="${claims.expires}"><input type="hidden" name="sig" value="${escapeHtml(sig)}">
<p><label>Purchase order number${po ? ' (required)' : ' (optional)'}<br><input name="purchaseOrderNumber" maxlength="100" value="${escapeHtml(quote.purchaseOrderNumber ?? '')}"${po ? ' required' : ''}></label></p>
<p><button type="submit" name="action" value="accept">Accept</button><button type="submit" name="action" value="decline" formnovalidate>Decline</button></p>
</form>`
    : `<p>This quote is <strong>${escapeHtml(quote.status.toLowerCase())}</strong>.</p>`;
  return page(
    `Quote ${quote.number}`,
    `<h1>Quote ${escapeHtml(quote.number)}</h1>
<p>For ${escapeHtml(customer.name)}${quote.validUntil ? `, valid until ${escapeHtml(quote.validUntil.toISOString().slice(0, 10))}` : ''}.</p>
<table><thead><tr><th>Item</th><th class="n">Quantity</th><th class="n">Amount</th></tr></thead><tbody>${lines}</tbody>
<tfoot><tr><th colspan="2">Total</th><th class="n" id="total">${money(quote.total)}</th></tr></tfoot></table>
<p><a href="${escapeHtml(pdfPath)}" rel="noreferrer">The quote as PDF</a></p>
${note?.error ? `<p class="error" role="alert">${escapeHtml(note.error)}</p>` : ''}${note?.done ? `<p class="done" role="status">${escapeHtml(note.done)}</p>` : ''}
${form}`,
  );
}

/**
 * GET /quotes/<id>/respond?key=&expires=&sig= shows a sent quote to its customer with Accept and
 * Decline (and the purchase order number where the customer needs one); the form posts back to
 * the same path with the link's fields. Both act as the key that made the link
 * (Quote.acceptanceUrl), within the link's life; refusals are pages a person reads.
 */
export function quoteResponseRoute(options: QuoteResponseRouteOptions): Router {
  const { orm, clock, logger, settings, providers } = options;

  async function load(actor: Actor, id: string): Promise<Quote | null> {
    const em = orm.em.fork();
    const quote = await new QuoteService({ em, actor, clock, providers }).get(id);
    if (quote) await em.populate(quote, ['lines', 'lines.price', 'lines.price.product', 'customer']);
    return quote;
  }

  const handle =
    (respond: boolean): RequestHandler<{ id: string }> =>
    async (req, res) => {
      const source = (respond ? req.body : req.query) as Record<string, unknown>;
      try {
        const opened = await openQuoteResponse(orm.em.fork(), clock, settings, {
          quoteId: req.params.id,
          key: source?.key,
          expires: source?.expires,
          sig: source?.sig,
        });
        if (!opened.ok) {
          res.status(opened.status).type('html').send(refusal(opened.status, opened.message));
          return;
        }
        const { actor, claims, pdfPath } = opened;
        const sig = String(source.sig);
        let note: { error?: string; done?: string } | undefined;
        if (respond) {
          const action = source.action;
          const ctx = { em: orm.em.fork(), actor, clock, providers, logger };
          try {
            // Audited as the mutation would be: the key acting, the operation named.
            await runInAuditScope(
              { actor, operation: action === 'accept' ? 'acceptQuote' : 'declineQuote', now: () => clock.now() },
              () => {
                if (action === 'accept') {
                  const po =
                    typeof source.purchaseOrderNumber === 'string' && source.purchaseOrderNumber.trim() !== ''
                      ? source.purchaseOrderNumber
                      : null;
                  return new QuoteLifecycleService(ctx).accept(claims.quoteId, po);
                }
                if (action === 'decline') return new QuoteLifecycleService(ctx).decline(claims.quoteId);
                throw new BadAction();
              },
            );
            note = { done: action === 'accept' ? 'Thank you: the quote is accepted.' : 'The quote is declined.' };
          } catch (err) {
            if (err instanceof BadAction) note = { error: 'Choose Accept or Decline.' };
            else if (err instanceof DomainError) note = { error: err.message };
            else throw err;
          }
        }
        const quote = await load(actor, claims.quoteId);
        if (!quote) {
          res.status(404).type('html').send(refusal(404, 'There is no such quote.'));
          return;
        }
        res
          .status(note?.error ? 422 : 200)
          .type('html')
          .send(quotePage(quote, claims, sig, pdfPath, note));
      } catch (err) {
        if (err instanceof DomainError && (err.code === 'FORBIDDEN' || err.code === 'NOT_FOUND')) {
          res.status(403).type('html').send(refusal(403, 'This link does not give access to this quote.'));
          return;
        }
        logger.error({ err, quoteId: req.params.id }, 'quote response page failed');
        res.status(500).type('html').send(refusal(500, 'The quote could not be shown. Try again later.'));
      }
    };

  const router = Router();
  router.get('/quotes/:id/respond', pageHeaders, handle(false));
  router.post('/quotes/:id/respond', pageHeaders, express.urlencoded({ extended: false, limit: '8kb' }), handle(true));
  return router;
}

class BadAction extends Error {}
