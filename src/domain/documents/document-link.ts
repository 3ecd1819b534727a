import { createHmac, timingSafeEqual } from 'node:crypto';
import { DocumentFormat, DocumentType, EXTENSIONS } from './document-format';

/** What a link grants: one document in one format, as one API key, until an instant. */
export interface DocumentLinkClaims {
  type: DocumentType;
  id: string;
  format: DocumentFormat;
  keyId: string;
  /** Unix seconds. */
  expires: number;
}

// Versioned and newline-separated: no field can run into the next (ids, key ids and numbers have no newline).
function payload(c: DocumentLinkClaims): string {
  return ['tariff-document-link-v1', c.type, c.id, c.format, c.keyId, String(c.expires)].join('\n');
}

export function signature(claims: DocumentLinkClaims, secret: string): string {
  return createHmac('sha256', secret).update(payload(claims), 'utf8').digest('base64url');
}

/** The path and query of a link, root-relative: `/documents/invoice/<id>.pdf?key=…&expires=…&sig=…`. */
export function documentLinkPath(claims: DocumentLinkClaims, secret: string): string {
  const query = new URLSearchParams({ key: claims.keyId, expires: String(claims.expires), sig: signature(claims, secret) });
  return `/documents/${claims.type}/${encodeURIComponent(claims.id)}.${EXTENSIONS[claims.format]}?${query}`;
}

/** The format a link's file extension names, or null. */
export function formatOfExtension(ext: string): DocumentFormat | null {
  const found = Object.entries(EXTENSIONS).find(([, e]) => e === ext);
  return found ? (found[0] as DocumentFormat) : null;
}

export function typeOfSegment(segment: string): DocumentType | null {
  return (Object.values(DocumentType) as string[]).includes(segment) ? (segment as DocumentType) : null;
}

/** Whether the signature is the secret's for these claims, compared in constant time. */
export function validSignature(claims: DocumentLinkClaims, sig: string, secret: string): boolean {
  const expected = Buffer.from(signature(claims, secret));
  const given = Buffer.from(sig);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
