import type { EntityManager } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { actorOfKey } from '../auth/api-key.service';
import { DomainError, NotFoundError } from '../errors';
import type { Clock } from '../shared/clock';
import type { ServiceContext } from '../shared/service-context';
import { NO_PAYMENT_PROVIDERS } from '../payments/providers';
import type { DocumentFormat, DocumentType } from './document-format';
import { documentLinkPath, formatOfExtension, typeOfSegment, validSignature, type DocumentLinkClaims } from './document-link';
import { DocumentService, type RenderedDocument } from './document.service';

/** How links are made (config: TARIFF_DOCUMENT_LINK_MINUTES, TARIFF_DOCUMENT_LINK_SECRET, the public URL). */
export interface DocumentLinkSettings {
  minutes: number;
  /** Unset: the database's own secret (DocumentLinkSecret), made on first use. */
  secret?: string;
  /** The public origin of this server, without a trailing slash; '' for root-relative links. */
  publicUrl(): string;
}

export const DEFAULT_DOCUMENT_LINK_MINUTES = 1440;

/** The secret links are signed with: the configured one, else the database's (made once, race-safe). */
export async function documentLinkSecret(em: EntityManager, configured: string | undefined, now: Date): Promise<string> {
  if (configured) return configured;
  const read = async () =>
    (await em.getConnection().execute<{ secret: string }[]>(`select secret from document_link_secret where id = 'default'`))[0]?.secret;
  const existing = await read();
  if (existing) return existing;
  await em
    .getConnection()
    .execute(`insert into document_link_secret (id, secret, created_at) values ('default', ?, ?) on conflict (id) do nothing`, [
      randomBytes(32).toString('base64url'),
      now,
    ]);
  return (await read())!;
}

export class DocumentLinkService {
  constructor(private readonly ctx: ServiceContext) {}

  /**
   * A signed, expiring link to one document in one format, acting as the calling key: only a key
   * that may read the document gets one (FORBIDDEN otherwise, a CUSTOMER key its own only),
   * NOT_FOUND for an unknown one, BAD_USER_INPUT at `format` for a format the type lacks.
   */
  async url(type: DocumentType, id: string, format: DocumentFormat, settings: DocumentLinkSettings): Promise<string> {
    const documents = new DocumentService(this.ctx);
    documents.checkFormat(type, format);
    if (!(await documents.exists(type, id))) throw new NotFoundError(type, id, 'id');
    const now = this.ctx.clock.now();
    const claims: DocumentLinkClaims = {
      type,
      id,
      format,
      keyId: this.ctx.actor.keyId,
      expires: Math.floor(now.getTime() / 1000) + settings.minutes * 60,
    };
    return `${settings.publicUrl()}${documentLinkPath(claims, await documentLinkSecret(this.ctx.em, settings.secret, now))}`;
  }
}

/** The answer to a link: the document, or the status and a sentence for a plain page. */
export type OpenedLink = { ok: true; document: RenderedDocument } | { ok: false; status: 403 | 404 | 410; message: string };

export interface LinkRequest {
  type: string;
  /** `<id>.<ext>` as in the path. */
  file: string;
  key: unknown;
  expires: unknown;
  sig: unknown;
}

/**
 * Opens a link without an Authorization header: the signature must be the current secret's
 * (403), the link unexpired (410), its key still active (410); then the document is read as that
 * key would read it now (its role and customer), so no link outlives the key's right to read.
 */
export async function openDocumentLink(
  em: EntityManager,
  clock: Clock,
  settings: DocumentLinkSettings,
  req: LinkRequest,
): Promise<OpenedLink> {
  const dot = req.file.indexOf('.');
  const type = typeOfSegment(req.type);
  const format = dot > 0 ? formatOfExtension(req.file.slice(dot + 1)) : null;
  if (!type || !format) return { ok: false, status: 404, message: 'There is no such document.' };
  if (typeof req.key !== 'string' || typeof req.expires !== 'string' || typeof req.sig !== 'string' || !/^\d{1,12}$/.test(req.expires)) {
    return { ok: false, status: 403, message: 'This link is not valid.' };
  }
  const claims: DocumentLinkClaims = { type, id: req.file.slice(0, dot), format, keyId: req.key, expires: Number(req.expires) };
  const now = clock.now();
  if (!validSignature(claims, req.sig, await documentLinkSecret(em, settings.secret, now))) {
    return { ok: false, status: 403, message: 'This link is not valid.' };
  }
  if (claims.expires * 1000 <= now.getTime()) return { ok: false, status: 410, message: 'This link has expired. Ask for a new one.' };
  try {
    const actor = await actorOfKey(em, claims.keyId, now);
    const document = await new DocumentService({ em, actor, clock, providers: NO_PAYMENT_PROVIDERS }).render(type, claims.id, format);
    if (!document) return { ok: false, status: 404, message: 'There is no such document.' };
    return { ok: true, document };
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    if (err.code === 'UNAUTHENTICATED')
      return { ok: false, status: 410, message: 'This link is no longer valid: the key that made it was revoked.' };
    if (err.code === 'FORBIDDEN') return { ok: false, status: 403, message: 'This link does not give access to this document.' };
    if (err.code === 'NOT_FOUND') return { ok: false, status: 404, message: 'There is no such document.' };
    // CONFLICT: an e-invoice the document cannot be (a DRAFT, a missing seller detail).
    return { ok: false, status: 410, message: `This document is not available in this format: ${err.message}` };
  }
}
