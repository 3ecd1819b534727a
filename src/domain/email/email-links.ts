import { boundRows } from '../../db/bound-query';
import { actorOfKey } from '../auth/api-key.service';
import { DEFAULT_DOCUMENT_LINK_MINUTES } from '../documents/document-link.service';
import { DomainError } from '../errors';
import { PortalSessionService, type PortalLinkSettings } from '../portal/portal-session.service';
import { QuoteAcceptanceLinkService } from '../quotes/quote-response-link';
import type { EmailLinks } from './email-compose';

/** How document and quote links are signed here (TARIFF_DOCUMENT_LINK_*); the public URL is the portal's. */
export interface EmailDocumentLinkSettings {
  minutes: number;
  secret?: string;
}

/**
 * The links this deployment can make once the public URL is known: a portal session for the
 * customer (a key that expires with TARIFF_PORTAL_SESSION_MINUTES, made when the e-mail is sent),
 * and a sent quote's acceptance page. That page acts as a key (quote-response-link.ts): here the
 * key that sent the quote, as the audit log recorded it, so the link can do what the sales rep
 * could and ends when that key is revoked; a quote sent by a key that is gone or may no longer
 * accept quotes gets an e-mail without a link.
 */
export function deploymentLinks(
  portal: PortalLinkSettings,
  documents: EmailDocumentLinkSettings = { minutes: DEFAULT_DOCUMENT_LINK_MINUTES },
): EmailLinks {
  const base = () => {
    const url = portal.publicUrl();
    return /^https?:\/\//.test(url) ? url : null;
  };
  return {
    async portal(ctx, customerId) {
      const url = base();
      if (!url) return null;
      return (await new PortalSessionService(ctx).create(customerId, url, portal)).url;
    },
    async quote(ctx, quoteId) {
      const url = base();
      if (!url) return null;
      const [sent] = await boundRows<{ key: string }>(
        ctx.em,
        `select actor_key_id as key from audit_entry where record_id = ? and operation = 'sendQuote' order by at desc limit 1`,
        [quoteId],
      );
      if (!sent) return null;
      try {
        const actor = await actorOfKey(ctx.em, sent.key, ctx.clock.now());
        return await new QuoteAcceptanceLinkService({ ...ctx, actor }).url(quoteId, { ...documents, publicUrl: () => url });
      } catch (err) {
        if (err instanceof DomainError) return null;
        throw err;
      }
    },
  };
}
