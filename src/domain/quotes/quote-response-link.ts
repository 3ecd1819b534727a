import type { EntityManager } from '@mikro-orm/postgresql';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { actorOfKey } from '../auth/api-key.service';
import { authorize, can, type Actor } from '../auth/actor';
import { documentLinkSecret, type DocumentLinkSettings } from '../documents/document-link.service';
import { documentLinkPath } from '../documents/document-link';
import { DocumentFormat, DocumentType } from '../documents/document-format';
import { DomainError, NotFoundError } from '../errors';
import type { Clock } from '../shared/clock';
import type { ServiceContext } from '../shared/service-context';
import { QuoteService } from './quote.service';

/**
 * The link a customer opens to accept or decline a sent quote (issue 18): signed like document
 * links (the same secret, expiry and key), but for a purpose of its own, so a document link can
 * never be replayed as a permission to accept. The page acts as the key that made the link: only
 * a key that may accept quotes (quotes:write, subscriptions:write) can make one, and revoking it
 * ends the link.
 */
export interface QuoteResponseClaims {
  quoteId: string;
  keyId: string;
  /** Unix seconds. */
  expires: number;
}

function payload(c: QuoteResponseClaims): string {
  return ['tariff-quote-response-v1', c.quoteId, c.keyId, String(c.expires)].join('\n');
}

function sign(claims: QuoteResponseClaims, secret: string): string {
  return createHmac('sha256', secret).update(payload(claims), 'utf8').digest('base64url');
}

export function quoteResponsePath(claims: QuoteResponseClaims, secret: string): string {
  const query = new URLSearchParams({ key: claims.keyId, expires: String(claims.expires), sig: sign(claims, secret) });
  return `/quotes/${encodeURIComponent(claims.quoteId)}/respond?${query}`;
}

export class QuoteAcceptanceLinkService {
  constructor(private readonly ctx: ServiceContext) {}

  /** Quote.acceptanceUrl: the link, as the calling key. */
  url(quoteId: string, settings: DocumentLinkSettings): Promise<string> {
    return quoteResponseUrl(this.ctx, quoteId, settings);
  }

  /**
   * As url(), or null for a key that may read the quote but not accept it (a CUSTOMER key, say):
   * reading a quote's fields must not fail on one a key cannot have.
   */
  async urlIfAllowed(quoteId: string, settings: DocumentLinkSettings): Promise<string | null> {
    if (!can(this.ctx.actor, 'quotes:write') || !can(this.ctx.actor, 'subscriptions:write')) return null;
    return quoteResponseUrl(this.ctx, quoteId, settings);
  }
}

/** Makes the link, as the calling key: FORBIDDEN for a key that cannot accept quotes, NOT_FOUND for an unknown quote. */
async function quoteResponseUrl(ctx: ServiceContext, quoteId: string, settings: DocumentLinkSettings): Promise<string> {
  authorize(ctx.actor, 'quotes:write');
  authorize(ctx.actor, 'subscriptions:write');
  if (!(await new QuoteService(ctx).get(quoteId))) throw new NotFoundError('Quote', quoteId, 'id');
  const now = ctx.clock.now();
  const claims = { quoteId, keyId: ctx.actor.keyId, expires: Math.floor(now.getTime() / 1000) + settings.minutes * 60 };
  return `${settings.publicUrl()}${quoteResponsePath(claims, await documentLinkSecret(ctx.em, settings.secret, now))}`;
}

export interface QuoteResponseRequest {
  quoteId: string;
  key: unknown;
  expires: unknown;
  sig: unknown;
}

/** A link that holds: the key to act as, and a signed link to the quote's PDF for the page. */
export type OpenedQuoteResponse =
  { ok: true; actor: Actor; claims: QuoteResponseClaims; pdfPath: string } | { ok: false; status: 403 | 410; message: string };

/** Checks a response link: signature (403), expiry (410), the key still active (410). */
export async function openQuoteResponse(
  em: EntityManager,
  clock: Clock,
  settings: DocumentLinkSettings,
  req: QuoteResponseRequest,
): Promise<OpenedQuoteResponse> {
  if (typeof req.key !== 'string' || typeof req.expires !== 'string' || typeof req.sig !== 'string' || !/^\d{1,12}$/.test(req.expires)) {
    return { ok: false, status: 403, message: 'This link is not valid.' };
  }
  const claims: QuoteResponseClaims = { quoteId: req.quoteId, keyId: req.key, expires: Number(req.expires) };
  const now = clock.now();
  const secret = await documentLinkSecret(em, settings.secret, now);
  const expected = Buffer.from(sign(claims, secret));
  const given = Buffer.from(req.sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, status: 403, message: 'This link is not valid.' };
  if (claims.expires * 1000 <= now.getTime()) return { ok: false, status: 410, message: 'This link has expired. Ask for a new one.' };
  try {
    const actor = await actorOfKey(em, claims.keyId, now);
    const pdfPath = documentLinkPath(
      { type: DocumentType.QUOTE, id: claims.quoteId, format: DocumentFormat.PDF, keyId: claims.keyId, expires: claims.expires },
      secret,
    );
    return { ok: true, actor, claims, pdfPath };
  } catch (err) {
    if (err instanceof DomainError && err.code === 'UNAUTHENTICATED') {
      return { ok: false, status: 410, message: 'This link is no longer valid: the key that made it was revoked.' };
    }
    throw err;
  }
}
